/** One idea in the workspace: its page, its attachment and the handling forms (answer, move, progress, link, moderation). */
import type { ModuleContext } from "../../../app/module.js";
import { IdParams, type FastifyReply, type TypedApp, type TypedRequest } from "../../../platform/http/typed.js";
import { sayer } from "../../../platform/i18n/messages.js";
import { sendPage } from "../../../platform/http/page.js";
import { AppError } from "../../../platform/errors.js";
import { checkText, presentAnalysis } from "../../klarsprak/index.js";
import {
  addLink,
  changeState,
  errorsOf,
  moderateIdea,
  moveIdea,
  setProgress,
  type IdeaDeps,
  type Result,
} from "../commands.js";
import { messages } from "../messages.js";
import { ideaPolicies } from "../policies.js";
import { deliveries, followerCount, ideaLinks, states, timeline, type IdeaDetail } from "../queries.js";
import { DoneQuery, HandleBody } from "../schema.js";
import { StaffIdeaPage, type StaffIdeaState } from "./views.js";
import type { StaffHelpers } from "./shared.js";

type HandleForm = TypedRequest<{ body: typeof HandleBody }>["body"];
const EMPTY_STATE: StaffIdeaState = { errors: [], answer: "", stateId: "", decidedBy: "", analysis: null };

export function staffIdeaRoutes(app: TypedApp, ctx: ModuleContext, deps: IdeaDeps, h: StaffHelpers): void {
  const { org } = ctx;
  const db = deps.db;
  const { userOf, actorOf, suggestOwner, access, ownerOptions } = h;
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
}
