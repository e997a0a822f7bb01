import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import type { FastifyReply, TypedApp, TypedRequest } from "../../../platform/http/typed.js";
import { sayer } from "../../../platform/i18n/messages.js";
import { hasRole } from "../../../platform/auth/policies.js";
import type { SessionUser } from "../../../platform/auth/session-user.js";
import { AppError } from "../../../platform/errors.js";
import { staffViewer } from "../../../platform/http/actor.js";
import type { FieldError } from "../../../views/context.js";
import { checkText, presentAnalysis } from "../../klarsprak/index.js";
import {
  changeStatus,
  latestUndoable,
  changeKind,
  markMinorImportance,
  markSecret,
  reclassifyConcern,
  REPORTER_NOTICES,
  replyToCase,
  routeCase,
  tellReporter,
  undoCaseAction,
  type HandleResult,
} from "../commands/handle.js";
import type { ReplyDeps } from "../commands/receive.js";
import {
  caseFor,
  caseSourceContent,
  closeOpening,
  isOpen,
  openCase,
  OPEN_PURPOSES,
  readCase,
  type CaseContent,
  type OpenPurpose,
} from "../door.js";
import { serviceLink, suggestServices } from "../../catalogue/index.js";
import { historyOf, savedAnswersFor, similarAnswers, withoutPersonalData } from "../queries.js";
import { READ_FOR_CASE_PAGE } from "../audit-words.js";
import { isInboxKey } from "../labels.js";
import { messages } from "../messages.js";
import {
  ConcernBody,
  CsrfBody,
  DoneQuery,
  FileParams,
  IdParams,
  KindBody,
  MinorBody,
  OpenBody,
  ReplyBody,
  ReporterBody,
  RouteBody,
  SecrecyBody,
  StatusBody,
  TemplateBody,
  UndoBody,
  UndoParams,
} from "../schema.js";
import { boardRoutes } from "./board.js";
import { CasePage } from "./views.js";

export { UNROUTED } from "./board.js";

/** The staff board and the case page with its forms. */
export function inboxStaffRoutes(app: TypedApp, ctx: ModuleContext, deps: ReplyDeps): void {
  boardRoutes(app, ctx);
  const { database, org, config } = ctx;
  const db = database.db;
  const units = () =>
    db.selectFrom("units").select(["id", "name"]).where("org_id", "=", org.id).orderBy("name").execute();

  /** The case as this person may see it; 404 when it does not exist, 403 when it is not theirs. */
  async function loadCase(request: TypedRequest, id: string) {
    const user = request.user as SessionUser;
    const found = await caseFor(db, user, id);
    if (!found) {
      const exists = await db
        .selectFrom("cases")
        .select("id")
        .where("org_id", "=", org.id)
        .where("id", "=", id)
        .executeTakeFirst();
      throw new AppError(exists ? "KS_FORBIDDEN" : "KS_NOT_FOUND");
    }
    return found;
  }

  type CaseState = { draft?: string; errors?: FieldError[]; notice?: string | undefined; status?: number };

  async function renderCase(request: TypedRequest, reply: FastifyReply, id: string, state: CaseState = {}) {
    const { meta, access } = await loadCase(request, id);
    const viewer = staffViewer(request, org.id);
    const open = meta.secret && access.read ? await isOpen(db, viewer.user, meta.id) : false;
    // Content only through the door: not secret → read it; secret → only inside an opening (audited).
    let content: CaseContent | undefined;
    if (access.read && (!meta.secret || open)) {
      const read = await readCase(db, viewer, meta.id, READ_FOR_CASE_PAGE);
      if (read.ok) content = read.value;
    }
    const [history, unitList, saved, undoable] = await Promise.all([
      historyOf(db, meta.id),
      units(),
      content ? savedAnswersFor(db, org.id, meta.unitId) : Promise.resolve([]),
      latestUndoable(db, meta.id),
    ]);
    const question =
      content?.messages
        .filter((m) => m.direction === "in")
        .map((m) => m.body)
        .join("\n") ?? "";
    const helping = content !== undefined && access.handle;
    const [similar, services] =
      helping && question
        ? await Promise.all([
            similarAnswers(
              db,
              org.id,
              question,
              meta.id,
              hasRole(viewer.user, "admin", "communicator") ? undefined : viewer.user.unitIds,
            ),
            suggestServices(db, org.id, config.publicUrl, `${content?.subject ?? ""} ${question}`),
          ])
        : [[], []];
    const draft = state.draft ?? "";
    const analysis = draft.trim() ? presentAnalysis(checkText(draft), request.lang) : null;
    const say = sayer(messages, request.lang);
    const purposes = (Object.keys(OPEN_PURPOSES) as OpenPurpose[]).filter((p) =>
      access.handle ? p !== "route" || access.route : p === "route",
    );
    return sendPage(
      request,
      reply,
      {
        title: say("case.title", { number: meta.number }),
        side: "staff",
        hasErrors: (state.errors?.length ?? 0) > 0,
        status: state.status ?? 200,
        scripts: ["/static/js/klarsprak-editor.js"],
      },
      (page) => (
        <CasePage
          ctx={page}
          meta={meta}
          access={access}
          content={content}
          openPurposes={purposes.map((p) => ({ value: p, label: say(`case.purpose.${p}`) }))}
          history={history}
          undoable={undoable && mayUndo(undoable.type, access) ? undoable : undefined}
          units={unitList}
          savedAnswers={saved.map((a) => ({ ...a, body: withoutPersonalData(a.body) }))}
          similar={similar}
          services={services}
          draft={draft}
          analysis={analysis}
          errors={state.errors ?? []}
          notice={state.notice}
          reporterNotices={(Object.keys(REPORTER_NOTICES) as (keyof typeof REPORTER_NOTICES)[]).map((value) => ({
            value,
            label: say(`case.reporter.${value}`),
          }))}
          postsHref={ctx.extensions.replyChannel(meta.channel)?.postsHref?.(meta.id)}
        />
      ),
    );
  }

  /** The notice after a done action (`?klart=svar`), in the page's language. */
  const NOTICES = [
    "svar",
    "anteckning",
    "flyttad",
    "lage",
    "oro",
    "sekretess",
    "oppnat",
    "stangt",
    "angrat",
    "anmalare",
    "typ",
  ];
  const noticeFor = (request: TypedRequest, klart: string | undefined): string | undefined => {
    const key = `notice.${klart ?? ""}`;
    return NOTICES.includes(klart ?? "") && isInboxKey(key) ? sayer(messages, request.lang)(key) : undefined;
  };
  const done = (reply: FastifyReply, id: string, notice: string) =>
    reply.redirect(`/arbetsyta/arenden/${id}?klart=${notice}`, 303);
  const refuse = (): never => {
    throw new AppError("KS_FORBIDDEN");
  };

  app.get(
    "/arbetsyta/arenden/:id",
    {
      config: { access: "inbox.viewCase" },
      schema: { params: IdParams, querystring: DoneQuery },
    },
    async (request, reply) =>
      renderCase(request, reply, request.params.id, { notice: noticeFor(request, request.query.klart) }),
  );

  app.post(
    "/arbetsyta/arenden/:id/oppna",
    {
      config: { access: "inbox.viewCase" },
      schema: { params: IdParams, body: OpenBody },
    },
    async (request, reply) => {
      const { meta, access } = await loadCase(request, request.params.id);
      if (!access.read) refuse();
      const { syfte } = request.body;
      if (!(syfte in OPEN_PURPOSES) || (!access.handle && syfte !== "route")) {
        return renderCase(request, reply, request.params.id, {
          errors: [{ field: "syfte", message: sayer(messages, request.lang)("error.purpose") }],
          status: 400,
        });
      }
      const opened = await openCase(db, staffViewer(request, org.id), meta.id, syfte as OpenPurpose);
      if (!opened.ok) refuse();
      return done(reply, meta.id, "oppnat");
    },
  );

  app.post(
    "/arbetsyta/arenden/:id/stang",
    {
      config: { access: "inbox.viewCase" },
      schema: { params: IdParams, body: CsrfBody },
    },
    async (request, reply) => {
      const { meta } = await loadCase(request, request.params.id);
      await closeOpening(db, request.user as SessionUser, meta.id);
      return done(reply, meta.id, "stangt");
    },
  );

  /** The reply composer works on content: the case must be readable (and open, when secret). */
  async function loadForWork(request: TypedRequest, id: string) {
    const found = await loadCase(request, id);
    if (!found.access.handle) refuse();
    if (found.meta.secret && !(await isOpen(db, request.user as SessionUser, found.meta.id))) refuse();
    return found;
  }

  app.post(
    "/arbetsyta/arenden/:id/svarsmall",
    {
      config: { access: "inbox.handleCase" },
      schema: { params: IdParams, body: TemplateBody },
    },
    async (request, reply) => {
      const { meta } = await loadForWork(request, request.params.id);
      const { mall } = request.body;
      const saved = (await savedAnswersFor(db, org.id, meta.unitId)).find((s) => s.id === mall);
      return renderCase(request, reply, request.params.id, { draft: saved ? withoutPersonalData(saved.body) : "" });
    },
  );

  app.post(
    "/arbetsyta/arenden/:id/svar",
    {
      config: { access: "inbox.handleCase" },
      schema: { params: IdParams, body: ReplyBody },
    },
    async (request, reply) => {
      const { meta } = await loadForWork(request, request.params.id);
      const { body, typ, stod } = request.body;
      const say = sayer(messages, request.lang);
      if (stod) {
        // "Add the link": the draft comes back with a link to the service page, nothing is sent.
        const link = await serviceLink(db, org.id, config.publicUrl, stod);
        const draft = link
          ? `${body.trimEnd()}${body.trim() ? "\n\n" : ""}${say("reply.readMore", { name: link.name, url: link.url })}`
          : body;
        return renderCase(request, reply, request.params.id, { draft });
      }
      if (!body.trim())
        return renderCase(request, reply, request.params.id, {
          draft: body,
          errors: [{ field: "body", message: say("error.reply") }],
          status: 400,
        });
      const result = await replyToCase(deps, staffViewer(request, org.id).actor, meta.id, body, {
        note: typ === "anteckning",
      });
      if (!result.ok) throw new AppError(result.error === "not_found" ? "KS_NOT_FOUND" : "KS_BAD_REQUEST");
      return done(reply, meta.id, typ);
    },
  );

  /** A refused command in plain words, on the field it concerns. */
  const refusal = (
    request: TypedRequest,
    result: HandleResult & { ok: false },
    field: string,
    invalid: "error.status" | "error.reclassify" | "error.secrecy" | "error.minor" | "error.undo",
  ): FieldError => ({
    field,
    message: sayer(
      messages,
      request.lang,
    )(result.error === "reason" ? "error.reason" : result.error === "concern" ? "error.concern" : invalid),
  });

  app.post(
    "/arbetsyta/arenden/:id/flytta",
    {
      config: { access: "inbox.routeCase" },
      schema: { params: IdParams, body: RouteBody },
    },
    async (request, reply) => {
      const { meta, access } = await loadCase(request, request.params.id);
      if (!access.route) refuse();
      const { enhet, reason } = request.body;
      const say = sayer(messages, request.lang);
      if (!reason.trim())
        return renderCase(request, reply, request.params.id, {
          errors: [{ field: "reason", message: say("error.routeReason") }],
          status: 400,
        });
      const result = await routeCase(deps, staffViewer(request, org.id).actor, meta.id, enhet, reason);
      if (!result.ok)
        return renderCase(request, reply, request.params.id, {
          errors: [{ field: "enhet", message: say("error.unit") }],
          status: 400,
        });
      return done(reply, meta.id, "flyttad");
    },
  );

  app.post(
    "/arbetsyta/arenden/:id/status",
    {
      config: { access: "inbox.handleCase" },
      schema: { params: IdParams, body: StatusBody },
    },
    async (request, reply) => {
      const { meta, access } = await loadCase(request, request.params.id);
      if (!access.changeStatus) refuse();
      const { till, reason } = request.body;
      const result = await changeStatus(deps, staffViewer(request, org.id).actor, meta.id, till, reason);
      if (!result.ok)
        return renderCase(request, reply, request.params.id, {
          errors: [refusal(request, result, result.error === "reason" ? "statusReason" : "till", "error.status")],
          status: 400,
        });
      return done(reply, meta.id, "lage");
    },
  );

  app.post(
    "/arbetsyta/arenden/:id/oro",
    {
      config: { access: "inbox.handleCase" },
      schema: { params: IdParams, body: ConcernBody },
    },
    async (request, reply) => {
      const { meta, access } = await loadCase(request, request.params.id);
      if (!access.concernActions) refuse();
      const { oro, reason } = request.body;
      const result = await reclassifyConcern(deps, staffViewer(request, org.id).actor, meta.id, oro === "ja", reason);
      if (!result.ok)
        return renderCase(request, reply, request.params.id, {
          errors: [refusal(request, result, "concernReason", "error.reclassify")],
          status: 400,
        });
      return done(reply, meta.id, "oro");
    },
  );

  app.post(
    "/arbetsyta/arenden/:id/sekretess",
    {
      config: { access: "inbox.handleCase" },
      schema: { params: IdParams, body: SecrecyBody },
    },
    async (request, reply) => {
      const { meta, access } = await loadCase(request, request.params.id);
      const { sekretess, reason } = request.body;
      // Lifting secrecy is for those who may read the case.
      if (sekretess === "ja" ? !access.markSecret : !access.liftSecret) refuse();
      if (!reason.trim())
        return renderCase(request, reply, request.params.id, {
          errors: [{ field: "secrecyReason", message: sayer(messages, request.lang)("error.reason") }],
          status: 400,
        });
      const result = await markSecret(deps, staffViewer(request, org.id).actor, meta.id, sekretess === "ja", reason);
      if (!result.ok)
        return renderCase(request, reply, request.params.id, {
          errors: [refusal(request, result, "secrecyReason", "error.secrecy")],
          status: 400,
        });
      return done(reply, meta.id, "sekretess");
    },
  );

  app.post(
    "/arbetsyta/arenden/:id/ringa-betydelse",
    {
      config: { access: "inbox.handleCase" },
      schema: { params: IdParams, body: MinorBody },
    },
    async (request, reply) => {
      const { meta, access } = await loadCase(request, request.params.id);
      if (!access.minor) refuse();
      const { ringa } = request.body;
      const result = await markMinorImportance(deps, staffViewer(request, org.id).actor, meta.id, ringa === "ja");
      if (!result.ok)
        return renderCase(request, reply, request.params.id, {
          errors: [refusal(request, result, "ringa", "error.minor")],
          status: 400,
        });
      return done(reply, meta.id, "lage");
    },
  );

  // The kind, with one click: audited; a request for documents enters the register at once.
  app.post(
    "/arbetsyta/arenden/:id/typ",
    {
      config: { access: "inbox.handleCase" },
      schema: { params: IdParams, body: KindBody },
    },
    async (request, reply) => {
      const { meta, access } = await loadCase(request, request.params.id);
      // Those who handle the case (a registrar routing blind may move it, nothing more).
      if (!access.handle) refuse();
      const result = await changeKind(deps, staffViewer(request, org.id).actor, meta.id, request.body.typ);
      if (!result.ok && result.error === "closed")
        return renderCase(request, reply, meta.id, {
          errors: [{ field: "typ", message: sayer(messages, request.lang)("error.kindClosed") }],
          status: 400,
        });
      if (!result.ok) throw new AppError("KS_NOT_FOUND");
      return done(reply, meta.id, "typ");
    },
  );

  // Route to the unit the arrival suggested, with one click (the reason says so).
  app.post(
    "/arbetsyta/arenden/:id/till-forslaget",
    {
      config: { access: "inbox.routeCase" },
      schema: { params: IdParams, body: CsrfBody },
    },
    async (request, reply) => {
      const { meta, access } = await loadCase(request, request.params.id);
      if (!access.route) refuse();
      // A secret case's suggestion is read through the door (only inside an opening, audited).
      let suggested = meta.suggestion;
      if (meta.secret) {
        const read = await readCase(db, staffViewer(request, org.id), meta.id, READ_FOR_CASE_PAGE);
        suggested = read.ok ? read.value.meta.suggestion : null;
      }
      if (!suggested) return refuse();
      const reason = sayer(messages, "sv")("case.route.suggestedReason");
      const result = await routeCase(deps, staffViewer(request, org.id).actor, meta.id, suggested.unitId, reason);
      if (!result.ok) throw new AppError("KS_NOT_FOUND");
      return done(reply, meta.id, "flyttad");
    },
  );

  app.post(
    "/arbetsyta/arenden/:id/angra/:eventId",
    {
      config: { access: "inbox.handleCase" },
      schema: { params: UndoParams, body: UndoBody },
    },
    async (request, reply) => {
      const { meta, access } = await loadCase(request, request.params.id);
      const { eventId } = request.params;
      const latest = await latestUndoable(db, meta.id);
      if (!latest || latest.id !== eventId)
        return renderCase(request, reply, request.params.id, {
          errors: [{ field: "undoReason", message: sayer(messages, request.lang)("error.undoLatest") }],
          status: 400,
        });
      if (!mayUndo(latest.type, access)) refuse();
      const { reason } = request.body;
      const result = await undoCaseAction(deps, staffViewer(request, org.id).actor, meta.id, eventId, reason);
      if (!result.ok)
        return renderCase(request, reply, request.params.id, {
          errors: [refusal(request, result, "undoReason", "error.undo")],
          status: 400,
        });
      return done(reply, meta.id, "angrat");
    },
  );

  app.post(
    "/arbetsyta/arenden/:id/anmalare",
    {
      config: { access: "inbox.handleCase" },
      schema: { params: IdParams, body: ReporterBody },
    },
    async (request, reply) => {
      const { meta } = await loadForWork(request, request.params.id);
      if (!meta.concern) refuse();
      const { besked, yrke } = request.body;
      const say = sayer(messages, request.lang);
      const errors: FieldError[] = [];
      if (!(besked in REPORTER_NOTICES)) errors.push({ field: "besked", message: say("error.notice") });
      if (yrke !== "ja") errors.push({ field: "yrke", message: say("error.professional") });
      if (errors.length > 0) return renderCase(request, reply, request.params.id, { errors, status: 400 });
      const result = await tellReporter(
        deps,
        staffViewer(request, org.id).actor,
        meta.id,
        besked as keyof typeof REPORTER_NOTICES,
      );
      if (!result.ok) throw new AppError("KS_BAD_REQUEST");
      return done(reply, meta.id, "anmalare");
    },
  );

  app.get(
    "/arbetsyta/arenden/:id/filer/:fileId",
    { config: { access: "inbox.viewCase" }, schema: { params: FileParams } },
    async (request, reply) => {
      const { meta } = await loadCase(request, request.params.id);
      const { fileId } = request.params;
      const file = await caseSourceContent(db, staffViewer(request, org.id), meta.id, "attachment", fileId);
      if (!file.ok) throw new AppError(file.error === "not_found" ? "KS_NOT_FOUND" : "KS_FORBIDDEN");
      return reply
        .header("content-type", file.value.contentType)
        .header("content-disposition", `attachment; filename="${file.value.filename.replace(/[^\w.\- åäöÅÄÖ]/g, "_")}"`)
        .header("cache-control", "no-store")
        .header("x-content-type-options", "nosniff")
        .send(file.value.data);
    },
  );
}

/** Undoing needs the right to take the reverse action. */
function mayUndo(type: string, access: { route: boolean; changeStatus: boolean; concernActions: boolean }): boolean {
  if (type === "routed") return access.route;
  if (type === "reclassified") return access.concernActions;
  return access.changeStatus;
}
