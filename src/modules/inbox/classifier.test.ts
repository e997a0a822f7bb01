import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, freshDatabase, type TestDatabase } from "../../../test/db.js";
import { stemsOf, UnitClassifier } from "./classifier.js";

const examples = readFileSync(join(import.meta.dirname, "test-data", "routing.tsv"), "utf8")
  .split("\n")
  .filter((l) => l && !l.startsWith("#"))
  .map((l) => {
    const [unit = "", text = ""] = l.split("\t");
    return { unit, text };
  });

describe.each(BACKENDS)("suggested unit (nearest centroid on Swedish stems) on %s", (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await freshDatabase(backend);
  });
  afterAll(async () => db?.close());

  it("stems Swedish with the database's Snowball stemmer", async () => {
    expect(await stemsOf(db.db, "Ansökningar om försörjningsstöd")).toEqual(
      expect.arrayContaining(["ansökning", "försörjningsstöd"]),
    );
  });

  // Reported in the issue note: accuracy on the held-out quarter. Five units, so chance is 0.2;
  // 75 training questions are few — the department's own history will be far larger.
  it("routes held-out questions better than chance (accuracy ≥ 0.5)", async () => {
    const train: { unit: string; text: string; stems: string[] }[] = [];
    const test: { unit: string; text: string; stems: string[] }[] = [];
    for (const [i, e] of examples.entries())
      ((i + 1) % 4 === 0 ? test : train).push({ ...e, stems: await stemsOf(db.db, e.text) });
    const model = new UnitClassifier(train.map((e) => ({ unitId: e.unit, stems: e.stems })));
    let right = 0;
    const wrong: string[] = [];
    for (const e of test) {
      const top = model.suggest(e.stems)[0];
      if (top?.unitId === e.unit) right++;
      else wrong.push(`${e.text} → ${top?.unitId} (should be ${e.unit})`);
    }
    const accuracy = right / test.length;
    expect(test.length).toBe(25);
    expect(accuracy, wrong.join("\n")).toBeGreaterThanOrEqual(0.5);
  });

  it("says how sure it is, and suggests nothing without history", async () => {
    const model = new UnitClassifier([
      { unitId: "a", stems: ["pengar", "hyr"] },
      { unitId: "b", stems: ["familjehem"] },
    ]);
    const [top] = model.suggest(["pengar"]);
    expect(top?.unitId).toBe("a");
    expect(top?.confidence).toBeGreaterThan(0.5);
    expect(new UnitClassifier([]).suggest(["pengar"])).toEqual([]);
  });
});
