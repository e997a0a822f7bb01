import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KlarsvarModule } from "../src/app/module.js";
import { MODULES } from "../src/app/modules.js";
import { hashToken, SESSION_COOKIE } from "../src/platform/auth/sessions.js";
import { BACKENDS } from "./db.js";
import { Browser, startTestApp, type TestApp } from "./app.js";

const boom: KlarsvarModule = {
  name: "boom",
  routes: (app) => {
    app.get("/trasig", { config: { access: "public" } }, async () => {
      throw new Error("secret internal detail at /work/main/src/x.ts:12");
    });
  },
};

describe.each(BACKENDS)("staff sign-in on %s", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      backend,
      env: { LOGIN_MAX_FAILURES: "3", LOGIN_LOCKOUT_MINUTES: "15", LOGIN_RATE_LIMIT_PER_MINUTE: "1000" },
      modules: [...MODULES, boom],
    });
  });
  afterAll(async () => t?.close());

  it("signs in, lands on the workspace, and audits it", async () => {
    const b = new Browser(t.app);
    const res = await b.login("kommunikator@example.se");
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/arbetsyta");
    const page = await b.get("/arbetsyta");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Hej Sara Holmgren!");
    expect(page.headers["cache-control"]).toBe("no-store");
    // Only the hash of the token is stored.
    const token = b.cookie(SESSION_COOKIE) as string;
    const stored = await t.database.db.selectFrom("sessions").select("id").execute();
    expect(stored.map((s) => s.id)).toContain(hashToken(token));
    expect(stored.map((s) => s.id)).not.toContain(token);
    const log = await t.database.db
      .selectFrom("audit_log")
      .select(["action", "actor_label"])
      .where("action", "=", "auth.login")
      .execute();
    expect(log.some((l) => l.actor_label.includes("kommunikator@example.se"))).toBe(true);
  });

  it("goes back to the page that asked for sign-in, but never to another site", async () => {
    const b = new Browser(t.app);
    const first = await b.get("/arbetsyta/konto");
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe("/logga-in?nasta=%2Farbetsyta%2Fkonto");
    const token = await b.csrfFrom("/logga-in?nasta=%2Farbetsyta%2Fkonto");
    const res = await b.post("/logga-in", {
      _csrf: token,
      email: "chef@example.se",
      password: "klarsvar-demo-2026",
      nasta: "/arbetsyta/konto",
    });
    expect(res.headers.location).toBe("/arbetsyta/konto");
    const b2 = new Browser(t.app);
    const token2 = await b2.csrfFrom("/logga-in");
    const evil = await b2.post("/logga-in", {
      _csrf: token2,
      email: "chef@example.se",
      password: "klarsvar-demo-2026",
      nasta: "//evil.example.com",
    });
    expect(evil.headers.location).toBe("/arbetsyta");
  });

  it("says the same for an unknown e-mail and a wrong password", async () => {
    const b = new Browser(t.app);
    const token = await b.csrfFrom("/logga-in");
    const unknown = await b.post("/logga-in", {
      _csrf: token,
      email: "ingen@example.se",
      password: "fel-losenord-123",
    });
    const wrong = await b.post("/logga-in", {
      _csrf: token,
      email: "medarbetare@example.se",
      password: "fel-losenord-123",
    });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.body).toContain("E-postadressen eller lösenordet är fel");
    expect(wrong.body).toContain("E-postadressen eller lösenordet är fel");
  });

  it("makes the next try wait after repeated failures, the same for an unknown account, without locking the owner out elsewhere", async () => {
    const b = new Browser(t.app);
    const token = await b.csrfFrom("/logga-in");
    const attempt = (email: string, password: string, ip: string) =>
      t.app.inject({
        method: "POST",
        url: "/logga-in",
        remoteAddress: ip,
        cookies: { ks_csrf: b.cookie("ks_csrf") as string },
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: new URLSearchParams({ _csrf: token, email, password }).toString(),
      });
    for (const email of ["handlaggare@example.se", "finns-inte@example.se"]) {
      // LOGIN_MAX_FAILURES=3 free failures from one address; the fourth sets a wait.
      for (let i = 0; i < 4; i++) expect((await attempt(email, `fel-${i}-xxxxxxxx`, "10.0.0.7")).statusCode).toBe(401);
      const held = await attempt(email, "klarsvar-demo-2026", "10.0.0.7");
      expect(held.statusCode).toBe(429);
      expect(held.body).toContain("Du har försökt många gånger. Vänta 1 min och försök igen.");
      expect(Number(held.headers["retry-after"])).toBeGreaterThan(0);
    }
    // The same words and status whether the account exists or not: nothing to learn.
    const known = await attempt("handlaggare@example.se", "fel", "10.0.0.7");
    const unknown = await attempt("finns-inte@example.se", "fel", "10.0.0.7");
    expect([known.statusCode, unknown.statusCode]).toEqual([429, 429]);
    const page = (body: string, email: string) =>
      body.replace(`value="${email}"`, "").replace(/name="_csrf" value="[^"]+"/g, "");
    expect(page(known.body, "handlaggare@example.se")).toBe(page(unknown.body, "finns-inte@example.se"));
    // The owner, from their own address, is not held up by someone else's guessing.
    expect((await attempt("handlaggare@example.se", "klarsvar-demo-2026", "10.0.0.8")).statusCode).toBe(303);
    const events = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "auth.login.throttled")
      .execute();
    expect(events.length).toBeGreaterThanOrEqual(4);
    // No lockout columns are used any more.
    const row = await t.database.db
      .selectFrom("staff_users")
      .select(["locked_until"])
      .where("email", "=", "handlaggare@example.se")
      .executeTakeFirstOrThrow();
    expect(row.locked_until).toBeNull();
  });

  it("signs out: the session is gone from the database and the cookie no longer works", async () => {
    const b = new Browser(t.app);
    await b.login("medarbetare@example.se");
    const token = b.cookie(SESSION_COOKIE) as string;
    const csrf = await b.csrfFrom("/arbetsyta");
    const out = await b.post("/logga-ut", { _csrf: csrf });
    expect(out.statusCode).toBe(303);
    expect(out.headers.location).toBe("/logga-in?utloggad=1");
    const row = await t.database.db
      .selectFrom("sessions")
      .select("id")
      .where("id", "=", hashToken(token))
      .executeTakeFirst();
    expect(row).toBeUndefined();
    const again = await t.app.inject({ url: "/arbetsyta", cookies: { [SESSION_COOKIE]: token } });
    expect(again.statusCode).toBe(303);
  });

  it("changes the password, ends other sessions, and rejects a weak one", async () => {
    const other = new Browser(t.app);
    await other.login("admin@example.se");
    const b = new Browser(t.app);
    await b.login("admin@example.se");
    let csrf = await b.csrfFrom("/arbetsyta/konto");
    const weak = await b.post("/arbetsyta/konto/losenord", {
      _csrf: csrf,
      current: "klarsvar-demo-2026",
      next: "kort",
      confirm: "kort",
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain("minst 12 tecken");
    csrf = await b.csrfFrom("/arbetsyta/konto");
    const ok = await b.post("/arbetsyta/konto/losenord", {
      _csrf: csrf,
      current: "klarsvar-demo-2026",
      next: "ett nytt och langt losenord",
      confirm: "ett nytt och langt losenord",
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe("/arbetsyta/konto?bytt=1");
    expect((await b.get(ok.headers.location as string)).body).toContain("Lösenordet är bytt.");
    expect((await other.get("/arbetsyta")).statusCode).toBe(303);
    const fresh = new Browser(t.app);
    expect((await fresh.login("admin@example.se")).statusCode).toBe(401);
    expect((await fresh.login("admin@example.se", "ett nytt och langt losenord")).statusCode).toBe(303);
  });

  it("expires sessions after their lifetime", async () => {
    const b = new Browser(t.app);
    await b.login("chef@example.se");
    const token = b.cookie(SESSION_COOKIE) as string;
    await t.database.db
      .updateTable("sessions")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("id", "=", hashToken(token))
      .execute();
    expect((await b.get("/arbetsyta")).statusCode).toBe(303);
  });

  it("shows a 500 page with the request id and no internals", async () => {
    const res = await t.app.inject({ url: "/trasig" });
    expect(res.statusCode).toBe(500);
    expect(res.body).toContain("Något gick fel hos oss");
    expect(res.body).toContain(res.headers["x-request-id"] as string);
    expect(res.body).not.toContain("secret internal detail");
    expect(res.body).not.toContain("src/x.ts");
  });
});
