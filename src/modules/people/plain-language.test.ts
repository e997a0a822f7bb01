/**
 * The people and unit pages' own Swedish texts — headings, hints, role descriptions, what the
 * history says, every refusal — pass our klarspråk engine.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { plainLanguageProblems, uiTexts } from "../../../test/ui-texts.js";

const VIEWS = ["staff/views.tsx"];
const CODE = ["commands/staff.ts", "commands/units.ts", "staff/routes.tsx"];

/** What `uiTexts` does not reach: text between tags and the sentences kept in objects (role hints, banners, history). */
function moreTexts(): string[] {
  const source = [...VIEWS, ...CODE].map((f) => readFileSync(join(import.meta.dirname, f), "utf8")).join("\n");
  const between = [...source.matchAll(/>([^<>{}]*[a-zåäö][^<>{}]*)</g)].map((m) => (m[1] as string).trim());
  const strings = [...source.matchAll(/"([^"\n]{12,})"/g)].map((m) => m[1] as string);
  const templates = [...source.matchAll(/`([^`\n]{15,})`/g)].map((m) => (m[1] as string).replace(/\$\{[^}]+\}/g, "3"));
  return [...between, ...strings, ...templates].filter(
    (t) =>
      / /.test(t) && /[åäö]|\b(?:och|att|är|inte|en|ett|för|som|på|med|har)\b/i.test(t) && !/[=/]|^\w+\.\w+/.test(t),
  );
}

describe("the people and unit pages speak plain Swedish", () => {
  it("have no warnings or errors from the klarspråk engine", () => {
    const texts = [...new Set([...uiTexts(import.meta.dirname, VIEWS, CODE), ...moreTexts()])];
    expect(texts.length).toBeGreaterThan(80);
    expect(plainLanguageProblems(texts, [], ["namn@exempel.se"])).toEqual([]);
  });
});
