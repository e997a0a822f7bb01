/**
 * What the inbox knows about a message when it arrives: its kind and whether it is a report of
 * concern, from hand-written rules (kind.ts, concern.ts) and models learned from the labelled
 * set (test-data/inbox-set), together.
 *
 * Why both: on sets written after the rules were tuned, the rules alone reached kind 0.68–0.73
 * and report-of-concern recall 0.63–0.82 — people write in ways no rule-writer foresees. The
 * learned models carry the wording; the rules carry what must never be missed and what the
 * text cannot show (a journalist's address). A report of concern is one when a rule says so or
 * the model is fairly sure (p ≥ 0.2): recall first — the model adds reports, never removes one.
 * A kind that moves a message (a request for documents, a media inquiry) needs the rules to
 * agree or the model to be sure (p ≥ 0.7).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { rootDir } from "../../platform/paths.js";
import { TextModel } from "../../platform/text-model.js";
import { assessConcern, LEARNED_CONCERN, type ConcernAssessment } from "./concern.js";
import { detectKind, isNewsDomain, type ArrivalKind, type KindContext } from "./kind.js";

export const LABELLED_SET_DIR = join(rootDir, "src", "modules", "inbox", "test-data", "inbox-set");
/** The labelled files, in the order they were written. */
export const LABELLED_FILES = ["tuning", "holdout", "holdout2", "holdout3", "holdout4", "holdout5"] as const;
export type LabelledFile = (typeof LABELLED_FILES)[number];
/**
 * Files kept out of training until they have been measured once (README in the set says why).
 * Empty when every file has been measured; the next held-out set goes here when it is written.
 */
export const SEALED: readonly LabelledFile[] = [];

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

/** Bump when the features, the training or the label sets change: old cached models are then ignored. */
const MODEL_VERSION = "arrival-1";

function cachePath(rows: readonly LabelledRow[]): string {
  const digest = createHash("sha256").update(MODEL_VERSION).update(JSON.stringify(rows)).digest("hex").slice(0, 24);
  return join(process.env["KLARSVAR_MODEL_CACHE"] ?? join(tmpdir(), "klarsvar-models"), `${digest}.bin`);
}

const PARTS = ["concern", "kind", "unit"] as const;

/** The three models from the cache file, when it was written from the same rows by this code. */
function readCached(path: string, size: number): ArrivalModels | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return undefined;
  }
  const parts: TextModel<string>[] = [];
  let at = 0;
  for (let i = 0; i < PARTS.length; i++) {
    if (at + 4 > bytes.length) return undefined;
    const length = bytes.readUInt32LE(at);
    const model = TextModel.deserialize<string>(bytes.subarray(at + 4, at + 4 + length));
    if (!model) return undefined;
    parts.push(model);
    at += 4 + length;
  }
  const [concern, kind, unit] = parts as [TextModel<string>, TextModel<string>, TextModel<string>];
  return { concern: concern as TextModel<"yes" | "no">, kind, unit, size };
}

function writeCached(path: string, models: ArrivalModels): void {
  try {
    const chunks = PARTS.flatMap((part) => {
      const bytes = models[part].serialize();
      const length = Buffer.alloc(4);
      length.writeUInt32LE(bytes.length);
      return [length, bytes];
    });
    mkdirSync(dirname(path), { recursive: true });
    // Written aside and renamed: a reader never sees half a file.
    const aside = `${path}.${process.pid}.tmp`;
    writeFileSync(aside, Buffer.concat(chunks));
    renameSync(aside, path);
  } catch {
    // A cache that cannot be written costs only the next start's training.
  }
}

/**
 * The models learnt from every labelled file that is not sealed. Training takes a few seconds,
 * so the trained models are kept on disk, keyed by the labelled rows and this code's version,
 * and the app loads them at start (the inbox module), never in the middle of an arrival. Null
 * when the labelled set is missing: the rules then decide alone, and the start says so.
 */
export function arrivalModels(): ArrivalModels | null {
  if (shared === undefined) {
    const rows = LABELLED_FILES.filter((f) => !SEALED.includes(f)).flatMap((f) => loadLabelled(f));
    if (rows.length === 0) {
      shared = null;
      return shared;
    }
    const path = cachePath(rows);
    shared = readCached(path, rows.length) ?? trainArrivalModels(rows);
    if (!existsSync(path)) writeCached(path, shared);
  }
  return shared;
}

/** Report of concern: a rule says so, or the model is fairly sure. */
export const CONCERN_MODEL_SURE = 0.2;

/** Kinds that send a message somewhere special; the model alone must be this sure of them. */
const MOVING_KINDS: ReadonlySet<string> = new Set(["document_request", "media"]);
export const MOVING_KIND_SURE = 0.7;

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
    const [best, p] = ranked[0] ?? ["question", 0];
    // Kinds that move a message somewhere (the request register and its clock, the communicators)
    // need the rules to agree, or a model that is very sure: a resident's "I want to end my life"
    // must never become a register entry on a guess. Otherwise the rules' kind stands.
    const trusted = !MOVING_KINDS.has(best) || best === rules.kind || p >= MOVING_KIND_SURE;
    if (trusted) {
      kind = best as ArrivalKind;
      kindConfidence = Math.round(p * 100) / 100;
      kindReasons = best === rules.kind ? [...rules.reasons, "learned"] : ["learned"];
    } else if (MOVING_KINDS.has(rules.kind)) {
      kind = "question";
      kindConfidence = 0.5;
      kindReasons = [];
    }
  }
  // A journalist's address decides what the words cannot: their questions are media inquiries,
  // unless they ask for documents (then the same-day clock runs).
  if (journalist && kind !== "document_request" && !context.channelKind) {
    kind = "media";
    kindConfidence = 1;
    kindReasons = [context.knownJournalist ? "knownJournalist" : "newsDomain"];
  }
  // The journalist reading of the concern rules (a report only in so many words or abuse named
  // outright) for a journalist by address, or when the rules and the model both read a media
  // inquiry ("Vi skriver om …, vill ha en kommentar") — never on the model's word alone.
  const concern = assessConcernLearned(
    text,
    { journalist: journalist || (kind === "media" && rules.kind === "media") },
    models,
  );
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
  // The model may add reports of concern, never remove one the rules found.
  const yes = ruled.concern || p >= CONCERN_MODEL_SURE;
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
