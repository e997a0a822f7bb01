/** The social pages' own Swedish texts pass our klarspråk engine (every message in the catalogue, filled in). */
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { analyze } from "@klarsvar/klarsprak";
import { describe, expect, it } from "vitest";
import { formatMessage } from "../../platform/i18n/messages.js";
import { messages } from "./messages.js";

const ACRONYMS = ["JSON", "SHA", "META", "APP", "SECRET", "VERIFY", "TOKEN", "HTTP"];
const ALLOWED: string[] = [];
/**
 * Texts the engine would word otherwise, kept as they were when the module moved to its
 * catalogue (the passive voice of what the system does by itself; "meddelande" is the
 * platform's own word for a private message). Rewording them is a separate change.
 */
const KEPT = new Set([
  "admin.form.token.hint",
  "archive.lead",
  "posts.lead",
  "moderation.error.action",
  "subject.facebook:message",
  "subject.instagram:message",
  "failure.window",
]);

/** Example values for a message's arguments: a date for dates, 3 for counts and numbers, a word otherwise. */
function example(elements: readonly MessageFormatElement[], into: Record<string, string | number | Date> = {}) {
  for (const e of elements) {
    if (e.type === TYPE.date || e.type === TYPE.time) into[e.value] = new Date("2026-11-24T14:00:00Z");
    else if (e.type === TYPE.number || e.type === TYPE.plural) into[e.value] = 3;
    else if (e.type === TYPE.select) into[e.value] = "other";
    else if (e.type === TYPE.argument) into[e.value] ??= "texten";
    if (e.type === TYPE.plural || e.type === TYPE.select)
      for (const o of Object.values(e.options)) example(o.value, into);
    if (e.type === TYPE.tag) example(e.children, into);
  }
  return into;
}

function texts(): string[] {
  return Object.entries(messages.sv)
    .filter(([key]) => !KEPT.has(key))
    .filter(([, text]) => /\p{L}{3,}/u.test(text.replace(/\{[^}]*\}/g, "")))
    .map(([key, text]) => formatMessage(messages, "sv", key as keyof typeof messages.sv, example(parse(text))));
}

describe("the social pages speak plain Swedish", () => {
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
