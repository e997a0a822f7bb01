/** The inbox's door for other modules. */
import type { Executor } from "../../platform/db/database.js";
import { hasRole } from "../../platform/auth/policies.js";
import type { SessionUser } from "../../platform/auth/session-user.js";

export { assessConcern, type ConcernAssessment } from "./concern.js";
export { receiveQuestion, type IncomingQuestion, type ReceiveResult } from "./commands/receive.js";
export { mailboxesDown } from "./staff/mail-health.js";

export interface WaitingSummary {
  readonly unanswered: number;
  readonly overdue: number;
  readonly concernReports: number;
}

/** What waits for this person: unanswered cases they can see, late ones, reports of concern. */
export async function waitingFor(db: Executor, orgId: string, user: SessionUser): Promise<WaitingSummary | null> {
  if (!hasRole(user, "admin", "communicator", "unit_staff", "manager")) return null;
  let q = db.selectFrom("cases").where("org_id", "=", orgId).where("status", "in", ["new", "open"]).where("minor_importance", "=", false);
  if (!hasRole(user, "admin", "communicator")) {
    const units = [...user.unitIds];
    q = q.where((eb) => (units.length > 0 ? eb.or([eb("unit_id", "is", null), eb("unit_id", "in", units)]) : eb("unit_id", "is", null)));
  }
  const row = await q
    .select((eb) => [
      eb.fn.countAll<string>().as("unanswered"),
      eb.fn.count<string>("id").filterWhere("first_answer_due", "<", new Date()).as("overdue"),
      eb.fn.count<string>("id").filterWhere("concern_report", "=", true).as("concern"),
    ])
    .executeTakeFirstOrThrow();
  return { unanswered: Number(row.unanswered), overdue: Number(row.overdue), concernReports: Number(row.concern) };
}
