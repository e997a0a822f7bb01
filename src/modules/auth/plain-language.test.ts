/**
 * The sign-in module's own Swedish texts — a forgotten password, an invitation, a link that no
 * longer works, and the mails with the links — pass our klarspråk engine. They are all in the
 * module's catalogue; an argument becomes a number so sentences stay whole.
 */
import { describe, expect, it } from "vitest";
import { plainLanguageProblems } from "../../../test/ui-texts.js";
import { messages } from "./messages.js";

function catalogueTexts(): string[] {
  return Object.values(messages.sv)
    .map((t) => t.replace(/\{[^{}]+\}/g, "3"))
    .filter((t) => /[åäö]|\b(?:och|att|är|inte|du|vi)\b/i.test(t));
}

describe("the pages for choosing a password speak plain Swedish", () => {
  it("have no warnings or errors from the klarspråk engine", () => {
    const texts = [...new Set(catalogueTexts())];
    expect(texts.length).toBeGreaterThan(25);
    expect(plainLanguageProblems(texts, [], ["namn@exempel.se"])).toEqual([]);
  });
});
