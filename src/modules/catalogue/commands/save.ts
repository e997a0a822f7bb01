/**
 * Writes to the help catalogue. Each save of a service is a new version (the whole page is
 * kept), its readability is measured with the klarspråk engine, the search word list is
 * rebuilt and the change is audited — all in one transaction.
 */
import { audit, type AuditActor as Actor } from "../../../platform/audit/audit.js";
import type { Db, Executor } from "../../../platform/db/database.js";
import { SERVICE_ACCESS, type ServiceAccess } from "../../../platform/db/schema.js";
import type { Say } from "../../../platform/i18n/messages.js";
import { invalid, notFound, ok, type FieldProblem, type Result } from "../../../platform/result.js";
import { slugify } from "../../../platform/text.js";
import { checkText } from "../../klarsprak/index.js";
import { addTerms, forgetSearchWords } from "../search.js";
import type { messages } from "../messages.js";
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

/** The catalogue's words, for the commands' field errors (in the language of the person saving). */
export type CatalogueSay = Say<keyof typeof messages.sv>;

export type SaveResult = Result<{ id: string; slug: string; version: number }>;

const problems = (errors: readonly FieldProblem[]) => ({ ok: false as const, kind: "invalid" as const, errors });

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

export function validateService(input: ServiceInput, say: CatalogueSay): FieldProblem[] {
  const errors: FieldProblem[] = [];
  const text = input as unknown as Record<string, unknown>;
  for (const [field, max] of Object.entries(LIMITS)) {
    const value = text[field];
    if (typeof value === "string" && value.length > max) errors.push({ field, message: say("error.tooLong", { max }) });
  }
  if (!input.name.trim()) errors.push({ field: "name", message: say("error.name") });
  if (!input.summary.trim()) errors.push({ field: "summary", message: say("error.summary") });
  if (!input.forWhom.trim()) errors.push({ field: "forWhom", message: say("error.forWhom") });
  if (!input.whatYouGet.trim()) errors.push({ field: "whatYouGet", message: say("error.whatYouGet") });
  const slug = input.slug || slugify(input.name);
  if (input.name.trim() && (!SLUG.test(slug) || slug.length > 80 || RESERVED_SLUGS.has(slug)))
    errors.push({
      field: "slug",
      message: say("error.slug"),
    });
  if (!(SERVICE_ACCESS as readonly string[]).includes(input.access))
    errors.push({ field: "access", message: say("error.access") });
  if (input.email && !EMAIL.test(input.email)) errors.push({ field: "email", message: say("error.email") });
  if (input.phone && !PHONE.test(input.phone)) errors.push({ field: "phone", message: say("error.phone") });
  if (!input.phone && !input.email && !input.webForm && !input.address)
    errors.push({ field: "phone", message: say("error.contact") });
  if (input.situations.some((s) => !SITUATION_IDS.includes(s)))
    errors.push({ field: "situations", message: say("error.situations") });
  if (input.audiences.some((s) => !AUDIENCE_IDS.includes(s)))
    errors.push({ field: "audiences", message: say("error.audiences") });
  if (!Number.isInteger(input.reviewMonths) || input.reviewMonths < 1 || input.reviewMonths > 60)
    errors.push({ field: "reviewMonths", message: say("error.reviewMonths") });
  if (input.languages.length > 30 || input.languages.some((l) => l.length > 40))
    errors.push({ field: "languages", message: say("error.languages") });
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
  say: CatalogueSay,
  id?: string,
  expectedVersion?: number,
): Promise<SaveResult> {
  const errors = validateService(input, say);
  const slug = input.slug || slugify(input.name);
  if (errors.length > 0) return problems(errors);
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
    const result = await db.transaction().execute(async (trx) => {
      const taken = await trx
        .selectFrom("catalogue_services")
        .select("id")
        .where("org_id", "=", orgId)
        .where("slug", "=", slug)
        .executeTakeFirst();
      if (taken && taken.id !== id) return invalid("slug", say("error.slugTaken"));
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
        if (!current) return invalid("name", say("error.gone"));
        if (expectedVersion !== undefined && current.version !== expectedVersion)
          return invalid("name", say("error.conflict", { version: current.version }));
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
      return ok({ id: saved.id, slug, version: saved.version });
    });
    // Again after the commit (addTerms forgot inside it): a search in between may have kept the old words.
    forgetSearchWords(orgId);
    return result;
  } catch (error) {
    // Two editors creating the same address at once: the unique index decides.
    if ((error as { code?: string }).code === "23505") return invalid("slug", say("error.slugTaken"));
    throw error;
  }
}

export async function markReviewed(db: Db, actor: Actor, orgId: string, id: string): Promise<Result> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("catalogue_services")
      .set({ last_reviewed_at: new Date() })
      .where("org_id", "=", orgId)
      .where("id", "=", id)
      .returning(["id", "slug"])
      .executeTakeFirst();
    if (!row) return notFound();
    await audit(trx, actor, {
      action: "catalogue.service.reviewed",
      subjectType: "catalogue_service",
      subjectId: id,
      details: { slug: row.slug },
    });
    return ok();
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
  say: CatalogueSay,
): Promise<Result> {
  const errors: FieldProblem[] = [];
  if (!TRANSLATION_LANGUAGES.some((l) => l.code === t.lang))
    errors.push({ field: "lang", message: say("error.translation.lang") });
  if (!t.name.trim() || t.name.length > 160) errors.push({ field: "tname", message: say("error.translation.name") });
  if (!t.summary.trim() || t.summary.length > 600)
    errors.push({ field: "tsummary", message: say("error.translation.summary") });
  if (!t.body.trim() || t.body.length > 8000) errors.push({ field: "tbody", message: say("error.translation.body") });
  if (errors.length > 0) return problems(errors);
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
  return ok();
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
  say: CatalogueSay,
): Promise<Result> {
  const t = term.trim().toLowerCase();
  const e = expansion.trim().toLowerCase();
  const errors: FieldProblem[] = [];
  if (!/^[\p{L}\p{N}]{2,40}( [\p{L}\p{N}]{2,40})?$/u.test(t))
    errors.push({ field: "term", message: say("error.synonym.term") });
  if (!e || e.length > 200 || !/[\p{L}]/u.test(e))
    errors.push({ field: "expansion", message: say("error.synonym.expansion") });
  if (errors.length > 0) return problems(errors);
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
  // After the commit: a search in between cannot keep the old synonyms.
  forgetSearchWords(orgId);
  return ok();
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
  forgetSearchWords(orgId);
}
