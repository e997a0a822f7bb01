/** Demo content for the inbox: categories in plain words, saved answers, a few fictional cases. */
import type { ModuleContext } from "../../app/module.js";
import { DEFAULT_UNIT_WORDS } from "./unit-words.js";
import { SYSTEM_ACTOR } from "../../platform/audit/audit.js";
import { receiveQuestion, type InboxDeps } from "./commands/receive.js";

const CATEGORIES = [
  {
    slug: "pengar",
    unit: "ekonomiskt-bistand",
    sv: "Pengar och ekonomiskt bistånd",
    en: "Money and financial assistance",
    hintSv: "Försörjningsstöd, skulder, hjälp med budget",
    hintEn: "Income support, debts, help with a budget",
  },
  {
    slug: "barn-familj",
    unit: "barn-och-familj",
    sv: "Barn och familj",
    en: "Children and families",
    hintSv: "Stöd till föräldrar, barn och unga, familjehem",
    hintEn: "Support for parents, children and young people, foster homes",
  },
  {
    slug: "beroende",
    unit: "beroende",
    sv: "Alkohol, droger och spel",
    en: "Alcohol, drugs and gambling",
    hintSv: "För dig själv eller någon du känner",
    hintEn: "For yourself or someone you know",
  },
  {
    slug: "vald",
    unit: "vald-i-nara-relationer",
    sv: "Våld i nära relationer",
    en: "Violence in close relationships",
    hintSv: "Om någon skadar, hotar eller kontrollerar dig",
    hintEn: "If someone hurts, threatens or controls you",
  },
  {
    slug: "funktionsstod",
    unit: "funktionsstod",
    sv: "Stöd vid funktionsnedsättning",
    en: "Support for people with disabilities",
    hintSv: "Boende, ledsagning, daglig verksamhet",
    hintEn: "Housing, escort service, daily activities",
  },
] as const;

const SAVED_ANSWERS = [
  {
    unit: null,
    title: "Tack för din fråga – vi ringer dig",
    body: "Hej!\n\nTack för din fråga. En socialsekreterare ringer dig inom två arbetsdagar för att prata om hur vi kan hjälpa dig.\n\nVänliga hälsningar\nSocialförvaltningen",
  },
  {
    unit: "ekonomiskt-bistand",
    title: "Så söker du ekonomiskt bistånd",
    body: "Hej!\n\nDu söker ekonomiskt bistånd i e-tjänsten på kommunens webbplats eller på en blankett som du får hos oss. Skicka med kontoutdrag för de senaste tre månaderna och din hyresavi. Du får ett beslut inom tio arbetsdagar.\n\nVänliga hälsningar\nEkonomiskt bistånd",
  },
  {
    unit: "ekonomiskt-bistand",
    title: "Budgetrådgivning",
    body: "Hej!\n\nDu kan boka tid för budgetrådgivning. Det är gratis och du behöver inte ha kontakt med oss sedan tidigare. Ring oss på vardagar så bokar vi en tid.\n\nVänliga hälsningar\nEkonomiskt bistånd",
  },
];

const DEMO_QUESTIONS = [
  {
    category: "pengar",
    body: "Hej! Jag har blivit sjukskriven och pengarna räcker inte till hyran den här månaden. Kan jag få hjälp?",
    name: "Lena Andersson",
    email: "lena.andersson@example.se",
  },
  {
    category: null,
    body: "Jag är orolig för grannens barn. Jag hör skrik och slag genom väggen nästan varje kväll.",
    name: "",
    email: "",
  },
  {
    category: "funktionsstod",
    body: "Min son har en funktionsnedsättning och ska flytta hemifrån. Vilket stöd kan han få med boendet?",
    name: "Ahmed Yusuf",
    email: "ahmed.yusuf@example.com",
  },
];

export async function seedInboxDemo(ctx: ModuleContext, deps: InboxDeps): Promise<void> {
  const db = ctx.database.db;
  const orgId = ctx.org.id;
  const units = new Map(
    (await db.selectFrom("units").select(["id", "slug"]).where("org_id", "=", orgId).execute()).map((u) => [
      u.slug,
      u.id,
    ]),
  );
  for (const [i, c] of CATEGORIES.entries()) {
    await db
      .insertInto("categories")
      .values({
        org_id: orgId,
        slug: c.slug,
        name_sv: c.sv,
        name_en: c.en,
        hint_sv: c.hintSv,
        hint_en: c.hintEn,
        unit_id: units.get(c.unit) ?? null,
        position: i,
      })
      .onConflict((oc) => oc.columns(["org_id", "slug"]).doNothing())
      .execute();
  }
  const existingAnswers = await db.selectFrom("saved_answers").select("title").where("org_id", "=", orgId).execute();
  for (const a of SAVED_ANSWERS) {
    if (existingAnswers.some((e) => e.title === a.title)) continue;
    await db
      .insertInto("saved_answers")
      .values({ org_id: orgId, unit_id: a.unit ? (units.get(a.unit) ?? null) : null, title: a.title, body: a.body })
      .execute();
  }
  // The default routing rules: one per unit, with the words that unit's questions use. Ordinary
  // rules, edited on the rules page; seeded only where the department has none.
  const anyRule = await db
    .selectFrom("routing_rules")
    .select("id")
    .where("org_id", "=", orgId)
    .limit(1)
    .executeTakeFirst();
  if (!anyRule) {
    const bySlug = new Map(
      (await db.selectFrom("units").select(["id", "slug"]).where("org_id", "=", orgId).execute()).map((u) => [
        u.slug,
        u.id,
      ]),
    );
    const rules = Object.entries(DEFAULT_UNIT_WORDS).flatMap(([slug, keywords], position) => {
      const unit = bySlug.get(slug);
      return unit ? [{ org_id: orgId, position, keywords: [...keywords], unit_id: unit }] : [];
    });
    if (rules.length > 0) await db.insertInto("routing_rules").values(rules).execute();
    // The demo routes automatically when a suggestion is at least 60 % sure (on the labelled
    // set, 9 in 10 of those were right); a real department decides this on the rules page.
    await db
      .updateTable("organisations")
      .set({ auto_route_threshold: 0.6 })
      .where("id", "=", orgId)
      .where("auto_route_threshold", "is", null)
      .execute();
  }
  const anyCase = await db.selectFrom("cases").select("id").where("org_id", "=", orgId).limit(1).executeTakeFirst();
  if (anyCase) return;
  const categories = new Map(
    (await db.selectFrom("categories").select(["id", "slug"]).where("org_id", "=", orgId).execute()).map((c) => [
      c.slug,
      c.id,
    ]),
  );
  for (const q of DEMO_QUESTIONS) {
    await receiveQuestion(
      deps,
      { ...SYSTEM_ACTOR, orgId, label: "demo seed" },
      {
        orgId,
        channel: "web",
        body: q.body,
        categoryId: q.category ? categories.get(q.category) : undefined,
        requester: { name: q.name, email: q.email },
      },
    );
  }
}
