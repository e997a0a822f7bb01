/**
 * Writes to the help catalogue. Each save of a service is a new version (the whole page is
 * kept), its readability is measured with the klarspråk engine, the search word list is
 * rebuilt and the change is audited — all in one transaction.
 */
import { audit, type AuditActor as Actor } from "../../../platform/audit/audit.js";
import type { Db, Executor } from "../../../platform/db/database.js";
import { SERVICE_ACCESS, type ServiceAccess } from "../../../platform/db/schema.js";
import { slugify } from "../../../platform/text.js";
import { checkText } from "../../klarsprak/index.js";
import { addTerms } from "../search.js";
import { AUDIENCE_IDS, SITUATION_IDS, TRANSLATION_LANGUAGES } from "../situations.js";

export interface ServiceInput {
  readonly slug: string;
  readonly name: string;
  readonly summary: string;
  readonly forWhom: string;
  readonly whatYouGet: string;
  readonly cost: string;
  readonly access: string;
  readonly phone: string;
  readonly email: string;
  readonly webForm: boolean;
  readonly address: string;
  readonly openingHours: string;
  readonly accessibility: string;
  readonly languages: readonly string[];
  readonly situations: readonly string[];
  readonly audiences: readonly string[];
  readonly keywords: string;
  readonly easyRead: string;
  readonly unitId: string | null;
  readonly responsibleId: string | null;
  readonly reviewMonths: number;
  readonly published: boolean;
  readonly related: readonly string[];
  /** What changed, in a few words: shown in the version history. */
  readonly note: string;
}

export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export type SaveResult =
  { ok: true; id: string; slug: string; version: number } | { ok: false; errors: FieldProblem[] };

/** Words the public catalogue's own addresses use; a service cannot take them. */
const RESERVED_SLUGS = new Set(["hitta", "data", "data.json", "data.csv", "dcat", "dcat.rdf", "sok", "ny"]);
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[0-9 +()-]{5,30}$/;

const LIMITS: Readonly<Record<string, number>> = {
  name: 120,
  summary: 400,
  forWhom: 2000,
  whatYouGet: 5000,
  cost: 1000,
  phone: 30,
  email: 200,
  address: 300,
  openingHours: 500,
  accessibility: 1000,
  keywords: 500,
  easyRead: 3000,
  note: 300,
};

export function validateService(input: ServiceInput): FieldProblem[] {
  const errors: FieldProblem[] = [];
  const text = input as unknown as Record<string, unknown>;
  for (const [field, max] of Object.entries(LIMITS)) {
    const value = text[field];
    if (typeof value === "string" && value.length > max)
      errors.push({ field, message: `Texten är för lång. Skriv högst ${max} tecken.` });
  }
  if (!input.name.trim()) errors.push({ field: "name", message: "Skriv vad stödet heter" });
  if (!input.summary.trim()) errors.push({ field: "summary", message: "Skriv en kort sammanfattning av stödet" });
  if (!input.forWhom.trim()) errors.push({ field: "forWhom", message: "Skriv vem stödet är till för" });
  if (!input.whatYouGet.trim()) errors.push({ field: "whatYouGet", message: "Skriv vad man får" });
  const slug = input.slug || slugify(input.name);
  if (input.name.trim() && (!SLUG.test(slug) || slug.length > 80 || RESERVED_SLUGS.has(slug)))
    errors.push({
      field: "slug",
      message: "Skriv adressen med små bokstäver a–z, siffror och bindestreck, till exempel stod-vid-vald",
    });
  if (!(SERVICE_ACCESS as readonly string[]).includes(input.access))
    errors.push({ field: "access", message: "Välj om man behöver ansöka" });
  if (input.email && !EMAIL.test(input.email))
    errors.push({ field: "email", message: "Skriv e-postadressen som namn@exempel.se" });
  if (input.phone && !PHONE.test(input.phone))
    errors.push({ field: "phone", message: "Skriv telefonnumret med siffror, till exempel 070-174 06 10" });
  if (!input.phone && !input.email && !input.webForm && !input.address)
    errors.push({ field: "phone", message: "Skriv minst ett sätt att kontakta oss" });
  if (input.situations.some((s) => !SITUATION_IDS.includes(s)))
    errors.push({ field: "situations", message: "Välj bland livssituationerna i listan" });
  if (input.audiences.some((s) => !AUDIENCE_IDS.includes(s)))
    errors.push({ field: "audiences", message: "Välj bland alternativen i listan" });
  if (!Number.isInteger(input.reviewMonths) || input.reviewMonths < 1 || input.reviewMonths > 60)
    errors.push({ field: "reviewMonths", message: "Skriv antal månader som ett tal mellan 1 och 60" });
  if (input.languages.length > 30 || input.languages.some((l) => l.length > 40))
    errors.push({ field: "languages", message: "Skriv högst 30 språk, åtskilda med komma" });
  return errors;
}

/** The readability of the page's running text, stored so lists need not analyse every page. */
function readability(input: ServiceInput): { lix: number | null; band: string | null } {
  const result = checkText([input.summary, input.forWhom, input.whatYouGet, input.cost].join("\n\n"));
  return {
    lix: result.scores.lix.value === null ? null : Math.round(result.scores.lix.value * 10) / 10,
    band: result.scores.lix.band,
  };
}

function contentOf(input: ServiceInput, slug: string): Record<string, unknown> {
  const { note: _note, ...content } = input;
  return { ...content, slug };
}

async function setRelations(
  trx: Executor,
  orgId: string,
  serviceId: string,
  related: readonly string[],
): Promise<void> {
  await trx.deleteFrom("catalogue_relations").where("service_id", "=", serviceId).execute();
  const ids =
    related.length === 0
      ? []
      : await trx
          .selectFrom("catalogue_services")
          .select("id")
          .where("org_id", "=", orgId)
          .where("id", "in", [...related])
          .where("id", "<>", serviceId)
          .execute();
  if (ids.length > 0)
    await trx
      .insertInto("catalogue_relations")
      .values(ids.map((r) => ({ org_id: orgId, service_id: serviceId, related_id: r.id })))
      .execute();
}

/** Creates (id undefined) or updates a service; `expectedVersion` stops two editors overwriting each other. */
export async function saveService(
  db: Db,
  actor: Actor,
  orgId: string,
  input: ServiceInput,
  id?: string,
  expectedVersion?: number,
): Promise<SaveResult> {
  const errors = validateService(input);
  const slug = input.slug || slugify(input.name);
  if (errors.length > 0) return { ok: false, errors };
  const { lix, band } = readability(input);
  const row = {
    slug,
    name: input.name.trim(),
    summary: input.summary.trim(),
    for_whom: input.forWhom.trim(),
    what_you_get: input.whatYouGet.trim(),
    cost: input.cost.trim(),
    access: input.access as ServiceAccess,
    phone: input.phone.trim(),
    email: input.email.trim(),
    web_form: input.webForm,
    address: input.address.trim(),
    opening_hours: input.openingHours.trim(),
    accessibility: input.accessibility.trim(),
    languages: [...input.languages],
    situations: [...input.situations],
    audiences: [...input.audiences],
    keywords: input.keywords.trim(),
    easy_read: input.easyRead.trim(),
    unit_id: input.unitId,
    responsible_id: input.responsibleId,
    review_months: input.reviewMonths,
    published: input.published,
    lix,
    lix_band: band,
  };
  try {
    return await db.transaction().execute(async (trx) => {
      const taken = await trx
        .selectFrom("catalogue_services")
        .select("id")
        .where("org_id", "=", orgId)
        .where("slug", "=", slug)
        .executeTakeFirst();
      if (taken && taken.id !== id)
        return {
          ok: false as const,
          errors: [{ field: "slug", message: "Adressen används redan av ett annat stöd. Välj en annan." }],
        };
      let saved: { id: string; version: number };
      if (id === undefined) {
        saved = await trx
          .insertInto("catalogue_services")
          .values({ org_id: orgId, ...row, last_reviewed_at: new Date(), updated_at: new Date() })
          .returning(["id", "version"])
          .executeTakeFirstOrThrow();
      } else {
        const current = await trx
          .selectFrom("catalogue_services")
          .select(["version"])
          .where("org_id", "=", orgId)
          .where("id", "=", id)
          .forUpdate()
          .executeTakeFirst();
        if (!current) return { ok: false as const, errors: [{ field: "name", message: "Stödet finns inte längre." }] };
        if (expectedVersion !== undefined && current.version !== expectedVersion) {
          return {
            ok: false as const,
            errors: [
              {
                field: "name",
                message: `Någon annan sparade sidan medan du skrev (version ${current.version}). Öppna sidan igen och gör dina ändringar där.`,
              },
            ],
          };
        }
        // Saving a page means someone has checked it: the review clock starts again.
        saved = await trx
          .updateTable("catalogue_services")
          .set({ ...row, version: current.version + 1, updated_at: new Date(), last_reviewed_at: new Date() })
          .where("id", "=", id)
          .returning(["id", "version"])
          .executeTakeFirstOrThrow();
      }
      await setRelations(trx, orgId, saved.id, input.related);
      await trx
        .insertInto("catalogue_versions")
        .values({
          org_id: orgId,
          service_id: saved.id,
          version: saved.version,
          content: contentOf(input, slug),
          note: input.note.trim(),
          changed_by: actor.userId,
        })
        .execute();
      await addTerms(trx, orgId, saved.id);
      await audit(trx, actor, {
        action: id === undefined ? "catalogue.service.create" : "catalogue.service.update",
        subjectType: "catalogue_service",
        subjectId: saved.id,
        details: { slug, version: saved.version, note: input.note.trim() },
      });
      return { ok: true as const, id: saved.id, slug, version: saved.version };
    });
  } catch (error) {
    // Two editors creating the same address at once: the unique index decides.
    if ((error as { code?: string }).code === "23505")
      return {
        ok: false,
        errors: [{ field: "slug", message: "Adressen används redan av ett annat stöd. Välj en annan." }],
      };
    throw error;
  }
}

export async function markReviewed(db: Db, actor: Actor, orgId: string, id: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("catalogue_services")
      .set({ last_reviewed_at: new Date() })
      .where("org_id", "=", orgId)
      .where("id", "=", id)
      .returning(["id", "slug"])
      .executeTakeFirst();
    if (!row) return false;
    await audit(trx, actor, {
      action: "catalogue.service.reviewed",
      subjectType: "catalogue_service",
      subjectId: id,
      details: { slug: row.slug },
    });
    return true;
  });
}

export interface TranslationInput {
  readonly lang: string;
  readonly name: string;
  readonly summary: string;
  readonly body: string;
}

export async function saveTranslation(
  db: Db,
  actor: Actor,
  orgId: string,
  serviceId: string,
  t: TranslationInput,
): Promise<{ ok: true } | { ok: false; errors: FieldProblem[] }> {
  const errors: FieldProblem[] = [];
  if (!TRANSLATION_LANGUAGES.some((l) => l.code === t.lang))
    errors.push({ field: "lang", message: "Välj ett språk i listan" });
  if (!t.name.trim() || t.name.length > 160)
    errors.push({ field: "tname", message: "Skriv vad stödet heter på språket, högst 160 tecken" });
  if (!t.summary.trim() || t.summary.length > 600)
    errors.push({ field: "tsummary", message: "Skriv en kort sammanfattning, högst 600 tecken" });
  if (!t.body.trim() || t.body.length > 8000)
    errors.push({ field: "tbody", message: "Skriv texten på språket, högst 8000 tecken" });
  if (errors.length > 0) return { ok: false, errors };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("catalogue_translations")
      .values({
        org_id: orgId,
        service_id: serviceId,
        lang: t.lang,
        name: t.name.trim(),
        summary: t.summary.trim(),
        body: t.body.trim(),
        updated_at: new Date(),
      })
      .onConflict((oc) =>
        oc
          .columns(["service_id", "lang"])
          .doUpdateSet({ name: t.name.trim(), summary: t.summary.trim(), body: t.body.trim(), updated_at: new Date() }),
      )
      .execute();
    await audit(trx, actor, {
      action: "catalogue.translation.save",
      subjectType: "catalogue_service",
      subjectId: serviceId,
      details: { lang: t.lang },
    });
  });
  return { ok: true };
}

export async function removeTranslation(
  db: Db,
  actor: Actor,
  orgId: string,
  serviceId: string,
  lang: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const gone = await trx
      .deleteFrom("catalogue_translations")
      .where("org_id", "=", orgId)
      .where("service_id", "=", serviceId)
      .where("lang", "=", lang)
      .executeTakeFirst();
    if (Number(gone.numDeletedRows) > 0)
      await audit(trx, actor, {
        action: "catalogue.translation.remove",
        subjectType: "catalogue_service",
        subjectId: serviceId,
        details: { lang },
      });
  });
}

export async function addSynonym(
  db: Db,
  actor: Actor,
  orgId: string,
  term: string,
  expansion: string,
): Promise<{ ok: true } | { ok: false; errors: FieldProblem[] }> {
  const t = term.trim().toLowerCase();
  const e = expansion.trim().toLowerCase();
  const errors: FieldProblem[] = [];
  if (!/^[\p{L}\p{N}]{2,40}( [\p{L}\p{N}]{2,40})?$/u.test(t))
    errors.push({ field: "term", message: "Skriv ett eller två ord, bara bokstäver och siffror" });
  if (!e || e.length > 200 || !/[\p{L}]/u.test(e))
    errors.push({ field: "expansion", message: "Skriv vad ordet betyder, högst 200 tecken" });
  if (errors.length > 0) return { ok: false, errors };
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("catalogue_synonyms")
      .values({ org_id: orgId, term: t, expansion: e })
      .onConflict((oc) => oc.columns(["org_id", "term"]).doUpdateSet({ expansion: e }))
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, actor, {
      action: "catalogue.synonym.save",
      subjectType: "catalogue_synonym",
      subjectId: row.id,
      details: { term: t, expansion: e },
    });
  });
  return { ok: true };
}

export async function removeSynonym(db: Db, actor: Actor, orgId: string, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom("catalogue_synonyms")
      .where("org_id", "=", orgId)
      .where("id", "=", id)
      .returning(["term", "expansion"])
      .executeTakeFirst();
    if (row)
      await audit(trx, actor, {
        action: "catalogue.synonym.remove",
        subjectType: "catalogue_synonym",
        subjectId: id,
        details: row,
      });
  });
}
