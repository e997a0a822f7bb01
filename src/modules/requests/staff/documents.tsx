import { ButtonForm } from "../../../platform/http/typed.js";
/** One request's page and its documents: open it, add documents, mask, review, read the original and the copy. */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ModuleContext } from "../../../app/module.js";
import { audit } from "../../../platform/audit/audit.js";
import { AppError } from "../../../platform/errors.js";
import { staffViewer, userActor } from "../../../platform/http/actor.js";
import { multipartField, multipartFiles } from "../../../platform/http/multipart.js";
import type { TypedApp } from "../../../platform/http/typed.js";
import { sayer } from "../../../platform/i18n/messages.js";
import { caseSources, openCase } from "../../inbox/index.js";
import {
  addCaseDocument,
  addMask,
  addUploadedDocument,
  recordDocumentRead,
  removeMask,
  reviewDocument,
} from "../commands.js";
import { messages } from "../messages.js";
import {
  CsrfBody,
  DocParams,
  IdParams,
  isMultipartBody,
  MaskBody,
  MaskParams,
  NOTICES,
  RequestQuery,
  ReviewBody,
  SourceBody,
} from "../schema.js";
import { problemsOf, type RequestPages } from "./request-page.js";

const isNotice = (v: string): v is (typeof NOTICES)[number] => (NOTICES as readonly string[]).includes(v);

export function requestDocumentRoutes(app: TypedApp, ctx: ModuleContext, pages: RequestPages): void {
  const { org } = ctx;
  const db = ctx.database.db;
  const { findRequest, loadRequest, otherCase, renderRequest, done } = pages;
  const access = { access: "requests.handle" } as const;

  app.get(
    "/arbetsyta/begaran/:id",
    { config: access, schema: { params: IdParams, querystring: RequestQuery } },
    async (request, reply) => {
      const { id } = request.params;
      const { klart, fran } = request.query;
      const say = sayer(messages, request.lang);
      return renderRequest(request, reply, id, {
        ...(klart && isNotice(klart) ? { notice: say(`notice.${klart}`) } : {}),
        ...(fran ? { from: fran } : {}),
      });
    },
  );

  // A request of a secret case is opened deliberately, like the case itself (audited, with its purpose).
  app.post(
    "/arbetsyta/begaran/:id/oppna",
    { config: access, schema: { params: IdParams, body: CsrfBody } },
    async (request, reply) => {
      const { id } = request.params;
      const { r } = await findRequest(request, id);
      const opened = await openCase(db, staffViewer(request, org.id), r.case_id, "records_request");
      if (!opened.ok) throw new AppError("KS_FORBIDDEN");
      return reply.redirect(`/arbetsyta/begaran/${id}`, 303);
    },
  );

  app.post(
    "/arbetsyta/begaran/:id/dokument",
    { config: access, schema: { params: IdParams } },
    async (request, reply) => {
      const { id } = request.params;
      await loadRequest(request, id);
      const body = request.body;
      if (!request.isMultipart() || !isMultipartBody(body)) throw new AppError("KS_UNSUPPORTED_MEDIA");
      const [file] = multipartFiles(body, "file");
      const title = multipartField(body, "title");
      if (!file)
        return renderRequest(request, reply, id, {
          errors: [{ field: "file", message: sayer(messages, request.lang)("error.file.missing") }],
        });
      const data = await file.toBuffer();
      const result = await addUploadedDocument(
        db,
        userActor(request, org.id),
        org.id,
        id,
        { title, filename: file.filename, data },
        request.lang,
      );
      if (!result.ok) return renderRequest(request, reply, id, { errors: problemsOf(result) });
      return done(reply, id, "dokument");
    },
  );

  app.post(
    "/arbetsyta/begaran/:id/dokument/fran-arendet",
    { config: access, schema: { params: IdParams, body: SourceBody } },
    async (request, reply) => {
      const { id } = request.params;
      const say = sayer(messages, request.lang);
      const { r } = await loadRequest(request, id);
      const fromNumber = request.body.case;
      const from = fromNumber ? await otherCase(request, fromNumber) : undefined;
      if (fromNumber && !from)
        return renderRequest(request, reply, id, { errors: [{ field: "from", message: say("error.from.missing") }] });
      const [kind, sourceId] = request.body.source.split(":");
      const viewer = staffViewer(request, org.id);
      const listed = await caseSources(db, viewer, from?.id ?? r.case_id);
      const source = listed.ok ? listed.value.find((s) => s.kind === kind && s.id === sourceId) : undefined;
      if (!source)
        return renderRequest(request, reply, id, {
          errors: [
            { field: "source", message: say(listed.ok ? "error.source.chooseListed" : "error.source.needsOpen") },
          ],
        });
      const title = from ? `${fromNumber.trim().toUpperCase()}: ${source.title}` : source.title;
      const result = await addCaseDocument(
        viewer,
        db,
        org.id,
        id,
        source.kind,
        source.id,
        title,
        from?.id,
        request.lang,
      );
      if (!result.ok) return renderRequest(request, reply, id, { errors: problemsOf(result) });
      return done(reply, id, "dokument");
    },
  );

  app.post(
    "/arbetsyta/begaran/:id/dokument/:docId/maskering",
    { config: access, schema: { params: DocParams, body: MaskBody } },
    async (request, reply) => {
      const { id, docId } = request.params;
      await loadRequest(request, id);
      const { passage, ground } = request.body;
      const result = await addMask(db, userActor(request, org.id), org.id, id, docId, passage, ground, request.lang);
      if (!result.ok) return renderRequest(request, reply, id, { errors: problemsOf(result), errorDoc: docId });
      return done(reply, id, "maskering");
    },
  );

  app.post(
    "/arbetsyta/begaran/:id/dokument/:docId/maskering/:maskId/ta-bort",
    { config: access, schema: { body: ButtonForm, params: MaskParams } },
    async (request, reply) => {
      const { id, docId, maskId } = request.params;
      await loadRequest(request, id);
      await removeMask(db, userActor(request, org.id), org.id, id, docId, maskId);
      return reply.redirect(`/arbetsyta/begaran/${id}`, 303);
    },
  );

  app.post(
    "/arbetsyta/begaran/:id/dokument/:docId/provning",
    { config: access, schema: { params: DocParams, body: ReviewBody } },
    async (request, reply) => {
      const { id, docId } = request.params;
      await loadRequest(request, id);
      const { outcome, grounds, reason } = request.body;
      const result = await reviewDocument(
        staffViewer(request, org.id),
        db,
        org.id,
        id,
        docId,
        outcome,
        grounds,
        reason,
        request.lang,
      );
      if (!result.ok) return renderRequest(request, reply, id, { errors: problemsOf(result), errorDoc: docId });
      return done(reply, id, "provning");
    },
  );

  const sendDocument = async (
    request: FastifyRequest,
    reply: FastifyReply,
    { id, docId }: { id: string; docId: string },
    released: boolean,
  ) => {
    await loadRequest(request, id);
    const d = await db
      .selectFrom("request_documents")
      .select(["title", "data", "content_type", "released_data", "released_type"])
      .where("request_id", "=", id)
      .where("id", "=", docId)
      .executeTakeFirst();
    const data = released ? d?.released_data : d?.data;
    if (!d || !data) throw new AppError("KS_NOT_FOUND");
    // Reading a document before its secrecy is decided is logged, like opening a secret case,
    // and remembered: only someone who has read it may review it.
    if (!released) {
      await audit(db, userActor(request, org.id), {
        action: "request.document.read",
        subjectType: "request_document",
        subjectId: docId,
        details: { requestId: id },
      });
      await recordDocumentRead(db, docId, pages.sessionUser(request).id);
    }
    const type = (released ? d.released_type : d.content_type) ?? "application/octet-stream";
    const ext = type.startsWith("application/pdf") ? "pdf" : type.startsWith("message/rfc822") ? "eml" : "txt";
    reply
      .header("cache-control", "no-store")
      .header("x-content-type-options", "nosniff")
      .header("content-security-policy", "default-src 'none'; sandbox");
    return reply
      .type(type)
      .header(
        "content-disposition",
        `${type === "application/pdf" ? "inline" : "attachment"}; filename="${released ? "utlamnad" : "original"}.${ext}"`,
      )
      .send(data);
  };

  app.get(
    "/arbetsyta/begaran/:id/dokument/:docId/original",
    { config: access, schema: { params: DocParams } },
    (request, reply) => sendDocument(request, reply, request.params, false),
  );
  app.get(
    "/arbetsyta/begaran/:id/dokument/:docId/utlamnad",
    { config: access, schema: { params: DocParams } },
    (request, reply) => sendDocument(request, reply, request.params, true),
  );
}
