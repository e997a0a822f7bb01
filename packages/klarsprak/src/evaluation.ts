/**
 * Measures precision and recall of the passive and nominalisation rules on the labelled
 * sentences in test-data/. Used by the tests and by `npm run bench`.
 */
import { readFileSync } from "node:fs";
import { analyze } from "./analyze.js";
import type { RuleId } from "./types.js";

export interface Evaluation {
  readonly rule: RuleId;
  readonly sentences: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly precision: number;
  readonly recall: number;
  readonly mistakes: readonly string[];
}

/** Each line is a sentence; [brackets] mark the words the rule should find. */
export function evaluate(file: string, rule: RuleId): Evaluation {
  const lines = readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() && !l.startsWith("#"));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const mistakes: string[] = [];
  for (const line of lines) {
    const expected = new Set<string>();
    for (const m of line.matchAll(/\[([^\]]+)\]/g)) expected.add((m[1] ?? "").toLowerCase());
    const plain = line.replace(/[[\]]/g, "");
    const found = new Set(
      analyze(plain, { format: "text", rules: { [rule]: true } })
        .findings.filter((f) => f.ruleId === rule)
        .map((f) => f.text.toLowerCase()),
    );
    for (const w of found) {
      if (expected.has(w)) tp++;
      else {
        fp++;
        mistakes.push(`false positive "${w}": ${plain}`);
      }
    }
    for (const w of expected) {
      if (!found.has(w)) {
        fn++;
        mistakes.push(`missed "${w}": ${plain}`);
      }
    }
  }
  return {
    rule,
    sentences: lines.length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    mistakes,
  };
}
