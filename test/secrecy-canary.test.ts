/**
 * The canary walk (OSL 26 kap 1 §): unique words, names, addresses and a test personal
 * identity number are planted in secret cases arriving on every channel — the web form,
 * e-mail, a Messenger message through Meta's webhook, a Mastodon mention, Open311, a report of
 * concern, and a follow-up that turns a public case secret. Then every staff role, and an
 * anonymous visitor, walks the whole site without opening anything: every GET route in the
 * registry (with the ids we know for its parameters), every link on every page it reaches,
 * feeds, JSON, CSV and the live board's event stream. No canary may appear anywhere.
 *
 * The walk is repeated after each side action a person is offered: a case officer opens a
 * secret case and makes a request for public documents from it; the registrar opens an
 * unrouted secret case and routes it (and may not read it afterwards); answers to similar
 * questions are offered across units. Every opening is in the audit log with its purpose.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pollMastodon } from "../src/modules/social/mastodon.js";
import { metaSignature } from "../src/modules/social/signature.js";
import { encryptToken } from "../src/modules/social/tokens.js";
import { receiveMails } from "../src/modules/inbox/mail/intake.js";
import { formStamp } from "../src/platform/http/form-guard.js";
import { Browser, startTestApp, type TestApp } from "./app.js";
import { BACKENDS } from "./db.js";
import { FakeMastodon } from "./fakes/mastodon.js";

const META_SECRET = "meta-app-secret-for-tests-0123456789";
const OPEN311_KEY = "open311-key-for-the-canary-walk-0001";
const PAGE = "100200300";
/** Skatteverket's published test person. */
const PNR = "19121212-1212";
const WORDS = [
  "KANARIEWEBB",
  "KANARIEMEJL",
  "KANARIEMETA",
  "KANARIEMASTO",
  "KANARIEOPEN",
  "KANARIEORO",
  "KANARIEFOLJ",
  "KANARIEHEMLIGTSVAR",
  "KANARIESTROM",
];
const NAMES = ["Webbsdotter", "Mejlsson", "Metasson", "Mastodottir", "Openqvist", "Orosson"];
const EMAILS = [
  "kanarie.webb@example.se",
  "kanarie.mejl@example.se",
  "kanarie.open@example.se",
  "kanarie.oro@example.se",
];
const PHONE = "070-174 06 77";
/** In a public answer: not a canary (the public case shows it), but masked in suggestions. */
const ANSWER_PHONE = "070-174 06 78";
const WALKERS = [
  "admin@example.se",
  "kommunikator@example.se",
  "handlaggare@example.se",
  "chef@example.se",
  "medarbetare@example.se",
  "registrator@example.se",
] as const;

function multipart(fields: Record<string, string>) {
  const boundary = "----klarsvar-canary";
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  return {
    payload: Buffer.from(`${parts.join("")}--${boundary}--\r\n`),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

interface Found {
  readonly url: string;
  readonly canary: string;
  readonly around: string;
}

describe.each(BACKENDS)("the canary walk on %s", (backend) => {
  let t: TestApp;
  let base = "";
  const masto = new FakeMastodon("mastodon-token-canary-0001", {
    id: "110000009",
    acct: "socialforvaltningen",
    display_name: "Socialförvaltningen",
  });
  const cases: Record<string, { id: string; number: string }> = {};
  const baselinePnr = new Map<string, Set<string>>();

  beforeAll(async () => {
    await masto.start();
    t = await startTestApp({
      backend,
      work: true,
      env: {
        META_APP_SECRET: META_SECRET,
        META_VERIFY_TOKEN: "verify-token-for-tests-0123456789",
        OPEN311_API_KEYS: OPEN311_KEY,
        RATE_LIMIT_PER_MINUTE: "100000",
        FORM_RATE_LIMIT_PER_MINUTE: "1000",
        LOGIN_RATE_LIMIT_PER_MINUTE: "1000",
      },
    });
    base = await t.app.listen({ port: 0, host: "127.0.0.1" });
    await t.database.db
      .insertInto("social_accounts")
      .values([
        {
          org_id: t.org.id,
          platform: "facebook",
          external_id: PAGE,
          name: "Socialförvaltningen Exempelstad",
          token_encrypted: encryptToken(t.config.social.tokenKey, "page-token-fb"),
        },
        {
          org_id: t.org.id,
          platform: "mastodon",
          external_id: "110000009",
          name: "@socialforvaltningen",
          base_url: masto.url,
          token_encrypted: encryptToken(t.config.social.tokenKey, "mastodon-token-canary-0001"),
        },
      ])
      .execute();
  });
  afterAll(async () => {
    await t?.close();
    await masto.stop();
  });

  const deps = () => ({ db: t.database.db, jobs: t.jobs, secret: t.config.sessionSecret });
  /** The case a canary landed in (Meta's deliveries become cases in a job: wait for it). */
  const caseBy = async (needle: string) => {
    for (let i = 0; i < 200; i++) {
      const row = await t.database.db
        .selectFrom("case_messages as m")
        .innerJoin("cases as c", "c.id", "m.case_id")
        .select(["c.id", "c.number", "c.secret", "c.unit_id", "c.concern_report"])
        .where("m.body", "like", `%${needle}%`)
        .orderBy("m.created_at")
        .executeTakeFirst();
      if (row) return row;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`No case with ${needle}`);
  };

  async function signedIn(email: string): Promise<Browser> {
    const b = new Browser(t.app);
    expect((await b.login(email)).statusCode).toBe(303);
    return b;
  }

  /** Every GET route with the ids we know for its parameters, plus every link reachable from them. */
  async function walk(b: Browser, anonymous = false): Promise<Map<string, string>> {
    const ids = await knownIds();
    const seeds = new Set<string>([
      "/",
      "/arbetsyta",
      "/diarium",
      "/open311/v2/requests.json",
      "/open311/v2/requests.xml",
      "/forslag/flode.rss",
      "/forslag/flode.atom",
      "/press/rss.xml",
      "/press/feed.json",
    ]);
    for (const n of ids.numbers) {
      seeds.add(`/diarium?q=${encodeURIComponent(n)}`);
      seeds.add(`/open311/v2/requests/${n}.json`);
      seeds.add(`/open311/v2/requests/${n}.xml`);
    }
    for (const r of t.app.klarsvar.routes) {
      if (r.method !== "GET" || (anonymous && r.url.startsWith("/arbetsyta"))) continue;
      for (const url of instantiate(r.url, ids)) seeds.add(url);
    }
    const pages = new Map<string, string>();
    const queue = [...seeds];
    const perPath = new Map<string, number>();
    while (queue.length > 0 && pages.size < 1500) {
      const url = queue.shift() as string;
      if (pages.has(url) || /\/(logga-ut|static)\b|\/handelser$/.test(url)) continue;
      const path = url.split("?")[0] as string;
      // Many query strings of one page (filters, paging) add little: a few of each.
      const n = perPath.get(path) ?? 0;
      if (n >= 6) continue;
      perPath.set(path, n + 1);
      const res = await b.get(url);
      const body = res.rawPayload.toString("utf8");
      pages.set(url, body);
      if (res.statusCode !== 200) continue;
      for (const m of body.matchAll(/href="(\/[^"#]*)"/g)) {
        const link = (m[1] as string).replace(/&amp;/g, "&");
        if (!pages.has(link)) queue.push(link);
      }
    }
    if (!anonymous) pages.set("/arbetsyta/inkorg/handelser", await eventStream(b));
    return pages;
  }

  /** The live board's stream, read for a while after a new secret message arrives. */
  async function eventStream(b: Browser): Promise<string> {
    const controller = new AbortController();
    const res = await fetch(`${base}/arbetsyta/inkorg/handelser`, {
      headers: { cookie: b.cookieHeader() },
      signal: controller.signal,
    });
    if (!res.body) return "";
    const reader = res.body.getReader();
    let text = "";
    const until = Date.now() + 2500;
    const nudge = setTimeout(
      () => void planted("stream", `Jag har fått avslag på mitt bistånd. ${WORDS[8]} i strömmen.`),
      300,
    );
    while (Date.now() < until) {
      const next = await Promise.race([
        reader.read(),
        new Promise<{ done: true; value?: undefined }>((r) => setTimeout(() => r({ done: true }), until - Date.now())),
      ]);
      if (next.done) break;
      text += Buffer.from(next.value).toString("utf8");
    }
    clearTimeout(nudge);
    controller.abort();
    return text;
  }

  async function knownIds() {
    const db = t.database.db;
    const [c, r, d, a, i] = await Promise.all([
      db.selectFrom("cases").select(["id", "number"]).execute(),
      db.selectFrom("document_requests").select("id").execute(),
      db.selectFrom("request_documents").select("id").execute(),
      db.selectFrom("attachments").select("id").execute(),
      db.selectFrom("ideas").select(["id", "number"]).execute(),
    ]);
    return {
      cases: c.map((x) => x.id),
      numbers: c.map((x) => x.number),
      requests: r.map((x) => x.id),
      documents: d.map((x) => x.id),
      attachments: a.map((x) => x.id),
      ideas: i.map((x) => x.id),
    };
  }

  function instantiate(route: string, ids: Awaited<ReturnType<typeof knownIds>>): string[] {
    if (!route.includes(":")) return [route];
    const pools: Record<string, readonly string[]> = {
      ":caseId": ids.cases,
      ":docId": ids.documents,
      ":fileId": ids.attachments,
      ":id": route.startsWith("/arbetsyta/begaran")
        ? ids.requests
        : route.startsWith("/arbetsyta/forslag")
          ? ids.ideas
          : ids.cases,
    };
    let urls = [route];
    for (const [param, pool] of Object.entries(pools)) {
      if (!route.includes(param)) continue;
      urls = urls.flatMap((u) => pool.slice(0, 40).map((v) => u.replace(param, v)));
    }
    return urls.filter((u) => !u.includes(":")).slice(0, 120);
  }

  function canariesIn(pages: Map<string, string>, walker: string, allowed: readonly string[] = []): Found[] {
    const found: Found[] = [];
    const strings = [...WORDS, ...NAMES, ...EMAILS, PHONE].filter((s) => !allowed.includes(s));
    for (const [url, body] of pages) {
      const lower = body.toLowerCase();
      for (const c of strings) {
        const at = lower.indexOf(c.toLowerCase());
        if (at >= 0) found.push({ url, canary: c, around: body.slice(Math.max(0, at - 80), at + 80) });
      }
      for (const form of [PNR, PNR.slice(2), PNR.replace("-", "")]) {
        if (body.includes(form) && !baselinePnr.get(walker)?.has(url))
          found.push({
            url,
            canary: form,
            around: body.slice(Math.max(0, body.indexOf(form) - 80), body.indexOf(form) + 80),
          });
      }
    }
    return found;
  }

  async function planted(kind: string, text: string): Promise<void> {
    const b = new Browser(t.app);
    const token = await b.csrfFrom("/fraga");
    const { payload, headers } = multipart({
      _csrf: token,
      stamp: formStamp(t.config.sessionSecret, Date.now() - 10_000),
      question: `${text} (${kind})`,
      category: "pengar",
    });
    await t.app.inject({
      method: "POST",
      url: "/fraga",
      payload,
      headers,
      cookies: { ks_csrf: b.cookie("ks_csrf") as string },
    });
  }

  async function walkEveryone(
    label: string,
    except: readonly string[] = [],
    allowed: Record<string, readonly string[]> = {},
  ) {
    const problems: string[] = [];
    let pages = 0;
    for (const email of WALKERS) {
      if (except.includes(email)) continue;
      const walked = await walk(await signedIn(email));
      pages += walked.size;
      for (const f of canariesIn(walked, email, allowed[email] ?? []))
        problems.push(`${label} — ${email} saw ${f.canary} on ${f.url}: …${f.around}…`);
    }
    const anonymous = await walk(new Browser(t.app), true);
    pages += anonymous.size;
    for (const f of canariesIn(anonymous, "anonymous"))
      problems.push(`${label} — anonymous saw ${f.canary} on ${f.url}: …${f.around}…`);
    console.log(`canary walk (${backend}) ${label}: ${pages} pages, ${problems.length} canaries found`);
    expect(problems).toEqual([]);
    expect(pages).toBeGreaterThan(300);
  }

  it("finds no canary anywhere after secret messages arrive on every channel", async () => {
    // What every walker sees before anything is planted (demo data has the test person in a request's document).
    for (const email of WALKERS) {
      const before = await walk(await signedIn(email));
      baselinePnr.set(
        email,
        new Set(
          [...before]
            .filter(
              ([, body]) => body.includes(PNR) || body.includes(PNR.slice(2)) || body.includes(PNR.replace("-", "")),
            )
            .map(([url]) => url),
        ),
      );
    }
    baselinePnr.set("anonymous", new Set());

    // Web form, with name, address and phone.
    const web = new Browser(t.app);
    let token = await web.csrfFrom("/fraga");
    let form = multipart({
      _csrf: token,
      stamp: formStamp(t.config.sessionSecret, Date.now() - 10_000),
      category: "pengar",
      name: "Kerstin Webbsdotter",
      email: EMAILS[0] as string,
      phone: PHONE,
      question: `Jag har sökt försörjningsstöd och fått avslag. Mitt personnummer är ${PNR}. Kodord ${WORDS[0]}.`,
    });
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: "/fraga",
          ...form,
          cookies: { ks_csrf: web.cookie("ks_csrf") as string },
        })
      ).statusCode,
    ).toBe(303);
    // A report of concern about a child.
    token = await web.csrfFrom("/fraga");
    form = multipart({
      _csrf: token,
      stamp: formStamp(t.config.sessionSecret, Date.now() - 10_000),
      category: "barn-familj",
      name: "Olle Orosson",
      email: EMAILS[3] as string,
      question: `Jag är orolig för grannens barn ${WORDS[5]}. Pappan slår honom varje kväll, jag hör det genom väggen.`,
    });
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: "/fraga",
          ...form,
          cookies: { ks_csrf: web.cookie("ks_csrf") as string },
        })
      ).statusCode,
    ).toBe(303);

    // E-mail, through the same intake the IMAP reader uses (no category: nobody owns it yet).
    const raw = Buffer.from(
      [
        `From: Maja Mejlsson <${EMAILS[1]}>`,
        "To: kontakt@example.se",
        "Subject: Min ansökan",
        `Message-ID: <canary-${Date.now()}@example.se>`,
        `Date: ${new Date().toUTCString()}`,
        "Content-Type: text/plain; charset=utf-8",
        "",
        `Hej! Min handläggare har inte svarat om min ansökan om bistånd. Personnummer ${PNR}. ${WORDS[1]}`,
        "",
      ].join("\r\n"),
    );
    const mailed = await receiveMails(
      deps(),
      { orgId: t.org.id, domain: t.config.mail.domain, mailbox: "INBOX", maxAttachmentBytes: 10_000_000 },
      [{ uid: 1, source: raw, size: raw.length, truncated: false }],
    );
    expect(mailed[0]?.outcome).toBe("case");

    // A Messenger message through Meta's signed webhook.
    const meta = Buffer.from(
      JSON.stringify({
        object: "page",
        entry: [
          {
            id: PAGE,
            time: Date.now(),
            messaging: [
              {
                sender: { id: "880077" },
                recipient: { id: PAGE },
                timestamp: Date.now(),
                message: {
                  mid: `m_canary_${Date.now()}`,
                  text: `Hej, jag är Mats Metasson. Min socialsekreterare svarar inte om min placering. ${WORDS[2]} ${PNR}`,
                },
              },
            ],
          },
        ],
      }),
    );
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: "/webhooks/meta",
          payload: meta,
          headers: { "content-type": "application/json", "x-hub-signature-256": metaSignature(META_SECRET, meta) },
        })
      ).statusCode,
    ).toBe(200);

    // A Mastodon mention (direct), polled from the instance.
    masto.mention(
      { id: "220099", acct: "mastodottir@mastodon.example", display_name: "Mia Mastodottir" },
      `Mitt ärende om boendestöd har stått still i två månader. ${WORDS[3]}`,
      { visibility: "direct" },
    );
    const account = await t.database.db
      .selectFrom("social_accounts")
      .select("id")
      .where("platform", "=", "mastodon")
      .executeTakeFirstOrThrow();
    expect(await pollMastodon(deps(), t.config.social.tokenKey, t.org.id, account.id)).toBe(1);

    // Open311.
    const open311 = await t.app.inject({
      method: "POST",
      url: "/open311/v2/requests.json",
      payload: new URLSearchParams({
        api_key: OPEN311_KEY,
        service_code: "pengar",
        lat: "59.33",
        long: "18.06",
        email: EMAILS[2] as string,
        first_name: "Olof",
        last_name: "Openqvist",
        description: `Jag har fått ett beslut om avslag på mitt försörjningsstöd. ${WORDS[4]} ${PNR}`,
      }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(open311.statusCode).toBe(201);

    // A public question that becomes secret with the person's follow-up.
    token = await web.csrfFrom("/fraga");
    form = multipart({
      _csrf: token,
      stamp: formStamp(t.config.sessionSecret, Date.now() - 10_000),
      category: "pengar",
      question: "Hur ansöker man om ekonomiskt bistånd?",
    });
    const asked = await t.app.inject({
      method: "POST",
      url: "/fraga",
      ...form,
      cookies: { ks_csrf: web.cookie("ks_csrf") as string },
    });
    const follow = (asked.headers.location as string).split("?")[0] as string;
    token = await web.csrfFrom(follow);
    expect(
      (
        await web.post(follow, {
          _csrf: token,
          message: `Jag har redan fått avslag på min ansökan. ${WORDS[6]} ${PNR}`,
        })
      ).statusCode,
    ).toBe(303);

    for (const w of WORDS.slice(0, 7)) {
      const c = await caseBy(w);
      expect({ word: w, secret: c.secret }).toEqual({ word: w, secret: true });
      cases[w] = { id: c.id, number: c.number };
    }
    expect((await caseBy(WORDS[5] as string)).concern_report).toBe(true);
    expect((await caseBy(WORDS[1] as string)).unit_id).toBeNull();

    await walkEveryone("after arrival");
  });

  it("finds none after a case officer opens a secret case and makes a request for public documents from it", async () => {
    const officer = await signedIn("handlaggare@example.se");
    const c = cases[WORDS[0] as string] as { id: string; number: string };
    let token = await officer.csrfFrom(`/arbetsyta/arenden/${c.id}`);
    // Not without opening it first: the request copies the person's words.
    expect((await officer.post(`/arbetsyta/begaran/fran-arende/${c.id}`, { _csrf: token })).statusCode).toBe(403);
    expect((await officer.post(`/arbetsyta/arenden/${c.id}/oppna`, { _csrf: token, syfte: "handle" })).statusCode).toBe(
      303,
    );
    expect((await officer.get(`/arbetsyta/arenden/${c.id}`)).body).toContain(WORDS[0]);
    token = await officer.csrfFrom(`/arbetsyta/arenden/${c.id}`);
    const made = await officer.post(`/arbetsyta/begaran/fran-arende/${c.id}`, { _csrf: token });
    expect(made.statusCode).toBe(303);
    const requestUrl = made.headers.location as string;
    const page = await officer.get(requestUrl);
    expect(page.body).toContain(WORDS[0]);
    const source = /name="source"[\s\S]*?<option value="([^"]+)"/.exec(page.body)?.[1] as string;
    token = await officer.csrfFrom(requestUrl);
    expect((await officer.post(`${requestUrl}/dokument/fran-arendet`, { _csrf: token, source })).statusCode).toBe(303);
    // Someone at another unit: the request is not theirs to open, and the list shows no words.
    const chef = await signedIn("chef@example.se");
    expect((await chef.get(requestUrl)).statusCode).toBe(403);
    await walkEveryone("after a request from a secret case", ["handlaggare@example.se"]);
  });

  it("finds none after the registrar opens an unrouted secret case, routes it, and then may not read it", async () => {
    const registrar = await signedIn("registrator@example.se");
    const c = cases[WORDS[1] as string] as { id: string; number: string };
    let page = await registrar.get(`/arbetsyta/arenden/${c.id}`);
    expect(page.body).not.toContain(WORDS[1]);
    expect(page.body).toContain("Fördela ärendet till rätt enhet");
    expect(page.body).not.toContain("Arbeta med ärendet");
    let token = await registrar.csrfFrom(`/arbetsyta/arenden/${c.id}`);
    expect(
      (await registrar.post(`/arbetsyta/arenden/${c.id}/oppna`, { _csrf: token, syfte: "handle" })).statusCode,
    ).toBe(400);
    expect(
      (await registrar.post(`/arbetsyta/arenden/${c.id}/oppna`, { _csrf: token, syfte: "route" })).statusCode,
    ).toBe(303);
    page = await registrar.get(`/arbetsyta/arenden/${c.id}`);
    expect(page.body).toContain(WORDS[1]);
    // Routing, not handling: no reply composer for the registrar.
    expect(page.body).not.toContain("Skicka svaret");
    const unit = await t.database.db
      .selectFrom("units")
      .select("id")
      .where("slug", "=", "ekonomiskt-bistand")
      .executeTakeFirstOrThrow();
    token = await registrar.csrfFrom(`/arbetsyta/arenden/${c.id}`);
    expect(
      (
        await registrar.post(`/arbetsyta/arenden/${c.id}/flytta`, {
          _csrf: token,
          enhet: unit.id,
          reason: "Gäller ekonomiskt bistånd",
        })
      ).statusCode,
    ).toBe(303);
    // Routed: the registrar's opening no longer lets anything through.
    page = await registrar.get(`/arbetsyta/arenden/${c.id}`);
    expect(page.body).not.toContain(WORDS[1]);
    expect((await registrar.get(`/arbetsyta/inkorg?enhet=ingen`)).body).not.toContain(c.number);
    const audits = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("subject_id", "=", c.id)
      .where("action", "in", ["case.secret.open", "case.route"])
      .orderBy("id")
      .execute();
    expect(audits.map((a) => a.action)).toEqual(["case.secret.open", "case.route"]);
    expect(audits[0]?.details).toMatchObject({ purpose: "Fördela ärendet till rätt enhet" });
    expect(audits[1]?.details).toMatchObject({ reason: "Gäller ekonomiskt bistånd" });
    await walkEveryone("after the registrar routed a secret case", ["handlaggare@example.se"]);
  });

  it("offers answers to similar questions only from cases the reader could open, and without personal data", async () => {
    const db = t.database.db;
    const officer = await signedIn("handlaggare@example.se");
    // A public question in Ekonomiskt bistånd, answered with a phone number in the answer.
    await planted("public", "Hur gör jag en budget för hushållet med hyra och el?");
    const pub = await db
      .selectFrom("cases")
      .select(["id"])
      .where("subject", "like", "Hur gör jag en budget för hushållet%")
      .executeTakeFirstOrThrow();
    let token = await officer.csrfFrom(`/arbetsyta/arenden/${pub.id}`);
    expect(
      (
        await officer.post(`/arbetsyta/arenden/${pub.id}/svar`, {
          _csrf: token,
          typ: "svar",
          body: `En budget för hushållet börjar med hyra och el. Ring budgetrådgivningen på ${ANSWER_PHONE}.`,
        })
      ).statusCode,
    ).toBe(303);
    // The secret case in the same unit is answered with its own words.
    const secret = cases[WORDS[0] as string] as { id: string };
    token = await officer.csrfFrom(`/arbetsyta/arenden/${secret.id}`);
    expect(
      (await officer.post(`/arbetsyta/arenden/${secret.id}/oppna`, { _csrf: token, syfte: "handle" })).statusCode,
    ).toBe(303);
    expect(
      (
        await officer.post(`/arbetsyta/arenden/${secret.id}/svar`, {
          _csrf: token,
          typ: "svar",
          body: `Din budget för hushållet och hyra: ${WORDS[7]}, vi ringer dig.`,
        })
      ).statusCode,
    ).toBe(303);
    // A similar question in the same unit: the public answer is offered, its phone number masked; the secret one never.
    await planted("similar", "Kan ni hjälpa mig med en budget för hushållet, hyra och el?");
    const similar = await db
      .selectFrom("cases")
      .select(["id"])
      .where("subject", "like", "Kan ni hjälpa mig med en budget%")
      .executeTakeFirstOrThrow();
    const mine = await officer.get(`/arbetsyta/arenden/${similar.id}`);
    expect(mine.body).toContain("Svar på liknande frågor");
    expect(mine.body).toContain("Ring budgetrådgivningen på [personuppgift]");
    expect(mine.body).not.toContain(ANSWER_PHONE);
    expect(mine.body).not.toContain(WORDS[7]);
    // The same question in another unit: its staff are not offered this unit's answers.
    const bof = await db
      .selectFrom("units")
      .select("id")
      .where("slug", "=", "barn-och-familj")
      .executeTakeFirstOrThrow();
    await db.updateTable("cases").set({ unit_id: bof.id }).where("id", "=", similar.id).execute();
    const chef = await signedIn("chef@example.se");
    const theirs = await chef.get(`/arbetsyta/arenden/${similar.id}`);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.body).not.toContain("budgetrådgivningen");
    await walkEveryone("after answers and suggestions", ["handlaggare@example.se"]);
  });

  it("has every opening of secret content in the audit log with its purpose, and every read with it", async () => {
    const db = t.database.db;
    const opens = await db
      .selectFrom("audit_log")
      .select(["details", "actor_label"])
      .where("action", "=", "case.secret.open")
      .execute();
    expect(opens.length).toBeGreaterThanOrEqual(2);
    for (const o of opens) expect(String((o.details as { purpose?: string }).purpose ?? "")).not.toBe("");
    const reads = await db
      .selectFrom("audit_log")
      .select(["details"])
      .where("action", "=", "case.secret.read")
      .execute();
    expect(reads.length).toBeGreaterThan(0);
    for (const r of reads) expect(String((r.details as { purpose?: string }).purpose ?? "")).not.toBe("");
    // Openings happen only in a session, for a purpose: none without a row in case_openings.
    expect((await db.selectFrom("case_openings").select("id").execute()).length).toBe(opens.length);
  });
});
