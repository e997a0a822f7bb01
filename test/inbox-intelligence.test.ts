/**
 * Inbox intelligence end to end on both databases: kinds on arrival (a journalist by address or
 * as a known media contact, a request for documents into the register with its clock, the
 * writer's own matter), reports of concern in indirect words, the suggested unit and the
 * admin's automatic-routing limit, a kind changed with one click, and "Logga samtal".
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inboxDepsFor, receiveQuestion } from "../src/modules/inbox/index.js";
import { computeMeasures } from "../src/modules/inbox/measures.js";
import { Browser, startTestApp, type TestApp } from "./app.js";
import { BACKENDS } from "./db.js";

describe.each(BACKENDS)("inbox intelligence on %s", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      backend,
      env: { LOGIN_RATE_LIMIT_PER_MINUTE: "1000", FORM_RATE_LIMIT_PER_MINUTE: "1000" },
    });
  });
  afterAll(async () => t?.close());

  const deps = () => inboxDepsFor(t.app.klarsvar.context);
  const actor = () => ({ orgId: t.org.id, userId: null, label: "test" });
  const unitId = async (slug: string) =>
    (await t.database.db.selectFrom("units").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
  const caseRow = (id: string) =>
    t.database.db.selectFrom("cases").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

  it("a journalist's e-mail about placement costs is a media inquiry for the communicators, not a report of concern", async () => {
    const r = await receiveQuestion(deps(), actor(), {
      orgId: t.org.id,
      channel: "email",
      subject: "Fråga om placeringar",
      body: "Hej! Jag skriver en granskning om vad placeringar av barn på HVB kostar kommunen. Hur mycket lade ni 2025, och kan någon ställa upp på en intervju?",
      requester: { name: "Ada Granskare", email: "ada.granskare@svt.se" },
    });
    if (!r.ok) throw new Error("not received");
    expect(r.kind).toBe("media");
    expect(r.concern).toBe(false);
    expect(r.unitId).toBe(await unitId("kommunikation"));
    const c = await caseRow(r.caseId);
    expect(c.kind_reasons).toContain("newsDomain");
    expect(c.first_answer_due).not.toBeNull();
  });

  it("a known media contact writing from a private address is a media inquiry", async () => {
    const r = await receiveQuestion(deps(), actor(), {
      orgId: t.org.id,
      channel: "email",
      body: "Hej, hur många väntar just nu på plats i daglig verksamhet? Vi vill göra ett inslag.",
      requester: { email: "Nils.Radio@example.se" },
    });
    expect(r.ok && r.kind).toBe("media");
  });

  it("a request for documents enters the register at once, with its clock, linked to its case", async () => {
    const received = new Date();
    const r = await receiveQuestion(deps(), actor(), {
      orgId: t.org.id,
      channel: "email",
      body: "Hej. Jag begär att få ut protokollet från socialnämndens sammanträde i oktober och beslutsbilagorna, som allmän handling. Skicka gärna som pdf.",
      requester: { email: "lisa.medborgare@example.org" },
      receivedAt: received,
    });
    if (!r.ok) throw new Error("not received");
    expect(r.kind).toBe("document_request");
    const entry = await t.database.db
      .selectFrom("document_requests")
      .selectAll()
      .where("case_id", "=", r.caseId)
      .executeTakeFirstOrThrow();
    expect(entry.status).toBe("open");
    expect(new Date(entry.received_at).getTime()).toBe(received.getTime());
    expect(entry.requested).toContain("protokollet");
    const registrar = new Browser(t.app);
    await registrar.login("kommunikator@example.se");
    const list = await registrar.get("/arbetsyta/begaran");
    expect(list.body).toContain(r.number);
    const logged = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("subject_id", "=", entry.id)
      .execute();
    expect(logged.map((l) => l.action)).toContain("request.create");
  });

  it("an indirect report of concern goes to the intake, secret and urgent", async () => {
    const r = await receiveQuestion(deps(), actor(), {
      orgId: t.org.id,
      channel: "web",
      body: "Lillkillen i lägenheten bredvid, kanske 5 år, står ensam i trapphuset sent på kvällarna och frågar grannarna om mat. Föräldrarna syns aldrig till.",
      requester: {},
    });
    if (!r.ok) throw new Error("not received");
    expect(r.concern).toBe(true);
    expect(r.secret).toBe(true);
    expect(r.unitId).toBe(await unitId("mottagningen-barn"));
    expect((await caseRow(r.caseId)).priority).toBe("urgent");
  });

  it("a question about how long a report of concern is kept is a question, not a report", async () => {
    const r = await receiveQuestion(deps(), actor(), {
      orgId: t.org.id,
      channel: "web",
      body: "Hur länge sparas en orosanmälan hos er om ingen utredning inleds?",
      requester: {},
    });
    expect(r.ok && r.concern).toBe(false);
  });

  it("the admin's limit decides whether a suggestion routes by itself; the limit is audited and only the admin's", async () => {
    const admin = new Browser(t.app);
    await admin.login("admin@example.se");
    const page = await admin.get("/arbetsyta/admin/dirigering");
    expect(page.body).toContain("Flytta automatiskt");
    let csrf = await admin.csrfFrom("/arbetsyta/admin/dirigering");
    expect((await admin.post("/arbetsyta/admin/dirigering/automatik", { _csrf: csrf, grans: "" })).statusCode).toBe(
      303,
    );
    const body = "Hur ansöker man om ekonomiskt bistånd, och räknas barnbidraget som inkomst i försörjningsstödet?";
    // The kind is given: this is about routing, not about guessing the kind.
    const held = await receiveQuestion(deps(), actor(), {
      orgId: t.org.id,
      channel: "web",
      kind: "question",
      body,
      requester: {},
    });
    if (!held.ok) throw new Error("not received");
    expect(held.unitId).toBeNull();
    expect(held.suggestion?.unitId).toBe(await unitId("ekonomiskt-bistand"));
    const stored = await caseRow(held.caseId);
    expect(stored.suggested_unit_id).toBe(await unitId("ekonomiskt-bistand"));
    expect(stored.suggestion_confidence).toBeGreaterThan(0);
    csrf = await admin.csrfFrom("/arbetsyta/admin/dirigering");
    await admin.post("/arbetsyta/admin/dirigering/automatik", { _csrf: csrf, grans: "50" });
    const routed = await receiveQuestion(deps(), actor(), {
      orgId: t.org.id,
      channel: "web",
      kind: "question",
      body,
      requester: {},
    });
    expect(routed.ok && routed.unitId).toBe(await unitId("ekonomiskt-bistand"));
    // Never a secret case: a wrong guess would let another unit read it; the registrar routes it.
    const secret = await receiveQuestion(deps(), actor(), {
      orgId: t.org.id,
      channel: "web",
      kind: "question",
      body: "Jag har fått avslag på försörjningsstöd, mitt personnummer är 19121212-1212. Hur överklagar jag?",
      requester: {},
    });
    expect(secret.ok && secret.secret).toBe(true);
    expect(secret.ok && secret.unitId).toBeNull();
    const bad = await admin.post("/arbetsyta/admin/dirigering/automatik", { _csrf: csrf, grans: "7" });
    expect(bad.statusCode).toBe(400);
    const audits = await t.database.db
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "routing.threshold")
      .execute();
    expect(audits.length).toBeGreaterThanOrEqual(2);
    const staff = new Browser(t.app);
    await staff.login("kommunikator@example.se");
    expect((await staff.get("/arbetsyta/admin/dirigering")).statusCode).toBe(403);
    csrf = await admin.csrfFrom("/arbetsyta/admin/dirigering");
    await admin.post("/arbetsyta/admin/dirigering/automatik", { _csrf: csrf, grans: "60" });
  });

  it("staff change the kind with one click: audited, shown in the history, a request for documents enters the register", async () => {
    const r = await receiveQuestion(deps(), actor(), {
      orgId: t.org.id,
      channel: "web",
      body: "Kan jag få se vad som står om mig i era papper från 2019?",
      requester: { email: "per.exempel@example.com" },
      kind: "question",
    });
    if (!r.ok) throw new Error("not received");
    const b = new Browser(t.app);
    await b.login("kommunikator@example.se");
    const page = await b.get(`/arbetsyta/arenden/${r.caseId}`);
    expect(page.body).toContain("Fel typ?");
    const csrf = await b.csrfFrom(`/arbetsyta/arenden/${r.caseId}`);
    const wrong = await b.post(`/arbetsyta/arenden/${r.caseId}/typ`, { _csrf: csrf, typ: "concern_report" });
    expect(wrong.statusCode).toBe(400);
    const done = await b.post(`/arbetsyta/arenden/${r.caseId}/typ`, { _csrf: csrf, typ: "document_request" });
    expect(done.statusCode).toBe(303);
    expect((await caseRow(r.caseId)).kind).toBe("document_request");
    const entry = await t.database.db
      .selectFrom("document_requests")
      .select("id")
      .where("case_id", "=", r.caseId)
      .executeTakeFirst();
    expect(entry).toBeDefined();
    const after = await b.get(done.headers.location as string);
    expect(after.body).toContain("Typen är ändrad.");
    expect(after.body).toContain("ändrade typ från Fråga till Begäran om handling");
    const audits = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("subject_id", "=", r.caseId)
      .where("action", "=", "case.kind")
      .execute();
    expect(audits).toHaveLength(1);
    // An employee without the inbox cannot.
    const employee = new Browser(t.app);
    await employee.login("medarbetare@example.se");
    const refused = await employee.post(`/arbetsyta/arenden/${r.caseId}/typ`, {
      _csrf: await employee.csrfFrom("/arbetsyta"),
      typ: "question",
    });
    expect(refused.statusCode).toBe(403);
  });

  it("'Logga samtal': a call answered on the spot is recorded as answered and counted; an anonymous visit waits for its unit", async () => {
    const b = new Browser(t.app);
    await b.login("kommunikator@example.se");
    const form = await b.get("/arbetsyta/logga");
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain("Receptionen");
    let csrf = await b.csrfFrom("/arbetsyta/logga");
    const empty = { _csrf: csrf, kanal: "phone", fraga: "", svar: "", namn: "", epost: "", telefon: "", tid: "" };
    const bad = await b.post("/arbetsyta/logga", { ...empty, epost: "inte-en-adress" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Skriv vad frågan gällde");
    expect(bad.body).toContain("namn@exempel.se");
    const future = await b.post("/arbetsyta/logga", { ...empty, fraga: "Fråga", tid: "2999-01-01T10:00" });
    expect(future.statusCode).toBe(400);
    const call = await b.post("/arbetsyta/logga", {
      ...empty,
      fraga: "Ringde och undrade när budgetrådgivningen har öppet.",
      svar: "Tisdagar och torsdagar kl. 9–12, och man kan boka tid.",
      epost: "ringaren@example.com",
    });
    expect(call.statusCode).toBe(303);
    const number = /klart=([A-Z0-9-]+)/.exec(call.headers.location as string)?.[1] as string;
    expect((await b.get(call.headers.location as string)).body).toContain(`Frågan är registrerad som ${number}.`);
    const logged = await t.database.db
      .selectFrom("cases")
      .selectAll()
      .where("number", "=", number)
      .executeTakeFirstOrThrow();
    expect(logged.channel).toBe("phone");
    expect(logged.status).toBe("answered");
    expect(logged.first_answered_at).not.toBeNull();
    expect(logged.logged_by).not.toBeNull();
    // Answered on the phone: nothing is mailed, no receipt either.
    const queued = await t.database.db
      .selectFrom("case_messages")
      .select(["direction", "delivery_status"])
      .where("case_id", "=", logged.id)
      .execute();
    expect(queued.filter((m) => m.direction === "out")).toEqual([{ direction: "out", delivery_status: null }]);
    csrf = await b.csrfFrom("/arbetsyta/logga");
    const visit = await b.post("/arbetsyta/logga", {
      ...empty,
      _csrf: csrf,
      kanal: "visit",
      fraga: "Kvinna vid disken vill veta hur man ansöker om personlig assistans enligt LSS för sin son.",
    });
    expect(visit.statusCode).toBe(303);
    const visitNumber = /klart=([A-Z0-9-]+)/.exec(visit.headers.location as string)?.[1] as string;
    const waiting = await t.database.db
      .selectFrom("cases")
      .selectAll()
      .where("number", "=", visitNumber)
      .executeTakeFirstOrThrow();
    expect(waiting.channel).toBe("visit");
    expect(waiting.requester_name).toBeNull();
    expect(waiting.status).toBe("new");
    expect(waiting.suggested_unit_id).toBe(await unitId("funktionsstod"));
    const m = await computeMeasures(
      t.database.db,
      t.org.id,
      new Date(Date.now() - 86_400_000),
      new Date(Date.now() + 60_000),
    );
    expect(m.kkik.byChannel.find((c) => c.key === "phone")).toMatchObject({ counted: 1, withinOneDay: 1 });
    const employee = new Browser(t.app);
    await employee.login("medarbetare@example.se");
    expect((await employee.get("/arbetsyta/logga")).statusCode).toBe(403);
  });
  it("a rule's report of concern is never overruled by the model", async () => {
    const r = await receiveQuestion(deps(), actor(), {
      orgId: t.org.id,
      channel: "open311",
      body: "Gatlampan utanför är trasig och min son blir slagen av sin pappa",
      requester: {},
    });
    expect(r.ok && r.concern).toBe(true);
  });

  it("a message that only looks minor stays on the board, is acknowledged and counted", async () => {
    const r = await receiveQuestion(deps(), actor(), {
      orgId: t.org.id,
      channel: "email",
      body: "follow back? 😍 check out my page for free giveaways",
      requester: { email: "someone@example.net" },
    });
    if (!r.ok) throw new Error("not received");
    const c = await caseRow(r.caseId);
    expect(c.minor_importance).toBe(false);
    expect(c.status).toBe("new");
    expect(c.kind_reasons).toContain("likelyMinor");
    expect(await t.jobs.stateOf("inbox.send-acknowledgement", `ack:${r.caseId}`)).not.toBeNull();
  });

  it("a register that fails loses nothing: the case is stored and its history says so", async () => {
    const failing = {
      ...deps(),
      arrival: {
        ...t.app.klarsvar.context.extensions,
        arrivalRegister: () => ({
          kind: "document_request",
          register: () => Promise.reject(new Error("register down")),
          withdraw: () => Promise.resolve(),
        }),
      },
    };
    const r = await receiveQuestion(failing, actor(), {
      orgId: t.org.id,
      channel: "web",
      kind: "document_request",
      body: "Jag begär ut beslutet i mitt ärende.",
      requester: {},
    });
    if (!r.ok) throw new Error("not received");
    const events = await t.database.db
      .selectFrom("case_events")
      .select("type")
      .where("case_id", "=", r.caseId)
      .execute();
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(["received", "register-failed"]));
  });

  it("a secret case's suggested unit shows only from the inside", async () => {
    const r = await receiveQuestion(deps(), actor(), {
      orgId: t.org.id,
      channel: "web",
      kind: "question",
      body: "Jag har personnummer 19121212-1212 och en LVM-dom, behöver hjälp med missbruket och spelskulderna.",
      requester: {},
    });
    if (!r.ok) throw new Error("not received");
    await t.database.db.updateTable("cases").set({ secret: true, unit_id: null }).where("id", "=", r.caseId).execute();
    const registrar = new Browser(t.app);
    await registrar.login("registrator@example.se");
    const page = await registrar.get(`/arbetsyta/arenden/${r.caseId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain("Föreslagen enhet");
    expect(page.body).not.toContain("Fel typ?");
    const csrf = await registrar.csrfFrom(`/arbetsyta/arenden/${r.caseId}`);
    expect((await registrar.post(`/arbetsyta/arenden/${r.caseId}/typ`, { _csrf: csrf, typ: "media" })).statusCode).toBe(
      403,
    );
    expect((await registrar.post(`/arbetsyta/arenden/${r.caseId}/till-forslaget`, { _csrf: csrf })).statusCode).toBe(
      403,
    );
  });

  it("a closed case keeps its kind; moving a case off 'request for documents' withdraws its open entry", async () => {
    const r = await receiveQuestion(deps(), actor(), {
      orgId: t.org.id,
      channel: "web",
      kind: "document_request",
      body: "Jag vill begära ut protokollet från i fredags.",
      requester: {},
    });
    if (!r.ok) throw new Error("not received");
    const b = new Browser(t.app);
    await b.login("kommunikator@example.se");
    let csrf = await b.csrfFrom(`/arbetsyta/arenden/${r.caseId}`);
    expect((await b.post(`/arbetsyta/arenden/${r.caseId}/typ`, { _csrf: csrf, typ: "question" })).statusCode).toBe(303);
    const entry = await t.database.db
      .selectFrom("document_requests")
      .select("status")
      .where("case_id", "=", r.caseId)
      .executeTakeFirstOrThrow();
    expect(entry.status).toBe("withdrawn");
    await t.database.db.updateTable("cases").set({ status: "closed" }).where("id", "=", r.caseId).execute();
    csrf = await b.csrfFrom(`/arbetsyta/arenden/${r.caseId}`);
    const refused = await b.post(`/arbetsyta/arenden/${r.caseId}/typ`, { _csrf: csrf, typ: "complaint" });
    expect(refused.statusCode).toBe(400);
    expect((await caseRow(r.caseId)).kind).toBe("question");
  });

  it("a logged call that is a report of concern goes to the intake; what was said is a note for them", async () => {
    const b = new Browser(t.app);
    await b.login("kommunikator@example.se");
    const csrf = await b.csrfFrom("/arbetsyta/logga");
    const res = await b.post("/arbetsyta/logga", {
      _csrf: csrf,
      kanal: "phone",
      fraga:
        "Anonym granne ringde: pojken i lägenheten bredvid, runt 6 år, blir slagen av sin pappa nästan varje kväll.",
      svar: "Sa att vi tar emot anmälan och att mottagningen bedömer den i dag.",
      namn: "",
      epost: "",
      telefon: "",
      tid: "",
    });
    expect(res.statusCode).toBe(303);
    const number = /klart=([A-Z0-9-]+)/.exec(res.headers.location as string)?.[1] as string;
    const c = await t.database.db
      .selectFrom("cases")
      .selectAll()
      .where("number", "=", number)
      .executeTakeFirstOrThrow();
    expect(c.concern_report).toBe(true);
    expect(c.unit_id).toBe(await unitId("mottagningen-barn"));
    expect(c.status).toBe("new");
    expect(c.first_answered_at).toBeNull();
    const messages = await t.database.db
      .selectFrom("case_messages")
      .select("direction")
      .where("case_id", "=", c.id)
      .execute();
    expect(messages.map((m) => m.direction).sort()).toEqual(["in", "note"]);
  });
});
