/**
 * Our own Swedish UI texts, gathered from a module's source (views, commands, jobs, routes)
 * for the klarspråk check: `tr(ctx, "…")` calls, label/hint/heading/text attributes, constant
 * paragraphs, error messages and mail lines. `${…}` becomes a number so sentences stay whole.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "@klarsvar/klarsprak";

export function uiTexts(dir: string, views: readonly string[], code: readonly string[]): string[] {
  const read = (files: readonly string[]) => files.map((f) => readFileSync(join(dir, f), "utf8")).join("\n");
  const strip = (s: string) => s.replace(/\$\{[^}]+\}/g, "3").replace(/«3»/g, "förslaget");
  const v = read(views);
  const c = read(code);
  return [
    ...[...v.matchAll(/tr\(ctx, [`"]([^`"]+)[`"],/g)].map((m) => strip(m[1] as string)),
    ...[...v.matchAll(/(?:label|hint|heading|text)="([^"]+)"/g)].map((m) => m[1] as string),
    ...[...v.matchAll(/<p(?: class="[^"]*")?>([^<{]{20,})<\/p>/g)].map((m) => (m[1] as string).trim()),
    ...[...c.matchAll(/(?:fail\("\w+", |message: (?:sv \? )?|reasons\.push\(|push\()[`"]([^`"]{15,})[`"]/g)].map((m) =>
      strip(m[1] as string),
    ),
    ...[...c.matchAll(/^\s+[`"]([A-ZÅÄÖ][^`"]{25,})[`"],?$/gm)].map((m) => strip(m[1] as string)),
  ].filter((t) => /[åäö]|\b(?:och|att|är|inte|vi|du)\b/i.test(t));
}

/** Every warning or error the klarspråk engine has about the texts, as readable lines (empty: all plain). */
export function plainLanguageProblems(
  texts: readonly string[],
  knownAcronyms: readonly string[],
  allowPersonalData: readonly string[] = [],
): string[] {
  return texts.flatMap((t) =>
    analyze(t, { format: "text", knownAcronyms: [...knownAcronyms], allowPersonalData: [...allowPersonalData] })
      .findings.filter((f) => f.severity !== "suggestion")
      .map((f) => `${t.slice(0, 70)} → ${f.ruleId}: "${f.text}"`),
  );
}
