/**
 * An attacker's corpus through every public form field and query parameter: XSS, SQL, NUL,
 * CR/LF, a right-to-left override, overlong text, emoji cut in half, mixed scripts, template
 * syntax. The forms are found by walking the public site, not listed by hand. For every
 * submission: no 5xx, the payload never comes back unescaped, and nothing is lost — what was
 * accepted is stored with its marker, what was refused is handed back to the person. Redirect
 * targets are fuzzed; no outgoing mail ever has more than one recipient.
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formStamp } from "../src/platform/http/form-guard.js";
import { Browser, startTestApp, type TestApp } from "./app.js";
import { parsedMails } from "./outbox.js";

const XSS = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "<img src=x onerror=alert(1)>",
  "<svg/onload=alert(1)>",
  "javascript:alert(1)//",
  "'><iframe src=//evil.example>",
];
const CORPUS: readonly string[] = [
  ...XSS,
  "' OR '1'='1' --",
  "'); drop table cases; --",
  "1; select pg_sleep(5); --",
  "\\' or 1=1 #",
  "rad ett\u0000rad två",
  "a\r\nBcc: attacker@evil.example\r\n\r\nhej",
  "\u202Egnp.exe\u202C och \u200Bosynligt\u200D",
  "😀".repeat(2100), // cut in the middle of a pair by any limit of 4000 characters
  "Ж".repeat(50) + " Ехеmреlstаd Exempelstad ١٢٣ 中文 ❤️‍🔥",
  "{{7*7}} ${7*7} <%= 7*7 %> #{7*7}",
  "../../../../etc/passwd %2e%2e%2f",
  "x".repeat(60_000),
];

interface FormField {
  name: string;
  type: string;
  value: string;
}

/**
 * Whether a payload came back where it would run: as markup outside an attribute value (an
 * escaped quote keeps it inside), or as a javascript: link. A "<" inside a quoted attribute
 * value is text, not markup.
 */
function unescapedEcho(body: string, payload: string): boolean {
  const markup = body.replace(/="[^"]*"/g, '=""');
  if (XSS.some((x) => x.includes("<") && payload.includes(x) && markup.includes(x))) return true;
  return payload.includes("javascript:") && /(?:href|src|action|formaction)="\s*javascript:/i.test(body);
}
interface FoundForm {
  page: string;
  action: string;
  method: string;
  multipart: boolean;
  fields: FormField[];
}

function formsOn(page: string, html: string): FoundForm[] {
  const out: FoundForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attrs = m[1] as string;
    const inner = m[2] as string;
    const attr = (name: string, from: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(from)?.[1];
    const fields: FormField[] = [];
    for (const i of inner.matchAll(/<input\b([^>]*)>/g)) {
      const a = i[1] as string;
      const name = attr("name", a);
      if (!name) continue;
      const type = attr("type", a) ?? "text";
      if ((type === "radio" || type === "checkbox") && fields.some((f) => f.name === name)) continue;
      fields.push({ name, type, value: (attr("value", a) ?? "").replace(/&amp;/g, "&") });
    }
    for (const t of inner.matchAll(/<textarea\b([^>]*)>/g)) {
      const name = attr("name", t[1] as string);
      if (name) fields.push({ name, type: "textarea", value: "" });
    }
    for (const s of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const name = attr("name", s[1] as string);
      const first =
        [...(s[2] as string).matchAll(/<option value="([^"]*)"/g)].map((o) => o[1] as string).find((v) => v !== "") ??
        "";
      if (name) fields.push({ name, type: "select", value: first });
    }
    out.push({
      page,
      action: (attr("action", attrs) ?? page).replace(/&amp;/g, "&"),
      method: (attr("method", attrs) ?? "get").toLowerCase(),
      multipart: (attr("enctype", attrs) ?? "").includes("multipart"),
      fields,
    });
  }
  return out;
}

const TEXTUAL = new Set(["text", "textarea", "email", "tel", "search", "url"]);
const ordinary = (f: FormField): string =>
  f.type === "email" || /e-?post|email/i.test(f.name)
    ? "prov@example.se"
    : f.type === "tel"
      ? "070-174 06 60"
      : f.type === "textarea"
        ? "En vanlig fråga om öppettiderna i jul."
        : f.type === "select" || f.type === "radio" || f.type === "checkbox" || f.type === "hidden"
          ? f.value
          : "Vanlig text";

function multipart(fields: [string, string][]) {
  const boundary = "----klarsvar-corpus";
  const parts = fields.map(([k, v]) =>
    Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n`),
      Buffer.from(v, "utf8"),
      Buffer.from("\r\n"),
    ]),
  );
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

describe("the attacker's corpus through every public form and query", () => {
  let t: TestApp;
  const outbox = join("data", "outbox-security-corpus");
  const forms: FoundForm[] = [];
  const stats = { submissions: 0, accepted: 0, refused: 0, queries: 0 };

  beforeAll(async () => {
    await rm(outbox, { recursive: true, force: true });
    t = await startTestApp({
      work: true,
      env: {
        MAIL_OUTBOX_DIR: outbox,
        FORM_RATE_LIMIT_PER_MINUTE: "100000",
        RATE_LIMIT_PER_MINUTE: "100000",
        LOGIN_RATE_LIMIT_PER_MINUTE: "100000",
        BODY_LIMIT_BYTES: "262144",
      },
    });
    // Walk the public site for its forms.
    const b = new Browser(t.app);
    const seen = new Set<string>();
    const queue = [
      "/",
      "/fraga",
      "/begar-handling",
      "/forslag/nytt",
      "/klarsprakskollen",
      "/press",
      "/logga-in",
      "/stod",
      "/diarium",
      "/forslag",
    ];
    while (queue.length > 0 && seen.size < 80) {
      const url = queue.shift() as string;
      if (seen.has(url) || url.startsWith("/static") || url.startsWith("/arbetsyta")) continue;
      seen.add(url);
      const res = await b.get(url);
      if (res.statusCode !== 200 || !String(res.headers["content-type"]).includes("html")) continue;
      for (const f of formsOn(url, res.body))
        if (!forms.some((x) => x.action === f.action && x.method === f.method)) forms.push(f);
      for (const m of res.body.matchAll(/href="(\/[^"#?]*)"/g))
        if (!seen.has(m[1] as string)) queue.push(m[1] as string);
    }
  });
  afterAll(async () => {
    console.log(
      `security corpus: ${forms.length} forms, ${stats.submissions} submissions (${stats.accepted} accepted, ${stats.refused} refused with the text back), ${stats.queries} queries`,
    );
    await t?.close();
  });

  it("finds the public forms by walking the site", () => {
    const actions = forms.map((f) => `${f.method} ${f.action}`);
    for (const must of [
      "post /fraga",
      "post /begar-handling",
      "post /forslag/nytt",
      "post /klarsprakskollen",
      "post /logga-in",
      "get /stod",
      "get /diarium",
    ])
      expect(actions).toContain(must);
  });

  it("no 5xx, no unescaped echo, nothing lost, through every text field of every form", async () => {
    let n = 0;
    const problems: string[] = [];
    for (const form of forms.filter((f) => f.method === "post")) {
      for (const field of form.fields.filter((f) => TEXTUAL.has(f.type) && f.name !== "webbplats")) {
        for (const payload of CORPUS) {
          const marker = `KS${++n}x`;
          const b = new Browser(t.app);
          const page = await b.get(form.page);
          const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
          const fields: [string, string][] = form.fields.map((f) => {
            if (f.name === "_csrf") return [f.name, token];
            if (f.name === "stamp") return [f.name, formStamp(t.config.sessionSecret, Date.now() - 10_000)];
            if (f.name === "webbplats") return [f.name, ""];
            return [f.name, f.name === field.name ? `${marker} ${payload}` : ordinary(f)];
          });
          const body = form.multipart
            ? multipart(fields)
            : {
                payload: new URLSearchParams(fields).toString(),
                headers: { "content-type": "application/x-www-form-urlencoded" },
              };
          const res = await t.app.inject({
            method: "POST",
            url: form.action,
            ...body,
            cookies: { ks_csrf: b.cookie("ks_csrf") as string },
          });
          stats.submissions++;
          const where = `${form.action} ${field.name} ${JSON.stringify(payload.slice(0, 40))}`;
          if (res.statusCode >= 500) problems.push(`${where}: ${res.statusCode}`);
          if (unescapedEcho(res.body, payload)) problems.push(`${where}: echoed unescaped`);
          // Nothing lost: what is accepted is kept, what is refused comes back to the person.
          if (res.statusCode === 303) {
            stats.accepted++;
            if (
              ["/fraga", "/begar-handling", "/forslag/nytt"].includes(form.action) &&
              ["question", "requested", "description", "title"].includes(field.name)
            ) {
              const kept =
                (await t.database.db
                  .selectFrom("case_messages")
                  .select("id")
                  .where("body", "like", `%${marker} %`)
                  .executeTakeFirst()) ??
                (await t.database.db
                  .selectFrom("ideas")
                  .select("id")
                  .where((eb) =>
                    eb.or([eb("description", "like", `%${marker} %`), eb("title", "like", `%${marker} %`)]),
                  )
                  .executeTakeFirst());
              if (!kept) problems.push(`${where}: accepted but not stored`);
            }
          } else if (res.statusCode === 400 || res.statusCode === 413) {
            stats.refused++;
            if (
              res.statusCode === 400 &&
              field.name !== "email" &&
              !res.body.includes(marker) &&
              form.action !== "/logga-in"
            )
              problems.push(`${where}: refused without the text back`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(stats.submissions).toBeGreaterThan(150);
  }, 600_000);

  it("no 5xx and no unescaped echo through every query parameter", async () => {
    const b = new Browser(t.app);
    const problems: string[] = [];
    const targets = forms
      .filter((f) => f.method === "get")
      .flatMap((f) => f.fields.filter((x) => TEXTUAL.has(x.type)).map((x) => ({ action: f.action, name: x.name })));
    targets.push(
      { action: "/open311/v2/requests.json", name: "service_code" },
      { action: "/open311/v2/requests.json", name: "status" },
      { action: "/forslag/flode.rss", name: "kategori" },
      { action: "/press/rss.xml", name: "amne" },
      { action: "/stod/hitta", name: "situation" },
    );
    for (const { action, name } of targets) {
      for (const payload of CORPUS) {
        const res = await b.get(`${action}?${new URLSearchParams({ [name]: payload.slice(0, 3000) }).toString()}`);
        stats.queries++;
        if (res.statusCode >= 500)
          problems.push(`${action}?${name}=${JSON.stringify(payload.slice(0, 30))}: ${res.statusCode}`);
        if (unescapedEcho(res.body, payload))
          problems.push(`${action}?${name}=${JSON.stringify(payload.slice(0, 30))}: echoed unescaped`);
      }
    }
    // A NUL anywhere in the query is answered 400, never 500.
    expect((await b.get("/diarium?q=a%00b")).statusCode).toBe(400);
    expect((await b.get("/stod?q=%00")).statusCode).toBe(400);
    expect(problems).toEqual([]);
  });

  it("escapes what staff type too: a media contact named like markup is shown as text everywhere it appears", async () => {
    const staff = new Browser(t.app);
    await staff.login("kommunikator@example.se");
    const csrf = await staff.csrfFrom("/arbetsyta/press/kontakter");
    const name = "<img src=x onerror=alert(1)>";
    expect(
      (
        await staff.post("/arbetsyta/press/kontakter", {
          _csrf: csrf,
          name,
          email: "markup@example.se",
          phone: "",
          outlet: "<b>Tidning</b>",
          beats: "",
          basis: "allmänt intresse",
          source: "Test",
        })
      ).statusCode,
    ).toBe(303);
    const page = await staff.get("/arbetsyta/press/kontakter");
    expect(page.body).toContain("&lt;img src=x onerror=alert(1)");
    expect(unescapedEcho(page.body, name)).toBe(false);
    expect(page.body).not.toContain("<b>Tidning</b>");
  });

  it("sends every redirect to a page of ours, however the target is written", async () => {
    const b = new Browser(t.app);
    const parts = [
      "/",
      "//",
      "\\",
      "\t",
      "\n",
      "%2f",
      "%5c",
      "%09",
      ".",
      "evil.example",
      "@",
      ":",
      "http:",
      " ",
      "%0d%0a",
      "\u3002",
    ];
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const targets = [
      "/\t/evil.example/phish",
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "/.//evil.example",
    ];
    for (let i = 0; i < 300; i++)
      targets.push(
        Array.from({ length: 1 + Math.floor(next() * 5) }, () => parts[Math.floor(next() * parts.length)]).join(""),
      );
    const staff = new Browser(t.app);
    await staff.login("kommunikator@example.se");
    for (const target of targets) {
      for (const res of [
        await b.get(`/sprak/en?tillbaka=${encodeURIComponent(target)}`),
        await staff.get(`/logga-in?nasta=${encodeURIComponent(target)}`),
      ]) {
        const location = String(res.headers.location ?? "");
        expect(res.statusCode, target).toBe(303);
        expect(new URL(location, "https://klarsvar.example.se").origin, `${target} → ${location}`).toBe(
          "https://klarsvar.example.se",
        );
        expect(/^\/[^/\\]|^\/$/.test(location), `${target} → ${location}`).toBe(true);
      }
    }
    // The exact attack from the report.
    const res = await b.get("/sprak/en?tillbaka=%2F%09%2Fevil.example%2Fphish");
    expect(res.headers.location).toBe("/");
  });

  it("never writes to more than one recipient, whatever was typed as the address", async () => {
    const key = "open311-key-for-the-corpus-0001";
    await t.close();
    t = await startTestApp({
      work: true,
      env: { MAIL_OUTBOX_DIR: outbox, OPEN311_API_KEYS: key, RATE_LIMIT_PER_MINUTE: "100000" },
    });
    for (const email of [
      "a@example.se, attacker@evil.example",
      "a@example.se\r\nBcc: attacker@evil.example",
      "a@example.se;attacker@evil.example",
      "Kalle <attacker@evil.example>",
    ]) {
      const res = await t.app.inject({
        method: "POST",
        url: "/open311/v2/requests.json",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: new URLSearchParams({
          api_key: key,
          service_code: "pengar",
          lat: "59.3",
          long: "18.0",
          description: "Hur söker jag bistånd?",
          email,
        }).toString(),
      });
      expect(res.statusCode, email).toBe(400);
      expect(res.body).toContain("email");
    }
    // Let the acknowledgement jobs of everything sent above run, then read every mail written.
    await new Promise((r) => setTimeout(r, 3000));
    const mails = await parsedMails(outbox);
    expect(mails.length).toBeGreaterThan(0);
    for (const m of mails) {
      const headers = m.raw.split(/\r?\n\r?\n/)[0] ?? "";
      expect(
        m.to.includes(",") || m.to.includes(";") || /^(?:cc|bcc):/im.test(headers) || /evil\.example/.test(headers),
        `${m.to}\n${headers}`,
      ).toBe(false);
    }
  });
});
