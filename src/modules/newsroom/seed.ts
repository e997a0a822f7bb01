/**
 * Demo: two published releases (one corrected), one waiting for review, fictional journalists
 * on a list, a subscriber and a coverage entry. Idempotent.
 */
import type { ModuleContext } from "../../app/module.js";
import { SYSTEM_ACTOR } from "../../platform/audit/audit.js";
import {
  addContactPerson,
  addCoverage,
  addQuote,
  approveRelease,
  createRelease,
  saveText,
  submitForReview,
} from "./commands.js";
import { sayer } from "../../platform/i18n/messages.js";
import { createList, saveContact, setListMember } from "./media.js";
import { messages } from "./messages.js";

export async function seedNewsroomDemo(ctx: ModuleContext): Promise<void> {
  const db = ctx.database.db;
  // Demo content is Swedish, and so are the answers of the commands it calls.
  const say = sayer(messages, "sv");
  const orgId = ctx.org.id;
  if (await db.selectFrom("releases").select("id").where("org_id", "=", orgId).limit(1).executeTakeFirst()) return;
  const users = new Map(
    (await db.selectFrom("staff_users").select(["id", "email"]).where("org_id", "=", orgId).execute()).map((u) => [
      u.email,
      u.id,
    ]),
  );
  const writer = users.get("kommunikator@example.se");
  const approver = users.get("admin@example.se");
  if (!writer || !approver) return;
  const deps = { db, jobs: ctx.jobs, secret: ctx.config.sessionSecret, arrival: ctx.extensions };
  const w = { ...SYSTEM_ACTOR, orgId, label: "demo seed", userId: writer };
  const a = { ...SYSTEM_ACTOR, orgId, label: "demo seed", userId: approver };
  const unit = await db
    .selectFrom("units")
    .select("id")
    .where("org_id", "=", orgId)
    .where("slug", "=", "ekonomiskt-bistand")
    .executeTakeFirst();

  const journalists = [
    {
      name: "Eva Exempelsson",
      email: "eva.reporter@example.se",
      outlet: "Exempelstads Tidning",
      beats: ["socialtjänst", "kommunpolitik"],
    },
    { name: "Nils Påhittad", email: "nils.radio@example.se", outlet: "Radio Exempelstad", beats: ["välfärd"] },
  ];
  await createList(deps, w, orgId, "Lokala medier", "Tidningar, radio och tv i kommunen", say);
  const list = await db
    .selectFrom("media_lists")
    .select("id")
    .where("org_id", "=", orgId)
    .where("name", "=", "Lokala medier")
    .executeTakeFirstOrThrow();
  for (const j of journalists) {
    const c = await saveContact(
      deps,
      w,
      orgId,
      {
        ...j,
        phone: "070-174 06 20",
        basis: "allmänt intresse",
        source: "Redaktionens webbplats",
      },
      say,
    );
    if (c.ok) await setListMember(deps, w, orgId, list.id, c.value.id, true, say);
  }

  const releases = [
    {
      title: "Nu kan du söka ekonomiskt bistånd på lätt svenska",
      topic: "Ekonomiskt bistånd",
      lead: "Socialförvaltningen har skrivit om ansökan om ekonomiskt bistånd. Den nya blanketten har kortare meningar och förklarar svåra ord.",
      body: "## Varför en ny blankett?\n\nMånga som söker ekonomiskt bistånd tyckte att blanketten var svår. Vi har skrivit om den tillsammans med personer som har sökt stöd.\n\n- Kortare meningar\n- Förklaringar av svåra ord\n- En lista över vad du behöver skicka med",
      quote: {
        text: "Vi vill att alla ska kunna söka det stöd de har rätt till, utan att fastna i svåra ord.",
        person: "Maria Ekholm",
        title: "enhetschef",
      } as { text: string; person: string; title: string } | null,
      publish: true,
    },
    {
      title: "Socialjouren får ett nytt telefonnummer",
      topic: "Socialjouren",
      lead: "Från och med den 1 december når du Socialjouren på ett nytt nummer. Det gamla numret fungerar till och med januari.",
      body: "Socialjouren svarar när förvaltningen har stängt. Ring 112 vid akut fara.",
      quote: null,
      publish: true,
    },
    {
      title: "Fler platser i familjehem behövs",
      topic: "Barn och familj",
      lead: "Vi söker fler familjer som kan ta emot barn och unga som inte kan bo hemma.",
      body: "Vill du veta mer? Kom till vår informationskväll.",
      quote: null,
      publish: false,
    },
  ];
  for (const r of releases) {
    const created = await createRelease(deps, w, orgId, { title: r.title, kind: "press_release" }, say);
    if (!created.ok) continue;
    const id = created.value.id;
    await saveText(
      deps,
      w,
      orgId,
      id,
      {
        title: r.title,
        lead: r.lead,
        body: r.body,
        topic: r.topic,
        unitId: r.topic === "Ekonomiskt bistånd" ? (unit?.id ?? null) : null,
        kind: "press_release",
        correction: "",
      },
      say,
    );
    if (r.quote)
      await addQuote(deps, w, orgId, id, { quote: r.quote.text, person: r.quote.person, title: r.quote.title }, say);
    await addContactPerson(
      deps,
      w,
      orgId,
      id,
      {
        name: "Sara Holmgren",
        role: "kommunikatör",
        phone: "070-174 06 30",
        email: "kommunikator@example.se",
      },
      say,
    );
    await submitForReview(deps, w, orgId, id, say);
    if (!r.publish) continue;
    await approveRelease(
      deps,
      a,
      orgId,
      id,
      {
        mode: "now",
        at: "",
        confirmPast: false,
        listIds: [],
        toSubscribers: false,
        embargoContactIds: [],
      },
      say,
    );
    if (r.topic === "Socialjouren") {
      await saveText(
        deps,
        w,
        orgId,
        id,
        {
          title: r.title,
          lead: r.lead.replace("januari", "februari"),
          body: r.body,
          topic: r.topic,
          unitId: null,
          kind: "press_release",
          correction: "Det gamla numret fungerar till och med februari, inte januari.",
        },
        say,
      );
    }
    if (r.quote)
      await addCoverage(
        deps,
        w,
        orgId,
        {
          releaseId: id,
          topic: "",
          outlet: "Exempelstads Tidning",
          date: new Date().toISOString().slice(0, 10),
          url: "https://example.se/nyheter/ny-blankett",
          tone: "positive",
          note: "Notis på webben",
        },
        say,
      );
  }
}
