/**
 * Writes for requests for public documents. Each command is one transaction with its audit
 * entry; the request's case gets a line in its history for what the register must show
 * (request registered, decision made, documents sent).
 */
import { createHash, randomBytes } from "node:crypto";
import type { Config } from "../../config.js";
import { audit, type AuditActor } from "../../platform/audit/audit.js";
import type { Db } from "../../platform/db/database.js";
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
import { decisionText, groundByCode, type Outcome } from "./decision.js";

export type Problem = { readonly field: string; readonly message: string };
export type Done<T = object> = ({ ok: true } & T) | { ok: false; errors: Problem[] };

const fail = (field: string, message: string): { ok: false; errors: Problem[] } => ({
  ok: false,
  errors: [{ field, message }],
});

export const MAX_DOCUMENT_BYTES = 25 * 1024 * 1024;

export async function createRequest(
  db: Db,
  actor: AuditActor,
  orgId: string,
  caseId: string,
  requested: string,
): Promise<Done<{ id: string }>> {
  const text = requested.trim();
  if (!text) return fail("requested", "Skriv vilka handlingar som begärs");
  if (text.length > 4000) return fail("requested", "Beskrivningen är för lång. Skriv högst 4000 tecken.");
  const [c] = await caseMeta(db, orgId, [caseId]);
  if (!c) return fail("requested", "Ärendet finns inte.");
  const existing = await db
    .selectFrom("document_requests")
    .select("id")
    .where("case_id", "=", caseId)
    .executeTakeFirst();
  if (existing) return { ok: true, id: existing.id };
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
      return { ok: true as const, id: again.id };
    }
    await markAsDocumentRequest(trx, orgId, caseId);
    await recordCaseEvent(trx, orgId, caseId, actor.userId, "request.registered", { requested: text });
    await audit(trx, actor, {
      action: "request.create",
      subjectType: "document_request",
      subjectId: row.id,
      details: { caseNumber: c.number },
    });
    return { ok: true as const, id: row.id };
  });
}

async function openRequest(db: Db, orgId: string, requestId: string) {
  if (!/^[0-9a-f-]{36}$/.test(requestId)) return undefined;
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
): Promise<Done<{ id: string }>> {
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
    return { ok: true as const, id: row.id };
  });
}

export async function addUploadedDocument(
  db: Db,
  actor: AuditActor,
  orgId: string,
  requestId: string,
  upload: { title: string; filename: string; data: Buffer },
): Promise<Done<{ id: string }>> {
  const r = await openRequest(db, orgId, requestId);
  if (!r) return fail("file", "Begäran finns inte.");
  if (r.status !== "open") return fail("file", "Begäran är redan beslutad. Lägg inte till fler handlingar.");
  if (upload.data.length === 0) return fail("file", "Välj en fil");
  if (upload.data.length > MAX_DOCUMENT_BYTES) return fail("file", "Filen är för stor. Den får vara högst 25 MB.");
  const type = documentType(upload.data, upload.filename);
  if (!type)
    return fail(
      "file",
      "Filen går inte att granska här. Skicka pdf, e-post (.eml) eller text (.txt). Är det ett annat format: skriv ut den till pdf först.",
    );
  if (type === "application/pdf" && (await pdfPageCount(upload.data)) === null) {
    return fail("file", "Pdf-filen går inte att läsa. Skriv ut den till pdf igen, eller skriv av texten.");
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
  sourceCaseId?: string,
): Promise<Done<{ id: string }>> {
  const r = await openRequest(db, orgId, requestId);
  if (!r) return fail("source", "Begäran finns inte.");
  if (r.status !== "open") return fail("source", "Begäran är redan beslutad.");
  const caseId = sourceCaseId ?? r.case_id;
  const read = await caseSourceContent(db, viewer, caseId, kind, sourceId);
  if (!read.ok)
    return fail(
      "source",
      read.error === "needs_open"
        ? "Öppna ärendet först. Det omfattas av sekretess."
        : "Välj ett brev eller en bilaga i ärendet",
    );
  const content = read.value;
  const type = kind === "message" ? content.contentType : documentType(content.data, content.filename);
  if (!type)
    return fail(
      "source",
      "Bilagan går inte att granska här (bara pdf, e-post och text). Skriv ut den till pdf och ladda upp den.",
    );
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
  if (!/^[0-9a-f-]{36}$/.test(documentId)) return undefined;
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
): Promise<Done> {
  const d = await documentOf(db, orgId, requestId, documentId);
  if (!d) return fail("passage", "Handlingen finns inte.");
  if (d.status !== "open") return fail("passage", "Begäran är redan beslutad.");
  const text = passage.trim();
  if (text.length < 2 || text.length > 500)
    return fail("passage", "Skriv texten som ska maskeras, 2–500 tecken, precis som den står i handlingen");
  if (!groundByCode(ground))
    return fail("ground", "Välj vilken bestämmelse i offentlighets- och sekretesslagen som gäller");
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
  return { ok: true };
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
  if (!d || d.status !== "open" || !/^[0-9a-f-]{36}$/.test(maskId)) return;
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

/** What a failed masking means for the person reviewing, in plain Swedish. */
export function maskingProblem(e: MaskError): string {
  switch (e.error) {
    case "not_found":
      return `Vi hittade inte ${e.passages.map((p) => `”${p}”`).join(", ")} i handlingen. Kontrollera stavningen, eller ta bort maskeringen. Inget har lämnats ut.`;
    case "no_text":
      return "Pdf-filen innehåller ingen text som går att söka i (till exempel en skannad sida). Den går inte att maskera säkert här. Skriv av texten eller skanna med textigenkänning och ladda upp igen. Inget har lämnats ut.";
    case "unparseable":
      return "Handlingen går inte att läsa. Skriv ut den till pdf igen, eller skriv av texten. Inget har lämnats ut.";
    case "unsupported":
      return "Filtypen går inte att maskera här. Skriv ut den till pdf och ladda upp den. Inget har lämnats ut.";
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
): Promise<Done> {
  const actor = viewer.actor;
  const d = await documentOf(db, orgId, requestId, documentId);
  if (!d) return fail("outcome", "Handlingen finns inte.");
  if (d.status !== "open") return fail("outcome", "Begäran är redan beslutad.");
  if (d.source_case_id) {
    const source = await caseFor(db, viewer.user, d.source_case_id);
    if (!source?.access.read)
      return fail(
        "outcome",
        "Du får inte läsa ärendet som handlingen kommer från. Be någon på enheten som har ärendet att pröva den.",
      );
  }
  const read = await db
    .selectFrom("request_document_reads")
    .select("user_id")
    .where("document_id", "=", documentId)
    .where("user_id", "=", viewer.user.id)
    .executeTakeFirst();
  if (!read) return fail("outcome", "Läs handlingen först. Öppna originalet och pröva sedan.");
  if (outcome !== "release" && outcome !== "partial" && outcome !== "refuse")
    return fail("outcome", "Välj om vi lämnar ut handlingen, lämnar ut den med maskering eller inte lämnar ut den");
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
  if (outcome === "partial" && masks.length === 0) return fail("outcome", "Lägg till det som ska maskeras först");
  if (outcome === "refuse" && usedGrounds.length === 0)
    return fail("grounds", "Välj vilken bestämmelse som gör att handlingen inte lämnas ut");
  if (outcome !== "release" && !reason.trim())
    return fail("reason", "Skriv kort varför, med dina egna ord. Det hamnar i beslutet.");
  let released: { data: Buffer; type: string; pages: number } | null = null;
  if (outcome === "release")
    released = { data: d.data, type: d.content_type, pages: await pagesOf(d.data, d.content_type) };
  if (outcome === "partial") {
    const result = await maskDocument(
      d.data,
      d.content_type,
      masks.map((m) => ({ text: m.passage, ground: m.ground })),
    );
    if (!result.ok) return fail("outcome", maskingProblem(result));
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
  return { ok: true };
}

export async function setPartsNote(
  db: Db,
  actor: AuditActor,
  orgId: string,
  requestId: string,
  note: string,
): Promise<Done> {
  const r = await openRequest(db, orgId, requestId);
  if (!r) return fail("parts", "Begäran finns inte.");
  if (note.length > 1000) return fail("parts", "Skriv högst 1000 tecken");
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
  return { ok: true };
}

/** The decision: every document reviewed; the outcome follows from the reviews; a written decision unless all is released. */
export async function decideRequest(
  db: Db,
  actor: AuditActor,
  orgId: string,
  requestId: string,
  p: { reason: string; decidedByName: string; organisation: string },
): Promise<Done<{ outcome: Outcome }>> {
  const r = await openRequest(db, orgId, requestId);
  if (!r) return fail("reason", "Begäran finns inte.");
  if (r.status !== "open") return fail("reason", "Begäran är redan beslutad.");
  const docs = await db
    .selectFrom("request_documents")
    .select(["title", "review_outcome", "review_grounds"])
    .where("request_id", "=", requestId)
    .orderBy("created_at")
    .execute();
  if (docs.length === 0) return fail("reason", "Lägg till de handlingar som begäran gäller först");
  const unreviewed = docs.filter((d) => d.review_outcome === null);
  if (unreviewed.length > 0)
    return fail("reason", `Pröva alla handlingar först. Kvar: ${unreviewed.map((d) => d.title).join(", ")}`);
  const outcome: Outcome = docs.every((d) => d.review_outcome === "release")
    ? "full"
    : docs.every((d) => d.review_outcome === "refuse")
      ? "refused"
      : "partial";
  if (outcome !== "full" && !p.reason.trim()) return fail("reason", "Skriv skälen för beslutet");
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
  return { ok: true, outcome };
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
): Promise<Done<{ delivery: Delivery }>> {
  const r = await openRequest(db, orgId, requestId);
  if (!r) return fail("partMethod", "Begäran finns inte.");
  if (r.status !== "open") return fail("partMethod", "Begäran är beslutad. Skicka resten nedan.");
  if (method !== "email" && method !== "download") return fail("partMethod", "Välj e-post eller länk");
  const c = await caseRequester(db, orgId, r.case_id);
  if (method === "email" && !c?.email)
    return fail("partMethod", "Vi har ingen e-postadress till den som begärt handlingarna. Välj länk.");
  const ready = await db
    .selectFrom("request_documents")
    .select(["id", "released_pages"])
    .where("request_id", "=", requestId)
    .where("review_outcome", "=", "release")
    .where("delivered_at", "is", null)
    .execute();
  if (ready.length === 0)
    return fail(
      "partMethod",
      "Ingen handling är klar än. Före beslutet kan du bara skicka handlingar som vi lämnar ut i sin helhet.",
    );
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
  return {
    ok: true,
    delivery: { method, fee: 0, pages, ...(token ? { token } : {}), ...(expiresAt ? { expiresAt } : {}) },
  };
}

export async function deliverRequest(
  db: Db,
  jobs: JobRunner,
  actor: AuditActor,
  orgId: string,
  requestId: string,
  method: string,
  config: Pick<Config, "requestFees" | "requestDownloadDays">,
): Promise<Done<{ delivery: Delivery }>> {
  const r = await openRequest(db, orgId, requestId);
  if (!r) return fail("method", "Begäran finns inte.");
  if (r.status === "open") return fail("method", "Bestäm först om vi lämnar ut handlingarna");
  if (method !== "email" && method !== "download" && method !== "post")
    return fail("method", "Välj hur handlingarna ska skickas");
  const c = await caseRequester(db, orgId, r.case_id);
  if (method === "email" && !c?.email)
    return fail("method", "Vi har ingen e-postadress till den som begärt handlingarna. Välj länk eller post.");
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
  return {
    ok: true,
    delivery: { method, fee, pages, ...(token ? { token } : {}), ...(expiresAt ? { expiresAt } : {}) },
  };
}
