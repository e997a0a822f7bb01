/** What a person wrote is checked the same way in both languages, and each problem is named for what it is. */
import { describe, expect, it } from "vitest";
import { LIMITS, validateIdea } from "./commands.js";

describe("checking an idea", () => {
  const long = "x".repeat(LIMITS.title + 1);
  it("says a too-long title is too long, not missing, in English too", () => {
    expect(validateIdea({ title: long, description: "Ett förslag med tillräckligt många ord." }, "en")).toEqual([
      { field: "title", message: `The title is too long. Write at most ${LIMITS.title} characters.` },
    ]);
    expect(validateIdea({ title: long, description: "Ett förslag med tillräckligt många ord." }, "sv")).toEqual([
      { field: "title", message: `Rubriken är för lång. Skriv högst ${LIMITS.title} tecken.` },
    ]);
  });

  it("tells a missing, a too-short and a too-long description apart", () => {
    const d = (description: string) => validateIdea({ title: "Rubrik", description }, "en")[0]?.message;
    expect(d("")).toBe("Describe your idea");
    expect(d("Kort")).toBe("Describe the idea in a few more words");
    expect(d("x".repeat(LIMITS.description + 1))).toBe(
      `The description is too long. Write at most ${LIMITS.description} characters.`,
    );
  });
});
