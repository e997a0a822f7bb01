/** Analysis result → the JSON the API and the editor script use. Never the raw result. */
import type { AnalysisResult, LixBand } from "@klarsvar/klarsprak";
import { messageText } from "../platform/i18n/i18n.js";

const BANDS: readonly LixBand[] = ["very-easy", "easy", "medium", "hard", "very-hard"];

/** What each LIX band means for a reader, from the platform's catalogue. */
export const BAND_EXPLANATION = Object.fromEntries(
  BANDS.map((band) => [
    band,
    { sv: messageText("sv", `lix.explain.${band}`), en: messageText("en", `lix.explain.${band}`) },
  ]),
) as Record<LixBand, { sv: string; en: string }>;

export interface AnalysisJson {
  readonly lix: {
    value: number | null;
    band: LixBand | null;
    label: string | null;
    explanation: string | null;
    words: number;
    sentences: number;
    longWords: number;
  };
  readonly ovix: { whole: number | null; windowed: number | null; windowSize: number };
  readonly wordsPerSentence: number | null;
  readonly longWordShare: number | null;
  readonly nominalisationsPer100Words: number | null;
  readonly passivesPerSentence: number | null;
  readonly counts: { error: number; warning: number; suggestion: number };
  readonly findings: {
    ruleId: string;
    severity: string;
    message: string;
    text: string;
    suggestion: string | null;
    category: string | null;
    start: number;
    end: number;
    line: number;
    column: number;
  }[];
}

const round = (n: number | null, digits = 1) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);

export function presentAnalysis(r: AnalysisResult, lang: "sv" | "en" = "sv"): AnalysisJson {
  const s = r.scores;
  return {
    lix: {
      value: round(s.lix.value),
      band: s.lix.band,
      label: s.lix.bandLabel,
      explanation: s.lix.band ? BAND_EXPLANATION[s.lix.band][lang] : null,
      words: s.lix.words,
      sentences: s.lix.sentences,
      longWords: s.lix.longWords,
    },
    ovix: { whole: round(s.ovix.whole), windowed: round(s.ovix.windowed.mean), windowSize: s.ovix.windowed.windowSize },
    wordsPerSentence: round(s.wordsPerSentence),
    longWordShare: round(s.longWordShare, 3),
    nominalisationsPer100Words: round(s.nominalisationsPer100Words),
    passivesPerSentence: round(s.passivesPerSentence, 2),
    counts: { ...r.counts },
    findings: r.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      text: f.text,
      suggestion: f.suggestion ?? null,
      category: f.category ?? null,
      start: f.span.start,
      end: f.span.end,
      line: f.span.line,
      column: f.span.column,
    })),
  };
}
