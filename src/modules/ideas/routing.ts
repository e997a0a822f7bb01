/**
 * Suggests where an idea belongs from where earlier ideas went — the inbox's classifier
 * (Swedish stems, nearest centroid) trained on ideas with an owner. While there are few ideas,
 * the inbox's routed questions teach it the units' words too. Staff decide; the suggestion
 * only saves them looking. Like the inbox's, the model is trained at most every ten minutes.
 */
import { sql } from "kysely";
import type { Executor } from "../../platform/db/database.js";
import { historyExamples, stemsOf, UnitClassifier, type TrainingExample } from "../inbox/index.js";

const RETRAIN_MS = 10 * 60_000;

async function train(db: Executor, orgId: string): Promise<UnitClassifier> {
  const rows = await sql<{ owner: string; stems: string[] }>`
    select case when group_id is not null then 'group:' || group_id else 'unit:' || unit_id end as owner,
      array(select lexeme from unnest(search)) as stems
    from ideas where org_id = ${orgId} and status in ('open', 'held') and (unit_id is not null or group_id is not null)
    order by received_at desc limit 3000`.execute(db);
  const examples: TrainingExample[] = rows.rows.map((r) => ({ unitId: r.owner, stems: r.stems }));
  if (examples.length < 50)
    examples.push(
      ...(await historyExamples(db, orgId, 1000)).map((e) => ({ unitId: `unit:${e.unitId}`, stems: e.stems })),
    );
  return new UnitClassifier(examples);
}

/** One organisation's suggester; keeps its model between page views. */
export function ownerSuggester(
  db: Executor,
  orgId: string,
): (text: string) => Promise<{ key: string; confidence: number } | null> {
  let model: { classifier: UnitClassifier; at: number } | undefined;
  return async (text) => {
    if (!model || Date.now() - model.at > RETRAIN_MS) model = { classifier: await train(db, orgId), at: Date.now() };
    const best = model.classifier.suggest(await stemsOf(db, text))[0];
    return best && best.confidence >= 0.25 ? { key: best.unitId, confidence: best.confidence } : null;
  };
}
