import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import { audit, findAuditEntries } from "../../../platform/audit/audit.js";
import { AppError } from "../../../platform/errors.js";
import type { FieldError } from "../../../views/context.js";
import { userActor } from "../../../platform/http/actor.js";
import type { TypedApp } from "../../../platform/http/typed.js";
import { AuditQuery as AuditQuerySchema, FailedJobsQuery, RetryJobBody, RetryJobParams } from "../schema.js";
import { AuditLogPage, FailedJobsPage, type AuditQuery } from "./views.js";

const PAGE_SIZE = 50;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date typed as YYYY-MM-DD, read as the start of that day in Stockholm. */
function stockholmDay(value: string): Date | null {
  if (!ISO_DATE.test(value)) return null;
  const utc = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(utc.getTime()) || utc.toISOString().slice(0, 10) !== value) return null;
  const offset =
    new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Stockholm", timeZoneName: "shortOffset" })
      .formatToParts(utc)
      .find((p) => p.type === "timeZoneName")?.value ?? "GMT+1";
  const hours = Number.parseInt(offset.replace("GMT", "") || "0", 10);
  return new Date(utc.getTime() - hours * 3_600_000);
}

export function adminRoutes(app: TypedApp, ctx: ModuleContext): void {
  const db = ctx.database.db;

  app.get(
    "/arbetsyta/admin/logg",
    { config: { access: "admin.viewAuditLog" }, schema: { querystring: AuditQuerySchema } },
    async (request, reply) => {
      const q = request.query;
      const t = request.t;
      const errors: FieldError[] = [];
      const from = q.fran ? stockholmDay(q.fran) : undefined;
      const toStart = q.till ? stockholmDay(q.till) : undefined;
      if (from === null) errors.push({ field: "fran", message: t("audit.filter.error.date") });
      if (toStart === null) errors.push({ field: "till", message: t("audit.filter.error.date") });
      const page = q.sida ?? 1;
      const result = await findAuditEntries(db, {
        orgId: ctx.org.id,
        action: q.handelse?.trim() || undefined,
        actor: q.vem?.trim() || undefined,
        from: from ?? undefined,
        to: toStart ? new Date(toStart.getTime() + 24 * 3_600_000) : undefined,
        page,
        pageSize: PAGE_SIZE,
      });
      const query: AuditQuery = {
        handelse: q.handelse ?? "",
        vem: q.vem ?? "",
        fran: q.fran ?? "",
        till: q.till ?? "",
      };
      return sendPage(
        request,
        reply,
        { title: t("audit.title"), side: "staff", hasErrors: errors.length > 0, status: errors.length > 0 ? 400 : 200 },
        (pageCtx) => (
          <AuditLogPage
            ctx={pageCtx}
            query={query}
            errors={errors}
            entries={result.entries}
            total={result.total}
            page={page}
            pageSize={PAGE_SIZE}
          />
        ),
      );
    },
  );

  app.get(
    "/arbetsyta/admin/jobb",
    {
      config: { access: "admin.viewFailedJobs" },
      schema: { querystring: FailedJobsQuery },
    },
    async (request, reply) => {
      const q = request.query;
      const page = q.sida ?? 1;
      const { jobs, total } = await ctx.jobs.failedJobs(PAGE_SIZE, (page - 1) * PAGE_SIZE);
      return sendPage(request, reply, { title: request.t("jobs.title"), side: "staff" }, (pageCtx) => (
        <FailedJobsPage
          ctx={pageCtx}
          jobs={jobs}
          total={total}
          page={page}
          pageSize={PAGE_SIZE}
          retried={Boolean(q.klart)}
        />
      ));
    },
  );

  app.post(
    "/arbetsyta/admin/jobb/:id/forsok-igen",
    {
      config: { access: "admin.retryJob" },
      schema: { params: RetryJobParams, body: RetryJobBody },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { name } = request.body;
      if (!ctx.jobs.names.includes(name) || (await ctx.jobs.getState(name, id)) !== "failed")
        throw new AppError("KS_NOT_FOUND");
      await ctx.jobs.retry(name, id);
      await audit(db, userActor(request, ctx.org.id), {
        action: "job.retry",
        subjectType: "job",
        subjectId: id,
        details: { name },
      });
      return reply.redirect("/arbetsyta/admin/jobb?klart=1", 303);
    },
  );
}
