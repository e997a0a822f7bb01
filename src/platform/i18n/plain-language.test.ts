/** Our own Swedish UI texts pass our own klarspråk engine: no officialese, no jargon, no long sentences. */
import { analyze } from "@klarsvar/klarsprak";
import { describe, expect, it } from "vitest";
import { allMessages } from "./i18n.js";

// Published numbers of the organisation are meant to be there.
const ALLOWED = ["070-174 06 05", "@example.se"];

describe("the Swedish UI texts are plain Swedish", () => {
  it("have no warnings or errors from the klarspråk engine", () => {
    const problems: string[] = [];
    for (const [key, text] of Object.entries(allMessages("sv"))) {
      const result = analyze(text.replace(/\{\w+\}/g, "3"), {
        format: "text",
        allowPersonalData: ALLOWED,
        knownAcronyms: ["LIX", "OVIX", "HTML"],
      });
      for (const f of result.findings)
        if (f.severity !== "suggestion") problems.push(`${key}: ${f.ruleId} "${f.text}" — ${f.message}`);
    }
    expect(problems).toEqual([]);
  });

  it("read easily as a whole (LIX below 40)", () => {
    const all = Object.values(allMessages("sv"))
      .map((t) => (/[.!?:]$/.test(t) ? t : `${t}.`))
      .join(" ");
    const lix = analyze(all, { format: "text", scoresOnly: true }).scores.lix.value ?? 100;
    expect(lix).toBeLessThan(40);
  });
});
