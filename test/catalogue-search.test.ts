/**
 * Search quality on the demo catalogue: the share of the test set whose expected page is in
 * the top three. Each miss is printed with what came first, so a change that makes search
 * worse shows where.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureOrganisation, seedDemo } from "../src/app/seed.js";
import type { KyselyPlugin } from "kysely";
import { addSynonym, removeSynonym } from "../src/modules/catalogue/commands/save.js";
import { messages } from "../src/modules/catalogue/messages.js";
import { forgetSearchWords, searchServices } from "../src/modules/catalogue/search.js";
import { sayer } from "../src/platform/i18n/messages.js";
import { SEARCH_TEST_SET } from "../src/modules/catalogue/search-test-set.js";
import { seedCatalogueDemo } from "../src/modules/catalogue/seed.js";
import { DEMO_PASSWORD } from "../src/platform/auth/demo.js";
import { BACKENDS, freshDatabase, type TestDatabase } from "./db.js";

describe.each(BACKENDS)("help catalogue search quality on %s", (backend) => {
  let database: TestDatabase;
  let orgId: string;
  beforeAll(async () => {
    database = await freshDatabase(backend);
    const org = await ensureOrganisation(database.db);
    orgId = org.id;
    await seedDemo(database.db, org, DEMO_PASSWORD);
    await seedCatalogueDemo(database.db, org.id);
  });
  afterAll(async () => database?.close());

  it("puts the right page in the top three for at least 90 % of the test set (50+ realistic queries)", async () => {
    expect(SEARCH_TEST_SET.length).toBeGreaterThanOrEqual(50);
    const misses: string[] = [];
    let top1 = 0;
    for (const c of SEARCH_TEST_SET) {
      const { hits } = await searchServices(database.db, orgId, c.query, { limit: 10 });
      const rank = hits.findIndex((h) => h.slug === c.expect);
      if (rank === 0) top1++;
      if (rank < 0 || rank > 2)
        misses.push(
          `"${c.query}" (${c.kind}) → ${c.expect} at ${rank < 0 ? "none" : rank + 1}; first: ${
            hits
              .slice(0, 3)
              .map((h) => h.slug)
              .join(", ") || "nothing"
          }`,
        );
    }
    const top3 = (SEARCH_TEST_SET.length - misses.length) / SEARCH_TEST_SET.length;
    console.log(
      `catalogue search on ${backend}: top-3 ${(top3 * 100).toFixed(1)} % (${SEARCH_TEST_SET.length - misses.length}/${SEARCH_TEST_SET.length}), top-1 ${((top1 / SEARCH_TEST_SET.length) * 100).toFixed(1)} %`,
    );
    if (misses.length > 0) console.log(`misses:\n  ${misses.join("\n  ")}`);
    expect(top3).toBeGreaterThanOrEqual(0.9);
  });

  it("the ranking in memory finds and orders exactly what PostgreSQL does (test set and 600 generated searches)", async () => {
    let seed = 7;
    const rand = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    const words = [...new Set(SEARCH_TEST_SET.flatMap((c) => c.query.split(/\s+/)))];
    const generated = Array.from({ length: 600 }, () =>
      Array.from({ length: 1 + Math.floor(rand() * 3) }, () => {
        const w = words[Math.floor(rand() * words.length)] as string;
        if (w.length < 4 || rand() < 0.5) return w;
        const i = 1 + Math.floor(rand() * (w.length - 2));
        return w.slice(0, i) + w.slice(i + 1);
      }).join(" "),
    );
    const differ: string[] = [];
    for (const query of [...SEARCH_TEST_SET.map((c) => c.query), ...generated]) {
      const memory = await searchServices(database.db, orgId, query, { limit: 50 });
      const sql = await searchServices(database.db, orgId, query, { limit: 50, ranking: "database" });
      const same =
        memory.hits.length === sql.hits.length &&
        memory.hits.every((h, i) => h.id === sql.hits[i]?.id && Math.abs(h.score - (sql.hits[i]?.score ?? 0)) < 1e-4);
      if (!same) differ.push(query);
    }
    expect(differ).toEqual([]);
  });

  it("a search run from memory finds what the database finds", async () => {
    for (const c of SEARCH_TEST_SET) {
      forgetSearchWords(orgId);
      const fresh = await searchServices(database.db, orgId, c.query, { limit: 10 });
      const remembered = await searchServices(database.db, orgId, c.query, { limit: 10 });
      expect(remembered).toEqual(fresh);
    }
  });

  it("a search never made before, of words seen before, asks the database nothing", async () => {
    const statements: string[] = [];
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        statements.push(args.node.kind);
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const db = database.db.withPlugin(counting);
    forgetSearchWords(orgId);
    await searchServices(db, orgId, "ekonomsikt bistånd");
    await searchServices(db, orgId, "skuld hyra");
    const cold = statements.length;
    statements.length = 0;
    // New searches, made of the words above.
    await searchServices(db, orgId, "hyra ekonomsikt");
    await searchServices(db, orgId, "bistånd skuld");
    expect(cold).toBeGreaterThan(0);
    expect(statements).toEqual([]);
  });

  it("a synonym staff add or remove counts at once, not after the memory's time", async () => {
    const say = sayer(messages, "sv");
    const actor = { orgId, userId: null, label: "test" };
    const before = await searchServices(database.db, orgId, "zylofonq");
    expect(before.hits.some((h) => h.slug === "ekonomiskt-bistand")).toBe(false);
    const added = await addSynonym(database.db, actor, orgId, "zylofonq", "ekonomiskt bistånd", say);
    expect(added.ok).toBe(true);
    const after = await searchServices(database.db, orgId, "zylofonq");
    expect(after.hits[0]?.slug).toBe("ekonomiskt-bistand");
    const row = await database.db
      .selectFrom("catalogue_synonyms")
      .select("id")
      .where("term", "=", "zylofonq")
      .executeTakeFirstOrThrow();
    await removeSynonym(database.db, actor, orgId, row.id);
    const removed = await searchServices(database.db, orgId, "zylofonq");
    expect(removed.hits.some((h) => h.slug === "ekonomiskt-bistand")).toBe(false);
  });
});
