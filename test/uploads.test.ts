/** The baseline limits on uploads apply to every multipart route a module adds. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KlarsvarModule } from "../src/app/module.js";
import { MODULES } from "../src/app/modules.js";
import { Browser, startTestApp, type TestApp } from "./app.js";

const uploadProbe: KlarsvarModule = {
  name: "uploadprobe",
  routes: (app) => {
    app.post("/test-upload", { config: { access: "public" } }, async (request) => {
      const body = request.body as Record<
        string,
        { type?: string; filename?: string; toBuffer?: () => Promise<Buffer> }
      >;
      const files = Object.values(body).filter((v) => v.type === "file");
      let bytes = 0;
      for (const f of files) bytes += (await f.toBuffer?.())?.length ?? 0;
      return { files: files.length, bytes };
    });
  },
};

function multipart(
  fields: Record<string, string>,
  files: { name: string; size: number }[],
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = "----klarsvar-test-boundary";
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  files.forEach((f, i) => {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file${i}"; filename="${f.name}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
    );
    parts.push(Buffer.alloc(f.size, 0x41));
    parts.push(Buffer.from("\r\n"));
  });
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

describe("upload limits", () => {
  let t: TestApp;
  let token: string;
  let b: Browser;
  beforeAll(async () => {
    t = await startTestApp({
      modules: [...MODULES, uploadProbe],
      env: { UPLOAD_LIMIT_BYTES: "1000", UPLOAD_MAX_FILES: "2", BODY_LIMIT_BYTES: "100000" },
    });
    b = new Browser(t.app);
    token = await b.csrfFrom("/logga-in");
  });
  afterAll(async () => t?.close());

  const send = (files: { name: string; size: number }[], fields: Record<string, string> = {}) => {
    const { payload, headers } = multipart({ _csrf: token, ...fields }, files);
    return t.app.inject({
      method: "POST",
      url: "/test-upload",
      payload,
      headers,
      cookies: { ks_csrf: b.cookie("ks_csrf") as string },
    });
  };

  it("accepts files within the limits, with the CSRF token read from the multipart body", async () => {
    const res = await send([
      { name: "a.pdf", size: 500 },
      { name: "b.pdf", size: 900 },
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ files: 2, bytes: 1400 });
  });

  it("refuses a file over the size limit with 413", async () => {
    const res = await send([{ name: "stor.pdf", size: 5000 }]);
    expect(res.statusCode).toBe(413);
  });

  it("refuses too many files with 413", async () => {
    const res = await send([
      { name: "1.pdf", size: 10 },
      { name: "2.pdf", size: 10 },
      { name: "3.pdf", size: 10 },
    ]);
    expect(res.statusCode).toBe(413);
  });

  it("refuses a multipart form without the CSRF token", async () => {
    const { payload, headers } = multipart({}, [{ name: "a.pdf", size: 10 }]);
    const res = await t.app.inject({ method: "POST", url: "/test-upload", payload, headers });
    expect(res.statusCode).toBe(403);
  });
});
