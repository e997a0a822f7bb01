import { describe, expect, it } from "vitest";
import { assessIdea } from "./moderation.js";

describe("holding ideas before they are public", () => {
  it("lets an ordinary idea through", () => {
    const r = assessIdea(
      "Öppna mottagningen en kväll i veckan",
      "Många som jobbar hinner inte komma före 16. En kväll i veckan skulle hjälpa.",
    );
    expect(r).toEqual({ hold: false, reasons: [], personalData: false, concern: false });
  });

  it("holds an idea with a personal identity number or a phone number and says which", () => {
    const r = assessIdea("Bättre svar i telefon", "Jag heter Tolvan, 19121212-1212, ring mig på 070-174 06 10.");
    expect(r.hold).toBe(true);
    expect(r.reasons[0]).toContain("ett personnummer");
    expect(r.reasons[0]).toContain("ett telefonnummer");
  });

  it("holds abuse but not words that only contain an abusive string", () => {
    expect(assessIdea("Ni är idioter", "Byt ut alla").hold).toBe(true);
    expect(assessIdea("Ny horisont", "Vi borde packa ihop väntrummet och möblera om.").hold).toBe(false);
  });

  it("does not take an idea about children's services for a report of concern", () => {
    expect(
      assessIdea(
        "Lekhörna i väntrummet",
        "När man kommer med barn är det svårt att vänta. En liten hörna med böcker och leksaker skulle göra besöket lugnare för alla.",
      ),
    ).toEqual({ hold: false, reasons: [], personalData: false, concern: false });
  });

  it("holds what reads like a report of concern about a child and says it is handled as one", () => {
    const r = assessIdea(
      "Grannens barn",
      "Jag är orolig för grannens pojke, han är ensam hemma på nätterna och får ingen mat.",
    );
    expect(r.hold).toBe(true);
    expect(r.concern).toBe(true);
    expect(r.reasons.join(" ")).toContain("orosanmälan");
  });
});
