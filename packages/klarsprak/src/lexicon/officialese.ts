/**
 * Officialese → plain Swedish. Written for Klarsvar from the advice in Språkrådet's
 * "Myndigheternas skrivregler" and common klarspråk practice; not copied from any list.
 *
 * One entry a line: term | plainer wording | category | inflection
 * Inflection: v1 (-ar/-ade), v2a (-er/-de), v2b (-er/-te), n (noun endings), adj (-a/-t),
 * - (no inflection), or explicit forms separated by spaces (the strong verbs).
 * A phrase inflects its first word. "(en)" marks an optional word.
 */
export const OFFICIALESE_SOURCE = `
erhålla | få | verb | erhåller erhöll erhållit erhållen erhållna erhållet erhålls erhölls erhållits erhållas
tillhandahålla | ge, erbjuda | verb | tillhandahåller tillhandahöll tillhandahållit tillhandahålls tillhandahölls tillhandahållits tillhandahållas tillhandahållen tillhandahållna
inkomma med | skicka in, lämna | fras | inkommer inkom inkommit
inkomma | komma in | verb | inkommer inkom inkommit inkommen inkomna inkommet
tillse | se till | verb | tillser tillsåg tillsett tillses
tillställa | skicka | verb | v2a
tillsända | skicka | verb | tillsänder tillsände tillsänt tillsänds tillsändes tillsänts
översända | skicka | verb | översänder översände översänt översänds översändes översänts
ombesörja | ordna, se till | verb | ombesörjer ombesörjde ombesörjt ombesörjs ombesörjdes ombesörjts
föreligga | finnas | verb | föreligger förelåg förelegat föreliggande
förefalla | verka, se ut att | verb | förefaller föreföll förefallit
åligga | vara ens uppgift | verb | åligger ålåg ålegat
åvila | vara ens ansvar | verb | v1
äga rum | hända, hållas | fras | äger ägde ägt
äga rätt att | få, ha rätt att | fras | äger ägde ägt
verkställa | genomföra, göra | verb | v2a
vidtaga | göra | verb | vidtager vidtog vidtagit vidtages
vidta åtgärder | göra något | fras | vidtar vidtog vidtagit vidtas vidtogs
vidta | göra | verb | vidtar vidtog vidtagit vidtas vidtogs vidtagits
tillgodose | ge, uppfylla | verb | tillgodoser tillgodosåg tillgodosett tillgodoses tillgodosågs
tillgodogöra sig | ta till sig, lära sig | fras | tillgodogör tillgodogjorde tillgodogjort
tillämpa | använda, följa | verb | v1
nyttja | använda | verb | v1
utnyttja | använda | verb | v1
inneha | ha | verb | innehar innehade innehaft
innehava | ha | verb | innehar innehade innehaft
avse | gälla | verb | avser avsåg avsett avses avsågs
beakta | ta hänsyn till, tänka på | verb | v1
bifoga | skicka med | verb | v1
biträda | hjälpa | verb | v2a
bereda | ge, ordna | verb | v2a
delge | meddela, berätta för | verb | delger delgav delgett delges delgavs
delgiva | meddela | verb | delgiver delgav delgivit delgives
efterhöra | fråga | verb | v2a
efterlysa | fråga efter | verb | v2b
erfordra | kräva, behöva | verb | v1
erlägga | betala | verb | erlägger erlade erlagt erläggs erlades erlagts
fordra | kräva | verb | v1
framföra | säga, lämna | verb | v2a
förorsaka | orsaka | verb | v1
förevisa | visa | verb | v2a
förete | visa | verb | företer företedde företett företes
förfoga över | ha, bestämma över | fras | förfogar förfogade förfogat
förorda | föreslå, rekommendera | verb | v1
förrätta | göra, leda | verb | v1
föranleda | leda till | verb | föranleder föranledde föranlett föranleds
förvissa sig om | kontrollera, se till | fras | förvissar förvissade förvissat
genomföra | göra | verb | v2a
handlägga | arbeta med, utreda | verb | handlägger handlade handlagt handläggs handlades handlagts
hemställa | be | verb | v2a
ingiva | lämna in | verb | ingiver ingav ingivit ingives
inge | lämna in | verb | inger ingav ingett inges ingavs
inhämta | skaffa, ta in | verb | v1
initiera | starta, börja | verb | v1
inleda | börja | verb | inleder inledde inlett inleds inleddes
inneslutas | ingå | verb | innesluts
insända | skicka in | verb | insänder insände insänt insänds
konstatera | se, märka | verb | v1
medgiva | tillåta | verb | medgiver medgav medgivit
medge | tillåta, hålla med om | verb | medger medgav medgett medges medgavs
meddela | berätta, tala om | verb | v1
möjliggöra | göra det möjligt | verb | möjliggör möjliggjorde möjliggjort möjliggörs
nedbringa | minska | verb | nedbringar nedbringade nedbringat
påbörja | börja | verb | v1
påkalla | kräva | verb | v1
påtala | säga till om | verb | v1
redogöra för | berätta om | fras | redogör redogjorde redogjort
rekvirera | beställa | verb | v1
sammanställa | samla | verb | v2a
tillkännage | meddela | verb | tillkännager tillkännagav tillkännagett tillkännages
tillskriva | skriva till | verb | tillskriver tillskrev tillskrivit
tillstyrka | säga ja till | verb | v2b
tillträda | börja | verb | v2a
uppbära | få | verb | uppbär uppbar uppburit
uppvisa | visa | verb | v2a
utfärda | ge ut, skriva | verb | v1
utge | ge ut, betala | verb | utger utgav utgett utges utgavs
utgöra | vara | verb | utgör utgjorde utgjort utgörs
utröna | ta reda på | verb | v2a
verkställas | göras | verb | verkställs verkställdes verkställts
vidarebefordra | skicka vidare | verb | v1
åberopa | hänvisa till | verb | v1
åtnjuta | ha, få | verb | åtnjuter åtnjöt åtnjutit
återkomma | höra av sig igen | verb | återkommer återkom återkommit
återkoppla | svara, höra av sig | verb | v1
återsända | skicka tillbaka | verb | återsänder återsände återsänt återsänds
överlämna | ge, lämna | verb | v1
översätta till handling | göra | fras | översätter översatte översatt
underrätta | meddela, berätta för | verb | v1
underställa | lämna till | verb | v2a
uppdraga | ge i uppdrag | verb | uppdrar uppdrog uppdragit uppdras
utverka | ordna, få | verb | v1
avhjälpa | rätta till | verb | avhjälper avhjälpte avhjälpt avhjälps
avyttra | sälja | verb | v1
besluta om | bestämma | fras | beslutar beslutade beslutat beslutas beslutades
bevilja | ge, säga ja till | verb | v1
debitera | ta betalt | verb | v1
effektuera | genomföra, göra | verb | v1
eftersträva | försöka nå, vilja | verb | v1
expediera | skicka | verb | v1
fastställa | bestämma | verb | v2a
föreskriva | bestämma | verb | föreskriver föreskrev föreskrivit föreskrivs föreskrevs
förestå | leda | verb | förestår förestod förestått
implementera | införa, börja använda | verb | v1
inkludera | ta med | verb | v1
konstituera | bilda | verb | v1
likställa | jämställa | verb | v2a
precisera | ange exakt | verb | v1
realisera | genomföra | verb | v1
specificera | ange i detalj | verb | v1
tillgängliggöra | göra tillgänglig | verb | tillgängliggör tillgängliggjorde tillgängliggjort tillgängliggörs
verifiera | kontrollera | verb | v1
vederbörligen | på rätt sätt | adverb | -
bedriva forskning | forska | fras | bedriver bedrev bedrivit bedrivs
bedriva verksamhet | arbeta, driva | fras | bedriver bedrev bedrivit bedrivs
göra (en) bedömning | bedöma | fras | gör gjorde gjort görs gjordes
göra (en) ansökan | ansöka, söka | fras | gör gjorde gjort görs
göra (en) anmälan | anmäla | fras | gör gjorde gjort görs
göra (en) förändring | förändra, ändra | fras | gör gjorde gjort görs
göra (en) utredning | utreda | fras | gör gjorde gjort görs
göra (en) prövning | pröva | fras | gör gjorde gjort görs
göra (en) granskning | granska | fras | gör gjorde gjort görs
göra (en) uppföljning | följa upp | fras | gör gjorde gjort görs
genomföra (en) utredning | utreda | fras | genomför genomförde genomfört genomförs
genomföra (en) kontroll | kontrollera | fras | genomför genomförde genomfört genomförs
utföra (en) kontroll | kontrollera | fras | utför utförde utfört utförs
fatta (ett) beslut | besluta, bestämma | fras | fattar fattade fattat fattas fattades
ge (ett) svar | svara | fras | ger gav gett ges gavs
lämna (ett) svar | svara | fras | lämnar lämnade lämnat lämnas
lämna (ett) förslag | föreslå | fras | lämnar lämnade lämnat lämnas
lämna (ett) bidrag | bidra | fras | lämnar lämnade lämnat lämnas
ge information | informera, berätta | fras | ger gav gett ges gavs
ge stöd | stödja, hjälpa | fras | ger gav gett ges gavs
ta kontakt med | kontakta, ringa | fras | tar tog tagit tas togs
ta ställning till | bestämma sig om | fras | tar tog tagit tas togs
ta del av | läsa, se | fras | tar tog tagit
ha kännedom om | känna till, veta | fras | har hade haft
vara i behov av | behöva | fras | är var varit
äga kännedom om | känna till | fras | äger ägde ägt
komma till användning | användas | fras | kommer kom kommit
vinna laga kraft | gälla, börja gälla | fras | vinner vann vunnit
vara behjälplig | hjälpa | fras | är var varit
stå till förfogande | finnas, vara tillgänglig | fras | står stod stått
i syfte att | för att | fras | -
i avsikt att | för att | fras | -
i enlighet med | enligt | fras | -
i samband med | vid, när | fras | -
med anledning av | på grund av, efter | fras | -
med hänsyn till | eftersom, på grund av | fras | -
med hänvisning till | enligt, eftersom | fras | -
med avseende på | om, när det gäller | fras | -
med beaktande av | med hänsyn till | fras | -
med stöd av | enligt | fras | -
i förhållande till | jämfört med, mot | fras | -
i händelse av | om, vid | fras | -
i och med att | eftersom | fras | -
i det fall att | om | fras | -
i den mån | om, så långt | fras | -
i anslutning till | nära, vid | fras | -
i egenskap av | som | fras | -
i form av | som | fras | -
i fråga om | om | fras | -
i föreliggande fall | här, i det här fallet | fras | -
på grund av att | eftersom | fras | -
på grundval av | utifrån, efter | fras | -
på så sätt att | så att | fras | -
under förutsättning att | om | fras | -
utan att ha | utan | fras | -
för den händelse att | om | fras | -
för närvarande | nu | fras | -
till följd av | på grund av | fras | -
till dess att | tills | fras | -
vad gäller | när det gäller, om | fras | -
vad avser | när det gäller, om | fras | -
snarast möjligt | så snart du kan | fras | -
så snart som möjligt | så snart du kan | fras | -
härmed | nu, med det här brevet | adverb | -
härav | av det här | adverb | -
härom | om det här | adverb | -
härutöver | dessutom | adverb | -
härvid | då, här | adverb | -
härigenom | på så sätt | adverb | -
härtill | till det här | adverb | -
därvid | då | adverb | -
därav | av det | adverb | -
därutöver | dessutom | adverb | -
därjämte | dessutom | adverb | -
därtill | dessutom | adverb | -
därest | om | konjunktion | -
varvid | och då | adverb | -
varå | på vilken | adverb | -
varigenom | så att, genom vilket | adverb | -
varförutan | utan vilket | adverb | -
ävensom | och | konjunktion | -
jämte | och, med | preposition | -
samt | och | konjunktion | -
ej | inte | adverb | -
icke | inte | adverb | -
såsom | som | konjunktion | -
enär | eftersom | konjunktion | -
emedan | eftersom | konjunktion | -
såvida | om | konjunktion | -
såvida inte | om inte | fras | -
dock | men | adverb | -
torde | bör, kan | verb | -
skall | ska | verb | -
måhända | kanske | adverb | -
allenast | bara | adverb | -
blott | bara | adverb | -
endast | bara | adverb | -
erforderlig | nödvändig, som behövs | adjektiv | adj
erforderligen | om det behövs | adverb | -
medelst | med, genom | preposition | -
jämlikt | enligt | preposition | -
enligt ovan | som vi skrev ovan | fras | -
i ovanstående | ovan | fras | -
nedanstående | följande | adjektiv | -
ovannämnd | den här | adjektiv | ovannämnda ovannämnt
ovanstående | det här, ovan | adjektiv | -
förevarande | det här | adjektiv | -
föreliggande | det här | adjektiv | -
densamma | den | pronomen | -
detsamma | det | pronomen | -
desamma | de | pronomen | -
dylik | sådan | adjektiv | dylika dylikt
vederbörande | den som det gäller | substantiv | vederbörandes
undertecknad | jag | substantiv | undertecknade
beträffande | om | preposition | -
angående | om | preposition | -
rörande | om | preposition | -
berörande | om | preposition | -
inom ramen för | i, inom | fras | -
tillika | också | adverb | -
likaledes | också | adverb | -
likaså | också | adverb | -
i övrigt | annars | fras | -
ytterligare | mer, fler | adverb | -
synnerligen | mycket | adverb | -
tämligen | ganska | adverb | -
huruvida | om | konjunktion | -
oaktat | trots | preposition | -
förutom | utom, dessutom | preposition | -
därefter | sedan | adverb | -
dessförinnan | innan dess | adverb | -
härförinnan | före det här | adverb | -
omgående | genast | adverb | -
skyndsamt | snabbt | adverb | -
snarast | så snart som möjligt | adverb | -
fortsättningsvis | från och med nu | adverb | -
framledes | i framtiden | adverb | -
hitintills | hittills | adverb | -
inledningsvis | först | adverb | -
avslutningsvis | till sist | adverb | -
tillsvidare | tills vidare | adverb | -
till dags dato | hittills | fras | -
per capita | per person | fras | -
per automatik | automatiskt | fras | -
a priori | i förväg | fras | -
de facto | i praktiken | fras | -
in absurdum | till det orimliga | fras | -
ad hoc | för ett särskilt tillfälle | fras | -
pro forma | för formens skull | fras | -
delgivning | att få veta, att få beslutet | substantiv | n
rekvisition | beställning | substantiv | n
åtgärda | rätta till, ordna | verb | v1
expediering | utskick | substantiv | n
hemvist | hem | substantiv | -
avgiftsbefrielse | att slippa betala | substantiv | -
kompletteringsuppgift | uppgift som saknas | substantiv | n
inlaga | skrivelse, brev | substantiv | inlagan inlagor
skrivelse | brev | substantiv | skrivelsen skrivelser skrivelserna
tjänsteskrivelse | rapport, PM | substantiv | tjänsteskrivelsen tjänsteskrivelser
missiv | följebrev | substantiv | missivet
ärendet har avslutats | vi har avslutat ärendet | fras | -
beslut har fattats | vi har beslutat | fras | -
härmed meddelas | vi vill berätta | fras | -
vid förfrågan | om du frågar | fras | -
vid behov | om det behövs | fras | -
vid förhinder | om du inte kan komma | fras | -
i förekommande fall | om det behövs, när det gäller | fras | -
i tillämpliga delar | där det passar | fras | -
ärende av brådskande karaktär | brådskande ärende | fras | -
av administrativ karaktär | administrativ | fras | -
innevarande år | i år | fras | -
innevarande månad | den här månaden | fras | -
nämnda | den, det | adjektiv | -
sagda | den, det | adjektiv | -
ifrågavarande | den här | adjektiv | -
respektive | och, var för sig | adverb | -
alternativt | eller | konjunktion | -
medels | med hjälp av | preposition | -
ävenledes | också | adverb | -
ingalunda | inte alls | adverb | -
icke desto mindre | ändå | fras | -
likväl | ändå | adverb | -
således | alltså | adverb | -
följaktligen | alltså | adverb | -
sålunda | så, på så sätt | adverb | -
emellertid | men | adverb | -
därför att | eftersom | fras | -
var och en | alla, varje | fras | -
envar | alla | pronomen | -
tillkomma | ha rätt till, läggas till | verb | tillkommer tillkom tillkommit
ankomma på | vara ens ansvar | fras | ankommer ankom ankommit
åsyfta | mena | verb | v1
förvärva | köpa, skaffa | verb | v1
uppkomma | uppstå, hända | verb | uppkommer uppkom uppkommit
uppta | ta upp, ta | verb | upptar upptog upptagit upptas
upprätta | skriva, göra | verb | v1
deltaga | vara med | verb | deltager deltog deltagit
`;

export type OfficialeseCategory =
  "verb" | "fras" | "substantiv" | "adjektiv" | "adverb" | "konjunktion" | "preposition" | "pronomen";

export interface OfficialeseEntry {
  readonly term: string;
  readonly suggestion: string;
  readonly category: string;
}

function conjugate(inf: string, cls: string): string[] {
  const stem = inf.endsWith("a") ? inf.slice(0, -1) : inf;
  switch (cls) {
    case "v1":
      return [
        inf,
        `${stem}ar`,
        `${stem}ade`,
        `${stem}at`,
        `${stem}as`,
        `${stem}ades`,
        `${stem}ats`,
        `${stem}ad`,
        `${stem}ande`,
      ];
    case "v2a":
      return [
        inf,
        `${stem}er`,
        `${stem}de`,
        `${stem}t`,
        `${stem}s`,
        `${stem}des`,
        `${stem}ts`,
        `${stem}d`,
        `${stem}da`,
        `${stem}ande`,
      ];
    case "v2b":
      return [
        inf,
        `${stem}er`,
        `${stem}te`,
        `${stem}t`,
        `${stem}s`,
        `${stem}tes`,
        `${stem}ts`,
        `${stem}ta`,
        `${stem}ande`,
      ];
    case "n":
      return [
        inf,
        `${inf}en`,
        `${inf}et`,
        `${inf}ar`,
        `${inf}arna`,
        `${inf}er`,
        `${inf}erna`,
        `${inf}s`,
        `${inf}ens`,
        `${inf}ets`,
      ];
    case "adj":
      return [inf, `${inf}a`, `${inf}t`, `${inf}e`];
    case "-":
    case "":
      return [inf];
    default:
      return [inf, ...cls.split(/\s+/)];
  }
}

export interface CompiledOfficialese {
  /** Single words: every form → entry. */
  readonly words: ReadonlyMap<string, OfficialeseEntry>;
  /** Phrases by the form of their first word: the remaining words (null = optional gap). */
  readonly phrases: ReadonlyMap<
    string,
    readonly { readonly rest: readonly (readonly string[])[]; readonly entry: OfficialeseEntry }[]
  >;
  readonly size: number;
}

export function parseOfficialese(
  source: string,
): { term: string; suggestion: string; category: string; inflection: string }[] {
  return source
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map((line) => {
      const [term = "", suggestion = "", category = "", inflection = "-"] = line.split("|").map((p) => p.trim());
      return { term, suggestion, category, inflection };
    });
}

/** Builds the lookup tables once; extra entries (from configuration) never inflect. */
export function compileOfficialese(extra: Readonly<Record<string, string>> = {}): CompiledOfficialese {
  const words = new Map<string, OfficialeseEntry>();
  const phrases = new Map<string, { rest: string[][]; entry: OfficialeseEntry }[]>();
  const all = [
    ...parseOfficialese(OFFICIALESE_SOURCE),
    ...Object.entries(extra).map(([term, suggestion]) => ({
      term: term.toLowerCase(),
      suggestion,
      category: "egen lista",
      inflection: "-",
    })),
  ];
  for (const item of all) {
    const entry: OfficialeseEntry = { term: item.term, suggestion: item.suggestion, category: item.category };
    const parts = item.term.split(/\s+/);
    const first = parts[0] ?? "";
    const forms = conjugate(first, item.inflection);
    if (parts.length === 1) {
      for (const f of forms) if (!words.has(f)) words.set(f, entry);
      continue;
    }
    // Optional words "(en)" become alternatives: with and without.
    const rest = parts.slice(1).map((p) => (p.startsWith("(") ? [p.slice(1, -1), ""] : [p]));
    for (const f of forms) {
      const list = phrases.get(f) ?? [];
      list.push({ rest, entry });
      phrases.set(f, list);
    }
  }
  // Longest phrases first, so "vidta åtgärder" wins over "vidta".
  for (const list of phrases.values()) list.sort((a, b) => b.rest.length - a.rest.length);
  return { words, phrases, size: all.length };
}
