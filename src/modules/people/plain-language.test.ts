/**
 * The people and unit pages' own Swedish texts — headings, hints, role descriptions, what the
 * history says, every refusal — pass our klarspråk engine. They all live in the catalogue.
 */
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { formatRich } from "../../platform/i18n/messages.js";
import { plainLanguageProblems } from "../../../test/ui-texts.js";
import { messages, type PeopleKey } from "./messages.js";

/** Sample values for a message's arguments and tags: a number for counts, a date, "3" for words (as before). */
function sampleValues(elements: readonly MessageFormatElement[], into: Record<string, unknown> = {}) {
  for (const e of elements) {
    if (e.type === TYPE.date || e.type === TYPE.time) into[e.value] = new Date("2026-11-30T12:00:00Z");
    else if (e.type === TYPE.number || e.type === TYPE.plural) into[e.value] = 3;
    else if (e.type === TYPE.argument) into[e.value] = "3";
    else if (e.type === TYPE.tag) {
      into[e.value] = (text: string) => text;
      sampleValues(e.children, into);
    }
    if (e.type === TYPE.plural || e.type === TYPE.select)
      for (const o of Object.values(e.options)) sampleValues(o.value, into);
  }
  return into;
}

/** Every Swedish message as a person reads it (the same filter as before: sentences, not single labels). */
function texts(): string[] {
  return (Object.keys(messages.sv) as PeopleKey[])
    .map((key) => {
      const values = sampleValues(parse(messages.sv[key]));
      return String(formatRich(messages, "sv", key, values as Parameters<typeof formatRich>[3]));
    })
    .filter((t) => / /.test(t) && /[åäö]|\b(?:och|att|är|inte|en|ett|för|som|på|med|har)\b/i.test(t));
}

describe("the people and unit pages speak plain Swedish", () => {
  it("have no warnings or errors from the klarspråk engine", () => {
    const all = [...new Set(texts())];
    expect(all.length).toBeGreaterThan(80);
    expect(plainLanguageProblems(all, [], ["namn@exempel.se"])).toEqual([]);
  });
});
