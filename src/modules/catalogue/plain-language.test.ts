/**
 * The catalogue's own Swedish texts pass our klarspråk engine: the demo service pages (they
 * show what a good page looks like), the finder's questions and the public pages' texts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "@klarsvar/klarsprak";
import { describe, expect, it } from "vitest";
import { ORGANISATION_JARGON } from "../klarsprak/index.js";
import { DEMO_SERVICES } from "./demo-services.js";
import { AUDIENCES, SITUATIONS } from "./situations.js";

// Published contact details and the law the page names are meant to be there.
const ALLOWED = ["070-174 06 05", "@example.se", "namn@exempel.se", ...DEMO_SERVICES.map((s) => s.phone)];
const ACRONYMS = ["LSS", "LIX", "CSV", "JSON", "DCAT", "AP", "SE", "SMS", "NPF", "ADHD"];

function problemsIn(label: string, text: string): string[] {
  const result = analyze(text, {
    format: "text",
    allowPersonalData: ALLOWED,
    knownAcronyms: ACRONYMS,
    jargon: ORGANISATION_JARGON,
  });
  return result.findings
    .filter((f) => f.severity !== "suggestion")
    .map((f) => `${label}: ${f.ruleId} "${f.text}" — ${f.message}`);
}

/** The Swedish half of every tr(ctx, "sv", "en") in the public views. */
function viewTexts(): string[] {
  const source = readFileSync(join(import.meta.dirname, "public", "views.tsx"), "utf8");
  return [...source.matchAll(/tr\(ctx, (["`])((?:(?!\1).)*)\1,/g)].map((m) =>
    (m[2] as string).replace(/\$\{[^}]+\}/g, "3"),
  );
}

/** Labels, hints and error messages of the staff editor and its commands. */
function staffTexts(): string[] {
  const views = readFileSync(join(import.meta.dirname, "staff", "views.tsx"), "utf8");
  const commands = readFileSync(join(import.meta.dirname, "commands", "save.ts"), "utf8");
  return [
    ...[...views.matchAll(/(?:label|hint|legend)="([^"]+)"/g)].map((m) => m[1] as string),
    ...[...commands.matchAll(/message: [`"]([^`"]+)[`"]/g)].map((m) => (m[1] as string).replace(/\$\{[^}]+\}/g, "3")),
  ];
}

describe("the help catalogue's own texts are plain Swedish", () => {
  it("demo service pages have no warnings or errors, and read easily", () => {
    const problems: string[] = [];
    for (const s of DEMO_SERVICES) {
      for (const [field, text] of Object.entries({
        summary: s.summary,
        forWhom: s.forWhom,
        whatYouGet: s.whatYouGet,
        cost: s.cost,
      }))
        problems.push(...problemsIn(`${s.slug}.${field}`, text));
      const lix =
        analyze([s.summary, s.forWhom, s.whatYouGet, s.cost].join("\n\n"), { format: "text", scoresOnly: true }).scores
          .lix.value ?? 100;
      if (lix >= 45) problems.push(`${s.slug}: LIX ${Math.round(lix)}`);
    }
    expect(problems).toEqual([]);
  });

  it("easy-to-read versions are very easy (LIX under 30)", () => {
    const hard = DEMO_SERVICES.filter((s) => s.easyRead)
      .map(
        (s) =>
          [
            s.slug,
            analyze(s.easyRead as string, { format: "text", scoresOnly: true }).scores.lix.value ?? 100,
          ] as const,
      )
      .filter(([, lix]) => lix >= 30);
    expect(hard).toEqual([]);
  });

  it("the finder's questions and the public pages' texts have no warnings or errors", () => {
    const texts = [
      ...SITUATIONS.flatMap((s) => [s.sv, s.hintSv ?? ""]),
      ...AUDIENCES.map((a) => a.sv),
      ...viewTexts(),
    ].filter(Boolean);
    expect(texts.length).toBeGreaterThan(40);
    expect(texts.flatMap((t, i) => problemsIn(`text ${i}`, t))).toEqual([]);
  });

  it("the staff editor's labels, hints and error messages have no warnings or errors", () => {
    const texts = staffTexts();
    expect(texts.length).toBeGreaterThan(30);
    expect(texts.flatMap((t) => problemsIn(t, t))).toEqual([]);
  });
});
