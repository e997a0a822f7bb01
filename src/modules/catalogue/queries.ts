/** Reads of the help catalogue, one function per question the pages ask. */
import { sql } from "kysely";
import type { Executor } from "../../platform/db/database.js";
import type { ServiceAccess } from "../../platform/db/schema.js";

export interface ServicePage {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly summary: string;
  readonly for_whom: string;
  readonly what_you_get: string;
  readonly cost: string;
  readonly access: ServiceAccess;
  readonly phone: string;
  readonly email: string;
  readonly web_form: boolean;
  readonly address: string;
  readonly opening_hours: string;
  readonly accessibility: string;
  readonly languages: string[];
  readonly situations: string[];
  readonly audiences: string[];
  readonly keywords: string;
  readonly easy_read: string;
  readonly unit_id: string | null;
  readonly unit_name: string | null;
  readonly responsible_id: string | null;
  readonly responsible_name: string | null;
  readonly published: boolean;
  readonly version: number;
  readonly lix: string | null;
  readonly lix_band: string | null;
  readonly review_months: number;
  readonly last_reviewed_at: Date;
  readonly updated_at: Date;
  readonly review_due: boolean;
}

/** Whether a page's review date has passed: last reviewed + its interval in months. */
export const REVIEW_DUE = sql<boolean>`s.last_reviewed_at + make_interval(months => s.review_months) < now()`;

function pageQuery(db: Executor, orgId: string) {
  return db
    .selectFrom("catalogue_services as s")
    .leftJoin("units as u", "u.id", "s.unit_id")
    .leftJoin("staff_users as r", "r.id", "s.responsible_id")
    .select([
      "s.id",
      "s.slug",
      "s.name",
      "s.summary",
      "s.for_whom",
      "s.what_you_get",
      "s.cost",
      "s.access",
      "s.phone",
      "s.email",
      "s.web_form",
      "s.address",
      "s.opening_hours",
      "s.accessibility",
      "s.languages",
      "s.situations",
      "s.audiences",
      "s.keywords",
      "s.easy_read",
      "s.unit_id",
      "u.name as unit_name",
      "s.responsible_id",
      "r.name as responsible_name",
      "s.published",
      "s.version",
      "s.lix",
      "s.lix_band",
      "s.review_months",
      "s.last_reviewed_at",
      "s.updated_at",
      REVIEW_DUE.as("review_due"),
    ])
    .where("s.org_id", "=", orgId);
}

export async function publishedBySlug(db: Executor, orgId: string, slug: string): Promise<ServicePage | undefined> {
  return pageQuery(db, orgId).where("s.slug", "=", slug).where("s.published", "=", true).executeTakeFirst();
}

export async function serviceById(db: Executor, orgId: string, id: string): Promise<ServicePage | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
  return pageQuery(db, orgId).where("s.id", "=", id).executeTakeFirst();
}

export interface ServiceLink {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly summary: string;
}

export async function relatedServices(db: Executor, serviceId: string): Promise<ServiceLink[]> {
  return db
    .selectFrom("catalogue_relations as r")
    .innerJoin("catalogue_services as s", "s.id", "r.related_id")
    .select(["s.id", "s.slug", "s.name", "s.summary"])
    .where("r.service_id", "=", serviceId)
    .where("s.published", "=", true)
    .orderBy("s.name")
    .execute();
}

export async function relatedIds(db: Executor, serviceId: string): Promise<string[]> {
  return (
    await db.selectFrom("catalogue_relations").select("related_id").where("service_id", "=", serviceId).execute()
  ).map((r) => r.related_id);
}

export interface Translation {
  readonly lang: string;
  readonly name: string;
  readonly summary: string;
  readonly body: string;
  readonly updated_at: Date;
}

export async function translationsOf(db: Executor, serviceId: string): Promise<Translation[]> {
  return db
    .selectFrom("catalogue_translations")
    .select(["lang", "name", "summary", "body", "updated_at"])
    .where("service_id", "=", serviceId)
    .orderBy("lang")
    .execute();
}

/** Published services grouped by life situation (the catalogue's start page). */
export async function publishedLinks(db: Executor, orgId: string): Promise<(ServiceLink & { situations: string[] })[]> {
  return db
    .selectFrom("catalogue_services")
    .select(["id", "slug", "name", "summary", "situations"])
    .where("org_id", "=", orgId)
    .where("published", "=", true)
    .orderBy("name")
    .execute();
}

/**
 * The finder's answer: services for the situation and audience. Those you can just contact
 * (no application) come first, then those about this situation alone (Socialjouren, about
 * every emergency, comes after the unit that owns the subject), then those that serve more
 * kinds of people (the broad front door before the specialised one).
 */
export async function servicesFor(
  db: Executor,
  orgId: string,
  situation: string,
  audience: string | null,
  limit = 6,
): Promise<(ServiceLink & { access: ServiceAccess; phone: string })[]> {
  return db
    .selectFrom("catalogue_services")
    .select(["id", "slug", "name", "summary", "access", "phone"])
    .where("org_id", "=", orgId)
    .where("published", "=", true)
    .where(sql<boolean>`${situation} = any(situations)`)
    .$if(audience !== null, (q) => q.where(sql<boolean>`(${audience} = any(audiences) or cardinality(audiences) = 0)`))
    .orderBy(sql`access = 'direct'`, "desc")
    .orderBy(sql`cardinality(situations)`)
    .orderBy(sql`cardinality(audiences)`, "desc")
    .orderBy("name")
    .limit(limit)
    .execute();
}

export interface StaffListRow {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly unit_name: string | null;
  readonly responsible_name: string | null;
  readonly lix: string | null;
  readonly lix_band: string | null;
  readonly published: boolean;
  readonly version: number;
  readonly last_reviewed_at: Date;
  readonly review_due: boolean;
}

export async function staffList(
  db: Executor,
  orgId: string,
  f: { unitId?: string | undefined; due?: boolean; text?: string | undefined; page: number; pageSize: number },
): Promise<{ rows: StaffListRow[]; total: number }> {
  let q = db
    .selectFrom("catalogue_services as s")
    .leftJoin("units as u", "u.id", "s.unit_id")
    .leftJoin("staff_users as r", "r.id", "s.responsible_id")
    .where("s.org_id", "=", orgId);
  if (f.unitId) q = q.where("s.unit_id", "=", f.unitId);
  if (f.due) q = q.where(REVIEW_DUE);
  if (f.text)
    q = q.where(sql<boolean>`lower(s.name) like ${`%${f.text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  const [rows, total] = await Promise.all([
    q
      .select([
        "s.id",
        "s.slug",
        "s.name",
        "u.name as unit_name",
        "r.name as responsible_name",
        "s.lix",
        "s.lix_band",
        "s.published",
        "s.version",
        "s.last_reviewed_at",
        REVIEW_DUE.as("review_due"),
      ])
      .orderBy("s.name")
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select(sql<string>`count(*)`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export interface VersionRow {
  readonly version: number;
  readonly note: string;
  readonly changed_at: Date;
  readonly changed_by_name: string | null;
}

export async function versionsOf(db: Executor, serviceId: string): Promise<VersionRow[]> {
  return db
    .selectFrom("catalogue_versions as v")
    .leftJoin("staff_users as u", "u.id", "v.changed_by")
    .select(["v.version", "v.note", "v.changed_at", "u.name as changed_by_name"])
    .where("v.service_id", "=", serviceId)
    .orderBy("v.version", "desc")
    .execute();
}

export async function versionContent(
  db: Executor,
  serviceId: string,
  version: number,
): Promise<{ content: Record<string, unknown>; changed_at: Date } | undefined> {
  return db
    .selectFrom("catalogue_versions")
    .select(["content", "changed_at"])
    .where("service_id", "=", serviceId)
    .where("version", "=", version)
    .executeTakeFirst();
}

/** Every published service, whole, for the open data files. */
export async function openDataRows(db: Executor, orgId: string) {
  return db
    .selectFrom("catalogue_services as s")
    .leftJoin("units as u", "u.id", "s.unit_id")
    .select([
      "s.slug",
      "s.name",
      "s.summary",
      "s.for_whom",
      "s.what_you_get",
      "s.cost",
      "s.access",
      "s.phone",
      "s.email",
      "s.web_form",
      "s.address",
      "s.opening_hours",
      "s.accessibility",
      "s.languages",
      "s.situations",
      "s.audiences",
      "u.name as unit_name",
      "s.last_reviewed_at",
      "s.updated_at",
      "s.version",
    ])
    .where("s.org_id", "=", orgId)
    .where("s.published", "=", true)
    .orderBy("s.name")
    .execute();
}

export type OpenDataRow = Awaited<ReturnType<typeof openDataRows>>[number];

/** Services whose review date has passed, with the person responsible (for the reminder job). */
export async function reviewsDue(db: Executor, orgId: string) {
  return db
    .selectFrom("catalogue_services as s")
    .leftJoin("staff_users as r", "r.id", "s.responsible_id")
    .select([
      "s.id",
      "s.name",
      "s.last_reviewed_at",
      "s.review_months",
      "r.email as responsible_email",
      "r.name as responsible_name",
    ])
    .where("s.org_id", "=", orgId)
    .where(REVIEW_DUE)
    .orderBy("s.name")
    .execute();
}
