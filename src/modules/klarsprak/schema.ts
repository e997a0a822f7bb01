/** The klarspråk module's edge: the JSON API and the Klarspråkskollen form. */
import { z } from "zod";
import { Csrf } from "../../platform/http/typed.js";

export const MAX_CHARS = 200_000;
export const Format = z.enum(["text", "markdown", "html"]);

export const Severity = z.enum(["error", "warning", "suggestion"]);

const findingJson = z.object({
  ruleId: z.string(),
  severity: Severity,
  message: z.string(),
  text: z.string(),
  suggestion: z.string().nullable(),
  category: z.string().nullable(),
  start: z.number().int(),
  end: z.number().int(),
  line: z.number().int(),
  column: z.number().int(),
});

export const AnalysisResponse = z.object({
  lix: z.object({
    value: z.number().nullable(),
    band: z.enum(["very-easy", "easy", "medium", "hard", "very-hard"]).nullable(),
    label: z.string().nullable(),
    explanation: z.string().nullable(),
    words: z.number().int(),
    sentences: z.number().int(),
    longWords: z.number().int(),
  }),
  ovix: z.object({ whole: z.number().nullable(), windowed: z.number().nullable(), windowSize: z.number().int() }),
  wordsPerSentence: z.number().nullable(),
  longWordShare: z.number().nullable(),
  nominalisationsPer100Words: z.number().nullable(),
  passivesPerSentence: z.number().nullable(),
  counts: z.object({ error: z.number().int(), warning: z.number().int(), suggestion: z.number().int() }),
  findings: z.array(findingJson),
});

export const ErrorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), requestId: z.string() }),
});

/** POST /api/v1/klarsprak/analyze */
export const AnalyzeBody = z.object({
  text: z.string().max(MAX_CHARS).describe("The text: plain, Markdown or HTML"),
  format: Format.default("text"),
  lang: z.enum(["sv", "en"]).default("sv").describe("Language of the band explanation"),
});

/** POST /klarsprakskollen: lenient, so an empty or too long text gets the form again with its error. */
export const CheckBody = z.object({
  ...Csrf,
  text: z.string().default(""),
  format: z.string().default("text"),
});
