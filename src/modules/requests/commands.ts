/**
 * Writes for requests for public documents. Each command is one transaction with its audit
 * entry; the request's case gets a line in its history for what the register must show
 * (request registered, decision made, documents sent).
 */
import { createHash, randomBytes } from "node:crypto";
import type { Config } from "../../config.js";
import { audit, type AuditActor } from "../../platform/audit/audit.js";
import type { CaseArrival } from "../../app/module.js";
import type { Db, Executor } from "../../platform/db/database.js";
import { documentType, maskDocument, pdfPageCount, type MaskError } from "../../platform/documents/masking.js";
import type { JobRunner } from "../../platform/jobs/jobs.js";
import {
  caseFor,
  caseMeta,
  caseRequester,
  caseSourceContent,
  markAsDocumentRequest,
  recordCaseEvent,
  type Viewer,
} from "../inbox/index.js";
import { Uuid } from "../../platform/http/typed.js";
import { sayer, type Lang } from "../../platform/i18n/messages.js";
import { invalid, ok, type Result } from "../../platform/result.js";
import { decisionText, groundByCode, type Outcome } from "./decision.js";
import { messages } from "./messages.js";

export type { FieldProblem as Problem } from "../../platform/result.js";

export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;

export async function createRequest(
  db: Db,
  actor: AuditActor,
  orgId: string,
  caseId: string,
  requested: string,
  lang: Lang,
): Promise<Result<{ id: string }>> {
  const say = sayer(messages, lang);
  const text = requested.trim();
  if (!text) return invalid("requested", say("error.requested.missing"));
  if (text.length > 4000) return invalid("requested", say("error.requested.tooLong"));
  const [c] = await caseMeta(db, orgId, [caseId]);
  if (!c) return invalid("requested", say("error.case.missing"));
  const existing = await db
    .selectFrom("document_requests")
    .select("id")
    .where("case_id", "=", caseId)
    .executeTakeFirst();
  if (existing) return ok({ id: existing.id });
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("document_requests")
      .values({
        org_id: orgId,
        case_id: caseId,
        received_at: c.receivedAt,
        requested: text,
        unit_id: c.unitId,
        created_by: actor.userId,
      })
      .onConflict((oc) => oc.column("case_id").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!row) {
      const again = await trx
        .selectFrom("document_requests")
        .select("id")
        .where("case_id", "=", caseId)
        .executeTakeFirstOrThrow();
      return ok({ id: again.id });
    }
    await markAsDocumentRequest(trx, orgId, caseId);
    await recordCaseEvent(trx, orgId, caseId, actor.userId, "request.registered", { requested: text });
    await audit(trx, actor, {
      action: "request.create",
      subjectType: "document_request",
      subjectId: row.id,
      details: { caseNumber: c.number },
    });
    return ok({ id: row.id });
  });
}

/**
 * The register's side of a request that arrived as one (any channel, any sender): entered in
 * the same transaction as its case, so its same-working-day clock starts at arrival.
 */
export async function registerArrivals(
  trx: Executor,
  actor: AuditActor,
  arrivals: readonly CaseArrival[],
): Promise<void> {
  for (const a of arrivals) {
    const requested = a.text.trim().slice(0, 4000);
    const row = await trx
      .insertInto("document_requests")
      .values({
        org_id: a.orgId,
        case_id: a.caseId,
        received_at: a.receivedAt,
        requested,
        unit_id: a.unitId,
        created_by: actor.userId,
      })
      .onConflict((oc) => oc.column("case_id").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!row) continue;
    // The history says that it was registered; what was asked for stays in the register and the case.
    await recordCaseEvent(trx, a.orgId, a.caseId, actor.userId, "request.registered", { onArrival: true });
    await audit(trx, actor, {
      action: "request.create",
      subjectType: "document_request",
      subjectId: row.id,
      details: { caseNumber: a.number, onArrival: true },
    });
  }
}

/** Staff found the case was not a request after all: an open entry without a decision is withdrawn. */
export async function withdrawArrival(trx: Executor, actor: AuditActor, caseId: string): Promise<void> {
  const row = await trx
    .updateTable("document_requests")
    .set({ status: "withdrawn" })
    .where("case_id", "=", caseId)
    .where("status", "=", "open")
    .where("decided_at", "is", null)
    .returning(["id", "org_id"])
    .executeTakeFirst();
  if (!row) return;
  await recordCaseEvent(trx, row.org_id, caseId, actor.userId, "request.withdrawn", {});
  await audit(trx, actor, {
    action: "request.withdraw",
    subjectType: "document_request",
    subjectId: row.id,
    details: { reason: "kind" },
  });
}

async function openRequest(db: Db, orgId: string, requestId: string) {
  if (!Uuid.safeParse(requestId).success) return undefined;
  return db
    .selectFrom("document_requests")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", requestId)
    .executeTakeFirst();
}

async function insertDocument(
  db: Db,
  actor: AuditActor,
  orgId: string,
  requestId: string,
  doc: {
    title: string;
    filename: string;
    contentType: string;
    data: Buffer;
    source: "upload" | "message" | "attachment";
    sourceId: string | null;
    sourceCaseId: string | null;
  },
): Promise<Result<{ id: string }>> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("request_documents")
      .values({
        org_id: orgId,
        request_id: requestId,
        title: doc.title,
        filename: doc.filename,
        content_type: doc.contentType,
        data: doc.data,
        size: doc.data.length,
        source: doc.source,
        source_id: doc.sourceId,
        source_case_id: doc.sourceCaseId,
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    // Who added it from a case has read it; an uploader has it in hand.
    if (actor.userId)
      await trx
        .insertInto("request_document_reads")
        .values({ document_id: row.id, user_id: actor.userId })
        .onConflict((oc) => oc.doNothing())
        .execute();
    await audit(trx, actor, {
      action: "request.document.add",
      subjectType: "request_document",
      subjectId: row.id,
      details: { requestId, title: doc.title, source: doc.source, contentType: doc.contentType, size: doc.data.length },
    });
    return ok({ id: row.id });
  });
}

export async function addUploadedDocument(
  db: Db,
  actor: AuditActor,
  orgId: string,
  requestId: string,
  upload: { title: string; filename: string; data: Buffer },
  lang: Lang,
): Promise<Result<{ id: string }>> {
  const say = sayer(messages, lang);
  const r = await openRequest(db, orgId, requestId);
  if (!r) return invalid("file", say("error.request.missing"));
  if (r.status !== "open") return invalid("file", say("error.request.decidedNoMore"));
  if (upload.data.length === 0) return invalid("file", say("error.file.missing"));
  if (upload.data.length > MAX_DOCUMENT_BYTES)
    return invalid("file", say("error.file.tooLarge", { mb: MAX_DOCUMENT_BYTES / 1048576 }));
  const type = documentType(upload.data, upload.filename);
  if (!type) return invalid("file", say("error.file.type"));
  if (type === "application/pdf" && (await pdfPageCount(upload.data)) === null) {
    return invalid("file", say("error.file.pdf"));
  }
  const title = upload.title.trim() || upload.filename;
  return insertDocument(db, actor, orgId, requestId, {
    title: title.slice(0, 200),
    filename: upload.filename.slice(0, 200),
    contentType: type,
    data: upload.data,
    source: "upload",
    sourceId: null,
    sourceCaseId: null,
  });
}

/**
 * A message or attachment of a registered case (the request's own case unless another is
 * named) as a document to review — read through the inbox's door, so only by someone who may
 * read that case (and has it open, when it is secret), and audited.
 */
export async function addCaseDocument(
  viewer: Viewer & { actor: { userId: string } },
  db: Db,
  orgId: string,
  requestId: string,
  kind: "message" | "attachment",
  sourceId: string,
  title: string,
  sourceCaseId: string | undefined,
  lang: Lang,
): Promise<Result<{ id: string }>> {
  const say = sayer(messages, lang);
  const r = await openRequest(db, orgId, requestId);
  if (!r) return invalid("source", say("error.request.missing"));
  if (r.status !== "open") return invalid("source", say("error.request.decided"));
  const caseId = sourceCaseId ?? r.case_id;
  const read = await caseSourceContent(db, viewer, caseId, kind, sourceId);
  if (!read.ok)
    return invalid("source", read.error === "needs_open" ? say("error.source.needsOpen") : say("error.source.choose"));
  const content = read.value;
  const type = kind === "message" ? content.contentType : documentType(content.data, content.filename);
  if (!type) return invalid("source", say("error.source.type"));
  return insertDocument(db, viewer.actor, orgId, requestId, {
    title: title.slice(0, 200),
    filename: content.filename,
    contentType: type,
    data: content.data,
    source: kind,
    sourceId,
    sourceCaseId: caseId,
  });
}

/** Records that a person has read a document (the original, before its review). */
export async function recordDocumentRead(db: Db, documentId: string, userId: string): Promise<void> {
  await db
    .insertInto("request_document_reads")
    .values({ document_id: documentId, user_id: userId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

async function documentOf(db: Db, orgId: string, requestId: string, documentId: string) {
  if (!Uuid.safeParse(documentId).success) return undefined;
  return db
    .selectFrom("request_documents as d")
    .innerJoin("document_requests as r", "r.id", "d.request_id")
    .select(["d.id", "d.content_type", "d.data", "d.title", "d.source_case_id", "r.status", "r.id as request_id"])
    .where("d.org_id", "=", orgId)
    .where("d.request_id", "=", requestId)
    .where("d.id", "=", documentId)
    .executeTakeFirst();
}

export async function addMask(
  db: Db,
  actor: AuditActor,
  orgId: string,
  requestId: string,
  documentId: string,
  passage: string,
  ground: string,
  lang: Lang,
): Promise<Result> {
  const say = sayer(messages, lang);
  const d = await documentOf(db, orgId, requestId, documentId);
  if (!d) return invalid("passage", say("error.document.missing"));
  if (d.status !== "open") return invalid("passage", say("error.request.decided"));
  const text = passage.trim();
  if (text.length < 2 || text.length > 500) return invalid("passage", say("error.passage"));
  if (!groundByCode(ground)) return invalid("ground", say("error.ground"));
  await db.transaction().execute(async (trx) => {
    // The passage itself is secret: the audit log names the document and the ground, not the text.
    const row = await trx
      .insertInto("request_masks")
      .values({ org_id: orgId, document_id: documentId, passage: text, ground, created_by: actor.userId })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .updateTable("request_documents")
      .set({
        review_outcome: null,
        released_data: null,
        released_type: null,
        released_pages: null,
        reviewed_at: null,
        reviewed_by: null,
      })
      .where("id", "=", documentId)
      .execute();
    await audit(trx, actor, {
      action: "request.mask.add",
      subjectType: "request_document",
      subjectId: documentId,
      details: { maskId: row.id, ground, length: text.length },
    });
  });
  return ok();
}

export async function removeMask(
  db: Db,
  actor: AuditActor,
  orgId: string,
  requestId: string,
  documentId: string,
  maskId: string,
): Promise<void> {
  const d = await documentOf(db, orgId, requestId, documentId);
  if (!d || d.status !== "open" || !Uuid.safeParse(maskId).success) return;
  await db.transaction().execute(async (trx) => {
    const gone = await trx
      .deleteFrom("request_masks")
      .where("id", "=", maskId)
      .where("document_id", "=", documentId)
      .executeTakeFirst();
    if (Number(gone.numDeletedRows) === 0) return;
    await trx
      .updateTable("request_documents")
      .set({
        review_outcome: null,
        released_data: null,
        released_type: null,
        released_pages: null,
        reviewed_at: null,
        reviewed_by: null,
      })
      .where("id", "=", documentId)
      .execute();
    await audit(trx, actor, {
      action: "request.mask.remove",
      subjectType: "request_document",
      subjectId: documentId,
      details: { maskId },
    });
  });
}

/** What a failed masking means for the person reviewing, in plain words. */
export function maskingProblem(e: MaskError, lang: Lang): string {
  const say = sayer(messages, lang);
  switch (e.error) {
    case "not_found":
      return say("error.mask.notFound", {
        passages: e.passages.map((passage) => say("error.mask.passage", { passage })).join(", "),
      });
    case "no_text":
      return say("error.mask.noText");
    case "unparseable":
      return say("error.mask.unparseable");
    case "unsupported":
      return say("error.mask.unsupported");
  }
}

async function pagesOf(data: Buffer, contentType: string): Promise<number> {
  if (contentType === "application/pdf") return (await pdfPageCount(data)) ?? 1;
  // A text or e-mail printed: about 3,000 characters a page.
  return Math.max(1, Math.ceil(data.length / 3000));
}

/**
 * The secrecy review of one document: released in full, in part (with its masks — the masked
 * copy is made now and kept), or refused. Partial release and refusal need a legal ground.
 * The reviewer must be allowed to read the case the document comes from, and must have read
 * the document: a released copy never holds content the reviewer did not see.
 */
export async function reviewDocument(
  viewer: Viewer,
  db: Db,
  orgId: string,
  requestId: string,
  documentId: string,
  outcome: string,
  grounds: readonly string[],
  reason: string,
  lang: Lang,
): Promise<Result> {
  const say = sayer(messages, lang);
  const actor = viewer.actor;
  const d = await documentOf(db, orgId, requestId, documentId);
  if (!d) return invalid("outcome", say("error.document.missing"));
  if (d.status !== "open") return invalid("outcome", say("error.request.decided"));
  if (d.source_case_id) {
    const source = await caseFor(db, viewer.user, d.source_case_id);
    if (!source?.access.read) return invalid("outcome", say("error.review.sourceCase"));
  }
  const read = await db
    .selectFrom("request_document_reads")
    .select("user_id")
    .where("document_id", "=", documentId)
    .where("user_id", "=", viewer.user.id)
    .executeTakeFirst();
  if (!read) return invalid("outcome", say("error.review.readFirst"));
  if (outcome !== "release" && outcome !== "partial" && outcome !== "refuse")
    return invalid("outcome", say("error.review.outcome"));
  const masks = await db
    .selectFrom("request_masks")
    .select(["passage", "ground"])
    .where("document_id", "=", documentId)
    .orderBy("created_at")
    .execute();
  const usedGrounds =
    outcome === "partial"
      ? [...new Set(masks.map((m) => m.ground))]
      : outcome === "refuse"
        ? grounds.filter((g) => groundByCode(g))
        : [];
  if (outcome === "partial" && masks.length === 0) return invalid("outcome", say("error.review.masksFirst"));
  if (outcome === "refuse" && usedGrounds.length === 0) return invalid("grounds", say("error.review.grounds"));
  if (outcome !== "release" && !reason.trim()) return invalid("reason", say("error.review.reason"));
  let released: { data: Buffer; type: string; pages: number } | null = null;
  if (outcome === "release")
    released = { data: d.data, type: d.content_type, pages: await pagesOf(d.data, d.content_type) };
  if (outcome === "partial") {
    const result = await maskDocument(
      d.data,
      d.content_type,
      masks.map((m) => ({ text: m.passage, ground: m.ground })),
    );
    if (!result.ok) return invalid("outcome", maskingProblem(result, lang));
    released = {
      data: result.data,
      type: result.contentType,
      pages: result.pages ?? (await pagesOf(result.data, result.contentType)),
    };
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("request_documents")
      .set({
        review_outcome: outcome,
        review_grounds: usedGrounds,
        review_reason: reason.trim() || null,
        reviewed_by: actor.userId,
        reviewed_at: new Date(),
        released_data: released?.data ?? null,
        released_type: released?.type ?? null,
        released_pages: released?.pages ?? null,
      })
      .where("id", "=", documentId)
      .execute();
    await audit(trx, actor, {
      action: "request.document.review",
      subjectType: "request_document",
      subjectId: documentId,
      details: { requestId, outcome, grounds: usedGrounds, masks: masks.length },
    });
  });
  return ok();
}

export async function setPartsNote(
  db: Db,
  actor: AuditActor,
  orgId: string,
  requestId: string,
  note: string,
  lang: Lang,
): Promise<Result> {
  const say = sayer(messages, lang);
  const r = await openRequest(db, orgId, requestId);
  if (!r) return invalid("parts", say("error.request.missing"));
  if (note.length > 1000) return invalid("parts", say("error.parts.tooLong"));
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("document_requests").set({ parts_note: note.trim() }).where("id", "=", requestId).execute();
    await recordCaseEvent(trx, orgId, r.case_id, actor.userId, "request.parts", { note: note.trim() });
    await audit(trx, actor, {
      action: "request.parts",
      subjectType: "document_request",
      subjectId: requestId,
      details: { note: note.trim() },
    });
  });
  return ok();
}

/** The decision: every document reviewed; the outcome follows from the reviews; a written decision unless all is released. */
export async function decideRequest(
  db: Db,
  actor: AuditActor,
  orgId: string,
  requestId: string,
  p: { reason: string; decidedByName: string; organisation: string },
  lang: Lang,
): Promise<Result<{ outcome: Outcome }>> {
  const say = sayer(messages, lang);
  const r = await openRequest(db, orgId, requestId);
  if (!r) return invalid("reason", say("error.request.missing"));
  if (r.status !== "open") return invalid("reason", say("error.request.decided"));
  const docs = await db
    .selectFrom("request_documents")
    .select(["title", "review_outcome", "review_grounds"])
    .where("request_id", "=", requestId)
    .orderBy("created_at")
    .execute();
  if (docs.length === 0) return invalid("reason", say("error.decide.noDocuments"));
  const unreviewed = docs.filter((d) => d.review_outcome === null);
  if (unreviewed.length > 0)
    return invalid("reason", say("error.decide.unreviewed", { titles: unreviewed.map((d) => d.title).join(", ") }));
  const outcome: Outcome = docs.every((d) => d.review_outcome === "release")
    ? "full"
    : docs.every((d) => d.review_outcome === "refuse")
      ? "refused"
      : "partial";
  if (outcome !== "full" && !p.reason.trim()) return invalid("reason", say("error.decide.reason"));
  const c = await caseRequester(db, orgId, r.case_id);
  const decidedAt = new Date();
  const text =
    outcome === "full"
      ? null
      : decisionText({
          organisation: p.organisation,
          caseNumber: c?.number ?? "",
          decidedAt,
          decidedBy: p.decidedByName,
          requester: c?.name || null,
          requested: r.requested,
          outcome,
          reason: p.reason,
          documents: docs.map((d) => ({
            title: d.title,
            outcome: d.review_outcome as "release" | "partial" | "refuse",
            grounds: d.review_grounds,
          })),
        });
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("document_requests")
      .set({
        status: "decided",
        outcome,
        decision_reason: p.reason.trim() || null,
        decision_text: text,
        decided_by: actor.userId,
        decided_at: decidedAt,
      })
      .where("id", "=", requestId)
      .execute();
    await recordCaseEvent(trx, orgId, r.case_id, actor.userId, "request.decided", { outcome, documents: docs.length });
    await audit(trx, actor, {
      action: "request.decide",
      subjectType: "document_request",
      subjectId: requestId,
      details: { outcome, documents: docs.length },
    });
  });
  return ok({ outcome });
}

/** The fee for copies under the municipality's rules: the first pages free, then a first charge and a price a page. */
export function feeFor(pages: number, method: "email" | "download" | "post", fees: Config["requestFees"]): number {
  if (method !== "post" && !fees.electronic) return 0;
  if (pages <= fees.freePages) return 0;
  return fees.firstChargedPage + (pages - fees.freePages - 1) * fees.perPage;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface Delivery {
  readonly method: "email" | "download" | "post";
  readonly fee: number;
  readonly pages: number;
  /** Download only: the secret part of the link, shown once. */
  readonly token?: string;
  readonly expiresAt?: Date;
}

/**
 * A large request released in parts: documents already reviewed as public in full are sent
 * ahead of the decision (masked or refused ones wait for the written decision).
 */
export async function deliverPart(
  db: Db,
  jobs: JobRunner,
  actor: AuditActor,
  orgId: string,
  requestId: string,
  method: string,
  config: Pick<Config, "requestDownloadDays">,
  lang: Lang,
): Promise<Result<Delivery>> {
  const say = sayer(messages, lang);
  const r = await openRequest(db, orgId, requestId);
  if (!r) return invalid("partMethod", say("error.request.missing"));
  if (r.status !== "open") return invalid("partMethod", say("error.part.decided"));
  if (method !== "email" && method !== "download") return invalid("partMethod", say("error.part.method"));
  const c = await caseRequester(db, orgId, r.case_id);
  if (method === "email" && !c?.email) return invalid("partMethod", say("error.part.noEmail"));
  const ready = await db
    .selectFrom("request_documents")
    .select(["id", "released_pages"])
    .where("request_id", "=", requestId)
    .where("review_outcome", "=", "release")
    .where("delivered_at", "is", null)
    .execute();
  if (ready.length === 0) return invalid("partMethod", say("error.part.nothingReady"));
  const ids = ready.map((d) => d.id);
  const pages = ready.reduce((n, d) => n + (d.released_pages ?? 1), 0);
  const token = method === "download" ? randomBytes(24).toString("base64url") : undefined;
  const expiresAt = method === "download" ? new Date(Date.now() + config.requestDownloadDays * 86_400_000) : undefined;
  await db.transaction().execute(async (trx) => {
    if (token && expiresAt)
      await trx
        .insertInto("request_downloads")
        .values({
          org_id: orgId,
          request_id: requestId,
          token_hash: hashToken(token),
          document_ids: ids,
          expires_at: expiresAt,
        })
        .execute();
    await trx.updateTable("request_documents").set({ delivered_at: new Date() }).where("id", "in", ids).execute();
    if (method === "email")
      await jobs.send(
        "requests.send-documents",
        { requestId, documentIds: ids },
        { idempotencyKey: `documents:${requestId}:${ids.join(",")}`, within: trx },
      );
    await recordCaseEvent(trx, orgId, r.case_id, actor.userId, "request.part-delivered", {
      method,
      documents: ids.length,
      pages,
    });
    await audit(trx, actor, {
      action: "request.deliver-part",
      subjectType: "document_request",
      subjectId: requestId,
      details: { method, documents: ids.length, pages },
    });
  });
  return ok({ method, fee: 0, pages, ...(token ? { token } : {}), ...(expiresAt ? { expiresAt } : {}) });
}

export async function deliverRequest(
  db: Db,
  jobs: JobRunner,
  actor: AuditActor,
  orgId: string,
  requestId: string,
  method: string,
  config: Pick<Config, "requestFees" | "requestDownloadDays">,
  lang: Lang,
): Promise<Result<Delivery>> {
  const say = sayer(messages, lang);
  const r = await openRequest(db, orgId, requestId);
  if (!r) return invalid("method", say("error.request.missing"));
  if (r.status === "open") return invalid("method", say("error.deliver.undecided"));
  if (method !== "email" && method !== "download" && method !== "post")
    return invalid("method", say("error.deliver.method"));
  const c = await caseRequester(db, orgId, r.case_id);
  if (method === "email" && !c?.email) return invalid("method", say("error.deliver.noEmail"));
  const docs = await db
    .selectFrom("request_documents")
    .select(["released_pages"])
    .where("request_id", "=", requestId)
    .where("released_data", "is not", null)
    .execute();
  const pages = docs.reduce((n, d) => n + (d.released_pages ?? 1), 0);
  const fee = feeFor(pages, method, config.requestFees);
  const token = method === "download" ? randomBytes(24).toString("base64url") : undefined;
  const expiresAt = method === "download" ? new Date(Date.now() + config.requestDownloadDays * 86_400_000) : undefined;
  await db.transaction().execute(async (trx) => {
    if (token && expiresAt)
      await trx
        .insertInto("request_downloads")
        .values({ org_id: orgId, request_id: requestId, token_hash: hashToken(token), expires_at: expiresAt })
        .execute();
    await trx
      .updateTable("document_requests")
      .set({
        status: "delivered",
        delivery_method: method,
        delivered_at: new Date(),
        fee_pages: pages,
        fee_amount: fee,
      })
      .where("id", "=", requestId)
      .execute();
    if (method === "email") {
      const rest = await trx
        .selectFrom("request_documents")
        .select("id")
        .where("request_id", "=", requestId)
        .where("released_data", "is not", null)
        .where("delivered_at", "is", null)
        .execute();
      await jobs.send(
        "requests.send-documents",
        { requestId, documentIds: rest.map((d) => d.id), final: true },
        { idempotencyKey: `documents:${requestId}`, within: trx },
      );
    }
    await trx
      .updateTable("request_documents")
      .set({ delivered_at: new Date() })
      .where("request_id", "=", requestId)
      .where("released_data", "is not", null)
      .where("delivered_at", "is", null)
      .execute();
    await recordCaseEvent(trx, orgId, r.case_id, actor.userId, "request.delivered", { method, pages, fee });
    await audit(trx, actor, {
      action: "request.deliver",
      subjectType: "document_request",
      subjectId: requestId,
      details: { method, pages, fee },
    });
  });
  return ok({ method, fee, pages, ...(token ? { token } : {}), ...(expiresAt ? { expiresAt } : {}) });
}
