/** Public types of the klarspråk engine. Every result is deeply frozen. */

export type InputFormat = "text" | "markdown" | "html";
export type Severity = "error" | "warning" | "suggestion";

export type RuleId =
  | "long-sentence"
  | "many-passives"
  | "s-passive"
  | "nominalisation"
  | "officialese"
  | "acronym-unexplained"
  | "abbreviation"
  | "personal-data"
  | "jargon"
  | "no-headings"
  | "impersonal-address";

export const RULE_IDS: readonly RuleId[] = [
  "long-sentence",
  "many-passives",
  "s-passive",
  "nominalisation",
  "officialese",
  "acronym-unexplained",
  "abbreviation",
  "personal-data",
  "jargon",
  "no-headings",
  "impersonal-address",
];

/** A place in the original input. Offsets are UTF-16 code units; line and column start at 1. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface Finding {
  readonly ruleId: RuleId;
  readonly severity: Severity;
  /** Plain Swedish, written for the person who wrote the text. */
  readonly message: string;
  /** The original text the finding covers. */
  readonly text: string;
  readonly span: Span;
  /** A better word or wording, where there is one. */
  readonly suggestion?: string;
  /** Officialese: the kind of word ("verb", "fras" …). */
  readonly category?: string;
}

export type LixBand = "very-easy" | "easy" | "medium" | "hard" | "very-hard";

export interface LixScore {
  /** null when the text has no words. */
  readonly value: number | null;
  readonly band: LixBand | null;
  /** The band in plain Swedish, e.g. "Lätt". */
  readonly bandLabel: string | null;
  readonly words: number;
  readonly sentences: number;
  readonly longWords: number;
}

export interface OvixScore {
  /** OVIX over the whole text. Depends on length: compare texts of similar length. */
  readonly whole: number | null;
  /** Mean OVIX over consecutive windows of windowSize words (null if the text is shorter). */
  readonly windowed: { readonly windowSize: number; readonly windows: number; readonly mean: number | null };
  readonly tokens: number;
  readonly types: number;
}

export interface Scores {
  readonly lix: LixScore;
  readonly ovix: OvixScore;
  readonly wordsPerSentence: number | null;
  /** Share of words with more than 6 letters, 0–1. */
  readonly longWordShare: number | null;
  readonly nominalisationsPer100Words: number | null;
  readonly passivesPerSentence: number | null;
}

export interface AnalysisResult {
  readonly engine: { readonly name: "klarsprak"; readonly version: string };
  readonly format: InputFormat;
  readonly characters: number;
  readonly scores: Scores;
  readonly findings: readonly Finding[];
  readonly counts: Readonly<Record<Severity, number>>;
}

export interface RuleSettings {
  readonly enabled?: boolean;
  readonly severity?: Severity;
}

/** Options for analyze(); everything is optional. See README "Configuration". */
export interface KlarsprakConfig {
  readonly format?: InputFormat;
  /** Only compute scores (fastest): no findings. */
  readonly scoresOnly?: boolean;
  /** Compute LIX only (even faster): no OVIX, no findings. */
  readonly lixOnly?: boolean;
  /**
   * Keep at most this many findings: the first ones by position. `counts` still counts every
   * finding, so fewer findings than counts means some were left out. Bounds the memory a
   * very large text with many findings needs. Default: no limit.
   */
  readonly maxFindings?: number;
  readonly rules?: Partial<Record<RuleId, RuleSettings | boolean>>;
  readonly thresholds?: {
    /** Words: above this a sentence is long (suggestion). Default 25. */
    readonly longSentence?: number;
    /** Words: above this a sentence is very long (warning). Default 35. */
    readonly veryLongSentence?: number;
    /** Passives in one sentence that are "many". Default 2. */
    readonly passivesPerSentence?: number;
    /** Words without a heading before the no-headings rule speaks. Default 300. */
    readonly wordsWithoutHeading?: number;
    /** OVIX window size in words. Default 500. */
    readonly ovixWindow?: number;
  };
  /** Extra officialese entries: word or phrase → plainer wording. */
  readonly officialese?: Readonly<Record<string, string>>;
  /** Organisation jargon: term → the plain explanation to offer. */
  readonly jargon?: Readonly<Record<string, string>>;
  /** Acronyms readers know (EU, ID …) or that the organisation has explained elsewhere. */
  readonly knownAcronyms?: readonly string[];
  /** Words not to flag as nominalisations or passives. */
  readonly ignoreWords?: readonly string[];
  /** Personal data that may be published: exact strings (a switchboard number) or "@domain". */
  readonly allowPersonalData?: readonly string[];
}
