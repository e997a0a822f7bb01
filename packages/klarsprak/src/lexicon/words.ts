/** Word lists for the passive, nominalisation, abbreviation and acronym rules. Written for Klarsvar. */

function set(source: string): ReadonlySet<string> {
  return new Set(source.split(/\s+/).filter(Boolean));
}

/**
 * Deponent and reciprocal verbs: s-forms that are not passive ("hoppas", "finns", "vi ses"),
 * with their inflections. Also "behövs/krävs"-type forms are NOT listed: they are passive.
 */
export const DEPONENTS = set(`
hoppas hoppades hoppats finnas finns fanns funnits trivas trivs trivdes trivts lyckas lyckades lyckats
minnas minns mindes mints synas syns syntes synts låtsas låtsades låtsats andas andades andats svettas svettades
brottas brottades kräkas kräks kräktes kräkts åldras åldrades åldrats skämmas skäms skämdes skämts väsnas väsnades
envisas envisades slåss slogs slagits umgås umgicks umgåtts träffas träffades träffats hörs hördes hörts
mötas möts möttes mötts enas enades enats samsas samsades kivas kivades tycktes
saknas saknades saknats vistas vistades vistats avundas avundades blygas hämnas hämnades
förändras förändrades förändrats ändras ändrades ändrats kännas känns kändes känts märkas märks märktes märkts 

`);

// Verbs that are deponent as "det fattas" but passive in "beslut fattas" are kept out above
// only when ambiguous in the other direction; "fattas/fattades" are handled by context below.
export const CONTEXT_PASSIVE = set("fattas fattades fattats");

/** Common nouns and other words that end in -s and are never passive verbs. */
export const S_WORDS = set(`
hus kurs process status buss plats pris ris glas gas fas bas kris polis analys kaos dans ljus mus bus
fokus tips kurs vers kors mars ås is os vas fras klass mäss bonus virus campus census genus konsensus
syllabus corpus nexus cirkus cactus kaktus fikus opus krokus modus minus plus fritids tennis chips
appendicitis diabetes rabies herpes hepatitis artros artrit psykos neuros diagnos prognos narkos
tuberkulos fibros skleros kollaps dos paus fras ros lås mås gås hals puls vals kaffeläs lös rus kvitt
kurs resurs diskurs konkurs rabatts sms tv-apparats ops jms ms os tanks pubs webbs
tills sedans annars alls ens redan förrän bakis hemifrån dess dels tvärs längs bredvids utomlands
inrikes utrikes invärtes utvärtes främst högst minst mest bäst sist först näst störst längst
oss dess vars hans hennes deras ers våra vems andras bådas allas någons ingens varandras
mitts mellans hos utanpås nedanförs förrs fars mors bros syskons grannars kusins
kanones ananas atlas kanvas Lucas Tomas Elias Jonas Matias Andreas Nils Hans Lars Klas Mats Janis
kommuns lands stads tjänsts familjs
`);

/** Strong and irregular passive forms that the ending rules cannot see. */
export const STRONG_PASSIVES = set(`
görs gjordes gjorts göras ges gavs getts givits givas tas togs tagits tagas ses sågs setts
skrivs skrevs skrivits skrivas läggs lades lagts läggas sätts sattes satts sättas ställs ställdes ställts
hålls hölls hållits hållas dras drogs dragits dras bjuds bjöds bjudits säljs såldes sålts säljas
väljs valdes valts väljas sänds sändes sänts sändas byggs byggdes byggts byggas köps köptes köpts köpas
läses lästes lästs läsas krävs krävdes krävts krävas behandlas utförs utfördes utförts utföras
infördes införs införts införas genomförs genomfördes genomförts genomföras anförs anfördes
betalas betalades betalts prövas prövades prövats bedöms bedömdes bedömts bedömas
erbjuds erbjöds erbjudits erbjudas beviljas avslås avslogs avslagits fastställs fastställdes fastställts
upprättas upprättades används användes använts användas anses ansågs ansetts
tillämpas tillämpades hämtas stängs stängdes stängts öppnas öppnades lämnas lämnades lämnats
kallas kallades ringas ringdes mejlas skickas skickades skickats meddelas meddelades meddelats
utreds utreddes utretts bryts bröts brutits förs fördes förts föras följs följdes följts sänks sänktes sänkts höjs höjdes höjts
`);

/** s-forms that are reciprocal after "vi/ni/de" ("vi ses", "vi hörs"). */
export const RECIPROCAL = set("ses hörs träffas möts");

/** Modal and auxiliary verbs that make a following s-form very likely passive. */
export const MODALS = set(
  "ska skall kan kunde måste bör borde får fick skulle vill ville behöver brukar lär kommer har hade ha",
);

/** Determiners: a following -s word is a genitive or a noun, not a verb. */
export const DETERMINERS = set(
  "en ett den det de min mitt mina din ditt dina sin sitt sina vår vårt våra er ert era varje någon något några ingen inget inga denna detta dessa samma hela alla",
);

/** Nominalisation suffixes and words that look like nominalisations but are not. */
export const NOMINALISATION_EXCEPTIONS = set(`
station stationen stationer nation nationen nationer portion portionen portioner lektion lektionen lektioner
funktion funktionen funktioner position positionen positioner tradition traditionen traditioner
region regionen regioner religion religionen legion miljon miljoner million billion pension pensionen
kommission kommissionen mission passion vision visionen version versionen
ning kung honung penning penningar tidning tidningen tidningar tidningarna ledning ledningen ledningar
sill ring ringen ringar äring fjärding reling kling sling åtting kring omkring runtomkring viking
handling handlingen handlingar handlingarna handlingens kvarting mottagning mottagningen mottagningar
het enhet enheten enheter enheterna anhörig
else
`);

/**
 * Abbreviations better written out. Key: the abbreviation as written (lower case, with dots);
 * never: never ends a sentence. Others may end one when the next word starts with a capital.
 */
export const ABBREVIATIONS: readonly {
  readonly forms: readonly string[];
  readonly full: string;
  readonly endsSentence: boolean;
}[] = [
  { forms: ["t.ex.", "t. ex.", "t ex", "tex."], full: "till exempel", endsSentence: false },
  { forms: ["bl.a.", "bl. a.", "bl a"], full: "bland annat", endsSentence: false },
  { forms: ["m.m.", "m. m.", "mm."], full: "med mera", endsSentence: true },
  { forms: ["dvs.", "d.v.s.", "dvs"], full: "det vill säga", endsSentence: false },
  { forms: ["osv.", "o.s.v.", "osv"], full: "och så vidare", endsSentence: true },
  { forms: ["s.k.", "s. k."], full: "så kallad", endsSentence: false },
  { forms: ["fr.o.m.", "f.o.m."], full: "från och med", endsSentence: false },
  { forms: ["t.o.m."], full: "till och med", endsSentence: false },
  { forms: ["p.g.a.", "pga.", "pga"], full: "på grund av", endsSentence: false },
  { forms: ["m.fl.", "m. fl."], full: "med flera", endsSentence: true },
  { forms: ["o.d.", "o.dyl."], full: "och dylikt", endsSentence: true },
  { forms: ["etc."], full: "och så vidare", endsSentence: true },
  { forms: ["m.a.o.", "mao"], full: "med andra ord", endsSentence: false },
  { forms: ["ev."], full: "eventuellt, kanske", endsSentence: false },
  { forms: ["enl."], full: "enligt", endsSentence: false },
  { forms: ["inkl."], full: "inklusive, med", endsSentence: false },
  { forms: ["exkl."], full: "utom, utan", endsSentence: false },
  { forms: ["resp."], full: "respektive", endsSentence: false },
  { forms: ["ang."], full: "om", endsSentence: false },
  { forms: ["bet."], full: "betalning, betyder", endsSentence: false },
  { forms: ["fr.a.", "främst"], full: "framför allt", endsSentence: false },
  { forms: ["o.s.a."], full: "svara gärna", endsSentence: false },
  { forms: ["jfr"], full: "jämför", endsSentence: false },
  { forms: ["obs!", "obs."], full: "observera, tänk på", endsSentence: true },
  { forms: ["ca", "ca."], full: "cirka, ungefär", endsSentence: false },
  { forms: ["st."], full: "stycken", endsSentence: true },
  { forms: ["tfn"], full: "telefon", endsSentence: false },
  { forms: ["tel."], full: "telefon", endsSentence: false },
];

/** Dotted short forms that never end a sentence, even when not flagged (kl., nr, s.). */
export const NON_FINAL_ABBREVIATIONS = set(
  "kl nr s ca dr jfr bl t ex fr f o m p g a s k d v dvs enl inkl exkl resp ang bet ev tfn tel mr mrs ff sid kap st",
);

/** Acronyms and their long forms, for suggestions. */
export const ACRONYMS: Readonly<Record<string, string>> = {
  LSS: "lagen om stöd och service till vissa funktionshindrade",
  SoL: "socialtjänstlagen",
  IVO: "Inspektionen för vård och omsorg",
  LVU: "lagen med särskilda bestämmelser om vård av unga",
  LVM: "lagen om vård av missbrukare i vissa fall",
  OSL: "offentlighets- och sekretesslagen",
  TF: "tryckfrihetsförordningen",
  HSL: "hälso- och sjukvårdslagen",
  BBIC: "Barns behov i centrum",
  HVB: "hem för vård eller boende",
  SiS: "Statens institutionsstyrelse",
  SIS: "Statens institutionsstyrelse",
  BUP: "barn- och ungdomspsykiatrin",
  KBT: "kognitiv beteendeterapi",
  CSN: "Centrala studiestödsnämnden",
  FK: "Försäkringskassan",
  AF: "Arbetsförmedlingen",
  SKR: "Sveriges Kommuner och Regioner",
  JO: "Justitieombudsmannen",
  IMY: "Integritetsskyddsmyndigheten",
  GDPR: "dataskyddsförordningen",
  SFI: "svenska för invandrare",
  LOU: "lagen om offentlig upphandling",
  FB: "försörjningsstöd",
  EKB: "ensamkommande barn",
  VINR: "våld i nära relationer",
  SSP: "samverkan mellan skola, socialtjänst och polis",
  SIP: "samordnad individuell plan",
  MVK: "Mina vårdkontakter",
  KF: "kommunfullmäktige",
  KS: "kommunstyrelsen",
  SN: "socialnämnden",
};

/** Acronyms most readers know; never flagged. */
export const COMMON_ACRONYMS = set(
  "EU FN ID SMS PDF IT TV USA OK AB AI BankID USB CD DVD HBTQ HBTQI HBTQIA+ PM VD MMS GPS WHO UNICEF NATO RUT ROT Covid COVID ÖB SVT SR DN SVD HTML URL",
);
