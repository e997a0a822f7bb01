/** Workspace routes for ideas: the board, an idea and its answers, employees' ideas, settings, measures. */
import type { ModuleContext } from "../../../app/module.js";
import { IdParams, Uuid, type FastifyReply, type TypedApp, type TypedRequest } from "../../../platform/http/typed.js";
import { sayer } from "../../../platform/i18n/messages.js";
import { sendPage } from "../../../platform/http/page.js";
import { audit } from "../../../platform/audit/audit.js";
import type { SessionUser } from "../../../platform/auth/session-user.js";
import { AppError } from "../../../platform/errors.js";
import { clip, slugify } from "../../../platform/text.js";
import type { FieldError } from "../../../views/context.js";
import { userActor } from "../../../platform/http/actor.js";
import { sniffType } from "../../../platform/http/sniff.js";
import { multipartField, multipartFiles } from "../../../platform/http/multipart.js";
import { checkText, presentAnalysis } from "../../klarsprak/index.js";
import {
  addLink,
  changeState,
  errorsOf,
  moderateIdea,
  moveIdea,
  setProgress,
  submitIdea,
  type IdeaDeps,
  type Result,
} from "../commands.js";
import { messages } from "../messages.js";
import { canHandle, ideaPolicies } from "../policies.js";
import {
  board,
  categories,
  deliveries,
  followerCount,
  groupIdsOf,
  groups,
  ideaById,
  ideaLinks,
  measures,
  ownIdeas,
  PAGE_SIZE,
  states,
  timeline,
  units,
  type IdeaDetail,
} from "../queries.js";
import { ownerSuggester } from "../routing.js";
import {
  BoardQuery,
  CategoryBody,
  DoneQuery,
  GroupBody,
  HandleBody,
  MeasuresQuery,
  MemberBody,
  MineStaffQuery,
  MultipartForm,
  StateBody,
} from "../schema.js";
import { submitterKeyFor } from "../tokens.js";
import {
  BoardPage,
  EmployeeIdeaPage,
  MeasuresPage,
  MyIdeasPage,
  SettingsPage,
  StaffIdeaPage,
  type EmployeeForm,
  type StaffIdeaState,
} from "./views.js";

type HandleForm = TypedRequest<{ body: typeof HandleBody }>["body"];
/** "Saved" after a redirect (`?klart=1`), also when a posted form comes back with its errors. */
const doneOf = (query: unknown): string | undefined => DoneQuery.safeParse(query).data?.klart;
const EMPTY_STATE: StaffIdeaState = { errors: [], answer: "", stateId: "", decidedBy: "", analysis: null };

export function ideaStaffRoutes(app: TypedApp, ctx: ModuleContext, deps: IdeaDeps): void {
  const { org, config } = ctx;
  const db = deps.db;
  const userOf = (request: TypedRequest): SessionUser => {
    if (!request.user) throw new AppError("KS_UNAUTHENTICATED");
    return request.user;
  };
  const actorOf = (request: TypedRequest) => ({ ...userActor(request, org.id), userId: userOf(request).id });
  const suggestOwner = ownerSuggester(db, org.id);
  const isSubmitter = (user: SessionUser, idea: IdeaDetail) =>
    idea.submitterUserId === user.id || idea.submitterKey === submitterKeyFor(config.sessionSecret, user.id);

  /** The idea, and what this person may do with it; nobody else learns that it exists. */
  async function access(request: TypedRequest, id: string) {
    const user = userOf(request);
    const idea = await ideaById(db, org.id, id);
    if (!idea) throw new AppError("KS_NOT_FOUND");
    const handles = canHandle(user, idea, await groupIdsOf(db, user.id));
    const own = isSubmitter(user, idea);
    if (!handles && !own) throw new AppError("KS_NOT_FOUND");
    return { user, idea, handles, own, moderates: ideaPolicies["moderate"]?.(user) === true };
  }

  const ownerOptions = async (request: TypedRequest) => {
    const say = sayer(messages, request.lang);
    const [u, g] = await Promise.all([units(db, org.id), groups(db, org.id)]);
    return [
      ...u.map((x) => ({ value: `unit:${x.id}`, label: x.name })),
      ...g
        .filter((x) => x.active)
        .map((x) => ({ value: `group:${x.id}`, label: say("staff.owner.group", { name: x.name }) })),
    ];
  };

  // ---- The board --------------------------------------------------------------------------

  app.get(
    "/arbetsyta/forslag",
    { config: { access: "ideas.work" }, schema: { querystring: BoardQuery } },
    async (request, reply) => {
      const user = userOf(request);
      const q = request.query;
      const view = q.vy ?? "open";
      const page = q.sida ?? 1;
      const result = await board(db, org.id, user, await groupIdsOf(db, user.id), { view, q: q.q, page });
      return sendPage(
        request,
        reply,
        { title: sayer(messages, request.lang)("board.title"), side: "staff" },
        (pageCtx) => (
          <BoardPage
            ctx={pageCtx}
            view={view}
            q={q.q ?? ""}
            rows={result.rows}
            total={result.total}
            page={page}
            pageSize={PAGE_SIZE}
            counts={result.counts}
          />
        ),
      );
    },
  );

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
      let attachment: { filename: string; contentType: string; data: Buffer } | undefined;
      const [f] = multipartFiles(body, "file");
      if (f) {
        const data = await f.toBuffer();
        const type = sniffType(data);
        if (!type) errors.push({ field: "file", message: say("error.file.type", { filename: f.filename }) });
        else attachment = { filename: f.filename, contentType: type, data };
      }
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

  // ---- Measures -------------------------------------------------------------------------

  app.get(
    "/arbetsyta/forslag/matt",
    {
      config: { access: "ideas.measures" },
      schema: { querystring: MeasuresQuery },
    },
    async (request, reply) => {
      const months = Number(request.query.manader ?? "12");
      const from = new Date();
      from.setMonth(from.getMonth() - months);
      const rows = await measures(db, org.id, from, sayer(messages, request.lang)("measures.noOwner"));
      return sendPage(
        request,
        reply,
        { title: sayer(messages, request.lang)("measures.title"), side: "staff" },
        (page) => <MeasuresPage ctx={page} rows={rows} months={months} />,
      );
    },
  );

  // ---- One idea -------------------------------------------------------------------------

  const renderIdea = async (
    request: TypedRequest,
    reply: FastifyReply,
    id: string,
    form: StaffIdeaState,
    status = 200,
  ) => {
    const say = sayer(messages, request.lang);
    const a = await access(request, id);
    const { idea } = a;
    const [steps, sent, followers, links, stateRows, owners] = await Promise.all([
      timeline(db, idea.id, false),
      a.handles ? deliveries(db, idea.id) : Promise.resolve([]),
      followerCount(db, idea.id),
      ideaLinks(db, idea.id),
      states(db, org.id),
      ownerOptions(request),
    ]);
    const suggestion =
      a.handles && idea.status !== "unconfirmed" ? await suggestOwner(`${idea.title}\n${idea.description}`) : null;
    const suggestionLabel = suggestion ? owners.find((o) => o.value === suggestion.key)?.label : undefined;
    // An anonymous employee is anonymous to everyone handling the idea; the submitter sees "you".
    const submitter = idea.anonymous
      ? say(a.own ? "staff.submitter.you" : "staff.submitter.anonymous")
      : idea.source === "employee"
        ? say("staff.submitter.employee", { name: idea.submitterName ?? say("staff.submitter.employeeUnnamed") })
        : [idea.submitterName, idea.submitterEmail].filter(Boolean).join(", ") || say("staff.submitter.resident");
    return sendPage(
      request,
      reply,
      {
        title: say("staff.idea.title", { number: idea.number }),
        side: "staff",
        hasErrors: form.errors.length > 0,
        status,
        scripts: ["/static/js/klarsprak-editor.js"],
      },
      (page) => (
        <StaffIdeaPage
          ctx={page}
          idea={idea}
          steps={a.handles ? steps : steps.filter((s) => s.public)}
          deliveries={sent}
          followers={followers}
          links={links}
          canHandle={a.handles}
          canModerate={a.moderates}
          states={stateRows.map((s) => ({
            value: s.id,
            label: say("staff.state.option", {
              name: s.name_sv,
              hidden: s.is_public ? "no" : "yes",
              silent: s.notifies ? "no" : "yes",
            }),
          }))}
          owners={owners}
          suggestion={
            suggestion &&
            suggestionLabel &&
            suggestion.key !== (idea.groupId ? `group:${idea.groupId}` : `unit:${idea.unitId}`)
              ? { label: suggestionLabel, confidence: suggestion.confidence }
              : null
          }
          submitter={submitter}
          form={form}
        />
      ),
    );
  };

  app.get(
    "/arbetsyta/forslag/:id",
    { config: { access: "ideas.work" }, schema: { params: IdParams, querystring: DoneQuery } },
    (request, reply) => renderIdea(request, reply, request.params.id, { ...EMPTY_STATE, done: request.query.klart }),
  );

  app.get(
    "/arbetsyta/forslag/:id/fil",
    { config: { access: "ideas.work" }, schema: { params: IdParams } },
    async (request, reply) => {
      const a = await access(request, request.params.id);
      const f = await db
        .selectFrom("idea_attachments")
        .select(["filename", "content_type", "data"])
        .where("idea_id", "=", a.idea.id)
        .orderBy("created_at")
        .executeTakeFirst();
      if (!f) throw new AppError("KS_NOT_FOUND");
      return reply
        .header("content-type", f.content_type)
        .header("content-disposition", `attachment; filename="${f.filename.replace(/[^\w.-]/g, "_")}"`)
        .header("x-content-type-options", "nosniff")
        .header("cache-control", "private, no-store")
        .send(f.data);
    },
  );

  /** Runs a handling command for someone who may handle the idea; on problems the page comes back with them. */
  const handle = (
    path: string,
    run: (request: TypedRequest, idea: IdeaDetail, b: HandleForm) => Promise<Result<unknown>>,
    done: string,
  ) => {
    app.post(
      `/arbetsyta/forslag/:id/${path}`,
      { config: { access: "ideas.work" }, schema: { params: IdParams, body: HandleBody } },
      async (request, reply) => {
        const a = await access(request, request.params.id);
        if (!a.handles && !(path === "granska" && a.moderates)) throw new AppError("KS_FORBIDDEN");
        const b = request.body;
        const r = await run(request, a.idea, b);
        if (!r.ok) {
          const answer = b.answer;
          return renderIdea(
            request,
            reply,
            a.idea.id,
            {
              errors: errorsOf(r),
              answer,
              stateId: b.stateId,
              decidedBy: b.decidedBy,
              analysis: answer.trim() ? presentAnalysis(checkText(answer), request.lang) : null,
            },
            400,
          );
        }
        return reply.redirect(`/arbetsyta/forslag/${a.idea.id}?klart=${path === "granska" ? b.action : done}`, 303);
      },
    );
  };

  handle(
    "besked",
    (request, idea, b) =>
      changeState(
        deps,
        actorOf(request),
        org.id,
        idea.id,
        { stateId: b.stateId, answer: b.answer, decidedBy: b.decidedBy },
        request.lang,
      ),
    "state",
  );
  handle(
    "flytta",
    (request, idea, b) => {
      const [kind, id] = b.owner.split(":");
      const to =
        kind === "unit" && id
          ? { unitId: id, groupId: null }
          : kind === "group" && id
            ? { unitId: null, groupId: id }
            : { unitId: null, groupId: null };
      return moveIdea(deps, actorOf(request), org.id, idea.id, to, b.reason, request.lang);
    },
    "moved",
  );
  handle(
    "framsteg",
    (request, idea, b) => {
      const raw = b.progress.trim();
      return setProgress(
        deps,
        actorOf(request),
        org.id,
        idea.id,
        /^\d{1,3}$/.test(raw) ? Number(raw) : Number.NaN,
        b.progressNote,
        request.lang,
      );
    },
    "progress",
  );
  handle(
    "lank",
    (request, idea, b) =>
      addLink(
        deps,
        actorOf(request),
        org.id,
        idea.id,
        { kind: b.linkKind, title: b.linkTitle, url: b.linkUrl },
        request.lang,
      ),
    "link",
  );
  handle(
    "granska",
    (request, idea, b) => {
      const action = b.action === "reject" ? "reject" : "clear";
      if (ideaPolicies["moderate"]?.(userOf(request)) !== true) throw new AppError("KS_FORBIDDEN");
      return moderateIdea(
        deps,
        actorOf(request),
        org.id,
        idea.id,
        { action, reason: b.moderationReason, title: b.title, description: b.description },
        request.lang,
      );
    },
    "clear",
  );

  // ---- Settings: states, innovation groups, categories ----------------------------------------

  const renderSettings = async (
    request: TypedRequest,
    reply: FastifyReply,
    errors: readonly FieldError[],
    status = 200,
  ) => {
    const [s, c, g, owners, staff] = await Promise.all([
      states(db, org.id, false),
      categories(db, org.id),
      groups(db, org.id),
      ownerOptions(request),
      db
        .selectFrom("staff_users")
        .select(["id", "name", "email"])
        .where("org_id", "=", org.id)
        .where("active", "=", true)
        .orderBy("name")
        .execute(),
    ]);
    return sendPage(
      request,
      reply,
      { title: sayer(messages, request.lang)("settings.title"), side: "staff", hasErrors: errors.length > 0, status },
      (page) => (
        <SettingsPage
          ctx={page}
          errors={errors}
          done={doneOf(request.query)}
          data={{
            states: s,
            categories: c,
            groups: g,
            owners,
            staff: staff.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
          }}
        />
      ),
    );
  };
  app.get(
    "/arbetsyta/admin/forslag",
    { config: { access: "ideas.configure" }, schema: { querystring: DoneQuery } },
    (request, reply) => renderSettings(request, reply, []),
  );

  app.post(
    "/arbetsyta/admin/forslag/lage",
    { config: { access: "ideas.configure" }, schema: { body: StateBody } },
    async (request, reply) => {
      const say = sayer(messages, request.lang);
      const b = request.body;
      const nameSv = b.nameSv.trim();
      const nameEn = b.nameEn.trim() || nameSv;
      const position = b.position.trim();
      const errors: FieldError[] = [];
      if (!nameSv || nameSv.length > 80) errors.push({ field: "nameSv", message: say("error.name", { max: 80 }) });
      if (position && !/^\d{1,4}$/.test(position)) errors.push({ field: "position", message: say("error.position") });
      if (errors.length > 0) return renderSettings(request, reply, errors, 400);
      const flags = {
        is_public: b.isPublic === "1",
        notifies: b.notifies === "1",
        is_closed: b.isClosed === "1",
        is_initial: b.isInitial === "1",
        is_implemented: b.isImplemented === "1",
        shows_progress: b.showsProgress === "1",
        active: b.active === "1",
      };
      const stateId = b.stateId;
      await db.transaction().execute(async (trx) => {
        if (flags.is_initial)
          await trx.updateTable("idea_states").set({ is_initial: false }).where("org_id", "=", org.id).execute();
        if (stateId && Uuid.safeParse(stateId).success) {
          await trx
            .updateTable("idea_states")
            .set({ name_sv: nameSv, name_en: nameEn, ...flags, ...(position ? { position: Number(position) } : {}) })
            .where("org_id", "=", org.id)
            .where("id", "=", stateId)
            .execute();
        } else {
          let slug = slugify(nameSv, 60) || "lage";
          if (
            await trx
              .selectFrom("idea_states")
              .select("id")
              .where("org_id", "=", org.id)
              .where("slug", "=", slug)
              .executeTakeFirst()
          )
            slug = `${slug}-${Date.now().toString(36)}`;
          await trx
            .insertInto("idea_states")
            .values({
              org_id: org.id,
              slug,
              name_sv: nameSv,
              name_en: nameEn,
              ...flags,
              position: position ? Number(position) : 100,
            })
            .execute();
        }
        await audit(trx, userActor(request, org.id), {
          action: "idea.settings.state",
          subjectType: "idea_state",
          subjectId: stateId || undefined,
          details: { name: nameSv, ...flags },
        });
      });
      return reply.redirect("/arbetsyta/admin/forslag?klart=1", 303);
    },
  );

  app.post(
    "/arbetsyta/admin/forslag/grupp",
    { config: { access: "ideas.configure" }, schema: { body: GroupBody } },
    async (request, reply) => {
      const say = sayer(messages, request.lang);
      const name = request.body.groupName.trim();
      const theme = request.body.groupTheme.trim();
      const errors: FieldError[] = [];
      if (!name || name.length > 120) errors.push({ field: "groupName", message: say("error.name", { max: 120 }) });
      if (theme.length > 300) errors.push({ field: "groupTheme", message: say("error.theme") });
      if (errors.length > 0) return renderSettings(request, reply, errors, 400);
      await db.transaction().execute(async (trx) => {
        let slug = slugify(name, 60) || "x";
        if (
          await trx
            .selectFrom("idea_groups")
            .select("id")
            .where("org_id", "=", org.id)
            .where("slug", "=", slug)
            .executeTakeFirst()
        )
          slug = `${slug}-${Date.now().toString(36)}`;
        const g = await trx
          .insertInto("idea_groups")
          .values({ org_id: org.id, slug, name, theme })
          .returning("id")
          .executeTakeFirstOrThrow();
        await audit(trx, userActor(request, org.id), {
          action: "idea.settings.group",
          subjectType: "idea_group",
          subjectId: g.id,
          details: { name },
        });
      });
      return reply.redirect("/arbetsyta/admin/forslag?klart=1", 303);
    },
  );

  app.post(
    "/arbetsyta/admin/forslag/medlem",
    { config: { access: "ideas.configure" }, schema: { body: MemberBody } },
    async (request, reply) => {
      const say = sayer(messages, request.lang);
      const b = request.body;
      const { groupId, userId } = b;
      const valid = (id: string) => Uuid.safeParse(id).success;
      const group = valid(groupId)
        ? await db
            .selectFrom("idea_groups")
            .select("id")
            .where("org_id", "=", org.id)
            .where("id", "=", groupId)
            .executeTakeFirst()
        : undefined;
      const user = valid(userId)
        ? await db
            .selectFrom("staff_users")
            .select("id")
            .where("org_id", "=", org.id)
            .where("id", "=", userId)
            .executeTakeFirst()
        : undefined;
      if (!group || !user)
        return renderSettings(
          request,
          reply,
          [
            {
              field: group ? "userId" : "groupId",
              message: say(group ? "error.member.choose" : "error.group.choose"),
            },
          ],
          400,
        );
      await db.transaction().execute(async (trx) => {
        if (b.action === "remove")
          await trx
            .deleteFrom("idea_group_members")
            .where("group_id", "=", group.id)
            .where("user_id", "=", user.id)
            .execute();
        else
          await trx
            .insertInto("idea_group_members")
            .values({ org_id: org.id, group_id: group.id, user_id: user.id })
            .onConflict((oc) => oc.doNothing())
            .execute();
        await audit(trx, userActor(request, org.id), {
          action: `idea.settings.member.${b.action === "remove" ? "remove" : "add"}`,
          subjectType: "idea_group",
          subjectId: group.id,
          details: { userId: user.id },
        });
      });
      return reply.redirect("/arbetsyta/admin/forslag?klart=1", 303);
    },
  );

  app.post(
    "/arbetsyta/admin/forslag/omrade",
    { config: { access: "ideas.configure" }, schema: { body: CategoryBody } },
    async (request, reply) => {
      const say = sayer(messages, request.lang);
      const b = request.body;
      const name = b.categoryName.trim();
      const nameEn = b.categoryNameEn.trim() || name;
      const [kind, id] = b.categoryOwner.split(":");
      const errors: FieldError[] = [];
      if (!name || name.length > 80) errors.push({ field: "categoryName", message: say("error.name", { max: 80 }) });
      const owners = await ownerOptions(request);
      if (b.categoryOwner && !owners.some((o) => o.value === b.categoryOwner))
        errors.push({ field: "categoryOwner", message: say("error.chooseFromList") });
      if (errors.length > 0) return renderSettings(request, reply, errors, 400);
      await db.transaction().execute(async (trx) => {
        let slug = slugify(name, 60) || "x";
        if (
          await trx
            .selectFrom("idea_categories")
            .select("id")
            .where("org_id", "=", org.id)
            .where("slug", "=", slug)
            .executeTakeFirst()
        )
          slug = `${slug}-${Date.now().toString(36)}`;
        const c = await trx
          .insertInto("idea_categories")
          .values({
            org_id: org.id,
            slug,
            name_sv: name,
            name_en: nameEn,
            unit_id: kind === "unit" ? (id ?? null) : null,
            group_id: kind === "group" ? (id ?? null) : null,
            position: 100,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await audit(trx, userActor(request, org.id), {
          action: "idea.settings.category",
          subjectType: "idea_category",
          subjectId: c.id,
          details: { name },
        });
      });
      return reply.redirect("/arbetsyta/admin/forslag?klart=1", 303);
    },
  );
}
