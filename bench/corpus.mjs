/**
 * Fictional Swedish prose for benchmarks: how a social-services department writes, from the
 * stiff to the plain. Repeated (with varying numbers) to the size a benchmark needs.
 */
const PARAGRAPHS = [
  "Socialtjänsten i Exempelstad hjälper dig som behöver stöd i vardagen. Du kan ringa oss på vardagar mellan klockan åtta och halv fem. Om det är bråttom när vi har stängt kan du ringa Socialjouren. Ring 112 vid akut fara.",
  "Ansökan om ekonomiskt bistånd skall inkomma till förvaltningen senast den tjugonde i månaden. Till ansökan ska bifogas kontoutdrag, hyresavi samt eventuella beslut från Försäkringskassan. Ofullständiga ansökningar kan inte handläggas förrän kompletteringar har inkommit.",
  "Du som har svårt att få pengarna att räcka kan få hjälp att göra en budget. Vi går igenom dina inkomster och utgifter tillsammans. Samtalet är gratis och du behöver inte ha kontakt med oss sedan tidigare.",
  "Beslut om bistånd fattas efter en individuell prövning av den sökandes behov. Vid bedömningen beaktas bland annat sökandens möjligheter att tillgodose behovet på annat sätt. Beslutet kan överklagas till förvaltningsrätten inom tre veckor från det att du fick del av beslutet.",
  "Är du orolig för ett barn kan du alltid kontakta oss. Berätta vad du har sett eller hört. Du behöver inte vara säker på att barnet far illa. Vi tar ställning till om vi behöver göra en utredning.",
  "Familjehem behövs för barn och unga som inte kan bo hemma under en period. Som familjehem ger du ett barn trygghet, omsorg och en vardag som fungerar. Du får utbildning, handledning och ersättning från kommunen.",
  "Med anledning av den pågående omorganisationen kommer handläggningstiderna att förlängas under innevarande år. Förvaltningen vidtar åtgärder i syfte att nedbringa väntetiderna. Frågor rörande enskilda ärenden besvaras av ansvarig handläggare.",
  "Våld i nära relationer kan vara slag, hot, kontroll eller att någon hindrar dig från att träffa andra. Du kan få prata med någon som vet mycket om våld. Vi kan hjälpa dig att hitta ett skyddat boende om du behöver det.",
  "Verksamheten bedrivs i enlighet med socialtjänstlagen och de föreskrifter som Socialstyrelsen har utfärdat. Uppföljning av insatserna sker regelbundet och dokumentation upprättas i varje enskilt ärende.",
  "Mötesplatsen i centrum är öppen för alla som vill träffa andra och dricka en kopp kaffe. Här kan du spela spel, läsa tidningen eller bara prata en stund. Du behöver inte anmäla dig.",
  "Ungdomar mellan tretton och tjugo år kan få stöd av våra fältassistenter. De finns ute på kvällar och helger där unga träffas. Fältassistenterna samarbetar med skolor, polis och fritidsgårdar.",
  "Nämnden har under året genomfört en översyn av riktlinjerna för handläggning av ärenden gällande bostadssociala frågor. Översynen har resulterat i förslag till förändringar som kommer att behandlas vid nämndens sammanträde i december.",
  "Om du dricker mer än du vill kan du få hjälp hos oss. Du kan komma till mottagningen utan att boka tid på tisdagar. Det du berättar stannar hos oss, vi har tystnadsplikt.",
  "Personuppgifter behandlas i enlighet med dataskyddsförordningen. Uppgifterna sparas så länge det är nödvändigt för ändamålet och gallras därefter enligt gällande dokumenthanteringsplan.",
  "Äldre som känner sig ensamma kan få besök av en frivillig väntjänst. Ofta räcker det med att någon ringer eller följer med på en promenad. Återkom gärna till oss om du vill veta mer.",
];

export function swedishProse(bytes) {
  const parts = [];
  let size = 0;
  let i = 0;
  while (size < bytes) {
    const p = PARAGRAPHS[i % PARAGRAPHS.length].replace("tjugonde", i % 2 ? "tjugonde" : "femtonde");
    const withNumber = `${p} Ärende nummer ${1000 + (i % 9000)} avslutades ${(i % 28) + 1} mars.`;
    parts.push(withNumber);
    size += Buffer.byteLength(withNumber) + 2;
    i++;
  }
  return parts.join("\n\n");
}

/*
 * Official prose: the stiff style the engine exists to find, written for Klarsvar (fictional
 * municipality, no real people). Long sentences (30–60 words), long compounds, abbreviations,
 * acronyms, s-passives, nominalisations and officialese, so nearly every rule has findings.
 * Sentences are built from slots with a small deterministic generator, so no paragraph is a
 * trivial repeat of another, and the output is the same on every run.
 */
const UNITS = [
  "Socialnämnden",
  "Individ- och familjeomsorgsförvaltningen",
  "Arbetsmarknads- och försörjningsstödsenheten",
  "Biståndshandläggningsenheten",
  "Äldreomsorgsförvaltningen",
  "Funktionshinderförvaltningen",
];
const MATTERS = [
  "ansökan om ekonomiskt bistånd",
  "ansökan om bostadsanpassningsbidrag",
  "ansökan om insats enl. LSS",
  "anmälan om oro för barn",
  "begäran om utlämnande av allmän handling",
  "ansökan om färdtjänsttillstånd",
  "ansökan om kontaktpersonsinsats",
  "framställan om omprövning av beslut",
];
const DOCUMENTS = [
  "erforderliga handlingar",
  "kontoutdrag för samtliga bankkonton",
  "hyreskontrakt samt hyresavi",
  "läkarintyg och arbetsförmågebedömning",
  "beslut från Försäkringskassan",
  "inkomstuppgifter för hushållets samtliga medlemmar",
];
const LAWS = [
  "4 kap. 1 § SoL",
  "9 § LSS",
  "förvaltningslagen (FL)",
  "offentlighets- och sekretesslagen",
  "dataskyddsförordningen (GDPR)",
  "Socialstyrelsens föreskrifter och allmänna råd",
];
const SENTENCES = [
  (r) =>
    `${r(UNITS)} har vid sitt sammanträde den ${r.day()} ${r(MONTHS)} ${r.year()} fattat beslut om att handläggningen av ärenden rörande ${r(MATTERS)} fr.o.m. den 1 ${r(MONTHS)} skall bedrivas i enlighet med de reviderade riktlinjerna, vilka bl.a. innebär att en förnyad bedömning av den enskildes behov skall genomföras vid varje uppföljningstillfälle.`,
  (r) =>
    `Till ${r(MATTERS)} skall bifogas ${r(DOCUMENTS)}, ${r(DOCUMENTS)} samt i förekommande fall ${r(DOCUMENTS)}, och ofullständiga ansökningar kommer inte att handläggas förrän erforderliga kompletteringar har inkommit till förvaltningen, vilket kan medföra att handläggningstiden förlängs med upp till ${r.n(2, 9)} veckor.`,
  (r) =>
    `Den sökande erinras om att uppgifter som lämnas i samband med ${r(MATTERS)} kan komma att kontrolleras mot uppgifter från andra myndigheter, t.ex. Skatteverket, Försäkringskassan och Arbetsförmedlingen, i enlighet med ${r(LAWS)}, och att oriktiga uppgifter kan föranleda återkrav samt polisanmälan.`,
  (r) =>
    `Beslut i ärendet om ${r(MATTERS)} fattas efter en individuell prövning av sökandens samlade livssituation, varvid hänsyn bl.a. tas till inkomster, tillgångar och möjligheter att tillgodose behovet på annat sätt, och beslutet kan överklagas hos förvaltningsrätten inom tre veckor från den dag då den enskilde erhöll del av beslutet.`,
  (r) =>
    `Med anledning av den pågående omorganisationen av ${r(UNITS).toLowerCase()} kommer handläggningstiderna att förlängas under innevarande verksamhetsår, och förvaltningen vidtar åtgärder i syfte att nedbringa väntetiderna, bl.a. genom att tillfälligt förstärka bemanningen och genom att utveckla rutinerna för ärendefördelning och ärendeuppföljning.`,
  (r) =>
    `Uppföljning av beviljade insatser sker regelbundet, dock minst ${r.n(1, 4)} gånger per kalenderår, och dokumentation upprättas i varje enskilt ärende enl. ${r(LAWS)}, varvid det åligger ansvarig handläggare att tillse att journalanteckningar förs fortlöpande och att handlingar som inkommer diarieförs utan dröjsmål.`,
  (r) =>
    `Personuppgifter som lämnas i samband med ${r(MATTERS)} behandlas i enlighet med ${r(LAWS)} och sparas så länge det är nödvändigt för ändamålet, varefter uppgifterna gallras enligt nämndens dokumenthanteringsplan, dock tidigast ${r.n(2, 10)} år efter det att ärendet avslutades.`,
  (r) =>
    `Ersättning utgår enl. nämndens riktlinjer med ${r.n(120, 990)} kr per dygn inkl. omkostnader, resp. ${r.n(40, 390)} kr per timme för kontaktpersonsuppdrag, och utbetalning verkställs månadsvis i efterskott efter det att tidrapport har inkommit till ${r(UNITS).toLowerCase()} och har attesterats av ansvarig enhetschef.`,
  (r) =>
    `Det bör särskilt beaktas att den enskildes självbestämmande och integritet skall respekteras, att insatserna skall utformas och genomföras tillsammans med den enskilde samt att samordning med hälso- och sjukvården och andra samhällsorgan, t.ex. ${r(["IVO", "Försäkringskassan", "regionen", "Kriminalvården"])}, skall ske där så erfordras.`,
  (r) =>
    `Frågor rörande enskilda ärenden besvaras av ansvarig handläggare, som nås via kommunens växel på telefon 070-174 06 ${String(r.n(5, 99)).padStart(2, "0")} helgfria vardagar mellan kl. 8.00 och 16.30, alternativt via e-post till socialtjanst${r.n(1, 9)}@exempelstad.se, varvid ärendets diarienummer SN ${r.year()}/${r.n(100, 9999)} skall anges.`,
  (r) =>
    `Om behov av tolk föreligger skall detta meddelas förvaltningen senast ${r.n(2, 10)} arbetsdagar före det planerade mötet, och tolk tillhandahålls då utan kostnad för den enskilde, dvs. kostnaden för tolkning i samband med myndighetsutövning bekostas av nämnden.`,
  (r) =>
    `Nämnden har under året genomfört en översyn av riktlinjerna för handläggning av ärenden gällande bostadssociala frågor, och översynen har resulterat i förslag till förändringar, vilka kommer att behandlas vid nämndens sammanträde i ${r(MONTHS)}, varefter de reviderade riktlinjerna tillställs samtliga berörda enheter.`,
];
const MONTHS = [
  "januari",
  "februari",
  "mars",
  "april",
  "maj",
  "juni",
  "augusti",
  "september",
  "oktober",
  "november",
  "december",
];

/** A small deterministic generator (mulberry32), so the corpus is the same on every run. */
function picker(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = (list) => list[Math.floor(next() * list.length)];
  r.n = (min, max) => min + Math.floor(next() * (max - min + 1));
  r.day = () => r.n(1, 28);
  r.year = () => r.n(2019, 2027);
  return r;
}

/** Stiff official Swedish of about `bytes` bytes, in paragraphs of 2–5 long sentences. */
export function officialProse(bytes) {
  const r = picker(19);
  const parts = [];
  let size = 0;
  let i = 0;
  while (size < bytes) {
    const sentences = [];
    const count = r.n(2, 5);
    for (let k = 0; k < count; k++) sentences.push(r(SENTENCES)(r));
    if (i % 7 === 0) sentences.unshift(`Ärende ${i + 1}: ${r(MATTERS)}`.replace(/^./, (c) => c.toUpperCase()));
    const paragraph = i % 7 === 0 ? `${sentences[0]}\n\n${sentences.slice(1).join(" ")}` : sentences.join(" ");
    parts.push(paragraph);
    size += Buffer.byteLength(paragraph) + 2;
    i++;
  }
  return parts.join("\n\n");
}
