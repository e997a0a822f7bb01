/**
 * Enhancement for the klarspråk editor: updates the findings panel while the writer types
 * (debounced). The page works without it — the form posts and the server renders the same
 * panel. All text comes from the page (data-texts), so the script holds no language.
 */
import { IntlMessageFormat } from "intl-messageformat";

interface Finding {
  ruleId: string;
  severity: "error" | "warning" | "suggestion";
  message: string;
  suggestion: string | null;
  line: number;
  column: number;
}

interface Analysis {
  lix: {
    value: number | null;
    band: string | null;
    label: string | null;
    explanation: string | null;
    words: number;
    sentences: number;
  };
  ovix: { whole: number | null };
  wordsPerSentence: number | null;
  longWordShare: number | null;
  counts: { error: number; warning: number; suggestion: number };
  findings: Finding[];
}

const DEBOUNCE_MS = 400;
const TONE = { error: "red", warning: "yellow", suggestion: "blue" } as const;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The page's ICU message with its values, in the page's language (plurals and numbers as on the server). */
function fill(template: string, values: Record<string, string | number>): string {
  const locale = document.documentElement.lang === "en" ? "en-GB" : "sv-SE";
  return String(new IntlMessageFormat(template, locale, undefined, { ignoreTag: true }).format(values));
}

function render(body: HTMLElement, a: Analysis, t: Record<string, string>): void {
  const tx = (k: string) => t[k] ?? k;
  const frag = document.createDocumentFragment();
  const score = el("div", `ks-score ks-score--${a.lix.band ?? "none"}`);
  const p = el("p", "ks-score__value");
  p.append(
    el("span", "ks-score__label", tx("ks.lix")),
    el("strong", "ks-score__number", a.lix.value === null ? "–" : String(Math.round(a.lix.value))),
    el("span", "ks-score__band", a.lix.label ?? ""),
  );
  score.append(p);
  if (a.lix.explanation) score.append(el("p", "ks-score__explanation", a.lix.explanation));
  frag.append(score);

  const stats = el("dl", "ks-stats");
  const stat = (k: string, v: string) => {
    const d = el("div");
    d.append(el("dt", undefined, tx(k)), el("dd", undefined, v));
    stats.append(d);
  };
  stat("ks.words", String(a.lix.words));
  stat("ks.sentences", String(a.lix.sentences));
  stat("ks.wordsPerSentence", a.wordsPerSentence === null ? "–" : String(a.wordsPerSentence));
  stat("ks.longWords", a.longWordShare === null ? "–" : `${Math.round(a.longWordShare * 100)} %`);
  stat("ks.ovix", a.ovix.whole === null ? "–" : String(Math.round(a.ovix.whole)));
  frag.append(stats);

  frag.append(el("h3", undefined, tx("ks.findings")), el("p", "ks-counts", fill(tx("ks.counts"), a.counts)));
  if (a.findings.length === 0) {
    frag.append(el("p", undefined, tx("ks.noFindings")));
  } else {
    const list = el("ol", "ks-findings");
    for (const f of a.findings.slice(0, 200)) {
      const li = el("li", `ks-finding ks-finding--${f.severity}`);
      li.append(
        el("strong", `tag tag--${TONE[f.severity] ?? "neutral"}`, tx(`ks.severity.${f.severity}`)),
        el("span", "ks-finding__message", f.message),
      );
      if (f.suggestion) {
        const s = el("span", "ks-finding__suggestion");
        s.append(document.createTextNode(` ${tx("ks.suggestion")} `), el("strong", undefined, f.suggestion));
        li.append(s);
      }
      li.append(
        el("span", "ks-finding__position", ` (${fill(tx("ks.position"), { line: f.line, column: f.column })})`),
      );
      list.append(li);
    }
    frag.append(list);
  }
  body.replaceChildren(frag);
}

function init(root: HTMLElement): void {
  const input = document.getElementById(root.dataset["input"] ?? "");
  const body = root.querySelector<HTMLElement>("[data-ks-body]");
  const api = root.dataset["api"];
  if (!(input instanceof HTMLTextAreaElement) || !body || !api) return;
  const texts = JSON.parse(root.dataset["texts"] ?? "{}") as Record<string, string>;
  const form = input.form;
  let timer: number | undefined;
  let inFlight: AbortController | undefined;

  const formatOf = (): string => {
    const checked = form?.querySelector<HTMLInputElement>('input[name="format"]:checked');
    return checked?.value ?? root.dataset["format"] ?? "text";
  };

  const run = async () => {
    inFlight?.abort();
    const controller = new AbortController();
    inFlight = controller;
    const text = input.value;
    if (!text.trim()) {
      body.replaceChildren(el("p", undefined, texts["ks.empty"] ?? ""));
      return;
    }
    try {
      const res = await fetch(api, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ text, format: formatOf(), lang: document.documentElement.lang === "en" ? "en" : "sv" }),
        signal: controller.signal,
      });
      if (!res.ok) throw new Error(String(res.status));
      render(body, (await res.json()) as Analysis, texts);
      root.dataset["state"] = "updated";
    } catch (error) {
      if ((error as Error).name === "AbortError") return;
      body.replaceChildren(el("p", "ks-error", texts["ks.error.failed"] ?? ""));
    }
  };

  const schedule = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void run(), DEBOUNCE_MS);
  };
  input.addEventListener("input", schedule);
  form?.addEventListener("change", (e) => {
    if ((e.target as HTMLInputElement).name === "format") schedule();
  });
}

for (const root of document.querySelectorAll<HTMLElement>('[data-module="klarsprak-editor"]')) init(root);
