/** Staff routes for coverage and the newsroom measures. */
import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import type { FastifyReply, TypedApp, TypedRequest } from "../../../platform/http/typed.js";
import type { FieldError } from "../../../views/context.js";
import { mediaInquiriesByMonth } from "../../inbox/index.js";
import { addCoverage, type NewsroomDeps } from "../commands.js";
import { coverageFor, coveragePerRelease, monthly } from "../queries.js";
import { CoverageBody } from "../schema.js";
import { CoveragePage, NewsroomMeasuresPage } from "./views.js";
import { formValues, refuse, staffKit } from "./shared.js";

export function coverageRoutes(app: TypedApp, ctx: ModuleContext, deps: NewsroomDeps): void {
  const { org, db, actorOf, sayFor, W } = staffKit(ctx, deps);

  // ---- Coverage and measures ------------------------------------------------------------------

  const renderCoverage = async (
    request: TypedRequest,
    reply: FastifyReply,
    errors: readonly FieldError[],
    values: Record<string, string>,
    status = 200,
  ) => {
    const rows = await coverageFor(db, org.id);
    return sendPage(
      request,
      reply,
      { title: sayFor(request)("coverage.pageTitle"), side: "staff", status, hasErrors: errors.length > 0 },
      (p) => <CoveragePage ctx={p} rows={rows} errors={errors} values={values} />,
    );
  };
  app.get("/arbetsyta/press/bevakning", { config: W }, (request, reply) => renderCoverage(request, reply, [], {}));
  app.post("/arbetsyta/press/bevakning", { config: W, schema: { body: CoverageBody } }, async (request, reply) => {
    const b = request.body;
    const coverage = {
      releaseId: null,
      topic: b.topic,
      outlet: b.outlet,
      date: b.date,
      url: b.url,
      tone: b.tone,
      note: b.note,
    };
    const r = await addCoverage(deps, actorOf(request), org.id, coverage, sayFor(request));
    if (!r.ok)
      return r.kind === "invalid" ? renderCoverage(request, reply, r.errors, formValues(b), 400) : refuse(r.kind);
    return reply.redirect("/arbetsyta/press/bevakning", 303);
  });

  app.get("/arbetsyta/press/matt", { config: { access: "newsroom.measures" } }, async (request, reply) => {
    const [months, perRelease, inquiries] = await Promise.all([
      monthly(db, org.id),
      coveragePerRelease(db, org.id),
      mediaInquiriesByMonth(db, org.id),
    ]);
    return sendPage(request, reply, { title: sayFor(request)("measures.title"), side: "staff" }, (p) => (
      <NewsroomMeasuresPage ctx={p} months={months} perRelease={perRelease} inquiries={inquiries} />
    ));
  });
}
