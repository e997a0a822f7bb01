/** A throw-away PostgreSQL database for a benchmark, dropped afterwards, or null when no server is named. */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "../src/platform/db/database.js";

export function benchServerUrl(): string | undefined {
  return process.env["BENCH_DATABASE_URL"] ?? process.env["TEST_DATABASE_URL"];
}

export async function withBenchDatabase(
  poolSize: number,
  work: (database: Database) => Promise<void>,
): Promise<boolean> {
  const adminUrl = benchServerUrl();
  if (!adminUrl) return false;
  const name = `klarsvar_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString(), poolSize });
  try {
    await work(database);
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  return true;
}
