import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../app/render.js";
import { audit } from "../../../platform/audit/audit.js";
import { hasRole } from "../../../platform/auth/policies.js";
import type { SessionUser } from "../../../platform/auth/session-user.js";
import { CASE_CHANNELS, CASE_KINDS, type CaseChannel, type CaseKind } from "../../../platform/db/schema.js";
import { AppError } from "../../../platform/errors.js";
import type { FieldError } from "../../../views/context.js";
import { userActor } from "../../auth/public/routes.js";
import { checkText, presentAnalysis } from "../../klarsprak/index.js";
import { changeStatus, markMinorImportance, markSecret, reclassifyConcern, replyToCase, routeCase } from "../commands/handle.js";
import type { InboxDeps } from "../commands/receive.js";
import { canOpenSecret } from "../policies.js";
import { stemsOf, trainFromHistory, type UnitClassifier } from "../classifier.js";
import { serviceLink, suggestServices } from "../../catalogue/index.js";
import { attachmentsOf, caseById, historyOf, savedAnswersFor, similarAnswers, threadOf, unansweredBoard } from "../queries.js";
import { BoardPage, CasePage } from "./views.js";

const PAGE_SIZE = 50;
const idParams = z.object({ id: z.uuid() });

function staffActor(request: FastifyRequest, orgId: string) {
  const a = userActor(request, orgId);
  return { ...a, orgId, userId: request.user?.id as string };
}

export function inboxStaffRoutes(app: FastifyInstance, ctx: ModuleContext, deps: InboxDeps): void {
  const { database, org, config } = ctx;
  const db = database.db;
  const units = () => db.selectFrom("units").select(["id", "name"]).where("org_id", "=", org.id).orderBy("name").execute();

  // The routing model learns from answered and closed cases; retrained at most every 10 minutes.
  let model: { classifier: UnitClassifier; at: number } | undefined;
  const classifier = async () => {
    if (!model || Date.now() - model.at > 10 * 60_000) model = { classifier: await trainFromHistory(db, org.id), at: Date.now() };
    return model.classifier;
  };

  app.get(
    "/arbetsyta/inkorg",
    {
      config: { access: "inbox.viewBoard" },
      schema: { querystring: z.object({ enhet: z.string().optional(), kanal: z.string().optional(), typ: z.string().optional(), sida: z.coerce.number().int().min(1).max(100_000).optional() }) },
    },
    async (request, reply) => {
      const q = request.query as { enhet?: string; kanal?: string; typ?: string; sida?: number };
      const user = request.user as SessionUser;
      const page = q.sida ?? 1;
      const unitId = q.enhet && /^[0-9a-f-]{36}$/.test(q.enhet) ? q.enhet : undefined;
      const channel = (CASE_CHANNELS as readonly string[]).includes(q.kanal ?? "") ? (q.kanal as CaseChannel) : undefined;
      const kind = (CASE_KINDS as readonly string[]).includes(q.typ ?? "") ? (q.typ as CaseKind) : undefined;
      const everything = hasRole(user, "admin", "communicator");
      const { rows, total } = await unansweredBoard(db, { orgId: org.id, unitId, channel, kind, visibleUnits: everything ? undefined : user.unitIds, page, pageSize: PAGE_SIZE });
      const unitList = await units();
      return sendPage(request, reply, { title: "Obesvarat", side: "staff", scripts: ["/static/js/board.js"] }, (pageCtx) => (
        <BoardPage ctx={pageCtx} rows={rows} total={total} page={page} pageSize={PAGE_SIZE} units={unitList} query={{ enhet: unitId ?? "", kanal: channel ?? "", typ: kind ?? "" }} canSeeSecret={(r) => canOpenSecret(user, r)} />
      ));
    },
  );

  async function loadCase(request: FastifyRequest) {
    const { id } = request.params as { id: string };
    const c = await caseById(db, org.id, id);
    if (!c) throw new AppError("KS_NOT_FOUND");
    if (!ctx.policies.allows(request.user, "inbox.viewCase", c)) throw new AppError("KS_FORBIDDEN");
    return c;
  }

  async function renderCase(request: FastifyRequest, reply: FastifyReply, state: { open?: boolean; draft?: string; errors?: FieldError[]; notice?: string | undefined; status?: number } = {}) {
    const c = await loadCase(request);
    const user = request.user as SessionUser;
    const showContent = !c.secret || state.open === true;
    if (c.secret && state.open) {
      await audit(db, userActor(request, org.id), { action: "case.secret.open", subjectType: "case", subjectId: c.id, details: { number: c.number } });
    }
    const [messages, history, attachments, unitList, saved] = await Promise.all([
      showContent ? threadOf(db, c.id) : Promise.resolve([]),
      historyOf(db, c.id),
      showContent ? attachmentsOf(db, c.id) : Promise.resolve([]),
      units(),
      savedAnswersFor(db, org.id, c.unit_id),
    ]);
    const question = messages.filter((m) => m.direction === "in").map((m) => m.body).join("\n");
    const similar = showContent ? await similarAnswers(db, org.id, question, c.id) : [];
    const services = showContent && question ? await suggestServices(db, org.id, config.publicUrl, `${c.subject} ${question}`) : [];
    const suggestion = showContent && question ? (await classifier()).suggest(await stemsOf(db, question))[0] : undefined;
    const suggestedUnit = suggestion ? unitList.find((u) => u.id === suggestion.unitId) : undefined;
    const draft = state.draft ?? "";
    const analysis = draft.trim() ? presentAnalysis(checkText(draft), request.lang) : null;
    return sendPage(request, reply, { title: `Ärende ${c.number}`, side: "staff", hasErrors: (state.errors?.length ?? 0) > 0, status: state.status ?? 200, scripts: ["/static/js/klarsprak-editor.js"] }, (page) => (
      <CasePage
        ctx={page}
        c={{
          id: c.id, number: c.number, subject: c.subject, channel: c.channel, kind: c.kind, status: c.status, concern: c.concern_report,
          concernReasons: c.concern_reasons, secret: c.secret, unitName: c.unit_name, categoryName: c.category_name,
          requester: { name: c.requester_name, email: c.requester_email, phone: c.requester_phone },
          receivedAt: new Date(c.received_at), due: c.first_answer_due ? new Date(c.first_answer_due) : null,
          firstAnsweredAt: c.first_answered_at ? new Date(c.first_answered_at) : null,
        }}
        showContent={showContent}
        canOpenSecret={canOpenSecret(user, c)}
        messages={messages}
        history={history}
        attachments={attachments}
        units={unitList}
        savedAnswers={saved}
        similar={similar}
        services={services}
        draft={draft}
        analysis={analysis}
        errors={state.errors ?? []}
        notice={state.notice}
        canRoute={ctx.policies.allows(user, "inbox.routeCase")}
        suggestion={suggestedUnit && suggestion ? { unitId: suggestedUnit.id, name: suggestedUnit.name, confidence: suggestion.confidence } : undefined}
      />
    ));
  }

  const NOTICES: Record<string, string> = { svar: "Svaret är skickat.", anteckning: "Anteckningen är sparad.", flyttad: "Ärendet är flyttat.", lage: "Läget är ändrat.", oro: "Markeringen är ändrad.", sekretess: "Sekretessmarkeringen är ändrad." };

  app.get(
    "/arbetsyta/arenden/:id",
    { config: { access: "inbox.viewCase" }, schema: { params: idParams, querystring: z.object({ klart: z.string().optional() }) } },
    async (request, reply) => renderCase(request, reply, { notice: NOTICES[(request.query as { klart?: string }).klart ?? ""] }),
  );

  app.post("/arbetsyta/arenden/:id/oppna", { config: { access: "inbox.viewCase" }, schema: { params: idParams, body: z.object({ _csrf: z.string().optional() }) } }, async (request, reply) => {
    const c = await loadCase(request);
    if (!canOpenSecret(request.user as SessionUser, c)) throw new AppError("KS_FORBIDDEN");
    return renderCase(request, reply, { open: true });
  });

  app.post(
    "/arbetsyta/arenden/:id/svarsmall",
    { config: { access: "inbox.handleCase" }, schema: { params: idParams, body: z.object({ mall: z.string().max(100).default(""), _csrf: z.string().optional() }) } },
    async (request, reply) => {
      const c = await loadCase(request);
      const { mall } = request.body as { mall: string };
      const saved = (await savedAnswersFor(db, org.id, c.unit_id)).find((s) => s.id === mall);
      return renderCase(request, reply, { open: c.secret ? canOpenSecret(request.user as SessionUser, c) : false, draft: saved?.body ?? "" });
    },
  );

  app.post(
    "/arbetsyta/arenden/:id/svar",
    { config: { access: "inbox.handleCase" }, schema: { params: idParams, body: z.object({ body: z.string().max(20_000).default(""), typ: z.enum(["svar", "anteckning"]).default("svar"), stod: z.string().max(80).optional(), _csrf: z.string().optional() }) } },
    async (request, reply) => {
      const c = await loadCase(request);
      if (c.secret && !canOpenSecret(request.user as SessionUser, c)) throw new AppError("KS_FORBIDDEN");
      const { body, typ, stod } = request.body as { body: string; typ: "svar" | "anteckning"; stod?: string };
      if (stod) {
        // "Add the link": the draft comes back with a link to the service page, nothing is sent.
        const link = await serviceLink(db, org.id, config.publicUrl, stod);
        const draft = link ? `${body.trimEnd()}${body.trim() ? "\n\n" : ""}Läs mer om ${link.name}: ${link.url}` : body;
        return renderCase(request, reply, { open: c.secret, draft });
      }
      if (!body.trim()) return renderCase(request, reply, { open: c.secret, draft: body, errors: [{ field: "body", message: "Skriv ditt svar" }], status: 400 });
      const result = await replyToCase(deps, staffActor(request, org.id), c.id, body, { note: typ === "anteckning" });
      if (!result.ok) throw new AppError(result.error === "not_found" ? "KS_NOT_FOUND" : "KS_BAD_REQUEST");
      return reply.redirect(`/arbetsyta/arenden/${c.id}?klart=${typ}`, 303);
    },
  );

  app.post(
    "/arbetsyta/arenden/:id/flytta",
    { config: { access: "inbox.routeCase" }, schema: { params: idParams, body: z.object({ enhet: z.string().max(40).default(""), reason: z.string().max(500).default(""), _csrf: z.string().optional() }) } },
    async (request, reply) => {
      const c = await loadCase(request);
      const { enhet, reason } = request.body as { enhet: string; reason: string };
      if (!reason.trim()) return renderCase(request, reply, { errors: [{ field: "reason", message: "Skriv varför ärendet flyttas" }], status: 400 });
      const result = await routeCase(deps, staffActor(request, org.id), c.id, enhet, reason);
      if (!result.ok) return renderCase(request, reply, { errors: [{ field: "enhet", message: "Välj en enhet i listan" }], status: 400 });
      return reply.redirect(`/arbetsyta/arenden/${c.id}?klart=flyttad`, 303);
    },
  );

  app.post(
    "/arbetsyta/arenden/:id/status",
    { config: { access: "inbox.handleCase" }, schema: { params: idParams, body: z.object({ till: z.enum(["open", "waiting", "closed"]), _csrf: z.string().optional() }) } },
    async (request, reply) => {
      const c = await loadCase(request);
      const { till } = request.body as { till: "open" | "waiting" | "closed" };
      const result = await changeStatus(deps, staffActor(request, org.id), c.id, till);
      if (!result.ok) return renderCase(request, reply, { errors: [{ field: "till", message: "Ärendet kan inte få det läget nu" }], status: 400 });
      return reply.redirect(`/arbetsyta/arenden/${c.id}?klart=lage`, 303);
    },
  );

  app.post(
    "/arbetsyta/arenden/:id/oro",
    { config: { access: "inbox.handleCase" }, schema: { params: idParams, body: z.object({ oro: z.enum(["ja", "nej"]), reason: z.string().max(500).default(""), _csrf: z.string().optional() }) } },
    async (request, reply) => {
      const c = await loadCase(request);
      const { oro, reason } = request.body as { oro: "ja" | "nej"; reason: string };
      if (!reason.trim()) return renderCase(request, reply, { errors: [{ field: "concernReason", message: "Skriv varför" }], status: 400 });
      await reclassifyConcern(deps, staffActor(request, org.id), c.id, oro === "ja", reason);
      return reply.redirect(`/arbetsyta/arenden/${c.id}?klart=oro`, 303);
    },
  );

  app.post(
    "/arbetsyta/arenden/:id/sekretess",
    { config: { access: "inbox.handleCase" }, schema: { params: idParams, body: z.object({ sekretess: z.enum(["ja", "nej"]), reason: z.string().max(500).default(""), _csrf: z.string().optional() }) } },
    async (request, reply) => {
      const c = await loadCase(request);
      const { sekretess, reason } = request.body as { sekretess: "ja" | "nej"; reason: string };
      // Lifting secrecy is for the unit that holds the case.
      if (c.secret && !canOpenSecret(request.user as SessionUser, c)) throw new AppError("KS_FORBIDDEN");
      if (!reason.trim()) return renderCase(request, reply, { errors: [{ field: "secrecyReason", message: "Skriv varför" }], status: 400 });
      await markSecret(deps, staffActor(request, org.id), c.id, sekretess === "ja", reason);
      return reply.redirect(`/arbetsyta/arenden/${c.id}?klart=sekretess`, 303);
    },
  );

  app.post(
    "/arbetsyta/arenden/:id/ringa-betydelse",
    { config: { access: "inbox.handleCase" }, schema: { params: idParams, body: z.object({ ringa: z.enum(["ja", "nej"]), _csrf: z.string().optional() }) } },
    async (request, reply) => {
      const c = await loadCase(request);
      const { ringa } = request.body as { ringa: "ja" | "nej" };
      await markMinorImportance(deps, staffActor(request, org.id), c.id, ringa === "ja");
      return reply.redirect(`/arbetsyta/arenden/${c.id}?klart=lage`, 303);
    },
  );

  app.get(
    "/arbetsyta/arenden/:id/filer/:fileId",
    { config: { access: "inbox.viewCase" }, schema: { params: z.object({ id: z.uuid(), fileId: z.uuid() }) } },
    async (request, reply) => {
      const c = await loadCase(request);
      if (c.secret && !canOpenSecret(request.user as SessionUser, c)) throw new AppError("KS_FORBIDDEN");
      const { fileId } = request.params as { fileId: string };
      const file = await db.selectFrom("attachments").select(["filename", "content_type", "data"]).where("id", "=", fileId).where("case_id", "=", c.id).executeTakeFirst();
      if (!file) throw new AppError("KS_NOT_FOUND");
      await audit(db, userActor(request, org.id), { action: c.secret ? "case.secret.attachment" : "case.attachment.read", subjectType: "case", subjectId: c.id, details: { fileId } });
      return reply
        .header("content-type", file.content_type)
        .header("content-disposition", `attachment; filename="${file.filename.replace(/[^\w.\- åäöÅÄÖ]/g, "_")}"`)
        .header("cache-control", "no-store")
        .header("x-content-type-options", "nosniff")
        .send(file.data);
    },
  );
}
