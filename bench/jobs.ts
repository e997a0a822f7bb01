/**
 * Background work under a burst (issue 19): 10,000 jobs of one kind, queued at once, must drain
 * at ≥ 200 jobs a second without starving another kind, on PGlite and PostgreSQL. Each job does
 * one small query, as real jobs do. Jobs run with the defaults every module gets (a batch of
 * 20 one after the other, 2-second polling) and with a batch of 50 as the acknowledgements use.
 * Not a test: it prints numbers.
 */
import { sql } from "kysely";
import { openDatabase, type Database } from "../src/platform/db/database.js";
import { migrateToLatest } from "../src/platform/db/migrate.js";
import { DEFAULT_BATCH_SIZE, JobRunner } from "../src/platform/jobs/jobs.js";
import { withBenchDatabase } from "./postgres.js";

const JOBS = Number(process.env["BENCH_JOBS"] ?? 10_000);

function pct(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? 0;
}

async function run(backend: string, database: Database, batchSize: number | undefined): Promise<void> {
  const jobs = new JobRunner(database, { pollingIntervalSeconds: 2 });
  let done = 0;
  const probes: number[] = [];
  jobs.register<{ n: number }>({
    name: `bench.burst${batchSize ?? ""}`,
    ...(batchSize ? { batchSize } : {}),
    handler: async () => {
      await sql`select 1`.execute(database.db);
      done++;
    },
  });
  jobs.register<{ at: number }>({
    name: "bench.other",
    handler: async ({ at }) => void probes.push(Date.now() - at),
  });
  await jobs.start({ work: true });
  try {
    const items = Array.from({ length: JOBS }, (_, n) => ({ name: `bench.burst${batchSize ?? ""}`, data: { n } }));
    for (let i = 0; i < items.length; i += 1000) await jobs.sendMany(items.slice(i, i + 1000));
    const t0 = Date.now();
    let probing = true;
    // Another kind's job every half second: how long does it wait to start while the burst drains?
    const prober = (async () => {
      while (probing) {
        await jobs.send("bench.other", { at: Date.now() });
        await new Promise((r) => setTimeout(r, 500));
      }
    })();
    const deadline = t0 + 5 * 60_000;
    while (done < JOBS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const seconds = (Date.now() - t0) / 1000;
    probing = false;
    await prober;
    // Let the last probes start before reading their wait.
    await new Promise((r) => setTimeout(r, 2500));
    const rate = done / seconds;
    console.log(
      `jobs on ${backend.padEnd(10)} ${batchSize ? `batch ${batchSize}` : `default (batch ${DEFAULT_BATCH_SIZE})`}: ${done.toLocaleString("en-US")} jobs in ${seconds.toFixed(1)} s = ${Math.round(rate)} jobs/s (goal ≥ 200: ${rate >= 200 ? "met" : "NOT met"}); another kind started within p50 ${pct(probes, 0.5)} ms, p99 ${pct(probes, 0.99)} ms, max ${pct(probes, 1)} ms (${probes.length} jobs; its polling interval is 2,000 ms)`,
    );
  } finally {
    await jobs.stop();
  }
}

export async function benchJobs(): Promise<void> {
  console.log(`\njobs: a burst of ${JOBS.toLocaleString("en-US")} jobs of one kind, queued at once`);
  for (const batchSize of [undefined, 50]) {
    const pglite = await openDatabase({ dataDir: "memory://" });
    try {
      await migrateToLatest(pglite.db);
      await run("PGlite", pglite, batchSize);
    } finally {
      await pglite.close();
    }
    const ran = await withBenchDatabase(10, async (database) => {
      await migrateToLatest(database.db);
      await run("PostgreSQL", database, batchSize);
    });
    if (!ran) console.log("jobs on PostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)");
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchJobs();
