/**
 * The help catalogue's door for other modules. The inbox uses it to suggest service pages in
 * the reply composer and to route a question asked from a service page to its unit.
 */
import { sql } from "kysely";
import type { Executor } from "../../platform/db/database.js";
import { REVIEW_DUE } from "./queries.js";
import { searchServices } from "./search.js";

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
