/**
 * Reports of concern about a child: who may act on them. Every action that takes a report off
 * the intake's board (re-classify, close, wait, move) × every role and unit: only the
 * child-welfare intake and an admin succeed, and only with a written reason; nobody marks one
 * as of minor importance or lifts its secrecy; every such action can be undone. Other staff see
 * that a report exists and its clock, and no button they may not use. The reporter's page shows
 * a receipt and, for a professional reporter, what the law lets us say — never an outcome.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaffUser } from "../src/platform/auth/users.js";
import { formStamp } from "../src/platform/http/form-guard.js";
import { Browser, startTestApp, type TestApp } from "./app.js";
import { BACKENDS } from "./db.js";

const PASSWORD = "oro-matrisen-losenord-2026";

function multipart(fields: Record<string, string>) {
  const boundary = "----klarsvar-concern";
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  return {
    payload: Buffer.from(`${parts.join("")}--${boundary}--\r\n`),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

type Action = { name: string; path: string; form: Record<string, string> };
const ACTIONS: readonly Action[] = [
  { name: "re-classify", path: "oro", form: { oro: "nej", reason: "Gäller inte ett barn" } },
  { name: "close", path: "status", form: { till: "closed", reason: "Bedömd, ingen åtgärd" } },
  { name: "wait", path: "status", form: { till: "waiting", reason: "Väntar på anmälaren" } },
  { name: "move", path: "flytta", form: { enhet: "UNIT", reason: "Utredning pågår redan där" } },
];

describe.each(BACKENDS)("reports of concern on %s", (backend) => {
  let t: TestApp;
  const users: Record<string, Browser> = {};
  let otherUnit = "";

  beforeAll(async () => {
    t = await startTestApp({
      backend,
      env: { FORM_RATE_LIMIT_PER_MINUTE: "1000", LOGIN_RATE_LIMIT_PER_MINUTE: "1000", RATE_LIMIT_PER_MINUTE: "100000" },
    });
    const db = t.database.db;
    const unit = async (slug: string) =>
      (await db.selectFrom("units").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
    otherUnit = await unit("barn-och-familj");
    // An intake case officer (not a manager) and a case officer at another unit of the same department.
    const actor = { orgId: t.org.id, userId: null, label: "test" };
    await createStaffUser(db, actor, {
      orgId: t.org.id,
      email: "mottagning@example.se",
      name: "Mottagningens handläggare",
      roles: ["unit_staff"],
      password: PASSWORD,
      unitIds: [await unit("mottagningen-barn")],
    });
    await createStaffUser(db, actor, {
      orgId: t.org.id,
      email: "bof@example.se",
      name: "Handläggare barn och familj",
      roles: ["unit_staff"],
      password: PASSWORD,
      unitIds: [otherUnit],
    });
    for (const [who, email, password] of [
      ["intake", "mottagning@example.se", PASSWORD],
      ["intakeManager", "chef@example.se", undefined],
      ["admin", "admin@example.se", undefined],
      ["communicator", "kommunikator@example.se", undefined],
      ["otherUnit", "bof@example.se", PASSWORD],
      ["officer", "handlaggare@example.se", undefined],
      ["registrar", "registrator@example.se", undefined],
      ["employee", "medarbetare@example.se", undefined],
    ] as const) {
      const b = new Browser(t.app);
      expect((await b.login(email, password)).statusCode).toBe(303);
      users[who] = b;
    }
  });
  afterAll(async () => t?.close());

  async function report(): Promise<{ id: string; number: string; follow: string; reporter: Browser }> {
    const reporter = new Browser(t.app);
    const token = await reporter.csrfFrom("/fraga");
    const form = multipart({
      _csrf: token,
      stamp: formStamp(t.config.sessionSecret, Date.now() - 10_000),
      email: "granne@example.se",
      question: `Jag är orolig för ett barn i vårt hus (${Math.random().toString(36).slice(2, 8)}). Pappan slår honom, jag hör det varje kväll.`,
    });
    const res = await t.app.inject({
      method: "POST",
      url: "/fraga",
      ...form,
      cookies: { ks_csrf: reporter.cookie("ks_csrf") as string },
    });
    expect(res.statusCode).toBe(303);
    const c = await t.database.db
      .selectFrom("cases")
      .select(["id", "number", "concern_report", "secret"])
      .orderBy("received_at", "desc")
      .executeTakeFirstOrThrow();
    expect(c).toMatchObject({ concern_report: true, secret: true });
    return { id: c.id, number: c.number, follow: (res.headers.location as string).split("?")[0] as string, reporter };
  }

  async function act(b: Browser, caseId: string, a: Action, withReason = true) {
    const form: Record<string, string> = {
      ...a.form,
      enhet: a.form["enhet"] === "UNIT" ? otherUnit : (a.form["enhet"] ?? ""),
    };
    if (!withReason) form["reason"] = "";
    const token = await b.csrfFrom("/arbetsyta");
    return (await b.post(`/arbetsyta/arenden/${caseId}/${a.path}`, { _csrf: token, ...form })).statusCode;
  }

  const onBoard = async (caseNumber: string) =>
    (await users["intakeManager"]?.get("/arbetsyta/inkorg"))?.body.includes(caseNumber) ?? false;
  const state = async (id: string) =>
    t.database.db
      .selectFrom("cases")
      .select(["status", "concern_report", "unit_id", "minor_importance", "secret"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();

  const refused = ["communicator", "otherUnit", "officer", "registrar", "employee"] as const;
  for (const a of ACTIONS) {
    it.each(refused)(`${a.name}: refused for %s, and the report stays on the intake's board`, async (who) => {
      const c = await report();
      const status = await act(users[who] as Browser, c.id, a);
      expect(status).toBe(403);
      expect(await state(c.id)).toMatchObject({ status: "new", concern_report: true, minor_importance: false });
      expect(await onBoard(c.number)).toBe(true);
    });

    it.each(["intake", "intakeManager", "admin"] as const)(
      `${a.name}: %s needs a reason, then succeeds, and can undo it`,
      async (who) => {
        const c = await report();
        const b = users[who] as Browser;
        expect(await act(b, c.id, a, false)).toBe(400);
        expect(await state(c.id)).toMatchObject({ status: "new", concern_report: true });
        expect(await act(b, c.id, a)).toBe(303);
        const after = await state(c.id);
        expect(after.status !== "new" || !after.concern_report || after.unit_id === otherUnit).toBe(true);
        // Undo from the history, with a reason.
        const page = await b.get(`/arbetsyta/arenden/${c.id}`);
        const undo = /action="(\/arbetsyta\/arenden\/[^"]+\/angra\/\d+)"/.exec(page.body)?.[1];
        expect(undo).toBeDefined();
        const token = await b.csrfFrom(`/arbetsyta/arenden/${c.id}`);
        expect((await b.post(undo as string, { _csrf: token, reason: "" })).statusCode).toBe(400);
        expect((await b.post(undo as string, { _csrf: token, reason: "Fel av mig" })).statusCode).toBe(303);
        expect(await state(c.id)).toMatchObject({ concern_report: true, secret: true });
        expect(await onBoard(c.number)).toBe(true);
        const audit = await t.database.db
          .selectFrom("audit_log")
          .select("action")
          .where("subject_id", "=", c.id)
          .where("action", "=", "case.undo")
          .execute();
        expect(audit).toHaveLength(1);
      },
    );
  }

  it.each(["intake", "intakeManager", "admin", "communicator"] as const)(
    "nobody marks a report as of minor importance or lifts its secrecy (%s)",
    async (who) => {
      const c = await report();
      const b = users[who] as Browser;
      const token = await b.csrfFrom("/arbetsyta");
      expect(
        (await b.post(`/arbetsyta/arenden/${c.id}/ringa-betydelse`, { _csrf: token, ringa: "ja" })).statusCode,
      ).toBe(403);
      expect(
        (
          await b.post(`/arbetsyta/arenden/${c.id}/sekretess`, {
            _csrf: token,
            sekretess: "nej",
            reason: "Behövs inte",
          })
        ).statusCode,
      ).toBe(403);
      expect(await state(c.id)).toMatchObject({ minor_importance: false, secret: true, status: "new" });
    },
  );

  it("shows others that a report exists and its clock, and no button they may not use", async () => {
    const c = await report();
    const page = await (users["communicator"] as Browser).get(`/arbetsyta/arenden/${c.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Orosanmälan om ett barn");
    expect(page.body).toContain("Svar senast");
    expect(page.body).toContain("Sekretessmarkerat ärende");
    expect(page.body).not.toContain("Pappan slår");
    for (const action of [
      "/oro",
      "/status",
      "/flytta",
      "/ringa-betydelse",
      "/sekretess",
      "/oppna",
      "/svar",
      "/anmalare",
      "fran-arende",
    ])
      expect(page.body).not.toContain(`${c.id}${action}`);
    // The intake sees the buttons it may use.
    const intake = await (users["intake"] as Browser).get(`/arbetsyta/arenden/${c.id}`);
    for (const action of ["/oro", "/status", "/flytta", "/oppna"]) expect(intake.body).toContain(`${c.id}${action}`);
    expect(intake.body).not.toContain(`${c.id}/ringa-betydelse`);
  });

  it("gives the reporter a receipt and, for a professional reporter, only whether an investigation was opened", async () => {
    const c = await report();
    let page = await c.reporter.get(c.follow);
    expect(page.body).toContain("Vi har tagit emot din orosanmälan");
    expect(page.body).toContain('href="tel:112"');
    for (const hidden of ["Du får svar senast", "Fick du hjälp?", "Läge"]) expect(page.body).not.toContain(hidden);
    const intake = users["intake"] as Browser;
    let token = await intake.csrfFrom(`/arbetsyta/arenden/${c.id}`);
    expect((await intake.post(`/arbetsyta/arenden/${c.id}/oppna`, { _csrf: token, syfte: "handle" })).statusCode).toBe(
      303,
    );
    token = await intake.csrfFrom(`/arbetsyta/arenden/${c.id}`);
    // Only after confirming the reporter reported in their profession.
    expect(
      (await intake.post(`/arbetsyta/arenden/${c.id}/anmalare`, { _csrf: token, besked: "opened" })).statusCode,
    ).toBe(400);
    expect(
      (await intake.post(`/arbetsyta/arenden/${c.id}/anmalare`, { _csrf: token, besked: "opened", yrke: "ja" }))
        .statusCode,
    ).toBe(303);
    token = await intake.csrfFrom(`/arbetsyta/arenden/${c.id}`);
    expect(
      (
        await intake.post(`/arbetsyta/arenden/${c.id}/status`, {
          _csrf: token,
          till: "closed",
          reason: "Utredning inledd, anmälan avslutad här",
        })
      ).statusCode,
    ).toBe(303);
    page = await c.reporter.get(c.follow);
    expect(page.body).toContain("har startat en utredning");
    for (const hidden of [
      "Ärendet är avslutat",
      "Fick du hjälp?",
      "Du får svar senast",
      "Utredning inledd, anmälan avslutad här",
    ])
      expect(page.body).not.toContain(hidden);
    token = await c.reporter.csrfFrom(c.follow);
    expect((await c.reporter.post(`${c.follow}/hjalp`, { _csrf: token, hjalp: "ja" })).statusCode).toBe(303);
    expect(
      (await t.database.db.selectFrom("cases").select("helped").where("id", "=", c.id).executeTakeFirstOrThrow())
        .helped,
    ).toBeNull();
  });

  it("turns a follow-up that reads as a report of concern into one: to the intake, secret, on the board", async () => {
    const b = new Browser(t.app);
    let token = await b.csrfFrom("/fraga");
    const form = multipart({
      _csrf: token,
      stamp: formStamp(t.config.sessionSecret, Date.now() - 10_000),
      category: "pengar",
      question: "När har budgetrådgivningen öppet?",
    });
    const res = await t.app.inject({
      method: "POST",
      url: "/fraga",
      ...form,
      cookies: { ks_csrf: b.cookie("ks_csrf") as string },
    });
    const follow = (res.headers.location as string).split("?")[0] as string;
    token = await b.csrfFrom(follow);
    expect(
      (
        await b.post(follow, {
          _csrf: token,
          message: "En sak till: jag är orolig för barnen hos grannen, mamman slår dem.",
        })
      ).statusCode,
    ).toBe(303);
    const c = await t.database.db
      .selectFrom("cases as c")
      .innerJoin("units as u", "u.id", "c.unit_id")
      .select(["c.number", "c.concern_report", "c.secret", "u.slug"])
      .orderBy("c.received_at", "desc")
      .executeTakeFirstOrThrow();
    expect(c).toMatchObject({ concern_report: true, secret: true, slug: "mottagningen-barn" });
    expect(await onBoard(c.number)).toBe(true);
  });
});
