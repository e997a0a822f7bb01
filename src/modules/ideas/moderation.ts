/**
 * Whether an idea may be shown publicly at once, or is held for a person to read first.
 * Held: personal data (the klarspråk engine's personal-data rule — identity numbers, phone
 * numbers, e-mail addresses), abusive words, or something that reads like a report of
 * concern about a child (which also goes to the inbox's intake at once: it is never an idea).
 * The reasons are in plain Swedish because the submitter is told them.
 */
import { findPersonalData } from "@klarsvar/klarsprak";
import { assessConcern } from "../inbox/index.js";

export interface ModerationResult {
  readonly hold: boolean;
  /** Said to the submitter and to the moderator. */
  readonly reasons: readonly string[];
  /** The text seems to hold personal data (a reason says which). */
  readonly personalData: boolean;
  readonly concern: boolean;
}

const KIND_SV: Record<string, string> = {
  personnummer: "ett personnummer",
  samordningsnummer: "ett samordningsnummer",
  telefonnummer: "ett telefonnummer",
  "e-postadress": "en e-postadress",
};

/**
 * Words that are abusive in any context. Deliberately short: a longer list catches ordinary
 * words ("neger" in old place names, "hora" in "horisont" is handled by word boundaries).
 * Moderators see every held idea, so a miss costs a person's attention, not a public insult.
 */
const ABUSE =
  /(?<![\p{L}])(?:idiot(?:er|erna|en)?|jävla|jävlar|helvete|fitta|fittor|kuk(?:ar|en)?|hora|horor|horan|fan ta|dö i|ska dö|hoppas (?:ni|du) dör|cp-\p{L}*|mongo|mongon|n[eiy]gg?er\p{L}*|bög(?:jävel|jävlar)|svartskall\p{L}*|blattar?(?:na)?|zigenarjävl\p{L}*|jävla \p{L}+|skitstövel|skitstövlar|äckel|äcklig(?:a|t)?|pack(?:et)? som|lat(?:a)? jävl\p{L}*|invandrarjävl\p{L}*)(?![\p{L}])/iu;

export function assessIdea(title: string, description: string): ModerationResult {
  const text = `${title}\n${description}`;
  const reasons: string[] = [];
  const kinds = [...new Set(findPersonalData(text).map((h) => h.kind))];
  if (kinds.length > 0) {
    const found = kinds.map((k) => KIND_SV[k] ?? k).join(" och ");
    reasons.push(`Texten verkar innehålla ${found}. Vi visar inte uppgifter om enskilda personer på webben.`);
  }
  if (ABUSE.test(text))
    reasons.push("Texten innehåller ord som kan uppfattas som kränkande. En medarbetare läser den först.");
  // Only worry, harm or abuse count here: an idea about children's services is not a report.
  const concern = assessConcern(text, { childMentionAlone: false }).concern;
  if (concern) {
    reasons.push(
      "Texten verkar handla om ett barn som någon är orolig för. Det tar vi hand om som en orosanmälan, inte som ett förslag. Ring 112 vid akut fara.",
    );
  }
  return { hold: reasons.length > 0, reasons, personalData: kinds.length > 0, concern };
}
