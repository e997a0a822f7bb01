import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audit } from "../audit/audit.js";
import { BACKENDS, freshDatabase, type TestDatabase } from "../../../test/db.js";

describe.each(BACKENDS)("text PostgreSQL would refuse is stored, not lost (%s)", (backend) => {
  let d: TestDatabase;
  beforeAll(async () => {
    d = await freshDatabase(backend);
  });
  afterAll(async () => d?.close());

  it("drops NUL and mends half a surrogate pair in text, arrays and JSON", async () => {
    const org = await d.db
      .insertInto("organisations")
      .values({ slug: `t-${backend}`, name: "Test\u0000org" })
      .returning(["id", "name"])
      .executeTakeFirstOrThrow();
    expect(org.name).toBe("Testorg");
    const emoji = "😀".repeat(3);
    const cut = emoji.slice(0, 5); // ends in half a pair
    await audit(
      d.db,
      { orgId: org.id, userId: null, label: `a\u0000b ${cut}` },
      { action: "test.cut", details: { text: cut, nul: "x\u0000y", list: [cut] } },
    );
    const row = await d.db
      .selectFrom("audit_log")
      .select(["actor_label", "details"])
      .where("action", "=", "test.cut")
      .executeTakeFirstOrThrow();
    expect(row.actor_label).toBe(`ab ${emoji.slice(0, 4)}\ufffd`);
    expect(row.details).toEqual({
      text: `${emoji.slice(0, 4)}\ufffd`,
      nul: "xy",
      list: [`${emoji.slice(0, 4)}\ufffd`],
    });
  });

  it("leaves ordinary text, and text that only looks like JSON, alone", async () => {
    const org = await d.db
      .insertInto("organisations")
      .values({ slug: `u-${backend}`, name: "{inte json \\u0000}" })
      .returning("name")
      .executeTakeFirstOrThrow();
    expect(org.name).toBe("{inte json \\u0000}");
    const plain = await d.db
      .insertInto("organisations")
      .values({ slug: `v-${backend}`, name: "Åsa 😀 Östlund" })
      .returning("name")
      .executeTakeFirstOrThrow();
    expect(plain.name).toBe("Åsa 😀 Östlund");
  });
});
