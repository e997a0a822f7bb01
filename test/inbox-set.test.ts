/**
 * Inbox intelligence measured on its own labelled sets (src/modules/inbox/test-data/inbox-set),
 * fictional messages written apart from the rules and the models. History of the figures,
 * honestly (each file measured once on arrival, then used for tuning or training):
 * - rules tuned on tuning.tsv; holdout.tsv (203): kind 0.734, concern P 0.742 R 0.821, unit 0.719;
 * - holdout2.tsv (203, on purpose unlike what a rule-writer expects): kind 0.675, concern
 *   P 0.769 R 0.625, unit 0.685; its misses were then fixed by general rules;
 * - holdout3.tsv (220, with logged calls, letters and visits), rules only: kind 0.682, concern
 *   P 0.806 R 0.735, unit 0.686. Rules alone do not carry to new wording, so learned models
 *   (intelligence.ts) were added, trained on the first three files; holdout3 then served as the
 *   validation set for their thresholds and weights;
 * - holdout4.tsv (200), sealed until rules, models and thresholds were settled, measured once:
 *   kind 0.910, concern P 0.721 R 0.969 (one report missed: a parent strangled in front of a
 *   six-year-old — the rules had no word for strangling, the model p 0.05), unit 0.895 with no
 *   history, 0.890 with 634 routed cases. The missing words were then added to the rules (R 1.0
 *   on it since), and holdout4 joined the training set;
 * - holdout5.tsv (200, packed with near-misses of reports of concern), sealed, measured once with
 *   the final rules and models: kind 0.880, concern P 0.660 R 0.969 (missed: a 13-year-old home
 *   alone with a 5-year-old brother since Thursday, the model at p 0.21 just under the 0.3 bar
 *   tried then — the bar went back to 0.2 and the rules learnt "mamma har inte varit hemma"),
 *   unit 0.865 with no history, 0.870 with 786 routed cases; 88 of 109 open-kind messages routed
 *   automatically at 60 %, 85 of them rightly. It then joined the training set: the next honest
 *   figure needs a sixth file.
 * - then the concern and kind models became five-seed ensembles, and a weak rule's finding (a
 *   child near worry or harm, no concrete harm) is set aside when the model's p < 0.01; chosen
 *   leave-one-file-out over the six files (P 0.765 → 0.882, R 1.0, kind 0.927). Two new files
 *   written apart by two authors, sealed, were measured once with models trained on the six:
 *   holdout6.tsv (220, a realistic month): kind 0.964, concern P 0.893 R 1.000, unit 0.941;
 *   holdout7.tsv (200, the boundary of reports of concern): kind 0.955, P 0.889 R 1.000, unit
 *   0.920; together kind 0.960, P 0.890 (65 reports, 8 false alarms) R 1.000, unit 0.931,
 *   learning curve 0.931 → 0.931 with 940 routed cases. Both files then joined training.
 * Each file is measured with models trained only on the files written before it; the floors
 * hold the figures reached, not targets.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureOrganisation, seedDemo } from "../src/app/seed.js";
import { seedCatalogueDemo } from "../src/modules/catalogue/seed.js";
import { unitsForText } from "../src/modules/catalogue/index.js";
import { UnitClassifier, stemsOf, type TrainingExample } from "../src/modules/inbox/classifier.js";
import {
  assessArrival,
  LABELLED_FILES,
  loadLabelled,
  trainArrivalModels,
  unitPrior,
  type ArrivalModels,
  type LabelledFile,
  type LabelledRow,
} from "../src/modules/inbox/intelligence.js";
import { arrivalUnit, suggestUnitAsking, type ArrivalUnits } from "../src/modules/inbox/suggest-unit.js";
import { DEFAULT_UNIT_WORDS } from "../src/modules/inbox/unit-words.js";
import type { RuleCandidate } from "../src/modules/inbox/routing.js";
import { freshDatabase, type TestDatabase } from "./db.js";

type Row = LabelledRow;

/** The files written before this one: what its models may learn from. */
function before(file: LabelledFile): Row[] {
  return LABELLED_FILES.slice(0, LABELLED_FILES.indexOf(file)).flatMap((f) => loadLabelled(f));
}

function predictKind(row: Pick<Row, "text" | "sender">, models: ArrivalModels): string {
  const a = assessArrival(row.text, { sender: row.sender }, models);
  return a.concern.concern ? "concern_report" : a.kind;
}

interface Scores {
  kindAccuracy: number;
  concernPrecision: number;
  concernRecall: number;
  unitAccuracy: number;
  perKind: Record<string, { n: number; correct: number }>;
  perUnit: Record<string, { n: number; correct: number }>;
  /** Cases whose unit is not fixed by their kind: how many the suggestion would route at 0.6, and how many of those rightly. */
  auto: { open: number; routed: number; correct: number };
}

/** Floors for the test set, set from its first measurement (never above it). */
const TEST_FLOORS = { concernRecall: 1, concernPrecision: 0.89, kind: 0.959, unit: 0.93 };

describe("inbox intelligence on its labelled set", () => {
  let database: TestDatabase;
  let orgId: string;
  let rules: RuleCandidate[];
  let units: ArrivalUnits;
  let nameOf: Map<string, string>;
  // The last two files, written together and sealed until measured, are the test; the one
  // before them the validation set.
  const testFiles: readonly LabelledFile[] = ["holdout6", "holdout7"];
  const testFile = testFiles[0] as LabelledFile;
  const validationFile: LabelledFile = "holdout5";
  const sets = {
    tuning: before(validationFile),
    validation: loadLabelled(validationFile),
    test: testFiles.flatMap((f) => loadLabelled(f)),
  };
  const models = {
    validation: trainArrivalModels(sets.tuning),
    test: trainArrivalModels(before(testFile)),
  };
  const stems = new Map<string, string[]>();

  beforeAll(async () => {
    database = await freshDatabase("pglite");
    const org = await ensureOrganisation(database.db);
    orgId = org.id;
    await seedDemo(database.db, org, "inbox-set-password-123");
    await seedCatalogueDemo(database.db, orgId);
    const rows = await database.db.selectFrom("units").select(["id", "slug", "name"]).execute();
    const bySlug = new Map(rows.map((u) => [u.slug, u.id]));
    nameOf = new Map(rows.map((u) => [u.id, u.name]));
    rules = Object.entries(DEFAULT_UNIT_WORDS).map(([slug, keywords]) => ({
      category_id: null,
      channel: null,
      keywords,
      unit_id: bySlug.get(slug) as string,
    }));
    units = {
      intake: bySlug.get("mottagningen-barn") ?? null,
      communication: bySlug.get("kommunikation") ?? null,
      registry: bySlug.get("socialforvaltningen") ?? null,
    };
    for (const r of [...sets.tuning, ...sets.validation, ...sets.test])
      stems.set(r.text, await stemsOf(database.db, r.text));
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  async function score(
    rows: readonly Row[],
    trained: ArrivalModels,
    history: readonly TrainingExample[] = [],
  ): Promise<Scores> {
    const classifier = new UnitClassifier(history);
    let kindOk = 0;
    let unitOk = 0;
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const perKind: Scores["perKind"] = {};
    const perUnit: Scores["perUnit"] = {};
    const auto = { open: 0, routed: 0, correct: 0 };
    for (const row of rows) {
      const kind = predictKind(row, trained);
      const concern = kind === "concern_report";
      const pk = (perKind[row.kind] ??= { n: 0, correct: 0 });
      pk.n++;
      if (kind === row.kind) {
        kindOk++;
        pk.correct++;
      }
      if (concern && row.kind === "concern_report") tp++;
      else if (concern) fp++;
      else if (row.kind === "concern_report") fn++;
      // As on arrival: the catalogue is asked only when the rest is not decisive.
      const suggestion = await suggestUnitAsking(
        { categoryId: null, channel: row.channel, text: row.text },
        {
          rules,
          history: classifier.suggest(stems.get(row.text) ?? []),
          historySize: classifier.size,
          prior: unitPrior(row.text, idOf(), trained),
        },
        () => unitsForText(database.db, orgId, row.text),
      );
      const unit = arrivalUnit(kind, concern, suggestion, units).unitId;
      const predicted = unit ? (nameOf.get(unit) ?? "?") : "-";
      if (!concern && !["media", "document_request", "minor"].includes(kind)) {
        auto.open++;
        if (suggestion && suggestion.confidence >= 0.6) {
          auto.routed++;
          if (nameOf.get(suggestion.unitId) === row.unit) auto.correct++;
        }
      }
      const pu = (perUnit[row.unit] ??= { n: 0, correct: 0 });
      pu.n++;
      if (predicted === row.unit) {
        unitOk++;
        pu.correct++;
      } else if (process.env["INBOX_SET_VERBOSE"])
        console.log(`unit ${row.unit} -> ${predicted} [${kind}] ${row.text.slice(0, 140).replaceAll("\n", " ")}`);
    }
    return {
      kindAccuracy: kindOk / rows.length,
      concernPrecision: tp / (tp + fp),
      concernRecall: tp / (tp + fn),
      unitAccuracy: unitOk / rows.length,
      perKind,
      perUnit,
      auto,
    };
  }

  const idOf = () => new Map([...nameOf].map(([id, name]) => [name, id]));

  function report(name: string, s: Scores): void {
    const line = (o: Record<string, { n: number; correct: number }>) =>
      Object.entries(o)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => `${k} ${v.correct}/${v.n}`)
        .join(", ");
    console.log(
      `${name}: kind ${s.kindAccuracy.toFixed(3)}, concern P ${s.concernPrecision.toFixed(3)} R ${s.concernRecall.toFixed(3)}, unit ${s.unitAccuracy.toFixed(3)}\n  kinds: ${line(s.perKind)}\n  units: ${line(s.perUnit)}\n  auto-route at 0.6: ${s.auto.routed}/${s.auto.open} routed, ${s.auto.correct} rightly`,
    );
  }

  it("what the rules and models were tuned on", async () => {
    const s = await score(sets.tuning, models.validation);
    report(`tuned on (${sets.tuning.length})`, s);
    expect(s.concernRecall).toBe(1);
    expect(s.kindAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  it("validation set: models trained without it", async () => {
    const s = await score(sets.validation, models.validation);
    report(`validation ${validationFile} (no history)`, s);
    // Figures reached, recall first — precision falls short of the 0.9 aimed for.
    expect(s.concernRecall).toBe(1);
    expect(s.concernPrecision).toBeGreaterThanOrEqual(0.86);
    expect(s.kindAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(s.unitAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it("test set: concern recall, precision, kind and unit accuracy at or above the floors", async () => {
    for (const file of testFiles) report(`test ${file} (no history)`, await score(loadLabelled(file), models.test));
    const s = await score(sets.test, models.test);
    report(`test ${testFiles.join(" + ")} (no history)`, s);
    expect(s.concernRecall).toBeGreaterThanOrEqual(TEST_FLOORS.concernRecall);
    expect(s.concernPrecision).toBeGreaterThanOrEqual(TEST_FLOORS.concernPrecision);
    expect(s.kindAccuracy).toBeGreaterThanOrEqual(TEST_FLOORS.kind);
    expect(s.unitAccuracy).toBeGreaterThanOrEqual(TEST_FLOORS.unit);
  });

  it("learning curve: unit accuracy on the test set as routed history grows", async () => {
    const routed = before(testFile).filter((r) => r.unit !== "-" && r.kind !== "concern_report");
    const ids = idOf();
    const curve: string[] = [];
    let first = 0;
    let last = 0;
    for (const n of [0, 50, 100, 200, 400, routed.length]) {
      const history = routed
        .slice(0, n)
        .map((r) => ({ unitId: ids.get(r.unit) as string, stems: stems.get(r.text) ?? [] }));
      const s = await score(sets.test, models.test, history);
      curve.push(`${n}: ${s.unitAccuracy.toFixed(3)}`);
      if (n === 0) first = s.unitAccuracy;
      last = s.unitAccuracy;
    }
    console.log(`learning curve (routed cases in history: unit accuracy) ${curve.join(", ")}`);
    expect(last).toBeGreaterThanOrEqual(first - 0.02);
  });
});
