import { escapeHtml } from "@kitajs/html";
import { formatDateTime } from "../../../platform/i18n/i18n.js";
import type { AuditEntry } from "../../../platform/db/schema.js";
import type { FailedJob } from "../../../platform/jobs/jobs.js";
import type { FieldError, PageContext } from "../../../views/context.js";
import { Banner, Button, ErrorSummary, Form, Pagination, Table, TextField } from "../../../views/components.js";

export interface AuditQuery {
  readonly handelse: string;
  readonly vem: string;
  readonly fran: string;
  readonly till: string;
}

function queryString(q: AuditQuery, page: number): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) params.set(k, v);
  if (page > 1) params.set("sida", String(page));
  const s = params.toString();
  return s ? `?${s}` : "";
}

function When({ ctx, date }: { ctx: PageContext; date: Date | null }): JSX.Element {
  if (!date) return "–";
  const d = new Date(date);
  return (
    <time datetime={d.toISOString()} safe>
      {formatDateTime(d, ctx.lang)}
    </time>
  );
}

export function AuditLogPage(p: {
  ctx: PageContext;
  query: AuditQuery;
  errors: readonly FieldError[];
  entries: readonly AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
}): JSX.Element {
  const { ctx } = p;
  const t = ctx.t;
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  return (
    <>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <h1 safe>{t("audit.title")}</h1>
      <p class="lead" safe>
        {t("audit.lead")}
      </p>
      <form method="get" action="/arbetsyta/admin/logg" class="filters" novalidate>
        <fieldset class="filters__set">
          <legend safe>{t("audit.filter")}</legend>
          <TextField
            name="handelse"
            label={t("audit.filter.action")}
            hint={t("audit.filter.actionHint")}
            value={p.query.handelse}
            width="half"
          />
          <TextField name="vem" label={t("audit.filter.actor")} value={p.query.vem} width="half" />
          <TextField
            name="fran"
            label={t("audit.filter.from")}
            hint={t("audit.filter.dateHint")}
            value={p.query.fran}
            error={err("fran")}
            width="quarter"
          />
          <TextField
            name="till"
            label={t("audit.filter.to")}
            hint={t("audit.filter.dateHint")}
            value={p.query.till}
            error={err("till")}
            width="quarter"
          />
          <Button kind="secondary">{escapeHtml(t("audit.filter.submit"))}</Button>
        </fieldset>
      </form>
      <p safe>{t("audit.count", { count: p.total })}</p>
      {p.entries.length === 0 ? (
        <p safe>{t("audit.empty")}</p>
      ) : (
        <Table
          caption={t("audit.title")}
          captionHidden
          rows={p.entries}
          columns={[
            { header: t("audit.col.when"), cell: (e: AuditEntry) => <When ctx={ctx} date={e.occurred_at} /> },
            { header: t("audit.col.who"), cell: (e: AuditEntry) => <span safe>{e.actor_label}</span> },
            { header: t("audit.col.action"), cell: (e: AuditEntry) => <code safe>{e.action}</code> },
            {
              header: t("audit.col.subject"),
              cell: (e: AuditEntry) => (
                <span safe>{e.subject_type ? `${e.subject_type} ${e.subject_id ?? ""}` : String("–")}</span>
              ),
            },
            // Why a secret case was opened, or why something was changed: what oversight needs to read.
            { header: t("audit.col.why"), cell: (e: AuditEntry) => <span safe>{whyOf(e.details)}</span> },
            { header: t("audit.col.from"), cell: (e: AuditEntry) => <span safe>{e.ip ?? "–"}</span> },
          ]}
        />
      )}
      <Pagination
        ctx={ctx}
        page={p.page}
        pageSize={p.pageSize}
        total={p.total}
        href={(n) => `/arbetsyta/admin/logg${queryString(p.query, n)}`}
      />
    </>
  );
}

function whyOf(details: unknown): string {
  const d = (details ?? {}) as { purpose?: unknown; reason?: unknown };
  const text = [d.purpose, d.reason].filter((x): x is string => typeof x === "string" && x.trim() !== "").join(" – ");
  return text || "–";
}

export function FailedJobsPage(p: {
  ctx: PageContext;
  jobs: readonly FailedJob[];
  total: number;
  page: number;
  pageSize: number;
  retried: boolean;
}): JSX.Element {
  const { ctx } = p;
  const t = ctx.t;
  return (
    <>
      {p.retried ? (
        <Banner kind="success">
          <p safe>{t("jobs.retried")}</p>
        </Banner>
      ) : (
        ""
      )}
      <h1 safe>{t("jobs.title")}</h1>
      <p class="lead" safe>
        {t("jobs.lead")}
      </p>
      {p.jobs.length === 0 ? (
        <p safe>{t("jobs.empty")}</p>
      ) : (
        <Table
          caption={t("jobs.title")}
          captionHidden
          rows={p.jobs}
          columns={[
            { header: t("jobs.col.name"), cell: (j: FailedJob) => <code safe>{j.name}</code> },
            { header: t("jobs.col.created"), cell: (j: FailedJob) => <When ctx={ctx} date={j.createdOn} /> },
            { header: t("jobs.col.failed"), cell: (j: FailedJob) => <When ctx={ctx} date={j.completedOn} /> },
            { header: t("jobs.col.tries"), numeric: true, cell: (j: FailedJob) => String(j.retryCount + 1) },
            {
              header: t("jobs.col.error"),
              cell: (j: FailedJob) => (
                <span class="job-error" safe>
                  {errorText(j.output)}
                </span>
              ),
            },
            {
              header: t("jobs.retry"),
              cell: (j: FailedJob) => (
                <Form ctx={ctx} action={`/arbetsyta/admin/jobb/${j.id}/forsok-igen`}>
                  <input type="hidden" name="name" value={j.name} />
                  <Button kind="secondary">{escapeHtml(t("jobs.retry"))}</Button>
                </Form>
              ),
            },
          ]}
        />
      )}
      <Pagination
        ctx={ctx}
        page={p.page}
        pageSize={p.pageSize}
        total={p.total}
        href={(n) => `/arbetsyta/admin/jobb?sida=${n}`}
      />
    </>
  );
}

function errorText(output: unknown): string {
  if (output && typeof output === "object" && "message" in output && typeof output.message === "string")
    return output.message.slice(0, 300);
  return output === null || output === undefined ? "–" : JSON.stringify(output).slice(0, 300);
}
