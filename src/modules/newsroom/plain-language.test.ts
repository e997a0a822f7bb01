/** The newsroom pages' own Swedish texts — forms, answers to mistakes, e-mails — pass our klarspråk engine. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "@klarsvar/klarsprak";
import { describe, expect, it } from "vitest";

const ACRONYMS = ["MB", "RSS", "CSV", "GDPR", "UTF", "JSON", "SOC", "EMBARGO"];
// EMBARGO in capitals is the convention journalists look for at the top of a release.
const ALLOWED = ["namn@exempel.se"];

function read(path: string): string {
  return readFileSync(join(import.meta.dirname, path), "utf8");
}

function texts(): string[] {
  const strip = (s: string) => s.replace(/\$\{[^}]+\}/g, "3").replace(/«3»/g, "förslaget");
  const views = read("public/views.tsx") + read("staff/views.tsx");
  const code = read("commands.ts") + read("jobs.ts") + read("media.ts") + read("images.ts") + read("public/routes.tsx") + read("staff/routes.tsx");
  return [
    ...[...views.matchAll(/tr\(ctx, [`"]([^`"]+)[`"],/g)].map((m) => strip(m[1] as string)),
    ...[...views.matchAll(/(?:label|hint|heading|text)="([^"]+)"/g)].map((m) => m[1] as string),
    ...[...views.matchAll(/<p(?: class="[^"]*")?>([^<{]{20,})<\/p>/g)].map((m) => (m[1] as string).trim()),
    ...[...code.matchAll(/(?:fail\("\w+", |message: (?:sv \? )?|reasons\.push\(|push\()[`"]([^`"]{15,})[`"]/g)].map((m) => strip(m[1] as string)),
    ...[...code.matchAll(/^\s+[`"]([A-ZÅÄÖ][^`"]{25,})[`"],?$/gm)].map((m) => strip(m[1] as string)),
  ].filter((t) => /[åäö]|\b(?:och|att|är|inte|vi|du)\b/i.test(t));
}

describe("the newsroom pages speak plain Swedish", () => {
  it("have no warnings or errors from the klarspråk engine", () => {
    const all = texts();
    expect(all.length).toBeGreaterThan(100);
    const problems = all.flatMap((t) => analyze(t, { format: "text", knownAcronyms: ACRONYMS, allowPersonalData: ALLOWED }).findings
      .filter((f) => f.severity !== "suggestion").map((f) => `${t.slice(0, 70)} → ${f.ruleId}: "${f.text}"`));
    expect(problems).toEqual([]);
  });
});
