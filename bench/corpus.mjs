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
