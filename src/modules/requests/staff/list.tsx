/** The registrar's list of requests, the statistics, and making a request of a case. */
import type { ModuleContext } from "../../../app/module.js";
import { hasRole } from "../../../platform/auth/policies.js";
import { AppError } from "../../../platform/errors.js";
import { staffViewer, userActor } from "../../../platform/http/actor.js";
import { sendPage } from "../../../platform/http/page.js";
import type { TypedApp } from "../../../platform/http/typed.js";
import { sayer } from "../../../platform/i18n/messages.js";
import { clip } from "../../../platform/text.js";
import { caseMeta, readCase } from "../../inbox/index.js";
import { createRequest } from "../commands.js";
import { messages } from "../messages.js";
import { monthlyStats, overdueByUnit, requestList } from "../queries.js";
import { CaseParams, FromCaseBody, ListQuery } from "../schema.js";
import type { RequestPages } from "./request-page.js";
import { RequestListPage, StatisticsPage } from "./views.js";

const PAGE_SIZE = 50;

export function requestListRoutes(app: TypedApp, ctx: ModuleContext, pages: RequestPages): void {
  const { org } = ctx;
  const db = ctx.database.db;

  app.get(
    "/arbetsyta/begaran",
    { config: { access: "requests.handle" }, schema: { querystring: ListQuery } },
    async (request, reply) => {
      const say = sayer(messages, request.lang);
      const open = !request.query.klara;
      const page = request.query.sida ?? 1;
      const user = pages.sessionUser(request);
      // Each person sees the requests of their own units (and those not yet routed); registrars and communicators all.
      const units = hasRole(user, "admin", "communicator", "registrar") ? undefined : user.unitIds;
      const [list, overdue] = await Promise.all([
        requestList(db, org.id, { open, page, pageSize: PAGE_SIZE, units }),
        overdueByUnit(db, org.id),
      ]);
      // What a request of a secret case asks for is the requester's own words: never in the list.
      const metas = new Map(
        (
          await caseMeta(
            db,
            org.id,
            list.rows.map((r) => r.case_id),
          )
        ).map((m) => [m.id, m]),
      );
      const rows = list.rows.map((r) => ({
        ...r,
        number: metas.get(r.case_id)?.number ?? "",
        requested: metas.get(r.case_id)?.secret !== false ? say("list.secretSubject") : r.requested,
      }));
      return sendPage(request, reply, { title: say("list.title"), side: "staff" }, (p) => (
        <RequestListPage
          ctx={p}
          rows={rows}
          total={list.total}
          page={page}
          pageSize={PAGE_SIZE}
          open={open}
          overdue={overdue}
        />
      ));
    },
  );

  app.get("/arbetsyta/begaran/statistik", { config: { access: "requests.viewStatistics" } }, async (request, reply) => {
    const months = await monthlyStats(db, org.id);
    return sendPage(request, reply, { title: sayer(messages, request.lang)("stats.title"), side: "staff" }, (p) => (
      <StatisticsPage ctx={p} months={months} />
    ));
  });

  app.post(
    "/arbetsyta/begaran/fran-arende/:caseId",
    { config: { access: "requests.handle" }, schema: { params: CaseParams, body: FromCaseBody } },
    async (request, reply) => {
      const { caseId } = request.params;
      // The request copies what the person asked for: read through the inbox's door, so only by
      // someone who may read the case (and has it open, when it is secret) — and audited.
      const purpose = sayer(messages, "sv")("case.createPurpose");
      const c = await readCase(db, staffViewer(request, org.id), caseId, purpose);
      if (!c.ok) throw new AppError(c.error === "not_found" ? "KS_NOT_FOUND" : "KS_FORBIDDEN");
      const requested = request.body.requested || c.value.question || c.value.subject;
      const result = await createRequest(
        db,
        userActor(request, org.id),
        org.id,
        caseId,
        clip(requested, 4000),
        request.lang,
      );
      if (!result.ok) throw new AppError("KS_BAD_REQUEST");
      return reply.redirect(`/arbetsyta/begaran/${result.value.id}`, 303);
    },
  );
}
