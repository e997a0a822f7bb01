/**
 * The klarspråk module's door for other modules: check a text the same way everywhere.
 * Replies, press releases and service pages use checkText() and the KlarsprakEditor view.
 */
import { analyze, type AnalysisResult, type InputFormat } from "@klarsvar/klarsprak";

/** The department's own words, explained (configuration for the jargon rule). */
export const ORGANISATION_JARGON: Readonly<Record<string, string>> = {
  insats: "stöd eller hjälp",
  brukare: "du som får stöd",
  handläggare: "socialsekreterare, den som arbetar med ditt ärende",
  biståndsbedömning: "när vi tar ställning till vilket stöd du kan få",
  verkställighet: "när stödet börjar",
};

export function checkText(text: string, format: InputFormat = "text"): AnalysisResult {
  return analyze(text, { format, jargon: ORGANISATION_JARGON });
}

export { presentAnalysis, BAND_EXPLANATION, type AnalysisJson } from "../../views/klarsprak-analysis.js";
