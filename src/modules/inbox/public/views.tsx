import type { Category } from "../../../platform/db/schema.js";
import { formatDateTime } from "../../../platform/i18n/i18n.js";
import { sayDate } from "../../../platform/time/working-time.js";
import type { FieldError, PageContext } from "../../../views/context.js";
import { Banner, Button, CsrfField, ErrorSummary, PhoneLink, SpamGuard, TextField } from "../../../views/components.js";

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

export function QuestionPage(p: { ctx: PageContext; form: QuestionForm; errors: readonly FieldError[]; categories: readonly Category[]; stamp: string; maxFiles: number; maxMb: number }): JSX.Element {
  const { ctx, form } = p;
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  const sv = ctx.lang === "sv";
  return (
    <div class="narrow-wide">
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <h1>{sv ? "Ställ en fråga" : "Ask a question"}</h1>
      <p class="lead">
        {sv
          ? "Du behöver inte logga in och inte säga vem du är. Vi svarar på vardagar, oftast inom en arbetsdag."
          : "You do not need to sign in or say who you are. We answer on weekdays, usually within one working day."}
      </p>
      <Banner kind="warning">
        <p>
          <strong>{sv ? "Ring 112 vid akut fara." : "Call 112 in an emergency."}</strong>{" "}
          {sv ? "När vi har stängt kan du ringa Socialjouren på 070-174 06 05." : "When we are closed, call the out-of-hours social services on 070-174 06 05."}
        </p>
      </Banner>
      <form method="post" action="/fraga" enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <SpamGuard stamp={p.stamp} />
        {form.service ? (
          <>
            <input type="hidden" name="stod" value={form.service.slug} />
            <p class="panel"><span>{sv ? "Din fråga gäller: " : "Your question is about: "}</span><strong safe>{form.service.name}</strong></p>
          </>
        ) : ""}
        <fieldset class={`field${err("category") ? " field--error" : ""}`} id="category">
          <legend class="field__label">{sv ? "Vad gäller din fråga?" : "What is your question about?"}</legend>
          {err("category") ? <p class="field__error" safe>{err("category")}</p> : ""}
          {p.categories.map((c) => (
            <label class="radio radio--block">
              <input type="radio" name="category" value={c.slug} checked={form.category === c.slug} />
              <span>
                <strong safe>{sv ? c.name_sv : c.name_en}</strong>
                <span class="radio__hint" safe>{sv ? c.hint_sv : c.hint_en}</span>
              </span>
            </label>
          ))}
          <label class="radio radio--block">
            <input type="radio" name="category" value="" checked={form.category === ""} />
            <span><strong>{sv ? "Vet inte / något annat" : "Don't know / something else"}</strong></span>
          </label>
        </fieldset>
        <div class={`field${err("question") ? " field--error" : ""}`}>
          <label class="field__label" for="question">{sv ? "Din fråga" : "Your question"}</label>
          <p class="field__hint" id="question-hint">
            {sv ? "Skriv inte personnummer. Vi ringer dig om vi behöver veta mer." : "Do not write personal identity numbers. We will call you if we need to know more."}
          </p>
          {err("question") ? <p class="field__error" id="question-error" safe>{err("question")}</p> : ""}
          <textarea class="field__textarea" id="question" name="question" rows="8" aria-describedby={err("question") ? "question-hint question-error" : "question-hint"} safe>
            {form.question}
          </textarea>
        </div>
        <TextField name="name" label={sv ? "Ditt namn (om du vill)" : "Your name (optional)"} value={form.name} autocomplete="name" width="half" />
        <TextField name="email" type="email" label={sv ? "E-post (om du vill ha svar med e-post)" : "Email (if you want an answer by email)"} value={form.email} error={err("email")} autocomplete="email" width="half" />
        <TextField name="phone" type="tel" label={sv ? "Telefon (om du vill att vi ringer)" : "Phone (if you want us to call)"} value={form.phone} error={err("phone")} autocomplete="tel" width="half" />
        <div class={`field${err("files") ? " field--error" : ""}`}>
          <label class="field__label" for="files">{sv ? "Bifoga filer (om du vill)" : "Attach files (optional)"}</label>
          <p class="field__hint" id="files-hint" safe>
            {sv ? `Högst ${p.maxFiles} filer på högst ${p.maxMb} MB var: pdf, jpg, png, gif eller webp.` : `At most ${p.maxFiles} files of at most ${p.maxMb} MB each: pdf, jpg, png, gif or webp.`}
          </p>
          {err("files") ? <p class="field__error" safe>{err("files")}</p> : ""}
          <input class="field__file" type="file" id="files" name="files" multiple accept=".pdf,.jpg,.jpeg,.png,.gif,.webp" aria-describedby="files-hint" />
        </div>
        <Button>{sv ? "Skicka frågan" : "Send the question"}</Button>
      </form>
    </div>
  );
}

const STATUS_SV: Record<string, string> = { new: "Vi har tagit emot din fråga", open: "Vi arbetar med din fråga", waiting: "Vi väntar på svar från dig", answered: "Vi har svarat", closed: "Ärendet är avslutat" };
const STATUS_EN: Record<string, string> = { new: "We have received your question", open: "We are working on your question", waiting: "We are waiting for your answer", answered: "We have answered", closed: "The case is closed" };

/**
 * The receipt a person who reported concern about a child sees: that we have it, when it came,
 * and where to turn now — never an answer date or an outcome.
 */
function ConcernReceipt(p: { ctx: PageContext; number: string; receivedAt: Date }): JSX.Element {
  const sv = p.ctx.lang === "sv";
  const when = formatDateTime(p.receivedAt, p.ctx.lang);
  return (
    <Banner kind="info">
      <h2 class="banner__title">{sv ? "Vi har tagit emot din orosanmälan" : "We have received your report of concern"}</h2>
      <p safe>{sv ? `Den kom in ${when} och har nummer ${p.number}. Vår mottagning för barn och familj bedömer den i dag.` : `It arrived ${when} and has number ${p.number}. Our intake team for children and families assesses it today.`}</p>
      <p>
        {sv ? "Är det bråttom? Ring Socialjouren på " : "Is it urgent? Call the out-of-hours social services on "}
        <PhoneLink number={p.ctx.organisation.outOfHoursPhone} />.{" "}
        <strong>{sv ? "Ring " : "Call "}<PhoneLink number="112" />{sv ? " vid akut fara." : " in an emergency."}</strong>
      </p>
      <p>{sv ? "Vi kan inte berätta vad som händer med barnet eller familjen. Det omfattas av sekretess." : "We cannot tell you what happens to the child or the family. That is confidential."}</p>
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

export function FollowPage(p: { ctx: PageContext; c: FollowView; token: string; isNew: boolean; added: boolean; error?: string | undefined }): JSX.Element {
  const { ctx, c } = p;
  const sv = ctx.lang === "sv";
  return (
    <div class="narrow-wide">
      {p.isNew ? (
        <Banner kind="success">
          <h2 class="banner__title">{sv ? "Tack! Vi har fått ditt meddelande." : "Thank you! We have received your message."}</h2>
          <p>
            {sv ? "Ditt ärendenummer är " : "Your case number is "}
            <strong safe>{c.number}</strong>.{" "}
            {sv ? "Spara den här sidans adress: här ser du vårt svar och kan skicka mer information." : "Save the address of this page: here you see our answer and can send more information."}
          </p>
        </Banner>
      ) : (
        ""
      )}
      {p.added ? <Banner kind="success"><p>{sv ? "Tack, vi har fått det du skrev." : "Thank you, we have received what you wrote."}</p></Banner> : ""}
      {c.concern ? <ConcernReceipt ctx={ctx} number={c.number} receivedAt={c.receivedAt} /> : ""}
      <ErrorSummary ctx={ctx} errors={p.error ? [{ field: "message", message: p.error }] : []} />
      <h1>
        {sv ? "Ärende " : "Case "}
        <span safe>{c.number}</span>
      </h1>
      {/* A reporter of concern is not told the outcome (OSL 26 kap): no status, no answer date. */}
      {c.concern ? "" : (
        <dl class="summary-list">
          <div class="summary-list__row">
            <dt>{sv ? "Läge" : "Status"}</dt>
            <dd safe>{(sv ? STATUS_SV : STATUS_EN)[c.status] ?? c.status}</dd>
          </div>
          {c.due && (c.status === "new" || c.status === "open") ? (
            <div class="summary-list__row">
              <dt>{sv ? "Du får svar senast" : "You get an answer by"}</dt>
              <dd safe>{sayDate(c.due, ctx.lang)}</dd>
            </div>
          ) : (
            ""
          )}
        </dl>
      )}
      <h2>{sv ? "Meddelanden" : "Messages"}</h2>
      <ol class="thread">
        {c.messages.map((m) => (
          <li class={`thread__item thread__item--${m.direction}`}>
            <p class="thread__meta">
              <strong>{m.direction === "in" ? (sv ? "Du skrev" : "You wrote") : sv ? "Vi svarade" : "We answered"}</strong>{" "}
              <time datetime={new Date(m.created_at).toISOString()} safe>{formatDateTime(new Date(m.created_at), ctx.lang)}</time>
            </p>
            <div class="thread__body" safe>{m.body}</div>
          </li>
        ))}
      </ol>
      {!c.concern && (c.status === "answered" || c.status === "closed") ? (
        c.helped === null ? (
          <section class="panel" aria-labelledby="helped-title">
            <h2 id="helped-title">{sv ? "Fick du hjälp?" : "Did you get help?"}</h2>
            <p>{sv ? "Svara med ett klick. Vi använder svaren för att bli bättre, inte för att följa dig." : "Answer with one click. We use the answers to get better, not to follow you."}</p>
            <form method="post" action={`/arende/${p.token}/hjalp`} class="button-row">
              <CsrfField ctx={ctx} />
              <Button name="hjalp" value="ja">{sv ? "Ja, jag fick hjälp" : "Yes, I got help"}</Button>
              <Button kind="secondary" name="hjalp" value="nej">{sv ? "Nej" : "No"}</Button>
            </form>
          </section>
        ) : (
          <p>{sv ? "Tack för att du svarade på om du fick hjälp." : "Thank you for telling us whether you got help."}</p>
        )
      ) : (
        ""
      )}
      <h2>{sv ? "Skicka mer information" : "Send more information"}</h2>
      <form method="post" action={`/arende/${p.token}`} novalidate>
        <CsrfField ctx={ctx} />
        <div class={`field${p.error ? " field--error" : ""}`}>
          <label class="field__label" for="message">{sv ? "Ditt meddelande" : "Your message"}</label>
          <textarea class="field__textarea" id="message" name="message" rows="5"></textarea>
        </div>
        <Button>{sv ? "Skicka" : "Send"}</Button>
      </form>
    </div>
  );
}
