/** The resident's form for a new idea. */
import type { ModuleContext } from "../../../app/module.js";
import { requestActor } from "../../../platform/http/actor.js";
import { AppError } from "../../../platform/errors.js";
import { FORM_GUARD_MESSAGES, formStamp, guardedForm } from "../../../platform/http/form-guard.js";
import { multipartField } from "../../../platform/http/multipart.js";
import { sendPage } from "../../../platform/http/page.js";
import type { FastifyReply, TypedApp, TypedRequest } from "../../../platform/http/typed.js";
import { sayer } from "../../../platform/i18n/messages.js";
import { clip, isEmailAddress } from "../../../platform/text.js";
import type { FieldError } from "../../../views/context.js";
import { readIdeaAttachment } from "../attachment.js";
import { errorsOf, submitIdea, validateIdea, type IdeaDeps } from "../commands.js";
import { ACTOR_LABEL } from "../record-words.js";
import { messages } from "../messages.js";
import { categories } from "../queries.js";
import { MultipartForm } from "../schema.js";
import { tokenFor } from "../tokens.js";
import { EMPTY_IDEA_FORM, NewIdeaPage, type IdeaForm } from "./views.js";

export function submitIdeaRoutes(app: TypedApp, ctx: ModuleContext, deps: IdeaDeps): void {
  const { config, org } = ctx;
  const db = deps.db;

  // ---- Submitting ------------------------------------------------------------------------

  const renderForm = async (
    request: TypedRequest,
    reply: FastifyReply,
    form: IdeaForm,
    errors: readonly FieldError[],
    status = 200,
  ) => {
    const say = sayer(messages, request.lang);
    const cats = (await categories(db, org.id))
      .filter((c) => c.active)
      .map((c) => ({ value: c.id, label: request.lang === "sv" ? c.name_sv : c.name_en }));
    return sendPage(
      request,
      reply,
      { title: say("new.title"), side: "public", hasErrors: errors.length > 0, status },
      (page) => (
        <NewIdeaPage
          ctx={page}
          form={form}
          errors={errors}
          categories={cats}
          stamp={formStamp(config.sessionSecret)}
        />
      ),
    );
  };

  app.get("/forslag/nytt", { config: { access: "public" } }, (request, reply) =>
    renderForm(request, reply, EMPTY_IDEA_FORM, []),
  );

  app.post(
    "/forslag/nytt",
    { config: { access: "public", ...guardedForm(config) }, schema: { body: MultipartForm } },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError("KS_UNSUPPORTED_MEDIA");
      const body = request.body;
      const say = sayer(messages, request.lang);
      const form: IdeaForm = {
        title: clip(multipartField(body, "title"), 1000),
        description: clip(multipartField(body, "description"), 20_000),
        category: multipartField(body, "category"),
        name: clip(multipartField(body, "name").trim(), 200),
        email: clip(multipartField(body, "email").trim(), 320),
      };
      if (request.formGuard === "too-fast") {
        return renderForm(
          request,
          reply,
          form,
          [{ field: "title", message: FORM_GUARD_MESSAGES["too-fast"][request.lang] }],
          400,
        );
      }
      const errors: FieldError[] = validateIdea(form, request.lang);
      if (request.formGuard === "expired")
        errors.push({ field: "title", message: FORM_GUARD_MESSAGES.expired[request.lang] });
      if (!isEmailAddress(form.email)) errors.push({ field: "email", message: say("error.email.format") });
      const cats = await categories(db, org.id);
      if (form.category && !cats.some((c) => c.id === form.category && c.active))
        errors.push({ field: "category", message: say("error.category") });
      const attachment = await readIdeaAttachment(body, request.lang, errors);
      if (errors.length > 0) return renderForm(request, reply, form, errors, 400);
      const result = await submitIdea(
        deps,
        { ...requestActor(request, org.id), userId: null, label: ACTOR_LABEL.webForm },
        {
          orgId: org.id,
          source: "resident",
          title: form.title,
          description: form.description,
          categoryId: form.category || null,
          submitterName: form.name || undefined,
          submitterEmail: form.email,
          attachment,
        },
        request.lang,
      );
      if (!result.ok) return renderForm(request, reply, form, errorsOf(result), 400);
      return reply.redirect(`/forslag/mitt/${tokenFor(config.sessionSecret, "idea", result.value.id)}?skickat=1`, 303);
    },
  );

}
