/**
 * Staff accounts: invite, change roles, units and the secrecy right, deactivate, reactivate,
 * send a new invitation, end a session. Each is one transaction that writes the audit log and
 * returns ok or the problems, as field errors for the form. Sessions read roles and units
 * from the database at every request, so a change counts from the person's next click.
 */
import { sql } from "kysely";
import { audit } from "../../../platform/audit/audit.js";
import { ACCOUNT_LINK_JOB, closeOpenTokens, issueAccountToken } from "../../../platform/auth/account-tokens.js";
import { destroyUserSessions } from "../../../platform/auth/sessions.js";
import { isRole } from "../../../platform/auth/users.js";
import type { Db, Executor } from "../../../platform/db/database.js";
import type { Role, StaffUser } from "../../../platform/db/schema.js";
import { Uuid } from "../../../platform/http/typed.js";
import type { JobRunner } from "../../../platform/jobs/jobs.js";
import { notFound, type FieldProblem } from "../../../platform/result.js";
import { isEmailAddress } from "../../../platform/text.js";
import type { PeopleSay } from "../messages.js";
import { inTransaction, Refused, refuse, type AdminActor, type CommandResult } from "./result.js";

export type { AdminActor, CommandResult };

export interface StaffDeps {
  readonly db: Db;
  readonly jobs: JobRunner;
  /** SESSION_SECRET: invitation links are derived from it. */
  readonly secret: string;
}

export interface AccountInput {
  readonly name: string;
  readonly roles: readonly string[];
  readonly unitIds: readonly string[];
  readonly secrecyRight: boolean;
  /** Why the secrecy right is given or taken away; required when it changes. */
  readonly reason: string;
}

/** The organisation's active admins, locked until the transaction ends: two admins cannot remove each other at the same moment. */
async function lockActiveAdmins(trx: Executor, orgId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom("staff_users")
    .select("id")
    .where("org_id", "=", orgId)
    .where("active", "=", true)
    .where(sql<boolean>`'admin' = any(roles)`)
    .orderBy("id")
    .forUpdate()
    .execute();
  return rows.map((r) => r.id);
}

async function checkAccount(
  db: Executor,
  orgId: string,
  input: AccountInput,
  say: PeopleSay,
): Promise<{ errors: FieldProblem[]; roles: Role[]; unitIds: string[] }> {
  const errors: FieldProblem[] = [];
  if (!input.name.trim()) errors.push({ field: "name", message: say("error.name") });
  const roles = [...new Set(input.roles.filter(isRole))];
  if (roles.length === 0 || roles.length !== new Set(input.roles).size)
    errors.push({ field: "roles", message: say("error.roles") });
  const unitIds = [...new Set(input.unitIds)];
  if (unitIds.length > 0) {
    const wellFormed = unitIds.filter((u) => Uuid.safeParse(u).success);
    const known =
      wellFormed.length === unitIds.length
        ? await db.selectFrom("units").select("id").where("org_id", "=", orgId).where("id", "in", wellFormed).execute()
        : [];
    if (known.length !== unitIds.length) errors.push({ field: "units", message: say("error.units") });
  }
  return { errors, roles, unitIds };
}

const secrecyReasonMissing = (given: boolean, say: PeopleSay): FieldProblem => ({
  field: "reason",
  message: say(given ? "error.reason.give" : "error.reason.revoke"),
});

/**
 * Creates the account without a password and mails an invitation link (72 hours, once) in
 * the same transaction; the person chooses their password through it and is signed in.
 */
export async function inviteStaff(
  deps: StaffDeps,
  actor: AdminActor,
  input: AccountInput & { email: string },
  say: PeopleSay,
): Promise<CommandResult<StaffUser>> {
  const email = input.email.trim().toLowerCase();
  const { errors, roles, unitIds } = await checkAccount(deps.db, actor.orgId, input, say);
  if (!email) errors.push({ field: "email", message: say("error.email.missing") });
  else if (!isEmailAddress(email)) errors.push({ field: "email", message: say("error.email.format") });
  if (input.secrecyRight && !input.reason.trim()) errors.push(secrecyReasonMissing(true, say));
  const taken = (active = true): FieldProblem => ({
    field: "email",
    message: say(active ? "error.email.taken" : "error.email.takenDeactivated"),
  });
  const existing = isEmailAddress(email)
    ? await deps.db
        .selectFrom("staff_users")
        .select("active")
        .where("org_id", "=", actor.orgId)
        .where(sql`lower(email)`, "=", email)
        .executeTakeFirst()
    : undefined;
  if (existing) errors.push(taken(existing.active));
  if (errors.length > 0) return refuse(errors);
  try {
    return await inTransaction(deps.db, async (trx) => {
      const user = await trx
        .insertInto("staff_users")
        .values({
          org_id: actor.orgId,
          email,
          name: input.name.trim(),
          roles,
          password_hash: null,
          secrecy_right: input.secrecyRight,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      for (const unitId of unitIds)
        await trx
          .insertInto("unit_memberships")
          .values({ org_id: actor.orgId, user_id: user.id, unit_id: unitId })
          .execute();
      const link = await issueAccountToken(trx, deps.secret, {
        orgId: actor.orgId,
        userId: user.id,
        purpose: "invitation",
        createdBy: actor.userId,
      });
      await audit(trx, actor, {
        action: "user.invite",
        subjectType: "staff_user",
        subjectId: user.id,
        details: {
          email,
          roles,
          units: unitIds,
          secrecyRight: input.secrecyRight,
          link: link.id,
          expiresAt: link.expiresAt.toISOString(),
        },
      });
      if (input.secrecyRight) {
        await audit(trx, actor, {
          action: "user.secrecy_right.grant",
          subjectType: "staff_user",
          subjectId: user.id,
          details: { reason: input.reason.trim() },
        });
      }
      await deps.jobs.send(ACCOUNT_LINK_JOB, { tokenId: link.id }, { idempotencyKey: link.id, within: trx });
      return user;
    });
  } catch (error) {
    // Someone else invited the same address at the same moment.
    if ((error as { code?: string }).code === "23505") return refuse([taken()]);
    throw error;
  }
}

/** Name, roles (the registrar role among them), unit memberships and the secrecy right. */
export async function updateStaff(
  deps: StaffDeps,
  actor: AdminActor,
  userId: string,
  input: AccountInput,
  say: PeopleSay,
): Promise<CommandResult<{ changed: boolean }>> {
  const before = await accountOf(deps.db, actor.orgId, userId);
  if (!before) return notFound();
  const { errors, roles, unitIds } = await checkAccount(deps.db, actor.orgId, input, say);
  const secrecyChanged = input.secrecyRight !== before.user.secrecy_right;
  if (secrecyChanged && !input.reason.trim()) errors.push(secrecyReasonMissing(input.secrecyRight, say));
  const losesAdmin = before.user.roles.includes("admin") && !roles.includes("admin");
  if (losesAdmin && userId === actor.userId) errors.push({ field: "roles", message: say("error.ownAdmin") });
  if (errors.length > 0) return refuse(errors);
  return inTransaction(deps.db, async (trx) => {
    if (losesAdmin && before.user.active) {
      const admins = await lockActiveAdmins(trx, actor.orgId);
      if (admins.length <= 1 && admins.includes(userId)) {
        throw new Refused([{ field: "roles", message: say("error.lastAdmin") }]);
      }
    }
    const name = input.name.trim();
    await trx
      .updateTable("staff_users")
      .set({ name, roles, secrecy_right: input.secrecyRight })
      .where("id", "=", userId)
      .execute();
    const added = unitIds.filter((u) => !before.unitIds.includes(u));
    const removed = before.unitIds.filter((u) => !unitIds.includes(u));
    if (removed.length > 0)
      await trx.deleteFrom("unit_memberships").where("user_id", "=", userId).where("unit_id", "in", removed).execute();
    for (const unitId of added)
      await trx
        .insertInto("unit_memberships")
        .values({ org_id: actor.orgId, user_id: userId, unit_id: unitId })
        .execute();
    const rolesChanged = [...before.user.roles].sort().join() !== [...roles].sort().join();
    const changes: Record<string, unknown> = {};
    if (name !== before.user.name) changes["name"] = { from: before.user.name, to: name };
    if (rolesChanged) changes["roles"] = { from: before.user.roles, to: roles };
    if (added.length > 0 || removed.length > 0) changes["units"] = { added, removed };
    if (Object.keys(changes).length > 0)
      await audit(trx, actor, {
        action: "user.update",
        subjectType: "staff_user",
        subjectId: userId,
        details: changes,
      });
    if (secrecyChanged) {
      await audit(trx, actor, {
        action: input.secrecyRight ? "user.secrecy_right.grant" : "user.secrecy_right.revoke",
        subjectType: "staff_user",
        subjectId: userId,
        details: { reason: input.reason.trim() },
      });
    }
    return { changed: Object.keys(changes).length > 0 || secrecyChanged };
  });
}

/**
 * Deactivates with a reason: every session ends at once (the next request is signed out),
 * open links close, and neither password nor single sign-on lets the person in. An admin
 * cannot deactivate themselves or the last active admin.
 */
export async function deactivateStaff(
  deps: StaffDeps,
  actor: AdminActor,
  userId: string,
  reason: string,
  say: PeopleSay,
): Promise<CommandResult<{ sessionsEnded: number }>> {
  const found = await accountOf(deps.db, actor.orgId, userId);
  if (!found) return notFound();
  if (userId === actor.userId) return refuse([{ field: "reason", message: say("error.deactivate.self") }]);
  if (!found.user.active) return refuse([{ field: "reason", message: say("error.deactivate.already") }]);
  if (!reason.trim()) return refuse([{ field: "reason", message: say("error.deactivate.reason") }]);
  return inTransaction(deps.db, async (trx) => {
    if (found.user.roles.includes("admin")) {
      const admins = await lockActiveAdmins(trx, actor.orgId);
      if (admins.length <= 1 && admins.includes(userId)) {
        throw new Refused([{ field: "reason", message: say("error.lastAdmin") }]);
      }
    }
    const now = new Date();
    const updated = await trx
      .updateTable("staff_users")
      .set({ active: false, deactivated_at: now })
      .where("id", "=", userId)
      .where("active", "=", true)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      throw new Refused([{ field: "reason", message: say("error.deactivate.already") }]);
    const sessionsEnded = await destroyUserSessions(trx, userId);
    const linksClosed = await closeOpenTokens(trx, userId, undefined, now);
    await audit(trx, actor, {
      action: "user.deactivate",
      subjectType: "staff_user",
      subjectId: userId,
      details: { reason: reason.trim(), sessionsEnded, linksClosed },
    });
    return { sessionsEnded };
  });
}

/** Lets the person in again (a lock from wrong passwords is lifted too). Demo logins stay off outside demo mode. */
export async function reactivateStaff(
  deps: StaffDeps,
  actor: AdminActor,
  userId: string,
  reason: string,
  options: { demo: boolean },
  say: PeopleSay,
): Promise<CommandResult<null>> {
  const found = await accountOf(deps.db, actor.orgId, userId);
  if (!found) return notFound();
  if (found.user.active) return refuse([{ field: "reactivate-reason", message: say("error.reactivate.already") }]);
  if (found.user.is_demo && !options.demo)
    return refuse([{ field: "reactivate-reason", message: say("error.reactivate.demo") }]);
  return inTransaction(deps.db, async (trx) => {
    await trx
      .updateTable("staff_users")
      .set({ active: true, deactivated_at: null, failed_logins: 0, locked_until: null })
      .where("id", "=", userId)
      .execute();
    await audit(trx, actor, {
      action: "user.reactivate",
      subjectType: "staff_user",
      subjectId: userId,
      details: reason.trim() ? { reason: reason.trim() } : {},
    });
    return null;
  });
}

/** A new invitation link for someone who has not chosen a password yet; older links close. */
export async function resendInvitation(
  deps: StaffDeps,
  actor: AdminActor,
  userId: string,
  say: PeopleSay,
): Promise<CommandResult<{ expiresAt: Date }>> {
  const found = await accountOf(deps.db, actor.orgId, userId);
  if (!found) return notFound();
  if (!found.user.active) return refuse([{ field: "invitation", message: say("error.invitation.inactive") }]);
  if (found.user.password_hash || found.user.oidc_subject)
    return refuse([{ field: "invitation", message: say("error.invitation.signedIn") }]);
  return inTransaction(deps.db, async (trx) => {
    const link = await issueAccountToken(trx, deps.secret, {
      orgId: actor.orgId,
      userId,
      purpose: "invitation",
      createdBy: actor.userId,
    });
    await audit(trx, actor, {
      action: "user.invitation.resend",
      subjectType: "staff_user",
      subjectId: userId,
      details: { link: link.id, expiresAt: link.expiresAt.toISOString() },
    });
    await deps.jobs.send(ACCOUNT_LINK_JOB, { tokenId: link.id }, { idempotencyKey: link.id, within: trx });
    return { expiresAt: link.expiresAt };
  });
}

/** Ends one session of a person (a lost phone, a shared computer): their next request there is signed out. */
export async function endSession(
  deps: StaffDeps,
  actor: AdminActor,
  userId: string,
  sessionId: string,
): Promise<CommandResult<null>> {
  return inTransaction(deps.db, async (trx) => {
    const row = await trx
      .deleteFrom("sessions")
      .where("id", "=", sessionId)
      .where("user_id", "=", userId)
      .where("org_id", "=", actor.orgId)
      .returning(["auth_method", "ip", "created_at"])
      .executeTakeFirst();
    if (!row) throw new Refused("not_found");
    await audit(trx, actor, {
      action: "auth.session.end",
      subjectType: "staff_user",
      subjectId: userId,
      details: { method: row.auth_method, ip: row.ip, startedAt: new Date(row.created_at).toISOString() },
    });
    return null;
  });
}

async function accountOf(
  db: Executor,
  orgId: string,
  userId: string,
): Promise<{ user: StaffUser; unitIds: string[] } | undefined> {
  const user = await db
    .selectFrom("staff_users")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", userId)
    .executeTakeFirst();
  if (!user) return undefined;
  const units = await db.selectFrom("unit_memberships").select("unit_id").where("user_id", "=", userId).execute();
  return { user, unitIds: units.map((u) => u.unit_id) };
}
