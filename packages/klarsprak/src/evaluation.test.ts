import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluation.js";

const data = (f: string) => join(import.meta.dirname, "..", "test-data", f);

// The numbers are reported in README.md ("Measured precision and recall"); keep them in step.
describe("labelled sentences: precision matters more than recall", () => {
  it.each([
    ["passives.txt", "s-passive", 100, 0.95],
    ["passives-holdout.txt", "s-passive", 30, 0.8],
    ["nominalisations.txt", "nominalisation", 60, 0.95],
    ["nominalisations-holdout.txt", "nominalisation", 25, 0.65],
  ] as const)("%s (%s): precision ≥ 0.85", (file, rule, minSentences, minRecall) => {
    const e = evaluate(data(file), rule);
    expect(e.sentences).toBeGreaterThanOrEqual(minSentences);
    expect(e.precision, e.mistakes.join("\n")).toBeGreaterThanOrEqual(0.85);
    expect(e.recall, e.mistakes.join("\n")).toBeGreaterThanOrEqual(minRecall);
  });
});
