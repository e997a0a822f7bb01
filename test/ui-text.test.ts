/**
 * No UI text outside a catalogue: every word a person reads is in the module's messages.ts (or
 * the platform's catalogue), in Swedish and English. This walks each module's source with the
 * TypeScript parser and finds words written in place — JSX text, the attributes people read
 * (label, hint, legend, title, alt, aria-label, placeholder, caption), field-error messages and
 * page titles, and any string with Swedish letters in a view.
 *
 * Modules not yet moved to catalogues are listed in NOT_YET, each with how many places remain;
 * the count may only go down, and a module leaves the list when it reaches zero.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const MODULES_DIR = join(import.meta.dirname, "..", "src", "modules");

/** Modules still being moved to their catalogue: places with words in the code, at most. */
const NOT_YET: Record<string, number> = {};

/**
 * Files whose strings are data or rules, not UI: detection patterns, word lists, demo and seed
 * content. Put such data in a file named `<name>-rules.ts` or `<name>-words.ts`.
 */
const NOT_UI =
  /(?:^|\/)(?:messages\.ts|seed\.ts|demo-[\w-]+\.ts|secrecy\.ts|concern\.ts|classifier\.ts|routing\.ts|moderation\.ts|search\.ts|search-test-set\.ts|situations\.ts|defaults\.ts|parse\.ts|[\w-]+-(?:rules|words)\.ts|[\w-]+\.test\.tsx?)$|\/test-data\//;

const READ_ATTRIBUTES = new Set([
  "label",
  "hint",
  "legend",
  "title",
  "alt",
  "aria-label",
  "placeholder",
  "caption",
  "heading",
  "text",
  "button",
]);
const LETTERS = /\p{L}{2,}/u;
const SWEDISH = /[åäöÅÄÖ]/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Where words are written in place in one file: "file:line text". */
export function wordsInPlace(path: string): string[] {
  const source = ts.createSourceFile(
    path,
    readFileSync(path, "utf8"),
    ts.ScriptTarget.Latest,
    true,
    path.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: string[] = [];
  const at = (node: ts.Node, text: string) =>
    found.push(
      `${path.split("/src/")[1]}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${text.trim().slice(0, 60)}`,
    );
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && LETTERS.test(node.text)) at(node, node.text);
    else if (ts.isJsxAttribute(node) && node.initializer && ts.isStringLiteral(node.initializer)) {
      const name = node.name.getText(source);
      if (READ_ATTRIBUTES.has(name) && LETTERS.test(node.initializer.text))
        at(node, `${name}="${node.initializer.text}"`);
    } else if (
      ts.isPropertyAssignment(node) &&
      ["message", "title"].includes(node.name.getText(source)) &&
      (ts.isStringLiteral(node.initializer) || ts.isNoSubstitutionTemplateLiteral(node.initializer))
    ) {
      if (LETTERS.test(node.initializer.text)) at(node, `${node.name.getText(source)}: "${node.initializer.text}"`);
    } else if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      ["fail", "invalid", "problem"].includes(node.expression.text)
    ) {
      for (const arg of node.arguments.slice(1))
        if ((ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) && LETTERS.test(arg.text))
          at(arg, arg.text);
    } else if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      if (SWEDISH.test(node.text) && !ts.isImportDeclaration(node.parent) && !ts.isJsxAttribute(node.parent))
        at(node, node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("words live in catalogues", () => {
  const modules = readdirSync(MODULES_DIR).filter((m) => statSync(join(MODULES_DIR, m)).isDirectory());

  it.each(modules)("module %s writes no UI text in its code", (mod) => {
    const places = files(join(MODULES_DIR, mod))
      .filter((f) => !NOT_UI.test(f))
      .flatMap(wordsInPlace);
    const allowed = NOT_YET[mod] ?? 0;
    if (allowed === 0) expect(places).toEqual([]);
    else
      expect(places.length, `${mod}: ${places.length} places left (down from at most ${allowed})`).toBeLessThanOrEqual(
        allowed,
      );
  });

  it("lists only modules that still have words in their code", () => {
    for (const [mod, allowed] of Object.entries(NOT_YET)) {
      const places = files(join(MODULES_DIR, mod))
        .filter((f) => !NOT_UI.test(f))
        .flatMap(wordsInPlace).length;
      expect(places, `${mod} has ${places} places left: lower NOT_YET to that, or remove it at zero`).toBeGreaterThan(
        0,
      );
      expect(allowed).toBeGreaterThanOrEqual(places);
    }
  });
});

/**
 * The platform, the views and the composition root hold words too; theirs live in the platform's
 * catalogue (platform/i18n/i18n.ts). These files are data or catalogues of their own, on purpose.
 */
const PLATFORM_NOT_UI = new Map<string, string>([
  ["platform/i18n/i18n.ts", "the platform's catalogue itself"],
  ["platform/i18n/messages.ts", "the catalogue machinery and its examples"],
  ["platform/errors.ts", "the error catalogue: stable codes with their Swedish and English texts"],
  ["platform/auth/demo.ts", "fictional demo people"],
  ["app/seed.ts", "the demo organisation's units"],
  ["platform/documents/masking.ts", "the released document's own Swedish headings, part of the record"],
  ["platform/mail/mailer.ts", "an SMTP diagnostic in the delivery log"],
  ["platform/time/working-time.ts", "holiday names, data"],
  ["app/app.tsx", "the API document's title, the product's name"],
]);

describe("the platform, views and app write no UI text outside the catalogue", () => {
  const SRC = join(import.meta.dirname, "..", "src");
  it.each(["views", "app", "platform"])("src/%s", (dir) => {
    const places = files(join(SRC, dir))
      .filter((f) => !/\.test\.tsx?$/.test(f))
      .filter((f) => !PLATFORM_NOT_UI.has(f.split("/src/")[1] as string))
      .flatMap(wordsInPlace);
    expect(places).toEqual([]);
  });
});
