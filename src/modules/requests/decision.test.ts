import { analyze } from "@klarsvar/klarsprak";
import { describe, expect, it } from "vitest";
import { appealText, decisionText, secrecyGrounds } from "./decision.js";

describe("the written decision", () => {
  const base = {
    organisation: "Socialnämnden, Exempelstads kommun",
    caseNumber: "SOC-2026-000123",
    decidedAt: new Date("2026-11-24T14:00:00Z"),
    decidedBy: "Karin Lindqvist, registrator",
    requester: null,
    requested: "Anteckningar i ärendet om familjehemmet i Norrby",
    reason:
      "Handlingarna innehåller uppgifter om enskilda personers personliga förhållanden. Det kan antas att de skulle lida men om uppgifterna lämnades ut.",
  };

  it("for a partial release names each document, each provision, and how to appeal — to kammarrätten, through us, within three weeks", () => {
    const text = decisionText({
      ...base,
      outcome: "partial",
      documents: [
        { title: "Journalanteckning 2026-03-03", outcome: "partial", grounds: ["OSL 26:1"] },
        { title: "Orosanmälan 2026-02-20", outcome: "refuse", grounds: ["OSL 26:1", "OSL 26:5"] },
        { title: "Protokoll från nämnden", outcome: "release", grounds: [] },
      ],
    });
    expect(text).toContain("Ärende: SOC-2026-000123");
    expect(text).toContain("Datum: 24 november 2026");
    expect(text).toContain("Den som har begärt att få ta del av handlingarna (anonym)");
    expect(text).toContain("- Journalanteckning 2026-03-03: lämnas ut med maskering (OSL 26:1)");
    expect(text).toContain("- Orosanmälan 2026-02-20: lämnas inte ut (OSL 26:1, OSL 26:5)");
    expect(text).toContain("- Protokoll från nämnden: lämnas ut");
    expect(text).toContain("26 kap. 1 § offentlighets- och sekretesslagen (2009:400)");
    expect(text).toContain("26 kap. 5 § offentlighets- och sekretesslagen (2009:400)");
    expect(text).toContain("kammarrätten");
    expect(text).toContain("inom tre veckor");
    expect(text).toContain("Skicka överklagandet till oss");
  });

  it("is refused for a full release (no decision is needed then)", () => {
    expect(() => decisionText({ ...base, outcome: "full", documents: [] })).toThrow();
  });

  it("speaks plain Swedish: the appeal text and the grounds pass the klarspråk engine", () => {
    const texts = [appealText("sv"), ...secrecyGrounds("sv").map((g) => `Bestämmelsen skyddar ${g.protects}.`)];
    const problems = texts.flatMap((t) =>
      analyze(t, { format: "text", knownAcronyms: ["OSL"] })
        .findings.filter((f) => f.severity !== "suggestion")
        .map((f) => `${f.ruleId}: ${f.text}`),
    );
    expect(problems).toEqual([]);
  });
});
