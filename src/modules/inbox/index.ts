/** The inbox's door for other modules. */
import { sql } from "kysely";
import type { Executor } from "../../platform/db/database.js";
import { swedishPrefixQuery } from "../../platform/text.js";
import { hasRole } from "../../platform/auth/policies.js";
import type { SessionUser } from "../../platform/auth/session-user.js";

export { assessConcern, type ConcernAssessment } from "./concern.js";
export { historyExamples, stemsOf, UnitClassifier, type TrainingExample } from "./classifier.js";
export { COMMUNICATION_UNIT_SLUG, receiveQuestion, type IncomingQuestion, type ReceiveResult } from "./commands/receive.js";
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

/** A case as another module needs it (the request for public documents built on it). */
export interface CaseSummary {
  readonly id: string;
  readonly number: string;
  readonly subject: string;
  readonly channel: string;
  readonly receivedAt: Date;
  readonly unitId: string | null;
  readonly secret: boolean;
  readonly requesterName: string | null;
  readonly requesterEmail: string | null;
  readonly firstMessage: string;
}

export async function caseSummary(db: Executor, orgId: string, caseId: string): Promise<CaseSummary | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(caseId)) return undefined;
  const c = await db.selectFrom("cases").select(["id", "number", "subject", "channel", "received_at", "unit_id", "secret", "requester_name", "requester_email"])
    .where("org_id", "=", orgId).where("id", "=", caseId).executeTakeFirst();
  if (!c) return undefined;
  const first = await db.selectFrom("case_messages").select("body").where("case_id", "=", caseId).where("direction", "=", "in").orderBy("created_at").limit(1).executeTakeFirst();
  return {
    id: c.id, number: c.number, subject: c.subject, channel: c.channel, receivedAt: new Date(c.received_at), unitId: c.unit_id, secret: c.secret,
    requesterName: c.requester_name, requesterEmail: c.requester_email, firstMessage: first?.body ?? "",
  };
}

/** What in a case can be asked for as a document: its messages and attachments. */
export interface CaseSource {
  readonly kind: "message" | "attachment";
  readonly id: string;
  readonly title: string;
  readonly createdAt: Date;
}

export async function caseSources(db: Executor, caseId: string): Promise<CaseSource[]> {
  const [messages, files] = await Promise.all([
    db.selectFrom("case_messages").select(["id", "direction", "created_at", "channel"]).where("case_id", "=", caseId).where("direction", "in", ["in", "out"]).orderBy("created_at").execute(),
    db.selectFrom("attachments").select(["id", "filename", "created_at"]).where("case_id", "=", caseId).orderBy("created_at").execute(),
  ]);
  const when = (d: Date) => new Date(d).toISOString().slice(0, 10);
  return [
    ...messages.map((m) => ({ kind: "message" as const, id: m.id, title: `${m.direction === "in" ? "Inkommande" : "Utgående"} meddelande ${when(m.created_at)}`, createdAt: new Date(m.created_at) })),
    ...files.map((f) => ({ kind: "attachment" as const, id: f.id, title: `Bilaga: ${f.filename}`, createdAt: new Date(f.created_at) })),
  ];
}

/** The content of a message (as the e-mail it was, or as text) or an attachment. */
export async function caseSourceContent(db: Executor, caseId: string, kind: "message" | "attachment", id: string): Promise<{ filename: string; contentType: string; data: Buffer } | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
  if (kind === "attachment") {
    const a = await db.selectFrom("attachments").select(["filename", "content_type", "data"]).where("case_id", "=", caseId).where("id", "=", id).executeTakeFirst();
    return a ? { filename: a.filename, contentType: a.content_type, data: a.data } : undefined;
  }
  const m = await db.selectFrom("case_messages").select(["body", "raw_source", "created_at"]).where("case_id", "=", caseId).where("id", "=", id).executeTakeFirst();
  if (!m) return undefined;
  const day = new Date(m.created_at).toISOString().slice(0, 10);
  return m.raw_source
    ? { filename: `meddelande-${day}.eml`, contentType: "message/rfc822", data: m.raw_source }
    : { filename: `meddelande-${day}.txt`, contentType: "text/plain", data: Buffer.from(m.body, "utf8") };
}

/** Writes a line in a case's history (another module acted on the case). */
export async function recordCaseEvent(trx: Executor, orgId: string, caseId: string, actorId: string | null, type: string, details: Record<string, unknown> = {}): Promise<void> {
  await trx.insertInto("case_events").values({ org_id: orgId, case_id: caseId, actor_id: actorId, type, details: JSON.stringify(details) }).execute();
}
export { formStamp, stampAgeSeconds } from "./public/form-stamp.js";

/** Marks a case as a request for public documents (the register shows it as such). */
export async function markAsDocumentRequest(trx: Executor, orgId: string, caseId: string): Promise<void> {
  await trx.updateTable("cases").set({ kind: "document_request", updated_at: new Date() }).where("org_id", "=", orgId).where("id", "=", caseId).execute();
}

export { replyToCase } from "./commands/handle.js";

/** A case by its registration number (to link its documents elsewhere). */
export async function caseByNumber(db: Executor, orgId: string, number: string): Promise<{ id: string; unitId: string | null; secret: boolean } | undefined> {
  const n = number.trim().toUpperCase();
  if (!/^[A-Z]{2,6}-\d{4}-\d{1,8}$/.test(n)) return undefined;
  const c = await db.selectFrom("cases").select(["id", "unit_id", "secret"]).where("org_id", "=", orgId).where("number", "=", n).executeTakeFirst();
  return c ? { id: c.id, unitId: c.unit_id, secret: c.secret } : undefined;
}
export { addRequesterMessage } from "./commands/handle.js";

/** An answer written in a case, for the job that sends it on another channel. */
export async function outgoingMessage(db: Executor, messageId: string): Promise<{ orgId: string; caseId: string; body: string; channel: string; deliveryStatus: string | null } | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(messageId)) return undefined;
  const m = await db.selectFrom("case_messages").select(["org_id", "case_id", "body", "channel", "delivery_status"]).where("id", "=", messageId).where("direction", "=", "out").executeTakeFirst();
  return m ? { orgId: m.org_id, caseId: m.case_id, body: m.body, channel: m.channel, deliveryStatus: m.delivery_status } : undefined;
}

/** Records whether an answer reached the person; a failure and its reason go into the case history. */
export async function markDelivery(db: Executor, messageId: string, status: "sent" | "failed", reason?: string): Promise<void> {
  const m = await db.updateTable("case_messages").set({ delivery_status: status }).where("id", "=", messageId).returning(["org_id", "case_id"]).executeTakeFirst();
  if (m && status === "failed") await recordCaseEvent(db, m.org_id, m.case_id, null, "delivery-failed", { messageId, reason: reason ?? "" });
}

/** How cases stand, for another module that lists them (the newsroom's media inquiries on a release). */
export async function caseStates(db: Executor, orgId: string, caseIds: readonly string[]): Promise<{ id: string; number: string; subject: string; status: string; due: Date | null; answeredAt: Date | null; secret: boolean }[]> {
  if (caseIds.length === 0) return [];
  const rows = await db.selectFrom("cases").select(["id", "number", "subject", "status", "first_answer_due", "first_answered_at", "secret"]).where("org_id", "=", orgId).where("id", "in", [...caseIds]).orderBy("received_at").execute();
  return rows.map((c) => ({ id: c.id, number: c.number, subject: c.subject, status: c.status, due: c.first_answer_due ? new Date(c.first_answer_due) : null, answeredAt: c.first_answered_at ? new Date(c.first_answered_at) : null, secret: c.secret }));
}

/** Media inquiries (kind "media") per month of the last year: how many, how many answered by their due time. */
export async function mediaInquiriesByMonth(db: Executor, orgId: string): Promise<{ month: string; total: number; onTime: number }[]> {
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
export async function mediaInquiriesMatching(db: Executor, orgId: string, text: string, since: Date, limit = 5): Promise<{ id: string; number: string; subject: string }[]> {
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
