/** The inbox's door for other modules. */
import { Uuid } from "../../platform/http/typed.js";
import { sql } from "kysely";
import type { ModuleContext } from "../../app/module.js";
import type { ReplyDeps } from "./commands/receive.js";
import type { Executor } from "../../platform/db/database.js";
import { swedishPrefixQuery } from "../../platform/text.js";
import { hasRole } from "../../platform/auth/policies.js";
import type { SessionUser } from "../../platform/auth/session-user.js";
import { SECRET_SUBJECT as SECRET_SUBJECT_TEXT } from "./door.js";

export { assessConcern, type ConcernAssessment } from "./concern.js";
export { arrivalModels } from "./intelligence.js";
export { historyExamples, stemsOf, UnitClassifier, type TrainingExample } from "./classifier.js";
export {
  COMMUNICATION_UNIT_SLUG,
  receiveQuestion,
  type InboxDeps,
  type IncomingQuestion,
  type ReplyDeps,
  type ReceiveResult,
} from "./commands/receive.js";
export { mailboxesDown } from "./staff/mail-health.js";

export interface WaitingSummary {
  readonly unanswered: number;
  readonly overdue: number;
  readonly concernReports: number;
}

/** What waits for this person: unanswered cases they can see, late ones, reports of concern. */
export async function waitingFor(db: Executor, orgId: string, user: SessionUser): Promise<WaitingSummary | null> {
  if (!hasRole(user, "admin", "communicator", "unit_staff", "manager")) return null;
  let q = db
    .selectFrom("cases")
    .where("org_id", "=", orgId)
    .where("status", "in", ["new", "open"])
    .where("minor_importance", "=", false);
  if (!hasRole(user, "admin", "communicator")) {
    const units = [...user.unitIds];
    q = q.where((eb) =>
      units.length > 0 ? eb.or([eb("unit_id", "is", null), eb("unit_id", "in", units)]) : eb("unit_id", "is", null),
    );
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

// The one door for case content: every module that shows a case's messages, attachments,
// names or contact details reads them through these (door.ts), never from the tables.
export {
  caseFor,
  caseMeta,
  caseRequester,
  caseSourceContent,
  caseSources,
  isOpen,
  openCase,
  OPEN_PURPOSES,
  readCase,
  SECRET_SUBJECT,
  type CaseContent,
  type CaseMeta,
  type CaseSource,
  type DoorRefusal,
  type DoorResult,
  type OpenPurpose,
  type Viewer,
} from "./door.js";
export type { CaseAccess } from "./policies.js";

/** Writes a line in a case's history (another module acted on the case). */
export async function recordCaseEvent(
  trx: Executor,
  orgId: string,
  caseId: string,
  actorId: string | null,
  type: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  await trx
    .insertInto("case_events")
    .values({ org_id: orgId, case_id: caseId, actor_id: actorId, type, details: JSON.stringify(details) })
    .execute();
}

/** Marks a case as a request for public documents (the register shows it as such). */
export async function markAsDocumentRequest(trx: Executor, orgId: string, caseId: string): Promise<void> {
  await trx
    .updateTable("cases")
    .set({ kind: "document_request", updated_at: new Date() })
    .where("org_id", "=", orgId)
    .where("id", "=", caseId)
    .execute();
}

export { replyToCase } from "./commands/handle.js";

/** A case by its registration number (to link its documents elsewhere). */
export async function caseByNumber(
  db: Executor,
  orgId: string,
  number: string,
): Promise<{ id: string; unitId: string | null; secret: boolean } | undefined> {
  const n = number.trim().toUpperCase();
  if (!/^[A-Z]{2,6}-\d{4}-\d{1,8}$/.test(n)) return undefined;
  const c = await db
    .selectFrom("cases")
    .select(["id", "unit_id", "secret"])
    .where("org_id", "=", orgId)
    .where("number", "=", n)
    .executeTakeFirst();
  return c ? { id: c.id, unitId: c.unit_id, secret: c.secret } : undefined;
}
export { addRequesterMessage } from "./commands/handle.js";

/** An answer written in a case, for the job that sends it on another channel. */
export async function outgoingMessage(
  db: Executor,
  messageId: string,
): Promise<
  { orgId: string; caseId: string; body: string; channel: string; deliveryStatus: string | null } | undefined
> {
  if (!Uuid.safeParse(messageId).success) return undefined;
  const m = await db
    .selectFrom("case_messages")
    .select(["org_id", "case_id", "body", "channel", "delivery_status"])
    .where("id", "=", messageId)
    .where("direction", "=", "out")
    .executeTakeFirst();
  return m
    ? { orgId: m.org_id, caseId: m.case_id, body: m.body, channel: m.channel, deliveryStatus: m.delivery_status }
    : undefined;
}

/** Records whether an answer reached the person; a failure and its reason go into the case history. */
export async function markDelivery(
  db: Executor,
  messageId: string,
  status: "sent" | "failed",
  reason?: string,
): Promise<void> {
  const m = await db
    .updateTable("case_messages")
    .set({ delivery_status: status })
    .where("id", "=", messageId)
    .returning(["org_id", "case_id"])
    .executeTakeFirst();
  if (m && status === "failed")
    await recordCaseEvent(db, m.org_id, m.case_id, null, "delivery-failed", { messageId, reason: reason ?? "" });
}

/** How cases stand, for another module that lists them (the newsroom's media inquiries on a release). */
export async function caseStates(
  db: Executor,
  orgId: string,
  caseIds: readonly string[],
): Promise<
  {
    id: string;
    number: string;
    subject: string;
    status: string;
    due: Date | null;
    answeredAt: Date | null;
    secret: boolean;
  }[]
> {
  if (caseIds.length === 0) return [];
  const rows = await db
    .selectFrom("cases")
    .select(["id", "number", "subject", "status", "first_answer_due", "first_answered_at", "secret"])
    .where("org_id", "=", orgId)
    .where("id", "in", [...caseIds])
    .orderBy("received_at")
    .execute();
  return rows.map((c) => ({
    id: c.id,
    number: c.number,
    subject: c.secret ? SECRET_SUBJECT_TEXT : c.subject,
    status: c.status,
    due: c.first_answer_due ? new Date(c.first_answer_due) : null,
    answeredAt: c.first_answered_at ? new Date(c.first_answered_at) : null,
    secret: c.secret,
  }));
}

/** Media inquiries (kind "media") per month of the last year: how many, how many answered by their due time. */
export async function mediaInquiriesByMonth(
  db: Executor,
  orgId: string,
): Promise<{ month: string; total: number; onTime: number }[]> {
  const r = await sql<{ month: string; total: string; on_time: string }>`
    select to_char(received_at at time zone 'Europe/Stockholm', 'YYYY-MM') as month, count(*) as total,
      count(*) filter (where first_answered_at is not null and first_answered_at <= first_answer_due) as on_time
    from cases where org_id = ${orgId} and kind = 'media' and received_at > now() - interval '12 months'
    group by 1 order by 1`.execute(db);
  return r.rows.map((x) => ({ month: x.month, total: Number(x.total), onTime: Number(x.on_time) }));
}

/**
 * Media inquiries received since `since` that share words with `text` (a release's title and
 * lead): Swedish stems of the text's longer words, any of them, best match first. Secret cases
 * are left out; linking them is done by number.
 */
export async function mediaInquiriesMatching(
  db: Executor,
  orgId: string,
  text: string,
  since: Date,
  limit = 5,
): Promise<{ id: string; number: string; subject: string }[]> {
  const query = swedishPrefixQuery(text, { all: false, minLength: 5, maxWords: 12 });
  if (!query) return [];
  const r = await sql<{ id: string; number: string; subject: string }>`
    select c.id, c.number, c.subject from cases c
    join lateral (select body from case_messages where case_id = c.id and direction = 'in' order by created_at limit 1) m on true
    where c.org_id = ${orgId} and c.kind = 'media' and c.secret = false and c.received_at >= ${since}
      and to_tsvector('swedish', c.subject || ' ' || m.body) @@ to_tsquery('swedish', ${query})
    order by ts_rank(to_tsvector('swedish', c.subject || ' ' || m.body), to_tsquery('swedish', ${query})) desc, c.received_at desc
    limit ${limit}`.execute(db);
  return r.rows;
}

/** What the inbox's commands need, from a module's context: the database, jobs, the server secret and the reply channels others registered. */
export function inboxDepsFor(ctx: ModuleContext): ReplyDeps {
  return {
    db: ctx.database.db,
    jobs: ctx.jobs,
    secret: ctx.config.sessionSecret,
    arrival: ctx.extensions,
    replyChannel: (channel) => ctx.extensions.replyChannel(channel),
  };
}
