/**
 * The states every deployment starts with, so ideas work before an admin has set anything
 * up; admins rename, add and switch them off at /arbetsyta/admin/forslag. Runs at start-up;
 * adds nothing when the organisation already has states.
 */
import type { Executor } from "../../platform/db/database.js";

export const DEFAULT_STATES = [
  {
    slug: "mottaget",
    name_sv: "Mottaget",
    name_en: "Received",
    description_sv: "Vi har tagit emot förslaget.",
    is_initial: true,
    notifies: false,
    position: 10,
  },
  {
    slug: "bedoms",
    name_sv: "Bedöms",
    name_en: "Being assessed",
    description_sv: "Vi tar reda på om och hur förslaget kan genomföras.",
    position: 20,
  },
  {
    slug: "utreds-internt",
    name_sv: "Utreds internt",
    name_en: "Internal review",
    description_sv: "Ett internt steg som inte visas på webben.",
    is_public: false,
    notifies: false,
    position: 25,
  },
  {
    slug: "beslutat",
    name_sv: "Beslutat",
    name_en: "Decided",
    description_sv: "Det finns ett beslut om förslaget.",
    position: 30,
  },
  {
    slug: "pagar",
    name_sv: "Pågår",
    name_en: "In progress",
    description_sv: "Vi arbetar med att genomföra förslaget.",
    shows_progress: true,
    position: 40,
  },
  {
    slug: "genomfort",
    name_sv: "Genomfört",
    name_en: "Implemented",
    description_sv: "Förslaget är genomfört.",
    is_closed: true,
    is_implemented: true,
    shows_progress: true,
    position: 50,
  },
  {
    slug: "genomfors-inte",
    name_sv: "Genomförs inte",
    name_en: "Not going ahead",
    description_sv: "Förslaget genomförs inte. Svaret säger varför.",
    is_closed: true,
    position: 60,
  },
] as const;

export async function ensureDefaultStates(db: Executor, orgId: string): Promise<void> {
  const any = await db.selectFrom("idea_states").select("id").where("org_id", "=", orgId).limit(1).executeTakeFirst();
  if (any) return;
  await db
    .insertInto("idea_states")
    .values(
      DEFAULT_STATES.map((s) => ({
        org_id: orgId,
        slug: s.slug,
        name_sv: s.name_sv,
        name_en: s.name_en,
        description_sv: s.description_sv,
        position: s.position,
        is_initial: "is_initial" in s ? s.is_initial : false,
        notifies: "notifies" in s ? s.notifies : true,
        is_public: "is_public" in s ? s.is_public : true,
        is_closed: "is_closed" in s ? s.is_closed : false,
        is_implemented: "is_implemented" in s ? s.is_implemented : false,
        shows_progress: "shows_progress" in s ? s.shows_progress : false,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
}
