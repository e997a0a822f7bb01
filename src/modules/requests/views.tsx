/** Pages for requests for public documents: the public form and download page, the registrar's pages. */
import { escapeHtml } from "@kitajs/html";
import { formatDateTime } from "../../platform/i18n/i18n.js";
import type { FieldError, PageContext } from "../../views/context.js";
import {
  Banner,
  Button,
  CsrfField,
  ErrorSummary,
  Form,
  Pagination,
  SelectField,
  SpamGuard,
  Table,
  Tag,
  TextAreaField,
  TextField,
} from "../../views/components.js";
import type { CaseSource } from "../inbox/index.js";
import type { RequestClock } from "./clock.js";
import { SECRECY_GROUNDS } from "./decision.js";
import type { MonthStats, RequestRow } from "./queries.js";

const tr = (ctx: PageContext, sv: string, en: string): string => (ctx.lang === "sv" ? sv : en);

export interface PublicRequestForm {
  readonly requested: string;
  readonly delivery: string;
  readonly email: string;
  readonly name: string;
  readonly address: string;
}

export const EMPTY_PUBLIC_FORM: PublicRequestForm = {
  requested: "",
  delivery: "email",
  email: "",
  name: "",
  address: "",
};

export function PublicRequestPage(p: {
  ctx: PageContext;
  form: PublicRequestForm;
  errors: readonly FieldError[];
  stamp: string;
}): JSX.Element {
  const { ctx, form } = p;
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  const options = [
    { value: "email", label: tr(ctx, "Med e-post", "By email") },
    { value: "download", label: tr(ctx, "Som en länk där jag hämtar dem", "As a link where I download them") },
    { value: "post", label: tr(ctx, "Med post", "By post") },
    { value: "visit", label: tr(ctx, "Jag läser dem hos er", "I read them at your office") },
  ];
  return (
    <>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <h1 safe>{tr(ctx, "Be om allmänna handlingar", "Ask for public documents")}</h1>
      <p class="lead" safe>
        {tr(
          ctx,
          "Du har rätt att läsa allmänna handlingar. Vi svarar samma dag om vi kan. Behöver vi pröva sekretess kan det ta någon dag till.",
          "You have the right to read public documents. We answer the same day if we can. If we need to check for secrecy it can take a day or two more.",
        )}
      </p>
      <Banner kind="info">
        <p>
          <strong safe>
            {tr(
              ctx,
              "Du behöver inte tala om vem du är eller varför du vill ha handlingarna.",
              "You do not have to say who you are or why you want the documents.",
            )}
          </strong>{" "}
          <span safe>
            {tr(
              ctx,
              "Vill du ha dem med e-post eller post behöver vi en adress att skicka till.",
              "If you want them by email or post we need an address to send them to.",
            )}
          </span>
        </p>
      </Banner>
      <form method="post" action="/begar-handling" novalidate>
        <CsrfField ctx={ctx} />
        <SpamGuard stamp={p.stamp} />
        <TextAreaField
          name="requested"
          rows={6}
          value={form.requested}
          error={err("requested")}
          label={tr(ctx, "Vilka handlingar vill du ha?", "Which documents do you want?")}
          hint={tr(
            ctx,
            "Beskriv så gott du kan: vad de handlar om, ungefär när de kom in eller skrevs, och diarienummer om du har det.",
            "Describe them as well as you can: what they are about, roughly when they were received or written, and the registration number if you have it.",
          )}
        />
        <SelectField
          name="delivery"
          label={tr(ctx, "Hur vill du få handlingarna?", "How do you want the documents?")}
          selected={form.delivery}
          options={options}
          error={err("delivery")}
        />
        <TextField
          name="email"
          type="email"
          label={tr(
            ctx,
            "E-post (om du vill ha handlingarna eller en länk med e-post)",
            "Email (if you want the documents or a link by email)",
          )}
          value={form.email}
          error={err("email")}
          autocomplete="email"
        />
        <TextField
          name="name"
          label={tr(ctx, "Namn (frivilligt)", "Name (optional)")}
          value={form.name}
          autocomplete="name"
        />
        <TextField
          name="address"
          label={tr(
            ctx,
            "Postadress (bara om du vill ha handlingarna med post)",
            "Postal address (only if you want the documents by post)",
          )}
          value={form.address}
          error={err("address")}
          autocomplete="street-address"
        />
        <p class="hint" safe>
          {tr(
            ctx,
            "Om vi inte lämnar ut allt kan du alltid få ett skriftligt beslut. Det kan du överklaga.",
            "If we do not release everything you can always get a written decision. You can appeal it.",
          )}
        </p>
        <p class="hint" safe>
          {tr(
            ctx,
            "Kopior är gratis upp till nio sidor. Om du vill ha fler sidor med post kan det kosta en avgift. Vi säger till innan.",
            "Copies are free up to nine pages. More pages by post may cost a fee. We tell you first.",
          )}
        </p>
        <Button>{escapeHtml(tr(ctx, "Skicka begäran", "Send request"))}</Button>
      </form>
    </>
  );
}

export function DownloadPage(p: {
  ctx: PageContext;
  number: string;
  documents: readonly { id: string; title: string; pages: number | null }[];
  hasDecision: boolean;
  expiresAt: Date;
  token: string;
}): JSX.Element {
  const { ctx } = p;
  const expires = tr(
    ctx,
    `Länken fungerar till ${formatDateTime(p.expiresAt, "sv")}.`,
    `The link works until ${formatDateTime(p.expiresAt, "en")}.`,
  );
  return (
    <>
      <h1 safe>{tr(ctx, `Handlingar i ärende ${p.number}`, `Documents in case ${p.number}`)}</h1>
      <p safe>{expires}</p>
      <ul>
        {p.documents.map((d) => (
          <li>
            <a href={`/handling/${p.token}/${d.id}`} safe>
              {d.title}
            </a>
            {d.pages ? <span safe>{` (${d.pages} ${tr(ctx, "sidor", "pages")})`}</span> : ""}
          </li>
        ))}
        {p.hasDecision ? (
          <li>
            <a href={`/handling/${p.token}/beslut`} safe>
              {tr(ctx, "Beslutet, med information om hur du överklagar", "The decision, with how to appeal")}
            </a>
          </li>
        ) : (
          ""
        )}
      </ul>
    </>
  );
}

const STATE: Record<RequestClock["state"], { sv: string; tone: "green" | "yellow" | "red" }> = {
  on_time: { sv: "I tid", tone: "green" },
  late: { sv: "Sen", tone: "yellow" },
  seriously_late: { sv: "Mycket sen", tone: "red" },
};

export function ClockTag({ clock }: { clock: RequestClock }): JSX.Element {
  const s = STATE[clock.state];
  const text = `${clock.decided ? "Beslut efter" : "Har väntat"} ${clock.waitedHours} timmar (${clock.waitedOfficeHours} kontorstimmar)`;
  return (
    <>
      <Tag tone={s.tone}>{escapeHtml(s.sv)}</Tag> <span safe>{text}</span>
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
  return (
    <>
      <h1>Begäran om allmän handling</h1>
      <p class="lead">Målet är ett beslut samma arbetsdag. JO har kritiserat tre dagar.</p>
      {p.overdue.length > 0 ? (
        <section class="panel" aria-labelledby="overdue">
          <h2 id="overdue">Försenade, per enhet</h2>
          <Table
            caption="Försenade begäranden per enhet"
            captionHidden
            rows={p.overdue}
            columns={[
              { header: "Enhet", cell: (r: { unit: string }) => <span safe>{r.unit}</span> },
              { header: "Sena", numeric: true, cell: (r: { late: number }) => String(r.late) },
              {
                header: "Mycket sena (två dagar eller mer)",
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
        {p.open ? <a href="/arbetsyta/begaran?klara=1">Visa beslutade</a> : <a href="/arbetsyta/begaran">Visa öppna</a>}{" "}
        · <a href="/arbetsyta/begaran/statistik">Statistik</a>
      </p>
      <Table
        caption={p.open ? "Öppna begäranden" : "Beslutade begäranden"}
        rows={p.rows}
        columns={[
          {
            header: "Ärende",
            cell: (r: RequestRow) => (
              <a href={`/arbetsyta/begaran/${r.id}`} safe>
                {r.number}
              </a>
            ),
          },
          {
            header: "Gäller",
            cell: (r: RequestRow) => (
              <span safe>{r.requested.length > 120 ? `${r.requested.slice(0, 117)}…` : r.requested}</span>
            ),
          },
          { header: "Kom in", cell: (r: RequestRow) => <span safe>{formatDateTime(r.received_at, "sv")}</span> },
          { header: "Klocka", cell: (r: RequestRow) => <ClockTag clock={r.clock} /> },
          { header: "Enhet", cell: (r: RequestRow) => <span safe>{r.unit_name ?? "–"}</span> },
          { header: "Handlingar", numeric: true, cell: (r: RequestRow) => String(r.documents) },
        ]}
      />
      {p.rows.length === 0 ? <p>{p.open ? "Inga öppna begäranden." : "Inga beslutade begäranden ännu."}</p> : ""}
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

const OUTCOME_SV: Record<string, string> = {
  release: "Lämnas ut",
  partial: "Lämnas ut med maskering",
  refuse: "Lämnas inte ut",
};
const TYPE_SV: Record<string, string> = { "application/pdf": "pdf", "message/rfc822": "e-post", "text/plain": "text" };

function GroundSelect({ name, id, label }: { name: string; id: string; label: string }): JSX.Element {
  return (
    <SelectField
      name={name}
      id={id}
      label={label}
      options={SECRECY_GROUNDS.map((g) => ({ value: g.code, label: `${g.code} – ${g.protects}` }))}
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
  const err = (f: string) => (p.focus ? p.errors.find((e) => e.field === f)?.message : undefined);
  const docBase = `${p.base}/dokument/${d.id}`;
  const status = d.review_outcome ? (OUTCOME_SV[d.review_outcome] ?? d.review_outcome) : "Inte prövad";
  const meta = `${TYPE_SV[d.content_type] ?? d.content_type}, ${Math.max(1, Math.round(d.size / 1024))} kB`;
  return (
    <section class="panel" aria-labelledby={`doc-${d.id}`}>
      <h3 id={`doc-${d.id}`} safe>
        {d.title}
      </h3>
      <p>
        <span safe>{meta}</span> · <Tag tone={d.review_outcome ? "green" : "yellow"}>{escapeHtml(status)}</Tag>
        {d.review_grounds.length > 0 ? <span safe>{` (${d.review_grounds.join(", ")})`}</span> : ""}
      </p>
      <p>
        <a href={`${docBase}/original`}>Öppna originalet</a> (loggas)
        {d.hasReleased ? (
          <>
            {" "}
            · <a href={`${docBase}/utlamnad`}>Öppna kopian som lämnas ut</a>
          </>
        ) : (
          ""
        )}
      </p>
      <h4>Maskering</h4>
      {d.masks.length === 0 ? (
        <p>Inget maskeras.</p>
      ) : (
        <ul>
          {d.masks.map((m) => {
            const label = `”${m.passage}” – ${m.ground}`;
            return (
              <li>
                <span safe>{label}</span>
                {p.open ? (
                  <>
                    {" "}
                    <Form ctx={p.ctx} action={`${docBase}/maskering/${m.id}/ta-bort`} class="inline-form">
                      <Button kind="link">Ta bort</Button>
                    </Form>
                  </>
                ) : (
                  ""
                )}
              </li>
            );
          })}
        </ul>
      )}
      {p.open && d.suggestions.length > 0 ? (
        <p class="hint">
          <span>Klarspråksmotorn hittade personuppgifter som kanske ska maskeras: </span>
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
              label="Text som ska maskeras"
              hint="Skriv den precis som den står, till exempel ett namn eller ett personnummer. Varje ställe där den står maskeras."
              error={err("passage")}
            />
            <GroundSelect id={`ground-${d.id}`} name="ground" label="Sekretessgrund" />
            <Button kind="secondary">Lägg till maskering</Button>
          </Form>
          {!d.read ? (
            <p class="hint">Öppna originalet och läs det. Sedan kan du pröva sekretessen.</p>
          ) : (
            <Form ctx={p.ctx} action={`${docBase}/provning`} novalidate>
              <fieldset class={`field${err("outcome") ? " field--error" : ""}`} id={`outcome-${d.id}`}>
                <legend class="field__label">Sekretessprövning</legend>
                {err("outcome") ? (
                  <p class="field__error">
                    <span class="visually-hidden">Fel: </span>
                    <span safe>{err("outcome")}</span>
                  </p>
                ) : (
                  ""
                )}
                {(["release", "partial", "refuse"] as const).map((o) => (
                  <label class="radio radio--block">
                    <input type="radio" name="outcome" value={o} checked={d.review_outcome === o} />{" "}
                    <span safe>{OUTCOME_SV[o]}</span>
                  </label>
                ))}
              </fieldset>
              <GroundSelect
                id={`grounds-${d.id}`}
                name="grounds"
                label="Sekretessgrund om handlingen inte lämnas ut alls"
              />
              <TextField
                id={`reason-${d.id}`}
                name="reason"
                label="Skäl med egna ord"
                hint="Skälet står i beslutet om vi maskerar handlingen eller inte lämnar ut den."
                value={d.review_reason ?? ""}
                error={err("reason")}
              />
              <Button>Spara prövningen</Button>
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
  return (
    <>
      <h1 safe>{`Begäran ${p.number}`}</h1>
      <p>
        Begäran gäller ett ärende som omfattas av sekretess (OSL 26 kap). Öppna den för att sekretesspröva handlingarna.
        Öppningen och det du läser skrivs i loggen.
      </p>
      <Form ctx={p.ctx} action={`/arbetsyta/begaran/${p.id}/oppna`}>
        <Button>Öppna begäran</Button>
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
  const base = `/arbetsyta/begaran/${p.id}`;
  const open = p.status === "open";
  const err = (f: string) => (p.errorDoc ? undefined : p.errors.find((e) => e.field === f)?.message);
  const title = `Begäran ${p.number}`;
  const received = `Kom in ${formatDateTime(p.receivedAt, "sv")}. Mål: beslut senast ${formatDateTime(p.clock.due, "sv")}.`;
  const sourceHeading: string = p.from ? `Lägg till från ${p.from}` : "Lägg till från ärendet";
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
        <a href="/arbetsyta/begaran">Begäran om allmän handling</a> ·{" "}
        <a href={`/arbetsyta/arenden/${p.caseId}`}>Ärendet</a>
      </p>
      <h1 safe>{title}</h1>
      <p>
        <ClockTag clock={p.clock} />
      </p>
      <p safe>{received}</p>
      <section class="panel" aria-labelledby="requested-title">
        <h2 id="requested-title">Det här begärs</h2>
        <p safe>{p.requested}</p>
        <p class="hint">Den som begär behöver inte tala om vem den är eller varför. Fråga inte om det.</p>
      </section>
      {open ? (
        <section class="panel" aria-labelledby="parts-title">
          <h2 id="parts-title">Lämnas ut i delar?</h2>
          <Form ctx={ctx} action={`${base}/delar`}>
            <TextField
              name="parts"
              label="När kommer delarna?"
              hint="Den som begärt får veta det, på sin sida för ärendet och med e-post om vi har adressen. Till exempel: Del 1 i dag, resten senast fredag."
              value={p.partsNote}
              error={err("parts")}
            />
            <Button kind="secondary">Spara och meddela</Button>
          </Form>
          <Form ctx={ctx} action={`${base}/leverans-del`}>
            <SelectField
              name="partMethod"
              label="Skicka det som är klart nu"
              hint="Du kan skicka handlingar som vi lämnar ut i sin helhet före beslutet. Maskerade handlingar skickar du med beslutet."
              error={err("partMethod")}
              options={[
                ...(p.requesterEmail ? [{ value: "email", label: "Med e-post" }] : []),
                { value: "download", label: "Som en länk" },
              ]}
            />
            <Button kind="secondary">Skicka det som är klart</Button>
          </Form>
          {p.delivery.link ? (
            <p>
              <span>Länken (den som begärt har fått den som svar i ärendet): </span>
              <code safe>{p.delivery.link}</code>
            </p>
          ) : (
            ""
          )}
        </section>
      ) : p.partsNote ? (
        <p safe>{`Delar: ${p.partsNote}`}</p>
      ) : (
        ""
      )}
      <h2>Handlingar</h2>
      {p.documents.length === 0 ? <p>Inga handlingar ännu. Lägg till dem nedan.</p> : ""}
      {p.documents.map((d) => (
        <DocumentPanel ctx={ctx} base={base} d={d} open={open} errors={p.errors} focus={p.errorDoc === d.id} />
      ))}
      {open ? (
        <div class="grid">
          <section class="panel" aria-labelledby="upload-title">
            <h2 id="upload-title">Ladda upp en handling</h2>
            <form method="post" action={`${base}/dokument`} enctype="multipart/form-data" novalidate>
              <CsrfField ctx={ctx} />
              <TextField
                name="title"
                label="Vad handlingen heter"
                hint="Till exempel: Journalanteckning 2026-03-03"
                error={err("title")}
              />
              <div class={`field${err("file") ? " field--error" : ""}`}>
                <label class="field__label" for="file">
                  Fil
                </label>
                <p
                  class="field__hint"
                  id="file-hint"
                  safe
                >{`Pdf, e-post (.eml) eller text (.txt), högst ${p.maxMb} MB.`}</p>
                {err("file") ? (
                  <p class="field__error" id="file-error">
                    <span class="visually-hidden">Fel: </span>
                    <span safe>{err("file")}</span>
                  </p>
                ) : (
                  ""
                )}
                <input
                  class="field__file"
                  id="file"
                  name="file"
                  type="file"
                  accept=".pdf,.eml,.txt,application/pdf,message/rfc822,text/plain"
                  aria-describedby={err("file") ? "file-hint file-error" : "file-hint"}
                />
              </div>
              <Button kind="secondary">Ladda upp</Button>
            </form>
          </section>
          <section class="panel" aria-labelledby="source-title">
            <h2 id="source-title" safe>
              {sourceHeading}
            </h2>
            {p.sources.length > 0 ? (
              <Form ctx={ctx} action={`${base}/dokument/fran-arendet`}>
                <input type="hidden" name="case" value={p.from} />
                <SelectField
                  name="source"
                  label="Brev, e-post eller bilaga"
                  error={err("source")}
                  options={p.sources.map((s) => ({ value: `${s.kind}:${s.id}`, label: s.title }))}
                />
                <Button kind="secondary">Lägg till</Button>
              </Form>
            ) : (
              <p>Ärendet har inga meddelanden eller bilagor.</p>
            )}
            <form method="get" action={base} class="inline-form">
              <TextField
                name="fran"
                label="Eller från ett annat registrerat ärende"
                hint="Diarienummer, till exempel SOC-2026-000123"
                error={err("from")}
                width="half"
              />
              <Button kind="link">Visa ärendets handlingar</Button>
            </form>
          </section>
        </div>
      ) : (
        ""
      )}
      <section class="panel" aria-labelledby="decision-title">
        <h2 id="decision-title">Beslut</h2>
        {open ? (
          <Form ctx={ctx} action={`${base}/beslut`} novalidate>
            <p>
              Beslutet följer av prövningen av varje handling. Lämnas något inte ut, helt eller delvis, blir det ett
              skriftligt beslut med skälen och information om hur man överklagar.
            </p>
            <TextField
              name="reason"
              label="Skäl för beslutet"
              hint="Behövs om något inte lämnas ut. Skriv så att den som begärt förstår."
              error={err("reason")}
            />
            <Button>Besluta</Button>
          </Form>
        ) : (
          <>
            <p>
              <Tag tone={p.outcome === "full" ? "green" : "yellow"}>
                {escapeHtml(
                  p.outcome === "full"
                    ? "Lämnas ut i sin helhet"
                    : p.outcome === "partial"
                      ? "Lämnas ut delvis"
                      : "Avslag",
                )}
              </Tag>
            </p>
            {p.decisionText ? (
              <pre class="decision" safe>
                {p.decisionText}
              </pre>
            ) : (
              <p>
                Allt lämnas ut. Inget skriftligt beslut behövs. Säger någon nej till en begäran muntligt ska den som
                begärt få veta att den kan få ett skriftligt beslut.
              </p>
            )}
          </>
        )}
      </section>
      {p.status === "decided" ? (
        <section class="panel" aria-labelledby="delivery-title">
          <h2 id="delivery-title">Skicka handlingarna</h2>
          <Form ctx={ctx} action={`${base}/leverans`}>
            <SelectField
              name="method"
              label="Hur?"
              error={err("method")}
              options={[
                ...(p.requesterEmail ? [{ value: "email", label: "Med e-post till den som begärt" }] : []),
                { value: "download", label: "Som en länk att hämta från (går ut efter en tid)" },
                { value: "post", label: "Skickade med post (markera när de är skickade)" },
              ]}
            />
            <Button>Skicka</Button>
          </Form>
        </section>
      ) : (
        ""
      )}
      {p.status === "delivered" ? (
        <section class="panel" aria-labelledby="delivered-title">
          <h2 id="delivered-title">Skickat</h2>
          <p
            safe
          >{`Sätt: ${p.delivery.method === "email" ? "e-post" : p.delivery.method === "download" ? "länk" : "post"}. Sidor: ${p.delivery.pages ?? 0}. Avgift: ${p.delivery.fee ?? "0"} kr.`}</p>
          {p.delivery.link ? (
            <p>
              <span>Länken (den som begärt har fått den som svar i ärendet): </span>
              <code safe>{p.delivery.link}</code>
            </p>
          ) : (
            ""
          )}
        </section>
      ) : (
        ""
      )}
    </>
  );
}

export function StatisticsPage(p: { ctx: PageContext; months: readonly MonthStats[] }): JSX.Element {
  const pct = (v: number | null) => (v === null ? "–" : `${Math.round(v * 100)} %`);
  return (
    <>
      <h1>Statistik: begäran om allmän handling</h1>
      <p class="lead">
        Per månad då begäran kom in. Samma dag betyder beslut innan kontoret stängde den arbetsdag begäran räknas från.
      </p>
      <Table
        caption="Begäranden per månad"
        rows={p.months}
        columns={[
          { header: "Månad", cell: (m: MonthStats) => <span safe>{m.month}</span> },
          { header: "Begäranden", numeric: true, cell: (m: MonthStats) => String(m.requests) },
          { header: "Beslutade", numeric: true, cell: (m: MonthStats) => String(m.decided) },
          {
            header: "Median till beslut (timmar)",
            numeric: true,
            cell: (m: MonthStats) => (m.medianHoursToDecision === null ? "–" : String(m.medianHoursToDecision)),
          },
          { header: "Beslut samma dag", numeric: true, cell: (m: MonthStats) => pct(m.sameDayShare) },
          { header: "Delvis utlämnade", numeric: true, cell: (m: MonthStats) => String(m.partial) },
          { header: "Avslag", numeric: true, cell: (m: MonthStats) => String(m.refused) },
        ]}
      />
      {p.months.length === 0 ? <p>Inga begäranden ännu.</p> : ""}
    </>
  );
}
