import { createHash, createHmac } from "node:crypto";
import { sql } from "kysely";
import type { Executor } from "../../platform/db/database.js";

/** The next case number for the year, e.g. SOC-2026-000123: atomic, never reused. */
export async function nextCaseNumber(db: Executor, orgId: string, year: number, prefix = "SOC"): Promise<string> {
  const row = await sql<{ last: number }>`
    insert into case_counters (org_id, year, last) values (${orgId}, ${year}, 1)
    on conflict (org_id, year) do update set last = case_counters.last + 1
    returning last`.execute(db);
  const n = row.rows[0]?.last ?? 1;
  return `${prefix}-${year}-${String(n).padStart(6, "0")}`;
}

/**
 * The secret follow link token for a case: the requester follows the case without an
 * account. Derived from the server secret, so only its hash is stored and jobs that send
 * the link can derive it again. Changing SESSION_SECRET invalidates old links.
 */
export function followTokenFor(secret: string, caseId: string): string {
  return createHmac("sha256", secret).update(`follow:${caseId}`).digest("base64url").slice(0, 32);
}

export function hashFollowToken(token: string): string {
  return createHash("sha256").update(`follow:${token}`).digest("hex");
}
