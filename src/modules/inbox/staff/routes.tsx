import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import { hasRole } from "../../../platform/auth/policies.js";
import type { SessionUser } from "../../../platform/auth/session-user.js";
import { CASE_CHANNELS, CASE_KINDS, type CaseChannel, type CaseKind } from "../../../platform/db/schema.js";
import { AppError } from "../../../platform/errors.js";
import { staffViewer } from "../../../platform/http/actor.js";
import type { FieldError } from "../../../views/context.js";
import { checkText, presentAnalysis } from "../../klarsprak/index.js";
import {
  changeStatus,
  latestUndoable,
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
import { stemsOf, trainFromHistory, type UnitClassifier } from "../classifier.js";
import { serviceLink, suggestServices } from "../../catalogue/index.js";
import { historyOf, savedAnswersFor, similarAnswers, unansweredBoard, withoutPersonalData } from "../queries.js";
import { BoardPage, CasePage } from "./views.js";

const PAGE_SIZE = 50;
const idParams = z.object({ id: z.uuid() });
/** The registrar's queue: cases nobody owns yet. */
export const UNROUTED = "ingen";

export function inboxStaffRoutes(app: FastifyInstance, ctx: ModuleContext, deps: ReplyDeps): void {
  const { database, org, config } = ctx;
  const db = database.db;
  const units = () =>
    db.selectFrom("units").select(["id", "name"]).where("org_id", "=", org.id).orderBy("name").execute();

  // The routing model learns from answered and closed cases; retrained at most every 10 minutes.
  let model: { classifier: UnitClassifier; at: number } | undefined;
  const classifier = async () => {
    if (!model || Date.now() - model.at > 10 * 60_000)
      model = { classifier: await trainFromHistory(db, org.id), at: Date.now() };
    return model.classifier;
  };

  app.get(
    "/arbetsyta/inkorg",
    {
      config: { access: "inbox.viewBoard" },
      schema: {
        querystring: z.object({
          enhet: z.string().optional(),
          kanal: z.string().optional(),
          typ: z.string().optional(),
          sida: z.coerce.number().int().min(1).max(100_000).optional(),
        }),
      },
    },
    async (request, reply) => {
      const q = request.query as { enhet?: string; kanal?: string; typ?: string; sida?: number };
      const user = request.user as SessionUser;
      const page = q.sida ?? 1;
      const unitId = q.enhet === UNROUTED ? null : q.enhet && z.uuid().safeParse(q.enhet).success ? q.enhet : undefined;
      const channel = (CASE_CHANNELS as readonly string[]).includes(q.kanal ?? "")
        ? (q.kanal as CaseChannel)
        : undefined;
      const kind = (CASE_KINDS as readonly string[]).includes(q.typ ?? "") ? (q.typ as CaseKind) : undefined;
      const everything = hasRole(user, "admin", "communicator", "registrar");
      const { rows, total } = await unansweredBoard(db, {
        orgId: org.id,
        unitId,
        channel,
        kind,
        visibleUnits: everything ? undefined : user.unitIds,
        page,
        pageSize: PAGE_SIZE,
      });
      const unitList = await units();
      return sendPage(
        request,
        reply,
        { title: "Obesvarat", side: "staff", scripts: ["/static/js/board.js"] },
        (pageCtx) => (
          <BoardPage
            ctx={pageCtx}
            rows={rows}
            total={total}
            page={page}
            pageSize={PAGE_SIZE}
            units={unitList}
            query={{ enhet: unitId === null ? UNROUTED : (unitId ?? ""), kanal: channel ?? "", typ: kind ?? "" }}
          />
        ),
      );
    },
  );

  /** The case as this person may see it; 404 when it does not exist, 403 when it is not theirs. */
  async function loadCase(request: FastifyRequest) {
    const { id } = request.params as { id: string };
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

  async function renderCase(request: FastifyRequest, reply: FastifyReply, state: CaseState = {}) {
    const { meta, access } = await loadCase(request);
    const viewer = staffViewer(request, org.id);
    const open = meta.secret && access.read ? await isOpen(db, viewer.user, meta.id) : false;
    // Content only through the door: not secret → read it; secret → only inside an opening (audited).
    let content: CaseContent | undefined;
    if (access.read && (!meta.secret || open)) {
      const read = await readCase(db, viewer, meta.id, "ärendesidan");
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
    const [similar, services, suggestion] =
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
            stemsOf(db, question).then(async (stems) => (await classifier()).suggest(stems)[0]),
          ])
        : [[], [], undefined];
    const suggestedUnit = suggestion && access.route ? unitList.find((u) => u.id === suggestion.unitId) : undefined;
    const draft = state.draft ?? "";
    const analysis = draft.trim() ? presentAnalysis(checkText(draft), request.lang) : null;
    const purposes = (Object.keys(OPEN_PURPOSES) as OpenPurpose[]).filter((p) =>
      access.handle ? p !== "route" || access.route : p === "route",
    );
    return sendPage(
      request,
      reply,
      {
        title: `Ärende ${meta.number}`,
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
          openPurposes={purposes.map((p) => ({ value: p, label: OPEN_PURPOSES[p] }))}
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
          suggestion={
            suggestedUnit && suggestion
              ? { unitId: suggestedUnit.id, name: suggestedUnit.name, confidence: suggestion.confidence }
              : undefined
          }
          reporterNotices={Object.entries(REPORTER_NOTICES).map(([value, label]) => ({ value, label }))}
          postsHref={ctx.extensions.replyChannel(meta.channel)?.postsHref?.(meta.id)}
        />
      ),
    );
  }

  const NOTICES: Record<string, string> = {
    svar: "Svaret är skickat.",
    anteckning: "Anteckningen är sparad.",
    flyttad: "Ärendet är flyttat.",
    lage: "Läget är ändrat.",
    oro: "Markeringen är ändrad.",
    sekretess: "Sekretessmarkeringen är ändrad.",
    oppnat: "Ärendet är öppnat. Det du läser skrivs i loggen.",
    stangt: "Ärendet är stängt för dig.",
    angrat: "Åtgärden är ångrad.",
    anmalare: "Anmälaren har fått beskedet.",
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
      schema: { params: idParams, querystring: z.object({ klart: z.string().optional() }) },
    },
    async (request, reply) =>
      renderCase(request, reply, { notice: NOTICES[(request.query as { klart?: string }).klart ?? ""] }),
  );

  app.post(
    "/arbetsyta/arenden/:id/oppna",
    {
      config: { access: "inbox.viewCase" },
      schema: {
        params: idParams,
        body: z.object({ syfte: z.string().max(40).default(""), _csrf: z.string().optional() }),
      },
    },
    async (request, reply) => {
      const { meta, access } = await loadCase(request);
      if (!access.read) refuse();
      const { syfte } = request.body as { syfte: string };
      if (!(syfte in OPEN_PURPOSES) || (!access.handle && syfte !== "route")) {
        return renderCase(request, reply, {
          errors: [{ field: "syfte", message: "Välj varför du öppnar ärendet" }],
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
      schema: { params: idParams, body: z.object({ _csrf: z.string().optional() }) },
    },
    async (request, reply) => {
      const { meta } = await loadCase(request);
      await closeOpening(db, request.user as SessionUser, meta.id);
      return done(reply, meta.id, "stangt");
    },
  );

  /** The reply composer works on content: the case must be readable (and open, when secret). */
  async function loadForWork(request: FastifyRequest) {
    const found = await loadCase(request);
    if (!found.access.handle) refuse();
    if (found.meta.secret && !(await isOpen(db, request.user as SessionUser, found.meta.id))) refuse();
    return found;
  }

  app.post(
    "/arbetsyta/arenden/:id/svarsmall",
    {
      config: { access: "inbox.handleCase" },
      schema: {
        params: idParams,
        body: z.object({ mall: z.string().max(100).default(""), _csrf: z.string().optional() }),
      },
    },
    async (request, reply) => {
      const { meta } = await loadForWork(request);
      const { mall } = request.body as { mall: string };
      const saved = (await savedAnswersFor(db, org.id, meta.unitId)).find((s) => s.id === mall);
      return renderCase(request, reply, { draft: saved ? withoutPersonalData(saved.body) : "" });
    },
  );

  app.post(
    "/arbetsyta/arenden/:id/svar",
    {
      config: { access: "inbox.handleCase" },
      schema: {
        params: idParams,
        body: z.object({
          body: z.string().max(20_000).default(""),
          typ: z.enum(["svar", "anteckning"]).default("svar"),
          stod: z.string().max(80).optional(),
          _csrf: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const { meta } = await loadForWork(request);
      const { body, typ, stod } = request.body as { body: string; typ: "svar" | "anteckning"; stod?: string };
      if (stod) {
        // "Add the link": the draft comes back with a link to the service page, nothing is sent.
        const link = await serviceLink(db, org.id, config.publicUrl, stod);
        const draft = link ? `${body.trimEnd()}${body.trim() ? "\n\n" : ""}Läs mer om ${link.name}: ${link.url}` : body;
        return renderCase(request, reply, { draft });
      }
      if (!body.trim())
        return renderCase(request, reply, {
          draft: body,
          errors: [{ field: "body", message: "Skriv ditt svar" }],
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
  const problem = (result: HandleResult & { ok: false }, field: string, invalid: string): FieldError => ({
    field,
    message:
      result.error === "reason"
        ? "Skriv varför"
        : result.error === "concern"
          ? "Det går inte för en orosanmälan om ett barn"
          : invalid,
  });

  app.post(
    "/arbetsyta/arenden/:id/flytta",
    {
      config: { access: "inbox.routeCase" },
      schema: {
        params: idParams,
        body: z.object({
          enhet: z.string().max(40).default(""),
          reason: z.string().max(500).default(""),
          _csrf: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const { meta, access } = await loadCase(request);
      if (!access.route) refuse();
      const { enhet, reason } = request.body as { enhet: string; reason: string };
      if (!reason.trim())
        return renderCase(request, reply, {
          errors: [{ field: "reason", message: "Skriv varför ärendet flyttas" }],
          status: 400,
        });
      const result = await routeCase(deps, staffViewer(request, org.id).actor, meta.id, enhet, reason);
      if (!result.ok)
        return renderCase(request, reply, {
          errors: [{ field: "enhet", message: "Välj en enhet i listan" }],
          status: 400,
        });
      return done(reply, meta.id, "flyttad");
    },
  );

  app.post(
    "/arbetsyta/arenden/:id/status",
    {
      config: { access: "inbox.handleCase" },
      schema: {
        params: idParams,
        body: z.object({
          till: z.enum(["open", "waiting", "closed"]),
          reason: z.string().max(500).default(""),
          _csrf: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const { meta, access } = await loadCase(request);
      if (!access.changeStatus) refuse();
      const { till, reason } = request.body as { till: "open" | "waiting" | "closed"; reason: string };
      const result = await changeStatus(deps, staffViewer(request, org.id).actor, meta.id, till, reason);
      if (!result.ok)
        return renderCase(request, reply, {
          errors: [
            problem(result, result.error === "reason" ? "statusReason" : "till", "Ärendet kan inte få det läget nu"),
          ],
          status: 400,
        });
      return done(reply, meta.id, "lage");
    },
  );

  app.post(
    "/arbetsyta/arenden/:id/oro",
    {
      config: { access: "inbox.handleCase" },
      schema: {
        params: idParams,
        body: z.object({
          oro: z.enum(["ja", "nej"]),
          reason: z.string().max(500).default(""),
          _csrf: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const { meta, access } = await loadCase(request);
      if (!access.concernActions) refuse();
      const { oro, reason } = request.body as { oro: "ja" | "nej"; reason: string };
      const result = await reclassifyConcern(deps, staffViewer(request, org.id).actor, meta.id, oro === "ja", reason);
      if (!result.ok)
        return renderCase(request, reply, {
          errors: [problem(result, "concernReason", "Det gick inte att ändra markeringen")],
          status: 400,
        });
      return done(reply, meta.id, "oro");
    },
  );

  app.post(
    "/arbetsyta/arenden/:id/sekretess",
    {
      config: { access: "inbox.handleCase" },
      schema: {
        params: idParams,
        body: z.object({
          sekretess: z.enum(["ja", "nej"]),
          reason: z.string().max(500).default(""),
          _csrf: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const { meta, access } = await loadCase(request);
      const { sekretess, reason } = request.body as { sekretess: "ja" | "nej"; reason: string };
      // Lifting secrecy is for those who may read the case.
      if (sekretess === "ja" ? !access.markSecret : !access.liftSecret) refuse();
      if (!reason.trim())
        return renderCase(request, reply, {
          errors: [{ field: "secrecyReason", message: "Skriv varför" }],
          status: 400,
        });
      const result = await markSecret(deps, staffViewer(request, org.id).actor, meta.id, sekretess === "ja", reason);
      if (!result.ok)
        return renderCase(request, reply, {
          errors: [problem(result, "secrecyReason", "Det gick inte att ändra sekretessen")],
          status: 400,
        });
      return done(reply, meta.id, "sekretess");
    },
  );

  app.post(
    "/arbetsyta/arenden/:id/ringa-betydelse",
    {
      config: { access: "inbox.handleCase" },
      schema: { params: idParams, body: z.object({ ringa: z.enum(["ja", "nej"]), _csrf: z.string().optional() }) },
    },
    async (request, reply) => {
      const { meta, access } = await loadCase(request);
      if (!access.minor) refuse();
      const { ringa } = request.body as { ringa: "ja" | "nej" };
      const result = await markMinorImportance(deps, staffViewer(request, org.id).actor, meta.id, ringa === "ja");
      if (!result.ok)
        return renderCase(request, reply, { errors: [problem(result, "ringa", "Det gick inte")], status: 400 });
      return done(reply, meta.id, "lage");
    },
  );

  app.post(
    "/arbetsyta/arenden/:id/angra/:eventId",
    {
      config: { access: "inbox.handleCase" },
      schema: {
        params: z.object({ id: z.uuid(), eventId: z.string().regex(/^\d{1,18}$/) }),
        body: z.object({ reason: z.string().max(500).default(""), _csrf: z.string().optional() }),
      },
    },
    async (request, reply) => {
      const { meta, access } = await loadCase(request);
      const { eventId } = request.params as { eventId: string };
      const latest = await latestUndoable(db, meta.id);
      if (!latest || latest.id !== eventId)
        return renderCase(request, reply, {
          errors: [{ field: "undoReason", message: "Det går bara att ångra den senaste åtgärden" }],
          status: 400,
        });
      if (!mayUndo(latest.type, access)) refuse();
      const { reason } = request.body as { reason: string };
      const result = await undoCaseAction(deps, staffViewer(request, org.id).actor, meta.id, eventId, reason);
      if (!result.ok)
        return renderCase(request, reply, {
          errors: [problem(result, "undoReason", "Det gick inte att ångra")],
          status: 400,
        });
      return done(reply, meta.id, "angrat");
    },
  );

  app.post(
    "/arbetsyta/arenden/:id/anmalare",
    {
      config: { access: "inbox.handleCase" },
      schema: {
        params: idParams,
        body: z.object({
          besked: z.string().max(40).default(""),
          yrke: z.string().max(10).optional(),
          _csrf: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const { meta } = await loadForWork(request);
      if (!meta.concern) refuse();
      const { besked, yrke } = request.body as { besked: string; yrke?: string };
      const errors: FieldError[] = [];
      if (!(besked in REPORTER_NOTICES))
        errors.push({ field: "besked", message: "Välj vilket besked anmälaren ska få" });
      if (yrke !== "ja") errors.push({ field: "yrke", message: "Bekräfta att personen anmälde i sitt arbete" });
      if (errors.length > 0) return renderCase(request, reply, { errors, status: 400 });
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
    { config: { access: "inbox.viewCase" }, schema: { params: z.object({ id: z.uuid(), fileId: z.uuid() }) } },
    async (request, reply) => {
      const { meta } = await loadCase(request);
      const { fileId } = request.params as { fileId: string };
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
