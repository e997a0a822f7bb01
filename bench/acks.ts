/**
 * Acknowledgements at once: 10,000 questions arrive within one minute; every one must be
 * acknowledged by e-mail within two minutes, while other jobs are not held up and the board
 * and a public page stay responsive. Real parts: Postfix and Dovecot (test/mail-servers.ts),
 * the whole Klarsvar app with its real jobs, PGlite and PostgreSQL (BENCH_DATABASE_URL or
 * TEST_DATABASE_URL). Not a test: it prints numbers.
 */
import { sql } from "kysely";
import { MODULES } from "../src/app/modules.js";
import { buildApp } from "../src/app/app.js";
import { ensureOrganisation, seedDemo } from "../src/app/seed.js";
import { testConfig } from "../src/config.js";
import { openDatabase, type Database } from "../src/platform/db/database.js";
import { migrateToLatest } from "../src/platform/db/migrate.js";
import { JobRunner } from "../src/platform/jobs/jobs.js";
import { receiveQuestions } from "../src/modules/inbox/commands/receive.js";
import { inboxDepsFor } from "../src/modules/inbox/index.js";
import { mailServersInstalled, startMailServers } from "../test/mail-servers.js";
import { withBenchDatabase } from "./postgres.js";

const QUESTIONS = Number(process.env["BENCH_ACKS"] ?? 10_000);
const ARRIVAL_SECONDS = 60;
/** "pglite" or "postgres" to run one backend only; both by default. */
const ONLY = process.env["BENCH_ACKS_ONLY"];

function pct(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

export async function benchAcknowledgements(): Promise<void> {
  if (!mailServersInstalled()) {
    console.log("acknowledgements: skipped (Postfix and Dovecot are not installed; .ci/run installs them)");
    return;
  }
  const servers = await startMailServers();
  try {
    if (ONLY !== "postgres") {
      const pglite = await openDatabase({ dataDir: "memory://" });
      try {
        await migrateToLatest(pglite.db);
        await run("PGlite", pglite, servers.smtpUrl);
      } finally {
        await pglite.close();
      }
    }
    if (ONLY === "pglite") return;
    const ran = await withBenchDatabase(20, async (database) => {
      await migrateToLatest(database.db);
      await run("PostgreSQL", database, servers.smtpUrl);
    });
    if (!ran) console.log("acknowledgements on PostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)");
  } finally {
    await servers.stop();
  }
}

async function run(backend: string, database: Database, smtpUrl: string): Promise<void> {
  const config = testConfig({
    ...(process.env["BENCH_ACKS_NO_SMTP"] ? {} : { SMTP_URL: smtpUrl }),
    ...(process.env["SMTP_CONNECTIONS"] ? { SMTP_CONNECTIONS: process.env["SMTP_CONNECTIONS"] } : {}),
    PRESSURE_MAX_EVENT_LOOP_DELAY_MS: "5000",
  });
  const org = await ensureOrganisation(database.db);
  await seedDemo(database.db, org, "bench-password-123");
  const jobs = new JobRunner(database, { pollingIntervalSeconds: 2 });
  // Another queue's work, to see that acknowledgements do not hold it up.
  const probeLatency: number[] = [];
  jobs.register<{ at: number }>({
    name: "bench.probe",
    handler: async ({ at }) => void probeLatency.push(Date.now() - at),
  });
  const app = await buildApp({ config, database, jobs, org, modules: MODULES });
  await jobs.start({ work: true });
  await app.ready();
  const deps = inboxDepsFor(app.klarsvar.context);
  const actor = { orgId: org.id, userId: null, label: "bench" };
  const bodies = [
    "Hej! Jag undrar hur jag ansöker om försörjningsstöd.",
    "Kan ni hjälpa mig med en budget?",
    "Vi vill veta mer om familjehem.",
    "Min dotter behöver stöd i skolan.",
  ];
  const pageLatency: number[] = [];
  const t0 = Date.now();
  let arrived = 0;
  let sampling = true;
  const sampler = (async () => {
    for (let i = 0; sampling; i++) {
      const s = performance.now();
      await app.inject({ method: "GET", url: i % 2 === 0 ? "/stod" : "/" });
      pageLatency.push(performance.now() - s);
      // A probe every 3 s: slower than its own queue drains (one job per 2-second poll), so
      // any wait it shows is the acknowledgements' doing.
      if (i % 12 === 0) await jobs.send("bench.probe", { at: Date.now() });
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  // 10,000 questions spread evenly over one minute, in the e-mail reader's batches of 100.
  const batches = Math.ceil(QUESTIONS / 100);
  for (let b = 0; b < batches; b++) {
    const due = t0 + (b * ARRIVAL_SECONDS * 1000) / batches;
    if (Date.now() < due) await new Promise((r) => setTimeout(r, due - Date.now()));
    const batch = Array.from({ length: Math.min(100, QUESTIONS - b * 100) }, (_, i) => ({
      orgId: org.id,
      channel: "email" as const,
      body: bodies[i % bodies.length] as string,
      requester: { email: `boende${(b * 100 + i) % 50}@example.test` },
      externalId: `<ack-bench-${backend}-${b}-${i}@example.test>`,
    }));
    arrived += (await receiveQuestions(deps, actor, batch)).length;
  }
  const arrivedIn = (Date.now() - t0) / 1000;
  let acknowledged = 0;
  let lastProgress = Date.now();
  const deadline = t0 + 10 * 60_000;
  while (Date.now() < deadline) {
    const r = await sql<{ n: string }>`select count(*) as n from case_events where type = 'acknowledged'`.execute(
      database.db,
    );
    acknowledged = Number(r.rows[0]?.n ?? 0);
    if (acknowledged >= arrived) break;
    if (Date.now() - lastProgress > 10_000) {
      console.log(`  … ${acknowledged} of ${arrived} acknowledged after ${Math.round((Date.now() - t0) / 1000)} s`);
      lastProgress = Date.now();
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const allIn = (Date.now() - t0) / 1000;
  sampling = false;
  await sampler;
  const lag = await sql<{ p50: number; p95: number; max: number }>`
    select percentile_cont(0.5) within group (order by extract(epoch from e.created_at - c.received_at))::float8 as p50,
           percentile_cont(0.95) within group (order by extract(epoch from e.created_at - c.received_at))::float8 as p95,
           max(extract(epoch from e.created_at - c.received_at))::float8 as max
    from case_events e join cases c on c.id = e.case_id where e.type = 'acknowledged'`.execute(database.db);
  const l = lag.rows[0];
  console.log(
    `acknowledgements on ${backend}: ${arrived} questions arrived in ${arrivedIn.toFixed(1)} s; ${acknowledged} acknowledged by e-mail (Postfix) ${allIn.toFixed(1)} s after the first arrived; arrival → acknowledgement p50 ${l?.p50.toFixed(1)} s, p95 ${l?.p95.toFixed(1)} s, max ${l?.max.toFixed(1)} s`,
  );
  console.log(
    `  meanwhile: another queue's job started within p50 ${pct(probeLatency, 0.5)} ms / p95 ${pct(probeLatency, 0.95)} ms (${probeLatency.length} probes); public pages p50 ${pct(pageLatency, 0.5).toFixed(0)} ms / p95 ${pct(pageLatency, 0.95).toFixed(0)} ms (${pageLatency.length} requests)`,
  );
  await app.close();
  await jobs.stop();
}
