import type { ModuleContext } from "../../../app/module.js";
import { clip, isEmailAddress } from "../../../platform/text.js";
import { sendPage } from "../../../platform/http/page.js";
import type { FastifyReply, TypedApp, TypedRequest } from "../../../platform/http/typed.js";
import { formatMessage, sayer } from "../../../platform/i18n/messages.js";
import { AppError } from "../../../platform/errors.js";
import type { FieldError } from "../../../views/context.js";
import { addRequesterMessage, recordHelped } from "../commands/handle.js";
import { receiveQuestion, type IncomingAttachment, type InboxDeps } from "../commands/receive.js";
import { hashFollowToken } from "../numbers.js";
import { sniffType } from "../../../platform/http/sniff.js";
import { multipartField, multipartFiles, type MultipartBody } from "../../../platform/http/multipart.js";
import { FORM_GUARD_MESSAGES, formStamp, guardedForm } from "../../../platform/http/form-guard.js";
import { serviceForQuestion } from "../../catalogue/index.js";
import { REQUESTER_VIA_FOLLOW_LINK, REQUESTER_VIA_WEB_FORM } from "../audit-words.js";
import { messages } from "../messages.js";
import { AskQuery, FollowBody, FollowParams, FollowQuery, HelpedBody, MAX_QUESTION } from "../schema.js";
import { EMPTY_FORM, FollowPage, QuestionPage, type QuestionForm } from "./views.js";

/** A multipart form's parts, as @fastify/multipart attached them to the body. */
const isMultipartBody = (body: unknown): body is MultipartBody => typeof body === "object" && body !== null;
const PHONE = /^\+?[\d\s-]{6,20}$/;

export function inboxPublicRoutes(app: TypedApp, ctx: ModuleContext, deps: InboxDeps): void {
  const { config, database, org } = ctx;
  const stamp = () => formStamp(config.sessionSecret);

  const categories = () => database.db.selectFrom("categories").selectAll().where("org_id", "=", org.id).where("active", "=", true).orderBy("position").execute();

  // Categories are read per request (staff may change them); the view gets them here.
  const renderFormWithCategories = async (request: TypedRequest, reply: FastifyReply, form: QuestionForm, errors: FieldError[], status = 200) => {
    const list = await categories();
    return sendPage(request, reply, { title: sayer(messages, request.lang)("ask.title"), side: "public", hasErrors: errors.length > 0, status }, (page) => (
      <QuestionPage ctx={page} form={form} errors={errors} categories={list} stamp={stamp()} maxFiles={config.upload.maxFiles} maxMb={Math.max(1, Math.round(config.upload.limitBytes / 1048576))} />
    ));
  };

  app.get("/fraga", { config: { access: "public" }, schema: { querystring: AskQuery } }, async (request, reply) => {
    const slug = request.query.stod;
    const service = slug ? await serviceForQuestion(database.db, org.id, slug) : undefined;
    return renderFormWithCategories(request, reply, service && slug ? { ...EMPTY_FORM, service: { slug, name: service.name } } : EMPTY_FORM, []);
  });

  app.post("/fraga", { config: { access: "public", ...guardedForm(config) } }, async (request, reply) => {
    const body = request.body;
    if (!request.isMultipart() || !isMultipartBody(body)) throw new AppError("KS_UNSUPPORTED_MEDIA");
    const say = sayer(messages, request.lang);
    let form: QuestionForm = {
      question: multipartField(body, "question"), name: clip(multipartField(body, "name"), 200), email: clip(multipartField(body, "email").trim(), 320),
      phone: clip(multipartField(body, "phone").trim(), 40), category: multipartField(body, "category"),
    };
    const serviceSlug = clip(multipartField(body, "stod"), 80);
    const service = serviceSlug ? await serviceForQuestion(database.db, org.id, serviceSlug) : undefined;
    if (service) form = { ...form, service: { slug: serviceSlug, name: service.name } };
    // Spam protection without tracking (platform/http/form-guard.ts).
    if (request.formGuard === "too-fast") {
      request.log.info("web form rejected as spam");
      return renderFormWithCategories(request, reply, form, [{ field: "question", message: FORM_GUARD_MESSAGES["too-fast"][request.lang] }], 400);
    }
    const errors: FieldError[] = [];
    if (request.formGuard === "expired") errors.push({ field: "question", message: FORM_GUARD_MESSAGES.expired[request.lang] });
    if (!form.question.trim()) errors.push({ field: "question", message: say("ask.error.question") });
    else if (form.question.length > MAX_QUESTION) errors.push({ field: "question", message: say("ask.error.tooLong", { max: MAX_QUESTION }) });
    if (form.email && !isEmailAddress(form.email)) errors.push({ field: "email", message: say("ask.error.email") });
    if (form.phone && !PHONE.test(form.phone)) errors.push({ field: "phone", message: say("ask.error.phone") });
    const list = await categories();
    const category = form.category ? list.find((c) => c.slug === form.category) : undefined;
    if (form.category && !category) errors.push({ field: "category", message: say("ask.error.category") });
    const attachments: IncomingAttachment[] = [];
    for (const f of multipartFiles(body, "files")) {
      const data = await f.toBuffer();
      const type = sniffType(data);
      if (!type) {
        errors.push({ field: "files", message: say("ask.error.file", { filename: f.filename }) });
        continue;
      }
      attachments.push({ filename: clip(f.filename, 200), contentType: type, data });
    }
    if (errors.length > 0) return renderFormWithCategories(request, reply, form, errors, 400);
    const result = await receiveQuestion(deps, { orgId: org.id, userId: null, label: REQUESTER_VIA_WEB_FORM, ip: request.ip, requestId: request.id }, {
      orgId: org.id, channel: "web", body: form.question.trim(), categoryId: category?.id,
      // The subject is registered in Swedish, whatever the language of the page.
      ...(service ? { subject: formatMessage(messages, "sv", "ask.subject", { service: service.name }), unitId: service.unitId } : {}),
      requester: { name: form.name, email: form.email, phone: form.phone }, attachments,
    });
    if (!result.ok) throw new AppError("KS_INTERNAL");
    return reply.redirect(`/arende/${result.followToken}?ny=1`, 303);
  });

  const followCase = async (token: string) => {
    if (!/^[\w-]{20,64}$/.test(token)) return undefined;
    return database.db.selectFrom("cases").select(["id", "number", "status", "concern_report", "first_answer_due", "helped", "received_at"]).where("org_id", "=", org.id).where("follow_token_hash", "=", hashFollowToken(token)).executeTakeFirst();
  };

  const renderFollow = async (request: TypedRequest, reply: FastifyReply, token: string, state: { isNew: boolean; added: boolean; error?: string; status?: number }) => {
    const c = await followCase(token);
    if (!c) throw new AppError("KS_NOT_FOUND");
    const thread = await database.db.selectFrom("case_messages").select(["direction", "body", "created_at"]).where("case_id", "=", c.id).where("direction", "in", ["in", "out"]).orderBy("created_at").execute();
    reply.header("cache-control", "no-store").header("referrer-policy", "no-referrer");
    return sendPage(request, reply, { title: sayer(messages, request.lang)("follow.title", { number: c.number }), side: "public", hasErrors: Boolean(state.error), status: state.status ?? 200 }, (page) => (
      <FollowPage ctx={page} token={token} isNew={state.isNew} added={state.added} error={state.error}
        c={{ number: c.number, status: c.status, concern: c.concern_report, receivedAt: new Date(c.received_at), due: c.first_answer_due ? new Date(c.first_answer_due) : null, helped: c.helped, messages: thread }} />
    ));
  };

  app.get(
    "/arende/:token",
    { config: { access: "public" }, schema: { params: FollowParams, querystring: FollowQuery } },
    async (request, reply) => {
      const { token } = request.params;
      const q = request.query;
      return renderFollow(request, reply, token, { isNew: Boolean(q.ny), added: Boolean(q.tillagt) });
    },
  );

  app.post(
    "/arende/:token",
    {
      config: { access: "public", rateLimit: { max: config.formRateLimitPerMinute, timeWindow: 60_000 } },
      schema: { params: FollowParams, body: FollowBody },
    },
    async (request, reply) => {
      const { token } = request.params;
      const { message } = request.body;
      const c = await followCase(token);
      if (!c) throw new AppError("KS_NOT_FOUND");
      if (!message.trim()) return renderFollow(request, reply, token, { isNew: false, added: false, error: sayer(messages, request.lang)("follow.error.message"), status: 400 });
      await addRequesterMessage(deps, org.id, c.id, message, { orgId: org.id, userId: null, label: REQUESTER_VIA_FOLLOW_LINK, ip: request.ip, requestId: request.id });
      return reply.redirect(`/arende/${token}?tillagt=1`, 303);
    },
  );

  app.post(
    "/arende/:token/hjalp",
    {
      config: { access: "public", rateLimit: { max: config.formRateLimitPerMinute, timeWindow: 60_000 } },
      schema: { params: FollowParams, body: HelpedBody },
    },
    async (request, reply) => {
      const { token } = request.params;
      const { hjalp } = request.body;
      const c = await followCase(token);
      if (!c) throw new AppError("KS_NOT_FOUND");
      await recordHelped(deps, org.id, c.id, hjalp === "ja", { orgId: org.id, userId: null, label: REQUESTER_VIA_FOLLOW_LINK, ip: request.ip, requestId: request.id });
      return reply.redirect(`/arende/${token}`, 303);
    },
  );
}
