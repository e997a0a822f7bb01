/**
 * The unit a new question should go to, from three kinds of evidence combined: the routing
 * rules (the department's own words, with defaults on day one), the help catalogue (each
 * service knows its unit and its words and synonyms), and the routing history as it grows
 * (classifier.ts). Shown on every case with its confidence; routed automatically only above
 * the threshold the admin sets.
 */
import type { Suggestion } from "./classifier.js";
import type { RuleCandidate } from "./routing.js";

export interface UnitEvidence {
  readonly rules: readonly RuleCandidate[];
  /** Catalogue services matching the text, by unit (catalogue's index: `unitsForText`). */
  readonly catalogue: readonly { readonly unitId: string; readonly score: number }[];
  /** The history classifier's suggestions, and how many routed cases it learnt from. */
  readonly history: readonly Suggestion[];
  readonly historySize: number;
  /** The model learnt from the labelled set (intelligence.ts `unitPrior`): how people write to each unit. */
  readonly prior?: readonly Suggestion[];
}

export interface UnitSuggestion {
  readonly unitId: string;
  /** 0–1: the unit's share of all evidence. */
  readonly confidence: number;
  /** Which kinds of evidence spoke for it. */
  readonly sources: readonly EvidenceSource[];
}

export type EvidenceSource = "rules" | "catalogue" | "history" | "prior";

/** How much each kind of evidence weighs (history grows with its size, see historyWeight). */
export const EVIDENCE_WEIGHTS = { rules: 1, catalogue: 0.7, history: 1.2, prior: 1 };

const WORD = /[\p{L}\p{N}-]+/gu;

/** How many of a rule's keywords the text has (a keyword matches the start of a word; phrases match as phrases). */
export function keywordHits(
  rule: RuleCandidate,
  q: { categoryId: string | null; channel: string; text: string },
): number {
  if (rule.category_id && rule.category_id !== q.categoryId) return 0;
  if (rule.channel && rule.channel !== q.channel) return 0;
  if (rule.keywords.length === 0) return rule.category_id || rule.channel ? 1 : 0;
  const lower = q.text.toLowerCase();
  const words = lower.match(WORD) ?? [];
  let hits = 0;
  for (const k of rule.keywords) {
    const key = k.toLowerCase().trim();
    if (!key) continue;
    if (key.includes(" ")) {
      if (new RegExp(`(?<![\\p{L}])${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "u").test(lower)) hits++;
    } else if (words.some((w) => w.startsWith(key))) hits++;
  }
  return hits;
}

function shares(entries: Iterable<[string, number]>): Map<string, number> {
  const m = new Map<string, number>();
  let total = 0;
  for (const [k, v] of entries) {
    if (v <= 0) continue;
    m.set(k, (m.get(k) ?? 0) + v);
    total += v;
  }
  if (total > 0) for (const [k, v] of m) m.set(k, v / total);
  return m;
}

/** History earns trust as it grows: no say with none, as much as the rules at 300 routed cases. */
export function historyWeight(size: number): number {
  return Math.min(1, size / 300);
}

export function suggestUnit(
  q: { categoryId: string | null; channel: string; text: string },
  evidence: UnitEvidence,
): UnitSuggestion | null {
  const ruleScores: [string, number][] = evidence.rules.map((r) => [r.unit_id, keywordHits(r, q)]);
  const rules = shares(ruleScores);
  const catalogue = shares(evidence.catalogue.map((c) => [c.unitId, c.score]));
  const history = shares(evidence.history.map((h) => [h.unitId, h.confidence]));
  const prior = shares((evidence.prior ?? []).map((h) => [h.unitId, h.confidence]));
  const weights = {
    ...EVIDENCE_WEIGHTS,
    history: historyWeight(evidence.historySize) * EVIDENCE_WEIGHTS.history,
  };
  const combined = new Map<string, number>();
  const sources = new Map<string, Set<EvidenceSource>>();
  const add = (source: EvidenceSource, m: Map<string, number>) => {
    for (const [unit, share] of m) {
      combined.set(unit, (combined.get(unit) ?? 0) + weights[source] * share);
      if (share >= 0.2) sources.set(unit, (sources.get(unit) ?? new Set()).add(source));
    }
  };
  add("rules", rules);
  add("catalogue", catalogue);
  if (weights.history > 0) add("history", history);
  add("prior", prior);
  let best: string | undefined;
  let bestScore = 0;
  let total = 0;
  for (const [unit, s] of combined) {
    total += s;
    if (s > bestScore) [best, bestScore] = [unit, s];
  }
  if (!best || total === 0) return null;
  // The share of evidence, damped when little spoke at all (one weak catalogue hit is not certainty).
  const present =
    (rules.size > 0 ? weights.rules : 0) +
    (catalogue.size > 0 ? weights.catalogue : 0) +
    (history.size > 0 ? weights.history : 0) +
    (prior.size > 0 ? weights.prior : 0);
  const confidence = (bestScore / total) * Math.min(1, present / 1.2);
  return { unitId: best, confidence: Math.round(confidence * 100) / 100, sources: [...(sources.get(best) ?? [])] };
}

/** When the rules and the unit model already agree this surely, the catalogue is not asked. */
export const DECISIVE_WITHOUT_CATALOGUE = 0.8;

/**
 * The suggestion, asking the help catalogue (a few queries per message) only when the rest of
 * the evidence is not already decisive: rules and the unit model agreeing at 0.8 or more.
 */
export async function suggestUnitAsking(
  q: { categoryId: string | null; channel: string; text: string },
  evidence: Omit<UnitEvidence, "catalogue">,
  catalogue: () => Promise<UnitEvidence["catalogue"]>,
): Promise<UnitSuggestion | null> {
  const first = suggestUnit(q, { ...evidence, catalogue: [] });
  if (
    first &&
    first.confidence >= DECISIVE_WITHOUT_CATALOGUE &&
    first.sources.includes("rules") &&
    first.sources.includes("prior")
  )
    return first;
  return suggestUnit(q, { ...evidence, catalogue: await catalogue() });
}

export interface ArrivalUnits {
  /** The child-welfare intake: every report of concern. */
  readonly intake: string | null;
  /** The communicators: journalists' inquiries. */
  readonly communication: string | null;
  /** The registry (the department as a whole): requests for public documents, and what no unit claims. */
  readonly registry: string | null;
}

/**
 * The unit a message of a given kind goes to: fixed for reports of concern, journalists and
 * requests for documents; the suggestion for the rest, or the registry when nothing speaks
 * for any unit. `minor` messages belong to no unit.
 */
export function arrivalUnit(
  kind: string,
  concern: boolean,
  suggestion: UnitSuggestion | null,
  units: ArrivalUnits,
): { unitId: string | null; confidence: number } {
  if (concern) return { unitId: units.intake, confidence: 1 };
  if (kind === "media") return { unitId: units.communication, confidence: 1 };
  if (kind === "document_request") return { unitId: units.registry, confidence: 1 };
  if (kind === "minor") return { unitId: null, confidence: 1 };
  if (suggestion && suggestion.confidence >= 0.25) return suggestion;
  return { unitId: units.registry, confidence: suggestion ? 1 - suggestion.confidence : 0.5 };
}
