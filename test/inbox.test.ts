import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { receiveQuestion, receiveQuestions } from "../src/modules/inbox/commands/receive.js";
import { formStamp } from "../src/platform/http/form-guard.js";
import { hashFollowToken } from "../src/modules/inbox/numbers.js";
import { Browser, startTestApp, type TestApp } from "./app.js";
import { BACKENDS } from "./db.js";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

function multipart(fields: Record<string, string>, files: { name: string; data: Buffer; type?: string }[] = []) {
  const boundary = "----klarsvar-inbox-test";
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${f.name}"\r\nContent-Type: ${f.type ?? "application/pdf"}\r\n\r\n`,
      ),
      f.data,
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

describe.each(BACKENDS)("inbox on %s", (backend) => {
  let t: TestApp;
  const outbox = join("data", `outbox-inbox-test-${backend}`);

  beforeAll(async () => {
    await rm(outbox, { recursive: true, force: true });
    t = await startTestApp({
      backend,
      work: true,
      env: {
        LOGIN_RATE_LIMIT_PER_MINUTE: "1000",
        RATE_LIMIT_PER_MINUTE: "10000",
        FORM_RATE_LIMIT_PER_MINUTE: "1000",
        MAIL_OUTBOX_DIR: outbox,
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await rm(outbox, { recursive: true, force: true });
  });

  async function ask(
    b: Browser,
    fields: Record<string, string>,
    files: { name: string; data: Buffer; type?: string }[] = [],
  ) {
    const token = await b.csrfFrom("/fraga");
    const { payload, headers } = multipart(
      { _csrf: token, stamp: formStamp(t.config.sessionSecret, Date.now() - 10_000), ...fields },
      files,
    );
    return t.app.inject({
      method: "POST",
      url: "/fraga",
      payload,
      headers,
      cookies: { ks_csrf: b.cookie("ks_csrf") as string },
    });
  }

  it("a resident asks on the web form and gets a case number, an answer date and a follow link", async () => {
    const b = new Browser(t.app);
    const form = await b.get("/fraga");
    expect(form.body).toContain("Pengar och ekonomiskt bistånd");
    expect(form.body).toContain('name="webbplats"');
    const res = await ask(
      b,
      {
        question: "Hur ansöker jag om ekonomiskt bistånd när jag har blivit sjukskriven?",
        category: "pengar",
        email: "karin.test@example.se",
      },
      [{ name: "intyg.pdf", data: PDF }],
    );
    expect(res.statusCode).toBe(303);
    const location = res.headers.location as string;
    expect(location).toMatch(/^\/arende\/[\w-]{32}\?ny=1$/);
    const page = await b.get(location);
    expect(page.body).toMatch(/Ditt ärendenummer är <strong>SOC-\d{4}-\d{6}<\/strong>/);
    expect(page.body).toContain("Du får svar senast");
    expect(page.headers["cache-control"]).toBe("no-store");
    const token = location.split("/")[2]?.split("?")[0] as string;
    const c = await t.database.db
      .selectFrom("cases")
      .selectAll()
      .where("follow_token_hash", "=", hashFollowToken(token))
      .executeTakeFirstOrThrow();
    expect(c).toMatchObject({
      channel: "web",
      status: "new",
      concern_report: false,
      requester_email: "karin.test@example.se",
    });
    const unit = await t.database.db
      .selectFrom("units")
      .select("slug")
      .where("id", "=", c.unit_id as string)
      .executeTakeFirstOrThrow();
    expect(unit.slug).toBe("ekonomiskt-bistand");
    const files = await t.database.db
      .selectFrom("attachments")
      .select(["content_type", "size"])
      .where("case_id", "=", c.id)
      .execute();
    expect(files).toEqual([{ content_type: "application/pdf", size: PDF.length }]);
    const logged = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("subject_id", "=", c.id)
      .execute();
    expect(logged.map((l) => l.action)).toContain("case.receive");
    // The acknowledgement goes out by e-mail as a job.
    const mail = await simpleParser(await waitForMail(outbox, `<case-${c.id}.ack@`));
    expect(mail.subject).toBe(`Vi har fått ditt meddelande [${c.number}]`);
    expect(mail.messageId).toMatch(new RegExp(`^<case-${c.id}\\.ack@`));
    expect(mail.text).toContain("Ring 112 vid akut fara.");
    expect(mail.text).toContain(`/arende/${token}`);
    expect(mail.html).toContain("<p>Ring 112 vid akut fara.</p>");
  });

  it("keeps what was typed and explains each problem", async () => {
    const b = new Browser(t.app);
    const res = await ask(b, { question: "", name: "Nils", email: "inte-en-adress", phone: "ring mig" });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Fel: Ställ en fråga");
    expect(res.body).toContain('href="#question">Skriv din fråga');
    expect(res.body).toContain("Skriv e-postadressen som namn@exempel.se");
    expect(res.body).toContain('value="Nils"');
    const long = await ask(b, { question: "a".repeat(10_001) });
    expect(long.body).toContain("Frågan är för lång");
  });

  it("checks attachments by their content, not their name", async () => {
    const b = new Browser(t.app);
    const res = await ask(b, { question: "Här är mitt intyg." }, [
      { name: "intyg.pdf", data: Buffer.from("MZ this is really a program") },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Filen intyg.pdf går inte att ta emot");
    expect(res.body).toContain("Här är mitt intyg.");
  });

  it("stops spam without tracking: honeypot, too fast, forged stamp", async () => {
    const b = new Browser(t.app);
    const before = await t.database.db
      .selectFrom("cases")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    expect((await ask(b, { question: "Köp billiga klockor", webbplats: "http://spam.example.com" })).statusCode).toBe(
      400,
    );
    const token = await b.csrfFrom("/fraga");
    const fast = multipart({ _csrf: token, stamp: formStamp(t.config.sessionSecret), question: "Snabb bot" });
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: "/fraga",
          ...fast,
          cookies: { ks_csrf: b.cookie("ks_csrf") as string },
        })
      ).statusCode,
    ).toBe(400);
    const forged = multipart({ _csrf: token, stamp: "1.falsk", question: "Förfalskad" });
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: "/fraga",
          ...forged,
          cookies: { ks_csrf: b.cookie("ks_csrf") as string },
        })
      ).statusCode,
    ).toBe(400);
    const after = await t.database.db
      .selectFrom("cases")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it("a report of concern about a child goes to the intake at once, above everything, with the out-of-hours number", async () => {
    const b = new Browser(t.app);
    const res = await ask(b, {
      question: "Jag är orolig för en pojke i mitt hus. Hans pappa slår honom, jag hör det varje kväll.",
      category: "pengar",
    });
    const page = await b.get(res.headers.location as string);
    expect(page.body).toContain("Vi har tagit emot din orosanmälan");
    // Tap to call: the out-of-hours number and 112 are tel: links. No answer date, no outcome.
    expect(page.body).toContain('href="tel:+46701740605"');
    expect(page.body).toContain('href="tel:112"');
    expect(page.body).not.toContain("Du får svar senast");
    expect(page.body).not.toContain("Fick du hjälp?");
    const c = await t.database.db
      .selectFrom("cases as c")
      .innerJoin("units as u", "u.id", "c.unit_id")
      .select(["c.concern_report", "c.priority", "u.slug", "c.number"])
      .orderBy("c.received_at", "desc")
      .executeTakeFirstOrThrow();
    expect(c).toMatchObject({ concern_report: true, priority: "urgent", slug: "mottagningen-barn" });
    const staff = new Browser(t.app);
    await staff.login("kommunikator@example.se");
    const board = await staff.get("/arbetsyta/inkorg");
    const firstRow = /<tbody>[\s\S]*?<\/tr>/.exec(board.body)?.[0] ?? "";
    expect(firstRow).toContain("Orosanmälan");
  });

  it("never creates a second case for the same message id, and numbers never repeat", async () => {
    const deps = { db: t.database.db, jobs: t.jobs, secret: t.config.sessionSecret };
    const actor = { orgId: t.org.id, userId: null, label: "test" };
    const q = {
      orgId: t.org.id,
      channel: "email" as const,
      body: "Hej, en fråga om avgifter.",
      requester: {},
      externalId: `<dubblett-${backend}@example.se>`,
    };
    const first = await receiveQuestion(deps, actor, q);
    const second = await receiveQuestion(deps, actor, q);
    expect(first.ok).toBe(true);
    expect(second).toEqual({ ok: false, error: "duplicate", caseId: first.ok ? first.caseId : "" });
    // The same message read twice at the same moment still makes one case.
    const racing = await Promise.all(
      Array.from({ length: 4 }, () =>
        receiveQuestion(deps, actor, { ...q, externalId: `<samtidig-${backend}@example.se>` }),
      ),
    );
    expect(racing.filter((r) => r.ok)).toHaveLength(1);
    expect(racing.filter((r) => !r.ok && r.error === "duplicate")).toHaveLength(3);
    const many = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        receiveQuestion(deps, actor, { ...q, externalId: undefined, body: `Fråga ${i}` }),
      ),
    );
    const numbers = many.map((r) => (r.ok ? r.number : ""));
    expect(new Set(numbers).size).toBe(10);
  });

  it("takes a batch (an IMAP fetch) in one go: duplicates inside and outside the batch, consecutive numbers", async () => {
    const deps = { db: t.database.db, jobs: t.jobs, secret: t.config.sessionSecret };
    const actor = { orgId: t.org.id, userId: null, label: "test" };
    const before = await receiveQuestion(deps, actor, {
      orgId: t.org.id,
      channel: "email",
      body: "Redan inläst.",
      requester: {},
      externalId: `<batch-seen-${backend}@example.se>`,
    });
    if (!before.ok) throw new Error("not received");
    const batch = Array.from({ length: 20 }, (_, i) => ({
      orgId: t.org.id,
      channel: "email" as const,
      body: `Batchfråga ${i}`,
      requester: { email: `batch${i}@example.se` },
      externalId: `<batch-${backend}-${i % 18}@example.se>`,
    }));
    batch.push({
      orgId: t.org.id,
      channel: "email",
      body: "Redan inläst.",
      requester: { email: "x@example.se" },
      externalId: `<batch-seen-${backend}@example.se>`,
    });
    const results = await receiveQuestions(deps, actor, batch);
    expect(results).toHaveLength(21);
    const created = results.filter((r) => r.ok);
    expect(created).toHaveLength(18);
    expect(results[18]).toEqual({ ok: false, error: "duplicate", caseId: created[0]?.ok ? created[0].caseId : "" });
    expect(results[20]).toEqual({ ok: false, error: "duplicate", caseId: before.caseId });
    const numbers = created.map((r) => (r.ok ? Number(r.number.slice(-6)) : 0));
    expect(numbers).toEqual(numbers.map((_, i) => (numbers[0] as number) + i));
    const acks = await t.database.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("action", "=", "case.receive")
      .where(
        "subject_id",
        "in",
        created.map((r) => (r.ok ? r.caseId : "")),
      )
      .executeTakeFirstOrThrow();
    expect(Number(acks.n)).toBe(18);
  });

  it("a communicator routes with a reason, answers with a saved answer, and the resident sees the answer", async () => {
    const b = new Browser(t.app);
    const asked = await ask(b, {
      question: "Kan jag få hjälp med en budget? Jag har svårt att betala räkningarna.",
      email: "olle.test@example.se",
    });
    const followUrl = asked.headers.location as string;
    const token = followUrl.split("/")[2]?.split("?")[0] as string;
    const c = await t.database.db
      .selectFrom("cases")
      .select(["id", "number"])
      .where("follow_token_hash", "=", hashFollowToken(token))
      .executeTakeFirstOrThrow();
    const staff = new Browser(t.app);
    await staff.login("kommunikator@example.se");
    expect((await staff.get("/arbetsyta/inkorg")).body).toContain(c.number);
    const casePage = await staff.get(`/arbetsyta/arenden/${c.id}`);
    expect(casePage.body).toContain("Kan jag få hjälp med en budget?");
    let csrf = await staff.csrfFrom(`/arbetsyta/arenden/${c.id}`);
    const noReason = await staff.post(`/arbetsyta/arenden/${c.id}/flytta`, { _csrf: csrf, enhet: "", reason: "" });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain("Skriv varför ärendet flyttas");
    const unit = await t.database.db
      .selectFrom("units")
      .select("id")
      .where("slug", "=", "ekonomiskt-bistand")
      .executeTakeFirstOrThrow();
    expect(
      (
        await staff.post(`/arbetsyta/arenden/${c.id}/flytta`, {
          _csrf: csrf,
          enhet: unit.id,
          reason: "Gäller budgetrådgivning",
        })
      ).statusCode,
    ).toBe(303);
    const saved = await t.database.db
      .selectFrom("saved_answers")
      .select(["id", "body"])
      .where("title", "=", "Budgetrådgivning")
      .executeTakeFirstOrThrow();
    csrf = await staff.csrfFrom(`/arbetsyta/arenden/${c.id}`);
    const withTemplate = await staff.post(`/arbetsyta/arenden/${c.id}/svarsmall`, { _csrf: csrf, mall: saved.id });
    expect(withTemplate.body).toContain("Du kan boka tid för budgetrådgivning.");
    expect(withTemplate.body).toContain("ks-score"); // the klarspråk check runs on the draft
    const sent = await staff.post(`/arbetsyta/arenden/${c.id}/svar`, { _csrf: csrf, body: saved.body, typ: "svar" });
    expect(sent.statusCode).toBe(303);
    const after = await t.database.db
      .selectFrom("cases")
      .select(["status", "first_answered_at"])
      .where("id", "=", c.id)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe("answered");
    expect(after.first_answered_at).not.toBeNull();
    expect((await staff.get("/arbetsyta/inkorg")).body).not.toContain(c.number);
    const follow = await b.get(`/arende/${token}`);
    expect(follow.body).toContain("Vi svarade");
    expect(follow.body).toContain("Du kan boka tid för budgetrådgivning.");
    const reply = await t.database.db
      .selectFrom("case_messages")
      .select("id")
      .where("case_id", "=", c.id)
      .where("direction", "=", "out")
      .executeTakeFirstOrThrow();
    const mail = await simpleParser(await waitForMail(outbox, `<msg-${reply.id}@`));
    // The subject carries the case number and a neutral title, never the person's words.
    expect(mail.subject).toBe(`Svar från Socialförvaltningen, Exempelstads kommun [${c.number}]`);
    expect(mail.text).toContain("Du kan boka tid för budgetrådgivning.");
    const history = (await staff.get(`/arbetsyta/arenden/${c.id}`)).body;
    expect(history).toContain("flyttade till Ekonomiskt bistånd: Gäller budgetrådgivning");
    expect(history).toContain("e-post: skickad");
  });

  it("waiting for the requester stops the clock; their answer through the follow link starts it again", async () => {
    const b = new Browser(t.app);
    const asked = await ask(b, { question: "Vilka papper behöver jag skicka in?" });
    const token = (asked.headers.location as string).split("/")[2]?.split("?")[0] as string;
    const c = await t.database.db
      .selectFrom("cases")
      .select(["id", "first_answer_due"])
      .where("follow_token_hash", "=", hashFollowToken(token))
      .executeTakeFirstOrThrow();
    const staff = new Browser(t.app);
    await staff.login("kommunikator@example.se");
    const csrf = await staff.csrfFrom(`/arbetsyta/arenden/${c.id}`);
    expect((await staff.post(`/arbetsyta/arenden/${c.id}/status`, { _csrf: csrf, till: "waiting" })).statusCode).toBe(
      303,
    );
    // Pretend the case waited for one whole working week.
    await t.database.db
      .updateTable("cases")
      .set({ waiting_since: new Date(Date.now() - 7 * 24 * 3_600_000) })
      .where("id", "=", c.id)
      .execute();
    const fcsrf = await b.csrfFrom(`/arende/${token}`);
    expect(
      (await b.post(`/arende/${token}`, { _csrf: fcsrf, message: "Jag har skickat lönebeskedet nu." })).statusCode,
    ).toBe(303);
    const after = await t.database.db
      .selectFrom("cases")
      .select(["status", "first_answer_due"])
      .where("id", "=", c.id)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe("open");
    const movedHours =
      (new Date(after.first_answer_due as Date).getTime() - new Date(c.first_answer_due as Date).getTime()) / 3_600_000;
    expect(movedHours).toBeGreaterThan(24 * 5);
  });

  it("tells colleagues named in an internal note, without the note's text; spam is marked of minor importance", async () => {
    const deps = { db: t.database.db, jobs: t.jobs, secret: t.config.sessionSecret };
    const r = await receiveQuestion(
      deps,
      { orgId: t.org.id, userId: null, label: "test" },
      { orgId: t.org.id, channel: "web", body: "En fråga som behöver en kollega.", requester: {} },
    );
    if (!r.ok) throw new Error("not received");
    const staff = new Browser(t.app);
    await staff.login("kommunikator@example.se");
    let csrf = await staff.csrfFrom(`/arbetsyta/arenden/${r.caseId}`);
    expect(
      (
        await staff.post(`/arbetsyta/arenden/${r.caseId}/svar`, {
          _csrf: csrf,
          body: "@chef@example.se kan du titta på detta? Känslig detalj.",
          typ: "anteckning",
        })
      ).statusCode,
    ).toBe(303);
    const note = await t.database.db
      .selectFrom("case_messages")
      .select("id")
      .where("case_id", "=", r.caseId)
      .where("direction", "=", "note")
      .executeTakeFirstOrThrow();
    const mail = await simpleParser(await waitForMail(outbox, `<mention-${note.id}-`));
    expect(mail.subject).toBe(`Du nämndes i ärende ${r.number}`);
    expect(JSON.stringify(mail.to)).toContain("chef@example.se");
    expect(mail.text).not.toContain("Känslig detalj");
    const spam = await receiveQuestion(
      deps,
      { orgId: t.org.id, userId: null, label: "test" },
      { orgId: t.org.id, channel: "web", body: "Köp billiga solglasögon här!", requester: {} },
    );
    if (!spam.ok) throw new Error("not received");
    csrf = await staff.csrfFrom(`/arbetsyta/arenden/${spam.caseId}`);
    expect(
      (await staff.post(`/arbetsyta/arenden/${spam.caseId}/ringa-betydelse`, { _csrf: csrf, ringa: "ja" })).statusCode,
    ).toBe(303);
    expect((await staff.get("/arbetsyta/inkorg")).body).not.toContain(spam.number);
    expect((await staff.get(`/diarium?q=${spam.number}`)).body).toContain("0 ärenden");
  });

  it("hides a secret case's content from those outside its unit, and audits every opening", async () => {
    const b = new Browser(t.app);
    const asked = await ask(b, {
      question: "Jag har frågor om mitt eget ärende om missbruksvård.",
      category: "beroende",
    });
    const token = (asked.headers.location as string).split("/")[2]?.split("?")[0] as string;
    const c = await t.database.db
      .selectFrom("cases")
      .select(["id", "number", "secret"])
      .where("follow_token_hash", "=", hashFollowToken(token))
      .executeTakeFirstOrThrow();
    // Someone writing about their own matter: secret on arrival (OSL 26 kap), no one had to mark it.
    expect(c.secret).toBe(true);
    const received = await t.database.db
      .selectFrom("case_events")
      .select("details")
      .where("case_id", "=", c.id)
      .where("type", "=", "received")
      .executeTakeFirstOrThrow();
    expect(received.details).toMatchObject({ secret: true, secrecyReasons: ["eget ärende"] });
    const comm = new Browser(t.app);
    await comm.login("kommunikator@example.se");
    let csrf: string;
    const page = await comm.get(`/arbetsyta/arenden/${c.id}`);
    expect(page.body).not.toContain("missbruksvård");
    expect(page.body).toContain("Bara enheten som har ärendet kan se innehållet");
    const board = await comm.get("/arbetsyta/inkorg");
    expect(board.body).toContain("Sekretessmarkerat ärende");
    expect(board.body).not.toContain("missbruksvård");
    csrf = await comm.csrfFrom(`/arbetsyta/arenden/${c.id}`);
    expect((await comm.post(`/arbetsyta/arenden/${c.id}/oppna`, { _csrf: csrf, syfte: "handle" })).statusCode).toBe(
      403,
    );
    // A member of the case's unit opens it deliberately.
    const beroende = await t.database.db
      .selectFrom("units")
      .select("id")
      .where("slug", "=", "beroende")
      .executeTakeFirstOrThrow();
    const officer = await t.database.db
      .selectFrom("staff_users")
      .select("id")
      .where("email", "=", "handlaggare@example.se")
      .executeTakeFirstOrThrow();
    await t.database.db
      .insertInto("unit_memberships")
      .values({ org_id: t.org.id, user_id: officer.id, unit_id: beroende.id })
      .execute();
    const staff = new Browser(t.app);
    await staff.login("handlaggare@example.se");
    expect((await staff.get(`/arbetsyta/arenden/${c.id}`)).body).not.toContain("missbruksvård");
    csrf = await staff.csrfFrom(`/arbetsyta/arenden/${c.id}`);
    // Without a purpose the case stays closed.
    expect((await staff.post(`/arbetsyta/arenden/${c.id}/oppna`, { _csrf: csrf })).statusCode).toBe(400);
    const opened = await staff.post(`/arbetsyta/arenden/${c.id}/oppna`, { _csrf: csrf, syfte: "handle" });
    expect(opened.statusCode).toBe(303);
    expect((await staff.get(opened.headers.location as string)).body).toContain("missbruksvård");
    const openings = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "actor_label", "details"])
      .where("subject_id", "=", c.id)
      .where("action", "=", "case.secret.open")
      .execute();
    expect(openings).toHaveLength(1);
    expect(openings[0]?.actor_label).toContain("handlaggare@example.se");
    expect(openings[0]?.details).toMatchObject({ purpose: "Arbeta med ärendet" });
    // Every read inside the opening is in the log too; closing it hides the content again.
    const reads = await t.database.db
      .selectFrom("audit_log")
      .select("details")
      .where("subject_id", "=", c.id)
      .where("action", "=", "case.secret.read")
      .execute();
    expect(reads.length).toBeGreaterThanOrEqual(1);
    csrf = await staff.csrfFrom(`/arbetsyta/arenden/${c.id}`);
    expect((await staff.post(`/arbetsyta/arenden/${c.id}/stang`, { _csrf: csrf })).statusCode).toBe(303);
    expect((await staff.get(`/arbetsyta/arenden/${c.id}`)).body).not.toContain("missbruksvård");
  });
});

async function waitForMail(dir: string, ...needles: string[]): Promise<string> {
  const end = Date.now() + 20_000;
  while (Date.now() < end) {
    const files = await readdir(dir).catch(() => []);
    for (const f of files) {
      const text = await readFile(join(dir, f), "utf8");
      if (needles.every((n) => text.includes(n))) return text;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`No mail with ${needles.join(", ")} in ${dir}`);
}
