/**
 * The catalogue's own Swedish texts pass our klarspråk engine: the demo service pages (they
 * show what a good page looks like), the finder's questions, and every Swedish message of the
 * module's catalogue (the public pages, the staff editor, its error messages and the reminder).
 */
import { analyze } from "@klarsvar/klarsprak";
import { describe, expect, it } from "vitest";
import { formatMessage } from "../../platform/i18n/messages.js";
import { ORGANISATION_JARGON } from "../klarsprak/index.js";
import { DEMO_SERVICES } from "./demo-services.js";
import { messages } from "./messages.js";
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

/** Every argument stands in as 3 (a count, a number, a name, a date), so sentences stay whole. */
const ANY = new Proxy({}, { get: () => 3, has: () => true }) as Record<string, number>;

/** The module's Swedish messages, formatted, without their link tags; `public` picks the residents' pages. */
function catalogueTexts(side: "public" | "staff"): string[] {
  const PUBLIC = /^(?:title|ask|emergency|search|start|results|service|easyRead|translation|finder)\b/;
  return (Object.keys(messages.sv) as (keyof typeof messages.sv)[])
    .filter((key) => PUBLIC.test(key) === (side === "public") && !["date", "stamp"].includes(key))
    .map((key) => formatMessage(messages, "sv", key, ANY).replace(/<\/?\w+>/g, ""));
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
      ...catalogueTexts("public"),
    ].filter(Boolean);
    expect(texts.length).toBeGreaterThan(40);
    expect(texts.flatMap((t, i) => problemsIn(`text ${i}`, t))).toEqual([]);
  });

  it("the staff editor's labels, hints and error messages have no warnings or errors", () => {
    const texts = catalogueTexts("staff");
    expect(texts.length).toBeGreaterThan(30);
    expect(texts.flatMap((t) => problemsIn(t, t))).toEqual([]);
  });
});
