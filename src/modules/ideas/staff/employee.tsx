/** An employee's own ideas: the form and the list. */
import type { ModuleContext } from "../../../app/module.js";
import { type FastifyReply, type TypedApp, type TypedRequest } from "../../../platform/http/typed.js";
import { sayer } from "../../../platform/i18n/messages.js";
import { sendPage } from "../../../platform/http/page.js";
import { AppError } from "../../../platform/errors.js";
import { clip } from "../../../platform/text.js";
import type { FieldError } from "../../../views/context.js";
import { readIdeaAttachment } from "../attachment.js";
import { userActor } from "../../../platform/http/actor.js";
import { multipartField } from "../../../platform/http/multipart.js";
import { errorsOf, submitIdea, type IdeaDeps } from "../commands.js";
import { messages } from "../messages.js";
import { categories, groups, ownIdeas } from "../queries.js";
import { MineStaffQuery, MultipartForm } from "../schema.js";
import { submitterKeyFor } from "../tokens.js";
import { EmployeeIdeaPage, MyIdeasPage, type EmployeeForm } from "./views.js";
import type { StaffHelpers } from "./shared.js";

export function employeeIdeaRoutes(app: TypedApp, ctx: ModuleContext, deps: IdeaDeps, h: StaffHelpers): void {
  const { org, config } = ctx;
  const db = deps.db;
  const { userOf } = h;
  // ---- An employee's own ideas ------------------------------------------------------------

  const renderEmployeeForm = async (
    request: TypedRequest,
    reply: FastifyReply,
    form: EmployeeForm,
    errors: readonly FieldError[],
    status = 200,
  ) => {
    const say = sayer(messages, request.lang);
    const [c, g] = await Promise.all([categories(db, org.id), groups(db, org.id)]);
    return sendPage(
      request,
      reply,
      { title: say("new.title"), side: "staff", hasErrors: errors.length > 0, status },
      (page) => (
        <EmployeeIdeaPage
          ctx={page}
          form={form}
          errors={errors}
          categories={c
            .filter((x) => x.active)
            .map((x) => ({ value: x.id, label: request.lang === "sv" ? x.name_sv : x.name_en }))}
          groups={g.filter((x) => x.active).map((x) => ({ value: x.id, label: x.name, theme: x.theme }))}
        />
      ),
    );
  };

  app.get("/arbetsyta/forslag/nytt", { config: { access: "ideas.submit" } }, (request, reply) =>
    renderEmployeeForm(request, reply, { title: "", description: "", category: "", group: "", anonymous: false }, []),
  );

  app.post(
    "/arbetsyta/forslag/nytt",
    { config: { access: "ideas.submit" }, schema: { body: MultipartForm } },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError("KS_UNSUPPORTED_MEDIA");
      const say = sayer(messages, request.lang);
      const user = userOf(request);
      const body = request.body;
      const form: EmployeeForm = {
        title: clip(multipartField(body, "title"), 1000),
        description: clip(multipartField(body, "description"), 20_000),
        category: multipartField(body, "category"),
        group: multipartField(body, "group"),
        anonymous: multipartField(body, "anonymous") === "1",
      };
      const errors: FieldError[] = [];
      const [c, g] = await Promise.all([categories(db, org.id), groups(db, org.id)]);
      if (form.category && !c.some((x) => x.id === form.category && x.active))
        errors.push({ field: "category", message: say("error.category") });
      if (form.group && !g.some((x) => x.id === form.group && x.active))
        errors.push({ field: "group", message: say("error.group.choose") });
      const attachment = await readIdeaAttachment(body, request.lang, errors);
      if (errors.length > 0) return renderEmployeeForm(request, reply, form, errors, 400);
      const r = await submitIdea(
        deps,
        userActor(request, org.id),
        {
          orgId: org.id,
          source: "employee",
          title: form.title,
          description: form.description,
          categoryId: form.category || null,
          userId: user.id,
          submitterName: user.name,
          anonymous: form.anonymous,
          groupId: form.group || null,
          attachment,
        },
        request.lang,
      );
      if (!r.ok) return renderEmployeeForm(request, reply, form, errorsOf(r), 400);
      return reply.redirect(`/arbetsyta/forslag/mina?skickat=${r.value.number}`, 303);
    },
  );

  app.get(
    "/arbetsyta/forslag/mina",
    {
      config: { access: "ideas.submit" },
      schema: { querystring: MineStaffQuery },
    },
    async (request, reply) => {
      const user = userOf(request);
      const rows = await ownIdeas(db, org.id, user.id, submitterKeyFor(config.sessionSecret, user.id));
      return sendPage(
        request,
        reply,
        { title: sayer(messages, request.lang)("myIdeas.title"), side: "staff" },
        (page) => <MyIdeasPage ctx={page} rows={rows} sent={request.query.skickat} />,
      );
    },
  );
}
