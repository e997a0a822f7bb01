/** The request module's door for other modules (the workspace start page). */
import type { SessionUser } from "../../platform/auth/session-user.js";
import { hasRole } from "../../platform/auth/policies.js";
import type { Executor } from "../../platform/db/database.js";
import { requestClock } from "./clock.js";

/** Open requests this person's units (or everyone's, for admins and communicators) must decide, and how many are late. */
export async function requestsWaiting(
  db: Executor,
  orgId: string,
  user: SessionUser,
  now = new Date(),
): Promise<{ open: number; late: number } | null> {
  if (!hasRole(user, "admin", "communicator", "unit_staff", "manager")) return null;
  let q = db
    .selectFrom("document_requests")
    .select(["received_at"])
    .where("org_id", "=", orgId)
    .where("status", "=", "open");
  if (!hasRole(user, "admin", "communicator")) {
    const units = [...user.unitIds];
    q = q.where((eb) =>
      units.length > 0 ? eb.or([eb("unit_id", "is", null), eb("unit_id", "in", units)]) : eb("unit_id", "is", null),
    );
  }
  const rows = await q.execute();
  return {
    open: rows.length,
    late: rows.filter((r) => requestClock(new Date(r.received_at), now, null).state !== "on_time").length,
  };
}
