/** Staff accounts: creation, password sign-in with lockout, password change. */
import { sql } from "kysely";
import { audit, type AuditActor } from "../audit/audit.js";
import type { Db, Executor } from "../db/database.js";
import { ROLES, type Role, type StaffUser } from "../db/schema.js";
import { closeOpenTokens } from "./account-tokens.js";
import { burnPasswordCheck, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from "./passwords.js";
import { clearSignInFailures, recordFailedSignIn, waitBeforeSignIn } from "./throttle.js";

import type { Outcome } from "../result.js";
/** A value or an error code (see platform/result.ts). */
export type Result<T, E extends string> = Outcome<T, E>;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function findUserByEmail(db: Executor, orgId: string, email: string): Promise<StaffUser | undefined> {
  return db
    .selectFrom("staff_users")
    .selectAll()
    .where("org_id", "=", orgId)
    .where(sql`lower(email)`, "=", email.trim().toLowerCase())
    .executeTakeFirst();
}

export interface CreateUserInput {
  readonly orgId: string;
  readonly email: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly password?: string | undefined;
  readonly unitIds?: readonly string[];
  readonly isDemo?: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Creates a staff account (and its unit memberships) in one transaction, audited. */
export async function createStaffUser(
  db: Db,
  actor: AuditActor,
  input: CreateUserInput,
): Promise<Result<StaffUser, "invalid_email" | "weak_password" | "no_role" | "exists">> {
  const email = input.email.trim().toLowerCase();
  if (!EMAIL.test(email)) return { ok: false, error: "invalid_email" };
  if (input.roles.length === 0) return { ok: false, error: "no_role" };
  if (input.password !== undefined && input.password.length < MIN_PASSWORD_LENGTH)
    return { ok: false, error: "weak_password" };
  if (await findUserByEmail(db, input.orgId, email)) return { ok: false, error: "exists" };
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  const user = await db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto("staff_users")
      .values({
        org_id: input.orgId,
        email,
        name: input.name.trim(),
        roles: [...new Set(input.roles)],
        password_hash: passwordHash,
        password_changed_at: passwordHash ? new Date() : null,
        is_demo: input.isDemo ?? false,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    for (const unitId of input.unitIds ?? []) {
      await trx
        .insertInto("unit_memberships")
        .values({ org_id: input.orgId, user_id: created.id, unit_id: unitId })
        .execute();
    }
    await audit(trx, actor, {
      action: "user.create",
      subjectType: "staff_user",
      subjectId: created.id,
      details: { email, roles: created.roles, units: input.unitIds ?? [] },
    });
    return created;
  });
  return { ok: true, value: user };
}

export interface LoginPolicy {
  /** Failures of one account from one address before the waits start. */
  readonly maxFailures: number;
  /** The longest wait, in minutes. */
  readonly lockoutMinutes: number;
}

export type LoginError = "wrong" | "throttled";

/**
 * Checks e-mail and password, throttled (throttle.ts): after a few failures the next try must
 * wait, longer each time. The answer, its time and its wait are the same whether the account
 * exists or not, so nothing tells an attacker which accounts there are. Every attempt is
 * audited.
 */
export async function attemptPasswordLogin(
  db: Db,
  actor: Omit<AuditActor, "userId" | "label">,
  orgId: string,
  email: string,
  password: string,
  policy: LoginPolicy,
  now = new Date(),
): Promise<Result<StaffUser, LoginError> | { ok: false; error: "throttled"; waitMs: number }> {
  const ip = actor.ip ?? "unknown";
  const wait = await waitBeforeSignIn(db, email, ip, now);
  const user = await findUserByEmail(db, orgId, email);
  const who: AuditActor = user
    ? { ...actor, userId: user.id, label: `${user.name} <${user.email}>` }
    : { ...actor, userId: null, label: "anonymous" };
  const typed = email.trim().toLowerCase().slice(0, 200);
  if (wait > 0) {
    await burnPasswordCheck(password);
    await audit(db, who, {
      action: "auth.login.throttled",
      ...(user ? { subjectType: "staff_user", subjectId: user.id } : {}),
      details: { email: typed, waitSeconds: Math.ceil(wait / 1000) },
    });
    return { ok: false, error: "throttled", waitMs: wait };
  }
  const valid =
    user && user.active && user.password_hash
      ? await verifyPassword(user.password_hash, password)
      : (await burnPasswordCheck(password), false);
  if (!user || !valid) {
    await recordFailedSignIn(
      db,
      email,
      ip,
      { freeFailures: policy.maxFailures, maxDelayMinutes: policy.lockoutMinutes },
      now,
    );
    await audit(db, who, {
      action: "auth.login.failed",
      ...(user ? { subjectType: "staff_user", subjectId: user.id } : {}),
      details: {
        email: typed,
        reason: !user || !user.password_hash ? "unknown" : !user.active ? "inactive" : "password",
      },
    });
    return { ok: false, error: "wrong" };
  }
  await clearSignInFailures(db, email, ip);
  await db
    .updateTable("staff_users")
    .set({ failed_logins: 0, locked_until: null, last_login_at: now })
    .where("id", "=", user.id)
    .execute();
  return { ok: true, value: user };
}

export type PasswordChangeError = "sso_only" | "wrong_current" | "too_short" | "same" | "mismatch";

export async function changePassword(
  db: Db,
  actor: AuditActor,
  userId: string,
  input: { current: string; next: string; confirm: string },
): Promise<Result<null, PasswordChangeError>> {
  const user = await db.selectFrom("staff_users").selectAll().where("id", "=", userId).executeTakeFirstOrThrow();
  if (!user.password_hash) return { ok: false, error: "sso_only" };
  if (!(await verifyPassword(user.password_hash, input.current))) return { ok: false, error: "wrong_current" };
  if (input.next.length < MIN_PASSWORD_LENGTH) return { ok: false, error: "too_short" };
  if (input.next === input.current) return { ok: false, error: "same" };
  if (input.next !== input.confirm) return { ok: false, error: "mismatch" };
  const passwordHash = await hashPassword(input.next);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("staff_users")
      .set({ password_hash: passwordHash, password_changed_at: new Date() })
      .where("id", "=", userId)
      .execute();
    await audit(trx, actor, { action: "auth.password.change", subjectType: "staff_user", subjectId: userId });
  });
  return { ok: true, value: null };
}

/** The domain of an e-mail address, lower case ("Anna@Exempelstad.SE" → "exempelstad.se"). */
export function emailDomain(email: string): string {
  return email.trim().toLowerCase().split("@").pop() ?? "";
}

/**
 * Finds the staff account for an OIDC identity: by issuer and subject, else by verified
 * e-mail (then links it). When nobody has that address and it is verified and in one of
 * `allowedDomains`, an account is created with the role employee only and no units — admins
 * give more. A deactivated account is never signed in, linked or created again.
 */
export async function findOrLinkOidcUser(
  db: Db,
  actor: Omit<AuditActor, "userId" | "label">,
  orgId: string,
  claims: {
    issuer: string;
    subject: string;
    email?: string | undefined;
    emailVerified?: boolean | undefined;
    name?: string | undefined;
  },
  options: { allowedDomains?: readonly string[] } = {},
): Promise<StaffUser | null> {
  const bySubject = await db
    .selectFrom("staff_users")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("oidc_issuer", "=", claims.issuer)
    .where("oidc_subject", "=", claims.subject)
    .executeTakeFirst();
  if (bySubject) return bySubject.active ? bySubject : null;
  if (!claims.email || claims.emailVerified === false) return null;
  const byEmail = await findUserByEmail(db, orgId, claims.email);
  if (byEmail) {
    if (!byEmail.active || byEmail.oidc_subject) return null;
    return db.transaction().execute(async (trx) => {
      const linked = await trx
        .updateTable("staff_users")
        .set({ oidc_issuer: claims.issuer, oidc_subject: claims.subject })
        .where("id", "=", byEmail.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      // Signed in through the provider: an invitation still waiting is no longer needed.
      await closeOpenTokens(trx, byEmail.id, "invitation");
      await audit(
        trx,
        { ...actor, userId: byEmail.id, label: `${byEmail.name} <${byEmail.email}>` },
        {
          action: "auth.oidc.link",
          subjectType: "staff_user",
          subjectId: byEmail.id,
          details: { issuer: claims.issuer },
        },
      );
      return linked;
    });
  }
  const email = claims.email.trim().toLowerCase();
  // Only an address the provider has verified, in a domain the organisation named.
  if (
    claims.emailVerified !== true ||
    !EMAIL.test(email) ||
    !(options.allowedDomains ?? []).includes(emailDomain(email))
  )
    return null;
  const name = (claims.name?.trim() || email.split("@")[0] || email).slice(0, 200);
  try {
    return await db.transaction().execute(async (trx) => {
      const created = await trx
        .insertInto("staff_users")
        .values({
          org_id: orgId,
          email,
          name,
          roles: ["employee"],
          password_hash: null,
          oidc_issuer: claims.issuer,
          oidc_subject: claims.subject,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(
        trx,
        { ...actor, userId: created.id, label: `${created.name} <${created.email}>` },
        {
          action: "user.create",
          subjectType: "staff_user",
          subjectId: created.id,
          details: {
            email,
            roles: created.roles,
            units: [],
            via: "sso",
            issuer: claims.issuer,
            domain: emailDomain(email),
          },
        },
      );
      return created;
    });
  } catch (error) {
    // Two first sign-ins at the same moment: the other one created the account.
    if ((error as { code?: string }).code === "23505") {
      const again = await findUserByEmail(db, orgId, email);
      return again?.active && again.oidc_issuer === claims.issuer && again.oidc_subject === claims.subject
        ? again
        : null;
    }
    throw error;
  }
}
