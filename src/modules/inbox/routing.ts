/** Routing rules: category, channel and keywords decide the unit; the first match wins. */
import type { Executor } from "../../platform/db/database.js";

export interface RuleCandidate {
  readonly category_id: string | null;
  readonly channel: string | null;
  readonly keywords: readonly string[];
  readonly unit_id: string;
}

/** A keyword matches the start of a word, so "hyr" finds "hyran" and "hyresskuld". */
export function ruleMatches(rule: RuleCandidate, q: { categoryId: string | null; channel: string; text: string }): boolean {
  if (rule.category_id && rule.category_id !== q.categoryId) return false;
  if (rule.channel && rule.channel !== q.channel) return false;
  if (rule.keywords.length === 0) return Boolean(rule.category_id || rule.channel);
  const words = q.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return rule.keywords.some((k) => words.some((w) => w.startsWith(k.toLowerCase())));
}

export async function unitByRules(db: Executor, orgId: string, q: { categoryId: string | null; channel: string; text: string }): Promise<string | null> {
  const rules = await db.selectFrom("routing_rules").select(["category_id", "channel", "keywords", "unit_id"]).where("org_id", "=", orgId).orderBy("position").orderBy("created_at").execute();
  return rules.find((r) => ruleMatches(r, q))?.unit_id ?? null;
}
