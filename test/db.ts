/**
 * Fresh databases for tests: PGlite in memory always, and a throw-away database on the real
 * Postgres named by TEST_DATABASE_URL when it is set (CI sets it).
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "../src/platform/db/database.js";
import { migrateToLatest } from "../src/platform/db/migrate.js";

export type Backend = "pglite" | "postgres";

export const BACKENDS: readonly Backend[] = process.env["TEST_DATABASE_URL"] ? ["pglite", "postgres"] : ["pglite"];

export interface TestDatabase extends Database {
  /** The URL of the throw-away Postgres database (postgres backend only). */
  readonly url: string | undefined;
}

export async function freshDatabase(backend: Backend, options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  let database: Database;
  let url: string | undefined;
  let drop: (() => Promise<void>) | undefined;
  if (backend === "pglite") {
    database = await openDatabase({ dataDir: "memory://" });
  } else {
    const adminUrl = process.env["TEST_DATABASE_URL"];
    if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
    const name = `klarsvar_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    url = u.toString();
    database = await openDatabase({ url, poolSize: 5 });
    drop = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  if (options.migrate !== false) await migrateToLatest(database.db);
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      await drop?.();
    },
  };
}
