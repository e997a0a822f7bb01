/**
 * One code path over two ways of running PostgreSQL: a real server (DATABASE_URL) or
 * the embedded PGlite (Postgres in WASM) in a data directory. Both give Kysely a pg.Pool,
 * so types (int8 as string) and multi-statement SQL behave the same.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { Kysely, PostgresDialect, sql, type Transaction } from "kysely";
import { StorableTextPlugin } from "./storable-text.js";
import { noteQuery } from "./changes.js";
import pg from "pg";
import type { DB } from "./schema.js";

export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** A connection or a transaction: write helpers accept either. */
export type Executor = Kysely<DB> | Transaction<DB>;

export interface Database {
  readonly db: Db;
  readonly pool: pg.Pool;
  readonly kind: "pglite" | "postgres";
  /** Where the data lives, for messages: a redacted URL or a directory. */
  readonly location: string;
  /** The PGlite instance (embedded mode only), for backup and restore. */
  readonly pglite: PGlite | undefined;
  /** How long work waits for a connection: what decides whether the site is overloaded. */
  readonly load: PoolLoad;
  close(): Promise<void>;
}

/** The pool's queue: how many wait for a connection and how long the first in line has waited. */
export interface PoolLoad {
  /** Queries waiting for a connection now. */
  waiting(): number;
  /** How long the query first in line has waited for a connection so far, in ms (0 when none waits). */
  waitMs(): number;
}

/**
 * Watches every wait for a connection. pg's Pool gives the queue's length but not its age;
 * the age of the oldest wait is what a visitor who joins the queue now can expect.
 */
function meterPool(pool: pg.Pool): PoolLoad {
  const pending = new Map<number, number>();
  let next = 0;
  const connect = pool.connect.bind(pool) as (cb?: (...args: unknown[]) => void) => Promise<pg.PoolClient> | undefined;
  (pool as { connect: unknown }).connect = (cb?: (...args: unknown[]) => void) => {
    const id = next++;
    pending.set(id, performance.now());
    if (cb)
      return connect((...args: unknown[]) => {
        pending.delete(id);
        cb(...args);
      });
    return connect()?.finally(() => pending.delete(id));
  };
  return {
    waiting: () => pending.size,
    waitMs: () => {
      const oldest = pending.values().next();
      return oldest.done ? 0 : performance.now() - oldest.value;
    },
  };
}

/** Every query's SQL goes past the change tracker (platform/db/changes.ts). */
const log = (event: { query: { sql: string } }) => noteQuery(event.query.sql);

export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

export interface OpenOptions {
  /** postgres://… to use a server; otherwise PGlite in dataDir. */
  readonly url?: string | undefined;
  /** PGlite data directory, or "memory://" for a throw-away database. */
  readonly dataDir?: string | undefined;
  /** Restore PGlite from a dump made by dumpDataDir (tar.gz). */
  readonly loadDataDir?: Blob | undefined;
  readonly poolSize?: number;
  /** PGlite only: shared_buffers in MB. */
  readonly sharedBuffersMb?: number;
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(invalid URL)";
  }
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 10);
  return openPglite(options.dataDir ?? "./data", options.loadDataDir, options.sharedBuffersMb ?? 32);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5000 });
  // Without a listener an idle client's network error would crash the process.
  pool.on("error", () => undefined);
  const location = redactUrl(url);
  try {
    await pool.query("select 1");
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnavailableError(`Cannot reach the database at ${location}: ${reason}`);
  }
  const load = meterPool(pool);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new StorableTextPlugin()], log });
  return {
    db,
    pool,
    load,
    kind: "postgres",
    location,
    pglite: undefined,
    close: () => db.destroy(),
  };
}

async function openPglite(dataDir: string, loadDataDir: Blob | undefined, sharedBuffersMb: number): Promise<Database> {
  const memory = dataDir.startsWith("memory://");
  const location = memory ? dataDir : resolve(dataDir);
  if (!memory) mkdirSync(location, { recursive: true });
  let pglite: PGlite;
  const options = {
    extensions: { pg_trgm },
    // PostgreSQL's default 128 MB of shared buffers is most of PGlite's memory; one
    // department's data needs far less.
    postgresqlconf: `shared_buffers=${sharedBuffersMb}MB`,
    ...(loadDataDir ? { loadDataDir } : {}),
  };
  try {
    if (!memory && !loadDataDir && !existsSync(join(location, "PG_VERSION"))) {
      // First start: initdb grows the WebAssembly memory to several hundred MB and never gives
      // it back. Creating the cluster in a throw-away instance lets that memory go.
      await (await PGlite.create(location, options)).close();
    }
    pglite = await PGlite.create(memory ? dataDir : location, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnavailableError(`Cannot open the embedded database in ${location}: ${reason}`);
  }
  // PGlite is a single connection: the pool has one client, so transactions are serialised.
  const pool = new pg.Pool(createPgConfig(pglite));
  pool.on("error", () => undefined);
  const load = meterPool(pool);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new StorableTextPlugin()], log });
  return {
    db,
    pool,
    load,
    kind: "pglite",
    location,
    pglite,
    close: async () => {
      await db.destroy();
      // An open PGlite keeps the process alive; it must always be closed.
      await pglite.close();
    },
  };
}

/**
 * Runs fn in one transaction. Inside, use only the given trx: on PGlite (one connection)
 * a query on the outer db would wait for the transaction forever.
 */
export function inTransaction<T>(db: Db, fn: (trx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn);
}

/** True when the database answers a trivial query. */
export async function databaseAnswers(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
