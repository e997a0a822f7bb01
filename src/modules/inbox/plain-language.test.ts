/**
 * The inbox's own Swedish texts pass our klarspråk engine: the case page (secrecy, openings,
 * reports of concern, undo), the receipt a reporter of concern gets, the notices to a
 * professional reporter and the refusals.
 */
import { parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { plainLanguageProblems, uiTexts } from "../../../test/ui-texts.js";
import { formatMessage } from "../../platform/i18n/messages.js";
import { REPORTER_NOTICES } from "./commands/handle.js";
import { OPEN_PURPOSES, SECRET_SUBJECT } from "./door.js";
import { messages, type InboxKey } from "./messages.js";

const ACRONYMS = ["OSL", "SOC", "LSS", "SoL"];

/** Texts inside `sv ? "…" : "…"` and attributes the generic reader does not see. */
const SPOKEN = [
  "Vi har tagit emot din orosanmälan",
  "Vår mottagning för barn och familj bedömer den i dag.",
  "Är det bråttom? Ring Socialjouren på 070-174 06 05.",
  "Vi kan inte berätta vad som händer med barnet eller familjen. Det omfattas av sekretess.",
  "Mer än så får vi inte berätta, eftersom uppgifterna om barnet och familjen omfattas av sekretess.",
  "Ärendet omfattas av sekretess (OSL 26 kap). Du ser innehållet först när du öppnar det. Loggen visar varje öppning och det du läser, med syftet.",
  "Du flyttar ärendet utan att läsa det. Flytten ger dig ingen rätt att läsa det.",
  "Mottagningen för barn och familj har anmälan. Bara mottagningen kan hantera den.",
  "Den som anmälde i sitt arbete får veta om vi har startat en utredning, om vi inte startar någon eller om en utredning redan pågår. Inget annat. Andra som anmäler får inget besked.",
  "Ärendet blir sekretessmarkerat och går direkt till mottagningen för barn och familj.",
  "Begäran gäller ett ärende som omfattas av sekretess (OSL 26 kap). Öppna den för att sekretesspröva handlingarna. Öppningen och det du läser skrivs i loggen.",
  "Ärendet omfattas av sekretess. Öppna det för att se inläggen och moderera. Öppningen och det du läser skrivs i loggen.",
  "Öppna originalet och läs det. Sedan kan du pröva sekretessen.",
  "Läs handlingen först. Öppna originalet och pröva sedan.",
  "Du får inte läsa ärendet som handlingen kommer från. Be någon på enheten som har ärendet att pröva den.",
  "Det går bara att ångra den senaste åtgärden",
  "Det går inte för en orosanmälan om ett barn",
  "Bekräfta att personen anmälde i sitt arbete",
  SECRET_SUBJECT,
  ...Object.values(OPEN_PURPOSES),
  ...Object.values(REPORTER_NOTICES),
];

/** The catalogue's Swedish sentences, formatted with sample values (a count of 3, a date, a name). */
function catalogueTexts(): string[] {
  return (Object.keys(messages.sv) as InboxKey[]).flatMap((key) => {
    // The case page, the board and the receipt for a report of concern (as before the catalogue);
    // the admin pages name settings and terms of the trade, and the form's words are older.
    if (!/^(?:case|reply|error|notice|board|event|follow\.concern)\./.test(key)) return [];
    const params: Record<string, string | number | Date> = {};
    for (const e of parse(messages.sv[key], { ignoreTag: true })) {
      if (e.type === TYPE.plural || e.type === TYPE.number) params[e.value] = 3;
      else if (e.type === TYPE.date || e.type === TYPE.time) params[e.value] = new Date("2026-11-30T12:00:00Z");
      else if (e.type === TYPE.select) params[e.value] = "other";
      else if (e.type === TYPE.argument) params[e.value] = "förslaget";
    }
    const text = formatMessage(messages, "sv", key, params).replace(/<\/?\w+>/g, "");
    // Sentences, not labels: the engine reads whole sentences.
    return /[.?!:]$/.test(text) && text.split(" ").length >= 4 ? [text] : [];
  });
}

describe("the inbox speaks plain Swedish", () => {
  it("has no warnings or errors from the klarspråk engine in the texts of secrecy and reports of concern", () => {
    const texts = [
      ...SPOKEN,
      ...catalogueTexts(),
      ...uiTexts(import.meta.dirname, ["staff/views.tsx"], ["staff/routes.tsx", "door.ts"]),
    ];
    expect(texts.length).toBeGreaterThan(40);
    expect(plainLanguageProblems(texts, ACRONYMS, ["070-174 06 05"])).toEqual([]);
  });
});
