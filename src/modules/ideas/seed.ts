/**
 * Demo: categories, an innovation group and a handful of residents' ideas at different
 * points of their journey — one just received, one assessed, one in progress and one
 * implemented with a "did it help?" answer. Idempotent.
 */
import type { ModuleContext } from "../../app/module.js";
import { SYSTEM_ACTOR } from "../../platform/audit/audit.js";
import { ideaDeps } from "./deps.js";
import { ensureDefaultStates } from "./defaults.js";
import { answerHelped, changeState, confirmIdea, setProgress, submitIdea } from "./commands.js";

const CATEGORIES = [
  {
    slug: "bemotande-och-tillganglighet",
    name_sv: "Bemötande och tillgänglighet",
    name_en: "Treatment and accessibility",
    unit: "kommunikation",
  },
  {
    slug: "ekonomiskt-bistand",
    name_sv: "Ekonomiskt bistånd",
    name_en: "Financial assistance",
    unit: "ekonomiskt-bistand",
  },
  { slug: "barn-och-familj", name_sv: "Barn och familj", name_en: "Children and families", unit: "barn-och-familj" },
  { slug: "digitala-tjanster", name_sv: "Digitala tjänster", name_en: "Digital services", group: "digitala-tjanster" },
] as const;

export async function seedIdeasDemo(ctx: ModuleContext): Promise<void> {
  const db = ctx.database.db;
  const orgId = ctx.org.id;
  await ensureDefaultStates(db, orgId);
  if (await db.selectFrom("idea_categories").select("id").where("org_id", "=", orgId).limit(1).executeTakeFirst())
    return;
  const unitIds = new Map(
    (await db.selectFrom("units").select(["id", "slug"]).where("org_id", "=", orgId).execute()).map((u) => [
      u.slug,
      u.id,
    ]),
  );
  const group = await db
    .insertInto("idea_groups")
    .values({
      org_id: orgId,
      slug: "digitala-tjanster",
      name: "Innovationsgruppen Digitala tjänster",
      theme: "E-tjänster, digitala möten och webben",
    })
    .onConflict((oc) => oc.doNothing())
    .returning("id")
    .executeTakeFirst();
  const groupId =
    group?.id ??
    (
      await db
        .selectFrom("idea_groups")
        .select("id")
        .where("org_id", "=", orgId)
        .where("slug", "=", "digitala-tjanster")
        .executeTakeFirstOrThrow()
    ).id;
  const users = new Map(
    (await db.selectFrom("staff_users").select(["id", "email"]).where("org_id", "=", orgId).execute()).map((u) => [
      u.email,
      u.id,
    ]),
  );
  for (const email of ["handlaggare@example.se", "kommunikator@example.se"]) {
    const id = users.get(email);
    if (id)
      await db
        .insertInto("idea_group_members")
        .values({ org_id: orgId, group_id: groupId, user_id: id })
        .onConflict((oc) => oc.doNothing())
        .execute();
  }
  const categoryIds = new Map<string, string>();
  let position = 10;
  for (const c of CATEGORIES) {
    const row = await db
      .insertInto("idea_categories")
      .values({
        org_id: orgId,
        slug: c.slug,
        name_sv: c.name_sv,
        name_en: c.name_en,
        position,
        unit_id: "unit" in c ? (unitIds.get(c.unit) ?? null) : null,
        group_id: "group" in c ? groupId : null,
      })
      .onConflict((oc) => oc.doNothing())
      .returning("id")
      .executeTakeFirst();
    if (row) categoryIds.set(c.slug, row.id);
    position += 10;
  }

  const deps = ideaDeps(ctx);
  const communicator = users.get("kommunikator@example.se");
  if (!communicator) return;
  const actor = { ...SYSTEM_ACTOR, orgId, label: "demo seed" };
  const staffActor = { ...actor, userId: communicator };
  const stateIds = new Map(
    (await db.selectFrom("idea_states").select(["id", "slug"]).where("org_id", "=", orgId).execute()).map((s) => [
      s.slug,
      s.id,
    ]),
  );
  const demo: {
    title: string;
    description: string;
    category: string;
    email: string;
    steps: [string, string, string][];
    progress?: number;
    helped?: [string, string];
  }[] = [
    {
      title: "Kvällsöppet en dag i veckan",
      category: "bemotande-och-tillganglighet",
      email: "lena.exempel@example.se",
      description:
        "Jag jobbar dagtid och hinner aldrig till receptionen före 16.30. Kan ni ha öppet till 19 en kväll i veckan? Då slipper man ta ledigt för att lämna papper.",
      steps: [
        [
          "bedoms",
          "Tack för förslaget! Vi undersöker om vi kan ha öppet längre på torsdagar. Vi räknar på hur mycket personal det kräver.",
          "Enheten Kommunikation",
        ],
      ],
    },
    {
      title: "Påminnelse med sms innan ett möte",
      category: "digitala-tjanster",
      email: "omar.exempel@example.se",
      description:
        "Det vore bra med ett sms dagen innan ett bokat möte. Jag har missat en tid för att jag glömde bort den.",
      steps: [
        [
          "beslutat",
          "Vi har bestämt att införa sms-påminnelser för bokade möten. Först testar vi på ekonomiskt bistånd.",
          "Innovationsgruppen Digitala tjänster",
        ],
        [
          "pagar",
          "Vi har valt en tjänst för sms och testar den nu med några av våra handläggare.",
          "Innovationsgruppen Digitala tjänster",
        ],
      ],
      progress: 60,
    },
    {
      title: "Blanketten för ekonomiskt bistånd på lätt svenska",
      category: "ekonomiskt-bistand",
      email: "maja.exempel@example.se",
      description:
        "Blanketten är svår att förstå. Skriv den på lätt svenska och förklara orden. Många ger upp innan de är klara.",
      steps: [
        [
          "beslutat",
          "Vi skriver om blanketten tillsammans med några som har sökt stöd.",
          "Enheten för ekonomiskt bistånd",
        ],
        [
          "genomfort",
          "Den nya blanketten finns nu på webben och i receptionen. Den har kortare meningar och förklarar orden.",
          "Enheten för ekonomiskt bistånd",
        ],
      ],
      helped: ["yes", "Nu kunde min mamma fylla i den själv."],
    },
    {
      title: "Lekhörna i väntrummet",
      category: "barn-och-familj",
      email: "per.exempel@example.se",
      description:
        "När man kommer med barn är det svårt att vänta. En liten hörna med böcker och leksaker skulle göra besöket lugnare för alla.",
      steps: [],
    },
  ];
  for (const d of demo) {
    const r = await submitIdea(
      deps,
      actor,
      {
        orgId,
        source: "resident",
        title: d.title,
        description: d.description,
        categoryId: categoryIds.get(d.category) ?? null,
        submitterEmail: d.email,
      },
      "sv",
    );
    if (!r.ok) continue;
    await confirmIdea(deps, actor, r.value.id, "sv");
    for (const [slug, answer, decidedBy] of d.steps) {
      const stateId = stateIds.get(slug);
      if (stateId) await changeState(deps, staffActor, orgId, r.value.id, { stateId, answer, decidedBy }, "sv");
    }
    if (d.progress !== undefined)
      await setProgress(deps, staffActor, orgId, r.value.id, d.progress, "Testet pågår till och med mars.", "sv");
    if (d.helped) await answerHelped(deps, orgId, r.value.id, d.helped[0], d.helped[1], "sv");
  }
}
