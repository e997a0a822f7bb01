import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KlarsvarModule } from "../src/app/module.js";
import { MODULES } from "../src/app/modules.js";
import { audit } from "../src/platform/audit/audit.js";
import { Browser, startTestApp, type TestApp } from "./app.js";

let shouldFail = true;
const flaky: KlarsvarModule = {
  name: "flaky",
  jobs: () => [
    {
      name: "test.always-fails-once",
      retryLimit: 0,
      handler: async () => {
        if (shouldFail) throw new Error("SMTP-servern svarade inte");
      },
    },
  ],
};

async function until(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("admin: audit log and failed jobs", () => {
  let t: TestApp;
  let admin: Browser;
  beforeAll(async () => {
    t = await startTestApp({ modules: [...MODULES, flaky], work: true, env: { LOGIN_RATE_LIMIT_PER_MINUTE: "1000" } });
    const actor = { orgId: t.org.id, userId: null, label: "Testaren <test@example.se>" };
    for (let i = 0; i < 60; i++)
      await audit(t.database.db, actor, {
        action: `test.event.${i % 2 === 0 ? "even" : "odd"}`,
        subjectType: "case",
        subjectId: `SOC-2026-${String(i).padStart(6, "0")}`,
      });
    admin = new Browser(t.app);
    await admin.login("admin@example.se");
  });
  afterAll(async () => t?.close());

  it("browses the audit log newest first, 50 to a page, with paging", async () => {
    const page1 = await admin.get("/arbetsyta/admin/logg");
    expect(page1.statusCode).toBe(200);
    expect(page1.body).toContain("auth.login");
    expect(page1.body).toMatch(/\d+ händelser/);
    expect(page1.body).toContain('href="/arbetsyta/admin/logg?sida=2"');
    const page2 = await admin.get("/arbetsyta/admin/logg?sida=2");
    expect(page2.body).toContain('aria-current="page"');
  });

  it("filters by event prefix and by who, and keeps the filter when paging", async () => {
    const res = await admin.get("/arbetsyta/admin/logg?handelse=test.event.even&vem=Testaren");
    expect(res.body).toContain("30 händelser");
    expect(res.body).not.toContain("test.event.odd");
    expect(res.body).toContain('value="test.event.even"');
  });

  it("filters by date and explains a badly typed date", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const none = await admin.get("/arbetsyta/admin/logg?till=2020-01-01");
    expect(none.body).toContain("Inga händelser matchar.");
    const some = await admin.get(`/arbetsyta/admin/logg?fran=${today}&handelse=test.event`);
    expect(some.body).toContain("60 händelser");
    const bad = await admin.get("/arbetsyta/admin/logg?fran=igår");
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Skriv datumet som år-månad-dag");
    expect(bad.body).toContain('value="igår"');
  });

  it("shows a failed job to admins and runs it again on request, audited", async () => {
    const id = await t.jobs.send("test.always-fails-once", {});
    await until(async () => (await t.jobs.getState("test.always-fails-once", id as string)) === "failed");
    const page = await admin.get("/arbetsyta/admin/jobb");
    expect(page.body).toContain("test.always-fails-once");
    expect(page.body).toContain("SMTP-servern svarade inte");
    const ws = await admin.get("/arbetsyta");
    expect(ws.body).toContain("1 jobb har misslyckats");
    shouldFail = false;
    const token = await admin.csrfFrom("/arbetsyta/admin/jobb");
    const res = await admin.post(`/arbetsyta/admin/jobb/${id}/forsok-igen`, {
      _csrf: token,
      name: "test.always-fails-once",
    });
    expect(res.statusCode).toBe(303);
    await until(async () => (await t.jobs.getState("test.always-fails-once", id as string)) === "completed");
    expect((await admin.get("/arbetsyta/admin/jobb?klart=1")).body).toContain("Inga jobb har misslyckats.");
    const logged = await t.database.db
      .selectFrom("audit_log")
      .select("subject_id")
      .where("action", "=", "job.retry")
      .execute();
    expect(logged.map((l) => l.subject_id)).toContain(id);
  });

  it("refuses to retry a job that has not failed", async () => {
    const token = await admin.csrfFrom("/arbetsyta/admin/jobb");
    const res = await admin.post("/arbetsyta/admin/jobb/00000000-0000-4000-8000-000000000000/forsok-igen", {
      _csrf: token,
      name: "test.always-fails-once",
    });
    expect(res.statusCode).toBe(404);
  });
});
