import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { receiveQuestion } from "../src/modules/inbox/commands/receive.js";
import { Browser, startTestApp, type TestApp } from "./app.js";
import { liveBoardStats, STREAMS_PER_SESSION } from "../src/modules/inbox/staff/live.js";

describe("live board (Server-Sent Events)", () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await startTestApp();
    base = await t.app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => t?.close());

  it("tells an open board that a new case arrived", async () => {
    const b = new Browser(t.app);
    await b.login("kommunikator@example.se");
    const controller = new AbortController();
    const res = await fetch(`${base}/arbetsyta/inkorg/handelser`, {
      headers: { cookie: b.cookieHeader() },
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    await receiveQuestion(
      { db: t.database.db, jobs: t.jobs, secret: t.config.sessionSecret },
      { orgId: t.org.id, userId: null, label: "test" },
      {
        orgId: t.org.id,
        channel: "web",
        body: "En ny fråga medan tavlan är öppen.",
        requester: {},
      },
    );
    let text = "";
    const deadline = Date.now() + 10_000;
    while (!text.includes("event: change") && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    expect(text).toContain("event: change");
  });

  it("the board page carries the live module and works as a plain page", async () => {
    const b = new Browser(t.app);
    await b.login("kommunikator@example.se");
    const page = await b.get("/arbetsyta/inkorg");
    expect(page.body).toContain('data-module="live-board"');
    expect(page.body).toContain('<script type="module" src="/static/js/board.js"></script>');
  });

  it("fans one database watcher out to every stream, and caps the streams of one session", async () => {
    const b = new Browser(t.app);
    await b.login("kommunikator@example.se");
    const open: AbortController[] = [];
    const statuses: number[] = [];
    for (let i = 0; i < STREAMS_PER_SESSION + 2; i++) {
      const c = new AbortController();
      const res = await fetch(`${base}/arbetsyta/inkorg/handelser`, {
        headers: { cookie: b.cookieHeader() },
        signal: c.signal,
      });
      statuses.push(res.status);
      if (res.status === 200) open.push(c);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(STREAMS_PER_SESSION);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
    // Another person is not held up by this one.
    const other = new Browser(t.app);
    await other.login("admin@example.se");
    const c2 = new AbortController();
    expect(
      (
        await fetch(`${base}/arbetsyta/inkorg/handelser`, {
          headers: { cookie: other.cookieHeader() },
          signal: c2.signal,
        })
      ).status,
    ).toBe(200);
    open.push(c2);
    expect(liveBoardStats(t.org.id)).toMatchObject({ streams: STREAMS_PER_SESSION + 1, watching: true });
    // One query every two seconds, however many listen (it was one per stream).
    const before = liveBoardStats(t.org.id)?.polls ?? 0;
    await new Promise((r) => setTimeout(r, 4500));
    expect((liveBoardStats(t.org.id)?.polls ?? 0) - before).toBeLessThanOrEqual(3);
    for (const c of open) c.abort();
    for (let i = 0; i < 50 && (liveBoardStats(t.org.id)?.streams ?? 0) > 0; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(liveBoardStats(t.org.id)).toMatchObject({ streams: 0, watching: false });
  });
});
