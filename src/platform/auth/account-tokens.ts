/**
 * Single-use links that let a person choose their password: an invitation an admin sends
 * (valid 72 hours) or a password reset the person asks for (valid one hour).
 *
 * The token is an HMAC of the row's id with the server secret; the table keeps only its
 * SHA-256, and the mail job derives the token again from the id. So neither a copy of the
 * database nor the job queue holds a usable link, and changing SESSION_SECRET closes every
 * open link. A link is used at most once (an atomic update), and choosing a password closes
 * every other open link of the account and ends all its sessions.
 */
import { createHmac, randomUUID } from "node:crypto";
import { audit, type AuditActor } from "../audit/audit.js";
import type { Db, Executor } from "../db/database.js";
import type { AccountTokenPurpose, StaffUser } from "../db/schema.js";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./passwords.js";
import { hashToken } from "./sessions.js";
import type { Outcome as Result } from "../result.js";

export const INVITATION_HOURS = 72;
export const RESET_MINUTES = 60;
/** The job that mails a link (registered by the auth module): `{ tokenId }`, keyed by the token. */
export const ACCOUNT_LINK_JOB = "auth.send-account-link";

const LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  invitation: INVITATION_HOURS * 3_600_000,
  password_reset: RESET_MINUTES * 60_000,
};

const PATH: Record<AccountTokenPurpose, string> = {
  invitation: "/logga-in/inbjudan/",
  password_reset: "/logga-in/nytt-losenord/",
};

/** The token in a link: 43 characters of base64url. */
export function accountToken(secret: string, purpose: AccountTokenPurpose, id: string): string {
  return createHmac("sha256", secret).update(`klarsvar-account-${purpose}:${id}`).digest("base64url");
}

export function accountLink(publicUrl: string, secret: string, purpose: AccountTokenPurpose, id: string): string {
  return `${publicUrl}${PATH[purpose]}${accountToken(secret, purpose, id)}`;
}

const TOKEN_SHAPE = /^[\w-]{43}$/;

/** Closes the account's open links (all, or of one purpose): a newer link, a chosen password, a deactivation. */
export async function closeOpenTokens(
  db: Executor,
  userId: string,
  purpose?: AccountTokenPurpose,
  now = new Date(),
): Promise<number> {
  let q = db
    .updateTable("account_tokens")
    .set({ revoked_at: now })
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .where("revoked_at", "is", null);
  if (purpose) q = q.where("purpose", "=", purpose);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * A new link for the account; older open links of the same purpose are closed. Call inside
 * the transaction that also queues ACCOUNT_LINK_JOB (`within: trx`), so the mail exists
 * exactly when the link does.
 */
export async function issueAccountToken(
  trx: Executor,
  secret: string,
  input: { orgId: string; userId: string; purpose: AccountTokenPurpose; createdBy: string | null },
  now = new Date(),
): Promise<{ id: string; expiresAt: Date }> {
  await closeOpenTokens(trx, input.userId, input.purpose, now);
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + LIFETIME_MS[input.purpose]);
  await trx
    .insertInto("account_tokens")
    .values({
      id,
      org_id: input.orgId,
      user_id: input.userId,
      purpose: input.purpose,
      created_by: input.createdBy,
      token_hash: hashToken(accountToken(secret, input.purpose, id)),
      created_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { id, expiresAt };
}

export type TokenState = "open" | "used" | "expired" | "closed";

export interface FoundToken {
  readonly id: string;
  readonly orgId: string;
  readonly purpose: AccountTokenPurpose;
  readonly state: TokenState;
  readonly expiresAt: Date;
  readonly user: {
    readonly id: string;
    readonly name: string;
    readonly email: string;
    readonly hasPassword: boolean;
    readonly hasSso: boolean;
  };
}

/**
 * The link behind a token and what state it is in; undefined when the token is not ours, is
 * for another purpose, or belongs to a deactivated account (a closed account has no links).
 */
export async function findAccountToken(
  db: Executor,
  purpose: AccountTokenPurpose,
  token: string,
  now = new Date(),
): Promise<FoundToken | undefined> {
  if (!TOKEN_SHAPE.test(token)) return undefined;
  const row = await db
    .selectFrom("account_tokens as t")
    .innerJoin("staff_users as u", "u.id", "t.user_id")
    .select([
      "t.id",
      "t.org_id",
      "t.purpose",
      "t.expires_at",
      "t.used_at",
      "t.revoked_at",
      "u.id as user_id",
      "u.name",
      "u.email",
      "u.password_hash",
      "u.oidc_subject",
      "u.active",
    ])
    .where("t.token_hash", "=", hashToken(token))
    .where("t.purpose", "=", purpose)
    .executeTakeFirst();
  if (!row || !row.active) return undefined;
  const state: TokenState = row.used_at
    ? "used"
    : row.revoked_at
      ? "closed"
      : new Date(row.expires_at) <= now
        ? "expired"
        : "open";
  return {
    id: row.id,
    orgId: row.org_id,
    purpose: row.purpose,
    state,
    expiresAt: new Date(row.expires_at),
    user: {
      id: row.user_id,
      name: row.name,
      email: row.email,
      hasPassword: row.password_hash !== null,
      hasSso: row.oidc_subject !== null,
    },
  };
}

export type ChoosePasswordError = "invalid_link" | "too_short" | "mismatch";

/**
 * Uses a link to choose a password: the link is marked used (once, atomically), the password
 * set, a lock lifted, every other open link closed and every session of the account ended —
 * all in one transaction, audited. The caller signs the person in afterwards.
 */
export async function choosePasswordWithToken(
  db: Db,
  actor: Omit<AuditActor, "userId" | "label">,
  purpose: AccountTokenPurpose,
  token: string,
  input: { password: string; confirm: string },
  now = new Date(),
): Promise<Result<StaffUser, ChoosePasswordError>> {
  if (!TOKEN_SHAPE.test(token)) return { ok: false, error: "invalid_link" };
  if (input.password.length < MIN_PASSWORD_LENGTH) return { ok: false, error: "too_short" };
  if (input.password !== input.confirm) return { ok: false, error: "mismatch" };
  const passwordHash = await hashPassword(input.password);
  return db
    .transaction()
    .execute(async (trx): Promise<Result<StaffUser, ChoosePasswordError>> => {
      const used = await trx
        .updateTable("account_tokens")
        .set({ used_at: now })
        .where("token_hash", "=", hashToken(token))
        .where("purpose", "=", purpose)
        .where("used_at", "is", null)
        .where("revoked_at", "is", null)
        .where("expires_at", ">", now)
        .returning(["id", "user_id"])
        .executeTakeFirst();
      if (!used) return { ok: false, error: "invalid_link" };
      const user = await trx
        .updateTable("staff_users")
        .set({ password_hash: passwordHash, password_changed_at: now, failed_logins: 0, locked_until: null })
        .where("id", "=", used.user_id)
        .where("active", "=", true)
        .returningAll()
        .executeTakeFirst();
      if (!user) {
        // A deactivated account: the update of the link is undone with the transaction.
        throw new InactiveAccount();
      }
      await closeOpenTokens(trx, user.id, undefined, now);
      const ended = await trx.deleteFrom("sessions").where("user_id", "=", user.id).executeTakeFirst();
      await audit(
        trx,
        { ...actor, userId: user.id, label: `${user.name} <${user.email}>` },
        {
          action: purpose === "invitation" ? "user.invitation.accept" : "auth.password.reset",
          subjectType: "staff_user",
          subjectId: user.id,
          details: { link: used.id, sessionsEnded: Number(ended.numDeletedRows) },
        },
      );
      return { ok: true, value: user };
    })
    .catch((error: unknown) => {
      if (error instanceof InactiveAccount) return { ok: false, error: "invalid_link" } as const;
      throw error;
    });
}

class InactiveAccount extends Error {}

/** Reset links for the account created within the last hour (a per-address limit). */
export async function recentResetLinks(db: Executor, userId: string, now = new Date()): Promise<number> {
  const r = await db
    .selectFrom("account_tokens")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("user_id", "=", userId)
    .where("purpose", "=", "password_reset")
    .where("created_at", ">", new Date(now.getTime() - 3_600_000))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
