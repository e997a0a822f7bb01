/**
 * The rendered-page cache and honest overload (issue 19): public pages are served from memory
 * while the tables they read are unchanged, a change anywhere — this process, another
 * connection — is seen, signed-in staff never get a kept page, every visitor gets a CSRF token
 * of their own, and a full database queue is answered 503 at once.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, startTestApp, type TestApp } from "./app.js";
import { BACKENDS } from "./db.js";

const PAGE = "/stod/ekonomiskt-bistand";

describe.each(BACKENDS)("page cache on %s", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ backend, env: { RATE_LIMIT_PER_MINUTE: "100000" } });
  });
  afterAll(async () => t?.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });

  it("serves a public page from memory the second time, with the same bytes and ETag", async () => {
    const first = await get(PAGE);
    expect(first.statusCode).toBe(200);
    expect(first.headers["x-cache"]).toBeUndefined();
    const second = await get(PAGE);
    expect(second.headers["x-cache"]).toBe("hit");
    expect(second.body).toBe(first.body);
    expect(second.headers["etag"]).toBe(first.headers["etag"]);
    expect(second.headers["content-security-policy"]).toContain("default-src 'self'");
    const notModified = await get(PAGE, { "if-none-match": first.headers["etag"] as string });
    expect(notModified.statusCode).toBe(304);
    // Each language is its own page.
    const english = await t.app.inject({ url: PAGE, cookies: { ks_lang: "en" } });
    expect(english.headers["x-cache"]).toBeUndefined();
    expect(english.body).toContain('lang="en"');
  });

  it("shows a change made through the application at once", async () => {
    await get(PAGE);
    expect((await get(PAGE)).headers["x-cache"]).toBe("hit");
    await t.database.db
      .updateTable("catalogue_services")
      .set({ summary: "Pengar till mat och hyra när inget annat räcker, ny text." })
      .where("slug", "=", "ekonomiskt-bistand")
      .execute();
    const after = await get(PAGE);
    expect(after.headers["x-cache"]).toBeUndefined();
    expect(after.body).toContain("ny text.");
  });

  it("sees a change made by another process or connection within the poll", async () => {
    // Through the pool directly, as another process would: the cache only learns from the database.
    await t.database.pool.query(
      "update catalogue_services set summary = 'Ändrat av en annan process.' where slug = 'ekonomiskt-bistand'",
    );
    await sleep(t.app.pageCache.clock.pollMs * 3);
    const after = await get(PAGE);
    expect(after.body).toContain("Ändrat av en annan process.");
    // Rendered just after the change: not kept until the change has settled.
    expect((await get(PAGE)).headers["x-cache"]).toBeUndefined();
  });

  it("every table is tracked, so no page can read a table whose changes go unseen", async () => {
    const r = await sql<{ tablename: string }>`
      select tablename from pg_tables t
      where schemaname = current_schema() and tablename not like 'kysely_%'
        and not exists (
          select 1 from pg_trigger g join pg_class c on c.oid = g.tgrelid
          where c.relname = t.tablename and g.tgname = 'ks_chg')`.execute(t.database.db);
    expect(r.rows.map((x) => x.tablename)).toEqual([]);
  });

  it("never serves a kept page to signed-in staff", async () => {
    await get("/");
    expect((await get("/")).headers["x-cache"]).toBe("hit");
    const staff = new Browser(t.app);
    await staff.login("kommunikator@example.se");
    const res = await staff.get("/");
    expect(res.headers["x-cache"]).toBeUndefined();
    expect(res.headers["cache-control"]).toBe("private, no-cache");
  });

  it("gives each visitor a CSRF token of their own on a kept page, and each works", async () => {
    const a = new Browser(t.app);
    const b = new Browser(t.app);
    await a.get("/klarsprakskollen");
    const tokenA = await a.csrfFrom("/klarsprakskollen");
    const pageB = await b.get("/klarsprakskollen");
    expect(pageB.headers["x-cache"]).toBe("hit");
    const tokenB = /name="_csrf" value="([^"]+)"/.exec(pageB.body)?.[1];
    expect(tokenB).toBeTruthy();
    expect(tokenB).not.toBe(tokenA);
    expect(pageB.body).not.toContain("ks-token-");
    const check = await b.post("/klarsprakskollen", {
      _csrf: tokenB ?? "",
      text: "Vi skall inkomma med en ansökan.",
      format: "text",
    });
    expect(check.statusCode).toBe(200);
    // A's token is not B's.
    const wrong = await b.post("/klarsprakskollen", { _csrf: tokenA, text: "Hej", format: "text" });
    expect(wrong.statusCode).toBe(403);
  });

  it("keeps search results in memory only: browsers and shared caches are told not to store them", async () => {
    // The catalogue changed in the tests above: pages that read it are kept once the change has settled.
    await sleep(t.app.pageCache.clock.graceMs);
    const url = `/stod?q=${encodeURIComponent("ekonomsikt bistånd")}`;
    const first = await get(url);
    expect(first.statusCode).toBe(200);
    expect(first.headers["cache-control"]).toBe("no-store");
    const second = await get(url);
    expect(second.headers["x-cache"]).toBe("hit");
    expect(second.headers["cache-control"]).toBe("no-store");
  });

  it("search results follow a page another process unpublishes, though the search runs from memory", async () => {
    await sleep(t.app.pageCache.clock.graceMs);
    const url = `/stod?q=${encodeURIComponent("budgetrådgivning")}`;
    const first = await get(url);
    expect(first.body).toContain('href="/stod/budget-och-skuldradgivning"');
    expect((await get(url)).headers["x-cache"]).toBe("hit");
    // As another process would: only the database and the change clock know.
    await t.database.pool.query(
      "update catalogue_services set published = false where slug = 'budget-och-skuldradgivning'",
    );
    await sleep(t.app.pageCache.clock.pollMs * 3);
    const after = await get(url);
    expect(after.headers["x-cache"]).toBeUndefined();
    expect(after.body).not.toContain('href="/stod/budget-och-skuldradgivning"');
    await t.database.pool.query(
      "update catalogue_services set published = true where slug = 'budget-och-skuldradgivning'",
    );
  });

  it("does not keep what a form post answers", async () => {
    const b = new Browser(t.app);
    const token = await b.csrfFrom("/klarsprakskollen");
    await b.post("/klarsprakskollen", { _csrf: token, text: "Hej på dig.", format: "text" });
    const after = await b.get("/klarsprakskollen");
    expect(after.body).not.toContain("Hej på dig.");
  });

  it("makes a page once for visitors who ask for it at the same time", async () => {
    await sleep(t.app.pageCache.clock.graceMs);
    const url = "/press?sida=1";
    const misses = t.app.pageCache.stats.misses;
    const answers = await Promise.all(Array.from({ length: 5 }, () => get(url)));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
    // The same page, each with the visitor's own CSRF token for the subscription form.
    expect(new Set(answers.map((a) => a.body.replace(/name="_csrf" value="[^"]+"/g, ""))).size).toBe(1);
    expect(new Set(answers.map((a) => /name="_csrf" value="([^"]+)"/.exec(a.body)?.[1])).size).toBe(5);
    expect(t.app.pageCache.stats.misses - misses).toBe(1);
    expect(answers.filter((a) => a.headers["x-cache"] === "shared")).toHaveLength(4);
  });

  it("serves a page past its time limit while one visitor makes it afresh", async () => {
    const cache = t.app.pageCache as unknown as { ttlMs: number };
    const ttl = cache.ttlMs;
    try {
      await get("/tillganglighet");
      expect((await get("/tillganglighet")).headers["x-cache"]).toBe("hit");
      cache.ttlMs = 1;
      await sleep(5);
      const [first, second] = await Promise.all([get("/tillganglighet"), get("/tillganglighet")]);
      expect(first.headers["x-cache"]).toBeUndefined();
      expect(second.headers["x-cache"]).toBe("stale");
      expect(second.body).toBe(first.body);
    } finally {
      cache.ttlMs = ttl;
    }
  });

  it("measures how long work waits for a database connection", async () => {
    const load = t.database.load;
    const held = t.database.db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      if (backend === "pglite") await sleep(300);
      else await sql`select pg_sleep(0.3)`.execute(trx);
    });
    // PGlite has one connection; on Postgres fill the pool so the next query must wait.
    const blockers =
      backend === "postgres" ? Array.from({ length: 9 }, () => sql`select pg_sleep(0.3)`.execute(t.database.db)) : [];
    await sleep(20);
    const waiting = sql`select 1`.execute(t.database.db);
    await sleep(20);
    expect(load.waiting()).toBeGreaterThan(0);
    await Promise.all([held, waiting, ...blockers]);
    expect(load.waiting()).toBe(0);
    expect(load.waitMs()).toBe(0);
  });
});

describe("overload is answered honestly", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: "100000", PRESSURE_MAX_DB_WAIT_MS: "50" } });
  });
  afterAll(async () => t?.close());

  it("answers 503 with Retry-After at once when visitors would wait for the database, but still serves kept pages and staff", async () => {
    await t.app.inject({ url: "/" });
    const staff = new Browser(t.app);
    await staff.login("kommunikator@example.se");
    // The one connection is busy, and work is already queued behind it.
    let release = (): void => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const held = t.database.db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      await gate;
    });
    await sleep(10);
    const queued = sql`select 1`.execute(t.database.db);
    await sleep(80);
    expect(t.app.pageCache.saturated()).toBe(true);

    const started = Date.now();
    const refused = await t.app.inject({ url: "/forslag" });
    expect(refused.statusCode).toBe(503);
    expect(refused.headers["retry-after"]).toBe("2");
    expect(refused.body).toContain('lang="sv"');
    expect(Date.now() - started).toBeLessThan(500);
    const ready = await t.app.inject({ url: "/ready" });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ status: "not_ready", busy: true });
    // A kept page is still served.
    expect((await t.app.inject({ url: "/" })).statusCode).toBe(200);
    // Staff are not refused: their page waits its turn.
    const staffPage = staff.get("/arbetsyta");
    release();
    expect((await staffPage).statusCode).toBe(200);
    await Promise.all([held, queued]);
    expect(t.app.pageCache.saturated()).toBe(false);
    expect((await t.app.inject({ url: "/ready" })).statusCode).toBe(200);
  });
});
