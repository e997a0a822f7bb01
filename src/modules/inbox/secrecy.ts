/**
 * Secrecy on arrival (OSL 26 kap 1 §): a message about an identifiable person's own social-
 * services matter — their own, their family's, or a named or otherwise identifiable third
 * person's — is secret the moment it arrives, on every channel. That covers financial aid,
 * debts and eviction, placements and foster care, LSS and home care, addiction, violence in
 * close relationships, protected housing or identity, a named case worker handling "my"
 * matter, a personal identity number (also a mistyped one), a request for one's own records,
 * and a report of concern about a child. General questions stay public ("Hur ansöker man om
 * försörjningsstöd?", a journalist asking for statistics, a teacher asking how to report).
 *
 * The rules lean towards secrecy — staff can lift the marking with a reason, but a secret
 * detail shown to the wrong person cannot be taken back — yet a general question marked
 * secret is hidden from colleagues and the public diarium, so each rule needs a person to
 * be in the text, not only a topic. Every rule names its reason for the staff member who
 * checks. Regular expressions only: this runs on every incoming message.
 *
 * Measured on two labelled sets in test-data/ (secrecy-set.test.ts): the rules were tuned on
 * secrecy-tuning.tsv only; secrecy-holdout.tsv was never looked at while tuning.
 */
import { findPersonalData } from "@klarsvar/klarsprak";

export interface SecrecyAssessment {
  readonly secret: boolean;
  readonly reasons: readonly string[];
}

// JavaScript's \b knows only ASCII letters ("\bär" never matches after a space): every \b in
// the sources below becomes a Unicode word boundary. Each stands next to a word of the
// pattern: before it (followed by a group or a letter) it needs no letter behind, after it
// no letter ahead — one cheap look each way.
const source = (s: string): string =>
  s
    .replace(/\\b(?=\(|\p{L}|\\p|\[\p{Lu})/gu, String.raw`(?<![\p{L}\p{N}])`)
    .replaceAll(String.raw`\b`, String.raw`(?![\p{L}\p{N}])`);
/**
 * A pattern for the lower-cased text: matching without the i flag is several times faster.
 * Its literals must be lower case (checked here, once, when the module loads).
 */
function low(...alternatives: string[]): RegExp {
  const joined = alternatives.map((a) => `(?:${a})`).join("|");
  if (/[A-ZÅÄÖ]/u.test(joined.replace(/\\[pP]\{[^}]*\}/gu, "")))
    throw new Error(`secrecy: upper case in a lower-case pattern: ${joined}`);
  // Those that start at a word share one look behind: then the engine tries the words only there.
  const word = String.raw`\b`;
  const atWord = alternatives.filter((a) => a.startsWith(word)).map((a) => `(?:${a.slice(word.length)})`);
  const rest = alternatives.filter((a) => !a.startsWith(word)).map((a) => `(?:${a})`);
  const parts = [...(atWord.length > 0 ? [`${word}(?:${atWord.join("|")})`] : []), ...rest];
  return new RegExp(source(parts.join("|")), "u");
}
/** A pattern for the text as written (names and their capitals). */
const cased = (...alternatives: string[]): RegExp =>
  new RegExp(source(alternatives.map((a) => `(?:${a})`).join("|")), "u");
/** Up to 40 characters within one sentence. */
const GAP = String.raw`[^.!?\n]{0,40}?`;
/** One to `n` whole words. */
const words = (n: number): string => String.raw`(?:[\p{L}\p{N}-]+\s+){0,${n}}?`;

// ---- The writer's own matter: a possessive close before a word for a social-services matter.
const POSSESSIVE = String.raw`(?:min|mitt|mina|vår|vårt|våra|hans|hennes|deras|sonens|dotterns|mammas|pappas|(?:mitt|vårt|min|vår)\s+\p{L}+s)`;
const MATTER = String.raw`(?:ärende\p{L}*|handläggare\p{L}*|socialsekreterare\p{L}*|ansökan|ansökningar|beslut\p{L}*|utredning\p{L}*|placering\p{L}*|familjehem\p{L}*|insats\p{L}*|kontaktperson\p{L}*|boendestöd\p{L}*|försörjningsstöd\p{L}*|bistånd\p{L}*|avslag\p{L}*|journal\p{L}*|vårdnad\p{L}*|umgänge\p{L}*|behandling\p{L}*|missbruk\p{L}*|skulde?r?|hyresskuld\p{L}*|vräkning\p{L}*|lss-\p{L}+|god\s+man|förvaltare|skyddat\s+boende|genomförandeplan\p{L}*|vårdplan\p{L}*|lvu|lvm|hemtjänst\p{L}*|utbetalning\p{L}*|återkrav\p{L}*|trygghetslarm\p{L}*|korttids\p{L}*|avlösar\p{L}*|ledsagar\p{L}*|äldreboende\p{L}*|demensboende\p{L}*|särskilt\s+boende)`;
const OWN_MATTER = low(
  String.raw`\b${POSSESSIVE}(?:\s+\p{L}+){0,2}?\s+${MATTER}\b`,
  // "utredningen om min son", "beslutet för vår familj"
  String.raw`\b${MATTER}\s+(?:om|för|kring|av|gällande|rörande)\s+${POSSESSIVE}\s+\p{L}+`,
  String.raw`\butreda\s+(?:min|mitt|mina|vår|vårt|våra|oss|mig|mej)\b`,
  // Records about oneself: "alla handlingar som finns om mig", "vad hon skrivit om mig".
  String.raw`\b(?:handling\p{L}*|journal\p{L}*|anteckning\p{L}*|uppgifter|skrivit|skrivits|dokumentation|records|written)\b${GAP}\b(?:om|about)\s+(?:mig|mej|oss|me|us)\b`,
  // Papers handed in for one's own case: "Bifogar kontoutdrag", "jag skickar lönespecifikationen".
  String.raw`(?:(?:^|[.!?:,\n]\s*)(?:bifogar|kompletterar|här\s+är|här\s+kommer|sent|attach\p{L}*)|\b(?:jag|vi|i)\s+(?:har\s+|hade\s+)?(?:nu\s+)?(?:bifogar|kompletterar|skickar|skickat|skickade|lämnar|lämnade|lämnat|sent|attach\p{L}*))\s+${words(5)}(?:kontoutdrag\p{L}*|hyreskontrakt\p{L}*|lönespecifikation\p{L}*|lönebesked\p{L}*|kvitt\p{L}*|\p{L}*intyg\p{L}*|underlag\p{L}*|hyresavi\p{L}*|räkning\p{L}*|papper\p{L}*|bank\s+statements?|rental\s+contract|payslips?|receipts?)\b`,
  String.raw`\b(?:som\s+(?:du|ni|hon|han)|du|ni)\s+(?:bad\s+om|efterfrågade|begärde|ville\s+ha|asked\s+for)\b`,
  // A named child or adult one is foster home, trustee or contact person for.
  String.raw`\b(?:vi|jag)\s+är\s+(?:familjehem|jourhem|kontaktfamilj|stödfamilj|god\s+man|förvaltare|kontaktperson|särskilt\s+förordnad\s+vårdnadshavare)\s+(?:för|till|åt)\b`,
  // Placements: "min son har blivit placerad", "dom har placerat min lillebror", "ni tog mina barn".
  String.raw`\b(?:min|mitt|mina|vår|vårt|våra|hans|hennes|my|our)\b${GAP}\b(?:placerad|placerade|placerat|omhändertagen|omhändertagna|omhändertogs|placed|taken\s+into\s+care|in\s+foster\s+care)\b`,
  String.raw`\b(?:placerat|placerade|omhändertog|omhändertagit|tog|tagit|tar)\s+(?:min|mitt|mina|vår|vårt|våra|my|our)\s+(?:\p{L}+\s+)?(?:barn|son|dotter|bror|syster|lillebror|lillasyster|children|kids|son|daughter)\b`,
  String.raw`\b(?:ge|lämna)\s+(?:mig|oss)\s+tillbaka\s+(?:min|mitt|mina|vår|vårt|våra)\b`,
  String.raw`\b(?:my|our)\s+(?:case|application|decision|benefits?|payments?|case\s*worker|social\s*worker|file|records|placement|visits)\b`,
  String.raw`\bi(?:'m|\s+am)\s+the\s+(?:mother|father|parent|grandmother|grandfather|foster\s+parent)\s+of\b`,
);

// ---- The writer's own situation, in the first person.
const SERVICE = String.raw`(?:försörjningsstöd\p{L}*|ekonomisk[t]?\s+bistånd|bistånd\p{L}*|hemtjänst\p{L}*|boendestöd\p{L}*|kontaktperson\p{L}*|kontaktfamilj\p{L}*|god\s+man|förvaltare|lss\p{L}*|assistans\p{L}*|personlig\s+assistent|ledsagar\p{L}*|avlösar\p{L}*|korttids\p{L}*|daglig\s+verksamhet|trygghetslarm\p{L}*|särskilt\s+boende|äldreboende\p{L}*|plats\s+på\s+\p{L}+|familjehem\p{L}*|behandlingshem\p{L}*|socialsekreterare|handläggare|utredning\p{L}*|socialbidrag)`;
const FIRST_PERSON = low(
  String.raw`\b(?:jag|vi|hon|han)\s+(?:har\s+|hade\s+)?(?:fått|fick|får)\s+${words(2)}(?:avslag|avslg|nej|beslut\p{L}*|brev|kallelse|återkrav|vräkningsbesked|vräkning|besked|faktura|räkning)\b`,
  String.raw`(?:^|[.!?\n]\s*)(?:har\s+)?(?:fått|fick)\s+${words(2)}(?:avslag|avslg|nej|beslut)\b`,
  String.raw`\bbeslut\p{L}*\s+(?:som\s+)?(?:jag|vi)\s+(?:har\s+)?(?:fått|fick)\b`,
  String.raw`\b(?:jag|vi)\s+(?:har|hade)\s+(?:sökt|ansökt|söker)\s+(?:om\s+)?${SERVICE}`,
  String.raw`\b(?:jag|vi)\s+(?:har|hade|har\s+haft|får|fick|har\s+fått|har\s+beviljats|beviljades)\s+${words(2)}${SERVICE}`,
  String.raw`\b(?:jag|vi)\s+(?:är|blir|blev|har\s+blivit)\s+(?:placerad|placerade|utredd|utredda|anmäld|anmälda|hemlös|hemlösa|bostadslös|bostadslösa|vräkt|vräkta|utkastad|utkastade|utslängd|utslängda)\b`,
  // Money that did not come, a payment that was wrong.
  String.raw`\b(?:pengarna|utbetalningen|hyran|ersättningen|bidraget|stödet)\b${GAP}\b(?:inte|aldrig)\s+(?:\p{L}+\s+)?(?:fått|kommit|betald|betalt|betalats|betalades|betalas)\b`,
  String.raw`(?:\b(?:jag|vi|hon|han)\b${GAP}|(?:^|[.!?\n])\s*(?:har\s+)?)\b(?:inte|aldrig)\s+(?:\p{L}+\s+)?(?:fått|fick)\s+(?:in\s+)?(?:pengarna|utbetalningen|hyran|ersättningen|bidraget|mina\s+pengar|något\s+beslut|beslut)\b`,
  String.raw`\b(?:(?:jag|vi)\s+(?:har\s+)?(?:fick|fått|får)\s+(?:\d[\d\s]*\s*(?:kr|kronor|:-)?\s+)?|(?:fick|fått)\s+\d[\d\s]*\s*(?:kr|kronor|:-)?\s+)för\s+(?:lite|mycket)\b`,
  String.raw`\båterkrav\b${GAP}\b(?:mig|mej|jag|oss)\b|\b(?:jag|mig|mej)\b${GAP}\båterkrav`,
  // Need: no money, no food, no home, debts.
  String.raw`\b(?:jag|vi)\b${GAP}(?:\binga|\bingen|\binte\s+(?:nån|någon|några)|\bbara\s+\d+\s*(?:kr|kronor))\s+(?:\p{L}+\s+)?(?:inkomst\p{L}*|mat|pengar|el|ström|bostad|lägenhet|kr|kronor)\b`,
  String.raw`\b(?:jag|vi|hon|han)\s+(?:har|hade)\s+(?:\p{L}+\s+)?(?:ingenstans\s+att\s+(?:bo|ta\s+vägen|sova)|skulder|\p{L}+skulder)\b`,
  String.raw`\b(?:jag|vi)\b${GAP}\bingenstans\s+att\s+(?:bo|ta\s+vägen|sova)\b`,
  String.raw`\bskulder\s+på\s+\d`,
  String.raw`\b(?:jag|vi)\s+(?:\p{L}+\s+)?(?:klarar|kan|har)\s+inte\s+(?:\p{L}+\s+){0,2}?(?:betala|hyran|räkningarna|räkningar|avgiften|maten|råd)\b`,
  String.raw`\b(?:klarar|kan)\s+(?:jag|vi)\s+inte\s+(?:\p{L}+\s+){0,2}?(?:betala|hyran|räkningarna|räkningar|avgiften|maten)\b`,
  String.raw`\b(?:jag|vi)\s+(?:får|fick|har\s+fått)\s+(?:snart\s+)?vräkning\p{L}*|\bhyresvärden\b${GAP}\b(?:vräk\p{L}*|uppsägning|säga\s+upp|ska\s+ut)\b`,
  // Where one lives: in the car, on the street, at a shelter, in care.
  String.raw`\b(?:jag|vi|hon|han)\s+(?:har\s+)?(?:bott|bor|sover|sov|lever)\s+${words(2)}(?:i\s+bilen|på\s+gatan|ute|på\s+härbärge\p{L}*|i\s+trapphus\p{L}*|i\s+tvättstug\p{L}*|hos\s+en\s+kompis|(?:i|på)\s+(?:ett\s+|mitt\s+)?(?:skyddat\s+boende|behandlingshem\p{L}*|hvb\p{L}*|jourhem\p{L}*|familjehem\p{L}*|korttids\p{L}*|äldreboende\p{L}*|demensboende\p{L}*|härbärge\p{L}*))`,
  // Lost one's job or fell ill, and asks for help with money.
  String.raw`\b(?:jag|vi)\s+(?:\p{L}+\s+){0,3}?(?:blev|blivit|är|har\s+varit)\s+(?:uppsagd|uppsagda|arbetslös|arbetslösa|sjukskriven|sjukskrivna)\b[^]{0,80}?\b(?:hyra\p{L}*|mat\p{L}*|pengar\p{L}*|räkning\p{L}*|bistånd|försörjningsstöd|hjälp)|\b(?:hyra\p{L}*|mat\p{L}*|pengar\p{L}*|räkning\p{L}*)\b[^]{0,80}?\b(?:jag|vi)\s+(?:\p{L}+\s+){0,3}?(?:blev|blivit|är|har\s+varit)\s+(?:uppsagd|uppsagda|arbetslös|arbetslösa|sjukskriven|sjukskrivna)\b`,
  String.raw`\b(?:jag|vi|hon|han)\s+vågar\s+inte\b`,
);

// ---- A named or identifiable third person (or the writer's family) and a social-services matter.
const RELATION = String.raw`(?:mamma|mamman|pappa|pappan|mor|far|mormor|morfar|farmor|farfar|föräldrar|son|sonen|dotter|dottern|barn|barnen|barnet|bror|syster|lillebror|lillasyster|storebror|storasyster|syskon|man|make|maken|fru|hustru|sambo|partner|pojkvän|flickvän|kille|tjej|ex|exman|exfru|granne|grannar|kompis|vän|väninna|kusin|moster|faster|morbror|farbror|svärmor|svärfar|barnbarn|bonusbarn|styvson|styvdotter|fosterbarn)`;
const PERSON_ANCHOR = low(
  String.raw`\b(?:(?:min|mitt|mina|vår|vårt|våra|hans|hennes|grannens|(?:min|mitt|vår)\s+\p{L}+s)\s+(?:\p{L}+\s+)?${RELATION}|(?<!\b(?:en|ens|ensamstående|blivande|ny|nyblivna?|ung|unga|varje|alla|andra|som)\s+)(?:mamma|pappa|mormor|morfar|farmor|farfar|lillebror|lillasyster|storebror|storasyster|grannen)|(?:farmor|farfar|mormor|morfar|mamma|pappa)\s+till|(?:my|our)\s+(?:\p{L}+\s+)?(?:mother|mom|mum|father|dad|son|daughter|child|children|kids?|brother|sister|husband|wife|partner|boyfriend|girlfriend|neighbou?r|friend))\b`,
);
const NAME = String.raw`\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)?`;
const NOT_NAME = String.raw`(?!(?:Hej|Hejsan|Hallå|Tack|Kan|Jag|Vi|Ni|Du|Han|Hon|De|Dom|Det|Den|Min|Mitt|Mina|Vår|Vad|Hur|Var|Vart|När|Vem|Socialtjänsten|Soc|Kommunen|Personalen|Barn|Familj|Ekonomiskt|Vuxen|Mottagningen|Exempelstad\p{L}*|Försäkringskassan|Arbetsförmedlingen|Kronofogden|Skatteverket|Region|Socialjouren|Socialnämnden|Facebook|Instagram|Mastodon|Bostad|Tjejen|Killen|Kvinnan|Mannen|Damen|Handläggaren|Handläggarna|Receptionen|Växeln|Alla|Någon|Ingen|Folk)(?![\p{L}]))`;
const IDENTIFIED = cased(
  String.raw`\b(?:[Hh]eter|[Nn]amed|[Cc]alled)[ \t]+${NOT_NAME}${NAME}`,
  String.raw`\b(?:granne|grannen|kompis|vän|väninna|syster|bror|mamma|pappa|son|dotter|dottern|sonen|farmor|farfar|mormor|morfar|brother|sister|friend|mother|father|son|daughter)[ \t]+${NOT_NAME}${NAME}`,
  String.raw`${NOT_NAME}${NAME},?[ \t]+(?:\d{1,2}|sex|sju|åtta|nio|tio|elva|tolv)[ \t]+år|${NOT_NAME}${NAME}[ \t]+\(\d{1,2}\)|\b(?:[Ff]ör|[Oo]m|[Tt]ill)[ \t]+${NOT_NAME}\p{Lu}\p{Ll}+[ \t]+\p{Lu}\p{Ll}+\b`,
  // An address, with a person at it: "äldre man på Björkgatan 7", "familjen i lgh 1102".
  String.raw`\b(?:[Mm]an|[Kk]vinna|[Dd]am|[Gg]ubbe|[Tt]ant|[Pp]ojke|[Ff]licka|[Kk]ille|[Tt]jej|[Ff]amilj(?:en)?|[Gg]rann\p{L}*|[Hh]an|[Hh]on|[Bb]arn(?:en)?|[Pp]erson)\b[^.!?\n]{0,40}?(?:\p{Lu}\p{Ll}+(?:gatan|vägen|stigen|gränd|gränden|torget|backen|platsen|allén)[ \t]+\d+|\b(?:lgh|lägenhet)\.?[ \t]*\d+|\b(?:porten|lägenheten|huset)[ \t]+bredvid\b|\bi[ \t]+nummer[ \t]+\d+)|(?:\p{Lu}\p{Ll}+(?:gatan|vägen|stigen|gränd|gränden|torget|backen|platsen|allén)[ \t]+\d+|\b(?:lgh|lägenhet)\.?[ \t]*\d+)[^.!?\n]{0,40}?\b(?:[Hh]an|[Hh]on|[Mm]an|[Kk]vinna|[Dd]am|[Ff]amilj(?:en)?|[Bb]arn(?:en)?)\b`,
);
const SITUATION = low(
  String.raw`\b(?:hemtjänst\p{L}*|särskilt\s+boende|äldreboende\p{L}*|demensboende\p{L}*|trygghetsboende\p{L}*|trygghetslarm\p{L}*|korttids\p{L}*|boendestöd\p{L}*|daglig\s+verksamhet|lss\p{L}*|assistans|assistent\p{L}*|kontaktperson\p{L}*|ledsagar\p{L}*|avlösar\p{L}*|behandlingshem\p{L}*|avgiftning\p{L}*|hvb\p{L}*|familjehem\p{L}*|jourhem\p{L}*|placer\p{L}*|omhänder\p{L}*|försörjningsstöd\p{L}*|bistånd\p{L}*|beslut\p{L}*|avslag|utredning\p{L}*|skulder|vräk\p{L}*|utkastad|utslängd|hemlös\p{L}*|sover\s+(?:i|på|ute)|bor\s+på\s+gatan|missbruk\p{L}*|dricker|super|droger|kokain|knark\p{L}*|full|påverkad|slår|slog|hotar|hotade|blåmärken|demens|alzheimer|god\s+man|förvaltare|insulin\p{L}*|diabetes|epilepsi|autism|blind|funktionsnedsättning|magrare|duschat|sjuk|foster\s+care|taken\s+into\s+care|placed)\b`,
);

// ---- Violence in a close relationship, and hiding from it.
const VIOLENCE = low(
  String.raw`\b(?:slår|slog|slagit|hotar|hotade|hotat|knuffa\p{L}*|sparka\p{L}*|misshandla\p{L}*|förföljer|förföljde|förföljt|våldtog|stryper|ströp|kontrollerar)\s+(?:mig|mej|oss|henne|honom|mamma|pappa|allt\s+(?:jag|hon|han|vi))\b`,
  String.raw`\b(?:jag|vi|hon|han|(?:min|mitt|mina)\s+\p{L}+)\s+(?:blir|blev|har\s+blivit|är|var)\s+(?:slagen|slagna|hotad|hotade|misshandlad|misshandlade|förföljd|våldtagen|utsatt)\b`,
  String.raw`\b(?:jag|vi|hon|han)\s+(?:utsätts|utsattes|har\s+utsatts)\s+för\b`,
  String.raw`\b(?:tar|tog|har\s+tagit)\s+(?:min|mina|mitt|hennes|hans)\s+(?:lön|pengar|pass|telefon|mobil|bankkort)\b`,
  String.raw`\b(?:jag|hon|han|vi)\s+(?:får|fick)\s+inte\s+(?:ha\s+(?:en\s+)?egen|gå\s+ut|träffa|ringa|åka)\b|\blåter\s+(?:mig|mej|henne|honom|oss)\s+inte\b`,
  String.raw`\b(?:han|hon)\s+(?:läser|lyssnar|kollar|övervakar|har\s+hittat|hittade)\s*(?:på\s+)?(?:min|mina|mitt|vår|våra|$|[.,!])`,
  String.raw`\brädd\s+för\s+(?:min|mitt|honom|henne)\b`,
  String.raw`\b(?:hits|hit|beats|beat|threatens|threatened|hurts|abuses|controls|stalks)\s+(?:me|us|her|him)\b|\bi(?:'m|\s+am|\s+was)\s+(?:being\s+)?(?:abused|beaten|threatened|stalked)\b`,
);

// ---- Protected housing and identity, for oneself or someone named.
const PROTECTED = low(
  String.raw`\b(?:jag|vi|hon|han|mig|oss)\b${GAP}\b(?:skydda[dt]e?\s+(?:boende\p{L}*|identitet|personuppgifter|adress)|sekretessmarkering|kvarskrivning|protected\s+(?:housing|identity))\b`,
  String.raw`\b(?:skicka|skriv)\s+(?:inga|inte)\s+(?:brev|post)?\s*(?:till\s+)?(?:mig|mej|folkbokföringsadressen|min\s+adress)\b|\bskriv\s+inte\s+till\s+mig\b`,
);

// ---- Addiction, the writer's own or a relative's.
const ADDICTION = low(
  String.raw`\b(?:jag|vi|hon|han|mamma|pappa|mamman|pappan)\s+(?:e|är|har\s+varit|blev|blivit)\s+(?:beroende|alkoholist|missbrukare|narkoman|full|påverkad|drogpåverkad)\b`,
  String.raw`\b(?:jag|hon|han|mamma|pappa|mamman|pappan)\s+(?:dricker|super|knarkar|röker\s+på|har\s+rökt\s+på|tar\s+droger|använder\s+(?:droger|kokain|\p{L}+narkotika)|spelar\s+bort)\b`,
  String.raw`\b(?:jag|vi|hon|han)\s+(?:har\s+)?(?:varit|gått|gick|är|ligger|går)\s+${words(2)}(?:avgiftning\p{L}*|behandlingshem\p{L}*|behandling\p{L}*|hvb\p{L}*|lvm)\b`,
  String.raw`\b(?:jag|vi)\s+(?:\p{L}+\s+)?vill\s+sluta\s+(?:dricka|knarka|röka\s+på|spela|med\s+droger)\b`,
);

// ---- A case worker named as the one who handles the writer's matter.
const UNIT = String.raw`(?:ekonomiskt\s+bistånd|ekonomi\p{L}*|mottagning\p{L}*|\p{Ll}*enhet\p{L}*|soc|socialtjänsten|socialkontoret|socialförvaltningen|[Bb]arn\s+och\s+familj|vuxen\p{L}*|försörjningsstöd\p{L}*|LSS|kontoret|familjehemsgruppen|biståndsenheten)`;
const NAMED_STAFF = cased(
  String.raw`(?:[Hh]andläggar(?:e|en)|[Ss]ocialsekreterar(?:e|en)|[Kk]ontaktperson(?:en)?|[Cc]ase[ \t]*worker|[Ss]ocial[ \t]*worker|[Ss]ocionom(?:en)?|[Bb]iståndshandläggar(?:e|en))[ \t]+(?:heter[ \t]+|is[ \t]+|called[ \t]+)?${NOT_NAME}${NAME}`,
  String.raw`${NOT_NAME}${NAME},[ \t]+(?:handläggare|socialsekreterare|kontaktperson)`,
  String.raw`${NOT_NAME}${NAME}[ \t]+på[ \t]+${UNIT}(?![\p{L}])`,
);
// "Hej Fatima, tack för samtalet": writing to a staff member one has met about one's matter.
const GREETED_STAFF = cased(
  String.raw`^\s*(?:Hej|Hejsan|Hallå|Hi|Hello|Dear|Till)[ \t]+${NOT_NAME}${NAME}[ \t]*[,!:][^]*?\b(?:samtalet|vi\s+pratade|vi\s+talade|mötet|du\s+bad|du\s+sa|du\s+lovade|bifogar|här\s+är|kompletter\p{L}*)`,
);
const WRITER = low(String.raw`\b(?:jag|mig|mej|min|mitt|mina|vi|oss|vår|vårt|våra|me|my)\b`);

// ---- Words that say the writer asks in a role or in general, not about themselves.
const ROLE = String.raw`(?:journalist|reporter|redaktör|student|studerande|forskare|rektor|kurator|läkare|psykolog|präst|kyrkoherde|diakon|tränare|polis|hyresvärd|fastighetsägare|politiker|ledamot|företagare|chef|handläggare|socialsekreterare|\p{L}*(?:lärare|sköterska|pedagog|ledare|arbetare|handläggare|chef|tränare|journalist|reporter))`;
const FRAMES = new RegExp(
  source(
    String.raw`\b(?:jag|vi)\s+(?:är|jobbar|arbetar)\s+(?:som\s+|en\s+|ett\s+)?${ROLE}\b[^.!?\n]*?(?=\s+och\s|[.!?\n,]|$)|\b(?:jag|vi)\s+(?:jobbar|arbetar)\s+(?:på|inom|i|med)\b[^.!?\n]*?(?=\s+och\s|[.!?\n,]|$)|\bvi\s+är\s+(?:en|ett)\s+(?!familjehem|jourhem|kontaktfamilj|stödfamilj)\p{L}+|\bjag\s+skriver\s+(?:en|ett|på\s+en)\s+\p{L}+|\b(?:min|mitt|vår|vårt)\s+(?:arbetsgivare|chef|kollega|kollegor|företag|bolag|förening|församling|skola|organisation|arbetsplats|personal|idé|uppsats|artikel)\b|\b(?:hur|var|vart|vilka|vilken|vad)\s+(?:gör|hittar|ansöker|söker|kan|ska|får|skickar|bokar|anmäler|överklagar|behöver|vänder|når|ringer|lämnar|mejlar)\s+(?:jag|vi)\b|\bjag\s+(?:undrar|vill\s+(?:veta|fråga|ge|lämna)|har\s+en\s+(?:fråga|idé))\b`,
  ),
  "giu",
);

// ---- A personal identity number, also one mistyped (a wrong check digit is still someone's number).
const ID_SHAPED =
  /(?<![\d-])(?:(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:[0-2]\d|3[01]|[6-8]\d|9[01])[-+ ]?\d{4}|\d{2}(?:0[1-9]|1[0-2])(?:[0-2]\d|3[01]|[6-8]\d|9[01])[-+]\d{4})(?!\d)/u;

// ---- A report of concern that is only a general question ("Får en orosanmälan göras anonymt?").
const QUESTION_ONLY = low(
  String.raw`^(?:[^.!?\n]*[.!\n]\s*)?(?:hur|vad|vart|var|när|vilka|vilken|vilket|finns|får|kan\s+man|ska\s+man|gäller|är\s+det|vem)\b[^.!]*\?\s*$`,
);
const SPECIFIC_CHILD = low(
  String.raw`\b(?:pojken|flickan|killen|tjejen|barnet|barnen|bebisen|ungen|ungarna|eleven|grannens|grannbarn\p{L}*|\d{1,2}-åring\p{L}*|\d{1,2}\s+år)\b`,
);

const SENTENCE_END = /(?<=[.!?])\s+|\n+/u;

/**
 * A relative, a named person or an address, and a social-services matter, in one sentence or
 * the next. `text` as written (for names), `lower` the same text in lower case.
 */
function thirdPerson(text: string, lower: string): "namngiven person" | "eget ärende" | undefined {
  const parts = text.split(SENTENCE_END);
  const lowered = lower.split(SENTENCE_END);
  // Lower-casing keeps sentence ends where they were; if a rare letter changed length, still no harm.
  const matter = lowered.map((s) => SITUATION.test(s));
  for (let i = 0; i < parts.length; i++) {
    if (!matter[i] && !matter[i + 1]) continue;
    const window = `${parts[i] ?? ""} ${parts[i + 1] ?? ""}`;
    if (IDENTIFIED.test(window)) return "namngiven person";
    if (PERSON_ANCHOR.test(`${lowered[i] ?? ""} ${lowered[i + 1] ?? ""}`)) return "eget ärende";
  }
  return undefined;
}

/**
 * The text a message is judged on, the same on every channel and for a first message and a
 * follow-up alike: its subject (an e-mail's, a form's heading) and its body.
 */
export function arrivalText(subject: string | undefined, body: string): string {
  const heading = subject?.trim();
  return heading ? `${heading}\n${body}` : body;
}

export function assessSecrecy(text: string, options: { concern?: boolean } = {}): SecrecyAssessment {
  const reasons = new Set<string>();
  // Role and general phrasing ("Jag är lärare", "Min arbetsgivare undrar", "Hur gör jag") is
  // taken out first: what remains speaks of the writer, or of someone they know.
  const own = text.replace(FRAMES, " … ");
  const lower = own.toLowerCase();
  if (
    ID_SHAPED.test(text) ||
    findPersonalData(text).some((h) => h.kind === "personnummer" || h.kind === "samordningsnummer")
  )
    reasons.add("personnummer");
  if (OWN_MATTER.test(lower)) reasons.add("eget ärende");
  if ((NAMED_STAFF.test(text) && WRITER.test(lower)) || GREETED_STAFF.test(text)) reasons.add("namngiven handläggare");
  if (VIOLENCE.test(lower)) reasons.add("våld");
  if (PROTECTED.test(lower)) reasons.add("skyddat boende");
  if (ADDICTION.test(lower)) reasons.add("missbruk");
  if (FIRST_PERSON.test(lower)) reasons.add("egen situation");
  const third = SITUATION.test(lower) ? thirdPerson(own, lower) : undefined;
  if (third) reasons.add(third);
  // A report of concern is secret — unless it is only a general question that names no one.
  if (options.concern && (reasons.size > 0 || !generalQuestion(text, own, lower))) reasons.add("orosanmälan");
  return { secret: reasons.size > 0, reasons: orderReasons(reasons) };
}

function generalQuestion(text: string, own: string, lower: string): boolean {
  return (
    QUESTION_ONLY.test(text.trim().toLowerCase()) &&
    !WRITER.test(lower) &&
    !SPECIFIC_CHILD.test(lower) &&
    !PERSON_ANCHOR.test(lower) &&
    !IDENTIFIED.test(own)
  );
}

const ORDER = [
  "orosanmälan",
  "personnummer",
  "eget ärende",
  "egen situation",
  "namngiven handläggare",
  "namngiven person",
  "skyddat boende",
  "våld",
  "missbruk",
];
function orderReasons(reasons: ReadonlySet<string>): string[] {
  return ORDER.filter((r) => reasons.has(r));
}
