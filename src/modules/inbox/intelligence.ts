/**
 * What the inbox knows about a message when it arrives: its kind and whether it is a report of
 * concern, from hand-written rules (kind.ts, concern.ts) and models learned from the labelled
 * set (test-data/inbox-set), together.
 *
 * Why both: on sets written after the rules were tuned, the rules alone reached kind 0.68–0.73
 * and report-of-concern recall 0.63–0.82 — people write in ways no rule-writer foresees. The
 * learned models carry the wording; the rules carry what must never be missed and what the
 * text cannot show (a journalist's address). A report of concern is one when the model is
 * fairly sure (p ≥ 0.2), or when a rule says so and the model does not rule it out (p ≥ 0.05):
 * recall first, and the rules' known false alarms (questions about reports, past violence,
 * parenting support) are what the model learnt to tell apart.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { rootDir } from "../../platform/paths.js";
import { TextModel } from "../../platform/text-model.js";
import { assessConcern, LEARNED_CONCERN, type ConcernAssessment } from "./concern.js";
import { detectKind, isNewsDomain, type ArrivalKind, type KindContext } from "./kind.js";

export const LABELLED_SET_DIR = join(rootDir, "src", "modules", "inbox", "test-data", "inbox-set");
/** The labelled files, in the order they were written. */
export const LABELLED_FILES = ["tuning", "holdout", "holdout2", "holdout3", "holdout4"] as const;
export type LabelledFile = (typeof LABELLED_FILES)[number];
/**
 * Files kept out of training until they have been measured once (README in the set says why).
 * Empty when every file has been measured; the next held-out set goes here when it is written.
 */
export const SEALED: readonly LabelledFile[] = ["holdout4"];

export interface LabelledRow {
  readonly kind: string;
  /** The answering unit's name, or "-". */
  readonly unit: string;
  readonly channel: string;
  readonly sender: string | null;
  readonly text: string;
}

export function loadLabelled(name: LabelledFile): LabelledRow[] {
  let raw: string;
  try {
    raw = readFileSync(join(LABELLED_SET_DIR, `${name}.tsv`), "utf8");
  } catch {
    return [];
  }
  return raw
    .split("\n")
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => {
      const [kind = "", unit = "", channel = "", sender = "", text = ""] = l.split("\t");
      return { kind, unit, channel, sender: sender === "-" ? null : sender, text: text.replaceAll("⏎", "\n") };
    });
}

/** Kinds whose unit is not fixed by the kind itself: the unit model learns only from these. */
const OPEN_KINDS = new Set(["question", "own_matter", "complaint", "praise"]);

export interface ArrivalModels {
  /** Report of concern or not. */
  readonly concern: TextModel<"yes" | "no">;
  /** The kind of a message that is not a report of concern. */
  readonly kind: TextModel<string>;
  /** The answering unit, by the demo's unit names (prior knowledge for a new install). */
  readonly unit: TextModel<string>;
  /** How many labelled messages they learnt from. */
  readonly size: number;
}

export function trainArrivalModels(rows: readonly LabelledRow[]): ArrivalModels {
  return {
    concern: TextModel.train(rows.map((r) => ({ text: r.text, label: r.kind === "concern_report" ? "yes" : "no" }))),
    kind: TextModel.train(
      rows.filter((r) => r.kind !== "concern_report").map((r) => ({ text: r.text, label: r.kind })),
    ),
    unit: TextModel.train(rows.filter((r) => OPEN_KINDS.has(r.kind)).map((r) => ({ text: r.text, label: r.unit }))),
    size: rows.length,
  };
}

let shared: ArrivalModels | null | undefined;

/**
 * The models learnt from every labelled file that is not sealed; trained once per process
 * (about a second) on first use. Null when the labelled set is missing: the rules then decide alone.
 */
export function arrivalModels(): ArrivalModels | null {
  if (shared === undefined) {
    const rows = LABELLED_FILES.filter((f) => !SEALED.includes(f)).flatMap((f) => loadLabelled(f));
    shared = rows.length > 0 ? trainArrivalModels(rows) : null;
  }
  return shared;
}

/** Report of concern: the model fairly sure, or a rule that the model does not rule out. */
export const CONCERN_MODEL_SURE = 0.2;
export const CONCERN_RULE_PLAUSIBLE = 0.05;

export interface ArrivalAssessment {
  readonly kind: ArrivalKind;
  readonly kindConfidence: number;
  readonly kindReasons: readonly string[];
  readonly concern: ConcernAssessment;
}

export function assessArrival(
  text: string,
  context: KindContext,
  models: ArrivalModels | null = arrivalModels(),
): ArrivalAssessment {
  const rules = detectKind(text, context);
  const journalist = context.knownJournalist === true || isNewsDomain(context.sender);
  let kind: ArrivalKind = rules.kind;
  let kindConfidence = rules.confidence;
  let kindReasons = rules.reasons;
  if (models && !context.channelKind) {
    const ranked = [...models.kind.predict(text)].sort((a, b) => b[1] - a[1]);
    // Media from the words alone only when the model is sure: a resident's question about a
    // decision reads much like a journalist's about decisions (the address decides otherwise).
    const top = ranked[0]?.[0] === "media" && (ranked[0]?.[1] ?? 0) < 0.5 && !journalist ? ranked[1] : ranked[0];
    const [best, p] = top ?? ["question", 0];
    kind = best as ArrivalKind;
    kindConfidence = Math.round(p * 100) / 100;
    kindReasons = best === rules.kind ? [...rules.reasons, "learned"] : ["learned"];
    // A journalist's address decides what the words cannot: their questions are media inquiries,
    // unless they ask for documents (then the same-day clock runs).
    if (journalist && kind !== "document_request") {
      kind = "media";
      kindConfidence = 1;
      kindReasons = [context.knownJournalist ? "knownJournalist" : "newsDomain"];
    }
  }
  const concern = assessConcernLearned(text, { journalist: kind === "media" }, models);
  return { kind, kindConfidence, kindReasons, concern };
}

/** Rules and model together on whether a text is a report of concern (the arrival and every later message). */
export function assessConcernLearned(
  text: string,
  options: { journalist?: boolean } = {},
  models: ArrivalModels | null = arrivalModels(),
): ConcernAssessment {
  const ruled = assessConcern(text, options);
  if (!models) return ruled;
  const p = models.concern.predict(text).get("yes") ?? 0;
  const yes = p >= CONCERN_MODEL_SURE || (ruled.concern && p >= CONCERN_RULE_PLAUSIBLE);
  return {
    concern: yes,
    reasons: yes ? [...ruled.reasons, ...(p >= CONCERN_MODEL_SURE ? [LEARNED_CONCERN] : [])] : [],
  };
}

/** The unit model's view as unit ids (names the department does not have are dropped). */
export function unitPrior(
  text: string,
  unitIdByName: ReadonlyMap<string, string>,
  models: ArrivalModels | null = arrivalModels(),
): { unitId: string; confidence: number }[] {
  if (!models) return [];
  return [...models.unit.predict(text)]
    .flatMap(([name, p]) => {
      const unitId = unitIdByName.get(name);
      return unitId ? [{ unitId, confidence: p }] : [];
    })
    .sort((a, b) => b.confidence - a.confidence);
}
