/** Workspace pages for the newsroom: releases, the editor with review and approval, contacts and lists, events, coverage, measures. */
import { escapeHtml } from "@kitajs/html";
import { formatDate, formatDateTime } from "../../../platform/i18n/i18n.js";
import {
  Banner,
  BarChart,
  Button,
  ErrorSummary,
  Form,
  Pagination,
  SelectField,
  Table,
  Tag,
  TextAreaField,
  TextField,
} from "../../../views/components.js";
import type { FieldError, PageContext } from "../../../views/context.js";
import { KlarsprakEditor } from "../../../views/klarsprak-editor.js";
import type { AnalysisJson } from "../../klarsprak/index.js";
import { DOCUMENT_KIND_SV } from "../public/views.js";
import { BASIS_OPTIONS, type ImportPreview } from "../media.js";
import type { MonthRow, ReleaseDetail, StaffListRow } from "../queries.js";

type Option = { readonly value: string; readonly label: string };

const STATUS: Record<string, [string, "neutral" | "blue" | "green" | "red" | "yellow"]> = {
  draft: ["Utkast", "neutral"],
  in_review: ["Väntar på granskning", "yellow"],
  approved: ["Godkänt", "blue"],
  withdrawn: ["Indraget", "red"],
};

const BASIS_SV: Record<string, string> = {
  public_interest: "Allmänt intresse",
  legal_obligation: "Rättslig förpliktelse",
  consent: "Samtycke",
};

export function statusText(
  r: { status: string; publishAt: Date | null; embargo: boolean },
  now = new Date(),
): [string, "neutral" | "blue" | "green" | "red" | "yellow"] {
  if (r.status === "approved" && r.publishAt && r.publishAt <= now) return ["Publicerat", "green"];
  if (r.status === "approved" && r.publishAt)
    return [`${r.embargo ? "Embargo till" : "Publiceras"} ${formatDateTime(r.publishAt, "sv")}`, "blue"];
  return STATUS[r.status] ?? [r.status, "neutral"];
}

const VIEWS: readonly [string, string][] = [
  ["all", "Alla"],
  ["draft", "Utkast"],
  ["review", "Väntar på granskning"],
  ["scheduled", "Schemalagda"],
  ["published", "Publicerade"],
];

export function ReleaseListPage(p: {
  ctx: PageContext;
  view: string;
  rows: readonly StaffListRow[];
  total: number;
  page: number;
  pageSize: number;
  errors: readonly FieldError[];
}): JSX.Element {
  return (
    <>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <h1>Pressrum</h1>
      <nav aria-label="Pressrummets delar">
        <ul class="inline-links">
          <li>
            <a href="/arbetsyta/press/kontakter">Mediekontakter och listor</a>
          </li>
          <li>
            <a href="/arbetsyta/press/evenemang">Presskonferenser och evenemang</a>
          </li>
          <li>
            <a href="/arbetsyta/press/bevakning">Bevakning</a>
          </li>
          <li>
            <a href="/arbetsyta/press/matt">Mått</a>
          </li>
          <li>
            <a href="/press">Det publika pressrummet</a>
          </li>
        </ul>
      </nav>
      <section class="panel" aria-labelledby="new-title">
        <h2 id="new-title">Skriv ett nytt pressmeddelande eller en nyhet</h2>
        <Form ctx={p.ctx} action="/arbetsyta/press" class="inline-form">
          <TextField name="title" label="Rubrik" value="" error={p.errors.find((e) => e.field === "title")?.message} />
          <SelectField
            name="kind"
            label="Typ"
            options={[
              { value: "press_release", label: "Pressmeddelande" },
              { value: "news", label: "Nyhet" },
            ]}
          />
          <Button>Börja skriva</Button>
        </Form>
      </section>
      <nav aria-label="Visa">
        <ul class="inline-links">
          {VIEWS.map(([v, label]) => (
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
        caption={`Pressmeddelanden och nyheter: ${p.total}`}
        rows={p.rows}
        columns={[
          {
            header: "Rubrik",
            cell: (r) => (
              <a href={`/arbetsyta/press/${r.id}`} safe>
                {r.title}
              </a>
            ),
          },
          { header: "Typ", cell: (r) => (r.kind === "news" ? "Nyhet" : "Pressmeddelande") },
          {
            header: "Läge",
            cell: (r) => {
              const [text, tone] = statusText(r);
              return (
                <Tag tone={tone}>
                  <span safe>{text}</span>
                </Tag>
              );
            },
          },
          { header: "Ändrat", cell: (r) => <span safe>{formatDateTime(r.updatedAt, "sv")}</span> },
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
  const v = (k: string, fallback: string) => state.values[k] ?? fallback;
  const err = (f: string) => state.errors.find((e) => e.field === f)?.message;
  const id = r.id;
  const [statusLabel, tone] = statusText({ status: r.status, publishAt: r.publishAt, embargo: r.embargo });
  const DONE: Record<string, string> = {
    text: "Texten är sparad.",
    correction: "Rättelsen är sparad och visas på pressmeddelandet.",
    part: "Det är sparat.",
    review: "Pressmeddelandet är skickat för granskning.",
    approved: "Pressmeddelandet är godkänt och schemalagt.",
    withdrawn: "Pressmeddelandet är draget tillbaka och är ett utkast igen.",
    coverage: "Bevakningen är sparad.",
    inquiry: "Frågan är kopplad.",
  };
  const sent = p.deliveries.filter((d) => d.status === "sent").length;
  return (
    <>
      <ErrorSummary ctx={ctx} errors={state.errors} />
      <p class="breadcrumbs">
        <a href="/arbetsyta/press">Pressrum</a>
      </p>
      <h1 safe>{r.title}</h1>
      <p>
        <Tag tone={tone}>
          <span safe>{statusLabel}</span>
        </Tag>{" "}
        <span class="hint" safe>{`Version ${r.version}`}</span>
        {p.isPublic ? (
          <>
            {" "}
            <a href={`/press/${r.slug}`}>Visa publicerat</a>
          </>
        ) : (
          ""
        )}
      </p>
      {state.done && DONE[state.done] ? (
        <Banner kind="success">
          <p safe>{DONE[state.done]}</p>
        </Banner>
      ) : (
        ""
      )}
      {p.languageErrors.length > 0 ? (
        <Banner kind="warning">
          <p>
            <strong>
              Klarspråkskontrollen hittade fel. Pressmeddelandet kan inte skickas för granskning eller godkännas förrän
              de är rättade.
            </strong>
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
        <h2 id="text-title">Text</h2>
        {p.isPublic ? (
          <p>
            Pressmeddelandet är publicerat. Ändringar visas öppet som en rättelse med datum. Skriv vad du ändrar och
            varför.
          </p>
        ) : (
          ""
        )}
        <Form ctx={ctx} action={`/arbetsyta/press/${id}/text`}>
          <TextField name="title" label="Rubrik" value={v("title", r.title)} error={err("title")} />
          <TextAreaField
            name="lead"
            label="Ingress"
            rows={3}
            value={v("lead", r.lead)}
            error={err("lead")}
            hint="Det viktigaste i två eller tre meningar."
          />
          <KlarsprakEditor
            ctx={ctx}
            id="body"
            name="body"
            label="Brödtext"
            format="markdown"
            rows={14}
            value={v("body", r.bodyMd)}
            error={err("body")}
            result={state.analysis}
            hint="Skriv i Markdown: ## för mellanrubrik, - för punktlista, [text](https://...) för länk."
          />
          <TextField
            name="topic"
            label="Ämne"
            value={v("topic", r.topic)}
            error={err("topic")}
            hint="Till exempel Ekonomiskt bistånd eller Barn och familj."
          />
          <SelectField
            name="unitId"
            label="Enhet"
            selected={v("unitId", r.unitId ?? "")}
            options={[{ value: "", label: "Hela förvaltningen" }, ...p.units]}
          />
          <SelectField
            name="kind"
            label="Typ"
            selected={v("kind", r.kind)}
            options={[
              { value: "press_release", label: "Pressmeddelande" },
              { value: "news", label: "Nyhet" },
            ]}
          />
          {p.isPublic ? (
            <TextAreaField
              name="correction"
              label="Rättelse: vad har du ändrat och varför?"
              rows={2}
              value={v("correction", "")}
              error={err("correction")}
              hint="Visas på pressmeddelandet med dagens datum."
            />
          ) : (
            ""
          )}
          <Button>{p.isPublic ? "Spara rättelsen" : "Spara texten"}</Button>
        </Form>
      </section>

      <section class="panel" aria-labelledby="quotes-title">
        <h2 id="quotes-title">Citat</h2>
        {r.quotes.map((q) => (
          <div>
            <blockquote>
              <p safe>{`”${q.quote}” – ${q.person}${q.personTitle ? `, ${q.personTitle}` : ""}`}</p>
            </blockquote>
            <Form ctx={ctx} action={`/arbetsyta/press/${id}/ta-bort/citat/${q.id}`}>
              <Button kind="link">Ta bort citatet</Button>
            </Form>
          </div>
        ))}
        <Form ctx={ctx} action={`/arbetsyta/press/${id}/citat`}>
          <TextAreaField name="quote" label="Citat" rows={3} value={v("quote", "")} error={err("quote")} />
          <TextField name="person" label="Vem säger det?" value={v("person", "")} error={err("person")} />
          <TextField name="personTitle" label="Titel" value={v("personTitle", "")} />
          <Button kind="secondary">Lägg till citatet</Button>
        </Form>
      </section>

      <section class="panel" aria-labelledby="contacts-title">
        <h2 id="contacts-title">Kontaktpersoner</h2>
        <ul class="plain-list">
          {r.contacts.map((c) => (
            <li>
              <span safe>{[c.name, c.role, c.phone, c.email].filter(Boolean).join(", ")}</span>{" "}
              <Form ctx={ctx} action={`/arbetsyta/press/${id}/ta-bort/kontakt/${c.id}`} class="inline-form">
                <Button kind="link">Ta bort</Button>
              </Form>
            </li>
          ))}
        </ul>
        <Form ctx={ctx} action={`/arbetsyta/press/${id}/kontaktperson`}>
          <TextField name="contactName" label="Namn" value={v("contactName", "")} error={err("contactName")} />
          <TextField name="contactRole" label="Roll" value={v("contactRole", "")} />
          <TextField
            name="contactPhone"
            type="tel"
            label="Telefon"
            value={v("contactPhone", "")}
            error={err("contactPhone")}
          />
          <TextField
            name="contactEmail"
            type="email"
            label="E-post"
            value={v("contactEmail", "")}
            error={err("contactEmail")}
          />
          <Button kind="secondary">Lägg till kontaktpersonen</Button>
        </Form>
      </section>

      <section class="panel" aria-labelledby="images-title">
        <h2 id="images-title">Bilder</h2>
        <ul class="plain-list">
          {r.images.map((img) => (
            <li>
              <img src={`/arbetsyta/press/${id}/bild/${img.id}/${img.sizes[0] ?? 320}.jpg`} alt={img.alt} width="160" />
              <span safe>{` ${img.alt} (${img.width} × ${img.height}, storlekar ${img.sizes.join(", ")})`}</span>
              <Form ctx={ctx} action={`/arbetsyta/press/${id}/ta-bort/bild/${img.id}`} class="inline-form">
                <Button kind="link">Ta bort</Button>
              </Form>
            </li>
          ))}
        </ul>
        <form method="post" action={`/arbetsyta/press/${id}/bild`} enctype="multipart/form-data" novalidate>
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <div class={`field${err("image") ? " field--error" : ""}`}>
            <label class="field__label" for="image">
              Bild
            </label>
            <p class="field__hint" id="image-hint">
              jpg, png eller webp, högst 15 MB. Vi gör storlekar för webben och för nedladdning.
            </p>
            {err("image") ? (
              <p class="field__error" id="image-error" safe>
                {err("image")}
              </p>
            ) : (
              ""
            )}
            <input
              class="field__file"
              id="image"
              name="image"
              type="file"
              accept=".jpg,.jpeg,.png,.webp"
              aria-describedby={err("image") ? "image-hint image-error" : "image-hint"}
            />
          </div>
          <TextField
            name="alt"
            label="Alternativ text"
            value={v("alt", "")}
            error={err("alt")}
            hint="Beskriv vad bilden visar för den som inte ser den. Krävs."
          />
          <TextField name="caption" label="Bildtext" value={v("caption", "")} />
          <TextField name="photographer" label="Fotograf" value={v("photographer", "")} />
          <Button kind="secondary">Ladda upp bilden</Button>
        </form>
      </section>

      <section class="panel" aria-labelledby="docs-title">
        <h2 id="docs-title">Fakta och material</h2>
        <ul class="plain-list">
          {r.documents.map((d) => (
            <li>
              <span safe>{`${DOCUMENT_KIND_SV[d.kind] ?? d.kind}: ${d.title} (${d.filename})`}</span>{" "}
              <Form ctx={ctx} action={`/arbetsyta/press/${id}/ta-bort/dokument/${d.id}`} class="inline-form">
                <Button kind="link">Ta bort</Button>
              </Form>
            </li>
          ))}
        </ul>
        <form method="post" action={`/arbetsyta/press/${id}/dokument`} enctype="multipart/form-data" novalidate>
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <SelectField
            name="documentKind"
            label="Vad är det?"
            options={[
              { value: "fact_sheet", label: "Faktablad" },
              { value: "statistics", label: "Statistik" },
              { value: "background", label: "Bakgrund" },
              { value: "document", label: "Dokument" },
            ]}
            error={err("documentKind")}
          />
          <TextField
            name="documentTitle"
            label="Vad heter det?"
            value={v("documentTitle", "")}
            error={err("documentTitle")}
          />
          <div class={`field${err("document") ? " field--error" : ""}`}>
            <label class="field__label" for="document">
              Fil
            </label>
            <p class="field__hint" id="document-hint">
              pdf, jpg eller png.
            </p>
            {err("document") ? (
              <p class="field__error" id="document-error" safe>
                {err("document")}
              </p>
            ) : (
              ""
            )}
            <input
              class="field__file"
              id="document"
              name="document"
              type="file"
              accept=".pdf,.jpg,.jpeg,.png"
              aria-describedby={err("document") ? "document-hint document-error" : "document-hint"}
            />
          </div>
          <Button kind="secondary">Ladda upp materialet</Button>
        </form>
      </section>

      {r.status === "draft" ? (
        <section class="panel" aria-labelledby="review-title">
          <h2 id="review-title">Skicka för granskning</h2>
          <p>En annan person i kommunikationsenheten granskar och godkänner. Klarspråkskontrollen körs först.</p>
          {err("review") ? (
            <p class="field__error" id="review" safe>
              {err("review")}
            </p>
          ) : (
            ""
          )}
          <Form ctx={ctx} action={`/arbetsyta/press/${id}/granskning`}>
            <Button>Skicka för granskning</Button>
          </Form>
        </section>
      ) : (
        ""
      )}

      {r.status === "in_review" ? (
        <section class="panel" aria-labelledby="approve-title">
          <h2 id="approve-title">Godkänn och publicera</h2>
          {p.languageWarnings.length > 0 ? (
            <div>
              <p>
                <strong
                  safe
                >{`Klarspråkskontrollen har ${p.languageWarnings.length} varningar. Läs dem innan du godkänner:`}</strong>
              </p>
              <ul>
                {p.languageWarnings.map((w) => (
                  <li safe>{w}</li>
                ))}
              </ul>
            </div>
          ) : (
            <p>Klarspråkskontrollen har inga varningar.</p>
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
              <fieldset class="field">
                <legend class="field__label">När ska det bli offentligt?</legend>
                {(
                  [
                    ["now", "Nu"],
                    ["scheduled", "Vid en bestämd tid"],
                    ["embargo", "Under embargo: utvalda journalister får det nu, alla andra vid den bestämda tiden"],
                  ] as const
                ).map(([value, label]) => (
                  <label class="radio radio--block">
                    <input type="radio" name="mode" value={value} checked={v("mode", "now") === value} />{" "}
                    <span>{label}</span>
                  </label>
                ))}
              </fieldset>
              <div class={`field${err("publishAt") ? " field--error" : ""}`}>
                <label class="field__label" for="publishAt">
                  Datum och tid
                </label>
                <p class="field__hint" id="publishAt-hint">
                  Svensk tid. Behövs vid en bestämd tid och vid embargo.
                </p>
                {err("publishAt") ? (
                  <p class="field__error" id="publishAt-error" safe>
                    {err("publishAt")}
                  </p>
                ) : (
                  ""
                )}
                <input
                  class="field__input field__input--half"
                  type="datetime-local"
                  id="publishAt"
                  name="publishAt"
                  value={v("publishAt", "")}
                  aria-describedby={err("publishAt") ? "publishAt-hint publishAt-error" : "publishAt-hint"}
                />
              </div>
              {state.pastTime ? (
                <label class="radio radio--block">
                  <input type="checkbox" name="confirmPast" value="1" /> <span>Ja, publicera nu i stället</span>
                </label>
              ) : (
                ""
              )}
              <fieldset class="field">
                <legend class="field__label">Skicka till</legend>
                <label class="radio radio--block">
                  <input type="checkbox" name="toSubscribers" value="1" checked={v("toSubscribers", "1") === "1"} />{" "}
                  <span>Alla som prenumererar på pressrummet</span>
                </label>
                {p.lists.map((l) => (
                  <label class="radio radio--block">
                    <input type="checkbox" name="listIds" value={l.value} />{" "}
                    <span safe>{`${l.label} (${l.members} kontakter)`}</span>
                  </label>
                ))}
              </fieldset>
              <fieldset class={`field${err("embargoContacts") ? " field--error" : ""}`}>
                <legend class="field__label">Journalister som får läsa under embargot</legend>
                {err("embargoContacts") ? (
                  <p class="field__error" id="embargoContacts" safe>
                    {err("embargoContacts")}
                  </p>
                ) : (
                  ""
                )}
                {p.contacts.map((c) => (
                  <label class="radio radio--block">
                    <input type="checkbox" name="embargoContactIds" value={c.value} /> <span safe>{c.label}</span>
                  </label>
                ))}
              </fieldset>
              <Button>Godkänn</Button>
            </Form>
          )}
        </section>
      ) : (
        ""
      )}

      {r.status === "approved" && !p.isPublic ? (
        <section class="panel" aria-labelledby="withdraw-title">
          <h2 id="withdraw-title">Dra tillbaka</h2>
          <p>Pressmeddelandet blir ett utkast igen och publiceras inte. Journalister med embargo har redan fått det.</p>
          <Form ctx={ctx} action={`/arbetsyta/press/${id}/dra-tillbaka`}>
            <Button kind="secondary">Dra tillbaka</Button>
          </Form>
        </section>
      ) : (
        ""
      )}

      {r.corrections.length > 0 ? (
        <section class="panel" aria-labelledby="corrections-title">
          <h2 id="corrections-title">Rättelser</h2>
          <ul>
            {r.corrections.map((c) => (
              <li safe>{`${formatDate(c.at, "sv")}: ${c.note}`}</li>
            ))}
          </ul>
        </section>
      ) : (
        ""
      )}

      {r.distributedAt ? (
        <section class="panel" aria-labelledby="deliveries-title">
          <h2 id="deliveries-title">Utskick</h2>
          <p safe>{`Skickat till ${sent} av ${p.deliveries.length} mottagare.`}</p>
          <Table<(typeof p.deliveries)[number]>
            caption="Mottagare"
            captionHidden
            rows={p.deliveries}
            columns={[
              { header: "E-post", cell: (d) => <span safe>{d.email}</span> },
              {
                header: "Status",
                cell: (d) =>
                  d.status === "sent" ? (
                    <Tag tone="green">Skickat</Tag>
                  ) : d.status === "failed" ? (
                    <Tag tone="red">Kom inte fram</Tag>
                  ) : d.status === "skipped" ? (
                    <Tag>Har avslutat</Tag>
                  ) : (
                    <Tag tone="yellow">{d.attempts > 0 ? "Försöker igen" : "Väntar"}</Tag>
                  ),
              },
              {
                header: "Fel",
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
        <h2 id="inquiries-title">Frågor från medier om det här</h2>
        {p.inquiries.length === 0 ? (
          <p>Inga kopplade frågor.</p>
        ) : (
          <ul>
            {p.inquiries.map((q) => (
              <li
                safe
              >{`${q.number}: ${q.secret ? "Sekretessmarkerat ärende" : q.subject} – ${q.answeredAt ? `besvarad ${formatDateTime(q.answeredAt, "sv")}${q.due && q.answeredAt > q.due ? " (för sent)" : ""}` : q.due && q.due < new Date() ? "inte besvarad, försenad" : "inte besvarad än"}`}</li>
            ))}
          </ul>
        )}
        {p.suggestedInquiries.length > 0 ? (
          <>
            <p>Frågor i inkorgen som kanske gäller det här:</p>
            <ul class="plain-list">
              {p.suggestedInquiries.map((q) => (
                <li>
                  <Form ctx={ctx} action={`/arbetsyta/press/${id}/fraga`} class="inline-form">
                    <input type="hidden" name="caseNumber" value={q.number} />
                    <span safe>{`${q.number}: ${q.subject}`}</span> <Button kind="link">Koppla</Button>
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
            label="Ärendenummer i inkorgen"
            value={v("caseNumber", "")}
            error={err("caseNumber")}
            hint="Till exempel SOC-2026-000123."
          />
          <Button kind="secondary">Koppla frågan</Button>
        </Form>
      </section>

      <section class="panel" aria-labelledby="coverage-title">
        <h2 id="coverage-title">Bevakning</h2>
        {p.coverage.length === 0 ? (
          <p>Ingen bevakning registrerad.</p>
        ) : (
          <ul>
            {p.coverage.map((c) => (
              <li>
                <span
                  safe
                >{`${formatDate(new Date(c.published_on), "sv")}, ${c.outlet} (${TONE_SV[c.tone] ?? c.tone})${c.note ? `: ${c.note}` : ""}`}</span>
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

export const TONE_SV: Record<string, string> = { positive: "positiv", neutral: "neutral", negative: "negativ" };

export function CoverageForm(p: {
  ctx: PageContext;
  action: string;
  values: Readonly<Record<string, string>>;
  errors: readonly FieldError[];
  withTopic: boolean;
}): JSX.Element {
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  return (
    <Form ctx={p.ctx} action={p.action}>
      <TextField
        name="outlet"
        label="Medium"
        value={p.values["outlet"] ?? ""}
        error={err("outlet")}
        hint="Tidning, radio, tv eller sajt."
      />
      <TextField name="date" type="date" label="Datum" value={p.values["date"] ?? ""} error={err("date")} />
      <TextField name="url" type="url" label="Länk" value={p.values["url"] ?? ""} error={err("url")} />
      {p.withTopic ? <TextField name="topic" label="Ämne" value={p.values["topic"] ?? ""} error={err("topic")} /> : ""}
      <SelectField
        name="tone"
        label="Hur framställdes vi?"
        selected={p.values["tone"] ?? "neutral"}
        error={err("tone")}
        options={[
          { value: "positive", label: "Positivt" },
          { value: "neutral", label: "Neutralt" },
          { value: "negative", label: "Negativt" },
        ]}
      />
      <TextField name="note" label="Kommentar" value={p.values["note"] ?? ""} />
      <Button kind="secondary">Spara bevakningen</Button>
    </Form>
  );
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
  done?: string | undefined;
}): JSX.Element {
  const { ctx } = p;
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  const v = (k: string) => p.values[k] ?? "";
  return (
    <>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <p class="breadcrumbs">
        <a href="/arbetsyta/press">Pressrum</a>
      </p>
      <h1>Mediekontakter och listor</h1>
      {p.done ? (
        <Banner kind="success">
          <p safe>{p.done}</p>
        </Banner>
      ) : (
        ""
      )}
      <p>
        Spara bara kontakter som behövs i arbetet. Varje kontakt har en rättslig grund och en källa (GDPR). Den som
        avslutar utskicken får inga fler.
      </p>
      {p.preview ? (
        <section class="panel" aria-labelledby="preview-title">
          <h2 id="preview-title">Förhandsgranska importen</h2>
          <p
            safe
          >{`${p.preview.rows.length} rader kan importeras. ${p.preview.errors.length} rader har fel och importeras inte.`}</p>
          {p.preview.errors.length > 0 ? (
            <Table<ImportPreview["errors"][number]>
              caption="Rader med fel"
              rows={p.preview.errors}
              columns={[
                { header: "Rad", numeric: true, cell: (e) => String(e.line) },
                { header: "Fel", cell: (e) => <span safe>{e.message}</span> },
              ]}
            />
          ) : (
            ""
          )}
          {p.preview.rows.length > 0 ? (
            <>
              <Table<ImportPreview["rows"][number]>
                caption="Rader som importeras"
                rows={p.preview.rows.slice(0, 100)}
                columns={[
                  { header: "Rad", numeric: true, cell: (r) => String(r.line) },
                  { header: "Namn", cell: (r) => <span safe>{r.contact.name}</span> },
                  { header: "E-post", cell: (r) => <span safe>{r.contact.email}</span> },
                  { header: "Redaktion", cell: (r) => <span safe>{r.contact.outlet}</span> },
                ]}
              />
              <Form ctx={ctx} action="/arbetsyta/press/kontakter/import/spara">
                <input type="hidden" name="csv" value={p.previewCsv} />
                <Button>{escapeHtml(`Importera ${p.preview.rows.length} kontakter`)}</Button>
              </Form>
            </>
          ) : (
            ""
          )}
        </section>
      ) : (
        ""
      )}
      <form method="get" action="/arbetsyta/press/kontakter" class="search" role="search" aria-label="Sök kontakter">
        <TextField name="q" type="search" label="Sök namn, e-post eller redaktion" value={p.q} />
        <Button kind="secondary">Sök</Button>
      </form>
      <Table<(typeof p.rows)[number]>
        caption={`Kontakter: ${p.total}`}
        rows={p.rows}
        columns={[
          { header: "Namn", cell: (c) => <span safe>{c.name}</span> },
          { header: "E-post", cell: (c) => <span safe>{c.email}</span> },
          { header: "Redaktion", cell: (c) => <span safe>{c.outlet ?? ""}</span> },
          { header: "Bevakar", cell: (c) => <span safe>{c.beats.join(", ")}</span> },
          {
            header: "Grund och källa",
            cell: (c) => <span safe>{`${BASIS_SV[c.basis] ?? c.basis}; ${c.source}`}</span>,
          },
          { header: "Utskick", cell: (c) => (c.unsubscribed_at ? <Tag>Avslutat</Tag> : "Ja") },
          {
            header: "Radera",
            cell: (c) => (
              <Form ctx={ctx} action={`/arbetsyta/press/kontakter/${c.id}/radera`} class="inline-form">
                <Button kind="link">{escapeHtml(`Radera ${c.name}`)}</Button>
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
        <h2 id="add-title">Lägg till eller ändra en kontakt</h2>
        <Form ctx={ctx} action="/arbetsyta/press/kontakter">
          <TextField name="name" label="Namn" value={v("name")} error={err("name")} />
          <TextField
            name="email"
            type="email"
            label="E-post"
            value={v("email")}
            error={err("email")}
            hint="Finns adressen redan ändrar vi den kontakten."
          />
          <TextField name="phone" type="tel" label="Telefon" value={v("phone")} error={err("phone")} />
          <TextField name="outlet" label="Redaktion" value={v("outlet")} />
          <TextField name="beats" label="Bevakar (skilj med kommatecken)" value={v("beats")} />
          <SelectField
            name="basis"
            label="Rättslig grund"
            hint="Vi är en myndighet. Då kan vi inte använda berättigat intresse (GDPR artikel 6.1). Pressarbete är en uppgift av allmänt intresse. Välj samtycke bara om personen själv har bett om utskicken."
            selected={v("basis") || "allmänt intresse"}
            error={err("basis")}
            options={[...BASIS_OPTIONS]}
          />
          <TextField
            name="source"
            label="Källa"
            value={v("source")}
            error={err("source")}
            hint="Varifrån kommer uppgifterna? Till exempel redaktionens webbplats."
          />
          <Button>Spara kontakten</Button>
        </Form>
      </section>

      <section class="panel" aria-labelledby="import-title">
        <h2 id="import-title">Importera från en CSV-fil</h2>
        <p>
          Första raden ska ha kolumnerna namn, e-post, telefon, redaktion, bevakning, rättslig grund och källa. Du får
          se resultatet innan något sparas.
        </p>
        <form method="post" action="/arbetsyta/press/kontakter/import" enctype="multipart/form-data" novalidate>
          <input type="hidden" name="_csrf" value={ctx.csrfToken} />
          <div class={`field${err("csv") ? " field--error" : ""}`}>
            <label class="field__label" for="csv">
              CSV-fil
            </label>
            {err("csv") ? (
              <p class="field__error" id="csv-error" safe>
                {err("csv")}
              </p>
            ) : (
              ""
            )}
            <input
              class="field__file"
              id="csv"
              name="csv"
              type="file"
              accept=".csv,text/csv"
              aria-describedby={err("csv") ? "csv-error" : undefined}
            />
          </div>
          <Button kind="secondary">Förhandsgranska</Button>
        </form>
      </section>

      <section class="panel" aria-labelledby="lists-title">
        <h2 id="lists-title">Listor</h2>
        <ul>
          {p.lists.map((l) => (
            <li safe>{`${l.name} (${l.members} kontakter)`}</li>
          ))}
        </ul>
        <Form ctx={ctx} action="/arbetsyta/press/listor" class="inline-form">
          <TextField name="listName" label="Ny lista" value={v("listName")} error={err("listName")} />
          <Button kind="secondary">Skapa listan</Button>
        </Form>
        {p.lists.length > 0 && p.allContacts.length > 0 ? (
          <Form ctx={ctx} action="/arbetsyta/press/listor/medlem">
            <SelectField
              name="listId"
              label="Lista"
              options={p.lists.map((l) => ({ value: l.id, label: l.name }))}
              error={err("listId")}
            />
            <SelectField name="contactId" label="Kontakt" options={p.allContacts} error={err("contactId")} />
            <div class="button-row">
              <Button name="action" value="add">
                Lägg till i listan
              </Button>{" "}
              <Button kind="secondary" name="action" value="remove">
                Ta bort ur listan
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
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  const v = (k: string) => p.values[k] ?? "";
  return (
    <>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <p class="breadcrumbs">
        <a href="/arbetsyta/press">Pressrum</a>
      </p>
      <h1>Presskonferenser och evenemang</h1>
      <ul>
        {p.events.map((e) => (
          <li>
            <a
              href={`/arbetsyta/press/evenemang/${e.id}`}
              safe
            >{`${e.title}, ${formatDateTime(new Date(e.starts_at), "sv")}, ${e.location}`}</a>
          </li>
        ))}
      </ul>
      <section class="panel" aria-labelledby="new-event">
        <h2 id="new-event">Nytt evenemang</h2>
        <Form ctx={ctx} action="/arbetsyta/press/evenemang">
          <TextField name="eventTitle" label="Vad är det?" value={v("eventTitle")} error={err("eventTitle")} />
          <TextAreaField name="description" label="Beskrivning" rows={3} value={v("description")} />
          <TextField name="location" label="Plats" value={v("location")} error={err("location")} />
          <TextField name="date" type="date" label="Datum" value={v("date")} error={err("date")} />
          <TextField name="start" label="Starttid (tt:mm)" width="quarter" value={v("start")} error={err("start")} />
          <TextField name="end" label="Sluttid (tt:mm)" width="quarter" value={v("end")} error={err("end")} />
          <SelectField
            name="releaseId"
            label="Hör till pressmeddelande"
            options={[{ value: "", label: "Inget" }, ...p.releases]}
          />
          <Button>Skapa evenemanget</Button>
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
  lists: readonly Option[];
  errors: readonly FieldError[];
  done?: string | undefined;
}): JSX.Element {
  const { ctx, e } = p;
  const coming = p.invitations.filter((i) => i.response === "yes");
  return (
    <>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <p class="breadcrumbs">
        <a href="/arbetsyta/press/evenemang">Evenemang</a>
      </p>
      <h1 safe>{e.title}</h1>
      {p.done ? (
        <Banner kind="success">
          <p safe>{p.done}</p>
        </Banner>
      ) : (
        ""
      )}
      <p
        safe
      >{`${formatDateTime(new Date(e.starts_at), "sv")}–${formatDateTime(new Date(e.ends_at), "sv").slice(-5)}, ${e.location}`}</p>
      <p>
        <a href={`/press/evenemang/${e.id}`}>Den publika sidan</a> ·{" "}
        <a href={`/press/evenemang/${e.id}.ics`}>Kalenderfil (.ics)</a>
      </p>
      <h2 safe>{`Kommer: ${coming.length}`}</h2>
      <Table<(typeof p.invitations)[number]>
        caption="Inbjudna"
        rows={p.invitations}
        columns={[
          { header: "Namn", cell: (i) => <span safe>{i.name}</span> },
          { header: "Redaktion", cell: (i) => <span safe>{i.outlet ?? ""}</span> },
          {
            header: "Svar",
            cell: (i) =>
              i.response === "yes" ? (
                <Tag tone="green">Kommer</Tag>
              ) : i.response === "no" ? (
                <Tag>Kommer inte</Tag>
              ) : (
                "Inte svarat"
              ),
          },
          {
            header: "Inbjudan",
            cell: (i) =>
              i.sent_status === "sent" ? (
                "Skickad"
              ) : i.sent_status === "failed" ? (
                <Tag tone="red">Kom inte fram</Tag>
              ) : (
                "Väntar"
              ),
          },
        ]}
      />
      {p.lists.length > 0 ? (
        <Form ctx={ctx} action={`/arbetsyta/press/evenemang/${e.id}/bjud-in`} class="inline-form">
          <SelectField
            name="listId"
            label="Bjud in en lista"
            options={p.lists}
            error={p.errors.find((x) => x.field === "listId")?.message}
          />
          <Button>Skicka inbjudan</Button>
        </Form>
      ) : (
        <p>Skapa en lista med mediekontakter först.</p>
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
  return (
    <>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <p class="breadcrumbs">
        <a href="/arbetsyta/press">Pressrum</a>
      </p>
      <h1>Bevakning</h1>
      <Table<(typeof p.rows)[number]>
        caption="Registrerad bevakning"
        rows={p.rows}
        columns={[
          { header: "Datum", cell: (c) => <span safe>{formatDate(new Date(c.published_on), "sv")}</span> },
          {
            header: "Medium",
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
            header: "Gäller",
            cell: (c) =>
              c.release_id ? (
                <a href={`/arbetsyta/press/${c.release_id}`} safe>
                  {c.release ?? ""}
                </a>
              ) : (
                <span safe>{c.topic}</span>
              ),
          },
          { header: "Ton", cell: (c) => <span safe>{TONE_SV[c.tone] ?? c.tone}</span> },
        ]}
      />
      <section class="panel" aria-labelledby="add-coverage">
        <h2 id="add-coverage">Registrera bevakning av ett ämne</h2>
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
  const total = p.inquiries.reduce((a, m) => ({ total: a.total + m.total, onTime: a.onTime + m.onTime }), {
    total: 0,
    onTime: 0,
  });
  return (
    <>
      <p class="breadcrumbs">
        <a href="/arbetsyta/press">Pressrum</a>
      </p>
      <h1>Mått för pressrummet</h1>
      <BarChart
        ctx={ctx}
        id="releases"
        title="Publicerade pressmeddelanden och nyheter per månad"
        data={p.months.map((m) => ({ label: m.month, value: m.releases }))}
      />
      <BarChart
        ctx={ctx}
        id="coverage"
        title="Bevakning per pressmeddelande (antal)"
        data={p.perRelease.map((r) => ({
          label: r.title.length > 30 ? `${r.title.slice(0, 29)}…` : r.title,
          value: r.n,
        }))}
      />
      <BarChart
        ctx={ctx}
        id="inquiries"
        title="Frågor från medier besvarade i tid per månad (procent)"
        unit="%"
        data={p.inquiries.map((m) => ({
          label: m.month,
          value: m.total > 0 ? Math.round((m.onTime / m.total) * 100) : 0,
        }))}
      />
      <p safe>{`Frågor från medier det senaste året: ${total.total}, besvarade i tid: ${total.onTime}.`}</p>
    </>
  );
}
