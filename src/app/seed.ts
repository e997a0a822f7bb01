/**
 * The organisation every deployment has, and the fictional demo organisation
 * ("Socialförvaltningen, Exempelstads kommun") with units and demo logins for demo mode.
 * Demo names are invented; e-mail addresses use example.se.
 */
import type { Db } from "../platform/db/database.js";
import { audit, SYSTEM_ACTOR } from "../platform/audit/audit.js";
import { createStaffUser } from "../platform/auth/users.js";
import type { Organisation } from "./module.js";
import { DEMO_USERS } from "../platform/auth/demo.js";

export const DEFAULT_ORG = { slug: "exempelstad-soc", name: "Socialförvaltningen, Exempelstads kommun" } as const;

/** Finds the deployment's organisation, creating it on first start. */
export async function ensureOrganisation(
  db: Db,
  slug: string = DEFAULT_ORG.slug,
  name: string = DEFAULT_ORG.name,
): Promise<Organisation> {
  const existing = await db
    .selectFrom("organisations")
    .select(["id", "slug", "name"])
    .where("slug", "=", slug)
    .executeTakeFirst();
  if (existing) return existing;
  return db.transaction().execute(async (trx) => {
    const org = await trx
      .insertInto("organisations")
      .values({ slug, name })
      .returning(["id", "slug", "name"])
      .executeTakeFirstOrThrow();
    await audit(
      trx,
      { ...SYSTEM_ACTOR, orgId: org.id },
      { action: "organisation.create", subjectType: "organisation", subjectId: org.id, details: { slug, name } },
    );
    return org;
  });
}

interface UnitSeed {
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  /** The child-welfare intake (reports of concern land here). */
  readonly intake?: boolean;
  readonly children?: readonly UnitSeed[];
}

export const DEMO_UNITS: UnitSeed = {
  slug: "socialforvaltningen",
  name: "Socialförvaltningen",
  description: "Hela förvaltningen.",
  children: [
    { slug: "ekonomiskt-bistand", name: "Ekonomiskt bistånd", description: "Försörjningsstöd och budgetrådgivning." },
    {
      slug: "barn-och-familj",
      name: "Barn och familj",
      description: "Stöd till barn, unga och föräldrar.",
      children: [
        {
          slug: "mottagningen-barn",
          name: "Mottagningen barn och familj",
          description: "Tar emot orosanmälningar och ansökningar.",
          intake: true,
        },
      ],
    },
    {
      slug: "vuxen",
      name: "Vuxen",
      description: "Stöd till vuxna.",
      children: [
        { slug: "beroende", name: "Beroende", description: "Stöd vid missbruk och beroende." },
        {
          slug: "vald-i-nara-relationer",
          name: "Våld i nära relationer",
          description: "Stöd till den som utsätts för eller utövar våld.",
        },
      ],
    },
    {
      slug: "funktionsstod",
      name: "Funktionsstöd",
      description: "Stöd enligt LSS och SoL till personer med funktionsnedsättning.",
    },
    { slug: "kommunikation", name: "Kommunikation", description: "Webb, press och sociala medier." },
    { slug: "socialjouren", name: "Socialjouren", description: "Svarar när förvaltningen har stängt." },
  ],
};

async function seedUnit(
  db: Db,
  orgId: string,
  unit: UnitSeed,
  parentId: string | null,
  ids: Map<string, string>,
): Promise<void> {
  let row = await db
    .selectFrom("units")
    .select("id")
    .where("org_id", "=", orgId)
    .where("slug", "=", unit.slug)
    .executeTakeFirst();
  if (!row) {
    row = await db
      .insertInto("units")
      .values({
        org_id: orgId,
        parent_id: parentId,
        slug: unit.slug,
        name: unit.name,
        description: unit.description,
        receives_concern_reports: unit.intake ?? false,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
  }
  ids.set(unit.slug, row.id);
  for (const child of unit.children ?? []) await seedUnit(db, orgId, child, row.id, ids);
}

/** Idempotent: adds what is missing, never changes what staff have edited. */
export async function seedDemo(db: Db, org: Organisation, password: string): Promise<void> {
  const ids = new Map<string, string>();
  await seedUnit(db, org.id, DEMO_UNITS, null, ids);
  const actor = { ...SYSTEM_ACTOR, orgId: org.id, label: "demo seed" };
  for (const u of DEMO_USERS) {
    const result = await createStaffUser(db, actor, {
      orgId: org.id,
      email: u.email,
      name: u.name,
      roles: u.roles,
      password,
      unitIds: u.units.map((slug) => ids.get(slug)).filter((id): id is string => Boolean(id)),
      isDemo: true,
    });
    if (!result.ok && result.error !== "exists") throw new Error(`Demo user ${u.email}: ${result.error}`);
  }
}
