import { formatDateTime } from "../../../platform/i18n/i18n.js";
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

import { CHANNEL_SV, KIND_SV, STATUS_SV } from "../labels.js";

function clock(now: Date, due: Date | null): { text: string; late: boolean } {
  if (!due) return { text: "–", late: false };
  const minutes = Math.round((due.getTime() - now.getTime()) / 60000);
  const abs = Math.abs(minutes);
  const span =
    abs >= 1440
      ? `${Math.round(abs / 1440)} d`
      : abs >= 60
        ? `${Math.floor(abs / 60)} h ${abs % 60} min`
        : `${abs} min`;
  return minutes < 0 ? { text: `Försenad ${span}`, late: true } : { text: `Svar inom ${span}`, late: false };
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
  const qs = (n: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(p.query)) if (v) params.set(k, v);
    if (n > 1) params.set("sida", String(n));
    const s = params.toString();
    return `/arbetsyta/inkorg${s ? `?${s}` : ""}`;
  };
  return (
    <>
      <h1>Obesvarat</h1>
      <p class="lead">Alla frågor som väntar på svar, från alla kanaler. Orosanmälningar först, sedan de äldsta.</p>
      <form method="get" action="/arbetsyta/inkorg" class="filters" novalidate>
        <fieldset class="filters__set">
          <legend>Filtrera</legend>
          <SelectField
            name="enhet"
            label="Enhet"
            selected={p.query.enhet}
            options={[
              { value: "", label: "Alla enheter" },
              { value: "ingen", label: "Inte fördelade (att fördela)" },
              ...p.units.map((u) => ({ value: u.id, label: u.name })),
            ]}
          />
          <SelectField
            name="kanal"
            label="Kanal"
            selected={p.query.kanal}
            options={[
              { value: "", label: "Alla kanaler" },
              ...Object.entries(CHANNEL_SV).map(([value, label]) => ({ value, label })),
            ]}
          />
          <SelectField
            name="typ"
            label="Typ"
            selected={p.query.typ}
            options={[
              { value: "", label: "Alla typer" },
              ...Object.entries(KIND_SV).map(([value, label]) => ({ value, label })),
            ]}
          />
          <Button kind="secondary">Visa</Button>
        </fieldset>
      </form>
      <div data-module="live-board" data-events="/arbetsyta/inkorg/handelser" data-updated="Listan är uppdaterad.">
        <p class="visually-hidden" role="status" data-board-status></p>
        <div data-board-list>
          <p>{p.total} obesvarade</p>
          {p.rows.length === 0 ? (
            <p>Allt är besvarat. Bra jobbat!</p>
          ) : (
            <Table
              caption="Obesvarade ärenden"
              captionHidden
              rows={p.rows}
              columns={[
                {
                  header: "Ärende",
                  cell: (r: BoardRow) => (
                    <>
                      {r.concern_report ? <Tag tone="red">Orosanmälan</Tag> : ""}
                      {r.secret ? <Tag tone="yellow">Sekretess</Tag> : ""}
                      <a href={`/arbetsyta/arenden/${r.id}`} safe>
                        {r.number}
                      </a>
                    </>
                  ),
                },
                // The board never shows a secret case's words, not even to those who may open it.
                { header: "Gäller", cell: (r: BoardRow) => <span safe>{r.subject}</span> },
                { header: "Kanal", cell: (r: BoardRow) => <span safe>{CHANNEL_SV[r.channel] ?? r.channel}</span> },
                { header: "Enhet", cell: (r: BoardRow) => <span safe>{r.unit_name ?? "Inte fördelad"}</span> },
                {
                  header: "Kom in",
                  cell: (r: BoardRow) => (
                    <time datetime={new Date(r.received_at).toISOString()} safe>
                      {formatDateTime(new Date(r.received_at), "sv")}
                    </time>
                  ),
                },
                {
                  header: "Klocka",
                  cell: (r: BoardRow) => {
                    const c = clock(now, r.first_answer_due ? new Date(r.first_answer_due) : null);
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
  suggestion?: { unitId: string; name: string; confidence: number } | undefined;
  reporterNotices: readonly { value: string; label: string }[];
  /** Where the posts behind a case on a social channel are (the module that sends its answers says). */
  postsHref: string | undefined;
}

/** A text field with its label and inline error, for the short "why" fields. */
function ReasonField(p: { id: string; label: string; error: string | undefined }): JSX.Element {
  return <TextField id={p.id} name="reason" label={p.label} error={p.error} />;
}

export function CasePage(p: CasePageProps): JSX.Element {
  const { ctx, meta, access, content } = p;
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  const base = `/arbetsyta/arenden/${meta.id}`;
  const due: string = meta.due ? formatDateTime(meta.due, "sv") : "–";
  // Reasons and notes written about a case can carry its content: only for those who read it.
  const showDetails = content !== undefined;
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
          <h2 class="banner__title">Orosanmälan om ett barn</h2>
          {access.concernActions ? (
            <p>Bedöm skyddsbehovet i dag.</p>
          ) : (
            <p>Mottagningen för barn och familj har anmälan. Bara mottagningen kan hantera den.</p>
          )}
          {showDetails && meta.concernReasons.length > 0 ? (
            <>
              <p>Meddelandet flaggades för att:</p>
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
      <h1 safe>{`Ärende ${meta.number}`}</h1>
      <dl class="summary-list">
        <div class="summary-list__row">
          <dt>Gäller</dt>
          <dd safe>{content ? content.subject : meta.title}</dd>
        </div>
        <div class="summary-list__row">
          <dt>Läge</dt>
          <dd safe>{STATUS_SV[meta.status] ?? meta.status}</dd>
        </div>
        <div class="summary-list__row">
          <dt>Typ och kanal</dt>
          <dd>
            <span safe>{`${KIND_SV[meta.kind] ?? meta.kind}, ${CHANNEL_SV[meta.channel] ?? meta.channel}`}</span>
            {content && p.postsHref ? (
              <>
                {" "}
                · <a href={p.postsHref}>Inläggen på plattformen och moderering</a>
              </>
            ) : (
              ""
            )}
          </dd>
        </div>
        <div class="summary-list__row">
          <dt>Enhet</dt>
          <dd safe>{meta.unitName ?? "Inte fördelad"}</dd>
        </div>
        <div class="summary-list__row">
          <dt>Kategori</dt>
          <dd safe>{meta.categoryName ?? "–"}</dd>
        </div>
        <div class="summary-list__row">
          <dt>Kom in</dt>
          <dd safe>{formatDateTime(meta.receivedAt, "sv")}</dd>
        </div>
        <div class="summary-list__row">
          <dt>Svar senast</dt>
          <dd safe>{due}</dd>
        </div>
        {content ? (
          <div class="summary-list__row">
            <dt>Frågeställare</dt>
            <dd safe>
              {[content.requester.name ?? "Anonym", content.requester.email, content.requester.phone]
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
          <h2 id="secret-title">Sekretess</h2>
          {access.read ? (
            <>
              <p>
                Ärendet omfattas av sekretess (OSL 26 kap). Du ser innehållet först när du öppnar det. Loggen visar
                varje öppning och det du läser, med syftet.
              </p>
              <Form ctx={ctx} action={`${base}/oppna`}>
                <SelectField
                  name="syfte"
                  label="Varför öppnar du ärendet?"
                  error={err("syfte")}
                  options={[{ value: "", label: "Välj syfte" }, ...p.openPurposes]}
                />
                <Button kind="secondary">Öppna ärendet</Button>
              </Form>
            </>
          ) : (
            <p class="secret-note">Ärendet omfattas av sekretess. Bara enheten som har ärendet kan se innehållet.</p>
          )}
        </section>
      ) : (
        <>
          {meta.secret ? (
            <Form ctx={ctx} action={`${base}/stang`} class="inline-form">
              <p>Du har öppnat ärendet. Det du läser skrivs i loggen.</p>
              <Button kind="link">Stäng ärendet</Button>
            </Form>
          ) : (
            ""
          )}
          <h2>Meddelanden</h2>
          <ol class="thread">
            {content.messages.map((m) => (
              <li class={`thread__item thread__item--${m.direction}`}>
                <p class="thread__meta">
                  <strong safe>
                    {m.direction === "in"
                      ? "Frågeställaren"
                      : m.direction === "note"
                        ? `Intern anteckning, ${m.author_name ?? ""}`
                        : `Svar från ${m.author_name ?? "oss"}`}
                  </strong>{" "}
                  <time datetime={m.created_at.toISOString()} safe>
                    {formatDateTime(m.created_at, "sv")}
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
                      {deliveryText(m.delivery_status)}
                    </span>
                  ) : (
                    ""
                  )}
                  {m.automatic ? <span> · automatiskt svar, till exempel frånvaro</span> : ""}
                </p>
                <div class="thread__body" safe>
                  {m.body}
                </div>
              </li>
            ))}
          </ol>
          {content.attachments.length > 0 ? (
            <>
              <h3>Bifogade filer</h3>
              <ul>
                {content.attachments.map((a) => (
                  <li>
                    <a href={`${base}/filer/${a.id}`} safe>{`${a.filename} (${Math.ceil(a.size / 1024)} kB)`}</a>
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
              <h2 id="reporter-title">Besked till anmälaren</h2>
              {meta.reporterNotice ? (
                <p
                  safe
                >{`Anmälaren har fått beskedet: ${p.reporterNotices.find((n) => n.value === meta.reporterNotice)?.label ?? ""}`}</p>
              ) : (
                ""
              )}
              <p>
                Den som anmälde i sitt arbete får veta om vi har startat en utredning, om vi inte startar någon eller om
                en utredning redan pågår. Inget annat. Andra som anmäler får inget besked.
              </p>
              <Form ctx={ctx} action={`${base}/anmalare`}>
                <RadioGroup name="besked" legend="Vilket besked?" error={err("besked")} options={p.reporterNotices} />
                <CheckboxField
                  name="yrke"
                  label="Personen anmälde i sitt arbete, till exempel i skolan eller vården"
                  error={err("yrke")}
                />
                <Button kind="secondary">Skicka beskedet</Button>
              </Form>
            </section>
          ) : (
            ""
          )}
        </>
      )}
      <div class="grid">
        {content && access.handle && !meta.concern ? (
          <section class="panel" aria-labelledby="request-title">
            <h2 id="request-title">Begäran om allmän handling?</h2>
            <p>
              Vill personen läsa allmänna handlingar? Gör ärendet till en begäran. Då börjar klockan för beslut samma
              dag, och du kan pröva sekretess och maskera.
            </p>
            <Form ctx={ctx} action={`/arbetsyta/begaran/fran-arende/${meta.id}`}>
              <Button kind="secondary">Gör till en begäran om allmän handling</Button>
            </Form>
          </section>
        ) : (
          ""
        )}
        {access.route ? (
          <section class="panel" aria-labelledby="route-title">
            <h2 id="route-title">Flytta till en annan enhet</h2>
            {meta.secret && !content ? (
              <p>Du flyttar ärendet utan att läsa det. Flytten ger dig ingen rätt att läsa det.</p>
            ) : (
              ""
            )}
            {p.suggestion ? (
              <p class="suggestion">
                Förslag från tidigare ärenden: <strong safe>{p.suggestion.name}</strong>
                <span safe>{` (${Math.round(p.suggestion.confidence * 100)} % säkert)`}</span>
              </p>
            ) : (
              ""
            )}
            <Form ctx={ctx} action={`${base}/flytta`}>
              <SelectField
                name="enhet"
                label="Enhet"
                selected={p.suggestion?.unitId}
                error={err("enhet")}
                options={p.units.map((u) => ({ value: u.id, label: u.name }))}
              />
              <ReasonField id="reason" label="Varför?" error={err("reason")} />
              <Button kind="secondary">Flytta</Button>
            </Form>
          </section>
        ) : (
          ""
        )}
        {access.changeStatus || access.concernActions || access.markSecret || access.liftSecret || access.minor ? (
          <section class="panel" aria-labelledby="status-title">
            <h2 id="status-title">Ändra läge</h2>
            {access.changeStatus ? (
              <Form ctx={ctx} action={`${base}/status`}>
                <SelectField
                  name="till"
                  label="Nytt läge"
                  error={err("till")}
                  options={[
                    { value: "open", label: "Pågår" },
                    { value: "waiting", label: "Väntar på frågeställaren (klockan stannar)" },
                    { value: "closed", label: "Avslutad" },
                  ]}
                />
                {meta.concern ? (
                  <ReasonField
                    id="statusReason"
                    label="Varför? (krävs för en orosanmälan)"
                    error={err("statusReason")}
                  />
                ) : (
                  ""
                )}
                <Button kind="secondary">Ändra</Button>
              </Form>
            ) : (
              ""
            )}
            {access.concernActions ? (
              <>
                <h3>{meta.concern ? "Inte en orosanmälan?" : "Är det en orosanmälan?"}</h3>
                {!meta.concern ? (
                  <p>Ärendet blir sekretessmarkerat och går direkt till mottagningen för barn och familj.</p>
                ) : (
                  ""
                )}
                <Form ctx={ctx} action={`${base}/oro`}>
                  <input type="hidden" name="oro" value={meta.concern ? "nej" : "ja"} />
                  <ReasonField id="concernReason" label="Skäl" error={err("concernReason")} />
                  <Button kind="secondary">{meta.concern ? "Ta bort markeringen" : "Markera som orosanmälan"}</Button>
                </Form>
              </>
            ) : (
              ""
            )}
            {access.markSecret || access.liftSecret ? (
              <>
                <h3>{meta.secret ? "Sekretessmarkerat" : "Sekretess"}</h3>
                <Form ctx={ctx} action={`${base}/sekretess`}>
                  <input type="hidden" name="sekretess" value={meta.secret ? "nej" : "ja"} />
                  <ReasonField id="secrecyReason" label="Skäl, till exempel OSL 26:1" error={err("secrecyReason")} />
                  <Button kind="secondary">
                    {meta.secret ? "Ta bort sekretessmarkeringen" : "Markera som sekretess"}
                  </Button>
                </Form>
              </>
            ) : (
              ""
            )}
            {access.minor && !meta.minor ? (
              <>
                <h3>Behövs inget svar?</h3>
                <p>
                  Till exempel reklam, beröm eller en kommentar om något annat. Ärendet registreras som av ringa
                  betydelse och försvinner från listan och diariet. Måtten räknar det för sig.
                </p>
                <Form ctx={ctx} action={`${base}/ringa-betydelse`}>
                  <input type="hidden" name="ringa" value="ja" />
                  <Button kind="secondary">Markera som ringa betydelse</Button>
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
      <h2>Historik</h2>
      <ol class="plain-list history">
        {p.history.map((h) => (
          <li>
            <time datetime={new Date(h.created_at).toISOString()} safe>
              {formatDateTime(new Date(h.created_at), "sv")}
            </time>{" "}
            <span safe>{`${h.actor_name ?? "Systemet"}: ${describeEvent(h.type, h.details, showDetails)}`}</span>
            {p.undoable?.id === String(h.id) ? (
              <Form ctx={ctx} action={`${base}/angra/${h.id}`} class="inline-form">
                <ReasonField id="undoReason" label="Ångra den här åtgärden. Varför?" error={err("undoReason")} />
                <Button kind="secondary">Ångra</Button>
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
  return (
    <section class="panel" aria-labelledby="reply-title">
      <h2 id="reply-title">Svara</h2>
      {p.savedAnswers.length > 0 ? (
        <Form ctx={ctx} action={`${base}/svarsmall`} class="inline-form">
          <SelectField
            name="mall"
            label="Svarsmall"
            options={p.savedAnswers.map((a) => ({ value: a.id, label: a.title }))}
          />
          <Button kind="secondary">Använd svarsmallen</Button>
        </Form>
      ) : (
        ""
      )}
      {p.similar.length > 0 ? (
        <details class="similar">
          <summary>Svar på liknande frågor</summary>
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
          label="Ditt svar"
          hint="Skriv som du pratar. Skriv inga känsliga uppgifter i e-post – ring hellre. I en intern anteckning kan du nämna en kollega med @ och e-postadressen."
          value={p.draft}
          error={err("body")}
          result={p.analysis}
          rows={8}
        />
        <div class="button-row">
          <Button name="typ" value="svar">
            Skicka svaret
          </Button>
          <Button kind="secondary" name="typ" value="anteckning">
            Spara som intern anteckning
          </Button>
        </div>
        {p.services.length > 0 ? (
          <fieldset class="panel suggested-services">
            <legend>Stöd som kan passa</legend>
            <p class="field__hint">
              Sidor i katalogen Stöd och hjälp som kanske svarar på frågan. Lägg till en länk i svaret – inget skickas
              än.
            </p>
            <ul>
              {p.services.map((s) => (
                <li>
                  <a href={`/stod/${s.slug}`} safe>
                    {s.name}
                  </a>{" "}
                  <button type="submit" class="button button--link" name="stod" value={s.slug}>
                    Lägg till länken i svaret
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

function deliveryText(status: string): string {
  const text: Record<string, string> = {
    sent: "skickad",
    queued: "i kö",
    failed: "gick inte att skicka",
    bounced: "kom inte fram. Nå frågeställaren på annat sätt",
  };
  return ` · e-post: ${text[status] ?? status}`;
}

/** One line of the history. Free texts (reasons, what was asked for) only for those who read the case. */
function describeEvent(type: string, d: Record<string, unknown>, details: boolean): string {
  const why = (text: unknown) => (details && text ? `: ${String(text)}` : "");
  switch (type) {
    case "received":
      return `tog emot meddelandet (${CHANNEL_SV[String(d["channel"])] ?? String(d["channel"])})${d["concern"] ? ", flaggat som orosanmälan" : ""}${d["secret"] ? ", sekretess vid ankomst" : ""}`;
    case "reply":
      return "svarade";
    case "note":
      return "skrev en intern anteckning";
    case "routed":
      return `flyttade till ${String(d["unitName"])}${why(d["reason"])}`;
    case "status":
      return `ändrade läge till ${STATUS_SV[String(d["to"])] ?? String(d["to"])}${why(d["reason"])}`;
    case "reopened":
      return "öppnade ärendet igen";
    case "reclassified":
      return `${d["concern"] ? "markerade som orosanmälan" : "tog bort markeringen orosanmälan"}${why(d["reason"])}`;
    case "secrecy":
      return `${d["secret"] ? "markerade som sekretess" : "tog bort sekretessmarkeringen"}${why(d["reason"])}`;
    case "undone":
      return `ångrade en åtgärd${why(d["reason"])}`;
    case "reporter-notice":
      return "gav anmälaren besked";
    case "sla-warning":
      return "varnade: svarstiden går snart ut";
    case "escalated":
      return "skickade till chefen: svarstiden har gått ut";
    case "minor-importance":
      return d["minor"] ? "registrerade som av ringa betydelse" : "tog bort markeringen ringa betydelse";
    case "acknowledged":
      return "skickade en bekräftelse";
    case "requester-message":
      return "frågeställaren skickade mer information";
    case "automatic-reply":
      return "tog emot ett automatiskt svar";
    case "bounced":
      return `e-post kom inte fram${details && d["diagnostic"] ? ` (${String(d["diagnostic"])})` : ""}`;
    case "delivery-failed":
      return `svaret kunde inte skickas${why(d["reason"])}`;
    case "moderated":
      return `${d["action"] === "remove" ? "tog bort" : "dolde"} en kommentar på plattformen${why(d["reason"])}`;
    case "moderation-failed":
      return `kommentaren kunde inte döljas eller tas bort${why(d["reason"])}`;
    case "request.registered":
      return "registrerade en begäran om allmän handling";
    case "request.parts":
      return `berättade när delarna kommer${why(d["note"])}`;
    case "request.decided":
      return "beslutade om utlämnande";
    case "request.part-delivered":
      return "skickade en del av handlingarna";
    case "request.delivered":
      return "skickade handlingarna";
    default:
      return type;
  }
}
