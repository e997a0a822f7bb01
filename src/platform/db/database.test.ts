import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, freshDatabase, type TestDatabase } from "../../../test/db.js";
import { audit } from "../audit/audit.js";
import { inTransaction } from "./database.js";
import { migrateToLatest } from "./migrate.js";

describe.each(BACKENDS)("data layer on %s", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(backend);
  });
  afterAll(async () => database?.close());

  it("has run every migration, and running again changes nothing", async () => {
    const again = await migrateToLatest(database.db);
    expect(again.results).toEqual([]);
    const tables = await sql<{
      table_name: string;
    }>`select table_name from information_schema.tables where table_schema = 'public' order by table_name`.execute(
      database.db,
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(["audit_log", "organisations", "sessions", "staff_users", "unit_memberships", "units"]),
    );
  });

  it("has pg_trgm for typo-tolerant search", async () => {
    const r = await sql<{ s: number }>`select similarity('ekonomiskt bistånd', 'ekonomsikt bistånd') as s`.execute(
      database.db,
    );
    expect(Number(r.rows[0]?.s)).toBeGreaterThan(0.4);
  });

  it("runs the same queries with the same types: int8 as string, timestamptz as Date, multi-statement SQL", async () => {
    const org = await database.db
      .insertInto("organisations")
      .values({ slug: `o-${backend}`, name: "Testkommun" })
      .returningAll()
      .executeTakeFirstOrThrow();
    expect(org.created_at).toBeInstanceOf(Date);
    const count = await database.db
      .selectFrom("organisations")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    expect(typeof count.n).toBe("string");
    await sql
      .raw("create temporary table t1 (x int); insert into t1 values (1); insert into t1 values (2);")
      .execute(database.db);
    const total = await sql<{ s: string }>`select sum(x) as s from t1`.execute(database.db);
    expect(total.rows[0]?.s).toBe("3");
  });

  it("rolls a failed transaction back completely", async () => {
    await expect(
      inTransaction(database.db, async (trx) => {
        await trx.insertInto("organisations").values({ slug: "rollback", name: "Ska inte finnas" }).execute();
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const found = await database.db
      .selectFrom("organisations")
      .select("id")
      .where("slug", "=", "rollback")
      .executeTakeFirst();
    expect(found).toBeUndefined();
  });

  it("keeps the audit log append-only", async () => {
    await audit(database.db, { orgId: null, userId: null, label: "test" }, { action: "test.write" });
    await expect(sql`update audit_log set action = 'changed'`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
    const rows = await database.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "test.write")
      .execute();
    expect(rows).toHaveLength(1);
  });
});
