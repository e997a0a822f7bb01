import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, startTestApp, type TestApp } from "./app.js";

describe("security baseline and bad input", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { BODY_LIMIT_BYTES: "4096", RATE_LIMIT_PER_MINUTE: "1000" } });
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
      method: "POST", url: "/logga-in",
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
    expect((await t.app.inject({ url: "/ready" })).json()).toEqual({ status: "ready", database: true, queue: true });
  });

  it("describes its JSON routes in an OpenAPI document", async () => {
    const doc = (await t.app.inject({ url: "/api/openapi.json" })).json() as { openapi: string; paths: Record<string, unknown> };
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
