/**
 * Which tables a request read, and when each table last changed: what the rendered-page cache
 * (platform/http/page-cache.ts) needs to know that a cached page is still true.
 *
 * - Reads: every query Kysely runs inside `trackReads` notes the tables its SQL names. Nothing
 *   is declared by hand, so a page cannot forget a table it reads.
 * - Changes, across processes: migration 0019 gives every table a statement trigger that
 *   advances the table's own sequence (`ks_chg_<table>`); `ChangeClock` reads all of them in one
 *   query a few times a second. Sequences lock no row, so writers never wait for each other.
 * - Changes in this process are seen at once: a write statement run through Kysely marks the
 *   tables it names as changed before the poll would.
 *
 * A sequence moves before its transaction commits, so a page rendered just after a change may
 * still have read the old rows: pages that read a table changed in the last `graceMs` are not
 * kept. A page is never kept longer than the cache's own time limit either.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { sql, type Kysely } from "kysely";
import type { DB } from "./schema.js";

/** Kysely over our schema (not database.ts's alias: that module imports this one). */
type Db = Kysely<DB>;

const WORD = /[a-z_][a-z0-9_]*/g;
const WRITE = /^\s*(?:with\b[\s\S]*\b)?(?:insert|update|delete|truncate|merge)\b/i;

/** What one request read: the tables named by its queries. */
export interface ReadSet {
  readonly tables: Set<string>;
  /** A query ran before the table names were known: the page cannot be trusted to a cache. */
  unknown: boolean;
}

const reads = new AsyncLocalStorage<ReadSet>();

/** Runs fn with a fresh read set; queries run inside it (and its continuations) are noted. */
export function trackReads<T>(set: ReadSet, fn: () => T): T {
  return reads.run(set, fn);
}

export function newReadSet(): ReadSet {
  return { tables: new Set(), unknown: false };
}

/** Every clock in this process (one per open database), told about local writes at once. */
const clocks = new Set<ChangeClock>();

/** Kysely's log hook: note the tables a query names, and mark written tables as changed. */
export function noteQuery(sqlText: string): void {
  const set = reads.getStore();
  const write = WRITE.test(sqlText);
  if (!set && !write) return;
  const words = sqlText.toLowerCase().match(WORD) ?? [];
  for (const clock of clocks) {
    const known = clock.tables;
    if (set) {
      if (known.size === 0) set.unknown = true;
      for (const w of words) if (known.has(w)) set.tables.add(w);
    }
    if (write) clock.markChanged(words.filter((w) => known.has(w)));
  }
}

/**
 * Notes that the current request read these tables from a copy kept in memory (the catalogue's
 * search index), as if a query had named them: a kept page then goes when they change.
 */
export function noteTablesRead(tables: readonly string[]): void {
  const set = reads.getStore();
  if (set) for (const t of tables) set.tables.add(t);
}

/** The table's change counter as this process's clocks see it (0 while none runs): a copy of its rows is old once it moves. */
export function changeVersion(table: string): number {
  let version = 0;
  for (const clock of clocks) version = Math.max(version, clock.versionOf(table));
  return version;
}

export interface ChangeClockOptions {
  /** How often every table's sequence is read, in ms. */
  readonly pollMs?: number;
  /** How long after a change a page that read the table is not kept, in ms. */
  readonly graceMs?: number;
}

/** The change counters of every tracked table, read from the database a few times a second. */
export class ChangeClock {
  readonly pollMs: number;
  readonly graceMs: number;
  /** Tracked tables; empty until the first poll has answered. */
  tables: ReadonlySet<string> = new Set();
  private readonly seen = new Map<string, string>();
  private readonly version = new Map<string, number>();
  private readonly changedAt = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  /** When the last poll answered (ms since epoch), 0 before the first. */
  lastPoll = 0;

  constructor(
    private readonly db: Db,
    options: ChangeClockOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 250;
    this.graceMs = options.graceMs ?? 1500;
  }

  /** Starts polling; resolves after the first poll so the table names are known. */
  async start(): Promise<void> {
    clocks.add(this);
    await this.poll();
    this.timer = setInterval(() => void this.poll(), this.pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clocks.delete(this);
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.polling;
  }

  /** The table's change counter in this process: it moves whenever the table is seen to change. */
  versionOf(table: string): number {
    return this.version.get(table) ?? 0;
  }

  /** True when every table was quiet for the grace period before `since`. */
  settledBefore(tables: Iterable<string>, since: number): boolean {
    for (const t of tables) if ((this.changedAt.get(t) ?? 0) + this.graceMs > since) return false;
    return true;
  }

  markChanged(tables: readonly string[], at = Date.now()): void {
    for (const t of tables) {
      this.version.set(t, this.versionOf(t) + 1);
      this.changedAt.set(t, at);
    }
  }

  poll(): Promise<void> {
    this.polling ??= this.readSequences()
      .catch(() => undefined)
      .finally(() => {
        this.polling = undefined;
      });
    return this.polling;
  }

  private async readSequences(): Promise<void> {
    const r = await sql<{ name: string; value: string | null }>`
      select substr(sequencename, 8) as name, last_value::text as value
      from pg_sequences where schemaname = current_schema() and sequencename like 'ks\\_chg\\_%'`.execute(this.db);
    const now = Date.now();
    const first = this.lastPoll === 0;
    const changed: string[] = [];
    for (const row of r.rows) {
      const value = row.value ?? "0";
      if (!first && this.seen.get(row.name) !== value) changed.push(row.name);
      this.seen.set(row.name, value);
    }
    if (changed.length > 0) this.markChanged(changed, now);
    if (first || r.rows.length !== this.tables.size) this.tables = new Set(r.rows.map((x) => x.name));
    this.lastPoll = now;
  }
}
