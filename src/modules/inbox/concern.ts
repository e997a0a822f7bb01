/**
 * Recognises a report of concern about a child (orosanmälan) in any incoming message.
 * Such a message is never an ordinary question: it is flagged, routed at once to the
 * child-welfare intake, put above everything else and acknowledged with the out-of-hours
 * number. Recall matters most — a missed report can mean a child left at risk — so the
 * rules lean towards flagging; staff can re-classify with a reason.
 */

export interface ConcernAssessment {
  readonly concern: boolean;
  /** What made us think so, in plain Swedish, for the staff member who checks. */
  readonly reasons: readonly string[];
}

/** Phrases that on their own mean a report of concern. */
const STRONG: readonly [RegExp, string][] = [
  // Singular and verb forms: "orosanmälningar" alone is usually a question about statistics.
  [/\borosanm[äa]l(?!ningar)/i, "nämner orosanmälan"],
  [/\bfar illa\b/i, "säger att någon far illa"],
  [/\b(?:misshandla[rdt]?|misshandel)\b/i, "nämner misshandel"],
  [/\b(?:sexuella? (?:övergrepp|ofredande)|övergrepp|våldtä[kg])/i, "nämner övergrepp"],
  [/\bvågar inte (?:gå|komma|vara) hem/i, "någon vågar inte gå hem"],
  [/\b(?:blåmärken|blåmärke)\b/i, "nämner blåmärken"],
  [
    /\b(?:hedersrelaterat?|bortgift|tvångsgift|(?:skicka|skickas|åka) (?:\w+ )?utomlands för att gifta)/i,
    "nämner hedersrelaterat våld eller tvångsäktenskap",
  ],
  [/\bkönsstymp/i, "nämner könsstympning"],
];

/** A child is mentioned. */
const CHILD =
  /\b(?:(?:syster|bror|brors|bonus|styv|foster)?(?:dotter|dottern|dotters|son|sonen|sons)|(?:foster|bonus)?barn(?:et|en|ens|s|ets)?|bebis(?:en)?|spädbarn(?:et)?|dotter|dottern|döttrar(?:na)?|son(?:en)?|söner(?:na)?|pojke(?:n)?|pojkar(?:na)?|flicka(?:n)?|flickor(?:na)?|tjej(?:en)?|kille(?:n)?|elev(?:en)?|elever(?:na)?|tonåring(?:en)?|barnbarn(?:et)?|syskon(?:en)?|lillebror|lillasyster|ungar(?:na)?|ungen|\d{1,2}-åring(?:en)?|\d{1,2} år gammal|grannens (?:barn|pojke|flicka|dotter|son|ungar))\b/i;

/** Harm or danger is described. */
const HARM =
  /\b(?:slå[rs]?|slog|slagen|sparka[rt]?|skrik(?:er|it)?|hota[rt]?|hotade|våld(?:et)?|vålds\w*|skada[rt]?|skadad|blöder|rädda?|rädsla|ensam(?:ma)? hemma|lämna[st]? ensam(?:ma)?|ingen mat|utan mat|hungrig(?:a)?|smutsig(?:a)?|berusad(?:e)?|full(?:a)? (?:när|och)|drick(?:er)? mycket|dricker|alkohol|knark|droger|drogpåverkad(?:e)?|påverkad(?:e)?|missbruk\w*|självskad\w*|skär sig|vill inte leva|ta livet av|försvunnen|rymt|bråk(?:ar)? (?:hemma|mycket)|skriker på|kallar (?:honom|henne|dem)|sår|skador|skadorna|polis(?:en)?|(?:inte|aldrig) får (?:äta|mat|sova)|får inte (?:äta|sova)|tar inte hand om|ingen tar hand om|mår (?:psykiskt )?(?:dåligt|jättedåligt)|psykiskt sjuk|döda|dödar|död|festar|fest(?:er)?|behandla[st]? illa|vanvård\w*|kastar ut|utkastad|svälter|magra?|gått ner (?:mycket )?i vikt|ledsen|gråter|inlåst|låser in)\b/i;

/** Worry is expressed. */
const WORRY =
  /\b(?:orolig(?:a|t)?|oro(?:ar)?|bekymrad(?:e)?|illa|inte bra hemma|något är fel|misstänker|konstigt hemma)\b/i;

/** Worry about things that are not a child's safety ("orolig för min ekonomi"). */
const BENIGN_WORRY =
  /\boro(?:lig|ar)? (?:för|över) (?:min |vår |mina |våra )?(?:ekonomi(?:n)?|räkning(?:ar|arna)?|hyra(?:n)?|pengar(?:na)?|jobb(?:et)?|ansökan|beslutet|svaret|handläggningstid\w*|försörjningsstöd\w*|pension\w*)/i;

/**
 * Errands that mention a child without any worry: applying, fees, documents, statistics.
 * A message that mentions a child and none of these is flagged — recall comes first.
 */
const ERRAND =
  /\b(?:ansök\w*|söka|avgift\w*|\w*bidrag\w*|blankett\w*|dokument\w*|intyg|beslut\w*|överklag\w*|handläggningstid\w*|boka\w*|plats(?:en)? i|\w*plats|journalist\w*|statistik|hur många|uppsats|skoluppgift|tack\w*|information|informationen|kontaktperson|kontaktfamilj|familjehem|underhåll\w*|umgänge\w*|flytt\w*|sommarjobb\w*|feriearbete\w*|vigsel|glasögon|fritids|födelsebevis|föräldrautbildning\w*|samtalsgrupp\w*|adhd|funktionsnedsättning|lss|öppettider|öppet|tider|fyller|försörjningsstöd\w*|ekonomi\w*|hyra\w*|bostad\w*|boende\w*)\b/i;

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * `childMentionAlone` (default true): a message that mentions a child and no errand is flagged
 * too — recall first, for questions a person reads anyway. Ideas turn it off: an idea about
 * children's services is not a report, and only signs of worry, harm or abuse count there.
 */
export function assessConcern(text: string, options: { childMentionAlone?: boolean } = {}): ConcernAssessment {
  const reasons: string[] = [];
  for (const [pattern, reason] of STRONG) if (pattern.test(text)) reasons.push(reason);
  // A child and harm, or a child and worry, in the same sentence or the next one.
  const parts = sentences(text);
  for (let i = 0; i < parts.length; i++) {
    const here = parts[i] as string;
    const window = `${here} ${parts[i + 1] ?? ""}`;
    const withoutBenign = window.replace(BENIGN_WORRY, "");
    if (CHILD.test(window) && HARM.test(withoutBenign)) {
      reasons.push("ett barn nämns tillsammans med våld, hot eller annan fara");
      break;
    }
    if (CHILD.test(window) && WORRY.test(withoutBenign)) {
      reasons.push("någon är orolig för ett barn");
      break;
    }
  }
  if ((options.childMentionAlone ?? true) && reasons.length === 0 && CHILD.test(text) && !ERRAND.test(text)) {
    reasons.push("ett barn nämns och det handlar inte om en vanlig fråga");
  }
  return { concern: reasons.length > 0, reasons: [...new Set(reasons)] };
}
