/**
 * Every catalogue — the platform's and each module's — is complete and well formed: each
 * message parses as ICU, Swedish and English take the same arguments, and a count is never
 * written bare before a word ("{count} ärenden" would say "1 ärenden"): it goes through
 * `plural` (or `number` when it stands alone, "Att granska: {count, number}").
 */
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { MODULES } from "../src/app/modules.js";
import { platformMessages } from "../src/platform/i18n/i18n.js";
import { formatMessage, type Catalogue } from "../src/platform/i18n/messages.js";

const catalogues: Catalogue[] = [platformMessages, ...MODULES.flatMap((m) => (m.messages ? [m.messages] : []))];

/** Arguments and how each is used: "argument" (plain), "plural", "number", "date", "time", "select". */
function argumentsOf(
  elements: readonly MessageFormatElement[],
  into = new Map<string, Set<string>>(),
): Map<string, Set<string>> {
  const add = (name: string, kind: string) => into.set(name, (into.get(name) ?? new Set()).add(kind));
  for (const e of elements) {
    if (e.type === TYPE.argument) add(e.value, "argument");
    else if (e.type === TYPE.number) add(e.value, "number");
    else if (e.type === TYPE.date) add(e.value, "date");
    else if (e.type === TYPE.time) add(e.value, "time");
    else if (e.type === TYPE.plural) {
      add(e.value, "plural");
      for (const o of Object.values(e.options)) argumentsOf(o.value, into);
    } else if (e.type === TYPE.select) {
      add(e.value, "select");
      for (const o of Object.values(e.options)) argumentsOf(o.value, into);
    } else if (e.type === TYPE.tag) argumentsOf(e.children, into);
  }
  return into;
}

/** Names that hold a count. */
const COUNT = /^(?:count|n|total|antal|days|hours|minutes|pages|files|documents|items|rows|[a-z]+Count)$/;

describe.each(catalogues.map((c) => [c.name, c] as const))("catalogue %s", (_name, catalogue) => {
  it("has every Swedish message in English, none empty, both parsing with the same arguments", () => {
    expect(Object.keys(catalogue.en).sort()).toEqual(Object.keys(catalogue.sv).sort());
    for (const key of Object.keys(catalogue.sv)) {
      const sv = (catalogue.sv as Record<string, string>)[key] as string;
      const en = (catalogue.en as Record<string, string>)[key] as string;
      expect(sv.trim(), key).not.toBe("");
      expect(en.trim(), key).not.toBe("");
      const a = argumentsOf(parse(sv, { ignoreTag: true }));
      const b = argumentsOf(parse(en, { ignoreTag: true }));
      expect([...b.keys()].sort(), `${catalogue.name}.${key}: the same arguments in both languages`).toEqual(
        [...a.keys()].sort(),
      );
    }
  });

  it("never writes a count bare: through plural, or as a number on its own", () => {
    const bare: string[] = [];
    for (const lang of ["sv", "en"] as const) {
      for (const [key, text] of Object.entries(catalogue[lang] as Record<string, string>)) {
        for (const [name, kinds] of argumentsOf(parse(text, { ignoreTag: true }))) {
          if (COUNT.test(name) && kinds.has("argument")) bare.push(`${lang} ${catalogue.name}.${key}: {${name}}`);
        }
      }
    }
    expect(bare).toEqual([]);
  });

  it("says one thing in the singular: formatting a plural with 1 never gives '1 <plural noun>'", () => {
    for (const lang of ["sv", "en"] as const) {
      for (const [key, text] of Object.entries(catalogue[lang] as Record<string, string>)) {
        const args = argumentsOf(parse(text, { ignoreTag: true }));
        const plurals = [...args].filter(([, k]) => k.has("plural")).map(([n]) => n);
        if (plurals.length === 0) continue;
        const params = Object.fromEntries(
          [...args.keys()].map((n) => [
            n,
            plurals.includes(n) || COUNT.test(n)
              ? 1
              : args.get(n)?.has("date") || args.get(n)?.has("time")
                ? new Date("2026-11-30T12:00:00Z")
                : "x",
          ]),
        );
        const one = formatMessage(catalogue, lang, key, params);
        const many = formatMessage(
          catalogue,
          lang,
          key,
          Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v === 1 ? 2 : v])),
        );
        expect(one, `${lang} ${catalogue.name}.${key}`).not.toBe(many.replace(/\b2\b/g, "1"));
      }
    }
  });
});
