/** Demo content for the help catalogue: idempotent, never changes what staff have edited. */
import { sql } from "kysely";
import type { ModuleContext } from "../../app/module.js";
import { SYSTEM_ACTOR } from "../../platform/audit/audit.js";
import type { Db } from "../../platform/db/database.js";
import { sayer } from "../../platform/i18n/messages.js";
import { saveService, type ServiceInput } from "./commands/save.js";
import { messages } from "./messages.js";
import { DEMO_SERVICES, type DemoService } from "./demo-services.js";
import { rebuildTerms } from "./search.js";

export const DEMO_SYNONYMS: readonly [string, string][] = [
  ["soc", "socialtjänsten"],
  ["socialen", "socialtjänsten"],
  ["bidrag", "ekonomiskt bistånd"],
  ["socialbidrag", "ekonomiskt bistånd"],
  ["fosterhem", "familjehem"],
  ["fosterfamilj", "familjehem"],
  ["knark", "droger"],
  ["kvinnojour", "skyddat boende"],
  ["jobb", "arbete"],
  ["skilsmässa", "separation"],
];

/** Who keeps each unit's pages right in the demo. */
const RESPONSIBLE_BY_UNIT: Readonly<Record<string, string>> = {
  "ekonomiskt-bistand": "handlaggare@example.se",
  "barn-och-familj": "chef@example.se",
  "mottagningen-barn": "chef@example.se",
};

export function demoInput(s: DemoService, unitId: string | null, responsibleId: string | null): ServiceInput {
  return {
    slug: s.slug,
    name: s.name,
    summary: s.summary,
    forWhom: s.forWhom,
    whatYouGet: s.whatYouGet,
    cost: s.cost,
    access: s.access,
    phone: s.phone,
    email: s.email,
    webForm: s.webForm ?? true,
    address: s.address,
    openingHours: s.openingHours,
    accessibility: s.accessibility,
    languages: s.languages,
    situations: s.situations,
    audiences: s.audiences,
    keywords: s.keywords,
    easyRead: s.easyRead ?? "",
    unitId,
    responsibleId,
    reviewMonths: 12,
    published: true,
    related: [],
    note: "Första versionen",
  };
}

export async function seedCatalogueDemo(
  db: Db,
  orgId: string,
  services: readonly DemoService[] = DEMO_SERVICES,
): Promise<void> {
  const actor = { ...SYSTEM_ACTOR, orgId, label: "demo seed" };
  const existing = new Set(
    (await db.selectFrom("catalogue_services").select("slug").where("org_id", "=", orgId).execute()).map((r) => r.slug),
  );
  const missing = services.filter((s) => !existing.has(s.slug));
  if (missing.length === 0) return;
  const units = new Map(
    (await db.selectFrom("units").select(["id", "slug"]).where("org_id", "=", orgId).execute()).map((u) => [
      u.slug,
      u.id,
    ]),
  );
  const users = new Map(
    (await db.selectFrom("staff_users").select(["id", "email"]).where("org_id", "=", orgId).execute()).map((u) => [
      u.email,
      u.id,
    ]),
  );
  const fallback = users.get("kommunikator@example.se") ?? null;
  const say = sayer(messages, "sv");
  for (const s of missing) {
    const responsible = users.get(RESPONSIBLE_BY_UNIT[s.unit] ?? "") ?? fallback;
    const result = await saveService(db, actor, orgId, demoInput(s, units.get(s.unit) ?? null, responsible), say);
    if (!result.ok)
      throw new Error(
        `Demo service ${s.slug}: ${result.kind === "invalid" ? result.errors.map((e) => `${e.field}: ${e.message}`).join("; ") : result.kind}`,
      );
  }
  const ids = new Map(
    (await db.selectFrom("catalogue_services").select(["id", "slug"]).where("org_id", "=", orgId).execute()).map(
      (r) => [r.slug, r.id],
    ),
  );
  for (const s of missing) {
    const id = ids.get(s.slug) as string;
    const related = (s.related ?? []).map((slug) => ids.get(slug)).filter((r): r is string => Boolean(r));
    if (related.length > 0)
      await db
        .insertInto("catalogue_relations")
        .values(related.map((r) => ({ org_id: orgId, service_id: id, related_id: r })))
        .onConflict((oc) => oc.doNothing())
        .execute();
    for (const [lang, t] of Object.entries(s.translations ?? {})) {
      await db
        .insertInto("catalogue_translations")
        .values({
          org_id: orgId,
          service_id: id,
          lang,
          name: t.name,
          summary: t.summary,
          body: t.body,
          updated_at: new Date(),
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  }
  await rebuildTerms(db, orgId);
  for (const [term, expansion] of DEMO_SYNONYMS) {
    await db
      .insertInto("catalogue_synonyms")
      .values({ org_id: orgId, term, expansion })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  // Two pages have not been checked for over a year, so the review reminder has something to show.
  await sql`update catalogue_services set last_reviewed_at = now() - interval '14 months' where org_id = ${orgId} and slug in ('jobbtorget', 'ledsagarservice') and version = 1`.execute(
    db,
  );
}

export async function seedCatalogue(ctx: ModuleContext): Promise<void> {
  await seedCatalogueDemo(ctx.database.db, ctx.org.id);
}
