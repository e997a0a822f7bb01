/**
 * The sign-in module's own Swedish texts outside the message catalogue — a forgotten password,
 * an invitation, a link that no longer works, and the mails with the links — pass our klarspråk engine.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { plainLanguageProblems, uiTexts } from "../../../test/ui-texts.js";

const VIEWS = ["public/password-views.tsx"];
const CODE = ["jobs.ts", "public/password-routes.tsx"];

/** The Swedish half of `sv ? "…" : "…"` and `sv: "…"`, and the mail lines. */
function moreTexts(): string[] {
  const source = [...VIEWS, ...CODE].map((f) => readFileSync(join(import.meta.dirname, f), "utf8")).join("\n");
  const strip = (s: string) => s.replace(/\$\{[^}]+\}/g, "3");
  return [
    ...[...source.matchAll(/(?:sv\(request\) \? |sv: )"([^"]+)"/g)].map((m) => m[1] as string),
    ...[...source.matchAll(/^\s+[`"]([^`"]{15,})[`"],$/gm)].map((m) => strip(m[1] as string)),
  ].filter((t) => /[åäö]|\b(?:och|att|är|inte|du|vi)\b/i.test(t));
}

describe("the pages for choosing a password speak plain Swedish", () => {
  it("have no warnings or errors from the klarspråk engine", () => {
    const texts = [...new Set([...uiTexts(import.meta.dirname, VIEWS, CODE), ...moreTexts()])];
    expect(texts.length).toBeGreaterThan(25);
    expect(plainLanguageProblems(texts, [], ["namn@exempel.se"])).toEqual([]);
  });
});
