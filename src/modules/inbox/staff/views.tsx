import { formatDateTime } from "../../../platform/i18n/i18n.js";
import { SOCIAL_CHANNELS } from "../../../platform/db/schema.js";
import type { PageContext, FieldError } from "../../../views/context.js";
import { Banner, Button, ErrorSummary, Form, Pagination, SelectField, Table, Tag } from "../../../views/components.js";
import { KlarsprakEditor } from "../../../views/klarsprak-editor.js";
import type { AnalysisJson } from "../../klarsprak/presenters.js";
import type { BoardRow } from "../queries.js";

import { CHANNEL_SV, KIND_SV, STATUS_SV } from "../labels.js";

function clock(now: Date, due: Date | null): { text: string; late: boolean } {
  if (!due) return { text: "–", late: false };
  const minutes = Math.round((due.getTime() - now.getTime()) / 60000);
  const abs = Math.abs(minutes);
  const span = abs >= 1440 ? `${Math.round(abs / 1440)} d` : abs >= 60 ? `${Math.floor(abs / 60)} h ${abs % 60} min` : `${abs} min`;
  return minutes < 0 ? { text: `Försenad ${span}`, late: true } : { text: `Svar inom ${span}`, late: false };
}

export interface BoardQuery {
  readonly enhet: string;
  readonly kanal: string;
  readonly typ: string;
}

export function BoardPage(p: { ctx: PageContext; rows: readonly BoardRow[]; total: number; page: number; pageSize: number; units: readonly { id: string; name: string }[]; query: BoardQuery; canSeeSecret: (r: BoardRow) => boolean }): JSX.Element {
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
          <SelectField name="enhet" label="Enhet" selected={p.query.enhet} options={[{ value: "", label: "Alla enheter" }, ...p.units.map((u) => ({ value: u.id, label: u.name }))]} />
          <SelectField name="kanal" label="Kanal" selected={p.query.kanal} options={[{ value: "", label: "Alla kanaler" }, ...Object.entries(CHANNEL_SV).map(([value, label]) => ({ value, label }))]} />
          <SelectField name="typ" label="Typ" selected={p.query.typ} options={[{ value: "", label: "Alla typer" }, ...Object.entries(KIND_SV).map(([value, label]) => ({ value, label }))]} />
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
                  <a href={`/arbetsyta/arenden/${r.id}`} safe>{r.number}</a>
                </>
              ),
            },
            { header: "Gäller", cell: (r: BoardRow) => <span safe>{r.secret && !p.canSeeSecret(r) ? "Sekretessmarkerat ärende" : r.subject}</span> },
            { header: "Kanal", cell: (r: BoardRow) => <span safe>{CHANNEL_SV[r.channel] ?? r.channel}</span> },
            { header: "Enhet", cell: (r: BoardRow) => <span safe>{r.unit_name ?? "Inte fördelad"}</span> },
            { header: "Kom in", cell: (r: BoardRow) => <time datetime={new Date(r.received_at).toISOString()} safe>{formatDateTime(new Date(r.received_at), "sv")}</time> },
            {
              header: "Klocka",
              cell: (r: BoardRow) => {
                const c = clock(now, r.first_answer_due ? new Date(r.first_answer_due) : null);
                return <span class={c.late ? "clock clock--late" : "clock"} safe>{c.text}</span>;
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

export interface CaseView {
  readonly id: string;
  readonly number: string;
  readonly subject: string;
  readonly channel: string;
  readonly kind: string;
  readonly status: string;
  readonly concern: boolean;
  readonly concernReasons: readonly string[];
  readonly secret: boolean;
  readonly unitName: string | null;
  readonly categoryName: string | null;
  readonly requester: { name: string | null; email: string | null; phone: string | null };
  readonly receivedAt: Date;
  readonly due: Date | null;
  readonly firstAnsweredAt: Date | null;
}

export function CasePage(p: {
  ctx: PageContext;
  c: CaseView;
  showContent: boolean;
  canOpenSecret: boolean;
  messages: readonly { direction: string; body: string; created_at: Date; author_name: string | null; delivery_status: string | null; automatic: boolean }[];
  history: readonly { type: string; details: Record<string, unknown>; created_at: Date; actor_name: string | null }[];
  attachments: readonly { id: string; filename: string; size: number }[];
  units: readonly { id: string; name: string }[];
  savedAnswers: readonly { id: string; title: string; body: string }[];
  similar: readonly { number: string; body: string }[];
  /** Pages in the help catalogue that may answer the question. */
  services: readonly { slug: string; name: string; url: string }[];
  draft: string;
  analysis: AnalysisJson | null;
  errors: readonly FieldError[];
  notice?: string | undefined;
  canRoute: boolean;
  suggestion?: { unitId: string; name: string; confidence: number } | undefined;
}): JSX.Element {
  const { ctx, c } = p;
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  const base = `/arbetsyta/arenden/${c.id}`;
  const subject: string = p.showContent ? c.subject : "Sekretessmarkerat ärende";
  const due: string = c.due ? formatDateTime(c.due, "sv") : "–";
  return (
    <>
      {p.notice ? <Banner kind="success"><p safe>{p.notice}</p></Banner> : ""}
      <ErrorSummary ctx={ctx} errors={p.errors} />
      {c.concern ? (
        <Banner kind="warning">
          <h2 class="banner__title">Orosanmälan om ett barn</h2>
          <p>Bedöm skyddsbehovet i dag. Meddelandet flaggades för att:</p>
          <ul>{c.concernReasons.map((r) => <li safe>{r}</li>)}</ul>
        </Banner>
      ) : (
        ""
      )}
      <h1 safe>{`Ärende ${c.number}`}</h1>
      <dl class="summary-list">
        <div class="summary-list__row"><dt>Gäller</dt><dd safe>{subject}</dd></div>
        <div class="summary-list__row"><dt>Läge</dt><dd safe>{STATUS_SV[c.status] ?? c.status}</dd></div>
        <div class="summary-list__row"><dt>Typ och kanal</dt><dd>
          <span safe>{`${KIND_SV[c.kind] ?? c.kind}, ${CHANNEL_SV[c.channel] ?? c.channel}`}</span>
          {SOCIAL_CHANNELS.includes(c.channel) ? <> · <a href={`/arbetsyta/socialt/${c.id}`}>Inläggen på plattformen och moderering</a></> : ""}
        </dd></div>
        <div class="summary-list__row"><dt>Enhet</dt><dd safe>{c.unitName ?? "Inte fördelad"}</dd></div>
        <div class="summary-list__row"><dt>Kategori</dt><dd safe>{c.categoryName ?? "–"}</dd></div>
        <div class="summary-list__row"><dt>Kom in</dt><dd safe>{formatDateTime(c.receivedAt, "sv")}</dd></div>
        <div class="summary-list__row"><dt>Svar senast</dt><dd safe>{due}</dd></div>
        {p.showContent ? (
          <div class="summary-list__row"><dt>Frågeställare</dt><dd safe>{[c.requester.name ?? "Anonym", c.requester.email, c.requester.phone].filter(Boolean).join(", ")}</dd></div>
        ) : (
          ""
        )}
      </dl>
      {!p.showContent ? (
        <section class="panel" aria-labelledby="secret-title">
          <h2 id="secret-title">Sekretess</h2>
          {p.canOpenSecret ? (
            <>
              <p>Ärendet omfattas av sekretess (OSL 26 kap). Innehållet visas först när du öppnar det, och varje öppning skrivs i händelseloggen.</p>
              <Form ctx={ctx} action={`${base}/oppna`}><Button kind="secondary">Öppna ärendet</Button></Form>
            </>
          ) : (
            <p>Ärendet omfattas av sekretess. Bara enheten som har ärendet kan se innehållet.</p>
          )}
        </section>
      ) : (
        <>
          <h2>Meddelanden</h2>
          <ol class="thread">
            {p.messages.map((m) => (
              <li class={`thread__item thread__item--${m.direction}`}>
                <p class="thread__meta">
                  <strong safe>{m.direction === "in" ? "Frågeställaren" : m.direction === "note" ? `Intern anteckning, ${m.author_name ?? ""}` : `Svar från ${m.author_name ?? "oss"}`}</strong>{" "}
                  <time datetime={new Date(m.created_at).toISOString()} safe>{formatDateTime(new Date(m.created_at), "sv")}</time>
                  {m.delivery_status ? <span class={m.delivery_status === "bounced" || m.delivery_status === "failed" ? "thread__warning" : undefined} safe>{deliveryText(m.delivery_status)}</span> : ""}
                  {m.automatic ? <span> · automatiskt svar, till exempel frånvaro</span> : ""}
                </p>
                <div class="thread__body" safe>{m.body}</div>
              </li>
            ))}
          </ol>
          {p.attachments.length > 0 ? (
            <>
              <h3>Bifogade filer</h3>
              <ul>{p.attachments.map((a) => <li><a href={`${base}/filer/${a.id}`} safe>{`${a.filename} (${Math.ceil(a.size / 1024)} kB)`}</a></li>)}</ul>
            </>
          ) : (
            ""
          )}
          <section class="panel" aria-labelledby="reply-title">
            <h2 id="reply-title">Svara</h2>
            {p.savedAnswers.length > 0 ? (
              <Form ctx={ctx} action={`${base}/svarsmall`} class="inline-form">
                <SelectField name="mall" label="Svarsmall" options={p.savedAnswers.map((a) => ({ value: a.id, label: a.title }))} />
                <Button kind="secondary">Använd svarsmallen</Button>
              </Form>
            ) : (
              ""
            )}
            {p.similar.length > 0 ? (
              <details class="similar">
                <summary>Svar på liknande frågor</summary>
                <ul>{p.similar.map((s) => <li><strong safe>{s.number}</strong>: <span safe>{s.body.slice(0, 300)}</span></li>)}</ul>
              </details>
            ) : (
              ""
            )}
            <Form ctx={ctx} action={`${base}/svar`}>
              <KlarsprakEditor ctx={ctx} id="body" name="body" label="Ditt svar" hint="Skriv som du pratar. Skriv inga känsliga uppgifter i e-post – ring hellre. I en intern anteckning kan du nämna en kollega med @ och e-postadressen." value={p.draft} error={err("body")} result={p.analysis} rows={8} />
              <div class="button-row">
                <Button name="typ" value="svar">Skicka svaret</Button>
                <Button kind="secondary" name="typ" value="anteckning">Spara som intern anteckning</Button>
              </div>
              {p.services.length > 0 ? (
                <fieldset class="panel suggested-services">
                  <legend>Stöd som kan passa</legend>
                  <p class="field__hint">Sidor i katalogen Stöd och hjälp som kanske svarar på frågan. Lägg till en länk i svaret – inget skickas än.</p>
                  <ul>
                    {p.services.map((s) => (
                      <li>
                        <a href={`/stod/${s.slug}`} safe>{s.name}</a>{" "}
                        <button type="submit" class="button button--link" name="stod" value={s.slug}>Lägg till länken i svaret</button>
                      </li>
                    ))}
                  </ul>
                </fieldset>
              ) : ""}
            </Form>
          </section>
        </>
      )}
      <div class="grid">
        <section class="panel" aria-labelledby="request-title">
          <h2 id="request-title">Begäran om allmän handling?</h2>
          <p>Vill personen läsa allmänna handlingar? Gör ärendet till en begäran. Då börjar klockan för beslut samma dag, och du kan pröva sekretess och maskera.</p>
          <Form ctx={ctx} action={`/arbetsyta/begaran/fran-arende/${c.id}`}>
            <Button kind="secondary">Gör till en begäran om allmän handling</Button>
          </Form>
        </section>
        {p.canRoute ? (
          <section class="panel" aria-labelledby="route-title">
            <h2 id="route-title">Flytta till en annan enhet</h2>
            {p.suggestion ? (
              <p class="suggestion">
                Förslag från tidigare ärenden: <strong safe>{p.suggestion.name}</strong>
                <span safe>{` (${Math.round(p.suggestion.confidence * 100)} % säkert)`}</span>
              </p>
            ) : (
              ""
            )}
            <Form ctx={ctx} action={`${base}/flytta`}>
              <SelectField name="enhet" label="Enhet" selected={p.suggestion?.unitId} options={p.units.map((u) => ({ value: u.id, label: u.name }))} />
              <div class={`field${err("reason") ? " field--error" : ""}`}>
                <label class="field__label" for="reason">Varför?</label>
                {err("reason") ? <p class="field__error" safe>{err("reason")}</p> : ""}
                <input class="field__input" id="reason" name="reason" type="text" />
              </div>
              <Button kind="secondary">Flytta</Button>
            </Form>
          </section>
        ) : (
          ""
        )}
        <section class="panel" aria-labelledby="status-title">
          <h2 id="status-title">Ändra läge</h2>
          <Form ctx={ctx} action={`${base}/status`}>
            <SelectField name="till" label="Nytt läge" options={[
              { value: "open", label: "Pågår" },
              { value: "waiting", label: "Väntar på frågeställaren (klockan stannar)" },
              { value: "closed", label: "Avslutad" },
            ]} />
            <Button kind="secondary">Ändra</Button>
          </Form>
          <h3>{c.concern ? "Inte en orosanmälan?" : "Är det en orosanmälan?"}</h3>
          <Form ctx={ctx} action={`${base}/oro`}>
            <input type="hidden" name="oro" value={c.concern ? "nej" : "ja"} />
            <div class={`field${err("concernReason") ? " field--error" : ""}`}>
              <label class="field__label" for="concernReason">Skäl</label>
              {err("concernReason") ? <p class="field__error" safe>{err("concernReason")}</p> : ""}
              <input class="field__input" id="concernReason" name="reason" type="text" />
            </div>
            <Button kind="secondary">{c.concern ? "Ta bort markeringen" : "Markera som orosanmälan"}</Button>
          </Form>
          <h3>{c.secret ? "Sekretessmarkerat" : "Sekretess"}</h3>
          <Form ctx={ctx} action={`${base}/sekretess`}>
            <input type="hidden" name="sekretess" value={c.secret ? "nej" : "ja"} />
            <div class={`field${err("secrecyReason") ? " field--error" : ""}`}>
              <label class="field__label" for="secrecyReason">Skäl, till exempel OSL 26:1</label>
              {err("secrecyReason") ? <p class="field__error" safe>{err("secrecyReason")}</p> : ""}
              <input class="field__input" id="secrecyReason" name="reason" type="text" />
            </div>
            <Button kind="secondary">{c.secret ? "Ta bort sekretessmarkeringen" : "Markera som sekretess"}</Button>
          </Form>
          <h3>Behövs inget svar?</h3>
          <p>Till exempel reklam, beröm eller en kommentar om något annat. Ärendet registreras som av ringa betydelse och försvinner från listan och diariet. Måtten räknar det för sig.</p>
          <Form ctx={ctx} action={`${base}/ringa-betydelse`}>
            <input type="hidden" name="ringa" value="ja" />
            <Button kind="secondary">Markera som ringa betydelse</Button>
          </Form>
        </section>
      </div>
      <h2>Historik</h2>
      <ol class="plain-list history">
        {p.history.map((h) => (
          <li>
            <time datetime={new Date(h.created_at).toISOString()} safe>{formatDateTime(new Date(h.created_at), "sv")}</time>{" "}
            <span safe>{`${h.actor_name ?? "Systemet"}: ${describeEvent(h.type, h.details)}`}</span>
          </li>
        ))}
      </ol>
    </>
  );
}

function deliveryText(status: string): string {
  const text: Record<string, string> = {
    sent: "skickad", queued: "i kö", failed: "gick inte att skicka", bounced: "kom inte fram. Nå frågeställaren på annat sätt",
  };
  return ` · e-post: ${text[status] ?? status}`;
}

function describeEvent(type: string, d: Record<string, unknown>): string {
  switch (type) {
    case "received": return `tog emot meddelandet (${CHANNEL_SV[String(d["channel"])] ?? String(d["channel"])})${d["concern"] ? ", flaggat som orosanmälan" : ""}${d["secret"] ? ", sekretess vid ankomst" : ""}`;
    case "reply": return "svarade";
    case "note": return "skrev en intern anteckning";
    case "routed": return `flyttade till ${String(d["unitName"])}: ${String(d["reason"])}`;
    case "status": return `ändrade läge till ${STATUS_SV[String(d["to"])] ?? String(d["to"])}`;
    case "reopened": return "öppnade ärendet igen";
    case "reclassified": return `${d["concern"] ? "markerade som orosanmälan" : "tog bort markeringen orosanmälan"}: ${String(d["reason"])}`;
    case "secrecy": return `${d["secret"] ? "markerade som sekretess" : "tog bort sekretessmarkeringen"}: ${String(d["reason"])}`;
    case "sla-warning": return "varnade: svarstiden går snart ut";
    case "escalated": return "skickade till chefen: svarstiden har gått ut";
    case "minor-importance": return d["minor"] ? "registrerade som av ringa betydelse" : "tog bort markeringen ringa betydelse";
    case "acknowledged": return "skickade en bekräftelse";
    case "requester-message": return "frågeställaren skickade mer information";
    case "automatic-reply": return "tog emot ett automatiskt svar";
    case "bounced": return `e-post kom inte fram${d["diagnostic"] ? ` (${String(d["diagnostic"])})` : ""}`;
    case "delivery-failed": return `svaret kunde inte skickas: ${String(d["reason"])}`;
    case "moderated": return `${d["action"] === "remove" ? "tog bort" : "dolde"} en kommentar på plattformen: ${String(d["reason"])}`;
    case "moderation-failed": return `kommentaren kunde inte döljas eller tas bort: ${String(d["reason"])}`;
    case "request.registered": return "registrerade en begäran om allmän handling";
    case "request.parts": return `berättade när delarna kommer: ${String(d["note"])}`;
    case "request.decided": return "beslutade om utlämnande";
    case "request.part-delivered": return "skickade en del av handlingarna";
    case "request.delivered": return "skickade handlingarna";
    default: return type;
  }
}
