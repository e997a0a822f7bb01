import { escapeHtml } from "@kitajs/html";
/**
 * The resident's pages: the form to ask a question, and the page that follows the case (the
 * answer, the receipt for a report of concern, "did you get help?"). Every word is in the
 * inbox's catalogue (../messages.ts); the out-of-hours number comes from the configuration.
 */
import type { Category } from "../../../platform/db/schema.js";
import { formatDateTime } from "../../../platform/i18n/i18n.js";
import { sayer } from "../../../platform/i18n/messages.js";
import { sayDate } from "../../../platform/time/working-time.js";
import type { FieldError, PageContext } from "../../../views/context.js";
import {
  Banner,
  Button,
  CsrfField,
  ErrorSummary,
  FileField,
  PhoneLink,
  RadioGroup,
  SpamGuard,
  TextAreaField,
  TextField,
} from "../../../views/components.js";
import { isInboxKey } from "../labels.js";
import { messages } from "../messages.js";

export interface QuestionForm {
  readonly question: string;
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly category: string;
  /** Asked from a page in the help catalogue: its address and name. */
  readonly service?: { readonly slug: string; readonly name: string } | undefined;
}

export const EMPTY_FORM: QuestionForm = { question: "", name: "", email: "", phone: "", category: "" };

const tel = (n: string) => () => <PhoneLink number={n} />;

export function QuestionPage(p: {
  ctx: PageContext;
  form: QuestionForm;
  errors: readonly FieldError[];
  categories: readonly Category[];
  stamp: string;
  maxFiles: number;
  maxMb: number;
}): JSX.Element {
  const { ctx, form } = p;
  const say = sayer(messages, ctx.lang);
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  const sv = ctx.lang === "sv";
  return (
    <div class="narrow-wide">
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <h1 safe>{say("ask.title")}</h1>
      <p class="lead" safe>
        {say("ask.lead")}
      </p>
      <Banner kind="warning">
        <p>
          <strong>{say.rich("ask.emergency", { tel: tel("112") })}</strong>{" "}
          {say.rich("ask.outOfHours", {
            phone: ctx.organisation.outOfHoursPhone,
            tel: tel(ctx.organisation.outOfHoursPhone),
          })}
        </p>
      </Banner>
      <form method="post" action="/fraga" enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <SpamGuard stamp={p.stamp} />
        {form.service ? (
          <>
            <input type="hidden" name="stod" value={form.service.slug} />
            <p class="panel">
              {say.rich("ask.service", {
                service: form.service.name,
                strong: (text) => <strong safe>{text}</strong>,
              })}
            </p>
          </>
        ) : (
          ""
        )}
        <RadioGroup
          name="category"
          legend={say("ask.category")}
          error={err("category")}
          checked={form.category}
          options={[
            ...p.categories.map((c) => ({
              value: c.slug,
              label: sv ? c.name_sv : c.name_en,
              hint: sv ? c.hint_sv : c.hint_en,
            })),
            { value: "", label: say("ask.category.other") },
          ]}
        />
        <TextAreaField
          name="question"
          label={say("ask.question")}
          hint={say("ask.question.hint")}
          error={err("question")}
          value={form.question}
          rows={8}
        />
        <TextField name="name" label={say("ask.name")} value={form.name} autocomplete="name" width="half" />
        <TextField
          name="email"
          type="email"
          label={say("ask.email")}
          value={form.email}
          error={err("email")}
          autocomplete="email"
          width="half"
        />
        <TextField
          name="phone"
          type="tel"
          label={say("ask.phone")}
          value={form.phone}
          error={err("phone")}
          autocomplete="tel"
          width="half"
        />
        <FileField
          name="files"
          label={say("ask.files")}
          hint={say("ask.files.hint", { files: p.maxFiles, mb: p.maxMb })}
          error={err("files")}
          accept=".pdf,.jpg,.jpeg,.png,.gif,.webp"
          multiple
        />
        <Button>{escapeHtml(say("ask.send"))}</Button>
      </form>
    </div>
  );
}

/**
 * The receipt a person who reported concern about a child sees: that we have it, when it came,
 * and where to turn now — never an answer date or an outcome.
 */
function ConcernReceipt(p: { ctx: PageContext; number: string; receivedAt: Date }): JSX.Element {
  const say = sayer(messages, p.ctx.lang);
  const when = formatDateTime(p.receivedAt, p.ctx.lang);
  const phone = p.ctx.organisation.outOfHoursPhone;
  return (
    <Banner kind="info">
      <h2 class="banner__title" safe>
        {say("follow.concern.title")}
      </h2>
      <p safe>{say("follow.concern.arrived", { when, number: p.number })}</p>
      <p>
        {say.rich("follow.concern.urgent", { phone, tel: tel(phone) })}{" "}
        <strong>{say.rich("follow.concern.emergency", { tel: tel("112") })}</strong>
      </p>
      <p safe>{say("follow.concern.secret")}</p>
    </Banner>
  );
}

export interface FollowView {
  readonly number: string;
  readonly status: string;
  readonly concern: boolean;
  readonly receivedAt: Date;
  readonly due: Date | null;
  readonly helped: boolean | null;
  readonly messages: readonly { direction: string; body: string; created_at: Date }[];
}

export function FollowPage(p: {
  ctx: PageContext;
  c: FollowView;
  token: string;
  isNew: boolean;
  added: boolean;
  error?: string | undefined;
}): JSX.Element {
  const { ctx, c } = p;
  const say = sayer(messages, ctx.lang);
  const statusKey = `follow.status.${c.status}`;
  return (
    <div class="narrow-wide">
      {p.isNew ? (
        <Banner kind="success">
          <h2 class="banner__title" safe>
            {say("follow.thanks.title")}
          </h2>
          <p>
            {say.rich("follow.thanks.number", {
              number: c.number,
              strong: (text) => <strong safe>{text}</strong>,
            })}
          </p>
        </Banner>
      ) : (
        ""
      )}
      {p.added ? (
        <Banner kind="success">
          <p safe>{say("follow.added")}</p>
        </Banner>
      ) : (
        ""
      )}
      {c.concern ? <ConcernReceipt ctx={ctx} number={c.number} receivedAt={c.receivedAt} /> : ""}
      <ErrorSummary ctx={ctx} errors={p.error ? [{ field: "message", message: p.error }] : []} />
      <h1 safe>{say("follow.title", { number: c.number })}</h1>
      {/* A reporter of concern is not told the outcome (OSL 26 kap): no status, no answer date. */}
      {c.concern ? (
        ""
      ) : (
        <dl class="summary-list">
          <div class="summary-list__row">
            <dt safe>{say("follow.status")}</dt>
            <dd safe>{isInboxKey(statusKey) ? say(statusKey) : c.status}</dd>
          </div>
          {c.due && (c.status === "new" || c.status === "open") ? (
            <div class="summary-list__row">
              <dt safe>{say("follow.due")}</dt>
              <dd safe>{sayDate(c.due, ctx.lang)}</dd>
            </div>
          ) : (
            ""
          )}
        </dl>
      )}
      <h2 safe>{say("follow.messages")}</h2>
      <ol class="thread">
        {c.messages.map((m) => (
          <li class={`thread__item thread__item--${m.direction}`}>
            <p class="thread__meta">
              <strong safe>{say(m.direction === "in" ? "follow.youWrote" : "follow.weAnswered")}</strong>{" "}
              <time datetime={new Date(m.created_at).toISOString()} safe>
                {formatDateTime(new Date(m.created_at), ctx.lang)}
              </time>
            </p>
            <div class="thread__body" safe>
              {m.body}
            </div>
          </li>
        ))}
      </ol>
      {!c.concern && (c.status === "answered" || c.status === "closed") ? (
        c.helped === null ? (
          <section class="panel" aria-labelledby="helped-title">
            <h2 id="helped-title" safe>
              {say("follow.helped.title")}
            </h2>
            <p safe>{say("follow.helped.text")}</p>
            <form method="post" action={`/arende/${p.token}/hjalp`} class="button-row">
              <CsrfField ctx={ctx} />
              <Button name="hjalp" value="ja">
                {escapeHtml(say("follow.helped.yes"))}
              </Button>
              <Button kind="secondary" name="hjalp" value="nej">
                {escapeHtml(say("follow.helped.no"))}
              </Button>
            </form>
          </section>
        ) : (
          <p safe>{say("follow.helped.thanks")}</p>
        )
      ) : (
        ""
      )}
      <h2 safe>{say("follow.more")}</h2>
      <form method="post" action={`/arende/${p.token}`} novalidate>
        <CsrfField ctx={ctx} />
        <TextAreaField name="message" label={say("follow.message")} error={p.error} value="" rows={5} />
        <Button>{escapeHtml(say("follow.send"))}</Button>
      </form>
    </div>
  );
}
