/** The idea pages' own Swedish texts — forms, answers to mistakes, e-mails, moderation reasons — pass our klarspråk engine. */
import { describe, expect, it } from "vitest";
import { plainLanguageProblems, uiTexts } from "../../../test/ui-texts.js";

describe("the idea pages speak plain Swedish", () => {
  it("have no warnings or errors from the klarspråk engine", () => {
    const texts = uiTexts(
      import.meta.dirname,
      ["public/views.tsx", "staff/views.tsx"],
      ["commands.ts", "jobs.ts", "moderation.ts", "public/routes.tsx", "staff/routes.tsx"],
    );
    expect(texts.length).toBeGreaterThan(80);
    expect(plainLanguageProblems(texts, ["MB", "RSS", "IDE", "SMS"], ["namn@exempel.se"])).toEqual([]);
  });
});
