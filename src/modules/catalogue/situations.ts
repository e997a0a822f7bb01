/**
 * The life situations and audiences of "Vilken hjälp passar mig?". Services are tagged with
 * them; the finder asks two questions and shows the services that fit. Nothing is stored.
 */
export interface Choice {
  readonly id: string;
  readonly sv: string;
  readonly en: string;
  readonly hintSv?: string;
  readonly hintEn?: string;
}

export const SITUATIONS: readonly Choice[] = [
  {
    id: "pengar",
    sv: "Pengarna räcker inte",
    en: "Money worries",
    hintSv: "Till exempel hyra, mat, räkningar eller skulder",
    hintEn: "For example rent, food, bills or debts",
  },
  {
    id: "barn",
    sv: "Jag är orolig för ett barn",
    en: "I am worried about a child",
    hintSv: "Ett barn som kanske far illa",
    hintEn: "A child who may be at risk",
  },
  {
    id: "foralder",
    sv: "Jag behöver stöd som förälder",
    en: "I need support as a parent",
    hintSv: "Konflikter, separation eller ett barn som mår dåligt",
    hintEn: "Conflicts, separation or a child who is unwell",
  },
  {
    id: "beroende",
    sv: "Alkohol, droger eller spel",
    en: "Alcohol, drugs or gambling",
    hintSv: "För dig själv eller någon du bryr dig om",
    hintEn: "For yourself or someone you care about",
  },
  {
    id: "vald",
    sv: "Våld eller hot från någon nära",
    en: "Violence or threats from someone close",
    hintSv: "En partner, förälder, barn eller annan släkting",
    hintEn: "A partner, parent, child or other relative",
  },
  {
    id: "ensam",
    sv: "Ensam, ledsen eller orolig",
    en: "Lonely, sad or anxious",
    hintSv: "När du behöver prata med någon eller träffa andra",
    hintEn: "When you need to talk to someone or meet others",
  },
  {
    id: "bostad",
    sv: "Jag har inget boende eller kan förlora det",
    en: "I have no home or may lose it",
    hintSv: "Hemlöshet, vräkning eller obetald hyra",
    hintEn: "Homelessness, eviction or unpaid rent",
  },
  {
    id: "funktion",
    sv: "Funktionsnedsättning",
    en: "Disability",
    hintSv: "Stöd i vardagen, sysselsättning eller avlastning",
    hintEn: "Support in daily life, occupation or respite",
  },
  {
    id: "engagera",
    sv: "Jag vill hjälpa till",
    en: "I want to help",
    hintSv: "Bli familjehem, kontaktperson eller kontaktfamilj",
    hintEn: "Become a foster home, contact person or contact family",
  },
];

export const AUDIENCES: readonly Choice[] = [
  { id: "vuxen", sv: "Mig själv", en: "Myself" },
  { id: "ung", sv: "Mig själv, och jag är under 21 år", en: "Myself, and I am under 21" },
  { id: "barn", sv: "Mitt barn eller ett barn jag känner", en: "My child or a child I know" },
  { id: "anhorig", sv: "En vuxen i min närhet", en: "An adult close to me" },
];

export const SITUATION_IDS = SITUATIONS.map((s) => s.id);
export const AUDIENCE_IDS = AUDIENCES.map((a) => a.id);

export function choiceLabel(list: readonly Choice[], id: string, lang: "sv" | "en"): string {
  const c = list.find((x) => x.id === id);
  return c ? c[lang] : id;
}

/** Languages a service page can be translated into (the page itself is Swedish). */
export const TRANSLATION_LANGUAGES: readonly { code: string; name: string; native: string; dir?: "rtl" }[] = [
  { code: "en", name: "Engelska", native: "English" },
  { code: "fi", name: "Finska", native: "Suomi" },
  { code: "ar", name: "Arabiska", native: "العربية", dir: "rtl" },
  { code: "so", name: "Somaliska", native: "Soomaali" },
  { code: "fa", name: "Persiska", native: "فارسی", dir: "rtl" },
  { code: "ti", name: "Tigrinja", native: "ትግርኛ" },
  { code: "se", name: "Nordsamiska", native: "Davvisámegiella" },
];
