/**
 * The typed edge: every route that takes input declares it in its schema — a path with
 * parameters declares them, a form or API that receives a body declares it — so handlers read
 * typed values and never cast (docs/ADDING-A-MODULE.md).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./app.js";

/** Routes that read a body another way, on purpose. */
const OWN_BODY = new Map<string, string>([
  [
    "/fraga",
    "multipart: files are streamed after the CSRF check (platform/http/uploads.ts), the fields validated by the command",
  ],
  ["/arbetsyta/begaran/:id/dokument", "multipart: an uploaded document, read against the upload budget"],
  ["/webhooks/meta", "the raw body, whose HMAC signature must be checked before it is parsed"],
]);

describe("every route that takes input declares its schema", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demoContent: false });
  });
  afterAll(async () => {
    await t?.close();
  });

  it("path parameters", () => {
    const missing = t.app.klarsvar.routes
      .filter((r) => /[:*]/.test(r.url) && !r.schema.params)
      .map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });

  it("bodies of forms and APIs", () => {
    const missing = t.app.klarsvar.routes
      .filter((r) => ["POST", "PUT", "PATCH"].includes(r.method) && !r.schema.body && !OWN_BODY.has(r.url))
      .map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });
});
