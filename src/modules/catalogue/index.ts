/**
 * The help catalogue's door for other modules. The inbox uses it to suggest service pages in
 * the reply composer and to route a question asked from a service page to its unit.
 */
import { sql } from "kysely";
import type { Executor } from "../../platform/db/database.js";
import { REVIEW_DUE } from "./queries.js";
import { loadSynonyms, searchServices, type Synonym } from "./search.js";

export interface SuggestedService {
  readonly slug: string;
  readonly name: string;
  readonly summary: string;
  readonly url: string;
}

/** Service pages that may answer a question: the catalogue searched with the question's own words. */
export async function suggestServices(
  db: Executor,
  orgId: string,
  publicUrl: string,
  text: string,
  limit = 3,
): Promise<SuggestedService[]> {
  // The first sentences say what the question is about; a whole letter only adds noise.
  const words = text.replace(/\s+/g, " ").slice(0, 300);
  const { hits } = await searchServices(db, orgId, words, { limit });
  const base = publicUrl.replace(/\/$/, "");
  return hits
    .slice(0, limit)
    .map((h) => ({ slug: h.slug, name: h.name, summary: h.summary, url: `${base}/stod/${h.slug}` }));
}

/** A published service by its address, for a question asked from its page. */
export async function serviceForQuestion(
  db: Executor,
  orgId: string,
  slug: string,
): Promise<{ name: string; unitId: string | null } | undefined> {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return undefined;
  const s = await db
    .selectFrom("catalogue_services")
    .select(["name", "unit_id"])
    .where("org_id", "=", orgId)
    .where("slug", "=", slug)
    .where("published", "=", true)
    .where("web_form", "=", true)
    .executeTakeFirst();
  return s ? { name: s.name, unitId: s.unit_id } : undefined;
}

/** One published service page as a link for a reply. */
export async function serviceLink(
  db: Executor,
  orgId: string,
  publicUrl: string,
  slug: string,
): Promise<SuggestedService | undefined> {
  if (!/^[a-z0-9-]{1,80}$/.test(slug)) return undefined;
  const s = await db
    .selectFrom("catalogue_services")
    .select(["slug", "name", "summary"])
    .where("org_id", "=", orgId)
    .where("slug", "=", slug)
    .where("published", "=", true)
    .executeTakeFirst();
  return s ? { ...s, url: `${publicUrl.replace(/\/$/, "")}/stod/${s.slug}` } : undefined;
}

/** How many pages the person is responsible for that are due for review (the workspace start page). */
export async function reviewsDueFor(db: Executor, orgId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom("catalogue_services as s")
    .select(sql<string>`count(*)`.as("n"))
    .where("s.org_id", "=", orgId)
    .where("s.responsible_id", "=", userId)
    .where(REVIEW_DUE)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The units whose services a text is about, for routing a question on day one: the catalogue
 * searched with the text's first sentences, each hit's score counted for its service's unit.
 */
export async function unitsForText(
  db: Executor,
  orgId: string,
  text: string,
  limit = 5,
): Promise<{ unitId: string; score: number }[]> {
  const words = text.replace(/\s+/g, " ").slice(0, 400);
  // Every arriving message asks this: the synonyms and each service's unit are read at most
  // once a minute, and misspellings are left to the inbox's learned models.
  const facts = await routingFacts(db, orgId);
  const { hits } = await searchServices(db, orgId, words, { limit, synonyms: facts.synonyms, typos: false });
  if (hits.length === 0) return [];
  const missing = hits.filter((h) => !facts.unitOf.has(h.id)).map((h) => h.id);
  if (missing.length > 0)
    for (const r of await db
      .selectFrom("catalogue_services")
      .select(["id", "unit_id"])
      .where("org_id", "=", orgId)
      .where("id", "in", missing)
      .execute())
      facts.unitOf.set(r.id, r.unit_id);
  const byUnit = new Map<string, number>();
  for (const h of hits) {
    const unit = facts.unitOf.get(h.id);
    if (unit) byUnit.set(unit, (byUnit.get(unit) ?? 0) + h.score);
  }
  return [...byUnit].map(([unitId, score]) => ({ unitId, score })).sort((a, b) => b.score - a.score);
}

const facts = new WeakMap<
  object,
  Map<string, { at: number; synonyms: Synonym[]; unitOf: Map<string, string | null> }>
>();

async function routingFacts(db: Executor, orgId: string) {
  let perOrg = facts.get(db);
  if (!perOrg) facts.set(db, (perOrg = new Map()));
  const cached = perOrg.get(orgId);
  if (cached && Date.now() - cached.at < 60_000) return cached;
  const [synonyms, services] = await Promise.all([
    loadSynonyms(db, orgId),
    db.selectFrom("catalogue_services").select(["id", "unit_id"]).where("org_id", "=", orgId).execute(),
  ]);
  const fresh = { at: Date.now(), synonyms, unitOf: new Map(services.map((s) => [s.id, s.unit_id])) };
  perOrg.set(orgId, fresh);
  return fresh;
}
