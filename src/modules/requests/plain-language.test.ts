/** The request pages' own Swedish texts pass our klarspråk engine (the public form, the registrar's pages, the error messages). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "@klarsvar/klarsprak";
import { describe, expect, it } from "vitest";

const ACRONYMS = ["OSL", "JO", "PDF", "MB", "SOC"];
const ALLOWED = ["namn@exempel.se", "SOC-2026-000123"];

function texts(): string[] {
  const views = readFileSync(join(import.meta.dirname, "views.tsx"), "utf8");
  const commands = readFileSync(join(import.meta.dirname, "commands.ts"), "utf8");
  const routes = readFileSync(join(import.meta.dirname, "routes.tsx"), "utf8");
  const strip = (s: string) => s.replace(/\$\{[^}]+\}/g, "3");
  return [
    ...[...views.matchAll(/tr\(ctx, "([^"]+)",/g)].map((m) => m[1] as string),
    ...[...views.matchAll(/(?:label|hint|legend)="([^"]+)"/g)].map((m) => m[1] as string),
    ...[...views.matchAll(/<p(?: class="[^"]*")?>([^<{]{20,})<\/p>/g)].map((m) => (m[1] as string).trim()),
    ...[...commands.matchAll(/fail\("\w+", [`"]([^`"]+)[`"]\)/g)].map((m) => strip(m[1] as string)),
    ...[...commands.matchAll(/return [`"]([^`"]{20,})[`"];/g)].map((m) => strip(m[1] as string)),
    ...[...routes.matchAll(/message: sv \? "([^"]+)"/g)].map((m) => m[1] as string),
  ].map((t) => t.replace(/PDF|pdf/g, "pdf-fil"));
}

describe("the request pages speak plain Swedish", () => {
  it("have no warnings or errors from the klarspråk engine", () => {
    const all = texts();
    expect(all.length).toBeGreaterThan(40);
    const problems = all.flatMap((t) =>
      analyze(t, { format: "text", knownAcronyms: ACRONYMS, allowPersonalData: ALLOWED })
        .findings.filter((f) => f.severity !== "suggestion")
        .map((f) => `${t.slice(0, 60)} → ${f.ruleId}: "${f.text}"`),
    );
    expect(problems).toEqual([]);
  });
});
