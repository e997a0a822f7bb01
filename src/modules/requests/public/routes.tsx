/** The public side of requests for public documents: the form, and the page and files behind a download link. */
import type { ModuleContext } from "../../../app/module.js";
import { textToPdf } from "../../../platform/documents/masking.js";
import { AppError } from "../../../platform/errors.js";
import { FORM_GUARD_MESSAGES, formStamp, guardedForm } from "../../../platform/http/form-guard.js";
import { sendPage } from "../../../platform/http/page.js";
import { Uuid, type FastifyReply, type TypedApp, type TypedRequest } from "../../../platform/http/typed.js";
import { sayer } from "../../../platform/i18n/messages.js";
import { isEmailAddress } from "../../../platform/text.js";
import type { FieldError } from "../../../views/context.js";
import { caseMeta, inboxDepsFor, receiveQuestion } from "../../inbox/index.js";
import { createRequest, hashToken } from "../commands.js";
import { messages } from "../messages.js";
import { PublicRequestBody, TokenFileParams, TokenParams } from "../schema.js";
import {
  DownloadPage,
  EMPTY_PUBLIC_FORM,
  isDeliveryMethod,
  PublicRequestPage,
  type PublicRequestForm,
} from "./pages.js";

export function publicRequestRoutes(app: TypedApp, ctx: ModuleContext): void {
  const { config, org } = ctx;
  const db = ctx.database.db;
  const deps = inboxDepsFor(ctx);

  // ---- Ask for documents, anonymously if you like ------------------------------------------

  const renderPublic = (
    request: TypedRequest,
    reply: FastifyReply,
    form: PublicRequestForm,
    errors: FieldError[],
    status = 200,
  ) =>
    sendPage(
      request,
      reply,
      {
        title: sayer(messages, request.lang)("public.title"),
        side: "public",
        hasErrors: errors.length > 0,
        status,
      },
      (page) => <PublicRequestPage ctx={page} form={form} errors={errors} stamp={formStamp(config.sessionSecret)} />,
    );

  app.get("/begar-handling", { config: { access: "public" } }, (request, reply) =>
    renderPublic(request, reply, EMPTY_PUBLIC_FORM, []),
  );

  app.post(
    "/begar-handling",
    { config: { access: "public", ...guardedForm(config) }, schema: { body: PublicRequestBody } },
    async (request, reply) => {
      const b = request.body;
      const say = sayer(messages, request.lang);
      const form: PublicRequestForm = {
        requested: b.requested,
        delivery: b.delivery,
        email: b.email.trim(),
        name: b.name.trim(),
        address: b.address.trim(),
      };
      if (request.formGuard === "too-fast") {
        return renderPublic(
          request,
          reply,
          form,
          [{ field: "requested", message: FORM_GUARD_MESSAGES["too-fast"][request.lang] }],
          400,
        );
      }
      const errors: FieldError[] = [];
      if (request.formGuard === "expired")
        errors.push({ field: "requested", message: FORM_GUARD_MESSAGES.expired[request.lang] });
      if (!form.requested.trim()) errors.push({ field: "requested", message: say("public.error.requested") });
      if (!isDeliveryMethod(form.delivery)) errors.push({ field: "delivery", message: say("public.error.delivery") });
      if ((form.delivery === "email" || form.delivery === "download") && !isEmailAddress(form.email))
        errors.push({ field: "email", message: say("public.error.emailNeeded") });
      else if (form.email && !isEmailAddress(form.email))
        errors.push({ field: "email", message: say("public.error.email") });
      if (form.delivery === "post" && form.address.length < 5)
        errors.push({ field: "address", message: say("public.error.address") });
      if (errors.length > 0 || !isDeliveryMethod(form.delivery)) return renderPublic(request, reply, form, errors, 400);
      // The case is registered in Swedish, whatever language the form was filled in.
      const sv = sayer(messages, "sv");
      const body = [
        form.requested.trim(),
        "",
        sv(`case.delivery.${form.delivery}`),
        form.delivery === "post" ? sv("case.postalAddress", { address: form.address }) : "",
      ]
        .filter((l, i) => l || i === 1)
        .join("\n");
      const actor = { orgId: org.id, userId: null, label: sv("case.webForm"), ip: request.ip, requestId: request.id };
      const received = await receiveQuestion(deps, actor, {
        orgId: org.id,
        channel: "web",
        subject: sv("case.subject"),
        body,
        requester: { name: form.name || undefined, email: form.email || undefined },
      });
      if (!received.ok) throw new AppError("KS_INTERNAL");
      const created = await createRequest(db, actor, org.id, received.caseId, form.requested, request.lang);
      if (!created.ok) throw new AppError("KS_INTERNAL");
      return reply.redirect(`/arende/${received.followToken}?ny=1`, 303);
    },
  );

  // ---- The documents behind a download link ---------------------------------------------------

  const download = async (token: string) => {
    if (!/^[\w-]{20,64}$/.test(token)) return undefined;
    return db
      .selectFrom("request_downloads as d")
      .innerJoin("document_requests as r", "r.id", "d.request_id")
      .select(["d.id", "d.expires_at", "d.document_ids", "r.id as request_id", "r.case_id", "r.decision_text"])
      .where("d.org_id", "=", org.id)
      .where("d.token_hash", "=", hashToken(token))
      .executeTakeFirst();
  };
  const expired = () => new AppError("KS_NOT_FOUND", "The download link has expired or does not exist");

  app.get(
    "/handling/:token",
    { config: { access: "public" }, schema: { params: TokenParams } },
    async (request, reply) => {
      const { token } = request.params;
      const d = await download(token);
      if (!d || new Date(d.expires_at) < new Date()) throw expired();
      const [docs, c] = await Promise.all([
        db
          .selectFrom("request_documents")
          .select(["id", "title", "released_pages as pages"])
          .where("request_id", "=", d.request_id)
          .where("released_data", "is not", null)
          .$if(d.document_ids !== null, (q) =>
            q.where(
              "id",
              "in",
              d.document_ids && d.document_ids.length > 0 ? d.document_ids : ["00000000-0000-0000-0000-000000000000"],
            ),
          )
          .orderBy("created_at")
          .execute(),
        caseMeta(db, org.id, [d.case_id]).then((m) => m[0]),
      ]);
      reply.header("cache-control", "no-store").header("referrer-policy", "no-referrer");
      return sendPage(
        request,
        reply,
        { title: sayer(messages, request.lang)("download.title"), side: "public" },
        (page) => (
          <DownloadPage
            ctx={page}
            number={c?.number ?? ""}
            documents={docs}
            hasDecision={Boolean(d.decision_text) && d.document_ids === null}
            expiresAt={new Date(d.expires_at)}
            token={token}
          />
        ),
      );
    },
  );

  app.get(
    "/handling/:token/:file",
    { config: { access: "public" }, schema: { params: TokenFileParams } },
    async (request, reply) => {
      const { token, file } = request.params;
      const d = await download(token);
      if (!d || new Date(d.expires_at) < new Date()) throw expired();
      reply.header("cache-control", "no-store").header("x-content-type-options", "nosniff");
      if (file === "beslut") {
        if (!d.decision_text) throw new AppError("KS_NOT_FOUND");
        return reply
          .type("application/pdf")
          .header("content-disposition", 'attachment; filename="beslut.pdf"')
          .send(await textToPdf(sayer(messages, "sv")("decision.pdfTitle"), d.decision_text));
      }
      if (!Uuid.safeParse(file).success || (d.document_ids !== null && !d.document_ids.includes(file)))
        throw new AppError("KS_NOT_FOUND");
      const doc = await db
        .selectFrom("request_documents")
        .select(["title", "released_data", "released_type"])
        .where("request_id", "=", d.request_id)
        .where("id", "=", file)
        .executeTakeFirst();
      if (!doc?.released_data) throw new AppError("KS_NOT_FOUND");
      await db
        .updateTable("request_downloads")
        .set((eb) => ({ downloads: eb("downloads", "+", 1) }))
        .where("id", "=", d.id)
        .execute();
      const ext = doc.released_type === "application/pdf" ? "pdf" : "txt";
      return reply
        .type(doc.released_type ?? "application/octet-stream")
        .header("content-disposition", `attachment; filename="handling.${ext}"`)
        .send(doc.released_data);
    },
  );
}
