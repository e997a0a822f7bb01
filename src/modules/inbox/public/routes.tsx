import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { clip, isEmailAddress } from "../../../platform/text.js";
import { z } from "zod";
import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import { AppError } from "../../../platform/errors.js";
import type { FieldError } from "../../../views/context.js";
import { addRequesterMessage, recordHelped } from "../commands/handle.js";
import { receiveQuestion, type IncomingAttachment, type InboxDeps } from "../commands/receive.js";
import { hashFollowToken } from "../numbers.js";
import { sniffType } from "../../../platform/http/sniff.js";
import { multipartField, multipartFiles, type MultipartBody } from "../../../platform/http/multipart.js";
import { FORM_GUARD_MESSAGES, formStamp, guardedForm } from "../../../platform/http/form-guard.js";
import { serviceForQuestion } from "../../catalogue/index.js";
import { EMPTY_FORM, FollowPage, QuestionPage, type QuestionForm } from "./views.js";

const MAX_QUESTION = 10_000;
const PHONE = /^\+?[\d\s-]{6,20}$/;

export function inboxPublicRoutes(app: FastifyInstance, ctx: ModuleContext, deps: InboxDeps): void {
  const { config, database, org } = ctx;
  const stamp = () => formStamp(config.sessionSecret);

  const categories = () => database.db.selectFrom("categories").selectAll().where("org_id", "=", org.id).where("active", "=", true).orderBy("position").execute();

  // Categories are read per request (staff may change them); the view gets them here.
  const renderFormWithCategories = async (request: FastifyRequest, reply: FastifyReply, form: QuestionForm, errors: FieldError[], status = 200) => {
    const list = await categories();
    return sendPage(request, reply, { title: request.lang === "sv" ? "Ställ en fråga" : "Ask a question", side: "public", hasErrors: errors.length > 0, status }, (page) => (
      <QuestionPage ctx={page} form={form} errors={errors} categories={list} stamp={stamp()} maxFiles={config.upload.maxFiles} maxMb={Math.max(1, Math.round(config.upload.limitBytes / 1048576))} />
    ));
  };

  app.get("/fraga", { config: { access: "public" }, schema: { querystring: z.object({ stod: z.string().max(80).optional() }) } }, async (request, reply) => {
    const slug = (request.query as { stod?: string }).stod;
    const service = slug ? await serviceForQuestion(database.db, org.id, slug) : undefined;
    return renderFormWithCategories(request, reply, service && slug ? { ...EMPTY_FORM, service: { slug, name: service.name } } : EMPTY_FORM, []);
  });

  app.post("/fraga", { config: { access: "public", ...guardedForm(config) } }, async (request, reply) => {
    if (!request.isMultipart()) throw new AppError("KS_UNSUPPORTED_MEDIA");
    const body = request.body as MultipartBody;
    const sv = request.lang === "sv";
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
    if (!form.question.trim()) errors.push({ field: "question", message: sv ? "Skriv din fråga" : "Write your question" });
    else if (form.question.length > MAX_QUESTION) errors.push({ field: "question", message: sv ? `Frågan är för lång. Skriv högst ${MAX_QUESTION} tecken.` : `The question is too long. Write at most ${MAX_QUESTION} characters.` });
    if (form.email && !isEmailAddress(form.email)) errors.push({ field: "email", message: sv ? "Skriv e-postadressen som namn@exempel.se" : "Enter the email address like name@example.com" });
    if (form.phone && !PHONE.test(form.phone)) errors.push({ field: "phone", message: sv ? "Skriv telefonnumret med siffror, till exempel 070-123 45 67" : "Enter the phone number in digits, for example 070-123 45 67" });
    const list = await categories();
    const category = form.category ? list.find((c) => c.slug === form.category) : undefined;
    if (form.category && !category) errors.push({ field: "category", message: sv ? "Välj ett av alternativen" : "Choose one of the options" });
    const attachments: IncomingAttachment[] = [];
    for (const f of multipartFiles(body, "files")) {
      const data = await f.toBuffer();
      const type = sniffType(data);
      if (!type) {
        errors.push({ field: "files", message: sv ? `Filen ${f.filename} går inte att ta emot. Skicka pdf, jpg, png, gif eller webp.` : `The file ${f.filename} cannot be received. Send pdf, jpg, png, gif or webp.` });
        continue;
      }
      attachments.push({ filename: clip(f.filename, 200), contentType: type, data });
    }
    if (errors.length > 0) return renderFormWithCategories(request, reply, form, errors, 400);
    const result = await receiveQuestion(deps, { orgId: org.id, userId: null, label: "webbformulär", ip: request.ip, requestId: request.id }, {
      orgId: org.id, channel: "web", body: form.question.trim(), categoryId: category?.id,
      ...(service ? { subject: `Fråga om ${service.name}`, unitId: service.unitId } : {}),
      requester: { name: form.name, email: form.email, phone: form.phone }, attachments,
    });
    if (!result.ok) throw new AppError("KS_INTERNAL");
    return reply.redirect(`/arende/${result.followToken}?ny=1`, 303);
  });

  const followCase = async (token: string) => {
    if (!/^[\w-]{20,64}$/.test(token)) return undefined;
    return database.db.selectFrom("cases").select(["id", "number", "status", "concern_report", "first_answer_due", "helped", "received_at"]).where("org_id", "=", org.id).where("follow_token_hash", "=", hashFollowToken(token)).executeTakeFirst();
  };

  const renderFollow = async (request: FastifyRequest, reply: FastifyReply, token: string, state: { isNew: boolean; added: boolean; error?: string; status?: number }) => {
    const c = await followCase(token);
    if (!c) throw new AppError("KS_NOT_FOUND");
    const messages = await database.db.selectFrom("case_messages").select(["direction", "body", "created_at"]).where("case_id", "=", c.id).where("direction", "in", ["in", "out"]).orderBy("created_at").execute();
    reply.header("cache-control", "no-store").header("referrer-policy", "no-referrer");
    return sendPage(request, reply, { title: `${request.lang === "sv" ? "Ärende" : "Case"} ${c.number}`, side: "public", hasErrors: Boolean(state.error), status: state.status ?? 200 }, (page) => (
      <FollowPage ctx={page} token={token} isNew={state.isNew} added={state.added} error={state.error}
        c={{ number: c.number, status: c.status, concern: c.concern_report, receivedAt: new Date(c.received_at), due: c.first_answer_due ? new Date(c.first_answer_due) : null, helped: c.helped, messages }} />
    ));
  };

  app.get(
    "/arende/:token",
    { config: { access: "public" }, schema: { params: z.object({ token: z.string().max(100) }), querystring: z.object({ ny: z.string().optional(), tillagt: z.string().optional() }) } },
    async (request, reply) => {
      const { token } = request.params as { token: string };
      const q = request.query as { ny?: string; tillagt?: string };
      return renderFollow(request, reply, token, { isNew: Boolean(q.ny), added: Boolean(q.tillagt) });
    },
  );

  app.post(
    "/arende/:token",
    {
      config: { access: "public", rateLimit: { max: config.formRateLimitPerMinute, timeWindow: 60_000 } },
      schema: { params: z.object({ token: z.string().max(100) }), body: z.object({ message: z.string().max(MAX_QUESTION).default(""), _csrf: z.string().optional() }) },
    },
    async (request, reply) => {
      const { token } = request.params as { token: string };
      const { message } = request.body as { message: string };
      const c = await followCase(token);
      if (!c) throw new AppError("KS_NOT_FOUND");
      if (!message.trim()) return renderFollow(request, reply, token, { isNew: false, added: false, error: request.lang === "sv" ? "Skriv ditt meddelande" : "Write your message", status: 400 });
      await addRequesterMessage(deps, org.id, c.id, message, { orgId: org.id, userId: null, label: "frågeställare via följlänk", ip: request.ip, requestId: request.id });
      return reply.redirect(`/arende/${token}?tillagt=1`, 303);
    },
  );

  app.post(
    "/arende/:token/hjalp",
    {
      config: { access: "public", rateLimit: { max: config.formRateLimitPerMinute, timeWindow: 60_000 } },
      schema: { params: z.object({ token: z.string().max(100) }), body: z.object({ hjalp: z.enum(["ja", "nej"]), _csrf: z.string().optional() }) },
    },
    async (request, reply) => {
      const { token } = request.params as { token: string };
      const { hjalp } = request.body as { hjalp: "ja" | "nej" };
      const c = await followCase(token);
      if (!c) throw new AppError("KS_NOT_FOUND");
      await recordHelped(deps, org.id, c.id, hjalp === "ja", { orgId: org.id, userId: null, label: "frågeställare via följlänk", ip: request.ip, requestId: request.id });
      return reply.redirect(`/arende/${token}`, 303);
    },
  );
}
