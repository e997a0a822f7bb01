/**
 * Recognises a report of concern about a child (orosanmälan) in any incoming message.
 * Such a message is never an ordinary question: it is flagged, routed at once to the
 * child-welfare intake, put above everything else and acknowledged with the out-of-hours
 * number. Recall matters most — a missed report can mean a child left at risk — so the
 * rules lean towards flagging; staff can re-classify with a reason.
 */
import { unicodeEdges } from "../../platform/text.js";

export interface ConcernAssessment {
  readonly concern: boolean;
  /** What made us think so, in plain Swedish, for the staff member who checks. */
  readonly reasons: readonly string[];
  /**
   * A reason that names the thing itself (a report in so many words, abuse, bruises, "far illa",
   * honour-related violence, a child with concrete harm: hit, strangled, locked in, alone at
   * home, starving), as opposed to a child mentioned near worry or other harm. The learned
   * model may set aside a weak reason it is sure of, never lightly a strong one.
   */
  readonly strong?: boolean;
  /** The writer says it is a report ("Jag gör en orosanmälan"): never set aside by a model. */
  readonly saysReport?: boolean;
}

/** The reason shown when the learned model (intelligence.ts) found a report of concern. */
export const LEARNED_CONCERN = "liknar orosanmälningar i vårt underlag";

/** Phrases that on their own mean a report of concern. */
const STRONG: readonly [RegExp, string][] = [
  [/(?<!\b(?:många|alla) (?:av )?(?:våra |era )?barn )\bfar illa\b/i, "säger att någon far illa"],
  [/\b(?:misshandla[rdt]?|misshandel)\b/i, "nämner misshandel"],
  [
    /\b(?:sexuella? (?:övergrepp|ofredande)|övergrepp|våldtä[kg]|tafsa\w*|tar på (?:henne|honom|dem) på ett sätt)/i,
    "nämner övergrepp",
  ],
  [/\bvågar inte (?:gå|komma|vara) hem/i, "någon vågar inte gå hem"],
  [/\b(?:blåmärken|blåmärke)\b/i, "nämner blåmärken"],
  [
    /\b(?:hedersrelaterat?|bortgift|tvångsgift|(?:skicka|skickas|åka) (?:\w+ )?(?:utomlands|till släktingar utomlands)(?: \w+){0,6} (?:för att |och )?(?:ska )?gifta)/i,
    "nämner hedersrelaterat våld eller tvångsäktenskap",
  ],
  [/\bkönsstymp/i, "nämner könsstympning"],
];
const STRONG_EDGED = STRONG.map(([pattern, reason]) => [unicodeEdges(pattern), reason] as const);

/**
 * The writer makes a report now ("Jag gör en orosanmälan", a heading "Orosanmälan", "vill
 * anmäla oro"), as opposed to asking about reports, which is a question.
 */
const REPORT_ACT = unicodeEdges(
  /(?:^|\n)\s*orosanmälan\b|\b(?:gör|göra|lämnar|lämna|skickar|skicka)(?: in)?(?: härmed| nu| också)? (?:en )?orosanm[äa]lan\b|\borosanmälan (?:om|angående|gällande|för|kring)\b|\b(?:jag|vi) (?:gör|göra|vill göra|lämnar|vill lämna|skickar)(?: härmed| nu| också)? (?:en )?(?:orosanm[äa]lan|anmälan)\b|\b(?:gör|lämnar) (?:vi |jag )?härmed (?:en )?(?:oros)?anmälan|\banmäla oro\b|\bdetta är en orosanmälan|\bi am (?:making|filing) a report/i,
);

/** "Jag vill anmäla det här" counts when a child is in the message. */
const REPORT_THIS = unicodeEdges(/\b(?:vill|ska) anmäla (?:det här|detta|det)\b/i);

/** Asking how reporting works, or speaking of a report already made, is not a report. */
const ABOUT_REPORTS = unicodeEdges(
  /\b(?:hur|om man|kan man|får man|måste man|när (?:vi|man)|vilket är rätt sätt att|rätt sätt|vart|var skickar|när ska|efter en|om en|gjorde en|gjort en|har gjort|förra|skickat|skickade)\b[^.?!\n]{0,40}\b(?:oros)?anm[äa]l/i,
);

/** Media, statistics, research: about reports in general. */
const GENERAL = unicodeEdges(
  /\b(?:granskning\w*|statistik\w*|siffror|hur många|uppsats|rutin\w*|kommuner|intervju\w*|vad händer (?:när|om) man|finns det (?:stöd|någon grupp|grupper|samtal\w*)|man kan söka|skyldighet att anmäla|how (?:to|should|do|can)|no specific|inget aktuellt|anmälningsplikt\w*|omhändertagna direkt|för (?:några|flera|många|\w+) år sedan|har inte hört (?:något|av er|någonting)|(?:fått|få) (?:någon )?bekräftelse|tagit emot (?:den|anmälan|min anmälan)|föräldrastöd\w*|stöd för föräldrar|familjebehandling\w*|föräldrakurs\w*)\b/i,
);

/** A child is mentioned. */
const CHILD = unicodeEdges(
  /\b(?:jag (?:är|e|ä) (?:[7-9]|1[0-7])(?: år)?|(?:på|som är) (?:[1-9]|1[0-7]) år|kids?|child(?:ren)?|boy|girl|daughter|baby|toddler|\d{1,2}-year-old|Kind(?:er)?|Jungen?|Mädchen|Tochter|Sohn|dziecko|dzieci|dziewczyn\w*|chłop\w*|lapsi|lapset|poika|tyttö|ilmo|carruur|grann(?:ungen|pojken|flickan|barnen|barnet)|småbarn\w*|lillen|grabb(?:en)?|spelar(?:e|na)|\d{1,2} ?-?åring(?:en)?|بچه|طفل|أطفال|ابن|بنت|دختر|پسر|tolvåri\w+|tonårs\w+|\w+åriga? (?:dotter|son|pojke|flicka)|(?:syster|bror|brors|bonus|styv|foster)?(?:dotter|dottern|dotters|son|sonen|sons)|(?:foster|bonus)?barn(?:et|en|ens|s|ets)?|bebis(?:en)?|spädbarn(?:et)?|dotter|dottern|döttrar(?:na)?|son(?:en)?|söner(?:na)?|pojke(?:n)?|pojkar(?:na)?|flicka(?:n)?|flickor(?:na)?|tjej(?:en)?|kille(?:n)?|elev(?:en)?|elever(?:na)?|tonåring(?:en)?|barnbarn(?:et)?|syskon(?:en)?|lillebror|lillasyster|ungar(?:na)?|ungen|\d{1,2}-åring(?:en)?|\d{1,2} år gammal|grannens (?:barn|pojke|flicka|dotter|son|ungar))\b/i,
);

/** Harm or danger is described. */
const HARM = unicodeEdges(
  /\b(?:hits?|hitting|beats?|beaten|bruises?|hurts?|crying|alone|scared|afraid|neglect\w*|intoxicated|gives? (?:him|her) (?:the )?alcohol|schlägt|geschlagen|Schläge|Schreien|weint|blaues? Auge|blaue Flecken|allein|Angst|płacze|sama|sam|piją|bije|smällar|påkörd|ensam på vägen|märken på|ramlade|sprit|tog bilder på|används av|gäng\w*|obehandlad|uteblivit|وحده|جائع|کتک|گریه|tigger|festas|ingen (?:vuxen )?(?:som )?tar hand om|inte att någon (?:vuxen )?tar hand om|slå[rs]?|slog|slagen|slagit|strypgrepp|stryptag|strypte|ströp|stryper|tar på (?:henne|honom)|sparka[rt]?|skrik(?:er|it)?|hota[rt]?|hotade|våld(?:et)?|vålds(?!amma (?:data)?spel)\w*|vapen|knuff\w*|slängt ut|slänger ut|kastade|skada[rt]?|skadad|blöder|rädda?|rädsla|ensam(?:ma)? hemma|lämna[st]? ensam(?:ma)?|ingen mat|utan mat|hungrig(?:a)?|smutsig(?:a)?|berusad(?:e)?|full(?:a)? (?:när|och)|drick(?:er)? mycket|dricker|alkohol|knark|droger|drogpåverkad(?:e)?|påverkad(?:e)?|missbruk\w*|självskad\w*|skär sig|vill inte leva|ta livet av|försvunnen|rymt|bråk(?:ar)? (?:hemma|mycket)|skriker på|kallar (?:honom|henne|dem)|sår|skador|skadorna|polis(?:en)?|(?:inte|aldrig) får (?:äta|mat|sova)|får inte (?:äta|sova)|tar inte hand om|ingen tar hand om|mår (?:psykiskt )?(?:dåligt|jättedåligt)|psykiskt sjuk|döda|dödar|död|festar|fest(?:er)?|behandla[st]? illa|vanvård\w*|kastar ut|utkastad|svälter|magra?|gått ner (?:mycket )?i vikt|ledsen|gråter|inlåst|låser in)\b/i,
);

/** Harm told as over: years ago, before they left. */
const PAST = unicodeEdges(
  /\b(?:för (?:\w+ )?år sedan|flydde|lämnade (?:honom|henne|oss)|gick ifrån (?:honom|henne))\b/i,
);
/** Safe now, in so many words. */
const SAFE_NOW = unicodeEdges(
  /\b(?:bor (?:nu )?tryggt|är trygga(?: nu)?|har (?:nu )?ingen kontakt med (?:oss|honom|henne|barnen)|kontaktförbud|skyddat boende|skyddad adress)\b/i,
);
/** Anything said to happen now undoes "over and safe". */
const HAPPENING_NOW = unicodeEdges(
  /\b(?:slår|hotar|sparkar|misshandlar|stryper|i går|igår|i natt|inatt|i helgen|i morse|nu senast|fortfarande (?:slår|hotar|kommer))\b/i,
);

/** Worry is expressed. */
const WORRY = unicodeEdges(
  /\b(?:worried|concerned|Sorgen|martwię|huolissani|قلق|نگران|orolig(?:a|t)?|oro(?:ar)?|bekymrad(?:e)?|illa|inte bra hemma|något är fel|misstänker|konstigt hemma)\b/i,
);

/** Worry about things that are not a child's safety ("orolig för min ekonomi"). */
const BENIGN_WORRY = unicodeEdges(
  /\boro(?:lig|ar)? (?:för|över) (?:min |vår |mina |våra )?(?:ekonomi(?:n)?|räkning(?:ar|arna)?|hyra(?:n)?|pengar(?:na)?|jobb(?:et)?|ansökan|beslutet|svaret|handläggningstid\w*|försörjningsstöd\w*|pension\w*)/i,
);

/**
 * Errands that mention a child without any worry: applying, fees, documents, statistics.
 * A message that mentions a child and none of these is flagged — recall comes first.
 */
const ERRAND = unicodeEdges(
  /\b(?:ansök\w*|söka|avgift\w*|\w*bidrag\w*|blankett\w*|dokument\w*|intyg|beslut\w*|överklag\w*|handläggningstid\w*|boka\w*|plats(?:en)? i|\w*plats|journalist\w*|statistik|hur många|uppsats|skoluppgift|tack\w*|information|informationen|kontaktperson|kontaktfamilj|familjehem|underhåll\w*|umgänge\w*|flytt\w*|sommarjobb\w*|feriearbete\w*|vigsel|glasögon|fritids|födelsebevis|föräldrautbildning\w*|samtalsgrupp\w*|adhd|funktionsnedsättning|lss|öppettider|öppet|tider|fyller|försörjningsstöd\w*|ekonomi\w*|hyra\w*|bostad\w*|boende\w*)\b/i,
);

/** Harm that is concrete whatever the context (a journalist's question about statistics does not describe a child hit). */
const STRONG_HARM = unicodeEdges(
  /\b(?:slår|slog|slagen|slagit|strypgrepp|stryptag|strypte|ströp|sparkar|hotar med|kniv|vapen|inlåst|ensam hemma|svälter)\b/i,
);

/** A child's situation described, not an errand: alone, outside, hungry, an address, a time of night. */
const SITUATION = unicodeEdges(
  /\b(?:ensam(?:ma)?|ute själv|(?:är|e) själv hemma|ute (?:hela|sent|på natten|i kylan)|sitta ute|sitter ute|sent på natten|i kylan|utan (?:jacka|jackor|kläder|vantar|mat)|inga kläder|inte (?:har |hade )?ätit|aldrig (?:ha |har )?ätit|sover (?:i|ute|på)|trappuppgång\w*|trapphus\w*|i en bil|hungrig\w*|ber om mat|ingen (?:vuxen|hämtar)|inte (?:får|vill) (?:komma|vara|gå) hem(?:ma)?|inte (?:varit|gått|får gå) (?:till |i )?skolan|ta hand om (?:sina )?(?:små)?syskon|gardinerna|inte gått upp i vikt|kommer inte (?:på|till) (?:besöken|bvc)|bor hos oss|slängt ut|kl(?:ockan)? (?:2[2-3]|0[0-5])|\p{Lu}\p{L}+(?:gatan|vägen|gränd|torget|backen) \d+|lgh \d+|lägenhet\w*|(?:mamma|pappa|morsan|farsan|föräldrarna|de vuxna) (?:har )?inte (?:va|vart|varit|kommit) hem(?:ma)?|maten (?:e|är) slut|mjölken (?:e|är) slut|ingen mat (?:hemma|kvar))\b/iu,
);

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The person spoken of is an adult ("Han är 19"). */
const ADULT_AGE = unicodeEdges(/\b(?:han|hon|hen|sonen|dottern) är (?:1[89]|[2-9]\d)\b/i);

/** The only child words are one's own son or daughter, whose age a following sentence may give. */
const ONLY_OWN_CHILD = unicodeEdges(/\b(?:min|vår|mitt) (?:son|dotter)\b/i);
const OTHER_CHILD = unicodeEdges(
  /\b(?:barn(?:et|en)?|bebis\w*|pojke\w*|flick\w*|elev\w*|grann\w*|\d{1,2} ?-?åring\w*|(?:på|som är) (?:[1-9]|1[0-7]) år)\b/i,
);

/** A child who is in fact an adult ("min vuxna son", "min son som är 34"). */
const ADULT_CHILD = unicodeEdges(
  /\((?:son|dotter)\)|\b(?:son|sohn|dotter|daughter|tochter)\s*\((?:1[89]|[2-9]\d)\)|\b(?:son|dotter)(?:en)?, (?:1[89]|[2-9]\d) år|\b(?:vuxn?a?e?|myndig(?:a)?) (?:son|dotter|barn)\w*|\b(?:son|dotter)(?:en)? (?:som är|på) (?:[2-9]\d|1[89]) år/gi,
);

/**
 * `childMentionAlone` (default true): a message that mentions a child in a way that sounds like
 * a situation (alone, outside, no food, a street address) is flagged too — recall first, for
 * questions a person reads anyway. Ideas turn it off: an idea about children's services is not
 * a report, and only signs of worry, harm or abuse count there.
 */
export function assessConcern(
  message: string,
  options: { childMentionAlone?: boolean; journalist?: boolean } = {},
): ConcernAssessment {
  const reasons: string[] = [];
  // The department's own unit names are not harm ("Våld i nära relationer hjälpte oss").
  const text = message
    .replace(/\bvåld i nära relationer\b/gi, "VINR")
    .replace(/\b(?:inga|utan) barn\b/gi, "")
    // "ingen slår", "ingen har slagit": the writer says there is no violence.
    .replace(/\bingen (?:slår|har slagit|bråkar med våld)\b/gi, "")
    // "Min kille", "hennes tjej": a partner, not a child ("min tjej på 9 år" is a child).
    .replace(
      /\b(?:min|din|sin|hans|hennes|deras|mammas|pappas|ny) (?:kille|tjej)\b(?! (?:på|som är) \d)(?!\s*\(\d)/gi,
      "partnern",
    );
  const parts = sentences(text);
  // Violence that is over, with the family safe now and asking for support afterwards ("Vi
  // flydde för två år sedan … bor tryggt nu"): a question for Barn och familj, not a report —
  // unless anything is said to happen now.
  const overAndSafe = PAST.test(text) && SAFE_NOW.test(text) && !HAPPENING_NOW.test(text);
  const reportsNow =
    parts.some((p) => REPORT_ACT.test(p) && !ABOUT_REPORTS.test(p) && !GENERAL.test(p)) ||
    /^\s*orosanmälan\b/i.test(text) ||
    (REPORT_THIS.test(text) && CHILD.test(text) && !ABOUT_REPORTS.test(text));
  // "Hur gör jag en orosanmälan? Det gäller min brorson": a person about to report a child.
  const aboutToReport =
    /\bhur (?:gör|ska|lämnar|anmäler) jag (?:för att )?(?:göra |lämna |skicka )?(?:en (?:oros)?anmälan|detta|det här|det)\b/i.test(
      text,
    ) && CHILD.test(text);
  const saysReport = reportsNow || aboutToReport;
  if (saysReport) reasons.push("säger att det är en orosanmälan");
  for (const [pattern, reason] of STRONG_EDGED) if (pattern.test(text)) reasons.push(reason);
  let strong = reasons.length > 0;
  // A journalist asking about children in care is not reporting one: only a report in so many
  // words, or abuse named outright, counts from a journalist.
  if (options.journalist) return { concern: strong, reasons: [...new Set(reasons)], strong, saysReport };
  // A child and harm, or a child and worry, in the same sentence or the next one. A sentence
  // about reports, statistics or support in general weakens its own window; the next sentence
  // still gets a window of its own.
  for (let i = 0; i < parts.length; i++) {
    const here = (parts[i] as string).replace(ADULT_CHILD, "");
    const window = `${here} ${(parts[i + 1] ?? "").replace(ADULT_CHILD, "")}`;
    const general = GENERAL.test(window);
    // "Min son … Han är 19": the only child named is an adult (another person's age never counts).
    if (ADULT_AGE.test(window) && ONLY_OWN_CHILD.test(window) && !OTHER_CHILD.test(window)) continue;
    const withoutBenign = window.replace(BENIGN_WORRY, "");
    if (
      CHILD.test(window) &&
      HARM.test(withoutBenign) &&
      !overAndSafe &&
      !(general && !STRONG_HARM.test(withoutBenign))
    ) {
      reasons.push("ett barn nämns tillsammans med våld, hot eller annan fara");
      // A child with concrete harm ("min son blir slagen") is as firm as abuse named outright.
      if (STRONG_HARM.test(withoutBenign)) strong = true;
      break;
    }
    if (CHILD.test(window) && WORRY.test(withoutBenign) && !general) {
      reasons.push("någon är orolig för ett barn");
      break;
    }
  }
  if (
    (options.childMentionAlone ?? true) &&
    reasons.length === 0 &&
    CHILD.test(text) &&
    SITUATION.test(text) &&
    !ERRAND.test(text) &&
    !ABOUT_REPORTS.test(text)
  ) {
    reasons.push("ett barn nämns och det handlar inte om en vanlig fråga");
  }
  return { concern: reasons.length > 0, reasons: [...new Set(reasons)], strong, saysReport };
}
