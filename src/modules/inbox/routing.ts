/** Routing rules: category, channel and keywords decide the unit; the first match wins. */

export interface RuleCandidate {
  readonly category_id: string | null;
  readonly channel: string | null;
  readonly keywords: readonly string[];
  readonly unit_id: string;
}

/** A keyword matches the start of a word, so "hyr" finds "hyran" and "hyresskuld". */
export function ruleMatches(
  rule: RuleCandidate,
  q: { categoryId: string | null; channel: string; text: string },
): boolean {
  if (rule.category_id && rule.category_id !== q.categoryId) return false;
  if (rule.channel && rule.channel !== q.channel) return false;
  if (rule.keywords.length === 0) return Boolean(rule.category_id || rule.channel);
  const words = q.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return rule.keywords.some((k) => words.some((w) => w.startsWith(k.toLowerCase())));
}
