/** SQL-file migrations run by Kysely's Migrator. Never edit a landed migration; add one. */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { Migrator, sql, type Migration, type MigrationProvider, type MigrationResultSet } from "kysely";
import { migrationsDir } from "../paths.js";
import type { Db } from "./database.js";

const MIGRATION_FILE = /^\d{4}_[a-z0-9_]+\.sql$/;

/** Reads NNNN_name.sql files; each runs as one multi-statement query inside the migrator's transaction. */
export class SqlFileMigrationProvider implements MigrationProvider {
  constructor(private readonly dir: string = migrationsDir) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(this.dir)).filter((f) => MIGRATION_FILE.test(f)).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      const text = await readFile(join(this.dir, file), "utf8");
      migrations[file.replace(/\.sql$/, "")] = {
        up: async (db) => {
          await sql.raw(text).execute(db);
        },
      };
    }
    return migrations;
  }
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

export async function migrateToLatest(db: Db, dir?: string): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: new SqlFileMigrationProvider(dir) });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new MigrationError(`Migration ${failed} failed: ${reason}`);
  }
  return result;
}
