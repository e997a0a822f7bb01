/**
 * Background work through pg-boss 10, on PGlite and Postgres alike (through an executeSql
 * adapter over our own pool). Modules register jobs; every outbound side effect is a job
 * with retries, backoff and an idempotency key. Nothing is sent inside a web request.
 */
import { createHash } from "node:crypto";
import { CompiledQuery, sql } from "kysely";
import PgBoss from "pg-boss";
import type { Database, Executor } from "../db/database.js";

export interface JobContext {
  readonly id: string;
  readonly name: string;
  readonly retryCount: number;
}

export interface JobDefinition<T extends object = object> {
  /** Module first, then what it does: "auth.cleanup-sessions", "inbox.send-reply-email". */
  readonly name: string;
  readonly handler: (data: T, job: JobContext) => Promise<void>;
  readonly retryLimit?: number;
  /** Seconds before the first retry; doubled each time when backoff is on. */
  readonly retryDelaySeconds?: number;
  readonly retryBackoff?: boolean;
  readonly expireInSeconds?: number;
  /** Cron expression (Europe/Stockholm) to run on a schedule. */
  readonly schedule?: string;
  /**
   * Jobs fetched at a time. pg-boss waits a polling interval after each fetch, even a full
   * one, so a queue that must drain bursts (acknowledgements, webhook deliveries) takes many
   * at once. Each job in a batch succeeds or fails on its own: a failed one is retried alone,
   * the others are completed (never sent twice). Default 20, one after the other: a burst of
   * one kind drains at hundreds a second instead of one job per fetch.
   */
  readonly batchSize?: number;
  /** Jobs of one batch run side by side, at most this many at a time (default 1: in order). */
  readonly concurrency?: number;
  /** Seconds between fetches of this queue (default: the runner's, 2 s; at least 0.5). */
  readonly pollingIntervalSeconds?: number;
}

export interface SendOptions {
  /** The same key for the same job name never creates a second job. */
  readonly idempotencyKey?: string;
  readonly startAfter?: Date | number;
  /** Enqueue inside this transaction, so the job exists exactly when the write commits. */
  readonly within?: Executor;
}

export interface FailedJob {
  readonly id: string;
  readonly name: string;
  readonly data: unknown;
  readonly output: unknown;
  readonly retryCount: number;
  readonly createdOn: Date;
  readonly completedOn: Date | null;
}

/** Jobs fetched at a time unless a definition says otherwise (see JobDefinition.batchSize). */
export const DEFAULT_BATCH_SIZE = 20;

/** A stable UUID from a job name and an idempotency key, so inserts dedupe on the primary key. */
export function jobIdFor(name: string, key: string): string {
  const h = createHash("sha256").update(`${name}\u0000${key}`).digest("hex");
  const variant = ((Number.parseInt(h.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function adapter(executor: Executor): PgBoss.Db {
  return {
    executeSql: async (text: string, values: unknown[]) => {
      const result = await executor.executeQuery(CompiledQuery.raw(text, values ?? []));
      return { rows: result.rows as unknown[] };
    },
  };
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(lanes);
}

export interface JobRunnerOptions {
  readonly pollingIntervalSeconds?: number;
  readonly onError?: (error: Error) => void;
}

export class JobRunner {
  private readonly definitions = new Map<string, JobDefinition<never>>();
  private boss: PgBoss | undefined;
  private working = false;

  constructor(
    private readonly database: Database,
    private readonly options: JobRunnerOptions = {},
  ) {}

  register<T extends object>(definition: JobDefinition<T>): void {
    if (this.definitions.has(definition.name)) throw new Error(`Job ${definition.name} is registered twice`);
    this.definitions.set(definition.name, definition as unknown as JobDefinition<never>);
  }

  get names(): readonly string[] {
    return [...this.definitions.keys()].sort();
  }

  /** Starts pg-boss (creating its schema on first use). With work=true this process also runs jobs. */
  async start({ work }: { work: boolean }): Promise<void> {
    const pool = this.database.pool;
    const boss = new PgBoss({
      db: { executeSql: async (text, values) => pool.query(text, values) },
      supervise: work,
      schedule: work,
      migrate: true,
    });
    boss.on("error", (e: Error) => this.options.onError?.(e));
    await boss.start();
    this.boss = boss;
    for (const def of this.definitions.values()) {
      await boss.createQueue(def.name, {
        name: def.name,
        retryLimit: def.retryLimit ?? 5,
        retryDelay: def.retryDelaySeconds ?? 30,
        retryBackoff: def.retryBackoff ?? true,
        expireInSeconds: def.expireInSeconds ?? 15 * 60,
      });
    }
    if (!work) return;
    this.working = true;
    for (const def of this.definitions.values()) {
      const batchSize = def.batchSize ?? DEFAULT_BATCH_SIZE;
      const worker: { id?: string } = {};
      // pg-boss waits a polling interval after every fetch, even a full one; a full batch means
      // more are waiting, so the worker is told to fetch again — after the event loop has had
      // its turn: on PGlite a query needs no I/O, and a worker that never yields would starve
      // timers, other queues and HTTP. A burst drains at the speed of its work, while an empty
      // queue still costs one query per interval.
      const more = (fetched: number) => {
        if (fetched >= batchSize)
          setImmediate(() => {
            if (worker.id && this.working) boss.notifyWorker(worker.id);
          });
      };
      worker.id = await boss.work<object>(
        def.name,
        {
          pollingIntervalSeconds: def.pollingIntervalSeconds ?? this.options.pollingIntervalSeconds ?? 2,
          includeMetadata: true,
          batchSize,
        },
        async (jobs) => {
          if (jobs.length === 1) {
            const [job] = jobs as [(typeof jobs)[number]];
            await def.handler(job.data as never, { id: job.id, name: job.name, retryCount: job.retryCount });
            more(1);
            return;
          }
          // A batch: each job on its own. A failure is recorded for that job alone (pg-boss
          // then completes only the jobs still active), so one bad address never resends the
          // rest of the batch.
          await eachLimited(jobs, def.concurrency ?? 1, async (job) => {
            try {
              await def.handler(job.data as never, { id: job.id, name: job.name, retryCount: job.retryCount });
            } catch (error) {
              const e = error instanceof Error ? error : new Error(String(error));
              // Recording the failure must not fail the batch (pg-boss would then retry jobs
              // that already went out): a few tries, then the batch fails and nothing is lost.
              for (let attempt = 1; ; attempt++) {
                try {
                  await boss.fail(def.name, job.id, { message: e.message, stack: e.stack ?? "" });
                  break;
                } catch (recording) {
                  if (attempt >= 3) throw recording;
                  await new Promise((r) => setTimeout(r, 200 * attempt));
                }
              }
            }
          });
          more(jobs.length);
        },
      );
      if (def.schedule) await boss.schedule(def.name, def.schedule, {}, { tz: "Europe/Stockholm" });
    }
  }

  private get started(): PgBoss {
    if (!this.boss) throw new Error("The job runner is not started");
    return this.boss;
  }

  /** Enqueues a job; returns its id, or null when the idempotency key was already used. */
  async send<T extends object>(name: string, data: T, options: SendOptions = {}): Promise<string | null> {
    if (!this.definitions.has(name)) throw new Error(`Unknown job ${name}`);
    const send: PgBoss.SendOptions = {};
    if (options.idempotencyKey) send.id = jobIdFor(name, options.idempotencyKey);
    if (options.startAfter !== undefined) send.startAfter = options.startAfter;
    if (options.within) send.db = adapter(options.within);
    return this.started.send(name, data, send);
  }

  /**
   * Enqueues many jobs in one statement (for batched intake). Idempotency keys work as in
   * send(): a key already used creates nothing.
   */
  async sendMany(
    items: readonly { name: string; data: object; idempotencyKey?: string }[],
    options: { within?: Executor } = {},
  ): Promise<void> {
    if (items.length === 0) return;
    const rows: PgBoss.JobInsert[] = items.map((item) => {
      const def = this.definitions.get(item.name);
      if (!def) throw new Error(`Unknown job ${item.name}`);
      return {
        name: item.name,
        data: item.data,
        retryLimit: def.retryLimit ?? 5,
        retryDelay: def.retryDelaySeconds ?? 30,
        retryBackoff: def.retryBackoff ?? true,
        expireInSeconds: def.expireInSeconds ?? 15 * 60,
        ...(item.idempotencyKey ? { id: jobIdFor(item.name, item.idempotencyKey) } : {}),
      };
    });
    await this.started.insert(rows, options.within ? { db: adapter(options.within) } : {});
  }

  async failedJobs(limit = 50, offset = 0): Promise<{ jobs: FailedJob[]; total: number }> {
    const db = this.database.db;
    const rows = await sql<{
      id: string;
      name: string;
      data: unknown;
      output: unknown;
      retry_count: number;
      created_on: Date;
      completed_on: Date | null;
    }>`select id, name, data, output, retry_count, created_on, completed_on
       from pgboss.job where state = 'failed'
       order by completed_on desc nulls last, created_on desc limit ${limit} offset ${offset}`.execute(db);
    const count = await sql<{ n: string }>`select count(*) as n from pgboss.job where state = 'failed'`.execute(db);
    return {
      jobs: rows.rows.map((r) => ({
        id: r.id,
        name: r.name,
        data: r.data,
        output: r.output,
        retryCount: r.retry_count,
        createdOn: r.created_on,
        completedOn: r.completed_on,
      })),
      total: Number(count.rows[0]?.n ?? 0),
    };
  }

  async retry(name: string, id: string): Promise<void> {
    await this.started.retry(name, id);
  }

  /** A job's state by its idempotency key: "created", "retry", "active", "completed", "failed"… */
  async stateOf(
    name: string,
    idempotencyKey: string,
  ): Promise<{ state: string; retryCount: number; output: unknown } | null> {
    const job = await this.started.getJobById(name, jobIdFor(name, idempotencyKey));
    return job ? { state: job.state, retryCount: job.retryCount, output: job.output } : null;
  }

  /** Jobs that failed and wait for their next try (a mail server down, say), newest first. */
  async retryingJobs(
    limit = 50,
  ): Promise<{ id: string; name: string; retryCount: number; output: unknown; startAfter: Date }[]> {
    const rows = await sql<{ id: string; name: string; retry_count: number; output: unknown; start_after: Date }>`
      select id, name, retry_count, output, start_after from pgboss.job where state = 'retry'
      order by start_after desc limit ${limit}`.execute(this.database.db);
    return rows.rows.map((r) => ({
      id: r.id,
      name: r.name,
      retryCount: r.retry_count,
      output: r.output,
      startAfter: r.start_after,
    }));
  }

  async getState(name: string, id: string): Promise<string | null> {
    const job = await this.started.getJobById(name, id);
    return job?.state ?? null;
  }

  /** True when the queue's tables answer. */
  async answers(): Promise<boolean> {
    if (!this.boss) return false;
    try {
      await this.boss.getQueues();
      return true;
    } catch {
      return false;
    }
  }

  /** Stops taking new jobs and waits for running ones to finish (graceful drain). */
  async stop(timeoutMs = 20_000): Promise<void> {
    const boss = this.boss;
    if (!boss) return;
    this.boss = undefined;
    await boss.stop({ graceful: this.working, wait: true, timeout: timeoutMs, close: false });
  }
}
