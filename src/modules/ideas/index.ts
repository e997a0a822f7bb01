/** The ideas module's door for other modules (the workspace start page). */
import { sql, type SqlBool } from "kysely";
import type { SessionUser } from "../../platform/auth/session-user.js";
import { hasRole } from "../../platform/auth/policies.js";
import type { Executor } from "../../platform/db/database.js";
import { seesAll } from "./policies.js";

/** Ideas waiting for this person's units or groups (everyone's for admins and communicators): open, overdue, held. */
export async function ideasWaiting(
  db: Executor,
  orgId: string,
  user: SessionUser,
): Promise<{ open: number; overdue: number; held: number } | null> {
  const groupIds = (
    await db.selectFrom("idea_group_members").select("group_id").where("user_id", "=", user.id).execute()
  ).map((r) => r.group_id);
  const units = hasRole(user, "unit_staff", "manager") ? [...user.unitIds] : [];
  if (!seesAll(user) && groupIds.length === 0 && units.length === 0) return null;
  let q = db
    .selectFrom("ideas as i")
    .innerJoin("idea_states as s", "s.id", "i.state_id")
    .where("i.org_id", "=", orgId)
    .where("i.status", "in", ["open", "held"])
    .where("s.is_closed", "=", false);
  if (!seesAll(user)) {
    q = q.where((eb) =>
      eb.or([
        units.length > 0 ? eb("i.unit_id", "in", units) : sql<SqlBool>`false`,
        groupIds.length > 0 ? eb("i.group_id", "in", groupIds) : sql<SqlBool>`false`,
      ]),
    );
  }
  const r = await q
    .select((eb) => [
      eb.fn.countAll<string>().as("open"),
      eb.fn
        .count<string>("i.id")
        .filterWhere((w) => w.and([w("i.first_answered_at", "is", null), w("i.first_answer_due", "<", new Date())]))
        .as("overdue"),
      eb.fn.count<string>("i.id").filterWhere("i.status", "=", "held").as("held"),
    ])
    .executeTakeFirstOrThrow();
  return { open: Number(r.open), overdue: Number(r.overdue), held: Number(r.held) };
}
