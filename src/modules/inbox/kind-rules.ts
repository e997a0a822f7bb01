/**
 * What tells the kind of an incoming message: phrases with a weight, and the domains of
 * Swedish news outlets. Data, not UI: the reasons are shown to staff through the catalogue
 * by their key. Written from how residents, journalists and professionals write, before the
 * labelled set was read; tuned on its tuning half only (test-data/inbox-set).
 */

export type SignalKind = "media" | "document_request" | "complaint" | "praise" | "own_matter" | "minor";

export interface KindSignal {
  readonly kind: SignalKind;
  readonly pattern: RegExp;
  readonly weight: number;
  /** A key in the inbox catalogue ("kind.reason.<reason>"). */
  readonly reason: string;
}

/** Domains of news outlets: a message from one is a journalist's until staff say otherwise. */
export const NEWS_DOMAINS: readonly string[] = [
  "svt.se",
  "sverigesradio.se",
  "sr.se",
  "tv4.se",
  "dn.se",
  "svd.se",
  "gp.se",
  "sydsvenskan.se",
  "hd.se",
  "aftonbladet.se",
  "expressen.se",
  "tt.se",
  "omni.se",
  "nt.se",
  "corren.se",
  "unt.se",
  "na.se",
  "vlt.se",
  "nwt.se",
  "bt.se",
  "hallandsposten.se",
  "ba.se",
  "barometern.se",
  "smp.se",
  "ut.se",
  "st.nu",
  "allehanda.se",
  "gd.se",
  "dt.se",
  "helagotland.se",
  "kuriren.nu",
  "norran.se",
  "vk.se",
  "op.se",
  "mitti.se",
  "lokaltidningen.se",
  "etc.se",
  "fokus.se",
  "dagenssamhalle.se",
  "kommunalarbetaren.se",
  "vision.se",
  "altinget.se",
  "dagensarena.se",
  "arbetet.se",
  "bonniernews.se",
  "schibsted.com",
  "mittmedia.se",
  "ntm.eu",
  "gota.se",
  "nsd.se",
  "ekuriren.se",
  "sn.se",
  "lt.se",
  "kristianstadsbladet.se",
  "trelleborgsallehanda.se",
  "ystadsallehanda.se",
  "skd.se",
  "nyteknik.se",
  "kvartal.se",
  "bulletin.nu",
  "svensktidskrift.se",
  "sydostran.se",
  "blt.se",
];

/** Journalists' own words about their work. */
const MEDIA: readonly KindSignal[] = [
  {
    kind: "media",
    reason: "journalist",
    weight: 3,
    pattern: /journalist|\breporter|\bredakt(?:ör|ion)|nyhetsredaktion|nyhetschef|\breportrar|\bfotografera\b/i,
  },
  {
    kind: "media",
    reason: "journalist",
    weight: 3,
    pattern:
      /\b\p{Lu}\p{L}+(?:posten|tidningen|tidning|bladet|kuriren|allehanda|nytt|radio|tv)\b (?:skriver|gör|granskar|undrar|här)|\bfrån \p{Lu}\p{L}+(?:posten|tidningen|tidning|bladet|kuriren|allehanda|nytt|radio|tv)\b|\b(?:[Vv]åra )?läsare (?:hör av sig|undrar|har hört)|\b(?:[Pp]odd(?:en|cast)?|poddavsnitt|YouTube-kanal\w*|studenttidning\w*|[Ff]reelance writer|magazine|[Mm]edieprogrammet)\b|\bskriver (?:en |ett )?(?:artikel|reportage|feature)|\b[Cc]ould I interview|\bgöra ett avsnitt/u,
  },
  {
    kind: "media",
    reason: "journalist",
    weight: 3,
    pattern:
      /\b(?:jag|vi) (?:skriver|gör|arbetar med|jobbar med|håller på med) (?:en |ett )?(?:artikel|reportage|granskning|inslag|nyhet|text|podd|dokumentär|serie)/i,
  },
  {
    kind: "media",
    reason: "journalist",
    weight: 2,
    pattern:
      /\b(?:ställa upp (?:i|på) (?:en )?intervju|intervjua\w*|kommentar(?:er)? till (?:en |ett |vår |vårt )?(?:artikel|inslag|text)|citera|publicer\w*|deadline|sändning|pressfråga\w*|pressekreterare|presskontakt)/i,
  },
  {
    kind: "media",
    reason: "journalist",
    weight: 2,
    pattern:
      /\b(?:SVT|Sveriges Radio|P4 \w+|Ekot|TT|TV4|Dagens Nyheter|DN|SvD|Svenska Dagbladet|Aftonbladet|Expressen|GP|Göteborgs-Posten|Sydsvenskan|Dagens Samhälle|Kommunalarbetaren|lokaltidning\w*|tidningen \p{Lu}\w+|vår tidning|vår redaktion|nyhetsbyrå\w*|Uppdrag granskning|Kaliber)\b/u,
  },
  { kind: "media", reason: "journalist", weight: 2, pattern: /\b(?:press|media)\b.*\bfråg/i },
];

/** Requests for public documents (allmänna handlingar), including one's own file. */
const DOCUMENTS: readonly KindSignal[] = [
  {
    kind: "document_request",
    reason: "documents",
    weight: 4,
    pattern: /\ballm[äa]nn?a? handling\w*|\boffentlighetsprincip\w*|\butlämnande\b|\butl[äa]mna(?:s|d)? ut\b/i,
  },
  {
    kind: "document_request",
    reason: "documents",
    weight: 4,
    pattern:
      /\bbeg[äa]r(?:a|er|an)? (?:jag |vi )?(?:härmed |nu |också )?(?:att få )?(?:ut|ta del av|en kopia|kopia|kopior|att få ta del)|\bbegär man ut\b|\b(?:få ut|ha ut|begära ut) (?:handlingar|handlingarna|papper|alla papper|kopior)|\bvill ha (?:en )?kopi(?:a|or) (?:på|av)|\balla papper om mig|\bfå ut (?:listan|listor|hyresavtal\w*|avtal\w*)|\bfå alla anteckningar|\bsend me (?:a )?cop(?:y|ies)|\bse vad (?:soc|socialtjänsten|ni|de) skrev|\bse vad som står i (?:anmälan|utredningen|journalen)|\bta del av [^.?!]{0,40}(?:rutin\w*|dokument\w*|riktlinje\w*|avtal\w*|fakturor\w*)/i,
  },
  {
    kind: "document_request",
    reason: "documents",
    weight: 3,
    pattern:
      /\b(?:få|ta) del av\b[^.?!]{0,60}\b(?:beslut\w*|protokoll\w*|handling\w*|avtal\w*|\w*rapport\w*|utredning\w*|journal\w*|akt(?:en)?|anteckning\w*|dokument\w*|diari\w*|mejl|e-post\w*|korrespondens\w*|lex sarah|avvikelse\w*|underlag\w*|statistik\w*|delegationsbeslut\w*)/i,
  },
  {
    kind: "document_request",
    reason: "documents",
    weight: 3,
    pattern:
      /\b(?:kopia|kopior|kopian|utdrag) (?:av|på|ur)\b|\b(?:skicka|mejla|maila) (?:mig |oss )?(?:en kopia|kopior|protokoll\w*|beslut\w*|avtal\w*|handlingar\w*|rapport\w*|utredning\w*|underlag\w*)/i,
  },
  {
    kind: "document_request",
    reason: "documents",
    weight: 3,
    pattern: /\b(?:diariet|diarium|diarieförd\w*)\b|\bmin(?:a)? (?:journal\w*|akt(?:en)?|personakt\w*)\b/i,
  },
  {
    kind: "document_request",
    reason: "documents",
    weight: 2,
    pattern:
      /\b(?:nämndens|socialnämndens|nämndprotokoll\w*|sammanträdesprotokoll\w*|lex sarah-rapport\w*|ivo-beslut\w*|delegationsbeslut\w*|upphandling\w*)\b/i,
  },
  {
    kind: "document_request",
    reason: "documents",
    weight: 3,
    pattern:
      /\b(?:kan jag få|vill|skulle vilja|får jag) (?:se|läsa|ta del av|få ut|få en kopia av) (?:beslutet|protokollet|utredningen|avtalet|rapporten|anmälan|journalen|yttrandet|vad (?:de|ni) skrev)|\bfå ut (?:statistiken|statistik|protokollet|beslutet|rapporten|utredningen|avtalet|handlingarna|underlaget)|\b(?:ta del av|läsa) (?:den|det|dem)\?|\b(?:beslut|yttrande|rapport|utredning|protokoll)\w*\b[^.?!]{0,60}\bfinns (?:det|de|den) att få/i,
  },
];

/** Complaints and opinions (synpunkter och klagomål). */
const COMPLAINTS: readonly KindSignal[] = [
  {
    kind: "complaint",
    reason: "complaint",
    weight: 4,
    pattern:
      /\b(?:klagomål|klaga[rs]?|klagar|synpunkt\w*|framföra kritik|vill anmäla (?:hur|att|en handläggare|handläggaren)|lämna (?:ett )?klagomål)/i,
  },
  {
    kind: "complaint",
    reason: "complaint",
    weight: 3,
    pattern:
      /\b(?:missnöjd\w*|inte (?:alls )?nöjd|besviken|upprörd|arg(?:a)? (?:på|över)|oacceptabel\w*|skandal\w*|under all kritik|respektlös\w*|nonchalant\w*|otrevlig\w*|oförskämd\w*|kränk\w*|dåligt (?:bemött|bemötande)|bemött(?:es)? (?:illa|dåligt|nedlåtande)|nedlåtande|orimlig\w*|ovärdig\w*|inkompetent\w*|slarv\w*|bedrövlig\w*|uselt?|uruselt?|katastrof\w*|pinsam\w*)/i,
  },
  {
    kind: "complaint",
    reason: "complaint",
    weight: 2,
    pattern:
      /\b(?:ingen (?:har )?(?:svarar|svarat|ringer|ringt|hör av sig)|ingen hörde av sig|aldrig (?:fått|få) (?:något )?svar|har väntat i (?:flera |över )?(?:veckor|månader)|väntat (?:i )?(?:\d+|flera|tre|fyra|fem|sex) (?:veckor|månader)|ringt (?:flera|många|\d+) gånger|tappat förtroende\w*|byta handläggare|borde skämmas|hur kan ni)/i,
  },
  {
    kind: "complaint",
    reason: "complaint",
    weight: 2,
    pattern:
      /\b(?:varför (?:har|kan|får|måste|svarar) (?:ingen|jag inte|ni inte|man alltid|ni aldrig)|det är inte ok|inte okej|fel av er|ni har gjort fel|omöjligt att|alldeles för|för få (?:platser|tider|personal)|tycker inte att det är rätt|vill framföra|seriöst\?|vafan|dök inte upp|svarade inte|ingen ringde|inte fått någon återkoppling|folk dör|tänk på det|hur tänker (?:kommunen|ni|nämnden)|vad ska man ha er till|vad är logiken|om och om igen|alltid upptaget|loggar ut mig|tog (?:tre|fyra|fem|sex|\d+) veckor|\d+ veckor o(?:ch)? inget|fixa det|obegriplig\w*|skriv på (?:vanlig|enkel|begriplig) svenska|inte värdigt|måste ni göra något|förnedrande|ingen bad om ursäkt|skäms\b|censur\w*|sjukt att|fick vänta (?:i )?\d+ (?:minuter|timmar|dagar|veckor)|fast det står|alltid (?:full|fullt|stängt|upptaget)|vem ansvarar för (?:det|detta)|lyssnar aldrig|svarar aldrig|inte (?:är )?kriminell|tack för inget|fantastisk service|snacka om|skärpning|ett hån|chockad|lät irriterad|inte (?:ens )?fått (?:en |någon )?bekräftelse|telefonkö|omöjlig att hitta|🙄|ställs in|tar bort (?:kritiska |våra |mina )?kommentarer|jag (?:kommer|ska) överklaga|trots att jag)/i,
  },
];

/** Thanks and praise. "Tack på förhand" and "tack för svar" are politeness, not praise. */
const PRAISE: readonly KindSignal[] = [
  {
    kind: "praise",
    reason: "praise",
    weight: 3,
    pattern:
      /\b(?:(?:stort|varmt|jättestort|ett stort|tusen) tack|vill (?:bara )?(?:tacka|berömma|ge beröm|säga tack)|beröm\w*|tacksam för (?:allt|hjälpen|stödet|att ni|att du|det ni)|tack för (?:all|hjälpen|stödet|ert|ditt|er|att ni|att du|en fin|ett fint|det fina|bra bemötande|gott bemötande|den fina|det goda)|ni är (?:fantastiska|bäst|guld)|du är (?:fantastisk|bäst|guld)|gjorde (?:stor|all) skillnad|räddade)/i,
  },
  {
    kind: "praise",
    reason: "praise",
    weight: 2,
    pattern:
      /\b(?:fantastisk\w*|underbar\w*|jättebra|toppen|suverän\w*|strålande|så bra bemött|fint bemött|bra bemött|professionell\w*|lyhörd\w*|omtänksam\w*|hjälpsam\w*|vänlig\w*)\b/i,
  },
  {
    kind: "praise",
    reason: "praise",
    weight: 2,
    pattern: /\b(?:thank you|thanks so much|great help|shoutout)\b|[❤💜💚💙🧡💛🎉🙏]/iu,
  },
  {
    kind: "praise",
    reason: "praise",
    weight: 3,
    pattern:
      /\btack till\b|\b(?:vill|ville) (?:bara )?(?:tacka|säga att|säga tack)|\bväl bemött|\bmår (?:så )?(?:mycket )?bättre|\bgett oss tillbaka|\bälskar det|\bmitt andra hem|\bglöms ofta bort|\bskuldfri|\bdrogfri|\borkade med mig|\bbra jobbat|\bsnyggt jobbat|\beloge|👏|\bräddat (?:mig|oss|honom|henne)|\bgott bemötande|\bfungerade (?:mycket |jätte|väldigt )?bra|\bäntligen begriplig\w*|\bvill bara tacka|(?:^|[.!]\s)tack[.!]?\s*$/i,
  },
];

/** About the writer's own case with a case worker. */
const OWN_MATTER: readonly KindSignal[] = [
  {
    kind: "own_matter",
    reason: "ownMatter",
    weight: 3,
    pattern:
      /\b(?:min(?:a)? handläggare\w*|mitt ärende|mina ärenden|min ansökan|min utbetalning|mitt beslut|mitt bistånd|mitt försörjningsstöd|min kontaktperson|min biståndshandläggare|min socialsekreterare|vår handläggare|vårt ärende|vår ansökan|min sons ärende|min dotters ärende|hans ärende|hennes ärende)\b/i,
  },
  {
    kind: "own_matter",
    reason: "ownMatter",
    weight: 3,
    pattern:
      /\b(?:ärendenummer|ärendenr|SOC-\d{4}-\d+|mitt nummer är|min ansökan från|jag sökte (?:i|den|för)|jag har sökt|jag ansökte|jag lämnade in|jag skickade in)\b/i,
  },
  {
    kind: "own_matter",
    reason: "ownMatter",
    weight: 2,
    pattern:
      /\b(?:pengarna har inte kommit|har inte fått (?:mina |några )?pengar\w*|inte fått (?:någon )?utbetalning|utbetalningen|när kommer (?:mina pengar|beslutet på min|min utbetalning)|komplettera\w*|kompletteringen|inlämnade? (?:papper|kvitton|underlag)|kvittona|besöket (?:på|hos)|mitt möte|min tid (?:på|hos|med)|boka om (?:min|mitt)|avboka (?:min|mitt)|kan inte komma (?:på|till) (?:mötet|besöket|min tid))/i,
  },
  {
    kind: "own_matter",
    reason: "ownMatter",
    weight: 2,
    pattern:
      /\b(?:hälsa|säg till|meddela|ge det här till|vidarebefordra(?: detta)? till) (?:min handläggare|handläggaren|\p{Lu}\p{L}+ (?:på|i|som))|\btill \p{Lu}\p{L}+ (?:\p{Lu}\p{L}+ )?(?:som är min|på ekonomiskt|på mottagningen)/u,
  },
];

const OWN_MATTER_MORE: readonly KindSignal[] = [
  {
    // A named case worker: "Hej Johan!", "Handläggaren Sanna", "hos Jonas på".
    kind: "own_matter",
    reason: "ownMatter",
    weight: 3,
    pattern:
      /^\s*(?:[Hh]ej|[Hh]ejsan|[Hh]allå|[Tt]ill) \p{Lu}\p{L}+\s*[!,.]|\b[Hh]andläggare(?:n)?:? (?:var |hette |är )?\p{Lu}\p{L}+|\bhos \p{Lu}\p{L}+ (?:men|och|på)/u,
  },
  {
    kind: "own_matter",
    reason: "ownMatter",
    weight: 3,
    pattern:
      /\btill handläggaren (?:för|som)|\b(?:som|vilka) ni utreder|\bsom (?:du|ni) bad om|\bsom vi pratade om|\bvi kom överens|\bi planen\b|\bkallelse\b|\bkallad till\b|\btack för mötet|\bsom du träffade|\bni var här|\bnästa umgänge|\bmitt personnummer|\bärende \d{4}-\d+|\bjag har (?:boendestöd|kontaktperson|försörjningsstöd|bistånd|assistans|ledsagare)|\bjag är god man|\bvi har ansökt|\bkan du ringa mig|\bär placerad hos er|\bhar fått (?:plats|en tid)|\bbifogar (?:jag )?(?:elräkningen|hyresavin|kontoutdrag|kvitton|intyg|papper)|\bskickat in (?:kontoutdragen|papperen|kvittona|intyget)|\bjag var hos er\b|\bhembesök\b|\bkommunicering\b|\bjag har fått pengarna|\bdet fattas \d|\bjag har (?:en )?tid hos er|\bni utreder\b|\btill min (?:behandlare|handläggare|kontaktperson|socialsekreterare)|\bpågående ärende|\bmin kontakt (?:är|heter)|\bi have an appointment|\bcase worker|\bärende hos|\bhandläggaren (?:va|var|heter)\b|\bvår familjebehandlare|\bmin familjebehandlare|\bpnr\b|\bbor i familjehem|\bvi har överklagat|\bjag har överklagat|\bmitt ärende (?:är|har)|\bdnr\b/i,
  },
];

/** Messages of no importance to anyone here: tests, spam, nonsense. */
const MINOR: readonly KindSignal[] = [
  {
    kind: "minor",
    reason: "minor",
    weight: 4,
    pattern:
      /^\s*(?:test(?:ar|ing|meddelande)?|hej(?: hej)?|hallå|asdf\w*|qwerty|lorem ipsum.*|\.+|\?+|ok|okej)\s*[.!?]*\s*$/i,
  },
  {
    kind: "minor",
    reason: "minor",
    weight: 4,
    pattern:
      /\b(?:viagra|casino|kasino|bitcoin|crypto\w*|krypto\w*|forex|seo services|backlinks?|guest post|lottery|you have won|du har vunnit|click here|klicka här för att vinna|loan offer|cheap (?:pills|meds)|onlyfans|dating|investera nu|passive income|make money|earn \$|\$\d{3,}|work from home)\b/i,
  },
  {
    kind: "minor",
    reason: "minor",
    weight: 3,
    pattern:
      /\b(?:fel mottagare|skickade fel|skickat till fel|ignorera (?:detta|förra)|bortse från (?:detta|mitt förra))\b/i,
  },
  { kind: "minor", reason: "minor", weight: 4, pattern: /^[^\p{L}]*$|^\s*\p{L}{0,8}\d+\s*$/u },
  {
    kind: "minor",
    reason: "minor",
    weight: 4,
    pattern:
      /\b(?:test(?:ar|a)? (?:av )?(?:formuläret|federering\w*|om det fungerar)|ingen åtgärd behövs|^ping\b|exklusivt erbjudande|erbjudande till|svara ja\b|congratulations|you have been selected|bank details|reply yes|first page|\d+ usd|paket(?:et)? kunde inte levereras|tullavgift|account has been suspended|verify your identity|clicking here|test test|fel chatt|öka din försäljning|kostnadsfri demo|följ mig|testar bara|lås in \d{4}|logga in här|lösenord(?:et)? går ut|snygg bild)/i,
  },
  {
    kind: "minor",
    reason: "minor",
    weight: 3,
    pattern:
      /\b(?:asfalt\w*|gatlykt\w*|klotter\w*|snöröjning\w*|sophämtning\w*|felparker\w*|förnya (?:mitt |sitt )?pass\w*|gatlamp\w*|gatubelysning|padel|soffa|potthål\w*|parkerat på|nytt pass|lunch i skolan|soptunn\w*|tvättstuga\w*|festlokal\w*|bowling\w*|bussnummer|busstider|vem vann|matchen|skolmat\w*|lunchmeny\w*|matsedel\w*|körkort\w*|simhall\w*|väder(?:et)? i morgon|vad är det för väder|grannens hund|hund(?:en)? (?:som )?skäller|återvinningsstation\w*|bilderna från)\b/i,
  },
];

export const KIND_SIGNALS: readonly KindSignal[] = [
  ...MEDIA,
  ...DOCUMENTS,
  ...COMPLAINTS,
  ...PRAISE,
  ...OWN_MATTER,
  ...OWN_MATTER_MORE,
  ...MINOR,
];

/** Politeness that is not praise. */
export const POLITE_THANKS =
  /\btack (?:på förhand|i förväg|för (?:svar|snabbt svar|ett snabbt svar|ert svar|hjälpen på förhand))\b|\btack\s*(?:\/|,)?\s*(?:mvh|hälsningar)/gi;
