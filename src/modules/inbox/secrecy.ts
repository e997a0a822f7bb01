/**
 * Secrecy on arrival (OSL 26 kap): a message in which someone writes about their own (or their
 * family's) social-services matter, gives a personal identity number, or reports concern
 * about a child is secret the moment it arrives. The rule leans towards secrecy — staff can
 * lift the marking with a reason, but a secret detail shown to the wrong person cannot be
 * taken back. General questions ("Hur ansöker man om försörjningsstöd?") stay public.
 */
import { findPersonalData } from "@klarsvar/klarsprak";

export interface SecrecyAssessment {
  readonly secret: boolean;
  readonly reasons: readonly string[];
}

// Someone's own matter: a possessive ("min", "vår", "mitt barns") close before a word for
// a social-services matter.
const POSSESSIVE = String.raw`(?:min|mitt|mina|vår|vårt|våra|hans|hennes|deras|sonens|dotterns|barnens|mammas|pappas|(?:mitt|vårt|min|vår)\s+\p{L}+s)`;
const MATTER = String.raw`(?:ärende\p{L}*|handläggare\p{L}*|socialsekreterare\p{L}*|ansökan|ansökningar|beslut\p{L}*|utredning\p{L}*|placering\p{L}*|familjehem\p{L}*|insats\p{L}*|kontaktperson\p{L}*|boendestöd\p{L}*|försörjningsstöd\p{L}*|bistånd\p{L}*|avslag\p{L}*|journal\p{L}*|vårdnad\p{L}*|umgänge\p{L}*|behandling\p{L}*|missbruk\p{L}*|skulde?r?|hyresskuld\p{L}*|vräkning\p{L}*|LSS-\p{L}+|god\s+man|förvaltare|skyddat\s+boende|genomförandeplan\p{L}*|vårdplan\p{L}*|LVU|LVM)`;
const OWN_MATTER = [
  new RegExp(String.raw`(?<![\p{L}])${POSSESSIVE}(?:\s+\p{L}+){0,2}?\s+${MATTER}(?![\p{L}])`, "iu"),
  // "utredningen om min son", "beslutet för vår familj"
  new RegExp(String.raw`(?<![\p{L}])${MATTER}\s+(?:om|för|kring|av|gällande|rörande)\s+${POSSESSIVE}\s+\p{L}+`, "iu"),
];

// First-person statements about one's own situation that social services keep secret.
const FIRST_PERSON = [
  /\bjag (?:har|hade) (?:fått|fick) (?:avslag|beslut|ett beslut|en utredning)/iu,
  /\b(?:jag|vi) (?:har|hade) (?:sökt|ansökt) (?:om )?(?:försörjningsstöd|bistånd|ekonomiskt bistånd|stöd|hjälp|boende)/iu,
  /\b(?:jag|vi) (?:är|blir|blev) (?:placerad|placerade|utredd|utredda|anmäld|anmälda|hemlös|hemlösa|vräkt|vräkta)/iu,
  /\bjag (?:dricker|missbrukar|använder droger|knarkar|är beroende|har ett beroende|mår (?:mycket )?dåligt)/iu,
  /\b(?:min (?:man|fru|sambo|partner|pojkvän|flickvän)|mitt ex) (?:slår|hotar|misshandlar|förföljer)/iu,
  /\b(?:jag|vi) (?:blir|blev|har blivit) (?:slagen|slagna|hotad|hotade|misshandlad|misshandlade)/iu,
];

export function assessSecrecy(text: string, options: { concern?: boolean } = {}): SecrecyAssessment {
  const reasons: string[] = [];
  if (options.concern) reasons.push("orosanmälan");
  const ids = findPersonalData(text).filter((h) => h.kind === "personnummer" || h.kind === "samordningsnummer");
  if (ids.length > 0) reasons.push("personnummer");
  if (OWN_MATTER.some((re) => re.test(text))) reasons.push("eget ärende");
  if (FIRST_PERSON.some((re) => re.test(text))) reasons.push("egen situation");
  return { secret: reasons.length > 0, reasons };
}
