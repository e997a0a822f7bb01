/**
 * The audit log: append-only (a database trigger refuses update, delete and truncate).
 * Every command writes here in the same transaction as its change; every read of a
 * record marked secret (OSL 26 kap) writes here too.
 */
import type { Executor } from "../db/database.js";
import type { AuditEntry } from "../db/schema.js";

export interface AuditActor {
  readonly orgId: string | null;
  readonly userId: string | null;
  /** A readable label kept even if the user is later removed: name and e-mail, or "system". */
  readonly label: string;
  readonly ip?: string | null | undefined;
  readonly requestId?: string | null | undefined;
}

export interface AuditEvent {
  /** Dotted verb, module first: "auth.login", "user.create", "case.secret.open". */
  readonly action: string;
  readonly subjectType?: string | undefined;
  readonly subjectId?: string | undefined;
  readonly details?: Record<string, unknown> | undefined;
}

export const SYSTEM_ACTOR: AuditActor = { orgId: null, userId: null, label: "system" };

export async function audit(db: Executor, actor: AuditActor, event: AuditEvent): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      org_id: actor.orgId,
      actor_id: actor.userId,
      actor_label: actor.label,
      action: event.action,
      subject_type: event.subjectType ?? null,
      subject_id: event.subjectId ?? null,
      ip: actor.ip ?? null,
      request_id: actor.requestId ?? null,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}

export interface AuditFilter {
  readonly orgId: string;
  readonly action?: string | undefined;
  readonly actor?: string | undefined;
  readonly subject?: string | undefined;
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
  readonly page: number;
  readonly pageSize: number;
}

export interface AuditPage {
  readonly entries: readonly AuditEntry[];
  readonly total: number;
}

/** Newest first; action matches by prefix ("auth." finds every sign-in event). */
export async function findAuditEntries(db: Executor, f: AuditFilter): Promise<AuditPage> {
  let q = db.selectFrom("audit_log").where("org_id", "=", f.orgId);
  if (f.action) q = q.where("action", "like", `${escapeLike(f.action)}%`);
  if (f.actor) q = q.where("actor_label", "ilike", `%${escapeLike(f.actor)}%`);
  if (f.subject) q = q.where("subject_id", "=", f.subject);
  if (f.from) q = q.where("occurred_at", ">=", f.from);
  if (f.to) q = q.where("occurred_at", "<", f.to);
  const [entries, count] = await Promise.all([
    q
      .selectAll()
      .orderBy("occurred_at", "desc")
      .orderBy("id", "desc")
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { entries, total: Number(count.n) };
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
