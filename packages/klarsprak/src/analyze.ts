/**
 * The engine: one pass over the extracted text finds words and sentences and runs every
 * word-level rule; a few regular-expression passes find abbreviations and personal data.
 * Nothing is kept per word beyond the current sentence and one record per word form (what the
 * rules need to know about it, worked out once), so memory grows only with the findings, and
 * `maxFindings` bounds those.
 */
import { compileOfficialese, type CompiledOfficialese } from "./lexicon/officialese.js";
import {
  ABBREVIATIONS,
  ACRONYMS,
  COMMON_ACRONYMS,
  CONTEXT_PASSIVE,
  DEPONENTS,
  DETERMINERS,
  MODALS,
  NOMINALISATION_EXCEPTIONS,
  NON_FINAL_ABBREVIATIONS,
  RECIPROCAL,
  S_WORDS,
  STRONG_PASSIVES,
} from "./lexicon/words.js";
import { extractHtml } from "./parse/html.js";
import { extractMarkdown } from "./parse/markdown.js";
import { extractText } from "./parse/text.js";
import type { ExtractedText } from "./parse/document.js";
import { findPersonalData } from "./personal-data.js";
import type {
  AnalysisResult,
  Finding,
  InputFormat,
  KlarsprakConfig,
  LixBand,
  RuleId,
  Scores,
  Severity,
  Span,
} from "./types.js";
import { RULE_IDS } from "./types.js";
import { VERSION } from "./version.js";

export const DEFAULT_SEVERITY: Readonly<Record<RuleId, Severity>> = {
  "long-sentence": "suggestion",
  "many-passives": "warning",
  "s-passive": "suggestion",
  nominalisation: "suggestion",
  officialese: "warning",
  "acronym-unexplained": "warning",
  abbreviation: "suggestion",
  "personal-data": "error",
  jargon: "warning",
  "no-headings": "warning",
  "impersonal-address": "suggestion",
};

const BANDS: readonly { max: number; band: LixBand; label: string }[] = [
  { max: 30, band: "very-easy", label: "Mycket lätt" },
  { max: 40, band: "easy", label: "Lätt" },
  { max: 50, band: "medium", label: "Medelsvår" },
  { max: 60.0000001, band: "hard", label: "Svår" },
  { max: Infinity, band: "very-hard", label: "Mycket svår" },
];

/** LIX band: < 30 very easy, 30–40 easy, 40–50 medium, 50–60 hard, > 60 very hard. */
export function lixBand(value: number): { band: LixBand; label: string } {
  const b = BANDS.find((x) => value < x.max) ?? (BANDS[BANDS.length - 1] as (typeof BANDS)[number]);
  return { band: b.band, label: b.label };
}

/** OVIX = log(N) / log(2 − log(U) / log(N)); undefined when every word is different. */
export function ovix(tokens: number, types: number): number | null {
  if (tokens < 2 || types < 1 || types >= tokens) return null;
  const v = Math.log(tokens) / Math.log(2 - Math.log(types) / Math.log(tokens));
  return Number.isFinite(v) ? v : null;
}

// ---------------------------------------------------------------- characters

const OTHER_WORD = /[\p{L}\p{N}\p{M}]/u;
function isWordCode(c: number): boolean {
  if (c < 48) return false;
  if (c <= 57) return true;
  if (c < 65) return false;
  if (c <= 90) return true;
  if (c < 97) return false;
  if (c <= 122) return true;
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba;
  if (c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return OTHER_WORD.test(String.fromCharCode(c));
}
function isUpper(c: number): boolean {
  return (
    (c >= 65 && c <= 90) ||
    (c >= 0xc0 && c <= 0xde && c !== 0xd7) ||
    (c > 0x24f && String.fromCharCode(c) !== String.fromCharCode(c).toLowerCase())
  );
}
function isLower(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 0xdf && c <= 0xff && c !== 0xf7) ||
    (c > 0x24f && String.fromCharCode(c) !== String.fromCharCode(c).toUpperCase())
  );
}

// ---------------------------------------------------------------- configuration

interface Resolved {
  readonly enabled: ReadonlySet<RuleId>;
  readonly severity: Readonly<Record<RuleId, Severity>>;
  readonly longSentence: number;
  readonly veryLongSentence: number;
  readonly passivesPerSentence: number;
  readonly wordsWithoutHeading: number;
  readonly ovixWindow: number;
  readonly officialese: CompiledOfficialese;
  readonly jargon: ReadonlyMap<string, { term: string; explanation: string }>;
  readonly knownAcronyms: ReadonlySet<string>;
  readonly ignoreWords: ReadonlySet<string>;
  readonly allowPersonalData: readonly string[];
}

let defaultOfficialese: CompiledOfficialese | undefined;
const NOUN_ENDINGS = [
  "",
  "en",
  "et",
  "er",
  "erna",
  "ar",
  "arna",
  "or",
  "orna",
  "n",
  "na",
  "s",
  "ens",
  "ets",
  "ernas",
  "arnas",
  "ers",
  "ars",
];

function resolve(config: KlarsprakConfig): Resolved {
  const enabled = new Set<RuleId>();
  const severity = { ...DEFAULT_SEVERITY };
  for (const id of RULE_IDS) {
    const setting = config.rules?.[id];
    if (setting === false || (typeof setting === "object" && setting.enabled === false)) continue;
    enabled.add(id);
    if (typeof setting === "object" && setting.severity) severity[id] = setting.severity;
  }
  const extra = config.officialese ?? {};
  const officialese =
    Object.keys(extra).length === 0 ? (defaultOfficialese ??= compileOfficialese()) : compileOfficialese(extra);
  const jargon = new Map<string, { term: string; explanation: string }>();
  for (const [term, explanation] of Object.entries(config.jargon ?? {})) {
    const lower = term.toLowerCase();
    for (const ending of NOUN_ENDINGS) jargon.set(lower + ending, { term, explanation });
    // "brukare" → "brukarna", "brukarens": the final -e gives way to the ending.
    if (lower.endsWith("e"))
      for (const ending of NOUN_ENDINGS) if (ending) jargon.set(lower.slice(0, -1) + ending, { term, explanation });
  }
  const t = config.thresholds ?? {};
  return {
    enabled,
    severity,
    longSentence: t.longSentence ?? 25,
    veryLongSentence: t.veryLongSentence ?? 35,
    passivesPerSentence: t.passivesPerSentence ?? 2,
    wordsWithoutHeading: t.wordsWithoutHeading ?? 300,
    ovixWindow: t.ovixWindow ?? 500,
    officialese,
    jargon,
    knownAcronyms: new Set([...COMMON_ACRONYMS, ...(config.knownAcronyms ?? [])]),
    ignoreWords: new Set((config.ignoreWords ?? []).map((w) => w.toLowerCase())),
    allowPersonalData: config.allowPersonalData ?? [],
  };
}

// ---------------------------------------------------------------- word rules

const PASSIVE_ENDING_STRONG = /(?:ades|ats|ddes|ttes|its)$/;
const PASSIVE_ENDING_DES = /(?:[^aeiouyåäö]des|[^aeiouyåäö]tes)$/;
const PASSIVE_ENDING_AS = /as$/;
const NOT_PASSIVE_ENDING = /(?:ens|ans|ets|ins|ons|uns|yns|arnas|ernas|ornas|rnas|nas|ss|us|is|ös|ys|os|es)$/;
const GENITIVE_ENDING = /(?:ens|ans|ets|ins|ons|arnas|ernas|ornas|rnas)$/;

/** s-passive: "skickas", "fattades", "ska göras". prev/prev2: the words before, lower case. */
export function isSPassive(lower: string, prev: string, prev2: string, capitalisedMidSentence: boolean): boolean {
  if (capitalisedMidSentence || lower.length < 3 || lower.charCodeAt(lower.length - 1) !== 115 /* s */) return false;
  if (lower.includes("-")) return false;
  if (DEPONENTS.has(lower) || S_WORDS.has(lower)) return false;
  if (DETERMINERS.has(prev)) return false;
  if (CONTEXT_PASSIVE.has(lower)) return prev !== "det" && prev !== "som";
  if (RECIPROCAL.has(lower) && (prev === "vi" || prev === "ni" || prev === "de")) return false;
  if (STRONG_PASSIVES.has(lower)) return true;
  // Compounds of strong forms: "utsätts" (sätts), "handläggs" (läggs), "diarieförs" (förs).
  for (let k = Math.min(lower.length - 2, 9); k >= 4; k--) if (STRONG_PASSIVES.has(lower.slice(-k))) return true;
  const modal = MODALS.has(prev) || (prev === "att" && MODALS.has(prev2)) || (prev === "inte" && MODALS.has(prev2));
  if (lower.length >= 6 && PASSIVE_ENDING_STRONG.test(lower) && !GENITIVE_ENDING.test(lower)) {
    // "-ats" after a perfect auxiliary, or long enough to be a verb ("resultats" is rare in prose).
    return true;
  }
  if (lower.length >= 6 && PASSIVE_ENDING_DES.test(lower) && !GENITIVE_ENDING.test(lower)) return true;
  if (lower.length >= 5 && PASSIVE_ENDING_AS.test(lower) && !/(?:arnas|ernas|ornas|rnas|anas)$/.test(lower))
    return true;
  if (modal && lower.length >= 4 && !NOT_PASSIVE_ENDING.test(lower)) return true;
  if (modal && lower.length >= 5 && /[^aeiouyåäö]es$/.test(lower)) return true;
  return false;
}

/**
 * The parts of isSPassive() that depend on the word alone, worked out once per word form.
 * null: never passive whatever the context (no final -s, a hyphen, a deponent …).
 */
interface PassiveParts {
  /** "fattas": passive unless after "det"/"som". */
  readonly context: boolean;
  /** "ses", "hörs": not passive after "vi", "ni", "de". */
  readonly reciprocal: boolean;
  /** Passive in every other context (strong forms, compounds of them, the passive endings). */
  readonly sure: boolean;
  /** Passive after a modal ("ska göras"). */
  readonly afterModal: boolean;
}

function passiveParts(lower: string): PassiveParts | null {
  if (lower.length < 3 || lower.charCodeAt(lower.length - 1) !== 115 /* s */) return null;
  if (lower.includes("-")) return null;
  if (DEPONENTS.has(lower) || S_WORDS.has(lower)) return null;
  let sure = STRONG_PASSIVES.has(lower);
  for (let k = Math.min(lower.length - 2, 9); !sure && k >= 4; k--)
    if (STRONG_PASSIVES.has(lower.slice(-k))) sure = true;
  if (!sure && lower.length >= 6 && PASSIVE_ENDING_STRONG.test(lower) && !GENITIVE_ENDING.test(lower)) sure = true;
  if (!sure && lower.length >= 6 && PASSIVE_ENDING_DES.test(lower) && !GENITIVE_ENDING.test(lower)) sure = true;
  if (!sure && lower.length >= 5 && PASSIVE_ENDING_AS.test(lower) && !/(?:arnas|ernas|ornas|rnas|anas)$/.test(lower))
    sure = true;
  return {
    context: CONTEXT_PASSIVE.has(lower),
    reciprocal: RECIPROCAL.has(lower),
    sure,
    afterModal:
      (lower.length >= 4 && !NOT_PASSIVE_ENDING.test(lower)) || (lower.length >= 5 && /[^aeiouyåäö]es$/.test(lower)),
  };
}

// Suffixes grouped by their last letter, so most words are rejected by one character test.
const NOMINAL_SUFFIXES: Readonly<Record<string, readonly string[]>> = (() => {
  const bases = ["ning", "ring", "dling", "kling", "else", "het", "tion", "sion"];
  const endings: Record<string, string[]> = {
    ning: ["", "en", "ar", "arna", "ens", "arnas"],
    ring: ["", "en", "ar", "arna", "ens", "arnas"],
    dling: ["", "en", "ar", "arna", "ens", "arnas"],
    kling: ["", "en", "ar", "arna", "ens", "arnas"],
    else: ["", "n", "r", "rna", "ns"],
    het: ["", "en", "er", "erna", "ens"],
    tion: ["", "en", "er", "erna", "ens"],
    sion: ["", "en", "er", "erna"],
  };
  const byLast: Record<string, string[]> = {};
  for (const base of bases)
    for (const e of endings[base] ?? []) {
      const suffix = base + e;
      (byLast[suffix[suffix.length - 1] as string] ??= []).push(suffix);
    }
  return byLast;
})();

function hasNominalSuffix(lower: string): boolean {
  const list = NOMINAL_SUFFIXES[lower[lower.length - 1] as string];
  if (!list) return false;
  for (const suffix of list) if (lower.endsWith(suffix)) return true;
  return false;
}

/** Nouns made from verbs or adjectives: "utredning", "förståelse", "möjlighet", "information". */
export function isNominalisation(lower: string, capitalisedMidSentence: boolean): boolean {
  if (capitalisedMidSentence || lower.length < 6 || !hasNominalSuffix(lower) || NOMINALISATION_EXCEPTIONS.has(lower))
    return false;
  if (/het(?:en|er|erna|ens)?$/.test(lower)) return true;
  return lower.length >= 7;
}

/** A verb or adjective to suggest for a nominalisation, when one can be derived. */
export function plainFormOf(lower: string): string | undefined {
  const base = lower.replace(/(?:en|ar|arna|ens|arnas|er|erna)$/, (m) =>
    /(?:ing|else|het|tion|sion)$/.test(lower.slice(0, -m.length)) ? "" : m,
  );
  if (base.endsWith("ning")) return `${base.slice(0, -4)}a`;
  if (base.endsWith("ing")) return `${base.slice(0, -3)}a`;
  if (base.endsWith("else")) return `${base.slice(0, -4)}a`;
  if (base.endsWith("het")) return base.slice(0, -3);
  if (base.endsWith("ation")) return `${base.slice(0, -5)}era`;
  return undefined;
}

const IMPERSONAL_TRIGGERS = new Set(["sökande", "enskilde", "enskilda", "sökanden", "klienten", "brukaren", "man"]);

const ACRONYM_SHAPE = /^[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{1,6}$/;
function looksLikeAcronym(word: string): boolean {
  if (!ACRONYM_SHAPE.test(word)) return false;
  let upper = 0;
  for (let i = 0; i < word.length; i++) if (isUpper(word.charCodeAt(i))) upper++;
  return upper >= 2 && upper >= word.length - 2;
}

// ---------------------------------------------------------------- the analysis

class Locator {
  private lineStarts: number[] | undefined;
  constructor(
    private readonly source: string,
    private readonly extracted: ExtractedText,
  ) {}

  private lines(): number[] {
    if (!this.lineStarts) {
      const starts = [0];
      for (let i = this.source.indexOf("\n"); i >= 0; i = this.source.indexOf("\n", i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }

  private cursor = 0;
  // lineCol() answers here, so no array is made for each finding.
  private line = 0;
  private column = 0;

  private lineCol(offset: number): void {
    const starts = this.lines();
    // Findings mostly come in text order: step forward from the last line before searching.
    let c = this.cursor;
    if ((starts[c] as number) <= offset) {
      for (let k = 0; k < 8 && c + 1 < starts.length && (starts[c + 1] as number) <= offset; k++) c++;
      if (c + 1 >= starts.length || (starts[c + 1] as number) > offset) {
        this.cursor = c;
        this.line = c + 1;
        this.column = offset - (starts[c] as number) + 1;
        return;
      }
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.cursor = lo;
    this.line = lo + 1;
    this.column = offset - (starts[lo] as number) + 1;
  }

  /** A frozen span in the original input for extracted offsets. */
  span(extStart: number, extEnd: number): Span {
    const map = this.extracted.map;
    const start = map ? map.start(extStart) : extStart;
    const end = map ? Math.max(start, map.end(extEnd)) : extEnd;
    this.lineCol(start);
    const line = this.line;
    const column = this.column;
    this.lineCol(end);
    return Object.freeze({ start, end, line, column, endLine: this.line, endColumn: this.column });
  }

  /** The original offset of an extracted offset. */
  start(extStart: number): number {
    const map = this.extracted.map;
    return map ? map.start(extStart) : extStart;
  }

  original(span: Span): string {
    return this.source.slice(span.start, span.end);
  }
}

/** A short piece of the original text around a span, for reports. */
export function excerptOf(source: string, span: Span, context = 30): string {
  const from = Math.max(0, span.start - context);
  const to = Math.min(source.length, span.end + context);
  const text = source.slice(from, to).replace(/\s+/g, " ").trim();
  return `${from > 0 ? "…" : ""}${text}${to < source.length ? "…" : ""}`;
}

function extract(source: string, format: InputFormat): ExtractedText {
  if (format === "markdown") return extractMarkdown(source);
  if (format === "html") return extractHtml(source);
  return extractText(source);
}

/** Guesses the format: HTML when it starts with a tag, Markdown when it has Markdown structure. */
export function detectFormat(source: string): InputFormat {
  const head = source.slice(0, 2000);
  if (/^\s*(?:<!doctype html|<html|<(?:p|div|h[1-6]|body|section|article|ul|ol|table)\b)/i.test(head)) return "html";
  if (/^(?:#{1,6}\s|\s*[-*+]\s|\s*\d+\.\s|```|>\s)/m.test(head) || /\[[^\]]+\]\([^)]+\)/.test(head)) return "markdown";
  return "text";
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Word forms whose WordInfo an analysis keeps (about 200 bytes each). */
const MAX_FORMS = 100_000;

/** What the word rules know about one word form (see analyze()). */
interface WordInfo {
  readonly word: string;
  /** Lower case when the first letter is a capital; otherwise the word as written. */
  readonly lower: string;
  /** Wholly lower case, for phrases. */
  readonly folded: string;
  /** OVIX: the window the case-folded type was last seen in, shared by its forms. */
  readonly type: { window: number } | null;
  /** A capital first letter, and not an acronym. */
  readonly capitalised: boolean;
  readonly ignored: boolean;
  /** Some word rule may speak about this form; most words need nothing but to be the previous word. */
  readonly ruled: boolean;
  readonly passive: PassiveParts | null;
  /** A nominalisation when not capitalised mid-sentence. */
  readonly nominal: boolean;
  readonly determiner: boolean;
  readonly modal: boolean;
  readonly phrases: PhraseIndex | undefined;
  readonly officialese: ReturnType<CompiledOfficialese["words"]["get"]>;
  readonly jargon: { term: string; explanation: string } | undefined;
  /** The acronym to explain at its first use, if the word is one. */
  readonly acronymHead: string | null;
  readonly abbreviations: readonly string[] | undefined;
  readonly impersonal: boolean;
  passiveMessage: string | undefined;
  nominalMessage: string | undefined;
  officialeseMessage: string | undefined;
  /** plainFormOf(lower), null when there is none; undefined until asked. */
  plain: string | null | undefined;
  /** The next form with the same hash. */
  next: WordInfo | undefined;
}

type Phrase = NonNullable<ReturnType<CompiledOfficialese["phrases"]["get"]>>[number];

/**
 * The phrases that start with one word, by the word after it: "i" starts 18 phrases, and
 * only those whose second word is the next word (or optional) can match. Order is kept.
 */
interface PhraseIndex {
  readonly byNext: ReadonlyMap<string, readonly Phrase[]>;
  /** Phrases whose second word is optional: the candidates for any other next word. */
  readonly anyNext: readonly Phrase[];
}

const phraseIndexes = new WeakMap<readonly Phrase[], PhraseIndex>();
function phraseIndex(phrases: readonly Phrase[] | undefined): PhraseIndex | undefined {
  if (!phrases) return undefined;
  let index = phraseIndexes.get(phrases);
  if (index) return index;
  const anyNext = phrases.filter((p) => p.rest[0]?.includes("") ?? true);
  const byNext = new Map<string, Phrase[]>();
  for (const p of phrases)
    for (const w of p.rest[0] ?? [])
      if (w !== "" && !byNext.has(w))
        byNext.set(
          w,
          phrases.filter((q) => q.rest[0]?.includes(w) || (q.rest[0]?.includes("") ?? true)),
        );
  index = { byNext, anyNext };
  phraseIndexes.set(phrases, index);
  return index;
}

/** Findings by position: start, then end; equal ones in the order they were found. */
function byPosition(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end;
}

/** Sorts findings[from…] in place by position, stably (insertion sort: a sentence's few findings). */
function sortRange(findings: Finding[], from: number): void {
  for (let k = from + 1; k < findings.length; k++) {
    const f = findings[k] as Finding;
    let j = k - 1;
    while (j >= from && byPosition(findings[j] as Finding, f) > 0) {
      findings[j + 1] = findings[j] as Finding;
      j--;
    }
    findings[j + 1] = f;
  }
}

/**
 * The findings in position order, as a stable sort would give them. The first `sorted` are
 * normally in order already (each sentence's findings were sorted and sentences follow one
 * another); the rest (personal data, no-headings) are sorted and merged in, earlier findings
 * first among equals. Anything unexpected falls back to sorting the whole list.
 */
function inPositionOrder(findings: Finding[], sorted: number): Finding[] {
  for (let k = 1; k < sorted; k++)
    if (byPosition(findings[k - 1] as Finding, findings[k] as Finding) > 0) return findings.sort(byPosition);
  if (sorted >= findings.length) return findings;
  const tail = findings.slice(sorted).sort(byPosition);
  const out: Finding[] = new Array<Finding>(findings.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < out.length; k++) {
    if (j < tail.length && (i >= sorted || byPosition(tail[j] as Finding, findings[i] as Finding) < 0))
      out[k] = tail[j++] as Finding;
    else out[k] = findings[i++] as Finding;
  }
  return out;
}

/** isSPassive() for a word form's cached parts and the words before it. */
function isPassiveIn(p: PassiveParts, prev: WordInfo, prev2: WordInfo): boolean {
  if (prev.determiner) return false;
  if (p.context) return prev.lower !== "det" && prev.lower !== "som";
  if (p.reciprocal && (prev.lower === "vi" || prev.lower === "ni" || prev.lower === "de")) return false;
  if (p.sure) return true;
  const modal = prev.modal || ((prev.lower === "att" || prev.lower === "inte") && prev2.modal);
  return modal && p.afterModal;
}

/**
 * The words of the current sentence: offsets and hashes in typed arrays that are reused from
 * sentence to sentence (emptying a JS array gives its storage away, so every sentence would
 * allocate it again).
 */
class Sentence {
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  /** A hash of each word's code units, to find its WordInfo without slicing it. */
  hashes = new Int32Array(256);
  count = 0;

  push(start: number, end: number, hash: number): void {
    if (this.count === this.starts.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      this.hashes = grow(this.hashes);
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.hashes[this.count] = hash;
    this.count++;
  }
}

/**
 * Analyses a text. Returns a deeply frozen result with scores and findings; every finding
 * points at offsets, line and column in the original input.
 *
 * @example
 * const r = analyze("Ansökan skickas till nämnden. Beslut fattas inom tre veckor.");
 * r.scores.lix.value;          // 37.83…
 * r.findings.map(f => f.text); // ["skickas", "fattas"]
 */
/** Built messages by (rule or kind, the count or phrase in them): each message string made once. */
function messageMemo<K, V>(): (key: K, value: V, build: () => string) => string {
  const byKey = new Map<K, Map<V, string>>();
  return (key, value, build) => {
    let perKey = byKey.get(key);
    if (!perKey) byKey.set(key, (perKey = new Map()));
    let m = perKey.get(value);
    if (m === undefined) perKey.set(value, (m = build()));
    return m;
  };
}

export function analyze(source: string, config: KlarsprakConfig = {}): AnalysisResult {
  const format = config.format ?? detectFormat(source);
  const extracted = extract(source, format);
  const text = extracted.text;
  const lixOnly = config.lixOnly === true;
  const scoresOnly = lixOnly || config.scoresOnly === true;
  const r = resolve(config);
  const on = (id: RuleId) => !scoresOnly && r.enabled.has(id);
  const checkPassive = on("s-passive");
  const checkNominal = on("nominalisation");
  const checkOfficialese = on("officialese");
  const checkJargon = on("jargon") && r.jargon.size > 0;
  const checkAcronyms = on("acronym-unexplained");
  const checkAddress = on("impersonal-address");
  const checkAbbreviations = on("abbreviation");
  const locator = new Locator(source, extracted);
  const identity = extracted.map === null; // extracted text and original are the same string
  const findings: Finding[] = [];
  const ignores = extracted.ignores;
  const cap = config.maxFindings ?? Infinity;
  if (!(cap === Infinity || (Number.isInteger(cap) && cap >= 0)))
    throw new RangeError("maxFindings must be a whole number, 0 or more");
  // False once the sentences have given `cap` findings: later ones are counted, not kept.
  let keep = true;
  let errors = 0;
  let warnings = 0;
  let suggestions = 0;
  /**
   * Adds a finding, unless an ignore comment covers it. `original` is the finding's text when
   * the caller already has it as a string (a word it sliced); it is used only when extracted
   * and original text are the same.
   */
  const add = (
    ruleId: RuleId,
    extStart: number,
    extEnd: number,
    message: string,
    original?: string,
    suggestion?: string,
    category?: string,
    severity: Severity = r.severity[ruleId],
  ) => {
    if (ignores.length > 0) {
      const start = locator.start(extStart);
      if (ignores.some((g) => start >= g.start && start < g.end && (g.rules === null || g.rules.has(ruleId)))) return;
    }
    if (severity === "error") errors++;
    else if (severity === "warning") warnings++;
    else suggestions++;
    if (!keep) return;
    const span = locator.span(extStart, extEnd);
    const text = identity && original !== undefined ? original : locator.original(span);
    // Literals of fixed shape: the same hidden class for every finding of a kind.
    const f: Finding = suggestion
      ? category
        ? { ruleId, severity, message, text, span, suggestion, category }
        : { ruleId, severity, message, text, span, suggestion }
      : category
        ? { ruleId, severity, message, text, span, category }
        : { ruleId, severity, message, text, span };
    findings.push(Object.freeze(f));
  };
  // Messages that depend on a count or a phrase: one string each, not one per finding.
  const countMessage = messageMemo<string, number>();
  const textMessage = messageMemo<unknown, string>();

  let words = 0;
  let sentences = 0;
  let longWords = 0;
  let nominalisations = 0;
  let passives = 0;
  // OVIX: one cell per case-folded type, holding the window it was last seen in.
  // Forms past MAX_FORMS keep no record, and their new types hold the window number itself.
  const types = lixOnly ? null : new Map<string, { window: number } | number>();
  let windowTypeCount = 0;
  let windowTokens = 0;
  let windowSum = 0;
  let windows = 0;
  let validWindows = 0;
  const seenAcronyms = new Set<string>();
  let hasHeading = false;

  // Everything the word rules need to know about a word form, worked out the first time the
  // form is seen: prose repeats its words, so most words cost one map lookup.
  const infos = new Map<number, WordInfo>(); // by hash; forms with the same hash are chained
  const makeInfo = (word: string, lower: string, type: { window: number } | null): WordInfo => {
    const c0 = word.charCodeAt(0);
    let acronymHead: string | null = null;
    if (
      word.length > 1 &&
      isUpper(c0) &&
      (isUpper(word.charCodeAt(1)) || (word.length > 2 && isUpper(word.charCodeAt(2))))
    ) {
      const head = word.split(/[-‐‑]/)[0] ?? word;
      if (looksLikeAcronym(head) && !r.knownAcronyms.has(head)) acronymHead = head;
    }
    const passive = passiveParts(lower);
    const nominal = isNominalisation(lower, false);
    const phrases = phraseIndex(r.officialese.phrases.get(lower));
    const officialese = r.officialese.words.get(lower);
    const jargon = r.jargon.get(lower);
    const abbreviations = ABBREVIATION_BY_FIRST.get(lower);
    const impersonal = IMPERSONAL_TRIGGERS.has(lower);
    return {
      word,
      lower,
      folded: word.toLowerCase(),
      type,
      capitalised: isUpper(c0) && !looksLikeAcronym(word),
      ignored: r.ignoreWords.has(lower),
      ruled:
        passive !== null ||
        nominal ||
        phrases !== undefined ||
        officialese !== undefined ||
        jargon !== undefined ||
        acronymHead !== null ||
        abbreviations !== undefined ||
        impersonal,
      passive,
      nominal,
      determiner: DETERMINERS.has(lower),
      modal: MODALS.has(lower),
      phrases,
      officialese,
      jargon,
      acronymHead,
      abbreviations,
      impersonal,
      passiveMessage: undefined,
      nominalMessage: undefined,
      officialeseMessage: undefined,
      plain: undefined,
      next: undefined,
    };
  };
  /** The word at [s, e) of the text, whose hash the tokenizer computed: no string is made for a known form. */
  let forms = 0;
  const infoAt = (s: number, e: number, hash: number): WordInfo => {
    const first = infos.get(hash);
    const length = e - s;
    for (let x = first; x !== undefined; x = x.next)
      if (x.word.length === length && text.startsWith(x.word, s)) return x;
    const word = text.slice(s, e);
    // Most words start with a small letter and need no lower-casing.
    const lower = isLower(word.charCodeAt(0)) ? word : word.toLowerCase();
    // A text of endless different forms (numbers, codes) would otherwise fill memory with
    // records: past MAX_FORMS a new form's record is made each time and not kept. Frequent
    // words come early, so they are among those kept.
    const kept = forms < MAX_FORMS;
    let type: { window: number } | null = null;
    if (types && kept) {
      const known = types.get(lower);
      if (typeof known === "object") type = known;
      else types.set(lower, (type = { window: known ?? -1 }));
    }
    const info = makeInfo(word, lower, type);
    if (kept) {
      forms++;
      info.next = first;
      infos.set(hash, info);
    }
    return info;
  };
  const EMPTY = makeInfo("", "", null); // the word before the first: "" as before

  const sentence = new Sentence();
  const sentenceInfos: WordInfo[] = [];

  const endSentence = () => {
    const n = sentence.count;
    if (n === 0) return;
    sentences++;
    if (!scoresOnly || !lixOnly) processSentence(n);
    sentence.count = 0;
  };

  const processSentence = (n: number) => {
    const { starts, ends, hashes } = sentence;
    const ws = sentenceInfos;
    for (let i = 0; i < n; i++) {
      const info = infoAt(starts[i] as number, ends[i] as number, hashes[i] as number);
      ws[i] = info;
      const type = info.type;
      if (types) {
        if (type) {
          if (type.window !== windows) {
            windowTypeCount++;
            type.window = windows;
          }
        } else {
          const seen = types.get(info.lower);
          if (typeof seen === "object") {
            if (seen.window !== windows) {
              windowTypeCount++;
              seen.window = windows;
            }
          } else if (seen !== windows) {
            windowTypeCount++;
            types.set(info.lower, windows);
          }
        }
        windowTokens++;
        if (windowTokens === r.ovixWindow) {
          const v = ovix(windowTokens, windowTypeCount);
          if (v !== null) {
            windowSum += v;
            validWindows++;
          }
          windows++;
          windowTokens = 0;
          windowTypeCount = 0;
        }
      }
    }
    let sentencePassives = 0;
    const firstFinding = findings.length;
    let prev = EMPTY;
    let prev2 = EMPTY;
    for (let i = 0; i < n; i++) {
      const s = starts[i] as number;
      const e = ends[i] as number;
      const info = ws[i] as WordInfo;
      if (!info.ruled) {
        prev2 = prev;
        prev = info;
        continue;
      }
      const word = info.word;
      const lower = info.lower;
      const capitalisedMid = i > 0 && info.capitalised;

      if (!info.ignored && !capitalisedMid && info.passive !== null && isPassiveIn(info.passive, prev, prev2)) {
        sentencePassives++;
        if (checkPassive) {
          info.passiveMessage ??= (() => {
            const hint = activeHint(lower);
            return `”${word}” är passiv form. Skriv gärna vem som gör något${hint ? `, till exempel ”vi ${hint}”` : ""}.`;
          })();
          add("s-passive", s, e, info.passiveMessage, word);
        }
      } else if (!info.ignored && !capitalisedMid && info.nominal) {
        nominalisations++;
        if (checkNominal) {
          if (info.plain === undefined) info.plain = plainFormOf(lower) ?? null;
          const plain = info.plain;
          info.nominalMessage ??= `”${word}” är ett substantiv som bygger på ett verb eller adjektiv. Ofta blir texten lättare med ${plain ? `”${plain}”` : "ett verb"}.`;
          add("nominalisation", s, e, info.nominalMessage, word, plain ?? undefined);
        }
      }

      if (checkOfficialese) {
        let matched = 0;
        if (info.phrases) {
          const candidates =
            (i + 1 < n ? info.phrases.byNext.get((ws[i + 1] as WordInfo).folded) : undefined) ?? info.phrases.anyNext;
          for (const p of candidates) {
            const m = matchPhrase(ws, i + 1, n, p.rest);
            if (m > 0) {
              const last = ends[i + m] as number;
              const written = text.slice(s, last);
              add(
                "officialese",
                s,
                last,
                textMessage(p, written, () => `”${written}” är krångligt. Skriv hellre ”${p.entry.suggestion}”.`),
                written,
                p.entry.suggestion,
                p.entry.category,
              );
              matched = m;
              break;
            }
          }
        }
        if (matched === 0) {
          const entry = info.officialese;
          if (entry) {
            info.officialeseMessage ??= `”${word}” är ett krångligt ord. Skriv hellre ”${entry.suggestion}”.`;
            add("officialese", s, e, info.officialeseMessage, word, entry.suggestion, entry.category);
          }
        }
      }

      if (checkJargon) {
        const j = info.jargon;
        if (j)
          add(
            "jargon",
            s,
            e,
            textMessage(
              j,
              word,
              () =>
                `”${word}” är ett ord vi använder internt. Förklara det för läsaren eller skriv ”${j.explanation}”.`,
            ),
            word,
            j.explanation,
          );
      }

      const head = info.acronymHead;
      if (checkAcronyms && head !== null && !seenAcronyms.has(head)) {
        seenAcronyms.add(head);
        const before = text.charCodeAt(s - 1);
        const afterText = text.slice(s + head.length, s + head.length + 3);
        const explained =
          (before === 40 /* ( */ && text.charCodeAt(s + head.length) === 41) /* ) */ || /^\s?\(/.test(afterText);
        if (!explained) {
          const long = ACRONYMS[head];
          add(
            "acronym-unexplained",
            s,
            s + head.length,
            `Förklara förkortningen ”${head}” första gången du använder den${long ? `, till exempel ”${long} (${head})”` : ""}.`,
            undefined,
            long ? `${long} (${head})` : undefined,
          );
        }
      }

      if (checkAbbreviations && info.abbreviations) {
        for (const form of info.abbreviations) {
          const after = s + form.length;
          if (
            text.slice(s, after).toLowerCase() === form &&
            !(after < text.length && isWordCode(text.charCodeAt(after)))
          ) {
            const full = ABBREVIATION_FULL.get(form) as string;
            const written = text.slice(s, after);
            add(
              "abbreviation",
              s,
              after,
              textMessage(
                form,
                written,
                () => `Skriv ut ”${written}” som ”${full}”. Förkortningar gör texten svårare att läsa.`,
              ),
              written,
              full,
            );
            break;
          }
        }
      }

      if (checkAddress && info.impersonal) {
        const next = i + 1 < n ? (ws[i + 1] as WordInfo).folded : "";
        if ((lower === "sökande" || lower === "enskilde" || lower === "enskilda") && prev.lower === "den") {
          add(
            "impersonal-address",
            starts[i - 1] as number,
            e,
            textMessage("den", lower, () => `Skriv ”du” i stället för ”den ${lower}” när du skriver till läsaren.`),
            undefined,
            "du",
          );
        } else if (lower === "sökanden" || lower === "klienten" || lower === "brukaren") {
          add(
            "impersonal-address",
            s,
            e,
            textMessage("address", word, () => `Skriv ”du” i stället för ”${word}” när du skriver till läsaren.`),
            word,
            "du",
          );
        } else if (
          lower === "man" &&
          !prev.determiner &&
          prev.lower !== "som" &&
          next !== "" &&
          (MODALS.has(next) || next.endsWith("r")) &&
          !next.endsWith("s")
        ) {
          add(
            "impersonal-address",
            s,
            e,
            "Skriv hellre ”du” eller ”vi” än ”man”, så att läsaren vet vem det gäller.",
            word,
            "du",
          );
        }
      }
      prev2 = prev;
      prev = info;
    }
    passives += sentencePassives;
    const first = starts[0] as number;
    const last = ends[n - 1] as number;
    if (on("many-passives") && sentencePassives >= r.passivesPerSentence) {
      add(
        "many-passives",
        first,
        last,
        countMessage(
          "many-passives",
          sentencePassives,
          () => `Meningen har ${sentencePassives} passiva verb. Skriv gärna vem som gör vad.`,
        ),
      );
    }
    if (on("long-sentence") && n > r.longSentence) {
      const veryLong = n > r.veryLongSentence;
      add(
        "long-sentence",
        first,
        last,
        countMessage(
          "long-sentence",
          n,
          () => `Meningen har ${n} ord. Dela gärna upp den i kortare meningar (högst ${r.longSentence} ord).`,
        ),
        undefined,
        undefined,
        undefined,
        veryLong
          ? r.severity["long-sentence"] === "suggestion"
            ? "warning"
            : r.severity["long-sentence"]
          : r.severity["long-sentence"],
      );
    }
    // The sentence's own findings come after its words' findings but start at its first word.
    sortRange(findings, firstFinding);
    if (findings.length >= cap) {
      // Every later sentence's findings come after these.
      findings.length = cap;
      keep = false;
    }
  };

  // --- one pass: words and sentence boundaries, block by block
  for (const block of extracted.blocks) {
    if (block.kind === "heading") hasHeading = true;
    let i = block.start;
    const end = block.end;
    let prevEnd = -1;
    let prevNumeric = false;
    // A dotted chain such as "t.ex" while it continues: its words are joined by single dots,
    // so it is the text from chainStart to the end of the last word (sliced only when asked).
    let chainStart = -1;
    let chainOpen = false;
    while (i < end) {
      // skip to the next word, remembering the gap
      const gapStart = i;
      while (i < end && !isWordCode(text.charCodeAt(i))) i++;
      if (prevEnd >= 0) {
        // Decide whether the gap between the previous word and this one ends a sentence.
        let term = 0;
        let spaceAfter = false;
        for (let k = gapStart; k < i; k++) {
          const c = text.charCodeAt(k);
          if (term === 0 && (c === 46 || c === 33 || c === 63 || c === 58 || c === 0x2026)) term = c;
          else if (term !== 0 && (c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0)) spaceAfter = true;
        }
        if (i >= end) spaceAfter = true;
        let boundary = false;
        if (term !== 0 && spaceAfter) {
          const nextStartsLower = i < end && isLower(text.charCodeAt(i));
          if (term === 46) {
            const key = text.slice(chainStart, prevEnd).toLowerCase();
            const abbreviation = ABBREVIATION_END.get(key);
            if (abbreviation !== undefined) boundary = abbreviation && i < end && isUpper(text.charCodeAt(i));
            else if (NON_FINAL_ABBREVIATIONS.has(key)) boundary = false;
            else if (prevNumeric && (sentence.count === 1 || nextStartsLower)) boundary = false;
            else boundary = !nextStartsLower;
          } else if (term === 0x2026) {
            boundary = !nextStartsLower;
          } else {
            boundary = true;
          }
        }
        chainOpen = i - gapStart === 1 && text.charCodeAt(gapStart) === 46 && i < end;
        if (boundary) endSentence();
      }
      if (i >= end) break;
      // the word itself: letters and digits, hyphens inside compounds
      const s = i;
      let letters = 0;
      let digits = 0;
      let hash = 0;
      while (i < end) {
        const c = text.charCodeAt(i);
        if (isWordCode(c)) {
          letters++;
          if (c >= 48 && c <= 57) digits++;
          hash = (Math.imul(hash, 31) + c) | 0;
          i++;
        } else if (
          (c === 0x2d || c === 0x2010 || c === 0x2011) &&
          i + 1 < end &&
          isWordCode(text.charCodeAt(i + 1)) &&
          i > s
        ) {
          hash = (Math.imul(hash, 31) + c) | 0;
          i++;
        } else break;
      }
      words++;
      if (letters > 6) longWords++;
      sentence.push(s, i, hash);
      if (!chainOpen) chainStart = s;
      prevNumeric = digits === letters;
      prevEnd = i;
    }
    endSentence();
  }

  // --- passes over the whole text
  const sentenceFindings = findings.length; // in position order up to here, sentence by sentence
  keep = true; // personal data and no-headings may come before: merged in and cut below
  if (on("personal-data")) {
    for (const hit of findPersonalData(text, r.allowPersonalData)) {
      const message = textMessage("personal-data", hit.kind, () => {
        const what =
          hit.kind === "e-postadress"
            ? "en e-postadress"
            : hit.kind === "telefonnummer"
              ? "ett telefonnummer"
              : `ett ${hit.kind}`;
        return `Texten innehåller ${what}. Ta bort personuppgifter innan texten publiceras.`;
      });
      add("personal-data", hit.start, hit.end, message, hit.text);
    }
  }
  if (on("no-headings") && !hasHeading && words > r.wordsWithoutHeading) {
    const first = extracted.blocks[0];
    if (first)
      add(
        "no-headings",
        first.start,
        Math.min(first.end, first.start + 40),
        `Texten har ${words} ord men inga rubriker. Rubriker hjälper läsaren att hitta det som gäller hen.`,
      );
  }

  // --- ordering (ignore comments were applied as findings were added)
  const visible = inPositionOrder(findings, sentenceFindings);
  if (visible.length > cap) visible.length = cap;

  const lix = words > 0 && sentences > 0 ? words / sentences + (100 * longWords) / words : null;
  const band = lix === null ? null : lixBand(lix);
  const scores: Scores = {
    lix: { value: lix, band: band?.band ?? null, bandLabel: band?.label ?? null, words, sentences, longWords },
    ovix: {
      whole: types ? ovix(words, types.size) : null,
      windowed: { windowSize: r.ovixWindow, windows, mean: validWindows > 0 ? windowSum / validWindows : null },
      tokens: words,
      types: types?.size ?? 0,
    },
    wordsPerSentence: sentences > 0 ? words / sentences : null,
    longWordShare: words > 0 ? longWords / words : null,
    nominalisationsPer100Words: lixOnly || words === 0 ? null : (100 * nominalisations) / words,
    passivesPerSentence: lixOnly || sentences === 0 ? null : passives / sentences,
  };
  const counts: Record<Severity, number> = { error: errors, warning: warnings, suggestion: suggestions };
  Object.freeze(visible); // each finding and span is frozen when it is made
  return deepFreeze({
    engine: { name: "klarsprak" as const, version: VERSION },
    format,
    characters: source.length,
    scores,
    findings: visible,
    counts,
  });
}

/** The active form of a regular (-ar) verb: "skickas" → "skickar". Irregular verbs get no example. */
function activeHint(lower: string): string | undefined {
  if (lower.endsWith("ades")) return `${lower.slice(0, -4)}ade`;
  if (lower.endsWith("ats")) return `har ${lower.slice(0, -3)}at`;
  if (lower.endsWith("as")) return `${lower.slice(0, -2)}ar`;
  return undefined;
}

/** Matches the rest of a phrase from token index i; returns how many tokens matched (0 = none). */
function matchPhrase(ws: readonly WordInfo[], i: number, n: number, rest: readonly (readonly string[])[]): number {
  let j = i;
  for (const alternatives of rest) {
    const word = j < n ? (ws[j] as WordInfo).folded : null;
    if (word !== null && alternatives.includes(word)) {
      j++;
    } else if (!alternatives.includes("")) {
      return 0;
    }
  }
  return j - i;
}

const ABBREVIATION_END = new Map<string, boolean>();
const ABBREVIATION_FULL = new Map<string, string>();
for (const a of ABBREVIATIONS) {
  for (const form of a.forms) {
    ABBREVIATION_FULL.set(form, a.full);
    if (form.endsWith(".") && !form.includes(" ")) ABBREVIATION_END.set(form.slice(0, -1), a.endsSentence);
  }
}
/** Abbreviation forms by their first word ("t" → "t.ex.", "t. ex.", "t ex"), longest first. */
const ABBREVIATION_BY_FIRST = new Map<string, string[]>();
for (const form of [...ABBREVIATION_FULL.keys()].sort((a, b) => b.length - a.length)) {
  if (form === "främst") continue;
  const first = /^[\p{L}\p{N}]+/u.exec(form)?.[0] ?? form;
  const list = ABBREVIATION_BY_FIRST.get(first) ?? [];
  list.push(form);
  ABBREVIATION_BY_FIRST.set(first, list);
}
