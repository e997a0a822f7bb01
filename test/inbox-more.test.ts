import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { receiveQuestion } from "../src/modules/inbox/commands/receive.js";
import { computeMeasures } from "../src/modules/inbox/measures.js";
import { Browser, startTestApp, type TestApp } from "./app.js";
import { BACKENDS } from "./db.js";

/** Stockholm wall-clock time as an instant. */
function local(s: string): Date {
  const utc = new Date(`${s}:00Z`);
  const offset =
    new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Stockholm", timeZoneName: "shortOffset" })
      .formatToParts(utc)
      .find((p) => p.type === "timeZoneName")?.value ?? "GMT+1";
  return new Date(utc.getTime() - Number(offset.replace("GMT", "")) * 3_600_000);
}

describe.each(BACKENDS)("inbox measures, follow-up and diarium on %s", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      backend,
      env: { LOGIN_RATE_LIMIT_PER_MINUTE: "1000", FORM_RATE_LIMIT_PER_MINUTE: "1000" },
    });
  });
  afterAll(async () => t?.close());

  const deps = () => ({ db: t.database.db, jobs: t.jobs, secret: t.config.sessionSecret });
  const actor = () => ({ orgId: t.org.id, userId: null, label: "test" });

  async function question(
    channel: "web" | "email",
    received: Date,
    answeredAfterHours: number | null,
    kind: "question" | "media" = "question",
  ) {
    const r = await receiveQuestion(deps(), actor(), {
      orgId: t.org.id,
      channel,
      kind,
      body: "En vanlig fråga om avgifter.",
      requester: {},
      receivedAt: received,
    });
    if (!r.ok) throw new Error("not received");
    if (answeredAfterHours !== null) {
      await t.database.db
        .updateTable("cases")
        .set({ first_answered_at: new Date(received.getTime() + answeredAfterHours * 3_600_000), status: "answered" })
        .where("id", "=", r.caseId)
        .execute();
    }
    return r;
  }

  it("counts the KKiK measure in working time, per channel, and leaves out questions still inside their first day", async () => {
    const from = local("2026-11-02T00:00");
    const to = local("2026-11-09T00:00");
    const now = local("2026-11-06T12:00");
    await question("email", local("2026-11-02T09:00"), 2); // within
    await question("email", local("2026-11-02T10:00"), 30); // Tuesday 16:00: more than one working day
    await question("web", local("2026-11-03T15:00"), 20); // Wednesday 11:00: within (1.5 h + 3 h of office time)
    await question("web", local("2026-11-04T09:00"), null); // never answered, its day has passed: not within
    await question("email", local("2026-11-06T11:00"), null); // still inside its first working day: not counted
    await question("email", local("2026-11-05T09:00"), 1, "media"); // counted apart
    const m = await computeMeasures(t.database.db, t.org.id, from, to, now);
    expect(m.kkik.all).toMatchObject({ counted: 4, withinOneDay: 2, share: 0.5 });
    const email = m.kkik.byChannel.find((s) => s.key === "email");
    expect(email).toMatchObject({ counted: 2, withinOneDay: 1 });
    expect(m.mediaInquiries).toMatchObject({ counted: 1, withinOneDay: 1 });
  });

  it("shows measures on a staff page with charts, and as JSON", async () => {
    const b = new Browser(t.app);
    await b.login("kommunikator@example.se");
    const page = await b.get("/arbetsyta/matt?dagar=365");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Svar inom en arbetsdag");
    expect(page.body).toContain('role="img"');
    const json = await b.get("/arbetsyta/matt.json?dagar=365");
    expect(json.json()).toMatchObject({ kkik: { all: { share: expect.any(Number) } }, openByAge: expect.any(Object) });
    const employee = new Browser(t.app);
    await employee.login("medarbetare@example.se");
    expect((await employee.get("/arbetsyta/matt")).statusCode).toBe(403);
  });

  it("asks the requester once whether they got help, after the answer", async () => {
    const r = await receiveQuestion(deps(), actor(), {
      orgId: t.org.id,
      channel: "web",
      body: "Hur bokar jag budgetrådgivning?",
      requester: {},
    });
    if (!r.ok) throw new Error("not received");
    const b = new Browser(t.app);
    expect((await b.get(`/arende/${r.followToken}`)).body).not.toContain("Fick du hjälp?");
    await t.database.db.updateTable("cases").set({ status: "closed" }).where("id", "=", r.caseId).execute();
    expect((await b.get(`/arende/${r.followToken}`)).body).toContain("Fick du hjälp?");
    const csrf = await b.csrfFrom(`/arende/${r.followToken}`);
    expect((await b.post(`/arende/${r.followToken}/hjalp`, { _csrf: csrf, hjalp: "ja" })).statusCode).toBe(303);
    await b.post(`/arende/${r.followToken}/hjalp`, { _csrf: csrf, hjalp: "nej" });
    const c = await t.database.db
      .selectFrom("cases")
      .select("helped")
      .where("id", "=", r.caseId)
      .executeTakeFirstOrThrow();
    expect(c.helped).toBe(true);
    expect((await b.get(`/arende/${r.followToken}`)).body).toContain("Tack för att du svarade");
  });

  it("shows the suggested unit with its confidence and evidence on the case; moving to it is one audited click", async () => {
    // Never route automatically: the suggestion waits for a person.
    await t.database.db
      .updateTable("organisations")
      .set({ auto_route_threshold: null })
      .where("id", "=", t.org.id)
      .execute();
    try {
      const fresh = await receiveQuestion(deps(), actor(), {
        orgId: t.org.id,
        channel: "web",
        body: "Kan man få bistånd till hyran i december? Pengarna räcker inte.",
        requester: {},
      });
      if (!fresh.ok) throw new Error("not received");
      const economy = await t.database.db
        .selectFrom("units")
        .select("id")
        .where("slug", "=", "ekonomiskt-bistand")
        .executeTakeFirstOrThrow();
      expect(fresh.unitId).toBeNull();
      expect(fresh.suggestion?.unitId).toBe(economy.id);
      const b = new Browser(t.app);
      await b.login("kommunikator@example.se");
      const page = await b.get(`/arbetsyta/arenden/${fresh.caseId}`);
      expect(page.body).toMatch(/<dt>Föreslagen enhet<\/dt><dd>Ekonomiskt bistånd \(\d+ % säker, enligt [^)]+\)<\/dd>/);
      expect(page.body).toContain("Flytta till Ekonomiskt bistånd");
      const csrf = await b.csrfFrom(`/arbetsyta/arenden/${fresh.caseId}`);
      const moved = await b.post(`/arbetsyta/arenden/${fresh.caseId}/till-forslaget`, { _csrf: csrf });
      expect(moved.statusCode).toBe(303);
      const c = await t.database.db
        .selectFrom("cases")
        .select("unit_id")
        .where("id", "=", fresh.caseId)
        .executeTakeFirstOrThrow();
      expect(c.unit_id).toBe(economy.id);
      const logged = await t.database.db
        .selectFrom("audit_log")
        .select("details")
        .where("action", "=", "case.route")
        .where("subject_id", "=", fresh.caseId)
        .executeTakeFirstOrThrow();
      expect(JSON.stringify(logged.details)).toContain("Den föreslagna enheten");
      // Routed to it: the one-click button is gone.
      expect((await b.get(`/arbetsyta/arenden/${fresh.caseId}`)).body).not.toContain("Flytta till Ekonomiskt bistånd");
    } finally {
      await t.database.db
        .updateTable("organisations")
        .set({ auto_route_threshold: 0.6 })
        .where("id", "=", t.org.id)
        .execute();
    }
  });

  it("offers earlier answers to similar questions while writing a reply", async () => {
    const earlier = await receiveQuestion(deps(), actor(), {
      orgId: t.org.id,
      channel: "web",
      body: "Hur bokar jag budgetrådgivning?",
      requester: {},
    });
    if (!earlier.ok) throw new Error("not received");
    const staff = new Browser(t.app);
    await staff.login("kommunikator@example.se");
    const csrf = await staff.csrfFrom(`/arbetsyta/arenden/${earlier.caseId}`);
    await staff.post(`/arbetsyta/arenden/${earlier.caseId}/svar`, {
      _csrf: csrf,
      body: "Du bokar budgetrådgivning genom att ringa oss på vardagar.",
      typ: "svar",
    });
    const fresh = await receiveQuestion(deps(), actor(), {
      orgId: t.org.id,
      channel: "web",
      body: "Kan man få budgetrådgivning hos er?",
      requester: {},
    });
    if (!fresh.ok) throw new Error("not received");
    const page = await staff.get(`/arbetsyta/arenden/${fresh.caseId}`);
    expect(page.body).toContain("Svar på liknande frågor");
    expect(page.body).toContain("Du bokar budgetrådgivning genom att ringa oss på vardagar.");
  });

  it("the public diarium lists registered cases without personal data or secret cases", async () => {
    const open = await receiveQuestion(deps(), actor(), {
      orgId: t.org.id,
      channel: "web",
      body: "Jag heter Hemlig Hemligsson och undrar om avgiften.",
      requester: { name: "Hemlig Hemligsson" },
    });
    const secret = await receiveQuestion(deps(), actor(), {
      orgId: t.org.id,
      channel: "web",
      body: "Sekretessfråga",
      requester: {},
    });
    if (!open.ok || !secret.ok) throw new Error("not received");
    await t.database.db.updateTable("cases").set({ secret: true }).where("id", "=", secret.caseId).execute();
    const b = new Browser(t.app);
    const page = await b.get(`/diarium?q=${open.number}`);
    expect(page.body).toContain(open.number);
    expect(page.body).not.toContain("Hemligsson");
    const hidden = (await b.get(`/diarium?q=${secret.number}`)).body;
    expect(hidden).not.toContain(`<span>${secret.number}</span>`);
    expect(hidden).toContain("0 ärenden");
  });
});

describe("routing rules", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: "1000" } });
  });
  afterAll(async () => t?.close());

  it("an admin adds a keyword rule; new questions with the word go to that unit; the rule can be removed", async () => {
    const admin = new Browser(t.app);
    await admin.login("admin@example.se");
    const unit = await t.database.db
      .selectFrom("units")
      .select(["id"])
      .where("slug", "=", "beroende")
      .executeTakeFirstOrThrow();
    let csrf = await admin.csrfFrom("/arbetsyta/admin/dirigering");
    const bad = await admin.post("/arbetsyta/admin/dirigering", {
      _csrf: csrf,
      enhet: "",
      ord: "",
      kategori: "",
      kanal: "",
      ordning: "x",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Välj enheten som ska få frågorna");
    expect(bad.body).toContain("Ange en kategori, en kanal eller minst ett ord");
    expect(
      (
        await admin.post("/arbetsyta/admin/dirigering", {
          _csrf: csrf,
          enhet: unit.id,
          ord: "spel, casino",
          kategori: "",
          kanal: "",
          ordning: "10",
        })
      ).statusCode,
    ).toBe(303);
    const r = await receiveQuestion(
      { db: t.database.db, jobs: t.jobs, secret: t.config.sessionSecret },
      { orgId: t.org.id, userId: null, label: "test" },
      {
        orgId: t.org.id,
        channel: "web",
        body: "Min man spelar bort lönen på nätcasinon.",
        requester: {},
      },
    );
    expect(r.ok && r.unitId).toBe(unit.id);
    const page = await admin.get("/arbetsyta/admin/dirigering");
    expect(page.body).toContain("spel, casino");
    // The new rule's own row (the demo's default rules come first).
    const row = page.body.split("<tr>").find((r) => r.includes("spel, casino")) ?? "";
    const id = /\/arbetsyta\/admin\/dirigering\/([0-9a-f-]{36})\/ta-bort/.exec(row)?.[1] as string;
    csrf = await admin.csrfFrom("/arbetsyta/admin/dirigering");
    expect((await admin.post(`/arbetsyta/admin/dirigering/${id}/ta-bort`, { _csrf: csrf })).statusCode).toBe(303);
    expect((await admin.get("/arbetsyta/admin/dirigering")).body).not.toContain("spel, casino");
    const logged = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "like", "routing.rule.%")
      .execute();
    expect(logged.map((l) => l.action).sort()).toEqual(["routing.rule.create", "routing.rule.delete"]);
  });
});

describe("disposal (gallring)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: "1000" } });
  });
  afterAll(async () => t?.close());

  it("removes the content of closed cases older than the rule, keeps the registry entry, records why", async () => {
    const { disposeCases } = await import("../src/modules/inbox/jobs/dispose.js");
    const deps = { db: t.database.db, jobs: t.jobs, secret: t.config.sessionSecret };
    const actor = { orgId: t.org.id, userId: null, label: "test" };
    const old = await receiveQuestion(deps, actor, {
      orgId: t.org.id,
      channel: "web",
      kind: "question",
      body: "Gammal fråga med namn Anna Exempel.",
      requester: { name: "Anna Exempel", email: "anna@example.se" },
    });
    const recent = await receiveQuestion(deps, actor, {
      orgId: t.org.id,
      channel: "web",
      kind: "question",
      body: "Ny fråga.",
      requester: {},
    });
    if (!old.ok || !recent.ok) throw new Error("not received");
    await t.database.db
      .updateTable("cases")
      .set({ status: "closed", closed_at: new Date("2023-01-10T10:00:00Z") })
      .where("id", "=", old.caseId)
      .execute();
    await t.database.db
      .updateTable("cases")
      .set({ status: "closed", closed_at: new Date() })
      .where("id", "=", recent.caseId)
      .execute();
    const admin = new Browser(t.app);
    await admin.login("admin@example.se");
    let csrf = await admin.csrfFrom("/arbetsyta/admin/gallring");
    const bad = await admin.post("/arbetsyta/admin/gallring", {
      _csrf: csrf,
      typ: "",
      kategori: "",
      manader: "0",
      grund: "",
    });
    expect(bad.statusCode).toBe(400);
    csrf = await admin.csrfFrom("/arbetsyta/admin/gallring");
    expect(
      (
        await admin.post("/arbetsyta/admin/gallring", {
          _csrf: csrf,
          typ: "question",
          kategori: "",
          manader: "24",
          grund: "DHP socialnämnden 3.2",
        })
      ).statusCode,
    ).toBe(303);
    expect(await disposeCases(t.database.db, t.org.id)).toEqual({ disposed: 1 });
    const gone = await t.database.db
      .selectFrom("cases")
      .select(["number", "subject", "requester_name", "requester_email", "disposed_at"])
      .where("id", "=", old.caseId)
      .executeTakeFirstOrThrow();
    expect(gone).toMatchObject({
      number: old.number,
      subject: "[Gallrat]",
      requester_name: null,
      requester_email: null,
    });
    const message = await t.database.db
      .selectFrom("case_messages")
      .select("body")
      .where("case_id", "=", old.caseId)
      .executeTakeFirstOrThrow();
    expect(message.body).toMatch(/^\[Gallrat \d{4}-\d{2}-\d{2} enligt DHP socialnämnden 3\.2\]$/);
    const kept = await t.database.db
      .selectFrom("case_messages")
      .select("body")
      .where("case_id", "=", recent.caseId)
      .executeTakeFirstOrThrow();
    expect(kept.body).toBe("Ny fråga.");
    expect(await disposeCases(t.database.db, t.org.id)).toEqual({ disposed: 0 });
    expect((await admin.get("/arbetsyta/admin/gallring")).body).toContain(old.number);
    const logged = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("subject_id", "=", old.caseId)
      .where("action", "=", "case.dispose")
      .execute();
    expect(logged).toHaveLength(1);
  });
});

describe("archive export", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  it("writes a year's cases as cases.json, .eml messages and attachments in a ZIP", async () => {
    const { execFile } = await import("node:child_process");
    const { promisify } = await import("node:util");
    const { mkdtemp, rm } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { exportYear } = await import("../src/modules/inbox/archive.js");
    const deps = { db: t.database.db, jobs: t.jobs, secret: t.config.sessionSecret };
    const r = await receiveQuestion(
      deps,
      { orgId: t.org.id, userId: null, label: "test" },
      {
        orgId: t.org.id,
        channel: "web",
        body: "En fråga till arkivet.",
        requester: { email: "arkiv@example.se" },
        attachments: [
          { filename: "intyg.pdf", contentType: "application/pdf", data: Buffer.from("%PDF-1.4\n%%EOF\n") },
        ],
        receivedAt: new Date("2026-03-02T09:00:00Z"),
      },
    );
    if (!r.ok) throw new Error("not received");
    const dir = await mkdtemp(join(tmpdir(), "klarsvar-archive-"));
    const file = join(dir, "arkiv.zip");
    try {
      const result = await exportYear(t.database.db, { orgId: t.org.id, userId: null, label: "test" }, 2026, file, {
        orgAddress: "kontakt@example.se",
        domain: "klarsvar.example.se",
      });
      expect(result.cases).toBeGreaterThanOrEqual(1);
      const script =
        "import sys,zipfile,json\nz=zipfile.ZipFile(sys.argv[1])\nnames=z.namelist()\nprint(json.dumps({'names':names,'index':json.loads(z.read('cases.json')),'eml':z.read([n for n in names if n.endswith('.eml') and sys.argv[2] in n][0]).decode()}))";
      const { stdout } = await promisify(execFile)("python3", ["-c", script, file, r.number]);
      const out = JSON.parse(stdout) as {
        names: string[];
        index: { year: number; cases: { registry: { number: string }; attachments: { file: string }[] }[] };
        eml: string;
      };
      expect(out.index.year).toBe(2026);
      const entry = out.index.cases.find((c) => c.registry.number === r.number);
      expect(entry?.attachments[0]?.file).toMatch(/bilagor\/.*intyg\.pdf$/);
      expect(out.names).toContain(entry?.attachments[0]?.file);
      expect(out.eml).toContain(`X-Klarsvar-Case: ${r.number}`);
      expect(out.eml).toContain("En fr=C3=A5ga till arkivet.");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
