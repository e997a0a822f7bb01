/** The newsroom's door for other modules (the workspace start page). */
import type { SessionUser } from "../../platform/auth/session-user.js";
import { hasRole } from "../../platform/auth/policies.js";
import { sql } from "kysely";
import type { Executor } from "../../platform/db/database.js";

/** Which of these addresses are the newsroom's media contacts (lower-cased): the inbox types their mail as media inquiries. */
export async function knownJournalists(
  db: Executor,
  orgId: string,
  emails: readonly string[],
): Promise<ReadonlySet<string>> {
  const wanted = [...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  if (wanted.length === 0) return new Set();
  const rows = await db
    .selectFrom("media_contacts")
    .select(sql<string>`lower(email)`.as("email"))
    .where("org_id", "=", orgId)
    .where(sql<boolean>`lower(email) = any(${wanted})`)
    .execute();
  return new Set(rows.map((r) => r.email));
}

/** For those who write and approve: releases waiting for review (not their own) and scheduled ones. */
export async function releasesWaiting(
  db: Executor,
  orgId: string,
  user: SessionUser,
): Promise<{ toReview: number; scheduled: number } | null> {
  if (!hasRole(user, "admin", "communicator")) return null;
  const r = await db
    .selectFrom("releases")
    .where("org_id", "=", orgId)
    .select((eb) => [
      eb.fn
        .count<string>("id")
        .filterWhere((w) =>
          w.and([
            w("status", "=", "in_review"),
            w.or([w("submitted_by", "is", null), w("submitted_by", "<>", user.id)]),
            w.or([w("created_by", "is", null), w("created_by", "<>", user.id)]),
          ]),
        )
        .as("review"),
      eb.fn
        .count<string>("id")
        .filterWhere((w) => w.and([w("status", "=", "approved"), w("publish_at", ">", new Date())]))
        .as("scheduled"),
    ])
    .executeTakeFirstOrThrow();
  return { toReview: Number(r.review), scheduled: Number(r.scheduled) };
}
