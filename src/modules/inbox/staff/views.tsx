import { escapeHtml } from "@kitajs/html";
import { formatDateTime } from "../../../platform/i18n/i18n.js";
import { sayer, type Lang, type Sayer } from "../../../platform/i18n/messages.js";
import type { PageContext, FieldError } from "../../../views/context.js";
import {
  Banner,
  Button,
  CheckboxField,
  ErrorSummary,
  Form,
  Pagination,
  RadioGroup,
  SelectField,
  Table,
  Tag,
  TextField,
} from "../../../views/components.js";
import { KlarsprakEditor } from "../../../views/klarsprak-editor.js";
import type { AnalysisJson } from "../../klarsprak/index.js";
import type { CaseContent, CaseMeta } from "../door.js";
import type { CaseAccess } from "../policies.js";
import type { BoardRow } from "../queries.js";

import { CHANNEL_KEYS, channelName, KIND_KEYS, kindName, statusName } from "../labels.js";
import { messages, type InboxKey } from "../messages.js";
import { CHANGEABLE_KINDS } from "../schema.js";

type Say = Sayer<InboxKey>;

function clock(say: Say, now: Date, due: Date | null): { text: string; late: boolean } {
  if (!due) return { text: say("clock.none"), late: false };
  const minutes = Math.round((due.getTime() - now.getTime()) / 60000);
  const abs = Math.abs(minutes);
  const span =
    abs >= 1440
      ? say("clock.days", { days: Math.round(abs / 1440) })
      : abs >= 60
        ? say("clock.hoursMinutes", { hours: Math.floor(abs / 60), minutes: abs % 60 })
        : say("clock.minutes", { minutes: abs });
  return minutes < 0
    ? { text: say("clock.late", { span }), late: true }
    : { text: say("clock.within", { span }), late: false };
}

export interface BoardQuery {
  readonly enhet: string;
  readonly kanal: string;
  readonly typ: string;
}

export function BoardPage(p: {
  ctx: PageContext;
  rows: readonly BoardRow[];
  total: number;
  page: number;
  pageSize: number;
  units: readonly { id: string; name: string }[];
  query: BoardQuery;
}): JSX.Element {
  const now = new Date();
  const say = sayer(messages, p.ctx.lang);
  const lang = p.ctx.lang;
  const qs = (n: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(p.query)) if (v) params.set(k, v);
    if (n > 1) params.set("sida", String(n));
    const s = params.toString();
    return `/arbetsyta/inkorg${s ? `?${s}` : ""}`;
  };
  return (
    <>
      <h1 safe>{say("board.title")}</h1>
      <p class="lead" safe>
        {say("board.lead")}
      </p>
      <form method="get" action="/arbetsyta/inkorg" class="filters" novalidate>
        <fieldset class="filters__set">
          <legend safe>{say("board.filter")}</legend>
          <SelectField
            name="enhet"
            label={say("board.unit")}
            selected={p.query.enhet}
            options={[
              { value: "", label: say("board.unit.all") },
              { value: "ingen", label: say("board.unit.none") },
              ...p.units.map((u) => ({ value: u.id, label: u.name })),
            ]}
          />
          <SelectField
            name="kanal"
            label={say("board.channel")}
            selected={p.query.kanal}
            options={[
              { value: "", label: say("board.channel.all") },
              ...CHANNEL_KEYS.map((value) => ({ value, label: channelName(value, lang) })),
            ]}
          />
          <SelectField
            name="typ"
            label={say("board.kind")}
            selected={p.query.typ}
            options={[
              { value: "", label: say("board.kind.all") },
              ...KIND_KEYS.map((value) => ({ value, label: kindName(value, lang) })),
            ]}
          />
          <Button kind="secondary">{escapeHtml(say("board.show"))}</Button>
        </fieldset>
      </form>
      <div data-module="live-board" data-events="/arbetsyta/inkorg/handelser" data-updated={say("board.updated")}>
        <p class="visually-hidden" role="status" data-board-status></p>
        <div data-board-list>
          <p safe>{say("board.count", { count: p.total })}</p>
          {p.rows.length === 0 ? (
            <p safe>{say("board.empty")}</p>
          ) : (
            <Table
              caption={say("board.caption")}
              captionHidden
              rows={p.rows}
              columns={[
                {
                  header: say("board.col.case"),
                  cell: (r: BoardRow) => (
                    <>
                      {r.concern_report ? <Tag tone="red">{escapeHtml(say("tag.concern"))}</Tag> : ""}
                      {r.secret ? <Tag tone="yellow">{escapeHtml(say("tag.secret"))}</Tag> : ""}
                      <a href={`/arbetsyta/arenden/${r.id}`} safe>
                        {r.number}
                      </a>
                    </>
                  ),
                },
                // The board never shows a secret case's words, not even to those who may open it.
                { header: say("board.col.subject"), cell: (r: BoardRow) => <span safe>{r.subject}</span> },
                {
                  header: say("board.col.channel"),
                  cell: (r: BoardRow) => <span safe>{channelName(r.channel, lang)}</span>,
                },
                {
                  header: say("board.col.unit"),
                  cell: (r: BoardRow) => <span safe>{r.unit_name ?? say("unit.none")}</span>,
                },
                {
                  header: say("board.col.received"),
                  cell: (r: BoardRow) => (
                    <time datetime={new Date(r.received_at).toISOString()} safe>
                      {formatDateTime(new Date(r.received_at), lang)}
                    </time>
                  ),
                },
                {
                  header: say("board.col.clock"),
                  cell: (r: BoardRow) => {
                    const c = clock(say, now, r.first_answer_due ? new Date(r.first_answer_due) : null);
                    return (
                      <span class={c.late ? "clock clock--late" : "clock"} safe>
                        {c.text}
                      </span>
                    );
                  },
                },
              ]}
            />
          )}
          <Pagination ctx={p.ctx} page={p.page} pageSize={p.pageSize} total={p.total} href={qs} />
        </div>
      </div>
    </>
  );
}

export interface CasePageProps {
  ctx: PageContext;
  meta: CaseMeta;
  access: CaseAccess;
  /** Only when the door let the content through (read, and open if secret). */
  content: CaseContent | undefined;
  openPurposes: readonly { value: string; label: string }[];
  history: readonly {
    id: string;
    type: string;
    details: Record<string, unknown>;
    created_at: Date;
    actor_name: string | null;
  }[];
  undoable: { id: string; type: string } | undefined;
  units: readonly { id: string; name: string }[];
  savedAnswers: readonly { id: string; title: string; body: string }[];
  similar: readonly { number: string; body: string }[];
  /** Pages in the help catalogue that may answer the question. */
  services: readonly { slug: string; name: string; url: string }[];
  draft: string;
  analysis: AnalysisJson | null;
  errors: readonly FieldError[];
  notice?: string | undefined;
  reporterNotices: readonly { value: string; label: string }[];
  /** Where the posts behind a case on a social channel are (the module that sends its answers says). */
  postsHref: string | undefined;
}

/** What spoke for a suggested unit, in words ("reglerna och Stöd och hjälp"). */
function sourceNames(say: Say, lang: Lang, sources: readonly string[]): string {
  const names = sources.flatMap((s) => {
    const key = `case.suggestion.source.${s}`;
    return isKnown(key) ? [say(key)] : [];
  });
  return names.length > 0
    ? new Intl.ListFormat(lang === "sv" ? "sv-SE" : "en-GB", { type: "conjunction" }).format(names)
    : say("case.suggestion.source.none");
}

/** A text field with its label and inline error, for the short "why" fields. */
function ReasonField(p: { id: string; label: string; error: string | undefined }): JSX.Element {
  return <TextField id={p.id} name="reason" label={p.label} error={p.error} />;
}

export function CasePage(p: CasePageProps): JSX.Element {
  const { ctx, meta, access, content } = p;
  const say = sayer(messages, ctx.lang);
  const lang = ctx.lang;
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  const base = `/arbetsyta/arenden/${meta.id}`;
  const due: string = meta.due ? formatDateTime(meta.due, lang) : say("clock.none");
  // Reasons and notes written about a case can carry its content: only for those who read it.
  const showDetails = content !== undefined;
  // A secret case's suggested unit says what it is about: only from the inside.
  const suggestion = content?.meta.suggestion ?? meta.suggestion;
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
      {meta.concern ? (
        <Banner kind="warning">
          <h2 class="banner__title" safe>
            {say("case.concern.title")}
          </h2>
          {access.concernActions ? (
            <p safe>{say("case.concern.assess")}</p>
          ) : (
            <p safe>{say("case.concern.elsewhere")}</p>
          )}
          {showDetails && meta.concernReasons.length > 0 ? (
            <>
              <p safe>{say("case.concern.flagged")}</p>
              <ul>
                {meta.concernReasons.map((r) => (
                  <li safe>{r}</li>
                ))}
              </ul>
            </>
          ) : (
            ""
          )}
        </Banner>
      ) : (
        ""
      )}
      <h1 safe>{say("case.title", { number: meta.number })}</h1>
      <dl class="summary-list">
        <div class="summary-list__row">
          <dt safe>{say("case.subject")}</dt>
          <dd safe>{content ? content.subject : meta.title}</dd>
        </div>
        <div class="summary-list__row">
          <dt safe>{say("case.status")}</dt>
          <dd safe>{statusName(meta.status, lang)}</dd>
        </div>
        <div class="summary-list__row">
          <dt safe>{say("case.kindChannel")}</dt>
          <dd>
            <span safe>
              {say("case.kindChannel.value", {
                kind: kindName(meta.kind, lang),
                channel: channelName(meta.channel, lang),
              })}
            </span>
            {meta.kindConfidence !== null ? (
              <span class="field__hint" safe>
                {` ${say("case.kind.guessed", { percent: Math.round(meta.kindConfidence * 100) })}`}
              </span>
            ) : (
              ""
            )}
            {content && p.postsHref ? (
              <>
                {" "}
                ·{" "}
                <a href={p.postsHref} safe>
                  {say("case.posts")}
                </a>
              </>
            ) : (
              ""
            )}
          </dd>
        </div>
        <div class="summary-list__row">
          <dt safe>{say("case.unit")}</dt>
          <dd safe>{meta.unitName ?? say("unit.none")}</dd>
        </div>
        {suggestion ? (
          <div class="summary-list__row">
            <dt safe>{say("case.suggestion")}</dt>
            <dd safe>
              {say("case.suggestion.value", {
                unit: suggestion.unitName,
                percent: Math.round(suggestion.confidence * 100),
                sources: sourceNames(say, lang, suggestion.sources),
              })}
            </dd>
          </div>
        ) : (
          ""
        )}
        <div class="summary-list__row">
          <dt safe>{say("case.category")}</dt>
          <dd safe>{meta.categoryName ?? say("clock.none")}</dd>
        </div>
        <div class="summary-list__row">
          <dt safe>{say("case.received")}</dt>
          <dd safe>{formatDateTime(meta.receivedAt, lang)}</dd>
        </div>
        <div class="summary-list__row">
          <dt safe>{say("case.due")}</dt>
          <dd safe>{due}</dd>
        </div>
        {content ? (
          <div class="summary-list__row">
            <dt safe>{say("case.requester")}</dt>
            <dd safe>
              {[
                content.requester.name ?? say("case.requester.anonymous"),
                content.requester.email,
                content.requester.phone,
              ]
                .filter(Boolean)
                .join(", ")}
            </dd>
          </div>
        ) : (
          ""
        )}
      </dl>
      {!content ? (
        <section class="panel" aria-labelledby="secret-title">
          <h2 id="secret-title" safe>
            {say("case.secret.title")}
          </h2>
          {access.read ? (
            <>
              <p safe>{say("case.secret.text")}</p>
              <Form ctx={ctx} action={`${base}/oppna`}>
                <SelectField
                  name="syfte"
                  label={say("case.secret.purpose")}
                  error={err("syfte")}
                  options={[{ value: "", label: say("case.secret.purpose.choose") }, ...p.openPurposes]}
                />
                <Button kind="secondary">{escapeHtml(say("case.secret.open"))}</Button>
              </Form>
            </>
          ) : (
            <p class="secret-note" safe>
              {say("case.secret.notYours")}
            </p>
          )}
        </section>
      ) : (
        <>
          {meta.secret ? (
            <Form ctx={ctx} action={`${base}/stang`} class="inline-form">
              <p safe>{say("case.opened")}</p>
              <Button kind="link">{escapeHtml(say("case.close"))}</Button>
            </Form>
          ) : (
            ""
          )}
          <h2 safe>{say("case.messages")}</h2>
          <ol class="thread">
            {content.messages.map((m) => (
              <li class={`thread__item thread__item--${m.direction}`}>
                <p class="thread__meta">
                  <strong safe>
                    {m.direction === "in"
                      ? say("case.from.requester")
                      : m.direction === "note"
                        ? say("case.from.note", { author: m.author_name ?? "" })
                        : say("case.from.reply", { author: m.author_name ?? say("case.from.us") })}
                  </strong>{" "}
                  <time datetime={m.created_at.toISOString()} safe>
                    {formatDateTime(m.created_at, lang)}
                  </time>
                  {m.delivery_status ? (
                    <span
                      class={
                        m.delivery_status === "bounced" || m.delivery_status === "failed"
                          ? "thread__warning"
                          : undefined
                      }
                      safe
                    >
                      {deliveryText(say, m.delivery_status)}
                    </span>
                  ) : (
                    ""
                  )}
                  {m.automatic ? <span safe>{say("case.automatic")}</span> : ""}
                </p>
                <div class="thread__body" safe>
                  {m.body}
                </div>
              </li>
            ))}
          </ol>
          {content.attachments.length > 0 ? (
            <>
              <h3 safe>{say("case.attachments")}</h3>
              <ul>
                {content.attachments.map((a) => (
                  <li>
                    <a href={`${base}/filer/${a.id}`} safe>
                      {say("case.attachment", { filename: a.filename, kb: Math.ceil(a.size / 1024) })}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            ""
          )}
          {access.handle ? <ReplyPanel {...p} base={base} err={err} /> : ""}
          {access.handle && meta.concern ? (
            <section class="panel" aria-labelledby="reporter-title">
              <h2 id="reporter-title" safe>
                {say("case.reporter.title")}
              </h2>
              {meta.reporterNotice ? (
                <p safe>
                  {say("case.reporter.given", {
                    notice: p.reporterNotices.find((n) => n.value === meta.reporterNotice)?.label ?? "",
                  })}
                </p>
              ) : (
                ""
              )}
              <p safe>{say("case.reporter.text")}</p>
              <Form ctx={ctx} action={`${base}/anmalare`}>
                <RadioGroup
                  name="besked"
                  legend={say("case.reporter.which")}
                  error={err("besked")}
                  options={p.reporterNotices}
                />
                <CheckboxField name="yrke" label={say("case.reporter.professional")} error={err("yrke")} />
                <Button kind="secondary">{escapeHtml(say("case.reporter.send"))}</Button>
              </Form>
            </section>
          ) : (
            ""
          )}
        </>
      )}
      <div class="grid">
        {content && access.handle && !meta.concern && meta.kind !== "document_request" ? (
          <section class="panel" aria-labelledby="request-title">
            <h2 id="request-title" safe>
              {say("case.request.title")}
            </h2>
            <p safe>{say("case.request.text")}</p>
            <Form ctx={ctx} action={`/arbetsyta/begaran/fran-arende/${meta.id}`}>
              <Button kind="secondary">{escapeHtml(say("case.request.button"))}</Button>
            </Form>
          </section>
        ) : (
          ""
        )}
        {access.route ? (
          <section class="panel" aria-labelledby="route-title">
            <h2 id="route-title" safe>
              {say("case.route.title")}
            </h2>
            {meta.secret && !content ? <p safe>{say("case.route.blind")}</p> : ""}
            {suggestion && suggestion.unitId !== meta.unitId ? (
              <Form ctx={ctx} action={`${base}/till-forslaget`}>
                <Button kind="primary">
                  {escapeHtml(say("case.route.toSuggested", { unit: suggestion.unitName }))}
                </Button>
              </Form>
            ) : (
              ""
            )}
            <Form ctx={ctx} action={`${base}/flytta`}>
              <SelectField
                name="enhet"
                label={say("case.route.unit")}
                selected={suggestion?.unitId}
                error={err("enhet")}
                options={p.units.map((u) => ({ value: u.id, label: u.name }))}
              />
              <ReasonField id="reason" label={say("case.route.why")} error={err("reason")} />
              <Button kind="secondary">{escapeHtml(say("case.route.button"))}</Button>
            </Form>
          </section>
        ) : (
          ""
        )}
        {access.handle && meta.status !== "closed" ? (
          <section class="panel" aria-labelledby="kind-title">
            <h2 id="kind-title" safe>
              {say("case.kind.title")}
            </h2>
            <Form ctx={ctx} action={`${base}/typ`}>
              <SelectField
                name="typ"
                label={say("case.kind.label")}
                selected={meta.kind}
                error={err("typ")}
                options={CHANGEABLE_KINDS.map((k) => ({ value: k, label: kindName(k, lang) }))}
              />
              <Button kind="secondary">{escapeHtml(say("case.kind.button"))}</Button>
            </Form>
          </section>
        ) : (
          ""
        )}
        {access.changeStatus || access.concernActions || access.markSecret || access.liftSecret || access.minor ? (
          <section class="panel" aria-labelledby="status-title">
            <h2 id="status-title" safe>
              {say("case.status.title")}
            </h2>
            {access.changeStatus ? (
              <Form ctx={ctx} action={`${base}/status`}>
                <SelectField
                  name="till"
                  label={say("case.status.new")}
                  error={err("till")}
                  options={[
                    { value: "open", label: say("case.status.open") },
                    { value: "waiting", label: say("case.status.waiting") },
                    { value: "closed", label: say("case.status.closed") },
                  ]}
                />
                {meta.concern ? (
                  <ReasonField id="statusReason" label={say("case.status.why")} error={err("statusReason")} />
                ) : (
                  ""
                )}
                <Button kind="secondary">{escapeHtml(say("case.status.button"))}</Button>
              </Form>
            ) : (
              ""
            )}
            {access.concernActions ? (
              <>
                <h3 safe>{say(meta.concern ? "case.concern.notConcern" : "case.concern.isConcern")}</h3>
                {!meta.concern ? <p safe>{say("case.concern.goes")}</p> : ""}
                <Form ctx={ctx} action={`${base}/oro`}>
                  <input type="hidden" name="oro" value={meta.concern ? "nej" : "ja"} />
                  <ReasonField id="concernReason" label={say("case.concern.reason")} error={err("concernReason")} />
                  <Button kind="secondary">
                    {escapeHtml(say(meta.concern ? "case.concern.unmark" : "case.concern.mark"))}
                  </Button>
                </Form>
              </>
            ) : (
              ""
            )}
            {access.markSecret || access.liftSecret ? (
              <>
                <h3 safe>{say(meta.secret ? "case.secrecy.marked" : "case.secrecy.title")}</h3>
                <Form ctx={ctx} action={`${base}/sekretess`}>
                  <input type="hidden" name="sekretess" value={meta.secret ? "nej" : "ja"} />
                  <ReasonField id="secrecyReason" label={say("case.secrecy.reason")} error={err("secrecyReason")} />
                  <Button kind="secondary">
                    {escapeHtml(say(meta.secret ? "case.secrecy.unmark" : "case.secrecy.mark"))}
                  </Button>
                </Form>
              </>
            ) : (
              ""
            )}
            {access.minor && !meta.minor ? (
              <>
                <h3 safe>{say("case.minor.title")}</h3>
                <p safe>{say("case.minor.text")}</p>
                <Form ctx={ctx} action={`${base}/ringa-betydelse`}>
                  <input type="hidden" name="ringa" value="ja" />
                  <Button kind="secondary">{escapeHtml(say("case.minor.button"))}</Button>
                </Form>
              </>
            ) : (
              ""
            )}
          </section>
        ) : (
          ""
        )}
      </div>
      <h2 safe>{say("case.history")}</h2>
      <ol class="plain-list history">
        {p.history.map((h) => (
          <li>
            <time datetime={new Date(h.created_at).toISOString()} safe>
              {formatDateTime(new Date(h.created_at), lang)}
            </time>{" "}
            <span safe>
              {say("case.history.line", {
                actor: h.actor_name ?? say("case.history.system"),
                event: describeEvent(say, lang, h.type, h.details, showDetails),
              })}
            </span>
            {p.undoable?.id === String(h.id) ? (
              <Form ctx={ctx} action={`${base}/angra/${h.id}`} class="inline-form">
                <ReasonField id="undoReason" label={say("case.undo.why")} error={err("undoReason")} />
                <Button kind="secondary">{escapeHtml(say("case.undo.button"))}</Button>
              </Form>
            ) : (
              ""
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

function ReplyPanel(p: CasePageProps & { base: string; err: (f: string) => string | undefined }): JSX.Element {
  const { ctx, base, err } = p;
  const say = sayer(messages, ctx.lang);
  return (
    <section class="panel" aria-labelledby="reply-title">
      <h2 id="reply-title" safe>
        {say("reply.title")}
      </h2>
      {p.savedAnswers.length > 0 ? (
        <Form ctx={ctx} action={`${base}/svarsmall`} class="inline-form">
          <SelectField
            name="mall"
            label={say("reply.template")}
            options={p.savedAnswers.map((a) => ({ value: a.id, label: a.title }))}
          />
          <Button kind="secondary">{escapeHtml(say("reply.template.use"))}</Button>
        </Form>
      ) : (
        ""
      )}
      {p.similar.length > 0 ? (
        <details class="similar">
          <summary safe>{say("reply.similar")}</summary>
          <ul>
            {p.similar.map((s) => (
              <li>
                <strong safe>{s.number}</strong>: <span safe>{s.body.slice(0, 300)}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : (
        ""
      )}
      <Form ctx={ctx} action={`${base}/svar`}>
        <KlarsprakEditor
          ctx={ctx}
          id="body"
          name="body"
          label={say("reply.label")}
          hint={say("reply.hint")}
          value={p.draft}
          error={err("body")}
          result={p.analysis}
          rows={8}
        />
        <div class="button-row">
          <Button name="typ" value="svar">
            {escapeHtml(say("reply.send"))}
          </Button>
          <Button kind="secondary" name="typ" value="anteckning">
            {escapeHtml(say("reply.note"))}
          </Button>
        </div>
        {p.services.length > 0 ? (
          <fieldset class="panel suggested-services">
            <legend safe>{say("reply.services")}</legend>
            <p class="field__hint" safe>
              {say("reply.services.hint")}
            </p>
            <ul>
              {p.services.map((s) => (
                <li>
                  <a href={`/stod/${s.slug}`} safe>
                    {s.name}
                  </a>{" "}
                  <button type="submit" class="button button--link" name="stod" value={s.slug} safe>
                    {say("reply.services.add")}
                  </button>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : (
          ""
        )}
      </Form>
    </section>
  );
}

function deliveryText(say: Say, status: string): string {
  const key = `case.delivery.${status}`;
  const text = isKnown(key) ? say(key) : status;
  return say("case.delivery", { status: text });
}

const isKnown = (key: string): key is InboxKey => Object.hasOwn(messages.sv, key);

/** One line of the history. Free texts (reasons, what was asked for) only for those who read the case. */
function describeEvent(say: Say, lang: Lang, type: string, d: Record<string, unknown>, details: boolean): string {
  const why = (text: unknown) => (details && text ? say("event.why", { text: String(text) }) : "");
  switch (type) {
    case "received":
      return say("event.received", {
        channel: channelName(String(d["channel"]), lang),
        concern: d["concern"] ? "yes" : "no",
        secret: d["secret"] ? "yes" : "no",
      });
    case "routed":
      return say("event.routed", { unit: String(d["unitName"]), why: why(d["reason"]) });
    case "status":
      return say("event.status", { status: statusName(String(d["to"]), lang), why: why(d["reason"]) });
    case "reclassified":
      return say(d["concern"] ? "event.reclassified.on" : "event.reclassified.off", { why: why(d["reason"]) });
    case "secrecy":
      return say(d["secret"] ? "event.secrecy.on" : "event.secrecy.off", { why: why(d["reason"]) });
    case "undone":
      return say("event.undone", { why: why(d["reason"]) });
    case "minor-importance":
      return say(d["minor"] ? "event.minor.on" : "event.minor.off");
    case "bounced":
      return say("event.bounced", {
        why: details && d["diagnostic"] ? say("event.diagnostic", { text: String(d["diagnostic"]) }) : "",
      });
    case "delivery-failed":
      return say("event.delivery-failed", { why: why(d["reason"]) });
    case "moderated":
      return say(d["action"] === "remove" ? "event.moderated.remove" : "event.moderated.hide", {
        why: why(d["reason"]),
      });
    case "moderation-failed":
      return say("event.moderation-failed", { why: why(d["reason"]) });
    case "request.parts":
      return say("event.request.parts", { why: why(d["note"]) });
    case "kind-changed":
      return say("event.kind-changed", {
        from: d["wasMinor"] ? say("event.kind.minor") : kindName(String(d["from"]), lang),
        to: kindName(String(d["to"]), lang),
      });
    case "register-failed":
    case "reply":
    case "note":
    case "reopened":
    case "reporter-notice":
    case "sla-warning":
    case "escalated":
    case "acknowledged":
    case "requester-message":
    case "automatic-reply":
    case "request.registered":
    case "request.withdrawn":
    case "request.decided":
    case "request.part-delivered":
    case "request.delivered":
      return say(`event.${type}`);
    default:
      return type;
  }
}
