/**
 * The "Obesvarat" board updates itself: when the server says cases changed, the list is
 * fetched again and replaced, and screen readers hear a short notice. Without JavaScript,
 * reloading the page does the same.
 */
function init(root: HTMLElement): void {
  const url = root.dataset["events"];
  if (!url || typeof EventSource === "undefined") return;
  const status = root.querySelector<HTMLElement>("[data-board-status]");
  const source = new EventSource(url);
  let fetching = false;
  source.addEventListener("change", () => {
    if (fetching) return;
    fetching = true;
    fetch(window.location.href, { headers: { accept: "text/html" } })
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status)))))
      .then((html) => {
        const next = new DOMParser()
          .parseFromString(html, "text/html")
          .querySelector<HTMLElement>('[data-module="live-board"] [data-board-list]');
        const current = root.querySelector<HTMLElement>("[data-board-list]");
        if (next && current) current.replaceWith(next);
        if (status) status.textContent = root.dataset["updated"] ?? "";
        root.dataset["state"] = "updated";
      })
      .catch(() => undefined)
      .finally(() => {
        fetching = false;
      });
  });
}

for (const root of document.querySelectorAll<HTMLElement>('[data-module="live-board"]')) init(root);
