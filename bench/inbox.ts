/**
 * Inbox at scale, on a real PostgreSQL (BENCH_DATABASE_URL, else TEST_DATABASE_URL): one
 * million cases with their messages; the "Obesvarat" board and the full-text search of
 * earlier answers, 95th percentile; and ingest of new messages through the real intake
 * command (parse, concern check, route, register, index, queue the acknowledgement).
 */
import { sql } from "kysely";
import type { Database } from "../src/platform/db/database.js";
import { withBenchDatabase } from "./postgres.js";
import { migrateToLatest } from "../src/platform/db/migrate.js";
import { ensureOrganisation, seedDemo } from "../src/app/seed.js";
import { JobRunner } from "../src/platform/jobs/jobs.js";
import { receiveQuestion, receiveQuestions } from "../src/modules/inbox/commands/receive.js";
import { receiveMails } from "../src/modules/inbox/mail/intake.js";
import { similarAnswers, unansweredBoard } from "../src/modules/inbox/queries.js";

const CASES = Number(process.env["BENCH_CASES"] ?? 1_000_000);

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length * 0.95)] ?? 0;
}

export async function benchInbox(): Promise<void> {
  const ran = await withBenchDatabase(10, (database) => benchInboxOn(database));
  if (!ran) console.log("inbox: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL to a PostgreSQL server)");
}

async function benchInboxOn(database: Database): Promise<void> {
  const jobs = new JobRunner(database);
  try {
    await migrateToLatest(database.db);
    const org = await ensureOrganisation(database.db);
    await seedDemo(database.db, org, "bench-password-123");
    const units = (await database.db.selectFrom("units").select("id").execute()).map((x) => x.id);
    let t0 = Date.now();
    // One million cases, about 1 % still unanswered, each with its question and, when answered, a reply.
    await sql`
      insert into cases (org_id, number, channel, kind, unit_id, status, subject, follow_token_hash, received_at, first_answer_due, first_answered_at, updated_at)
      select ${org.id}, 'SOC-B-' || lpad(g::text, 7, '0'),
        (array['web','email','phone','facebook'])[1 + g % 4], 'question',
        (${sql.val(units)}::uuid[])[1 + g % ${units.length}],
        case when g % 100 = 0 then 'open' else 'closed' end,
        'Fråga ' || g, md5(g::text), now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval + interval '1 day',
        case when g % 100 = 0 then null else now() - (g || ' minutes')::interval + interval '3 hours' end, now()
      from generate_series(1, ${CASES}) g`.execute(database.db);
    await sql`
      insert into case_messages (org_id, case_id, direction, channel, body, created_at)
      select c.org_id, c.id, d.direction, c.channel,
        case d.direction when 'in' then (array['Hur ansöker jag om ekonomiskt bistånd?','Kan jag få hjälp med hyran den här månaden?','Vi vill bli familjehem, hur går det till?','Min son behöver daglig verksamhet enligt LSS.','Jag dricker för mycket och vill ha hjälp.'])[1 + (hashtext(c.number) & 2147483647) % 5]
          else (array['Du kan söka ekonomiskt bistånd i e-tjänsten.','Ring oss så bokar vi tid för budgetrådgivning.','Välkommen till vår informationsträff om familjehem.','Du ansöker om LSS-insatser hos Funktionsstöd.','Du kan komma till mottagningen utan tidsbokning.'])[1 + (hashtext(c.number) & 2147483647) % 5] end,
        c.received_at
      from cases c cross join (values ('in'), ('out')) as d(direction)
      where c.number like 'SOC-B-%' and (d.direction = 'in' or c.status = 'closed')`.execute(database.db);
    await sql`analyze`.execute(database.db);
    console.log(
      `inbox: ${CASES.toLocaleString("sv-SE")} cases with messages loaded in ${Math.round((Date.now() - t0) / 1000)} s`,
    );

    const board: number[] = [];
    for (let i = 0; i < 200; i++) {
      const s = performance.now();
      await unansweredBoard(database.db, {
        orgId: org.id,
        page: 1 + (i % 5),
        pageSize: 50,
        ...(i % 3 === 0 ? { unitId: units[i % units.length] } : {}),
      });
      board.push(performance.now() - s);
    }
    const search: number[] = [];
    const questions = [
      "Kan jag få bistånd till hyran?",
      "Hur blir man familjehem?",
      "Daglig verksamhet LSS",
      "hjälp med alkohol",
      "budgetrådgivning tid",
    ];
    for (let i = 0; i < 200; i++) {
      const s = performance.now();
      await similarAnswers(
        database.db,
        org.id,
        questions[i % questions.length] as string,
        "00000000-0000-4000-8000-000000000000",
        i % 2 === 0 ? undefined : units.slice(0, 2),
      );
      search.push(performance.now() - s);
    }
    console.log(
      `inbox: board p95 ${p95(board).toFixed(1)} ms, full-text search p95 ${p95(search).toFixed(1)} ms (200 queries each)`,
    );

    jobs.register({ name: "inbox.send-acknowledgement", handler: async () => undefined });
    await jobs.start({ work: false });
    const deps = { db: database.db, jobs, secret: "bench-secret-bench-secret-bench-secret" };
    const actor = { orgId: org.id, userId: null, label: "bench" };
    const bodies = [
      "Hej! Jag undrar hur jag ansöker om försörjningsstöd.",
      "Kan ni hjälpa mig med en budget?",
      "Vi vill veta mer om familjehem.",
      "Min dotter behöver stöd i skolan.",
    ];
    let done = 0;
    t0 = Date.now();
    const until = t0 + 10_000;
    await Promise.all(
      Array.from({ length: 8 }, async (_, w) => {
        for (let i = 0; Date.now() < until; i++) {
          await receiveQuestion(deps, actor, {
            orgId: org.id,
            channel: "email",
            body: bodies[i % bodies.length] as string,
            requester: { email: `bench${w}@example.se` },
            externalId: `<bench-${w}-${i}@example.se>`,
          });
          done++;
        }
      }),
    );
    const seconds = (Date.now() - t0) / 1000;
    console.log(
      `inbox: ingest one by one ${Math.round(done / seconds)} messages/s (8 concurrent writers, ${done} messages in ${seconds.toFixed(1)} s)`,
    );
    // As the IMAP reader takes them: fetched in batches of 100.
    let batched = 0;
    const t1 = Date.now();
    const stop = t1 + 10_000;
    await Promise.all(
      Array.from({ length: 4 }, async (_, w) => {
        for (let b = 0; Date.now() < stop; b++) {
          const batch = Array.from({ length: 100 }, (_, i) => ({
            orgId: org.id,
            channel: "email" as const,
            body: bodies[i % bodies.length] as string,
            requester: { email: `batch${w}@example.se` },
            externalId: `<bench-batch-${w}-${b}-${i}@example.se>`,
          }));
          batched += (await receiveQuestions(deps, actor, batch)).length;
        }
      }),
    );
    const s2 = (Date.now() - t1) / 1000;
    console.log(
      `inbox: ingest in batches of 100 ${Math.round(batched / s2)} messages/s (4 concurrent readers, ${batched} messages in ${s2.toFixed(1)} s)`,
    );
    // The whole e-mail path without the network: raw RFC 5322 messages as the IMAP reader
    // fetches them, through receiveMails (MIME parse, automatic-reply/bounce check, thread
    // lookup, then the intake above).
    const raw = (w: number, b: number, i: number) =>
      Buffer.from(
        [
          `From: =?utf-8?q?Anna_Exempel?= <anna${w}@example.se>`,
          "To: socialtjansten@example.se",
          `Subject: =?utf-8?q?Fr=C3=A5ga_${i}?=`,
          `Message-ID: <bench-mail-${w}-${b}-${i}@example.se>`,
          "Date: Thu, 26 Nov 2026 10:00:00 +0100",
          "MIME-Version: 1.0",
          "Content-Type: text/plain; charset=utf-8",
          "Content-Transfer-Encoding: quoted-printable",
          "",
          (bodies[i % bodies.length] as string).replace(
            /[åäö]/g,
            (c) => ({ å: "=C3=A5", ä: "=C3=A4", ö: "=C3=B6" })[c] as string,
          ),
          "",
        ].join("\r\n"),
      );
    const options = { orgId: org.id, domain: "klarsvar.example.se", mailbox: "bench", maxAttachmentBytes: 10_485_760 };
    for (const readers of [1, 4]) {
      let mailed = 0;
      const t3 = Date.now();
      const stop3 = t3 + 10_000;
      await Promise.all(
        Array.from({ length: readers }, async (_, w) => {
          for (let b = 0; Date.now() < stop3; b++) {
            const fetched = Array.from({ length: 100 }, (_, i) => {
              const source = raw(readers * 10 + w, b, i);
              return { uid: i + 1, source, size: source.length, truncated: false };
            });
            mailed += (await receiveMails(deps, options, fetched)).length;
          }
        }),
      );
      const s3 = (Date.now() - t3) / 1000;
      console.log(
        `inbox: e-mail ingest (MIME parse + intake) in batches of 100 ${Math.round(mailed / s3)} messages/s (${readers} reader${readers > 1 ? "s" : ""}, ${mailed} messages in ${s3.toFixed(1)} s)`,
      );
    }
  } finally {
    await jobs.stop().catch(() => undefined);
  }
}
