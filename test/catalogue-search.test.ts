/**
 * Search quality on the demo catalogue: the share of the test set whose expected page is in
 * the top three. Each miss is printed with what came first, so a change that makes search
 * worse shows where.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureOrganisation, seedDemo } from "../src/app/seed.js";
import { searchServices } from "../src/modules/catalogue/search.js";
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
});
