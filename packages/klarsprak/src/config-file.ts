/**
 * Reading a configuration file (JSON or YAML) for the CLI and for CI pipelines.
 *
 * @example
 * import { loadConfigFile } from "@klarsvar/klarsprak/config";
 * const config = await loadConfigFile(".klarsprak.yaml");
 */
import { readFile } from "node:fs/promises";
import { parse as parseYaml } from "yaml";
import { RULE_IDS, type KlarsprakConfig } from "./types.js";

export class ConfigFileError extends Error {
  override name = "ConfigFileError";
}

const TOP_KEYS = new Set([
  "format",
  "rules",
  "thresholds",
  "officialese",
  "jargon",
  "knownAcronyms",
  "ignoreWords",
  "allowPersonalData",
  "scoresOnly",
  "lixOnly",
  "maxFindings",
]);
const THRESHOLD_KEYS = new Set([
  "longSentence",
  "veryLongSentence",
  "passivesPerSentence",
  "wordsWithoutHeading",
  "ovixWindow",
]);
const SEVERITIES = new Set(["error", "warning", "suggestion"]);

/** Checks a configuration object and says exactly what is wrong. */
export function validateConfig(value: unknown, where = "configuration"): KlarsprakConfig {
  if (value === null || value === undefined) return {};
  if (typeof value !== "object" || Array.isArray(value)) throw new ConfigFileError(`${where}: must be an object`);
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj))
    if (!TOP_KEYS.has(key)) throw new ConfigFileError(`${where}: unknown setting "${key}"`);
  if (obj["format"] !== undefined && !["text", "markdown", "html"].includes(String(obj["format"]))) {
    throw new ConfigFileError(`${where}: format must be text, markdown or html`);
  }
  const rules = obj["rules"];
  if (rules !== undefined) {
    if (typeof rules !== "object" || rules === null) throw new ConfigFileError(`${where}: rules must be an object`);
    for (const [id, setting] of Object.entries(rules)) {
      if (!(RULE_IDS as readonly string[]).includes(id))
        throw new ConfigFileError(`${where}: unknown rule "${id}". Rules: ${RULE_IDS.join(", ")}`);
      if (typeof setting === "boolean") continue;
      if (typeof setting !== "object" || setting === null)
        throw new ConfigFileError(`${where}: rules.${id} must be true, false or an object`);
      const s = setting as Record<string, unknown>;
      if (s["severity"] !== undefined && !SEVERITIES.has(String(s["severity"]))) {
        throw new ConfigFileError(`${where}: rules.${id}.severity must be error, warning or suggestion`);
      }
    }
  }
  const thresholds = obj["thresholds"];
  if (thresholds !== undefined) {
    for (const [k, v] of Object.entries(thresholds as Record<string, unknown>)) {
      if (!THRESHOLD_KEYS.has(k)) throw new ConfigFileError(`${where}: unknown threshold "${k}"`);
      if (typeof v !== "number" || !(v > 0))
        throw new ConfigFileError(`${where}: thresholds.${k} must be a positive number`);
    }
  }
  const max = obj["maxFindings"];
  if (max !== undefined && !(typeof max === "number" && Number.isInteger(max) && max >= 0))
    throw new ConfigFileError(`${where}: maxFindings must be a whole number, 0 or more`);
  for (const k of ["officialese", "jargon"]) {
    const v = obj[k];
    if (
      v !== undefined &&
      (typeof v !== "object" || v === null || Object.values(v).some((x) => typeof x !== "string"))
    ) {
      throw new ConfigFileError(`${where}: ${k} must map words to plain wordings`);
    }
  }
  for (const k of ["knownAcronyms", "ignoreWords", "allowPersonalData"]) {
    const v = obj[k];
    if (v !== undefined && (!Array.isArray(v) || v.some((x) => typeof x !== "string")))
      throw new ConfigFileError(`${where}: ${k} must be a list of strings`);
  }
  return obj as KlarsprakConfig;
}

export async function loadConfigFile(path: string): Promise<KlarsprakConfig> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new ConfigFileError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let value: unknown;
  try {
    value = /\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text);
  } catch (error) {
    throw new ConfigFileError(
      `${path} is not valid ${/\.ya?ml$/i.test(path) ? "YAML" : "JSON"}: ${(error as Error).message}`,
    );
  }
  return validateConfig(value, path);
}
