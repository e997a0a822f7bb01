/** The registrar's pages for requests for public documents: the list, one request, the statistics. */
import { escapeHtml } from "@kitajs/html";
import { sayer, type Lang } from "../../../platform/i18n/messages.js";
import type { FieldError, PageContext } from "../../../views/context.js";
import {
  Banner,
  Button,
  CsrfField,
  ErrorSummary,
  FileField,
  Form,
  Pagination,
  RadioGroup,
  SelectField,
  Table,
  Tag,
  TextField,
} from "../../../views/components.js";
import type { CaseSource } from "../../inbox/index.js";
import type { RequestClock } from "../clock.js";
import { secrecyGrounds } from "../decision.js";
import { messages, type RequestKey } from "../messages.js";
import type { MonthStats, RequestRow } from "../queries.js";

const TONE: Record<RequestClock["state"], "green" | "yellow" | "red"> = {
  on_time: "green",
  late: "yellow",
  seriously_late: "red",
};

export function ClockTag({ clock, lang }: { clock: RequestClock; lang: Lang }): JSX.Element {
  const say = sayer(messages, lang);
  const text = say(clock.decided ? "clock.decidedAfter" : "clock.waited", {
    hours: clock.waitedHours,
    officeHours: clock.waitedOfficeHours,
  });
  return (
    <>
      <Tag tone={TONE[clock.state]}>{escapeHtml(say(`clock.${clock.state}`))}</Tag> <span safe>{text}</span>
    </>
  );
}

export function RequestListPage(p: {
  ctx: PageContext;
  rows: readonly RequestRow[];
  total: number;
  page: number;
  pageSize: number;
  open: boolean;
  overdue: readonly { unit: string; late: number; seriouslyLate: number }[];
}): JSX.Element {
  const say = sayer(messages, p.ctx.lang);
  return (
    <>
      <h1 safe>{say("list.title")}</h1>
      <p class="lead" safe>
        {say("list.lead")}
      </p>
      {p.overdue.length > 0 ? (
        <section class="panel" aria-labelledby="overdue">
          <h2 id="overdue" safe>
            {say("list.overdue.title")}
          </h2>
          <Table
            caption={say("list.overdue.caption")}
            captionHidden
            rows={p.overdue}
            columns={[
              { header: say("list.overdue.unit"), cell: (r: { unit: string }) => <span safe>{r.unit}</span> },
              { header: say("list.overdue.late"), numeric: true, cell: (r: { late: number }) => String(r.late) },
              {
                header: say("list.overdue.seriouslyLate"),
                numeric: true,
                cell: (r: { seriouslyLate: number }) => String(r.seriouslyLate),
              },
            ]}
          />
        </section>
      ) : (
        ""
      )}
      <p>
        {p.open ? (
          <a href="/arbetsyta/begaran?klara=1" safe>
            {say("list.showDecided")}
          </a>
        ) : (
          <a href="/arbetsyta/begaran" safe>
            {say("list.showOpen")}
          </a>
        )}{" "}
        ·{" "}
        <a href="/arbetsyta/begaran/statistik" safe>
          {say("list.statistics")}
        </a>
      </p>
      <Table
        caption={say(p.open ? "list.caption.open" : "list.caption.decided")}
        rows={p.rows}
        columns={[
          {
            header: say("list.col.case"),
            cell: (r: RequestRow) => (
              <a href={`/arbetsyta/begaran/${r.id}`} safe>
                {r.number}
              </a>
            ),
          },
          {
            header: say("list.col.requested"),
            cell: (r: RequestRow) => (
              <span safe>{r.requested.length > 120 ? `${r.requested.slice(0, 117)}…` : r.requested}</span>
            ),
          },
          {
            header: say("list.col.received"),
            cell: (r: RequestRow) => <span safe>{say("list.received", { when: new Date(r.received_at) })}</span>,
          },
          { header: say("list.col.clock"), cell: (r: RequestRow) => <ClockTag clock={r.clock} lang={p.ctx.lang} /> },
          {
            header: say("list.col.unit"),
            cell: (r: RequestRow) => <span safe>{r.unit_name ?? say("list.noUnit")}</span>,
          },
          { header: say("list.col.documents"), numeric: true, cell: (r: RequestRow) => String(r.documents) },
        ]}
      />
      {p.rows.length === 0 ? <p safe>{say(p.open ? "list.empty.open" : "list.empty.decided")}</p> : ""}
      <Pagination
        ctx={p.ctx}
        page={p.page}
        pageSize={p.pageSize}
        total={p.total}
        href={(n) => `/arbetsyta/begaran?${p.open ? "" : "klara=1&"}sida=${n}`}
      />
    </>
  );
}

export interface DocumentView {
  readonly id: string;
  readonly title: string;
  readonly content_type: string;
  readonly size: number;
  readonly review_outcome: string | null;
  readonly review_grounds: string[];
  readonly review_reason: string | null;
  readonly released_pages: number | null;
  readonly hasReleased: boolean;
  readonly masks: readonly { id: string; passage: string; ground: string }[];
  readonly suggestions: readonly string[];
  /** Whether this person has read the original (a review needs it). */
  readonly read: boolean;
}

const REVIEW_OUTCOMES = ["release", "partial", "refuse"] as const;
const isReviewOutcome = (o: string): o is (typeof REVIEW_OUTCOMES)[number] =>
  (REVIEW_OUTCOMES as readonly string[]).includes(o);
const TYPE_KEY: Record<string, RequestKey> = {
  "application/pdf": "doc.type.pdf",
  "message/rfc822": "doc.type.email",
  "text/plain": "doc.type.text",
};

function GroundSelect({ name, id, label, lang }: { name: string; id: string; label: string; lang: Lang }) {
  const say = sayer(messages, lang);
  return (
    <SelectField
      name={name}
      id={id}
      label={label}
      options={secrecyGrounds(lang).map((g) => ({
        value: g.code,
        label: say("doc.ground.option", { code: g.code, protects: g.protects }),
      }))}
    />
  );
}

function DocumentPanel(p: {
  ctx: PageContext;
  base: string;
  d: DocumentView;
  open: boolean;
  errors: readonly FieldError[];
  focus: boolean;
}): JSX.Element {
  const { d } = p;
  const say = sayer(messages, p.ctx.lang);
  const err = (f: string) => (p.focus ? p.errors.find((e) => e.field === f)?.message : undefined);
  const docBase = `${p.base}/dokument/${d.id}`;
  const status = d.review_outcome
    ? isReviewOutcome(d.review_outcome)
      ? say(`doc.outcome.${d.review_outcome}`)
      : d.review_outcome
    : say("doc.notReviewed");
  const typeKey = TYPE_KEY[d.content_type];
  const meta = say("doc.meta", {
    type: typeKey ? say(typeKey) : d.content_type,
    kb: Math.max(1, Math.round(d.size / 1024)),
  });
  return (
    <section class="panel" aria-labelledby={`doc-${d.id}`}>
      <h3 id={`doc-${d.id}`} safe>
        {d.title}
      </h3>
      <p>
        <span safe>{meta}</span> · <Tag tone={d.review_outcome ? "green" : "yellow"}>{escapeHtml(status)}</Tag>
        {d.review_grounds.length > 0 ? (
          <span safe>{` ${say("doc.grounds", { grounds: d.review_grounds.join(", ") })}`}</span>
        ) : (
          ""
        )}
      </p>
      <p>
        <a href={`${docBase}/original`} safe>
          {say("doc.openOriginal")}
        </a>{" "}
        <span safe>{say("doc.logged")}</span>
        {d.hasReleased ? (
          <>
            {" "}
            ·{" "}
            <a href={`${docBase}/utlamnad`} safe>
              {say("doc.openReleased")}
            </a>
          </>
        ) : (
          ""
        )}
      </p>
      <h4 safe>{say("doc.masking.title")}</h4>
      {d.masks.length === 0 ? (
        <p safe>{say("doc.masking.none")}</p>
      ) : (
        <ul>
          {d.masks.map((m) => (
            <li>
              <span safe>{say("doc.masking.item", { passage: m.passage, ground: m.ground })}</span>
              {p.open ? (
                <>
                  {" "}
                  <Form ctx={p.ctx} action={`${docBase}/maskering/${m.id}/ta-bort`} class="inline-form">
                    <Button kind="link">{escapeHtml(say("doc.masking.remove"))}</Button>
                  </Form>
                </>
              ) : (
                ""
              )}
            </li>
          ))}
        </ul>
      )}
      {p.open && d.suggestions.length > 0 ? (
        <p class="hint">
          <span safe>{`${say("doc.suggestions")} `}</span>
          <span safe>{d.suggestions.join(", ")}</span>
        </p>
      ) : (
        ""
      )}
      {p.open ? (
        <>
          <Form ctx={p.ctx} action={`${docBase}/maskering`} novalidate>
            <TextField
              id={`passage-${d.id}`}
              name="passage"
              label={say("doc.passage.label")}
              hint={say("doc.passage.hint")}
              error={err("passage")}
            />
            <GroundSelect id={`ground-${d.id}`} name="ground" label={say("doc.ground.label")} lang={p.ctx.lang} />
            <Button kind="secondary">{escapeHtml(say("doc.masking.add"))}</Button>
          </Form>
          {!d.read ? (
            <p class="hint" safe>
              {say("doc.readFirst")}
            </p>
          ) : (
            <Form ctx={p.ctx} action={`${docBase}/provning`} novalidate>
              <RadioGroup
                id={`outcome-${d.id}`}
                name="outcome"
                legend={say("doc.review.legend")}
                checked={d.review_outcome ?? undefined}
                error={err("outcome")}
                options={REVIEW_OUTCOMES.map((o) => ({ value: o, label: say(`doc.outcome.${o}`) }))}
              />
              <GroundSelect
                id={`grounds-${d.id}`}
                name="grounds"
                label={say("doc.review.grounds.label")}
                lang={p.ctx.lang}
              />
              <TextField
                id={`reason-${d.id}`}
                name="reason"
                label={say("doc.review.reason.label")}
                hint={say("doc.review.reason.hint")}
                value={d.review_reason ?? ""}
                error={err("reason")}
              />
              <Button>{escapeHtml(say("doc.review.save"))}</Button>
            </Form>
          )}
        </>
      ) : (
        ""
      )}
    </section>
  );
}

/** A request of a secret case: opened deliberately first, like the case (the opening is logged with its purpose). */
export function RequestGatePage(p: { ctx: PageContext; id: string; number: string }): JSX.Element {
  const say = sayer(messages, p.ctx.lang);
  return (
    <>
      <h1 safe>{say("gate.title", { number: p.number })}</h1>
      <p safe>{say("gate.text")}</p>
      <Form ctx={p.ctx} action={`/arbetsyta/begaran/${p.id}/oppna`}>
        <Button>{escapeHtml(say("gate.open"))}</Button>
      </Form>
    </>
  );
}

export function RequestPage(p: {
  ctx: PageContext;
  id: string;
  caseId: string;
  number: string;
  requested: string;
  receivedAt: Date;
  status: string;
  clock: RequestClock;
  partsNote: string;
  documents: readonly DocumentView[];
  sources: readonly CaseSource[];
  errors: readonly FieldError[];
  errorDoc?: string | undefined;
  notice?: string | undefined;
  outcome: string | null;
  decisionText: string | null;
  requesterEmail: string | null;
  delivery: { method: string | null; fee: string | null; pages: number | null; link?: string | undefined };
  maxMb: number;
  /** The other registered case whose messages and attachments are listed, if one was chosen. */
  from: string;
}): JSX.Element {
  const { ctx } = p;
  const say = sayer(messages, ctx.lang);
  const base = `/arbetsyta/begaran/${p.id}`;
  const open = p.status === "open";
  const err = (f: string) => (p.errorDoc ? undefined : p.errors.find((e) => e.field === f)?.message);
  const link = p.delivery.link ? (
    <p>
      <span safe>{`${say("request.link")} `}</span>
      <code safe>{p.delivery.link}</code>
    </p>
  ) : (
    ""
  );
  return (
    <>
      {p.notice ? (
        <Banner kind="success">
          <p safe>{p.notice}</p>
        </Banner>
      ) : (
        ""
      )}
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <p class="breadcrumbs">
        <a href="/arbetsyta/begaran" safe>
          {say("request.breadcrumb.list")}
        </a>{" "}
        ·{" "}
        <a href={`/arbetsyta/arenden/${p.caseId}`} safe>
          {say("request.breadcrumb.case")}
        </a>
      </p>
      <h1 safe>{say("request.title", { number: p.number })}</h1>
      <p>
        <ClockTag clock={p.clock} lang={ctx.lang} />
      </p>
      <p safe>{say("request.received", { received: p.receivedAt, due: p.clock.due })}</p>
      <section class="panel" aria-labelledby="requested-title">
        <h2 id="requested-title" safe>
          {say("request.requested.title")}
        </h2>
        <p safe>{p.requested}</p>
        <p class="hint" safe>
          {say("request.requested.hint")}
        </p>
      </section>
      {open ? (
        <section class="panel" aria-labelledby="parts-title">
          <h2 id="parts-title" safe>
            {say("request.parts.title")}
          </h2>
          <Form ctx={ctx} action={`${base}/delar`}>
            <TextField
              name="parts"
              label={say("request.parts.label")}
              hint={say("request.parts.hint")}
              value={p.partsNote}
              error={err("parts")}
            />
            <Button kind="secondary">{escapeHtml(say("request.parts.save"))}</Button>
          </Form>
          <Form ctx={ctx} action={`${base}/leverans-del`}>
            <SelectField
              name="partMethod"
              label={say("request.part.label")}
              hint={say("request.part.hint")}
              error={err("partMethod")}
              options={[
                ...(p.requesterEmail ? [{ value: "email", label: say("request.part.email") }] : []),
                { value: "download", label: say("request.part.download") },
              ]}
            />
            <Button kind="secondary">{escapeHtml(say("request.part.send"))}</Button>
          </Form>
          {link}
        </section>
      ) : p.partsNote ? (
        <p safe>{say("request.parts.note", { note: p.partsNote })}</p>
      ) : (
        ""
      )}
      <h2 safe>{say("request.documents.title")}</h2>
      {p.documents.length === 0 ? <p safe>{say("request.documents.empty")}</p> : ""}
      {p.documents.map((d) => (
        <DocumentPanel ctx={ctx} base={base} d={d} open={open} errors={p.errors} focus={p.errorDoc === d.id} />
      ))}
      {open ? (
        <div class="grid">
          <section class="panel" aria-labelledby="upload-title">
            <h2 id="upload-title" safe>
              {say("request.upload.title")}
            </h2>
            <form method="post" action={`${base}/dokument`} enctype="multipart/form-data" novalidate>
              <CsrfField ctx={ctx} />
              <TextField
                name="title"
                label={say("request.upload.name.label")}
                hint={say("request.upload.name.hint")}
                error={err("title")}
              />
              <FileField
                name="file"
                label={say("request.upload.file.label")}
                hint={say("request.upload.file.hint", { mb: p.maxMb })}
                error={err("file")}
                accept=".pdf,.eml,.txt,application/pdf,message/rfc822,text/plain"
              />
              <Button kind="secondary">{escapeHtml(say("request.upload.send"))}</Button>
            </form>
          </section>
          <section class="panel" aria-labelledby="source-title">
            <h2 id="source-title" safe>
              {p.from ? say("request.source.from", { number: p.from }) : say("request.source.fromCase")}
            </h2>
            {p.sources.length > 0 ? (
              <Form ctx={ctx} action={`${base}/dokument/fran-arendet`}>
                <input type="hidden" name="case" value={p.from} />
                <SelectField
                  name="source"
                  label={say("request.source.label")}
                  error={err("source")}
                  options={p.sources.map((s) => ({ value: `${s.kind}:${s.id}`, label: s.title }))}
                />
                <Button kind="secondary">{escapeHtml(say("request.source.add"))}</Button>
              </Form>
            ) : (
              <p safe>{say("request.source.empty")}</p>
            )}
            <form method="get" action={base} class="inline-form">
              <TextField
                name="fran"
                label={say("request.other.label")}
                hint={say("request.other.hint")}
                error={err("from")}
                width="half"
              />
              <Button kind="link">{escapeHtml(say("request.other.show"))}</Button>
            </form>
          </section>
        </div>
      ) : (
        ""
      )}
      <section class="panel" aria-labelledby="decision-title">
        <h2 id="decision-title" safe>
          {say("request.decision.title")}
        </h2>
        {open ? (
          <Form ctx={ctx} action={`${base}/beslut`} novalidate>
            <p safe>{say("request.decision.text")}</p>
            <TextField
              name="reason"
              label={say("request.decision.reason.label")}
              hint={say("request.decision.reason.hint")}
              error={err("reason")}
            />
            <Button>{escapeHtml(say("request.decision.decide"))}</Button>
          </Form>
        ) : (
          <>
            <p>
              <Tag tone={p.outcome === "full" ? "green" : "yellow"}>
                {escapeHtml(
                  say(
                    p.outcome === "full"
                      ? "request.outcome.full"
                      : p.outcome === "partial"
                        ? "request.outcome.partial"
                        : "request.outcome.refused",
                  ),
                )}
              </Tag>
            </p>
            {p.decisionText ? (
              <pre class="decision" safe>
                {p.decisionText}
              </pre>
            ) : (
              <p safe>{say("request.decision.none")}</p>
            )}
          </>
        )}
      </section>
      {p.status === "decided" ? (
        <section class="panel" aria-labelledby="delivery-title">
          <h2 id="delivery-title" safe>
            {say("request.delivery.title")}
          </h2>
          <Form ctx={ctx} action={`${base}/leverans`}>
            <SelectField
              name="method"
              label={say("request.delivery.label")}
              error={err("method")}
              options={[
                ...(p.requesterEmail ? [{ value: "email", label: say("request.delivery.email") }] : []),
                { value: "download", label: say("request.delivery.download") },
                { value: "post", label: say("request.delivery.post") },
              ]}
            />
            <Button>{escapeHtml(say("request.delivery.send"))}</Button>
          </Form>
        </section>
      ) : (
        ""
      )}
      {p.status === "delivered" ? (
        <section class="panel" aria-labelledby="delivered-title">
          <h2 id="delivered-title" safe>
            {say("request.delivered.title")}
          </h2>
          <p safe>
            {say("request.delivered.summary", {
              method: p.delivery.method ?? "post",
              pages: p.delivery.pages ?? 0,
              fee: Number(p.delivery.fee ?? 0),
            })}
          </p>
          {link}
        </section>
      ) : (
        ""
      )}
    </>
  );
}

export function StatisticsPage(p: { ctx: PageContext; months: readonly MonthStats[] }): JSX.Element {
  const say = sayer(messages, p.ctx.lang);
  const pct = (v: number | null) => (v === null ? say("stats.none") : say("stats.share", { share: v }));
  return (
    <>
      <h1 safe>{say("stats.title")}</h1>
      <p class="lead" safe>
        {say("stats.lead")}
      </p>
      <Table
        caption={say("stats.caption")}
        rows={p.months}
        columns={[
          { header: say("stats.col.month"), cell: (m: MonthStats) => <span safe>{m.month}</span> },
          { header: say("stats.col.requests"), numeric: true, cell: (m: MonthStats) => String(m.requests) },
          { header: say("stats.col.decided"), numeric: true, cell: (m: MonthStats) => String(m.decided) },
          {
            header: say("stats.col.median"),
            numeric: true,
            cell: (m: MonthStats) =>
              m.medianHoursToDecision === null
                ? say("stats.none")
                : say("stats.hours", { hours: m.medianHoursToDecision }),
          },
          { header: say("stats.col.sameDay"), numeric: true, cell: (m: MonthStats) => pct(m.sameDayShare) },
          { header: say("stats.col.partial"), numeric: true, cell: (m: MonthStats) => String(m.partial) },
          { header: say("stats.col.refused"), numeric: true, cell: (m: MonthStats) => String(m.refused) },
        ]}
      />
      {p.months.length === 0 ? <p safe>{say("stats.empty")}</p> : ""}
    </>
  );
}
