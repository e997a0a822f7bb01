/** Analysis result → the JSON the API and the editor script use. Never the raw result. */
import type { AnalysisResult, LixBand } from "@klarsvar/klarsprak";

export const BAND_EXPLANATION: Record<LixBand, { sv: string; en: string }> = {
  "very-easy": { sv: "Mycket lätt att läsa, som en barnbok.", en: "Very easy to read, like a children's book." },
  easy: {
    sv: "Lätt att läsa, som en enkel tidningstext eller en roman.",
    en: "Easy to read, like a simple news story or a novel.",
  },
  medium: {
    sv: "Medelsvår, som en vanlig tidningsartikel. Många läsare klarar den.",
    en: "Medium, like an ordinary newspaper article. Many readers manage it.",
  },
  hard: {
    sv: "Svår, som en facktext eller ett krångligt myndighetsbrev. Många läsare får svårt att förstå.",
    en: "Hard, like a specialist text or a complicated official letter. Many readers will struggle.",
  },
  "very-hard": {
    sv: "Mycket svår, som en lagtext. Skriv kortare meningar och enklare ord.",
    en: "Very hard, like a law text. Write shorter sentences and simpler words.",
  },
};

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
