import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, freshDatabase, type TestDatabase } from "../../../test/db.js";
import { jobIdFor, JobRunner } from "./jobs.js";

async function until<T>(check: () => Promise<T | undefined | null | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("jobIdFor", () => {
  it("gives the same UUID for the same key and different ones otherwise", () => {
    expect(jobIdFor("a", "k")).toBe(jobIdFor("a", "k"));
    expect(jobIdFor("a", "k")).not.toBe(jobIdFor("b", "k"));
    expect(jobIdFor("a", "k")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe.each(BACKENDS)("job runner on %s", (backend) => {
  let database: TestDatabase;
  let runner: JobRunner;
  const done: string[] = [];
  let failuresLeft = 1;
  const batchRuns = new Map<string, number>();
  let inFlight = 0;
  let mostInFlight = 0;

  beforeAll(async () => {
    database = await freshDatabase(backend);
    runner = new JobRunner(database, { pollingIntervalSeconds: 0.5 });
    runner.register<{ text: string }>({ name: "test.record", handler: async (data) => void done.push(data.text) });
    runner.register<{ text: string }>({
      name: "test.flaky",
      retryLimit: 0,
      handler: async (data) => {
        if (failuresLeft-- > 0) throw new Error("mottagaren svarade inte");
        done.push(data.text);
      },
    });
    runner.register<{ text: string }>({
      name: "test.batched",
      batchSize: 20,
      concurrency: 4,
      retryLimit: 1,
      retryDelaySeconds: 1,
      retryBackoff: false,
      handler: async (data) => {
        batchRuns.set(data.text, (batchRuns.get(data.text) ?? 0) + 1);
        inFlight++;
        mostInFlight = Math.max(mostInFlight, inFlight);
        await new Promise((r) => setTimeout(r, 20));
        inFlight--;
        if (data.text === "bad" && batchRuns.get("bad") === 1) throw new Error("en felaktig adress");
      },
    });
    await runner.start({ work: true });
  });
  afterAll(async () => {
    await runner?.stop();
    await database?.close();
  });

  it("runs a job that was sent", async () => {
    await runner.send("test.record", { text: "hej" });
    await until(async () => done.includes("hej"));
  });

  it("never creates a second job for the same idempotency key", async () => {
    const first = await runner.send("test.record", { text: "once" }, { idempotencyKey: "reply-1" });
    const second = await runner.send("test.record", { text: "once" }, { idempotencyKey: "reply-1" });
    expect(first).toBe(jobIdFor("test.record", "reply-1"));
    expect(second).toBeNull();
    await until(async () => done.includes("once"));
    await new Promise((r) => setTimeout(r, 1200));
    expect(done.filter((d) => d === "once")).toHaveLength(1);
  });

  it("enqueues inside a transaction: a rolled-back write leaves no job", async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await runner.send("test.record", { text: "ghost" }, { within: trx, idempotencyKey: "ghost" });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await runner.getState("test.record", jobIdFor("test.record", "ghost"))).toBeNull();
  });

  it("lists a failed job and runs it again on retry", async () => {
    const id = await runner.send("test.flaky", { text: "flaky" });
    expect(id).toBeTruthy();
    const failed = await until(async () => (await runner.failedJobs()).jobs.find((j) => j.id === id));
    expect(failed.name).toBe("test.flaky");
    expect(JSON.stringify(failed.output)).toContain("mottagaren svarade inte");
    await runner.retry("test.flaky", id as string);
    await until(async () => done.includes("flaky"));
    expect((await runner.failedJobs()).jobs.find((j) => j.id === id)).toBeUndefined();
  });

  it("runs a batch side by side and retries only the job that failed", async () => {
    const texts = Array.from({ length: 12 }, (_, i) => `b${i}`);
    await runner.sendMany([...texts, "bad"].map((text) => ({ name: "test.batched", data: { text } })));
    await until(async () => batchRuns.get("bad") === 2 && texts.every((t) => batchRuns.get(t) === 1), 20_000);
    await new Promise((r) => setTimeout(r, 2500));
    // Every good job ran exactly once although a job in its batch failed; the bad one twice.
    expect(texts.map((t) => batchRuns.get(t))).toEqual(texts.map(() => 1));
    expect(batchRuns.get("bad")).toBe(2);
    expect(mostInFlight).toBeGreaterThan(1);
    expect(mostInFlight).toBeLessThanOrEqual(4);
  });
});
