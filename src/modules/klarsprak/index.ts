/**
 * The klarspråk module's door for other modules: check a text the same way everywhere.
 * Replies, press releases and service pages use checkText() and the KlarsprakEditor view.
 */
import { analyze, type AnalysisResult, type InputFormat } from "@klarsvar/klarsprak";
import { ORGANISATION_JARGON } from "./jargon-words.js";

export { ORGANISATION_JARGON };

export function checkText(text: string, format: InputFormat = "text"): AnalysisResult {
  return analyze(text, { format, jargon: ORGANISATION_JARGON });
}

export { presentAnalysis, BAND_EXPLANATION, type AnalysisJson } from "../../views/klarsprak-analysis.js";
