/** Workspace pages for the newsroom: releases, the editor with review and approval, contacts and lists, events, coverage, measures. */
import { escapeHtml } from "@kitajs/html";
import { sayer } from "../../../platform/i18n/messages.js";
import {
  Banner,
  BarChart,
  Button,
  CheckboxField,
  CheckboxGroup,
  DateTimeField,
  ErrorSummary,
  FileField,
  Form,
  Pagination,
  RadioGroup,
  SelectField,
  Table,
  Tag,
  TextAreaField,
  TextField,
} from "../../../views/components.js";
import type { FieldError, PageContext } from "../../../views/context.js";
import { KlarsprakEditor } from "../../../views/klarsprak-editor.js";
import type { AnalysisJson } from "../../klarsprak/index.js";
import { basisOptions, type ImportPreview } from "../media.js";
import { messages, type NewsroomSay } from "../messages.js";
import { DEFAULT_BASIS } from "../newsroom-words.js";
import { documentKind, kindText } from "../public/views.js";
import type { MonthRow, ReleaseDetail, StaffListRow } from "../queries.js";

type Option = { readonly value: string; readonly label: string };

type Tone = "neutral" | "blue" | "green" | "red" | "yellow";
const STATUS_TONE = { draft: "neutral", in_review: "yellow", approved: "blue", withdrawn: "red" } as const;
const isStatus = (s: string): s is keyof typeof STATUS_TONE => s in STATUS_TONE;

export function statusText(
  r: { status: string; publishAt: Date | null; embargo: boolean },
  say: NewsroomSay,
  now = new Date(),
): [string, Tone] {
  if (r.status === "approved" && r.publishAt && r.publishAt <= now) return [say("status.published"), "green"];
  if (r.status === "approved" && r.publishAt)
    return [say(r.embargo ? "status.embargo" : "status.scheduled", { when: r.publishAt }), "blue"];
  return isStatus(r.status) ? [say(`status.${r.status}`), STATUS_TONE[r.status]] : [r.status, "neutral"];
}

const VIEWS = ["all", "draft", "review", "scheduled", "published"] as const;

const TONES = ["positive", "neutral", "negative"] as const;
/** How we were portrayed, lower case ("positiv"), or the value itself if unknown. */
export function toneText(say: NewsroomSay, tone: string): string {
  const t = TONES.find((x) => x === tone);
  return t ? say(`tone.${t}`) : tone;
}

const BASES = ["public_interest", "legal_obligation", "consent"] as const;
function basisText(say: NewsroomSay, basis: string): string {
  const b = BASES.find((x) => x === basis);
  return b ? say(`basis.${b}`) : basis;
}

export function ReleaseListPage(p: {
  ctx: PageContext;
  view: string;
  rows: readonly StaffListRow[];
  total: number;
  page: number;
  pageSize: number;
  errors: readonly FieldError[];
}): JSX.Element {
  const say = sayer(messages, p.ctx.lang);
  const kinds = kindOptions(say);
  return (
    <>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <h1 safe>{say("staff.title")}</h1>
      <nav aria-label={say("staff.nav.label")}>
        <ul class="inline-links">
          <li>
            <a href="/arbetsyta/press/kontakter" safe>
              {say("staff.nav.contacts")}
            </a>
          </li>
          <li>
            <a href="/arbetsyta/press/evenemang" safe>
              {say("staff.nav.events")}
            </a>
          </li>
          <li>
            <a href="/arbetsyta/press/bevakning" safe>
              {say("staff.nav.coverage")}
            </a>
          </li>
          <li>
            <a href="/arbetsyta/press/matt" safe>
              {say("staff.nav.measures")}
            </a>
          </li>
          <li>
            <a href="/press" safe>
              {say("staff.nav.public")}
            </a>
          </li>
        </ul>
      </nav>
      <section class="panel" aria-labelledby="new-title">
        <h2 id="new-title" safe>
          {say("list.new.title")}
        </h2>
        <Form ctx={p.ctx} action="/arbetsyta/press" class="inline-form">
          <TextField
            name="title"
            label={say("field.title")}
            value=""
            error={p.errors.find((e) => e.field === "title")?.message}
          />
          <SelectField name="kind" label={say("field.kind")} options={kinds} />
          <Button>{escapeHtml(say("list.new.button"))}</Button>
        </Form>
      </section>
      <nav aria-label={say("list.views.label")}>
        <ul class="inline-links">
          {VIEWS.map((v) => [v, say(`view.${v}`)] as const).map(([v, label]) => (
            <li>
              {v === p.view ? (
                <strong aria-current="page" safe>
                  {label}
                </strong>
              ) : (
                <a href={`/arbetsyta/press?vy=${v}`} safe>
                  {label}
                </a>
              )}
            </li>
          ))}
        </ul>
      </nav>
      <Table<StaffListRow>
        caption={say("list.caption", { count: p.total })}
        rows={p.rows}
        columns={[
          {
            header: say("list.col.title"),
            cell: (r) => (
              <a href={`/arbetsyta/press/${r.id}`} safe>
                {r.title}
              </a>
            ),
          },
          { header: say("list.col.kind"), cell: (r) => <span safe>{kindText(say, r.kind)}</span> },
          {
            header: say("list.col.status"),
            cell: (r) => {
              const [text, tone] = statusText(r, say);
              return (
                <Tag tone={tone}>
                  <span safe>{text}</span>
                </Tag>
              );
            },
          },
          {
            header: say("list.col.changed"),
            cell: (r) => <span safe>{say("date.stamp", { when: r.updatedAt })}</span>,
          },
        ]}
      />
      <Pagination
        ctx={p.ctx}
        page={p.page}
        pageSize={p.pageSize}
        total={p.total}
        href={(n) => `/arbetsyta/press?vy=${p.view}&sida=${n}`}
      />
    </>
  );
}

export interface EditorState {
  readonly errors: readonly FieldError[];
  readonly values: Readonly<Record<string, string>>;
  readonly analysis: AnalysisJson | null;
  readonly pastTime?: boolean;
  readonly done?: string | undefined;
}

export function ReleaseEditorPage(p: {
  ctx: PageContext;
  r: ReleaseDetail;
  state: EditorState;
  units: readonly Option[];
  lists: readonly (Option & { members: number })[];
  contacts: readonly Option[];
  isPublic: boolean;
  approveBlockedReason: string | null;
  languageErrors: readonly string[];
  languageWarnings: readonly string[];
  deliveries: readonly {
    email: string;
    status: string;
    attempts: number;
    last_error: string | null;
    sent_at: Date | null;
  }[];
  inquiries: readonly {
    number: string;
    subject: string;
    status: string;
    due: Date | null;
    answeredAt: Date | null;
    secret: boolean;
  }[];
  suggestedInquiries: readonly { number: string; subject: string }[];
  coverage: readonly { outlet: string; published_on: Date; url: string; tone: string; note: string }[];
}): JSX.Element {
  const { ctx, r, state } = p;
  const say = sayer(messages, ctx.lang);
  const v = (k: string, fallback: string) => state.values[k] ?? fallback;
  const err = (f: string) => state.errors.find((e) => e.field === f)?.message;
  const id = r.id;
  const [statusLabel, tone] = statusText({ status: r.status, publishAt: r.publishAt, embargo: r.embargo }, say);
  const doneKey = DONE.find((d) => d === state.done);
  const sent = p.deliveries.filter((d) => d.status === "sent").length;
  return (
    <>
      <ErrorSummary ctx={ctx} errors={state.errors} />
      <p class="breadcrumbs">
        <a href="/arbetsyta/press" safe>
          {say("staff.title")}
        </a>
      </p>
      <h1 safe>{r.title}</h1>
      <p>
        <Tag tone={tone}>
          <span safe>{statusLabel}</span>
        </Tag>{" "}
        <span class="hint" safe>
          {say("editor.version", { version: String(r.version) })}
        </span>
        {p.isPublic ? (
          <>
            {" "}
            <a href={`/press/${r.slug}`} safe>
              {say("editor.viewPublished")}
            </a>
          </>
        ) : (
          ""
        )}
      </p>
      {doneKey ? (
        <Banner kind="success">
          <p safe>{say(`done.${doneKey}`)}</p>
        </Banner>
      ) : (
        ""
      )}
      {p.languageErrors.length > 0 ? (
        <Banner kind="warning">
          <p>
            <strong safe>{say("editor.languageErrors")}</strong>
          </p>
          <ul>
            {p.languageErrors.map((e) => (
              <li safe>{e}</li>
            ))}
          </ul>
        </Banner>
      ) : (
        ""
      )}

      <section class="panel" aria-labelledby="text-title">
        <h2 id="text-title" safe>
          {say("editor.text.title")}
        </h2>
        {p.isPublic ? <p safe>{say("editor.text.published")}</p> : ""}
        <Form ctx={ctx} action={`/arbetsyta/press/${id}/text`}>
          <TextField name="title" label={say("field.title")} value={v("title", r.title)} error={err("title")} />
          <TextAreaField
            name="lead"
            label={say("field.lead")}
            rows={3}
            value={v("lead", r.lead)}
            error={err("lead")}
            hint={say("field.lead.hint")}
          />
          <KlarsprakEditor
            ctx={ctx}
            id="body"
            name="body"
            label={say("field.body")}
            format="markdown"
            rows={14}
            value={v("body", r.bodyMd)}
            error={err("body")}
            result={state.analysis}
            hint={say("field.body.hint")}
          />
          <TextField
            name="topic"
            label={say("field.topic")}
            value={v("topic", r.topic)}
            error={err("topic")}
            hint={say("field.topic.hint")}
          />
          <SelectField
            name="unitId"
            label={say("field.unit")}
            selected={v("unitId", r.unitId ?? "")}
            options={[{ value: "", label: say("field.unit.all") }, ...p.units]}
          />
          <SelectField name="kind" label={say("field.kind")} selected={v("kind", r.kind)} options={kindOptions(say)} />
          {p.isPublic ? (
            <TextAreaField
              name="correction"
              label={say("field.correction")}
              rows={2}
              value={v("correction", "")}
              error={err("correction")}
              hint={say("field.correction.hint")}
            />
          ) : (
            ""
          )}
          <Button>{escapeHtml(say(p.isPublic ? "editor.text.saveCorrection" : "editor.text.save"))}</Button>
        </Form>
      </section>

      <section class="panel" aria-labelledby="quotes-title">
        <h2 id="quotes-title" safe>
          {say("editor.quotes.title")}
        </h2>
        {r.quotes.map((q) => (
          <div>
            <blockquote>
              <p safe>{`”${q.quote}” – ${q.person}${q.personTitle ? `, ${q.personTitle}` : ""}`}</p>
            </blockquote>
            <Form ctx={ctx} action={`/arbetsyta/press/${id}/ta-bort/citat/${q.id}`}>
              <Button kind="link">{escapeHtml(say("editor.quotes.remove"))}</Button>
            </Form>
          </div>
        ))}
        <Form ctx={ctx} action={`/arbetsyta/press/${id}/citat`}>
          <TextAreaField name="quote" label={say("field.quote")} rows={3} value={v("quote", "")} error={err("quote")} />
          <TextField name="person" label={say("field.person")} value={v("person", "")} error={err("person")} />
          <TextField name="personTitle" label={say("field.personTitle")} value={v("personTitle", "")} />
          <Button kind="secondary">{escapeHtml(say("editor.quotes.add"))}</Button>
        </Form>
      </section>

      <section class="panel" aria-labelledby="contacts-title">
        <h2 id="contacts-title" safe>
          {say("editor.contacts.title")}
        </h2>
        <ul class="plain-list">
          {r.contacts.map((c) => (
            <li>
              <span safe>{[c.name, c.role, c.phone, c.email].filter(Boolean).join(", ")}</span>{" "}
              <Form ctx={ctx} action={`/arbetsyta/press/${id}/ta-bort/kontakt/${c.id}`} class="inline-form">
                <Button kind="link">{escapeHtml(say("editor.remove"))}</Button>
              </Form>
            </li>
          ))}
        </ul>
        <Form ctx={ctx} action={`/arbetsyta/press/${id}/kontaktperson`}>
          <TextField
            name="contactName"
            label={say("field.name")}
            value={v("contactName", "")}
            error={err("contactName")}
          />
          <TextField name="contactRole" label={say("field.role")} value={v("contactRole", "")} />
          <TextField
            name="contactPhone"
            type="tel"
            label={say("field.phone")}
            value={v("contactPhone", "")}
            error={err("contactPhone")}
          />
          <TextField
            name="contactEmail"
            type="email"
            label={say("field.email")}
            value={v("contactEmail", "")}
            error={err("contactEmail")}
          />
          <Button kind="secondary">{escapeHtml(say("editor.contacts.add"))}</Button>
        </Form>
      </section>

      <section class="panel" aria-labelledby="images-title">
        <h2 id="images-title" safe>
          {say("editor.images.title")}
        </h2>
        <ul class="plain-list">
          {r.images.map((img) => (
            <li>
              <img src={`/arbetsyta/press/${id}/bild/${img.id}/${img.sizes[0] ?? 320}.jpg`} alt={img.alt} width="160" />
              <span
                safe
              >{` ${say("editor.images.line", { alt: img.alt, width: String(img.width), height: String(img.height), sizes: img.sizes.join(", ") })}`}</span>
              <Form ctx={ctx} action={`/arbetsyta/press/${id}/ta-bort/bild/${img.id}`} class="inline-form">
                <Button kind="link">{escapeHtml(say("editor.remove"))}</Button>
              </Form>
            </li>
          ))}
        </ul>
        <form method="post" action={`/arbetsyta/press/${id}/bild`} enctype="multipart/form-data" novalidate>
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <FileField
            name="image"
            label={say("field.image")}
            hint={say("field.image.hint")}
            error={err("image")}
            accept=".jpg,.jpeg,.png,.webp"
          />
          <TextField
            name="alt"
            label={say("field.alt")}
            value={v("alt", "")}
            error={err("alt")}
            hint={say("field.alt.hint")}
          />
          <TextField name="caption" label={say("field.caption")} value={v("caption", "")} />
          <TextField name="photographer" label={say("field.photographer")} value={v("photographer", "")} />
          <Button kind="secondary">{escapeHtml(say("editor.images.upload"))}</Button>
        </form>
      </section>

      <section class="panel" aria-labelledby="docs-title">
        <h2 id="docs-title" safe>
          {say("editor.docs.title")}
        </h2>
        <ul class="plain-list">
          {r.documents.map((d) => (
            <li>
              <span safe>{`${documentKind(say, d.kind)}: ${d.title} (${d.filename})`}</span>{" "}
              <Form ctx={ctx} action={`/arbetsyta/press/${id}/ta-bort/dokument/${d.id}`} class="inline-form">
                <Button kind="link">{escapeHtml(say("editor.remove"))}</Button>
              </Form>
            </li>
          ))}
        </ul>
        <form method="post" action={`/arbetsyta/press/${id}/dokument`} enctype="multipart/form-data" novalidate>
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <SelectField
            name="documentKind"
            label={say("field.documentKind")}
            options={(["fact_sheet", "statistics", "background", "document"] as const).map((k) => ({
              value: k,
              label: say(`doc.${k}`),
            }))}
            error={err("documentKind")}
          />
          <TextField
            name="documentTitle"
            label={say("field.documentTitle")}
            value={v("documentTitle", "")}
            error={err("documentTitle")}
          />
          <FileField
            name="document"
            label={say("field.document")}
            hint={say("field.document.hint")}
            error={err("document")}
            accept=".pdf,.jpg,.jpeg,.png"
          />
          <Button kind="secondary">{escapeHtml(say("editor.docs.upload"))}</Button>
        </form>
      </section>

      {r.status === "draft" ? (
        <section class="panel" aria-labelledby="review-title">
          <h2 id="review-title" safe>
            {say("editor.review.title")}
          </h2>
          <p safe>{say("editor.review.text")}</p>
          {err("review") ? (
            <p class="field__error" id="review" safe>
              {err("review")}
            </p>
          ) : (
            ""
          )}
          <Form ctx={ctx} action={`/arbetsyta/press/${id}/granskning`}>
            <Button>{escapeHtml(say("editor.review.button"))}</Button>
          </Form>
        </section>
      ) : (
        ""
      )}

      {r.status === "in_review" ? (
        <section class="panel" aria-labelledby="approve-title">
          <h2 id="approve-title" safe>
            {say("editor.approve.title")}
          </h2>
          {p.languageWarnings.length > 0 ? (
            <div>
              <p>
                <strong safe>{say("editor.approve.warnings", { count: p.languageWarnings.length })}</strong>
              </p>
              <ul>
                {p.languageWarnings.map((w) => (
                  <li safe>{w}</li>
                ))}
              </ul>
            </div>
          ) : (
            <p safe>{say("editor.approve.noWarnings")}</p>
          )}
          {p.approveBlockedReason ? (
            <p safe>{p.approveBlockedReason}</p>
          ) : (
            <Form ctx={ctx} action={`/arbetsyta/press/${id}/godkann`}>
              {err("approve") ? (
                <p class="field__error" id="approve" safe>
                  {err("approve")}
                </p>
              ) : (
                ""
              )}
              <RadioGroup
                name="mode"
                legend={say("editor.approve.when")}
                checked={v("mode", "now")}
                options={(["now", "scheduled", "embargo"] as const).map((value) => ({
                  value,
                  label: say(`editor.approve.${value}`),
                }))}
              />
              <DateTimeField
                name="publishAt"
                label={say("field.publishAt")}
                hint={say("field.publishAt.hint")}
                value={v("publishAt", "")}
                error={err("publishAt")}
              />
              {state.pastTime ? (
                <CheckboxField name="confirmPast" value="1" label={say("editor.approve.confirmPast")} />
              ) : (
                ""
              )}
              <fieldset class="field">
                <legend class="field__label" safe>
                  {say("editor.approve.sendTo")}
                </legend>
                <label class="radio radio--block">
                  <input type="checkbox" name="toSubscribers" value="1" checked={v("toSubscribers", "1") === "1"} />{" "}
                  <span safe>{say("editor.approve.subscribers")}</span>
                </label>
                {p.lists.map((l) => (
                  <label class="radio radio--block">
                    <input type="checkbox" name="listIds" value={l.value} />{" "}
                    <span safe>{say("editor.approve.list", { name: l.label, count: l.members })}</span>
                  </label>
                ))}
              </fieldset>
              <CheckboxGroup
                name="embargoContactIds"
                id="embargoContacts"
                legend={say("editor.approve.embargoContacts")}
                options={p.contacts}
                checked={[]}
                error={err("embargoContacts")}
              />
              <Button>{escapeHtml(say("editor.approve.button"))}</Button>
            </Form>
          )}
        </section>
      ) : (
        ""
      )}

      {r.status === "approved" && !p.isPublic ? (
        <section class="panel" aria-labelledby="withdraw-title">
          <h2 id="withdraw-title" safe>
            {say("editor.withdraw.title")}
          </h2>
          <p safe>{say("editor.withdraw.text")}</p>
          <Form ctx={ctx} action={`/arbetsyta/press/${id}/dra-tillbaka`}>
            <Button kind="secondary">{escapeHtml(say("editor.withdraw.button"))}</Button>
          </Form>
        </section>
      ) : (
        ""
      )}

      {r.corrections.length > 0 ? (
        <section class="panel" aria-labelledby="corrections-title">
          <h2 id="corrections-title" safe>
            {say("editor.corrections.title")}
          </h2>
          <ul>
            {r.corrections.map((c) => (
              <li safe>{say("editor.corrections.line", { when: c.at, note: c.note })}</li>
            ))}
          </ul>
        </section>
      ) : (
        ""
      )}

      {r.distributedAt ? (
        <section class="panel" aria-labelledby="deliveries-title">
          <h2 id="deliveries-title" safe>
            {say("editor.deliveries.title")}
          </h2>
          <p safe>{say("editor.deliveries.sent", { sent, count: p.deliveries.length })}</p>
          <Table<(typeof p.deliveries)[number]>
            caption={say("editor.deliveries.caption")}
            captionHidden
            rows={p.deliveries}
            columns={[
              { header: say("editor.deliveries.col.email"), cell: (d) => <span safe>{d.email}</span> },
              {
                header: say("editor.deliveries.col.status"),
                cell: (d) =>
                  d.status === "sent" ? (
                    <Tag tone="green">{escapeHtml(say("delivery.sent"))}</Tag>
                  ) : d.status === "failed" ? (
                    <Tag tone="red">{escapeHtml(say("delivery.failed"))}</Tag>
                  ) : d.status === "skipped" ? (
                    <Tag>{escapeHtml(say("delivery.skipped"))}</Tag>
                  ) : (
                    <Tag tone="yellow">
                      {escapeHtml(say(d.attempts > 0 ? "delivery.retrying" : "delivery.pending"))}
                    </Tag>
                  ),
              },
              {
                header: say("editor.deliveries.col.error"),
                cell: (d) => (
                  <span class="job-error" safe>
                    {d.last_error ?? ""}
                  </span>
                ),
              },
            ]}
          />
        </section>
      ) : (
        ""
      )}

      <section class="panel" aria-labelledby="inquiries-title">
        <h2 id="inquiries-title" safe>
          {say("editor.inquiries.title")}
        </h2>
        {p.inquiries.length === 0 ? (
          <p safe>{say("editor.inquiries.none")}</p>
        ) : (
          <ul>
            {p.inquiries.map((q) => (
              <li safe>{`${q.number}: ${q.secret ? say("inquiry.secret") : q.subject} – ${inquiryState(say, q)}`}</li>
            ))}
          </ul>
        )}
        {p.suggestedInquiries.length > 0 ? (
          <>
            <p safe>{say("editor.inquiries.suggested")}</p>
            <ul class="plain-list">
              {p.suggestedInquiries.map((q) => (
                <li>
                  <Form ctx={ctx} action={`/arbetsyta/press/${id}/fraga`} class="inline-form">
                    <input type="hidden" name="caseNumber" value={q.number} />
                    <span safe>{`${q.number}: ${q.subject}`}</span>{" "}
                    <Button kind="link">{escapeHtml(say("editor.inquiries.link"))}</Button>
                  </Form>
                </li>
              ))}
            </ul>
          </>
        ) : (
          ""
        )}
        <Form ctx={ctx} action={`/arbetsyta/press/${id}/fraga`} class="inline-form">
          <TextField
            name="caseNumber"
            label={say("field.caseNumber")}
            value={v("caseNumber", "")}
            error={err("caseNumber")}
            hint={say("field.caseNumber.hint")}
          />
          <Button kind="secondary">{escapeHtml(say("editor.inquiries.linkButton"))}</Button>
        </Form>
      </section>

      <section class="panel" aria-labelledby="coverage-title">
        <h2 id="coverage-title" safe>
          {say("editor.coverage.title")}
        </h2>
        {p.coverage.length === 0 ? (
          <p safe>{say("editor.coverage.none")}</p>
        ) : (
          <ul>
            {p.coverage.map((c) => (
              <li>
                <span
                  safe
                >{`${say("coverage.line", { when: new Date(c.published_on), outlet: c.outlet, tone: toneText(say, c.tone) })}${c.note ? `: ${c.note}` : ""}`}</span>
                {c.url ? (
                  <>
                    {" "}
                    <a href={c.url} safe>
                      {c.url}
                    </a>
                  </>
                ) : (
                  ""
                )}
              </li>
            ))}
          </ul>
        )}
        <CoverageForm
          ctx={ctx}
          action={`/arbetsyta/press/${id}/bevakning`}
          values={state.values}
          errors={state.errors}
          withTopic={false}
        />
      </section>
    </>
  );
}

const DONE = ["text", "correction", "part", "review", "approved", "withdrawn", "coverage", "inquiry"] as const;

function kindOptions(say: NewsroomSay): { value: string; label: string }[] {
  return [
    { value: "press_release", label: say("kind.press_release") },
    { value: "news", label: say("kind.news") },
  ];
}

/** Where a linked media question stands: answered (in time or late), overdue, or open. */
function inquiryState(say: NewsroomSay, q: { due: Date | null; answeredAt: Date | null }): string {
  if (q.answeredAt)
    return say(q.due && q.answeredAt > q.due ? "inquiry.answeredLate" : "inquiry.answered", { when: q.answeredAt });
  return say(q.due && q.due < new Date() ? "inquiry.overdue" : "inquiry.open");
}

export function CoverageForm(p: {
  ctx: PageContext;
  action: string;
  values: Readonly<Record<string, string>>;
  errors: readonly FieldError[];
  withTopic: boolean;
}): JSX.Element {
  const say = sayer(messages, p.ctx.lang);
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  return (
    <Form ctx={p.ctx} action={p.action}>
      <TextField
        name="outlet"
        label={say("field.outlet")}
        value={p.values["outlet"] ?? ""}
        error={err("outlet")}
        hint={say("field.outlet.hint")}
      />
      <TextField name="date" type="date" label={say("field.date")} value={p.values["date"] ?? ""} error={err("date")} />
      <TextField name="url" type="url" label={say("field.url")} value={p.values["url"] ?? ""} error={err("url")} />
      {p.withTopic ? (
        <TextField name="topic" label={say("field.topic")} value={p.values["topic"] ?? ""} error={err("topic")} />
      ) : (
        ""
      )}
      <SelectField
        name="tone"
        label={say("field.tone")}
        selected={p.values["tone"] ?? "neutral"}
        error={err("tone")}
        options={TONES.map((t) => ({ value: t, label: say(`toneOption.${t}`) }))}
      />
      <TextField name="note" label={say("field.note")} value={p.values["note"] ?? ""} />
      <Button kind="secondary">{escapeHtml(say("coverage.save"))}</Button>
    </Form>
  );
}

/** What was just done on the contacts page (from `?klart=`), with its counts for an import. */
export type ContactsDone =
  | { readonly kind: "sparad" | "raderad" | "lista" | "listan-andrad" }
  | { readonly kind: "import"; readonly created: number; readonly updated: number; readonly failed: number };

function contactsDoneText(say: NewsroomSay, done: ContactsDone): string {
  switch (done.kind) {
    case "sparad":
      return say("flash.contactSaved");
    case "raderad":
      return say("flash.contactErased");
    case "lista":
      return say("flash.listCreated");
    case "listan-andrad":
      return say("flash.listChanged");
    case "import": {
      const { created, updated, failed } = done;
      return failed > 0
        ? say("flash.importedWithErrors", { created, updated, failed })
        : say("flash.imported", { created, updated });
    }
  }
}

export function ContactsPage(p: {
  ctx: PageContext;
  rows: readonly {
    id: string;
    name: string;
    email: string;
    phone: string;
    outlet: string | null;
    beats: string[];
    basis: string;
    source: string;
    unsubscribed_at: Date | null;
  }[];
  total: number;
  page: number;
  q: string;
  lists: readonly { id: string; name: string; members: number }[];
  allContacts: readonly Option[];
  errors: readonly FieldError[];
  values: Readonly<Record<string, string>>;
  preview: ImportPreview | null;
  previewCsv: string;
  done?: ContactsDone | undefined;
}): JSX.Element {
  const { ctx } = p;
  const say = sayer(messages, ctx.lang);
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  const v = (k: string) => p.values[k] ?? "";
  return (
    <>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <p class="breadcrumbs">
        <a href="/arbetsyta/press" safe>
          {say("staff.title")}
        </a>
      </p>
      <h1 safe>{say("contacts.title")}</h1>
      {p.done ? (
        <Banner kind="success">
          <p safe>{contactsDoneText(say, p.done)}</p>
        </Banner>
      ) : (
        ""
      )}
      <p safe>{say("contacts.intro")}</p>
      {p.preview ? (
        <section class="panel" aria-labelledby="preview-title">
          <h2 id="preview-title" safe>
            {say("contacts.preview.title")}
          </h2>
          <p safe>
            {say("contacts.preview.summary", { rows: p.preview.rows.length, errors: p.preview.errors.length })}
          </p>
          {p.preview.errors.length > 0 ? (
            <Table<ImportPreview["errors"][number]>
              caption={say("contacts.preview.errors")}
              rows={p.preview.errors}
              columns={[
                { header: say("contacts.col.line"), numeric: true, cell: (e) => String(e.line) },
                { header: say("contacts.col.error"), cell: (e) => <span safe>{e.message}</span> },
              ]}
            />
          ) : (
            ""
          )}
          {p.preview.rows.length > 0 ? (
            <>
              <Table<ImportPreview["rows"][number]>
                caption={say("contacts.preview.rows")}
                rows={p.preview.rows.slice(0, 100)}
                columns={[
                  { header: say("contacts.col.line"), numeric: true, cell: (r) => String(r.line) },
                  { header: say("contacts.col.name"), cell: (r) => <span safe>{r.contact.name}</span> },
                  { header: say("contacts.col.email"), cell: (r) => <span safe>{r.contact.email}</span> },
                  { header: say("contacts.col.outlet"), cell: (r) => <span safe>{r.contact.outlet}</span> },
                ]}
              />
              <Form ctx={ctx} action="/arbetsyta/press/kontakter/import/spara">
                <input type="hidden" name="csv" value={p.previewCsv} />
                <Button>{escapeHtml(say("contacts.import.button", { count: p.preview.rows.length }))}</Button>
              </Form>
            </>
          ) : (
            ""
          )}
        </section>
      ) : (
        ""
      )}
      <form
        method="get"
        action="/arbetsyta/press/kontakter"
        class="search"
        role="search"
        aria-label={say("contacts.search.label")}
      >
        <TextField name="q" type="search" label={say("contacts.search.field")} value={p.q} />
        <Button kind="secondary">{escapeHtml(say("contacts.search.button"))}</Button>
      </form>
      <Table<(typeof p.rows)[number]>
        caption={say("contacts.caption", { count: p.total })}
        rows={p.rows}
        columns={[
          { header: say("contacts.col.name"), cell: (c) => <span safe>{c.name}</span> },
          { header: say("contacts.col.email"), cell: (c) => <span safe>{c.email}</span> },
          { header: say("contacts.col.outlet"), cell: (c) => <span safe>{c.outlet ?? ""}</span> },
          { header: say("contacts.col.beats"), cell: (c) => <span safe>{c.beats.join(", ")}</span> },
          {
            header: say("contacts.col.basis"),
            cell: (c) => (
              <span safe>{say("contacts.basisSource", { basis: basisText(say, c.basis), source: c.source })}</span>
            ),
          },
          {
            header: say("contacts.col.mailings"),
            cell: (c) =>
              c.unsubscribed_at ? (
                <Tag>{escapeHtml(say("contacts.unsubscribed"))}</Tag>
              ) : (
                <span safe>{say("contacts.mailingsYes")}</span>
              ),
          },
          {
            header: say("contacts.col.erase"),
            cell: (c) => (
              <Form ctx={ctx} action={`/arbetsyta/press/kontakter/${c.id}/radera`} class="inline-form">
                <Button kind="link">{escapeHtml(say("contacts.erase", { name: c.name }))}</Button>
              </Form>
            ),
          },
        ]}
      />
      <Pagination
        ctx={ctx}
        page={p.page}
        pageSize={50}
        total={p.total}
        href={(n) => `/arbetsyta/press/kontakter?sida=${n}${p.q ? `&q=${encodeURIComponent(p.q)}` : ""}`}
      />

      <section class="panel" aria-labelledby="add-title">
        <h2 id="add-title" safe>
          {say("contacts.add.title")}
        </h2>
        <Form ctx={ctx} action="/arbetsyta/press/kontakter">
          <TextField name="name" label={say("field.name")} value={v("name")} error={err("name")} />
          <TextField
            name="email"
            type="email"
            label={say("field.email")}
            value={v("email")}
            error={err("email")}
            hint={say("field.contactEmail.hint")}
          />
          <TextField name="phone" type="tel" label={say("field.phone")} value={v("phone")} error={err("phone")} />
          <TextField name="outlet" label={say("field.outletName")} value={v("outlet")} />
          <TextField name="beats" label={say("field.beats")} value={v("beats")} />
          <SelectField
            name="basis"
            label={say("field.basis")}
            hint={say("field.basis.hint")}
            selected={v("basis") || DEFAULT_BASIS}
            error={err("basis")}
            options={basisOptions(say)}
          />
          <TextField
            name="source"
            label={say("field.source")}
            value={v("source")}
            error={err("source")}
            hint={say("field.source.hint")}
          />
          <Button>{escapeHtml(say("contacts.add.button"))}</Button>
        </Form>
      </section>

      <section class="panel" aria-labelledby="import-title">
        <h2 id="import-title" safe>
          {say("contacts.import.title")}
        </h2>
        <p safe>{say("contacts.import.text")}</p>
        <form method="post" action="/arbetsyta/press/kontakter/import" enctype="multipart/form-data" novalidate>
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <FileField name="csv" label={say("field.csv")} error={err("csv")} accept=".csv,text/csv" />
          <Button kind="secondary">{escapeHtml(say("contacts.import.preview"))}</Button>
        </form>
      </section>

      <section class="panel" aria-labelledby="lists-title">
        <h2 id="lists-title" safe>
          {say("lists.title")}
        </h2>
        <ul>
          {p.lists.map((l) => (
            <li safe>{say("lists.line", { name: l.name, count: l.members })}</li>
          ))}
        </ul>
        <Form ctx={ctx} action="/arbetsyta/press/listor" class="inline-form">
          <TextField name="listName" label={say("field.listName")} value={v("listName")} error={err("listName")} />
          <Button kind="secondary">{escapeHtml(say("lists.create"))}</Button>
        </Form>
        {p.lists.length > 0 && p.allContacts.length > 0 ? (
          <Form ctx={ctx} action="/arbetsyta/press/listor/medlem">
            <SelectField
              name="listId"
              label={say("field.listId")}
              options={p.lists.map((l) => ({ value: l.id, label: l.name }))}
              error={err("listId")}
            />
            <SelectField
              name="contactId"
              label={say("field.contactId")}
              options={p.allContacts}
              error={err("contactId")}
            />
            <div class="button-row">
              <Button name="action" value="add">
                {escapeHtml(say("lists.add"))}
              </Button>{" "}
              <Button kind="secondary" name="action" value="remove">
                {escapeHtml(say("lists.remove"))}
              </Button>
            </div>
          </Form>
        ) : (
          ""
        )}
      </section>
    </>
  );
}

export function EventsPage(p: {
  ctx: PageContext;
  events: readonly { id: string; title: string; starts_at: Date; location: string }[];
  releases: readonly Option[];
  errors: readonly FieldError[];
  values: Readonly<Record<string, string>>;
}): JSX.Element {
  const { ctx } = p;
  const say = sayer(messages, ctx.lang);
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  const v = (k: string) => p.values[k] ?? "";
  return (
    <>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <p class="breadcrumbs">
        <a href="/arbetsyta/press" safe>
          {say("staff.title")}
        </a>
      </p>
      <h1 safe>{say("events.title")}</h1>
      <ul>
        {p.events.map((e) => (
          <li>
            <a href={`/arbetsyta/press/evenemang/${e.id}`} safe>
              {say("events.line", { title: e.title, when: new Date(e.starts_at), location: e.location })}
            </a>
          </li>
        ))}
      </ul>
      <section class="panel" aria-labelledby="new-event">
        <h2 id="new-event" safe>
          {say("events.new")}
        </h2>
        <Form ctx={ctx} action="/arbetsyta/press/evenemang">
          <TextField
            name="eventTitle"
            label={say("field.eventTitle")}
            value={v("eventTitle")}
            error={err("eventTitle")}
          />
          <TextAreaField name="description" label={say("field.description")} rows={3} value={v("description")} />
          <TextField name="location" label={say("field.location")} value={v("location")} error={err("location")} />
          <TextField name="date" type="date" label={say("field.date")} value={v("date")} error={err("date")} />
          <TextField name="start" label={say("field.start")} width="quarter" value={v("start")} error={err("start")} />
          <TextField name="end" label={say("field.end")} width="quarter" value={v("end")} error={err("end")} />
          <SelectField
            name="releaseId"
            label={say("field.releaseId")}
            options={[{ value: "", label: say("field.releaseId.none") }, ...p.releases]}
          />
          <Button>{escapeHtml(say("events.create"))}</Button>
        </Form>
      </section>
    </>
  );
}

export function EventDetailPage(p: {
  ctx: PageContext;
  e: { id: string; title: string; starts_at: Date; ends_at: Date; location: string };
  invitations: readonly {
    name: string;
    email: string;
    outlet: string | null;
    response: string | null;
    sent_status: string;
  }[];
  lists: readonly (Option & { members: number })[];
  errors: readonly FieldError[];
  /** How many invitations were just sent. */
  invited?: number | undefined;
}): JSX.Element {
  const { ctx, e } = p;
  const say = sayer(messages, ctx.lang);
  const coming = p.invitations.filter((i) => i.response === "yes");
  return (
    <>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <p class="breadcrumbs">
        <a href="/arbetsyta/press/evenemang" safe>
          {say("event.breadcrumb")}
        </a>
      </p>
      <h1 safe>{e.title}</h1>
      {p.invited !== undefined ? (
        <Banner kind="success">
          <p safe>{say("flash.invited", { count: p.invited })}</p>
        </Banner>
      ) : (
        ""
      )}
      <p safe>
        {say("event.timePlace", { start: new Date(e.starts_at), end: new Date(e.ends_at), location: e.location })}
      </p>
      <p>
        <a href={`/press/evenemang/${e.id}`} safe>
          {say("event.publicPage")}
        </a>{" "}
        ·{" "}
        <a href={`/press/evenemang/${e.id}.ics`} safe>
          {say("event.calendarFile")}
        </a>
      </p>
      <h2 safe>{say("event.coming", { count: coming.length })}</h2>
      <Table<(typeof p.invitations)[number]>
        caption={say("event.invited")}
        rows={p.invitations}
        columns={[
          { header: say("event.col.name"), cell: (i) => <span safe>{i.name}</span> },
          { header: say("event.col.outlet"), cell: (i) => <span safe>{i.outlet ?? ""}</span> },
          {
            header: say("event.col.answer"),
            cell: (i) =>
              i.response === "yes" ? (
                <Tag tone="green">{escapeHtml(say("answer.yes"))}</Tag>
              ) : i.response === "no" ? (
                <Tag>{escapeHtml(say("answer.no"))}</Tag>
              ) : (
                <span safe>{say("answer.none")}</span>
              ),
          },
          {
            header: say("event.col.invitation"),
            cell: (i) =>
              i.sent_status === "sent" ? (
                <span safe>{say("invitation.sent")}</span>
              ) : i.sent_status === "failed" ? (
                <Tag tone="red">{escapeHtml(say("invitation.failed"))}</Tag>
              ) : (
                <span safe>{say("invitation.pending")}</span>
              ),
          },
        ]}
      />
      {p.lists.length > 0 ? (
        <Form ctx={ctx} action={`/arbetsyta/press/evenemang/${e.id}/bjud-in`} class="inline-form">
          <SelectField
            name="listId"
            label={say("event.inviteList")}
            options={p.lists.map((l) => ({
              value: l.value,
              label: say("event.listOption", { name: l.label, count: l.members }),
            }))}
            error={p.errors.find((x) => x.field === "listId")?.message}
          />
          <Button>{escapeHtml(say("event.invite"))}</Button>
        </Form>
      ) : (
        <p safe>{say("event.noLists")}</p>
      )}
    </>
  );
}

export function CoveragePage(p: {
  ctx: PageContext;
  rows: readonly {
    outlet: string;
    published_on: Date;
    url: string;
    tone: string;
    note: string;
    topic: string;
    release: string | null;
    release_id: string | null;
  }[];
  errors: readonly FieldError[];
  values: Readonly<Record<string, string>>;
}): JSX.Element {
  const say = sayer(messages, p.ctx.lang);
  return (
    <>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <p class="breadcrumbs">
        <a href="/arbetsyta/press" safe>
          {say("staff.title")}
        </a>
      </p>
      <h1 safe>{say("coverage.pageTitle")}</h1>
      <Table<(typeof p.rows)[number]>
        caption={say("coverage.caption")}
        rows={p.rows}
        columns={[
          {
            header: say("coverage.col.date"),
            cell: (c) => <span safe>{say("date.long", { when: new Date(c.published_on) })}</span>,
          },
          {
            header: say("coverage.col.outlet"),
            cell: (c) =>
              c.url ? (
                <a href={c.url} safe>
                  {c.outlet}
                </a>
              ) : (
                <span safe>{c.outlet}</span>
              ),
          },
          {
            header: say("coverage.col.about"),
            cell: (c) =>
              c.release_id ? (
                <a href={`/arbetsyta/press/${c.release_id}`} safe>
                  {c.release ?? ""}
                </a>
              ) : (
                <span safe>{c.topic}</span>
              ),
          },
          { header: say("coverage.col.tone"), cell: (c) => <span safe>{toneText(say, c.tone)}</span> },
        ]}
      />
      <section class="panel" aria-labelledby="add-coverage">
        <h2 id="add-coverage" safe>
          {say("coverage.add")}
        </h2>
        <CoverageForm
          ctx={p.ctx}
          action="/arbetsyta/press/bevakning"
          values={p.values}
          errors={p.errors}
          withTopic={true}
        />
      </section>
    </>
  );
}

export function NewsroomMeasuresPage(p: {
  ctx: PageContext;
  months: readonly MonthRow[];
  perRelease: readonly { title: string; n: number; positive: number; negative: number }[];
  inquiries: readonly { month: string; total: number; onTime: number }[];
}): JSX.Element {
  const { ctx } = p;
  const say = sayer(messages, ctx.lang);
  const total = p.inquiries.reduce((a, m) => ({ total: a.total + m.total, onTime: a.onTime + m.onTime }), {
    total: 0,
    onTime: 0,
  });
  return (
    <>
      <p class="breadcrumbs">
        <a href="/arbetsyta/press" safe>
          {say("staff.title")}
        </a>
      </p>
      <h1 safe>{say("measures.title")}</h1>
      <BarChart
        ctx={ctx}
        id="releases"
        title={say("measures.releases")}
        data={p.months.map((m) => ({ label: m.month, value: m.releases }))}
      />
      <BarChart
        ctx={ctx}
        id="coverage"
        title={say("measures.coverage")}
        data={p.perRelease.map((r) => ({
          label: r.title.length > 30 ? `${r.title.slice(0, 29)}…` : r.title,
          value: r.n,
        }))}
      />
      <BarChart
        ctx={ctx}
        id="inquiries"
        title={say("measures.inquiries")}
        unit="%"
        data={p.inquiries.map((m) => ({
          label: m.month,
          value: m.total > 0 ? Math.round((m.onTime / m.total) * 100) : 0,
        }))}
      />
      <p safe>{say("measures.summary", { count: total.total, onTime: total.onTime })}</p>
    </>
  );
}
