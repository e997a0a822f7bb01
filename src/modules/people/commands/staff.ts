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
import type { JobRunner } from "../../../platform/jobs/jobs.js";
import { isEmailAddress } from "../../../platform/text.js";
import type { FieldError } from "../../../views/context.js";
import { inTransaction, invalid, Refused, UUID, type AdminActor, type CommandResult } from "./result.js";

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
): Promise<{ errors: FieldError[]; roles: Role[]; unitIds: string[] }> {
  const errors: FieldError[] = [];
  if (!input.name.trim()) errors.push({ field: "name", message: "Skriv personens namn" });
  const roles = [...new Set(input.roles.filter(isRole))];
  if (roles.length === 0 || roles.length !== new Set(input.roles).size)
    errors.push({ field: "roles", message: "Välj minst en roll i listan" });
  const unitIds = [...new Set(input.unitIds)];
  if (unitIds.length > 0) {
    const wellFormed = unitIds.filter((u) => UUID.test(u));
    const known =
      wellFormed.length === unitIds.length
        ? await db.selectFrom("units").select("id").where("org_id", "=", orgId).where("id", "in", wellFormed).execute()
        : [];
    if (known.length !== unitIds.length) errors.push({ field: "units", message: "Välj enheterna i listan" });
  }
  return { errors, roles, unitIds };
}

const secrecyReasonMissing = (given: boolean): FieldError => ({
  field: "reason",
  message: given ? "Skriv varför personen ska få sekretessbehörighet" : "Skriv varför sekretessbehörigheten tas bort",
});

/**
 * Creates the account without a password and mails an invitation link (72 hours, once) in
 * the same transaction; the person chooses their password through it and is signed in.
 */
export async function inviteStaff(
  deps: StaffDeps,
  actor: AdminActor,
  input: AccountInput & { email: string },
): Promise<CommandResult<StaffUser>> {
  const email = input.email.trim().toLowerCase();
  const { errors, roles, unitIds } = await checkAccount(deps.db, actor.orgId, input);
  if (!email) errors.push({ field: "email", message: "Skriv personens e-postadress" });
  else if (!isEmailAddress(email)) errors.push({ field: "email", message: "Skriv e-postadressen som namn@exempel.se" });
  if (input.secrecyRight && !input.reason.trim()) errors.push(secrecyReasonMissing(true));
  const taken = (active = true) => ({
    field: "email",
    message: active
      ? "Det finns redan ett konto med den e-postadressen. Sök upp personen i listan."
      : "Det finns ett avstängt konto med den e-postadressen. Aktivera det på personens sida.",
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
  if (errors.length > 0) return invalid(errors);
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
    if ((error as { code?: string }).code === "23505") return invalid([taken()]);
    throw error;
  }
}

/** Name, roles (the registrar role among them), unit memberships and the secrecy right. */
export async function updateStaff(
  deps: StaffDeps,
  actor: AdminActor,
  userId: string,
  input: AccountInput,
): Promise<CommandResult<{ changed: boolean }>> {
  const before = await accountOf(deps.db, actor.orgId, userId);
  if (!before) return invalid([{ field: "name", message: "Personen finns inte" }]);
  const { errors, roles, unitIds } = await checkAccount(deps.db, actor.orgId, input);
  const secrecyChanged = input.secrecyRight !== before.user.secrecy_right;
  if (secrecyChanged && !input.reason.trim()) errors.push(secrecyReasonMissing(input.secrecyRight));
  const losesAdmin = before.user.roles.includes("admin") && !roles.includes("admin");
  if (losesAdmin && userId === actor.userId) {
    errors.push({
      field: "roles",
      message: "Du kan inte ta bort din egen roll som administratör. Be en annan administratör.",
    });
  }
  if (errors.length > 0) return invalid(errors);
  return inTransaction(deps.db, async (trx) => {
    if (losesAdmin && before.user.active) {
      const admins = await lockActiveAdmins(trx, actor.orgId);
      if (admins.length <= 1 && admins.includes(userId)) {
        throw new Refused([
          { field: "roles", message: "Det här är den enda aktiva administratören. Ge någon annan rollen först." },
        ]);
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
): Promise<CommandResult<{ sessionsEnded: number }>> {
  const found = await accountOf(deps.db, actor.orgId, userId);
  if (!found) return invalid([{ field: "reason", message: "Personen finns inte" }]);
  if (userId === actor.userId)
    return invalid([{ field: "reason", message: "Du kan inte stänga av ditt eget konto. Be en annan administratör." }]);
  if (!found.user.active) return invalid([{ field: "reason", message: "Kontot är redan avstängt" }]);
  if (!reason.trim()) return invalid([{ field: "reason", message: "Skriv varför kontot stängs av" }]);
  return inTransaction(deps.db, async (trx) => {
    if (found.user.roles.includes("admin")) {
      const admins = await lockActiveAdmins(trx, actor.orgId);
      if (admins.length <= 1 && admins.includes(userId)) {
        throw new Refused([
          { field: "reason", message: "Det här är den enda aktiva administratören. Ge någon annan rollen först." },
        ]);
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
      throw new Refused([{ field: "reason", message: "Kontot är redan avstängt" }]);
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
): Promise<CommandResult<null>> {
  const found = await accountOf(deps.db, actor.orgId, userId);
  if (!found) return invalid([{ field: "reactivate-reason", message: "Personen finns inte" }]);
  if (found.user.active) return invalid([{ field: "reactivate-reason", message: "Kontot är redan aktivt" }]);
  if (found.user.is_demo && !options.demo)
    return invalid([{ field: "reactivate-reason", message: "Ett demokonto kan inte aktiveras utanför demoläget" }]);
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
): Promise<CommandResult<{ expiresAt: Date }>> {
  const found = await accountOf(deps.db, actor.orgId, userId);
  if (!found) return invalid([{ field: "invitation", message: "Personen finns inte" }]);
  if (!found.user.active)
    return invalid([{ field: "invitation", message: "Aktivera kontot innan du skickar en ny inbjudan" }]);
  if (found.user.password_hash || found.user.oidc_subject)
    return invalid([
      { field: "invitation", message: "Personen har redan loggat in. Glömt lösenord finns på sidan för inloggning." },
    ]);
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
): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom("sessions")
      .where("id", "=", sessionId)
      .where("user_id", "=", userId)
      .where("org_id", "=", actor.orgId)
      .returning(["auth_method", "ip", "created_at"])
      .executeTakeFirst();
    if (!row) return false;
    await audit(trx, actor, {
      action: "auth.session.end",
      subjectType: "staff_user",
      subjectId: userId,
      details: { method: row.auth_method, ip: row.ip, startedAt: new Date(row.created_at).toISOString() },
    });
    return true;
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
