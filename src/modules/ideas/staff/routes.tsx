/** Workspace routes for ideas: the board, an idea and its answers, employees' ideas, settings, measures. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import { audit } from "../../../platform/audit/audit.js";
import type { SessionUser } from "../../../platform/auth/session-user.js";
import { AppError } from "../../../platform/errors.js";
import { clip, slugify } from "../../../platform/text.js";
import type { FieldError } from "../../../views/context.js";
import { userActor } from "../../../platform/http/actor.js";
import { sniffType } from "../../../platform/http/sniff.js";
import { multipartField, multipartFiles, type MultipartBody } from "../../../platform/http/multipart.js";
import { checkText, presentAnalysis } from "../../klarsprak/index.js";
import { addLink, changeState, moderateIdea, moveIdea, setProgress, submitIdea, type IdeaDeps } from "../commands.js";
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

type Body = Record<string, string | string[] | undefined>;
const one = (b: Body, k: string): string => {
  const v = b[k];
  return (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).toString();
};
const ID = z.object({ id: z.string().uuid() });
const EMPTY_STATE: StaffIdeaState = { errors: [], answer: "", stateId: "", decidedBy: "", analysis: null };

export function ideaStaffRoutes(app: FastifyInstance, ctx: ModuleContext, deps: IdeaDeps): void {
  const { org, config } = ctx;
  const db = deps.db;
  const userOf = (request: FastifyRequest): SessionUser => {
    if (!request.user) throw new AppError("KS_UNAUTHENTICATED");
    return request.user;
  };
  const actorOf = (request: FastifyRequest) => ({ ...userActor(request, org.id), userId: userOf(request).id });
  const suggestOwner = ownerSuggester(db, org.id);
  const isSubmitter = (user: SessionUser, idea: IdeaDetail) =>
    idea.submitterUserId === user.id || idea.submitterKey === submitterKeyFor(config.sessionSecret, user.id);

  /** The idea, and what this person may do with it; nobody else learns that it exists. */
  async function access(request: FastifyRequest, id: string) {
    const user = userOf(request);
    const idea = await ideaById(db, org.id, id);
    if (!idea) throw new AppError("KS_NOT_FOUND");
    const handles = canHandle(user, idea, await groupIdsOf(db, user.id));
    const own = isSubmitter(user, idea);
    if (!handles && !own) throw new AppError("KS_NOT_FOUND");
    return { user, idea, handles, own, moderates: ideaPolicies["moderate"]?.(user) === true };
  }

  const ownerOptions = async () => {
    const [u, g] = await Promise.all([units(db, org.id), groups(db, org.id)]);
    return [
      ...u.map((x) => ({ value: `unit:${x.id}`, label: x.name })),
      ...g.filter((x) => x.active).map((x) => ({ value: `group:${x.id}`, label: `${x.name} (innovationsgrupp)` })),
    ];
  };

  // ---- The board --------------------------------------------------------------------------

  const BOARD_QUERY = z.object({
    vy: z.enum(["open", "overdue", "held", "unconfirmed", "closed", "all"]).optional(),
    q: z.string().max(200).optional(),
    sida: z.coerce.number().int().min(1).max(10_000).optional(),
  });
  app.get(
    "/arbetsyta/forslag",
    { config: { access: "ideas.work" }, schema: { querystring: BOARD_QUERY } },
    async (request, reply) => {
      const user = userOf(request);
      const q = request.query as z.infer<typeof BOARD_QUERY>;
      const view = q.vy ?? "open";
      const page = q.sida ?? 1;
      const result = await board(db, org.id, user, await groupIdsOf(db, user.id), { view, q: q.q, page });
      return sendPage(request, reply, { title: "Förslag", side: "staff" }, (pageCtx) => (
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
      ));
    },
  );

  // ---- An employee's own ideas ------------------------------------------------------------

  const renderEmployeeForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: EmployeeForm,
    errors: FieldError[],
    status = 200,
  ) => {
    const [c, g] = await Promise.all([categories(db, org.id), groups(db, org.id)]);
    return sendPage(
      request,
      reply,
      { title: "Skicka ett förslag", side: "staff", hasErrors: errors.length > 0, status },
      (page) => (
        <EmployeeIdeaPage
          ctx={page}
          form={form}
          errors={errors}
          categories={c.filter((x) => x.active).map((x) => ({ value: x.id, label: x.name_sv }))}
          groups={g.filter((x) => x.active).map((x) => ({ value: x.id, label: x.name, theme: x.theme }))}
        />
      ),
    );
  };

  app.get("/arbetsyta/forslag/nytt", { config: { access: "ideas.submit" } }, (request, reply) =>
    renderEmployeeForm(request, reply, { title: "", description: "", category: "", group: "", anonymous: false }, []),
  );

  app.post("/arbetsyta/forslag/nytt", { config: { access: "ideas.submit" } }, async (request, reply) => {
    if (!request.isMultipart()) throw new AppError("KS_UNSUPPORTED_MEDIA");
    const user = userOf(request);
    const body = request.body as MultipartBody;
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
      errors.push({ field: "category", message: "Välj ett område i listan" });
    if (form.group && !g.some((x) => x.id === form.group && x.active))
      errors.push({ field: "group", message: "Välj en grupp i listan" });
    let attachment: { filename: string; contentType: string; data: Buffer } | undefined;
    const [f] = multipartFiles(body, "file");
    if (f) {
      const data = await f.toBuffer();
      const type = sniffType(data);
      if (!type)
        errors.push({
          field: "file",
          message: `Filen ${f.filename} går inte att ta emot. Skicka pdf, jpg, png, gif eller webp.`,
        });
      else attachment = { filename: f.filename, contentType: type, data };
    }
    if (errors.length > 0) return renderEmployeeForm(request, reply, form, errors, 400);
    const r = await submitIdea(deps, userActor(request, org.id), {
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
    });
    if (!r.ok) return renderEmployeeForm(request, reply, form, r.problems, 400);
    return reply.redirect(`/arbetsyta/forslag/mina?skickat=${r.value.number}`, 303);
  });

  app.get(
    "/arbetsyta/forslag/mina",
    {
      config: { access: "ideas.submit" },
      schema: {
        querystring: z.object({
          skickat: z
            .string()
            .regex(/^IDE-\d{4}-\d{6}$/)
            .optional(),
        }),
      },
    },
    async (request, reply) => {
      const user = userOf(request);
      const rows = await ownIdeas(db, org.id, user.id, submitterKeyFor(config.sessionSecret, user.id));
      return sendPage(request, reply, { title: "Mina förslag", side: "staff" }, (page) => (
        <MyIdeasPage ctx={page} rows={rows} sent={(request.query as { skickat?: string }).skickat} />
      ));
    },
  );

  // ---- Measures -------------------------------------------------------------------------

  app.get(
    "/arbetsyta/forslag/matt",
    {
      config: { access: "ideas.measures" },
      schema: { querystring: z.object({ manader: z.enum(["3", "12", "36"]).optional() }) },
    },
    async (request, reply) => {
      const months = Number((request.query as { manader?: string }).manader ?? "12");
      const from = new Date();
      from.setMonth(from.getMonth() - months);
      const rows = await measures(db, org.id, from);
      return sendPage(request, reply, { title: "Mått för förslag", side: "staff" }, (page) => (
        <MeasuresPage ctx={page} rows={rows} months={months} />
      ));
    },
  );

  // ---- One idea -------------------------------------------------------------------------

  const renderIdea = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    form: StaffIdeaState,
    status = 200,
  ) => {
    const a = await access(request, id);
    const { idea } = a;
    const [steps, sent, followers, links, stateRows, owners] = await Promise.all([
      timeline(db, idea.id, false),
      a.handles ? deliveries(db, idea.id) : Promise.resolve([]),
      followerCount(db, idea.id),
      ideaLinks(db, idea.id),
      states(db, org.id),
      ownerOptions(),
    ]);
    const suggestion =
      a.handles && idea.status !== "unconfirmed" ? await suggestOwner(`${idea.title}\n${idea.description}`) : null;
    const suggestionLabel = suggestion ? owners.find((o) => o.value === suggestion.key)?.label : undefined;
    // An anonymous employee is anonymous to everyone handling the idea; the submitter sees "you".
    const submitter = idea.anonymous
      ? a.own
        ? "Du (utan ditt namn)"
        : "Anonym medarbetare"
      : idea.source === "employee"
        ? `${idea.submitterName ?? "Medarbetare"} (medarbetare)`
        : [idea.submitterName, idea.submitterEmail].filter(Boolean).join(", ") || "Invånare";
    return sendPage(
      request,
      reply,
      {
        title: `Förslag ${idea.number}`,
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
            label: `${s.name_sv}${s.is_public ? "" : " (visas inte)"}${s.notifies ? "" : " (inget besked)"}`,
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

  const DONE_QUERY = z.object({ klart: z.string().max(20).optional() });
  app.get(
    "/arbetsyta/forslag/:id",
    { config: { access: "ideas.work" }, schema: { params: ID, querystring: DONE_QUERY } },
    (request, reply) =>
      renderIdea(request, reply, (request.params as { id: string }).id, {
        ...EMPTY_STATE,
        done: (request.query as { klart?: string }).klart,
      }),
  );

  app.get(
    "/arbetsyta/forslag/:id/fil",
    { config: { access: "ideas.work" }, schema: { params: ID } },
    async (request, reply) => {
      const a = await access(request, (request.params as { id: string }).id);
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
    run: (
      request: FastifyRequest,
      idea: IdeaDetail,
      b: Body,
    ) => Promise<{ ok: true } | { ok: false; problems: FieldError[] }>,
    done: string,
  ) => {
    app.post(
      `/arbetsyta/forslag/:id/${path}`,
      { config: { access: "ideas.work" }, schema: { params: ID } },
      async (request, reply) => {
        const a = await access(request, (request.params as { id: string }).id);
        if (!a.handles && !(path === "granska" && a.moderates)) throw new AppError("KS_FORBIDDEN");
        const b = request.body as Body;
        const r = await run(request, a.idea, b);
        if (!r.ok) {
          const answer = one(b, "answer");
          return renderIdea(
            request,
            reply,
            a.idea.id,
            {
              errors: r.problems,
              answer,
              stateId: one(b, "stateId"),
              decidedBy: one(b, "decidedBy"),
              analysis: answer.trim() ? presentAnalysis(checkText(answer), request.lang) : null,
            },
            400,
          );
        }
        return reply.redirect(
          `/arbetsyta/forslag/${a.idea.id}?klart=${path === "granska" ? one(b, "action") : done}`,
          303,
        );
      },
    );
  };

  handle(
    "besked",
    (request, idea, b) =>
      changeState(deps, actorOf(request), org.id, idea.id, {
        stateId: one(b, "stateId"),
        answer: one(b, "answer"),
        decidedBy: one(b, "decidedBy"),
      }),
    "state",
  );
  handle(
    "flytta",
    (request, idea, b) => {
      const [kind, id] = one(b, "owner").split(":");
      const to =
        kind === "unit" && id
          ? { unitId: id, groupId: null }
          : kind === "group" && id
            ? { unitId: null, groupId: id }
            : { unitId: null, groupId: null };
      return moveIdea(deps, actorOf(request), org.id, idea.id, to, one(b, "reason"));
    },
    "moved",
  );
  handle(
    "framsteg",
    (request, idea, b) => {
      const raw = one(b, "progress").trim();
      return setProgress(
        deps,
        actorOf(request),
        org.id,
        idea.id,
        /^\d{1,3}$/.test(raw) ? Number(raw) : Number.NaN,
        one(b, "progressNote"),
      );
    },
    "progress",
  );
  handle(
    "lank",
    (request, idea, b) =>
      addLink(deps, actorOf(request), org.id, idea.id, {
        kind: one(b, "linkKind"),
        title: one(b, "linkTitle"),
        url: one(b, "linkUrl"),
      }),
    "link",
  );
  handle(
    "granska",
    (request, idea, b) => {
      const action = one(b, "action") === "reject" ? "reject" : "clear";
      if (ideaPolicies["moderate"]?.(userOf(request)) !== true) throw new AppError("KS_FORBIDDEN");
      return moderateIdea(deps, actorOf(request), org.id, idea.id, {
        action,
        reason: one(b, "moderationReason"),
        title: clip(one(b, "title"), 1000),
        description: clip(one(b, "description"), 20_000),
      });
    },
    "clear",
  );

  // ---- Settings: states, innovation groups, categories ----------------------------------------

  const renderSettings = async (request: FastifyRequest, reply: FastifyReply, errors: FieldError[], status = 200) => {
    const [s, c, g, owners, staff] = await Promise.all([
      states(db, org.id, false),
      categories(db, org.id),
      groups(db, org.id),
      ownerOptions(),
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
      { title: "Inställningar för förslag", side: "staff", hasErrors: errors.length > 0, status },
      (page) => (
        <SettingsPage
          ctx={page}
          errors={errors}
          done={(request.query as { klart?: string } | undefined)?.klart}
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
    { config: { access: "ideas.configure" }, schema: { querystring: DONE_QUERY } },
    (request, reply) => renderSettings(request, reply, []),
  );

  app.post("/arbetsyta/admin/forslag/lage", { config: { access: "ideas.configure" } }, async (request, reply) => {
    const b = request.body as Body;
    const nameSv = one(b, "nameSv").trim();
    const nameEn = one(b, "nameEn").trim() || nameSv;
    const position = one(b, "position").trim();
    const errors: FieldError[] = [];
    if (!nameSv || nameSv.length > 80) errors.push({ field: "nameSv", message: "Skriv ett namn, högst 80 tecken" });
    if (position && !/^\d{1,4}$/.test(position))
      errors.push({ field: "position", message: "Skriv platsen som ett heltal, till exempel 30" });
    if (errors.length > 0) return renderSettings(request, reply, errors, 400);
    const flags = {
      is_public: one(b, "isPublic") === "1",
      notifies: one(b, "notifies") === "1",
      is_closed: one(b, "isClosed") === "1",
      is_initial: one(b, "isInitial") === "1",
      is_implemented: one(b, "isImplemented") === "1",
      shows_progress: one(b, "showsProgress") === "1",
      active: one(b, "active") === "1",
    };
    const stateId = one(b, "stateId");
    await db.transaction().execute(async (trx) => {
      if (flags.is_initial)
        await trx.updateTable("idea_states").set({ is_initial: false }).where("org_id", "=", org.id).execute();
      if (stateId && /^[0-9a-f-]{36}$/.test(stateId)) {
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
  });

  app.post("/arbetsyta/admin/forslag/grupp", { config: { access: "ideas.configure" } }, async (request, reply) => {
    const b = request.body as Body;
    const name = one(b, "groupName").trim();
    const theme = one(b, "groupTheme").trim();
    const errors: FieldError[] = [];
    if (!name || name.length > 120) errors.push({ field: "groupName", message: "Skriv ett namn, högst 120 tecken" });
    if (theme.length > 300) errors.push({ field: "groupTheme", message: "Skriv temat med högst 300 tecken" });
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
  });

  app.post("/arbetsyta/admin/forslag/medlem", { config: { access: "ideas.configure" } }, async (request, reply) => {
    const b = request.body as Body;
    const groupId = one(b, "groupId");
    const userId = one(b, "userId");
    const valid = /^[0-9a-f-]{36}$/;
    const group = valid.test(groupId)
      ? await db
          .selectFrom("idea_groups")
          .select("id")
          .where("org_id", "=", org.id)
          .where("id", "=", groupId)
          .executeTakeFirst()
      : undefined;
    const user = valid.test(userId)
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
            message: group ? "Välj en medarbetare i listan" : "Välj en grupp i listan",
          },
        ],
        400,
      );
    await db.transaction().execute(async (trx) => {
      if (one(b, "action") === "remove")
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
        action: `idea.settings.member.${one(b, "action") === "remove" ? "remove" : "add"}`,
        subjectType: "idea_group",
        subjectId: group.id,
        details: { userId: user.id },
      });
    });
    return reply.redirect("/arbetsyta/admin/forslag?klart=1", 303);
  });

  app.post("/arbetsyta/admin/forslag/omrade", { config: { access: "ideas.configure" } }, async (request, reply) => {
    const b = request.body as Body;
    const name = one(b, "categoryName").trim();
    const nameEn = one(b, "categoryNameEn").trim() || name;
    const [kind, id] = one(b, "categoryOwner").split(":");
    const errors: FieldError[] = [];
    if (!name || name.length > 80) errors.push({ field: "categoryName", message: "Skriv ett namn, högst 80 tecken" });
    const owners = await ownerOptions();
    if (one(b, "categoryOwner") && !owners.some((o) => o.value === one(b, "categoryOwner")))
      errors.push({ field: "categoryOwner", message: "Välj i listan" });
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
  });
}
