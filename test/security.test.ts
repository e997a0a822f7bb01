import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, startTestApp, type TestApp } from "./app.js";

describe("security baseline and bad input", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: { BODY_LIMIT_BYTES: "4096", RATE_LIMIT_PER_MINUTE: "1000", UPLOAD_MEMORY_BUDGET_MB: "1" },
    });
  });
  afterAll(async () => t?.close());

  it("sends a strict CSP without inline script or style, and other helmet headers", async () => {
    const res = await t.app.inject({ url: "/" });
    const csp = res.headers["content-security-policy"] as string;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body).not.toMatch(/<script>|style="/);
  });

  it("answers unknown routes with a Swedish 404 page and a request id", async () => {
    const res = await t.app.inject({ url: "/finns-inte" });
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.body).toContain('lang="sv"');
    expect(res.body).toContain("Sidan finns inte.");
    expect(res.body).toContain(res.headers["x-request-id"] as string);
  });

  it("answers JSON clients with a stable error code", async () => {
    const res = await t.app.inject({ url: "/api/finns-inte" });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: "KS_NOT_FOUND", requestId: res.headers["x-request-id"] } });
  });

  it("refuses a form without a CSRF token with a 403 page that says what to do", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/logga-in",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "email=a%40example.se&password=x",
    });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain("Formuläret hade gått ut");
    expect(res.body).toContain("ladda om sidan");
  });

  it("refuses a wrong CSRF token", async () => {
    const b = new Browser(t.app);
    await b.csrfFrom("/logga-in");
    const res = await b.post("/logga-in", { _csrf: "fel-token", email: "a@example.se", password: "x" });
    expect(res.statusCode).toBe(403);
  });

  it("binds CSRF tokens to the session: a pair from another session is refused, and signing in makes new ones", async () => {
    const a = new Browser(t.app);
    const before = await a.csrfFrom("/logga-in");
    expect((await a.login("kommunikator@example.se")).statusCode).toBe(303);
    // The token from before signing in no longer works: the secret was replaced at sign-in.
    expect((await a.post("/logga-ut", { _csrf: before })).statusCode).toBe(403);
    const tokenA = await a.csrfFrom("/arbetsyta");
    const b = new Browser(t.app);
    expect((await b.login("admin@example.se")).statusCode).toBe(303);
    // B sends A's token and A's CSRF cookie with B's own session: refused.
    const res = await t.app.inject({
      method: "POST",
      url: "/logga-ut",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      cookies: { ks_csrf: a.cookie("ks_csrf") as string, ks_session: b.cookie("ks_session") as string },
      payload: new URLSearchParams({ _csrf: tokenA }).toString(),
    });
    expect(res.statusCode).toBe(403);
    // A's own pair still works for A.
    expect((await a.post("/logga-ut", { _csrf: tokenA })).statusCode).toBe(303);
  });

  it("checks an upload's form before reading its files, and reads them within one memory budget", async () => {
    const b = new Browser(t.app);
    await b.csrfFrom("/fraga");
    const boundary = "----klarsvar-upload";
    const big = Buffer.alloc(2 * 1024 * 1024, 1);
    const body = (csrf: string) =>
      Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        big,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
    const send = (csrf: string) =>
      t.app.inject({
        method: "POST",
        url: "/fraga",
        payload: body(csrf),
        headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
        cookies: { ks_csrf: b.cookie("ks_csrf") as string },
      });
    // A 2 MB file against a 1 MB budget: a forged form is refused for its token before its file
    // is read (403, not 503); a genuine one is told the server is busy (503), never buffered whole.
    expect((await send("fel")).statusCode).toBe(403);
    const genuine = await send(await b.csrfFrom("/fraga"));
    expect(genuine.statusCode).toBe(503);
    expect(genuine.headers["retry-after"]).toBe("10");
  });

  it("re-renders a malformed form with 400, the error summary and the typed values kept", async () => {
    const b = new Browser(t.app);
    const token = await b.csrfFrom("/logga-in");
    const res = await b.post("/logga-in", { _csrf: token, email: "anna@example.se", password: "" });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("<title>Fel: Logga in – Klarsvar</title>");
    expect(res.body).toContain('class="error-summary"');
    expect(res.body).toContain('href="#password"');
    expect(res.body).toContain("Skriv ditt lösenord");
    expect(res.body).toContain('value="anna@example.se"');
  });

  it("answers an oversized body with 413", async () => {
    const b = new Browser(t.app);
    const token = await b.csrfFrom("/logga-in");
    const res = await b.post("/logga-in", { _csrf: token, email: "x".repeat(10_000), password: "y" });
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain("för stort");
  });

  it("never shows a stack trace for a server error", async () => {
    const res = await t.app.inject({ url: "/sprak/xx" });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it("sets the session cookie httpOnly and SameSite=Lax", async () => {
    const b = new Browser(t.app);
    const res = await b.login("kommunikator@example.se");
    expect(res.statusCode).toBe(303);
    const setCookie = [res.headers["set-cookie"]].flat().join("\n");
    expect(setCookie).toMatch(/ks_session=[^;]+;.*HttpOnly/i);
    expect(setCookie).toMatch(/ks_session=[^;]+;.*SameSite=Lax/i);
  });

  it("serves /health and /ready", async () => {
    expect((await t.app.inject({ url: "/health" })).json()).toEqual({ status: "ok" });
    expect((await t.app.inject({ url: "/ready" })).json()).toEqual({
      status: "ready",
      database: true,
      queue: true,
      busy: false,
    });
  });

  it("describes its JSON routes in an OpenAPI document", async () => {
    const doc = (await t.app.inject({ url: "/api/openapi.json" })).json() as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/health", "/ready"]));
  });
});

describe("rate limits and pressure", () => {
  it("limits sign-in attempts per address with 429 and Retry-After", async () => {
    const t = await startTestApp();
    try {
      const b = new Browser(t.app);
      const token = await b.csrfFrom("/logga-in");
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await b.post("/logga-in", { _csrf: token, email: "", password: "" });
        statuses.push(res.statusCode);
        if (res.statusCode === 429) expect(res.headers["retry-after"]).toBeTruthy();
      }
      expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
      expect(statuses.slice(10)).toEqual([429, 429]);
    } finally {
      await t.close();
    }
  });

  it("answers 503 with Retry-After when the process is under pressure", async () => {
    const t = await startTestApp({ env: { PRESSURE_MAX_HEAP_MB: "1" }, sampleInterval: 5 });
    try {
      await new Promise((r) => setTimeout(r, 100));
      const res = await t.app.inject({ url: "/" });
      expect(res.statusCode).toBe(503);
      expect(res.headers["retry-after"]).toBe("10");
      expect(res.body).toContain("hårt belastad");
    } finally {
      await t.close();
    }
  });
});
