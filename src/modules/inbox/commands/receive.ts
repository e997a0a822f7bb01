/**
 * ReceiveQuestion: every incoming question on every channel becomes a case in one
 * transaction — case, message, attachments, registration (the case number), history and
 * audit — and its acknowledgement job is queued in the same transaction. A message whose
 * external id (e-mail Message-ID) was seen before never becomes a second case.
 */
import { randomUUID } from "node:crypto";
import type { AuditActor } from "../../../platform/audit/audit.js";
import { audit } from "../../../platform/audit/audit.js";
import type { Db } from "../../../platform/db/database.js";
import type { CaseChannel, CaseKind } from "../../../platform/db/schema.js";
import type { JobRunner } from "../../../platform/jobs/jobs.js";
import { assessConcern } from "../concern.js";
import { followTokenFor, hashFollowToken, nextCaseNumber } from "../numbers.js";
import { unitByRules } from "../routing.js";
import { firstAnswerDue } from "../sla.js";

export const INTAKE_UNIT_SLUG = "mottagningen-barn";
export const COMMUNICATION_UNIT_SLUG = "kommunikation";

export interface IncomingAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly data: Buffer;
}

export interface IncomingQuestion {
  readonly orgId: string;
  readonly channel: CaseChannel;
  readonly body: string;
  readonly subject?: string | undefined;
  readonly kind?: CaseKind | undefined;
  readonly categoryId?: string | undefined;
  readonly requester: { readonly name?: string | undefined; readonly email?: string | undefined; readonly phone?: string | undefined };
  readonly externalId?: string | undefined;
  readonly attachments?: readonly IncomingAttachment[];
  readonly receivedAt?: Date;
}

export type ReceiveResult =
  | { ok: true; caseId: string; number: string; followToken: string; due: Date; concern: boolean; unitId: string | null }
  | { ok: false; error: "duplicate"; caseId: string };

function subjectFrom(body: string): string {
  const first = body.trim().split(/\n/)[0] ?? "";
  return first.length > 80 ? `${first.slice(0, 77).trimEnd()}…` : first || "(utan text)";
}

export interface InboxDeps {
  readonly db: Db;
  readonly jobs: JobRunner;
  /** Server secret, for follow-link tokens. */
  readonly secret: string;
}

export async function receiveQuestion(deps: InboxDeps, actor: AuditActor, q: IncomingQuestion): Promise<ReceiveResult> {
  const { db } = deps;
  if (q.externalId) {
    const seen = await db.selectFrom("case_messages").select("case_id").where("org_id", "=", q.orgId).where("external_id", "=", q.externalId).executeTakeFirst();
    if (seen) return { ok: false, error: "duplicate", caseId: seen.case_id };
  }
  const received = q.receivedAt ?? new Date();
  // The number is taken in its own short transaction, like a sequence: concurrent intakes do
  // not wait for each other's whole transaction. A rolled-back intake leaves a gap, never a duplicate.
  const number = await nextCaseNumber(db, q.orgId, Number(received.toISOString().slice(0, 4)));
  try {
    return await intake(deps, actor, q, received, number);
  } catch (error) {
    // Two readers got the same message at once: the unique Message-ID lets one case through.
    if (q.externalId && (error as { code?: string }).code === "23505") {
      const seen = await db.selectFrom("case_messages").select("case_id").where("org_id", "=", q.orgId).where("external_id", "=", q.externalId).executeTakeFirst();
      if (seen) return { ok: false, error: "duplicate", caseId: seen.case_id };
    }
    throw error;
  }
}

async function intake(deps: InboxDeps, actor: AuditActor, q: IncomingQuestion, received: Date, number: string): Promise<ReceiveResult> {
  const { db, jobs } = deps;
  return db.transaction().execute(async (trx) => {
    const concern = assessConcern(`${q.subject ?? ""}\n${q.body}`);
    const kind: CaseKind = q.kind ?? "question";
    let unitId: string | null = null;
    if (concern.concern) {
      unitId = (await trx.selectFrom("units").select("id").where("org_id", "=", q.orgId).where("slug", "=", INTAKE_UNIT_SLUG).executeTakeFirst())?.id ?? null;
    } else if (kind === "media") {
      unitId = (await trx.selectFrom("units").select("id").where("org_id", "=", q.orgId).where("slug", "=", COMMUNICATION_UNIT_SLUG).executeTakeFirst())?.id ?? null;
    } else {
      unitId = await unitByRules(trx, q.orgId, { categoryId: q.categoryId ?? null, channel: q.channel, text: `${q.subject ?? ""}\n${q.body}` });
      if (!unitId && q.categoryId) {
        unitId = (await trx.selectFrom("categories").select("unit_id").where("id", "=", q.categoryId).executeTakeFirst())?.unit_id ?? null;
      }
    }
    const caseId = randomUUID();
    const followToken = followTokenFor(deps.secret, caseId);
    const due = firstAnswerDue(received, kind, concern.concern);
    const created = await trx
      .insertInto("cases")
      .values({
        id: caseId, org_id: q.orgId, number, channel: q.channel, kind, category_id: q.categoryId ?? null, unit_id: unitId,
        status: "new", priority: concern.concern ? "urgent" : "normal", concern_report: concern.concern,
        concern_reasons: [...concern.reasons], subject: q.subject?.trim() || subjectFrom(q.body),
        requester_name: q.requester.name?.trim() || null, requester_email: q.requester.email?.trim().toLowerCase() || null,
        requester_phone: q.requester.phone?.trim() || null, follow_token_hash: hashFollowToken(followToken), received_at: received, first_answer_due: due,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const message = await trx
      .insertInto("case_messages")
      .values({ org_id: q.orgId, case_id: created.id, direction: "in", channel: q.channel, body: q.body, external_id: q.externalId ?? null })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const a of q.attachments ?? []) {
      await trx.insertInto("attachments").values({
        org_id: q.orgId, case_id: created.id, message_id: message.id, filename: a.filename, content_type: a.contentType, size: a.data.length, data: a.data,
      }).execute();
    }
    await trx.insertInto("case_events").values({
      org_id: q.orgId, case_id: created.id, type: "received",
      details: JSON.stringify({ channel: q.channel, concern: concern.concern, reasons: concern.reasons, unitId }),
    }).execute();
    await audit(trx, actor, { action: "case.receive", subjectType: "case", subjectId: created.id, details: { number, channel: q.channel, concern: concern.concern } });
    if (q.requester.email) {
      await jobs.send("inbox.send-acknowledgement", { caseId: created.id }, { idempotencyKey: `ack:${created.id}`, within: trx });
    }
    return { ok: true as const, caseId: created.id, number, followToken, due, concern: concern.concern, unitId };
  });
}
