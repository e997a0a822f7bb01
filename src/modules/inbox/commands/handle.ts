/**
 * Staff work on a case: reply, route to another unit, wait for the requester, close,
 * reopen, re-classify a report of concern, open a secret case. Each is one transaction that
 * writes the case history and the audit log; outgoing mail is queued as a job.
 */
import { v7 as uuidv7 } from "uuid";
import { audit, type AuditActor } from "../../../platform/audit/audit.js";
import type { Executor, Tx } from "../../../platform/db/database.js";
import type { CaseKind, CaseStatus } from "../../../platform/db/schema.js";
import { Uuid } from "../../../platform/http/typed.js";
import { formatMessage } from "../../../platform/i18n/messages.js";
import { messages } from "../messages.js";
import { dueOnResume, firstAnswerDue } from "../sla.js";
import { assessConcernLearned } from "../intelligence.js";
import { arrivalText, assessSecrecy } from "../secrecy.js";
import type { InboxDeps, IncomingAttachment, ReplyDeps } from "./receive.js";

export type HandleResult =
  { ok: true } | { ok: false; error: "not_found" | "invalid" | "closed" | "reason" | "concern" };

async function event(
  trx: Tx,
  orgId: string,
  caseId: string,
  actorId: string | null,
  type: string,
  details: Record<string, unknown> = {},
) {
  await trx
    .insertInto("case_events")
    .values({ org_id: orgId, case_id: caseId, actor_id: actorId, type, details: JSON.stringify(details) })
    .execute();
}

export async function replyToCase(
  deps: ReplyDeps,
  actor: AuditActor & { userId: string; orgId: string },
  caseId: string,
  body: string,
  options: {
    note?: boolean;
    reporterNotice?: ReporterNotice;
    /** The answer was given on the phone, at a visit or the desk: recorded, never sent. */
    givenInPerson?: boolean;
  } = {},
): Promise<HandleResult> {
  if (!body.trim()) return { ok: false, error: "invalid" };
  return deps.db.transaction().execute(async (trx) => {
    const c = await trx
      .selectFrom("cases")
      .select(["id", "status", "first_answered_at", "channel", "requester_email", "number"])
      .where("id", "=", caseId)
      .where("org_id", "=", actor.orgId)
      .forUpdate()
      .executeTakeFirst();
    if (!c) return { ok: false as const, error: "not_found" as const };
    const now = new Date();
    const note = options.note === true;
    const messageId = uuidv7();
    // Answer where the person wrote: a module that registered this channel sends it (a social
    // network); otherwise by e-mail when we have an address.
    const given = options.givenInPerson === true;
    const channelJob = note || given ? undefined : deps.replyChannel(c.channel)?.job;
    const sendsMail = !note && !given && channelJob === undefined && c.requester_email !== null;
    await trx
      .insertInto("case_messages")
      .values({
        id: messageId,
        org_id: actor.orgId,
        case_id: caseId,
        direction: note ? "note" : "out",
        channel: note ? "internal" : c.channel,
        author_id: actor.userId,
        body: body.trim(),
        delivery_status: sendsMail || channelJob !== undefined ? "queued" : null,
      })
      .execute();
    if (!note) {
      await trx
        .updateTable("cases")
        .set({
          status: "answered",
          first_answered_at: c.first_answered_at ?? now,
          waiting_since: null,
          updated_at: now,
        })
        .where("id", "=", caseId)
        .execute();
    } else {
      await trx
        .updateTable("cases")
        .set({ updated_at: now, status: c.status === "new" ? "open" : c.status })
        .where("id", "=", caseId)
        .execute();
    }
    await event(trx, actor.orgId, caseId, actor.userId, note ? "note" : "reply", {
      messageId,
      ...(given ? { givenInPerson: true } : {}),
    });
    if (options.reporterNotice && !note) {
      await trx
        .updateTable("cases")
        .set({ reporter_notice: options.reporterNotice, reporter_notice_at: now })
        .where("id", "=", caseId)
        .execute();
      await event(trx, actor.orgId, caseId, actor.userId, "reporter-notice", { notice: options.reporterNotice });
      await audit(trx, actor, {
        action: "case.concern.reporter-notice",
        subjectType: "case",
        subjectId: caseId,
        details: { number: c.number, notice: options.reporterNotice },
      });
    }
    if (note) {
      const staff = await trx
        .selectFrom("staff_users")
        .select(["email", "name"])
        .where("org_id", "=", actor.orgId)
        .where("active", "=", true)
        .execute();
      for (const email of mentionedEmails(body, staff)) {
        await deps.jobs.send(
          "inbox.send-mention",
          { messageId, to: email },
          { idempotencyKey: `mention:${messageId}:${email}`, within: trx },
        );
      }
    }
    await audit(trx, actor, {
      action: note ? "case.note" : "case.reply",
      subjectType: "case",
      subjectId: caseId,
      details: { number: c.number, messageId },
    });
    if (sendsMail)
      await deps.jobs.send("inbox.send-reply", { messageId }, { idempotencyKey: `reply:${messageId}`, within: trx });
    if (channelJob)
      await deps.jobs.send(channelJob, { messageId }, { idempotencyKey: `channel-reply:${messageId}`, within: trx });
    return { ok: true as const };
  });
}

export async function routeCase(
  deps: InboxDeps,
  actor: AuditActor & { userId: string; orgId: string },
  caseId: string,
  unitId: string,
  reason: string,
): Promise<HandleResult> {
  if (!reason.trim()) return { ok: false, error: "invalid" };
  return deps.db.transaction().execute(async (trx) => {
    if (!Uuid.safeParse(unitId).success) return { ok: false as const, error: "not_found" as const };
    const c = await trx
      .selectFrom("cases")
      .select(["id", "unit_id", "number"])
      .where("id", "=", caseId)
      .where("org_id", "=", actor.orgId)
      .forUpdate()
      .executeTakeFirst();
    const unit = await trx
      .selectFrom("units")
      .select(["id", "name"])
      .where("id", "=", unitId)
      .where("org_id", "=", actor.orgId)
      .executeTakeFirst();
    if (!c || !unit) return { ok: false as const, error: "not_found" as const };
    await trx
      .updateTable("cases")
      .set({ unit_id: unitId, assignee_id: null, updated_at: new Date() })
      .where("id", "=", caseId)
      .execute();
    await event(trx, actor.orgId, caseId, actor.userId, "routed", {
      from: c.unit_id,
      to: unitId,
      unitName: unit.name,
      reason: reason.trim(),
    });
    await audit(trx, actor, {
      action: "case.route",
      subjectType: "case",
      subjectId: caseId,
      details: { number: c.number, from: c.unit_id, to: unitId, reason: reason.trim() },
    });
    return { ok: true as const };
  });
}

const ALLOWED: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ["open", "waiting", "closed"],
  open: ["waiting", "closed"],
  waiting: ["open", "closed"],
  answered: ["waiting", "closed", "open"],
  closed: ["open"],
};

/**
 * Status changes. Waiting for the requester pauses the answer clock; leaving it resumes. A
 * report of concern leaves the intake's board only with a written reason.
 */
export async function changeStatus(
  deps: InboxDeps,
  actor: AuditActor & { userId: string | null; orgId: string },
  caseId: string,
  to: CaseStatus,
  reason = "",
): Promise<HandleResult> {
  return deps.db.transaction().execute(async (trx) => {
    const c = await trx
      .selectFrom("cases")
      .select(["id", "status", "waiting_since", "first_answer_due", "first_answered_at", "number", "concern_report"])
      .where("id", "=", caseId)
      .where("org_id", "=", actor.orgId)
      .forUpdate()
      .executeTakeFirst();
    if (!c) return { ok: false as const, error: "not_found" as const };
    if (!ALLOWED[c.status].includes(to)) return { ok: false as const, error: "invalid" as const };
    if (c.concern_report && !reason.trim()) return { ok: false as const, error: "reason" as const };
    const now = new Date();
    const due = dueOnResume(c, now);
    await trx
      .updateTable("cases")
      .set({
        status: to,
        waiting_since: to === "waiting" ? now : null,
        first_answer_due: due,
        closed_at: to === "closed" ? now : null,
        updated_at: now,
      })
      .where("id", "=", caseId)
      .execute();
    const details = { from: c.status, to, ...(reason.trim() ? { reason: reason.trim() } : {}) };
    await event(
      trx,
      actor.orgId,
      caseId,
      actor.userId,
      to === "open" && c.status === "closed" ? "reopened" : "status",
      details,
    );
    await audit(trx, actor, {
      action: "case.status",
      subjectType: "case",
      subjectId: caseId,
      details: { number: c.number, ...details },
    });
    return { ok: true as const };
  });
}

/**
 * Staff decide a message was, or was not, a report of concern about a child. Marked as one, it
 * becomes secret, goes to the child-welfare intake and back on the board at once. The state
 * before is kept in the history, so the decision can be undone.
 */
export async function reclassifyConcern(
  deps: InboxDeps,
  actor: AuditActor & { userId: string; orgId: string },
  caseId: string,
  concern: boolean,
  reason: string,
): Promise<HandleResult> {
  if (!reason.trim()) return { ok: false, error: "reason" };
  return deps.db.transaction().execute(async (trx) => {
    const c = await trx
      .selectFrom("cases")
      .select(["id", "concern_report", "number", "unit_id", "secret", "status", "minor_importance"])
      .where("id", "=", caseId)
      .where("org_id", "=", actor.orgId)
      .forUpdate()
      .executeTakeFirst();
    if (!c) return { ok: false as const, error: "not_found" as const };
    if (c.concern_report === concern) return { ok: true as const };
    const before = {
      concern: c.concern_report,
      unitId: c.unit_id,
      secret: c.secret,
      status: c.status,
      minor: c.minor_importance,
    };
    const now = new Date();
    if (concern) {
      const intake = await trx
        .selectFrom("units")
        .select("id")
        .where("org_id", "=", actor.orgId)
        .where("receives_concern_reports", "=", true)
        .orderBy("created_at")
        .executeTakeFirst();
      await trx
        .updateTable("cases")
        .set({
          concern_report: true,
          priority: "urgent",
          secret: true,
          unit_id: intake?.id ?? c.unit_id,
          minor_importance: false,
          status: c.status === "closed" || c.status === "answered" || c.status === "waiting" ? "open" : c.status,
          closed_at: null,
          waiting_since: null,
          updated_at: now,
        })
        .where("id", "=", caseId)
        .execute();
    } else {
      await trx
        .updateTable("cases")
        .set({ concern_report: false, priority: "normal", updated_at: now })
        .where("id", "=", caseId)
        .execute();
    }
    await event(trx, actor.orgId, caseId, actor.userId, "reclassified", { concern, reason: reason.trim(), before });
    await audit(trx, actor, {
      action: "case.concern.reclassify",
      subjectType: "case",
      subjectId: caseId,
      details: { number: c.number, concern, reason: reason.trim() },
    });
    return { ok: true as const };
  });
}

/** The kinds of action that can be undone from the history, and only the latest of them. */
export const UNDOABLE = ["reclassified", "status", "reopened", "routed"] as const;

/**
 * Undoes the latest move, status change or re-classification of a case, with a reason: the
 * case goes back to the state the history recorded before it. An undo is itself in the
 * history (and can be undone by acting again).
 */
export async function undoCaseAction(
  deps: InboxDeps,
  actor: AuditActor & { userId: string; orgId: string },
  caseId: string,
  eventId: string,
  reason: string,
): Promise<HandleResult> {
  if (!reason.trim()) return { ok: false, error: "reason" };
  if (!/^\d{1,18}$/.test(eventId)) return { ok: false, error: "not_found" };
  return deps.db.transaction().execute(async (trx) => {
    const c = await trx
      .selectFrom("cases")
      .select(["id", "number", "status", "waiting_since", "first_answer_due", "first_answered_at"])
      .where("id", "=", caseId)
      .where("org_id", "=", actor.orgId)
      .forUpdate()
      .executeTakeFirst();
    if (!c) return { ok: false as const, error: "not_found" as const };
    const latest = await latestUndoable(trx, caseId);
    if (!latest || latest.id !== eventId) return { ok: false as const, error: "invalid" as const };
    const d = latest.details;
    const now = new Date();
    if (latest.type === "reclassified") {
      const before = d["before"] as
        { concern: boolean; unitId: string | null; secret: boolean; status: CaseStatus; minor: boolean } | undefined;
      if (!before) return { ok: false as const, error: "invalid" as const };
      // Secrecy is never lifted by an undo: that needs its own decision by someone who may read the case.
      await trx
        .updateTable("cases")
        .set({
          concern_report: before.concern,
          priority: before.concern ? "urgent" : "normal",
          unit_id: before.unitId,
          status: before.status,
          minor_importance: before.minor,
          closed_at: before.status === "closed" ? now : null,
          updated_at: now,
        })
        .where("id", "=", caseId)
        .execute();
    } else if (latest.type === "routed") {
      await trx
        .updateTable("cases")
        .set({ unit_id: (d["from"] as string | null) ?? null, assignee_id: null, updated_at: now })
        .where("id", "=", caseId)
        .execute();
    } else {
      const to = d["from"] as CaseStatus;
      await trx
        .updateTable("cases")
        .set({
          status: to,
          waiting_since: to === "waiting" ? now : null,
          first_answer_due: dueOnResume(c, now),
          closed_at: to === "closed" ? now : null,
          updated_at: now,
        })
        .where("id", "=", caseId)
        .execute();
    }
    await event(trx, actor.orgId, caseId, actor.userId, "undone", {
      eventId,
      type: latest.type,
      reason: reason.trim(),
    });
    await audit(trx, actor, {
      action: "case.undo",
      subjectType: "case",
      subjectId: caseId,
      details: { number: c.number, eventId, type: latest.type, reason: reason.trim() },
    });
    return { ok: true as const };
  });
}

/** The latest action that can be undone, unless it has been undone already. */
export async function latestUndoable(
  db: Executor,
  caseId: string,
): Promise<{ id: string; type: string; details: Record<string, unknown> } | undefined> {
  const rows = await db
    .selectFrom("case_events")
    .select(["id", "type", "details"])
    .where("case_id", "=", caseId)
    .where("type", "in", [...UNDOABLE, "undone"])
    .orderBy("id", "desc")
    .limit(1)
    .execute();
  const last = rows[0];
  if (!last || last.type === "undone") return undefined;
  return { id: String(last.id), type: last.type, details: last.details as Record<string, unknown> };
}

/**
 * Tells a reporter who reported in their profession what the law lets the intake tell them:
 * whether an investigation was opened, not opened or is already running — never more. Sent
 * as an answer in the case (their follow page, and e-mail when we have an address).
 */
/** What a professional reporter of concern may be told, in Swedish as the answer is sent. */
export const REPORTER_NOTICES = {
  opened: formatMessage(messages, "sv", "case.reporter.opened"),
  not_opened: formatMessage(messages, "sv", "case.reporter.not_opened"),
  already_running: formatMessage(messages, "sv", "case.reporter.already_running"),
} as const;

export type ReporterNotice = keyof typeof REPORTER_NOTICES;

export async function tellReporter(
  deps: ReplyDeps,
  actor: AuditActor & { userId: string; orgId: string },
  caseId: string,
  notice: ReporterNotice,
): Promise<HandleResult> {
  const c = await deps.db
    .selectFrom("cases")
    .select(["concern_report"])
    .where("id", "=", caseId)
    .where("org_id", "=", actor.orgId)
    .executeTakeFirst();
  if (!c) return { ok: false, error: "not_found" };
  if (!c.concern_report) return { ok: false, error: "invalid" };
  const body = formatMessage(messages, "sv", "reporter.notice", {
    notice: REPORTER_NOTICES[notice],
    secrecy: formatMessage(messages, "sv", "reporter.secrecy"),
  });
  return replyToCase(deps, actor, caseId, body, { reporterNotice: notice });
}

export interface RequesterMessageOptions {
  /** The e-mail's Message-ID: the same one is never stored twice. */
  readonly externalId?: string | undefined;
  readonly rawSource?: Buffer | undefined;
  readonly attachments?: readonly IncomingAttachment[] | undefined;
  /** An automatic reply: stored, but the case does not open again. */
  readonly automatic?: boolean | undefined;
  readonly channel?: string | undefined;
  /** When the person wrote it, if the channel says (social deliveries may arrive out of order). */
  readonly writtenAt?: Date | undefined;
  /** The e-mail's subject: judged for secrecy with the body, as on a first message. */
  readonly subject?: string | undefined;
}

/**
 * The requester adds information — through the follow link or by answering an e-mail: the
 * case opens again, and a message about their own matter makes the case secret.
 */
export async function addRequesterMessage(
  deps: InboxDeps,
  orgId: string,
  caseId: string,
  body: string,
  actor: AuditActor,
  options: RequesterMessageOptions = {},
): Promise<HandleResult | { ok: false; error: "duplicate" }> {
  if (!body.trim()) return { ok: false, error: "invalid" };
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const c = await trx
        .selectFrom("cases")
        .select([
          "id",
          "status",
          "waiting_since",
          "first_answer_due",
          "first_answered_at",
          "number",
          "channel",
          "secret",
          "concern_report",
        ])
        .where("id", "=", caseId)
        .where("org_id", "=", orgId)
        .forUpdate()
        .executeTakeFirst();
      if (!c) return { ok: false as const, error: "not_found" as const };
      const now = new Date();
      const messageId = uuidv7();
      await trx
        .insertInto("case_messages")
        .values({
          id: messageId,
          org_id: orgId,
          case_id: caseId,
          direction: "in",
          channel: options.channel ?? c.channel,
          body: body.trim(),
          external_id: options.externalId ?? null,
          raw_source: options.rawSource ?? null,
          automatic: options.automatic ?? false,
          ...(options.writtenAt ? { created_at: options.writtenAt } : {}),
        })
        .execute();
      if (options.attachments?.length) {
        await trx
          .insertInto("attachments")
          .values(
            options.attachments.map((a) => ({
              org_id: orgId,
              case_id: caseId,
              message_id: messageId,
              filename: a.filename,
              content_type: a.contentType,
              size: a.data.length,
              data: a.data,
            })),
          )
          .execute();
      }
      if (!options.automatic) {
        const due = dueOnResume(c, now);
        await trx
          .updateTable("cases")
          .set({ status: "open", waiting_since: null, first_answer_due: due, closed_at: null, updated_at: now })
          .where("id", "=", caseId)
          .execute();
      }
      await event(
        trx,
        orgId,
        caseId,
        null,
        options.automatic ? "automatic-reply" : "requester-message",
        options.channel ? { channel: options.channel } : {},
      );
      // Judged as a first message is: subject and body, and a report of concern in the new
      // message itself makes it secret too (not only a case already flagged as one).
      const text = arrivalText(options.subject, body);
      const concern = options.automatic ? { concern: false, reasons: [] as string[] } : assessConcernLearned(text);
      const secrecy = assessSecrecy(text, { concern: c.concern_report || concern.concern });
      if (secrecy.secret && !c.secret) {
        await trx.updateTable("cases").set({ secret: true }).where("id", "=", caseId).execute();
        await event(trx, orgId, caseId, null, "secrecy", {
          secret: true,
          reason: `Sekretess vid ankomst (${secrecy.reasons.join(", ")})`,
        });
      }
      // A follow-up that reads as a report of concern about a child makes the case one: to the
      // intake at once, urgent, on top of the board — as if it had come first.
      if (concern.concern && !c.concern_report) {
        const intake = await trx
          .selectFrom("units")
          .select("id")
          .where("org_id", "=", orgId)
          .where("receives_concern_reports", "=", true)
          .orderBy("created_at")
          .executeTakeFirst();
        const before = await trx
          .selectFrom("cases")
          .select(["unit_id", "status", "minor_importance"])
          .where("id", "=", caseId)
          .executeTakeFirstOrThrow();
        await trx
          .updateTable("cases")
          .set({
            concern_report: true,
            concern_reasons: [...concern.reasons],
            priority: "urgent",
            secret: true,
            minor_importance: false,
            unit_id: intake?.id ?? before.unit_id,
            status: "open",
            closed_at: null,
          })
          .where("id", "=", caseId)
          .execute();
        await event(trx, orgId, caseId, null, "reclassified", {
          concern: true,
          reason: formatMessage(messages, "sv", "event.reason.newConcern"),
          before: {
            concern: false,
            unitId: before.unit_id,
            secret: c.secret,
            status: c.status,
            minor: before.minor_importance,
          },
        });
      }
      await audit(trx, actor, {
        action: "case.requester.message",
        subjectType: "case",
        subjectId: caseId,
        details: { number: c.number, automatic: options.automatic ?? false },
      });
      return { ok: true as const };
    });
  } catch (error) {
    // The same e-mail, committed by another reader or before a crash: stored once.
    if ((error as { code?: string }).code === "23505" && options.externalId) return { ok: false, error: "duplicate" };
    throw error;
  }
}

/**
 * An e-mail of ours did not reach the requester: a bounce came back, or the SMTP server refused
 * the address. The answer is marked "bounced" and the case goes back on the board (an
 * acknowledgement that bounced only leaves a note in the history). A bounce fetched twice is
 * recorded once (by its Message-ID).
 */
export async function recordUndelivered(
  deps: Pick<InboxDeps, "db">,
  actor: AuditActor & { orgId: string },
  target: { caseId?: string | undefined; messageId?: string | undefined },
  details: {
    bounceId?: string | undefined;
    status?: string | undefined;
    diagnostic?: string | undefined;
    recipient?: string | undefined;
  },
): Promise<string | undefined> {
  return deps.db.transaction().execute(async (trx) => {
    let caseId = target.caseId;
    if (target.messageId) {
      const m = await trx
        .updateTable("case_messages")
        .set({ delivery_status: "bounced" })
        .where("id", "=", target.messageId)
        .where("org_id", "=", actor.orgId)
        .returning("case_id")
        .executeTakeFirst();
      caseId = m?.case_id;
    }
    if (!caseId) return undefined;
    const c = await trx
      .selectFrom("cases")
      .select(["id", "number", "status"])
      .where("id", "=", caseId)
      .where("org_id", "=", actor.orgId)
      .forUpdate()
      .executeTakeFirst();
    if (!c) return undefined;
    if (details.bounceId) {
      const already = await trx
        .selectFrom("case_events")
        .select("id")
        .where("case_id", "=", c.id)
        .where("type", "=", "bounced")
        .where((eb) => eb(eb.ref("details", "->>").key("bounceId" as never), "=", details.bounceId as string))
        .executeTakeFirst();
      if (already) return c.id;
    }
    await event(trx, actor.orgId, c.id, null, "bounced", {
      bounceId: details.bounceId ?? null,
      messageId: target.messageId ?? null,
      ack: !target.messageId,
      status: details.status ?? null,
      diagnostic: details.diagnostic ?? null,
      recipient: details.recipient ?? null,
    });
    if (target.messageId && (c.status === "answered" || c.status === "closed" || c.status === "waiting")) {
      await trx
        .updateTable("cases")
        .set({ status: "open", closed_at: null, updated_at: new Date() })
        .where("id", "=", c.id)
        .execute();
    }
    await audit(trx, actor, {
      action: "case.mail.bounce",
      subjectType: "case",
      subjectId: c.id,
      details: { number: c.number, status: details.status ?? null },
    });
    return c.id;
  });
}

/** Marks a case as secret (OSL 26 kap) or lifts the marking, with a reason. */
export async function markSecret(
  deps: InboxDeps,
  actor: AuditActor & { userId: string; orgId: string },
  caseId: string,
  secret: boolean,
  reason: string,
): Promise<HandleResult> {
  if (!reason.trim()) return { ok: false, error: "invalid" };
  return deps.db.transaction().execute(async (trx) => {
    const c = await trx
      .selectFrom("cases")
      .select(["id", "number", "concern_report"])
      .where("id", "=", caseId)
      .where("org_id", "=", actor.orgId)
      .executeTakeFirst();
    if (!c) return { ok: false as const, error: "not_found" as const };
    // A report of concern about a child is always secret.
    if (!secret && c.concern_report) return { ok: false as const, error: "concern" as const };
    await trx.updateTable("cases").set({ secret, updated_at: new Date() }).where("id", "=", caseId).execute();
    await event(trx, actor.orgId, caseId, actor.userId, "secrecy", { secret, reason: reason.trim() });
    await audit(trx, actor, {
      action: secret ? "case.secret.mark" : "case.secret.unmark",
      subjectType: "case",
      subjectId: caseId,
      details: { number: c.number, reason: reason.trim() },
    });
    return { ok: true as const };
  });
}

/** The requester answers the one follow-up question: did you get help? Only once. */
export async function recordHelped(
  deps: InboxDeps,
  orgId: string,
  caseId: string,
  helped: boolean,
  actor: AuditActor,
): Promise<HandleResult> {
  return deps.db.transaction().execute(async (trx) => {
    const c = await trx
      .selectFrom("cases")
      .select(["id", "status", "helped", "number", "concern_report"])
      .where("id", "=", caseId)
      .where("org_id", "=", orgId)
      .forUpdate()
      .executeTakeFirst();
    if (!c) return { ok: false as const, error: "not_found" as const };
    // A reporter of concern is not told the outcome, so is not asked about it either.
    if (c.concern_report) return { ok: false as const, error: "concern" as const };
    if (c.status !== "closed" && c.status !== "answered") return { ok: false as const, error: "invalid" as const };
    if (c.helped !== null) return { ok: true as const };
    await trx.updateTable("cases").set({ helped, helped_at: new Date() }).where("id", "=", caseId).execute();
    await event(trx, orgId, caseId, null, "helped", { helped });
    await audit(trx, actor, {
      action: "case.followup",
      subjectType: "case",
      subjectId: caseId,
      details: { number: c.number, helped },
    });
    return { ok: true as const };
  });
}

/**
 * Advertising and spam are registered as of minor importance: off the board and the diarium.
 * A report of concern about a child never is.
 */
export async function markMinorImportance(
  deps: InboxDeps,
  actor: AuditActor & { userId: string; orgId: string },
  caseId: string,
  minor: boolean,
): Promise<HandleResult> {
  return deps.db.transaction().execute(async (trx) => {
    const c = await trx
      .selectFrom("cases")
      .select(["id", "number", "concern_report"])
      .where("id", "=", caseId)
      .where("org_id", "=", actor.orgId)
      .forUpdate()
      .executeTakeFirst();
    if (!c) return { ok: false as const, error: "not_found" as const };
    if (minor && c.concern_report) return { ok: false as const, error: "concern" as const };
    await trx
      .updateTable("cases")
      .set({
        minor_importance: minor,
        status: minor ? "closed" : "open",
        closed_at: minor ? new Date() : null,
        updated_at: new Date(),
      })
      .where("id", "=", caseId)
      .execute();
    await event(trx, actor.orgId, caseId, actor.userId, "minor-importance", { minor });
    await audit(trx, actor, {
      action: "case.minor",
      subjectType: "case",
      subjectId: caseId,
      details: { number: c.number, minor },
    });
    return { ok: true as const };
  });
}

/**
 * Staff change a case's kind with one click (the arrival's guess was wrong): audited, the
 * answer clock follows the new kind's target while no answer is given, a case that was
 * "minor" becomes ordinary, and a request for documents enters the register at once.
 */
export async function changeKind(
  deps: InboxDeps,
  actor: AuditActor & { userId: string; orgId: string },
  caseId: string,
  kind: CaseKind,
): Promise<HandleResult> {
  return deps.db.transaction().execute(async (trx) => {
    const c = await trx
      .selectFrom("cases")
      .select([
        "id",
        "number",
        "kind",
        "status",
        "minor_importance",
        "concern_report",
        "received_at",
        "first_answered_at",
        "unit_id",
        "subject",
      ])
      .where("id", "=", caseId)
      .where("org_id", "=", actor.orgId)
      .forUpdate()
      .executeTakeFirst();
    if (!c) return { ok: false as const, error: "not_found" as const };
    // A closed case keeps the kind it was closed with (reopen it first).
    if (c.status === "closed") return { ok: false as const, error: "closed" as const };
    if (c.kind === kind && !c.minor_importance) return { ok: true as const };
    const received = new Date(c.received_at);
    // The clock follows the new kind while no answer is given and the requester is not awaited
    // (a paused clock keeps its due time; it resumes from there).
    const recompute = !c.first_answered_at && (c.status === "new" || c.status === "open");
    await trx
      .updateTable("cases")
      .set({
        kind,
        kind_confidence: null,
        kind_reasons: [],
        minor_importance: false,
        ...(recompute ? { first_answer_due: firstAnswerDue(received, kind, c.concern_report) } : {}),
        updated_at: new Date(),
      })
      .where("id", "=", caseId)
      .execute();
    await event(trx, actor.orgId, caseId, actor.userId, "kind-changed", {
      from: c.kind,
      to: kind,
      wasMinor: c.minor_importance,
    });
    await audit(trx, actor, {
      action: "case.kind",
      subjectType: "case",
      subjectId: caseId,
      details: { number: c.number, from: c.kind, to: kind, wasMinor: c.minor_importance },
    });
    if (c.kind !== kind) await deps.arrival?.arrivalRegister(c.kind)?.withdraw(trx, actor, caseId);
    const register = deps.arrival?.arrivalRegister(kind);
    if (register && !c.concern_report) {
      const first = await trx
        .selectFrom("case_messages")
        .select("body")
        .where("case_id", "=", caseId)
        .where("direction", "=", "in")
        .orderBy("created_at")
        .limit(1)
        .executeTakeFirst();
      await register.register(trx, actor, [
        {
          orgId: actor.orgId,
          caseId,
          number: c.number,
          receivedAt: received,
          text: arrivalText(c.subject, first?.body ?? ""),
          unitId: c.unit_id,
        },
      ]);
    }
    return { ok: true as const };
  });
}

/** Staff named in an internal note ("@kommunikator@example.se" or "@Sara Holmgren") are told by e-mail. */
export function mentionedEmails(body: string, staff: readonly { email: string; name: string }[]): string[] {
  const lower = body.toLowerCase();
  return staff
    .filter((s) => lower.includes(`@${s.email.toLowerCase()}`) || lower.includes(`@${s.name.toLowerCase()}`))
    .map((s) => s.email);
}
