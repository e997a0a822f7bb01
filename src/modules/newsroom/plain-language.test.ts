/** The newsroom's own Swedish texts — forms, answers to mistakes, e-mails — pass our klarspråk engine. */
import { describe, expect, it } from "vitest";
import { plainLanguageProblems, uiTexts } from "../../../test/ui-texts.js";

// EMBARGO in capitals is the convention journalists look for at the top of a release.
const ACRONYMS = ["MB", "RSS", "CSV", "GDPR", "UTF", "JSON", "SOC", "EMBARGO"];

describe("the newsroom pages speak plain Swedish", () => {
  it("have no warnings or errors from the klarspråk engine", () => {
    const texts = uiTexts(
      import.meta.dirname,
      ["public/views.tsx", "staff/views.tsx"],
      ["commands.ts", "jobs.ts", "media.ts", "images.ts", "public/routes.tsx", "staff/routes.tsx"],
    );
    expect(texts.length).toBeGreaterThan(100);
    expect(plainLanguageProblems(texts, ACRONYMS, ["namn@exempel.se"])).toEqual([]);
  });
});
