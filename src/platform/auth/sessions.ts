/**
 * Server-side sessions. The browser holds a random token; the database holds only its
 * SHA-256 hash, so a leaked table cannot be replayed. Sessions expire after a fixed time
 * and are removed at sign-out, at password change (others) and by a cleanup job.
 */
import { createHash, randomBytes } from "node:crypto";
import { sql } from "kysely";
import type { Executor } from "../db/database.js";
import type { SessionUser } from "./session-user.js";

export const SESSION_COOKIE = "ks_session";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface NewSession {
  readonly token: string;
  readonly id: string;
  readonly expiresAt: Date;
}

export async function createSession(
  db: Executor,
  input: {
    orgId: string;
    userId: string;
    method: "password" | "oidc";
    ttlHours: number;
    ip: string | null;
    userAgent: string | null;
  },
): Promise<NewSession> {
  const token = randomBytes(32).toString("base64url");
  const id = hashToken(token);
  const expiresAt = new Date(Date.now() + input.ttlHours * 3_600_000);
  await db
    .insertInto("sessions")
    .values({
      id,
      org_id: input.orgId,
      user_id: input.userId,
      auth_method: input.method,
      expires_at: expiresAt,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, id, expiresAt };
}

/** The user behind a session token, or null when it is unknown, expired or the user is inactive. */
export async function findSessionUser(db: Executor, token: string): Promise<SessionUser | null> {
  if (!token || token.length > 100) return null;
  const id = hashToken(token);
  const row = await db
    .selectFrom("sessions as s")
    .innerJoin("staff_users as u", "u.id", "s.user_id")
    .select([
      "s.id as session_id",
      "s.auth_method",
      "s.last_seen_at",
      "u.id",
      "u.org_id",
      "u.email",
      "u.name",
      "u.roles",
      "u.password_hash",
      "u.secrecy_right",
    ])
    .select((eb) =>
      eb.fn
        .coalesce(
          eb
            .selectFrom("unit_memberships as m")
            .whereRef("m.user_id", "=", "u.id")
            .select(sql<string[]>`array_agg(m.unit_id::text order by m.unit_id)`.as("ids")),
          sql<string[]>`'{}'::text[]`,
        )
        .as("unit_ids"),
    )
    .where("s.id", "=", id)
    .where("s.expires_at", ">", new Date())
    .where("u.active", "=", true)
    .executeTakeFirst();
  if (!row) return null;
  // Touch at most once a minute: an audit of activity without a write per request.
  if (Date.now() - new Date(row.last_seen_at).getTime() > 60_000) {
    await db.updateTable("sessions").set({ last_seen_at: new Date() }).where("id", "=", id).execute();
  }
  return {
    id: row.id,
    orgId: row.org_id,
    email: row.email,
    name: row.name,
    roles: row.roles,
    unitIds: row.unit_ids ?? [],
    sessionId: row.session_id,
    authMethod: row.auth_method === "oidc" ? "oidc" : "password",
    hasPassword: row.password_hash !== null,
    secrecyRight: row.secrecy_right,
  };
}

export async function destroySession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", sessionId).execute();
}

export async function destroyOtherSessions(db: Executor, userId: string, keepSessionId: string): Promise<number> {
  const r = await db
    .deleteFrom("sessions")
    .where("user_id", "=", userId)
    .where("id", "!=", keepSessionId)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteExpiredSessions(db: Executor, now = new Date()): Promise<number> {
  const r = await db.deleteFrom("sessions").where("expires_at", "<=", now).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Ends every session of a user at once (deactivation, a password chosen through a link): their next request is signed out. */
export async function destroyUserSessions(db: Executor, userId: string): Promise<number> {
  const r = await db.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export interface ActiveSession {
  readonly id: string;
  readonly authMethod: string;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
  readonly ip: string | null;
  readonly userAgent: string | null;
}

/** A user's sessions that have not expired, newest first. */
export async function activeSessionsOf(db: Executor, userId: string, now = new Date()): Promise<ActiveSession[]> {
  const rows = await db
    .selectFrom("sessions")
    .select(["id", "auth_method", "created_at", "last_seen_at", "expires_at", "ip", "user_agent"])
    .where("user_id", "=", userId)
    .where("expires_at", ">", now)
    .orderBy("created_at", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    authMethod: r.auth_method,
    createdAt: new Date(r.created_at),
    lastSeenAt: new Date(r.last_seen_at),
    expiresAt: new Date(r.expires_at),
    ip: r.ip,
    userAgent: r.user_agent,
  }));
}
