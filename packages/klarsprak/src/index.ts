/**
 * @klarsvar/klarsprak — Swedish plain-language analysis.
 *
 * @example
 * import { analyze } from "@klarsvar/klarsprak";
 * const result = analyze("Ansökan ska inkomma senast den 1 mars.");
 * console.log(result.scores.lix.value, result.findings);
 */
export {
  analyze,
  detectFormat,
  excerptOf,
  isNominalisation,
  isSPassive,
  lixBand,
  ovix,
  plainFormOf,
  DEFAULT_SEVERITY,
} from "./analyze.js";
export { classifyIdentityNumber, findPersonalData, luhnValid, type PersonalDataHit } from "./personal-data.js";
export { compileOfficialese, OFFICIALESE_SOURCE, parseOfficialese } from "./lexicon/officialese.js";
export { RULE_IDS } from "./types.js";
export type {
  AnalysisResult,
  Finding,
  InputFormat,
  KlarsprakConfig,
  LixBand,
  LixScore,
  OvixScore,
  RuleId,
  RuleSettings,
  Scores,
  Severity,
  Span,
} from "./types.js";
export { VERSION } from "./version.js";
