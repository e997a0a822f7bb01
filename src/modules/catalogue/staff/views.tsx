/** Staff pages of the help catalogue: the list, the editor with the klarspråk check, versions, synonyms. */
import { formatDate, formatDateTime } from "../../../platform/i18n/i18n.js";
import type { FieldError, PageContext } from "../../../views/context.js";
import {
  Banner,
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
import { KlarsprakEditor } from "../../../views/klarsprak-editor.js";
import type { AnalysisJson } from "../../klarsprak/index.js";
import type { StaffListRow, Translation, VersionRow } from "../queries.js";
import { AUDIENCES, SITUATIONS, TRANSLATION_LANGUAGES } from "../situations.js";

const BAND_SV: Record<string, { label: string; tone: "green" | "yellow" | "red" }> = {
  "very-easy": { label: "Mycket lätt", tone: "green" },
  easy: { label: "Lätt", tone: "green" },
  medium: { label: "Medelsvår", tone: "yellow" },
  hard: { label: "Svår", tone: "red" },
  "very-hard": { label: "Mycket svår", tone: "red" },
};

export function BandTag({ band, lix }: { band: string | null; lix: string | number | null }): JSX.Element {
  if (!band) return <Tag>Ingen text</Tag>;
  const b = BAND_SV[band] ?? { label: band, tone: "yellow" as const };
  const text = `${b.label} (LIX ${Math.round(Number(lix))})`;
  return (
    <Tag tone={b.tone}>
      <span safe>{text}</span>
    </Tag>
  );
}

export function ListPage(p: {
  ctx: PageContext;
  rows: readonly StaffListRow[];
  total: number;
  page: number;
  pageSize: number;
  units: readonly { id: string; name: string }[];
  filter: { enhet: string; granska: boolean; sok: string };
  canCreate: boolean;
  dueCount: number;
}): JSX.Element {
  const { ctx, filter } = p;
  const query = (n: number) =>
    `/arbetsyta/stod?enhet=${encodeURIComponent(filter.enhet)}&sok=${encodeURIComponent(filter.sok)}${filter.granska ? "&granska=1" : ""}&sida=${n}`;
  const dueText =
    p.dueCount === 1 ? "1 sida har inte granskats i tid." : `${p.dueCount} sidor har inte granskats i tid.`;
  return (
    <>
      <h1>Stöd och hjälp</h1>
      <p class="lead">Sidorna som berättar för invånarna vilket stöd som finns. Håll dem rätt och lätta att läsa.</p>
      {p.dueCount > 0 ? (
        <Banner kind="warning">
          <p>
            <span safe>{dueText}</span> <a href="/arbetsyta/stod?granska=1">Visa dem</a>
          </p>
        </Banner>
      ) : (
        ""
      )}
      <p>
        {p.canCreate ? (
          <a class="button" href="/arbetsyta/stod/ny">
            Nytt stöd
          </a>
        ) : (
          ""
        )}{" "}
        <a href="/stod">Se den publika katalogen</a>
      </p>
      <form method="get" action="/arbetsyta/stod" class="filters">
        <SelectField
          name="enhet"
          label="Enhet"
          selected={filter.enhet}
          options={[{ value: "", label: "Alla enheter" }, ...p.units.map((u) => ({ value: u.id, label: u.name }))]}
        />
        <TextField name="sok" label="Namnet innehåller" value={filter.sok} width="half" />
        <label class="radio">
          <input type="checkbox" name="granska" value="1" checked={filter.granska} />{" "}
          <span>Bara sidor som behöver granskas</span>
        </label>
        <Button kind="secondary">Visa</Button>
      </form>
      <Table
        caption="Stöd i katalogen"
        captionHidden
        rows={p.rows}
        columns={[
          {
            header: "Stöd",
            cell: (r: StaffListRow) => (
              <a href={`/arbetsyta/stod/${r.id}`} safe>
                {r.name}
              </a>
            ),
          },
          { header: "Enhet", cell: (r: StaffListRow) => <span safe>{r.unit_name ?? "–"}</span> },
          { header: "Ansvarig", cell: (r: StaffListRow) => <span safe>{r.responsible_name ?? "Ingen"}</span> },
          { header: "Läsbarhet", cell: (r: StaffListRow) => <BandTag band={r.lix_band} lix={r.lix} /> },
          {
            header: "Granskad",
            cell: (r: StaffListRow) => {
              const d: string = formatDate(new Date(r.last_reviewed_at), "sv");
              return (
                <>
                  {r.review_due ? <Tag tone="red">Behöver granskas</Tag> : ""}
                  <span safe>{d}</span>
                </>
              );
            },
          },
          { header: "Publicerad", cell: (r: StaffListRow) => (r.published ? "Ja" : <Tag tone="yellow">Utkast</Tag>) },
        ]}
      />
      {p.rows.length === 0 ? <p>Inga stöd passar filtret.</p> : ""}
      <Pagination ctx={ctx} page={p.page} pageSize={p.pageSize} total={p.total} href={query} />
    </>
  );
}

export interface ServiceForm {
  readonly slug: string;
  readonly name: string;
  readonly summary: string;
  readonly forWhom: string;
  readonly whatYouGet: string;
  readonly cost: string;
  readonly access: string;
  readonly phone: string;
  readonly email: string;
  readonly webForm: boolean;
  readonly address: string;
  readonly openingHours: string;
  readonly accessibility: string;
  readonly languages: string;
  readonly situations: readonly string[];
  readonly audiences: readonly string[];
  readonly keywords: string;
  readonly easyRead: string;
  readonly unitId: string;
  readonly responsibleId: string;
  readonly reviewMonths: string;
  readonly published: boolean;
  readonly related: readonly string[];
  readonly note: string;
  readonly version: string;
}

function Checkboxes(p: {
  name: string;
  legend: string;
  options: readonly { value: string; label: string }[];
  checked: readonly string[];
  error?: string | undefined;
  hint?: string;
}): JSX.Element {
  return (
    <fieldset class={`field${p.error ? " field--error" : ""}`} id={p.name}>
      <legend class="field__label" safe>
        {p.legend}
      </legend>
      {p.hint ? (
        <p class="field__hint" safe>
          {p.hint}
        </p>
      ) : (
        ""
      )}
      {p.error ? (
        <p class="field__error">
          <span class="visually-hidden">Fel: </span>
          <span safe>{p.error}</span>
        </p>
      ) : (
        ""
      )}
      {p.options.map((o) => (
        <label class="radio radio--block">
          <input type="checkbox" name={p.name} value={o.value} checked={p.checked.includes(o.value)} />
          <span safe>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function EditPage(p: {
  ctx: PageContext;
  id?: string | undefined;
  form: ServiceForm;
  errors: readonly FieldError[];
  notice?: string | undefined;
  analysis: { whatYouGet: AnalysisJson | null; easyRead: AnalysisJson | null };
  band: { band: string | null; lix: string | number | null };
  units: readonly { id: string; name: string }[];
  staff: readonly { id: string; name: string }[];
  services: readonly { id: string; name: string }[];
  versions: readonly VersionRow[];
  translations: readonly Translation[];
  reviewDue: boolean;
  lastReviewed?: Date | undefined;
  publicHref?: string | undefined;
  /** A translation that could not be saved comes back in its form. */
  translationDraft?: TranslationDraft | undefined;
}): JSX.Element {
  const { ctx, form } = p;
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  const action = p.id ? `/arbetsyta/stod/${p.id}` : "/arbetsyta/stod/ny";
  const title = p.id ? form.name || "Stöd" : "Nytt stöd";
  const reviewed = p.lastReviewed ? `Senast granskad ${formatDate(p.lastReviewed, "sv")}.` : "";
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
        <a href="/arbetsyta/stod">Stöd och hjälp</a>
      </p>
      <h1 safe>{title}</h1>
      {p.id ? (
        <p>
          <span>Läsbarhet: </span>
          <BandTag band={p.band.band} lix={p.band.lix} /> <span safe>{reviewed}</span>{" "}
          {p.publicHref ? <a href={p.publicHref}>Se sidan som invånare ser den</a> : ""}
        </p>
      ) : (
        ""
      )}
      {p.id && p.reviewDue ? (
        <Banner kind="warning">
          <p>
            Sidan har inte granskats på länge. Läs igenom den. Stämmer allt? Markera den då som granskad, eller ändra
            och spara.
          </p>
          <Form ctx={ctx} action={`/arbetsyta/stod/${p.id}/granskad`}>
            <Button kind="secondary">Markera som granskad</Button>
          </Form>
        </Banner>
      ) : (
        ""
      )}
      <Form ctx={ctx} action={action} novalidate>
        <input type="hidden" name="version" value={form.version} />
        <TextField name="name" label="Vad stödet heter" value={form.name} error={err("name")} />
        <TextField
          name="slug"
          label="Adress på webben"
          hint="Små bokstäver, siffror och bindestreck. Lämna tomt så skapas den av namnet."
          value={form.slug}
          error={err("slug")}
          width="half"
        />
        <TextAreaField
          name="summary"
          label="Sammanfattning"
          hint="En eller två korta meningar som säger vad stödet är. Visas i sökresultat."
          value={form.summary}
          error={err("summary")}
        />
        <TextAreaField name="forWhom" label="Vem kan få stödet?" value={form.forWhom} error={err("forWhom")} />
        <KlarsprakEditor
          ctx={ctx}
          id="whatYouGet"
          name="whatYouGet"
          label="Vad får man?"
          hint="Skriv till läsaren med du. Korta meningar."
          value={form.whatYouGet}
          error={err("whatYouGet")}
          result={p.analysis.whatYouGet}
          rows={6}
        />
        <TextAreaField name="cost" label="Vad kostar det?" value={form.cost} error={err("cost")} />
        <SelectField
          name="access"
          label="Behöver man ansöka?"
          selected={form.access}
          error={err("access")}
          options={[
            { value: "direct", label: "Nej, man kan höra av sig direkt" },
            { value: "decision", label: "Ja, det behövs ett beslut (biståndsbeslut)" },
          ]}
        />
        <fieldset class="panel">
          <legend>Så kontaktar man oss</legend>
          <TextField name="phone" label="Telefon" type="tel" value={form.phone} error={err("phone")} width="half" />
          <TextField name="email" label="E-post" type="email" value={form.email} error={err("email")} width="half" />
          <label class="radio radio--block">
            <input type="checkbox" name="webForm" value="1" checked={form.webForm} />{" "}
            <span>Visa en länk till formuläret ”Ställ en fråga”. Frågan går direkt till enheten.</span>
          </label>
          <TextField name="address" label="Besöksadress" value={form.address} error={err("address")} />
          <TextField name="openingHours" label="Öppettider" value={form.openingHours} error={err("openingHours")} />
          <TextAreaField
            name="accessibility"
            label="Tillgänglighet"
            hint="Till exempel ramp, hiss, hörslinga, toalett för rullstol."
            value={form.accessibility}
            error={err("accessibility")}
          />
          <TextField
            name="languages"
            label="Språk vi talar"
            hint="Åtskilda med komma, till exempel svenska, engelska, arabiska"
            value={form.languages}
            error={err("languages")}
          />
        </fieldset>
        <Checkboxes
          name="situations"
          legend="Livssituationer (för ”Vilken hjälp passar mig?”)"
          options={SITUATIONS.map((s) => ({ value: s.id, label: s.sv }))}
          checked={form.situations}
          error={err("situations")}
        />
        <Checkboxes
          name="audiences"
          legend="Vem gäller det?"
          hint="Kryssa inget om stödet passar alla."
          options={AUDIENCES.map((a) => ({ value: a.id, label: a.sv }))}
          checked={form.audiences}
          error={err("audiences")}
        />
        <TextField
          name="keywords"
          label="Sökord"
          hint="Ord som invånare använder men som inte står i texten, till exempel socialbidrag eller fosterhem."
          value={form.keywords}
          error={err("keywords")}
        />
        <KlarsprakEditor
          ctx={ctx}
          id="easyRead"
          name="easyRead"
          label="Lättläst version (frivillig)"
          hint="Mycket korta meningar, en tanke per rad, vanliga ord."
          value={form.easyRead}
          error={err("easyRead")}
          result={p.analysis.easyRead}
          rows={6}
        />
        <SelectField
          name="unitId"
          label="Ansvarig enhet"
          selected={form.unitId}
          options={[{ value: "", label: "Ingen enhet" }, ...p.units.map((u) => ({ value: u.id, label: u.name }))]}
        />
        <SelectField
          name="responsibleId"
          label="Ansvarig person"
          hint="Får en påminnelse när sidan behöver granskas."
          selected={form.responsibleId}
          options={[{ value: "", label: "Ingen" }, ...p.staff.map((u) => ({ value: u.id, label: u.name }))]}
        />
        <TextField
          name="reviewMonths"
          label="Hur ofta ska sidan granskas?"
          hint="Antal månader, till exempel 12"
          value={form.reviewMonths}
          error={err("reviewMonths")}
          width="quarter"
        />
        <div class="field">
          <label class="field__label" for="related">
            Relaterat stöd
          </label>
          <p class="field__hint" id="related-hint">
            Håll ner Ctrl (Cmd på Mac) för att välja flera.
          </p>
          <select
            class="field__select"
            id="related"
            name="related"
            multiple="multiple"
            size="6"
            aria-describedby="related-hint"
          >
            {p.services
              .filter((s) => s.id !== p.id)
              .map((s) => (
                <option value={s.id} selected={form.related.includes(s.id)} safe>
                  {s.name}
                </option>
              ))}
          </select>
        </div>
        <label class="radio radio--block">
          <input type="checkbox" name="published" value="1" checked={form.published} />{" "}
          <span>Publicerad (syns för invånare)</span>
        </label>
        <TextField
          name="note"
          label="Vad ändrade du?"
          hint="Några ord som visas i versionshistoriken."
          value={form.note}
          error={err("note")}
        />
        <Button>Spara</Button>
      </Form>
      {p.id ? (
        <TranslationsPanel
          ctx={ctx}
          id={p.id}
          translations={p.translations}
          errors={p.errors}
          draft={p.translationDraft}
        />
      ) : (
        ""
      )}
      {p.id ? (
        <section aria-labelledby="versions">
          <h2 id="versions">Versioner</h2>
          <Table
            caption="Versioner av sidan"
            captionHidden
            rows={p.versions}
            columns={[
              {
                header: "Version",
                numeric: true,
                cell: (v: VersionRow) => (
                  <a href={`/arbetsyta/stod/${p.id}/version/${v.version}`} safe>
                    {String(v.version)}
                  </a>
                ),
              },
              {
                header: "När",
                cell: (v: VersionRow) => <span safe>{formatDateTime(new Date(v.changed_at), "sv")}</span>,
              },
              { header: "Vem", cell: (v: VersionRow) => <span safe>{v.changed_by_name ?? "Systemet"}</span> },
              { header: "Ändring", cell: (v: VersionRow) => <span safe>{v.note || "–"}</span> },
            ]}
          />
        </section>
      ) : (
        ""
      )}
    </>
  );
}

export interface TranslationDraft {
  readonly lang: string;
  readonly name: string;
  readonly summary: string;
  readonly body: string;
}

function TranslationsPanel(p: {
  ctx: PageContext;
  id: string;
  translations: readonly Translation[];
  errors: readonly FieldError[];
  draft?: TranslationDraft | undefined;
}): JSX.Element {
  const d = p.draft ?? { lang: "", name: "", summary: "", body: "" };
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  return (
    <section class="panel" aria-labelledby="translations">
      <h2 id="translations">Andra språk</h2>
      {p.translations.length === 0 ? (
        <p>Sidan finns bara på svenska.</p>
      ) : (
        <ul>
          {p.translations.map((t) => {
            const l = TRANSLATION_LANGUAGES.find((x) => x.code === t.lang);
            const label = `${l?.name ?? t.lang}: ${t.name}`;
            return (
              <li>
                <span safe>{label}</span>{" "}
                <Form ctx={p.ctx} action={`/arbetsyta/stod/${p.id}/sprak/${t.lang}/ta-bort`} class="inline-form">
                  <Button kind="link">Ta bort</Button>
                </Form>
              </li>
            );
          })}
        </ul>
      )}
      <Form ctx={p.ctx} action={`/arbetsyta/stod/${p.id}/sprak`} novalidate>
        <SelectField
          name="lang"
          label="Språk"
          selected={d.lang}
          error={err("lang")}
          options={TRANSLATION_LANGUAGES.map((l) => ({ value: l.code, label: l.name }))}
        />
        <TextField id="tname" name="tname" label="Namn på språket" value={d.name} error={err("tname")} />
        <TextAreaField name="tsummary" label="Sammanfattning på språket" value={d.summary} error={err("tsummary")} />
        <TextAreaField name="tbody" label="Text på språket" value={d.body} error={err("tbody")} rows={6} />
        <Button kind="secondary">Spara översättningen</Button>
      </Form>
    </section>
  );
}

export function VersionPage(p: {
  ctx: PageContext;
  id: string;
  version: number;
  changedAt: Date;
  content: Record<string, unknown>;
}): JSX.Element {
  const fields: [string, string][] = [
    ["name", "Namn"],
    ["summary", "Sammanfattning"],
    ["forWhom", "Vem kan få stödet?"],
    ["whatYouGet", "Vad får man?"],
    ["cost", "Vad kostar det?"],
    ["phone", "Telefon"],
    ["email", "E-post"],
    ["address", "Besöksadress"],
    ["openingHours", "Öppettider"],
    ["easyRead", "Lättläst"],
    ["note", "Ändring"],
  ];
  const title = `Version ${p.version}`;
  const when = `Sparad ${formatDateTime(p.changedAt, "sv")}`;
  return (
    <>
      <p class="breadcrumbs">
        <a href={`/arbetsyta/stod/${p.id}`}>Tillbaka till sidan</a>
      </p>
      <h1 safe>{title}</h1>
      <p safe>{when}</p>
      <dl class="facts">
        {fields.map(([key, label]) => {
          const value = typeof p.content[key] === "string" ? (p.content[key] as string) : "";
          return (
            <div>
              <dt safe>{label}</dt>
              <dd safe>{value || "–"}</dd>
            </div>
          );
        })}
      </dl>
      <Form ctx={p.ctx} action={`/arbetsyta/stod/${p.id}/version/${p.version}/aterstall`}>
        <p class="hint">Texten blir en ny version. Versionerna emellan finns kvar i historiken.</p>
        <Button kind="secondary">Återställ den här versionen</Button>
      </Form>
    </>
  );
}

export function SynonymsPage(p: {
  ctx: PageContext;
  rows: readonly { id: string; term: string; expansion: string }[];
  errors: readonly FieldError[];
  notice?: string | undefined;
  draft?: { term: string; expansion: string } | undefined;
}): JSX.Element {
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  return (
    <>
      {p.notice ? (
        <Banner kind="success">
          <p safe>{p.notice}</p>
        </Banner>
      ) : (
        ""
      )}
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <h1>Synonymer i sökningen</h1>
      <p class="lead">
        Ord som invånare söker med och vad de betyder i katalogen. Den som söker på ordet hittar också sidor med
        betydelsen.
      </p>
      <Table
        caption="Synonymer"
        captionHidden
        rows={p.rows}
        columns={[
          { header: "Ord", cell: (r: { term: string }) => <span safe>{r.term}</span> },
          { header: "Betyder", cell: (r: { expansion: string }) => <span safe>{r.expansion}</span> },
          {
            header: "Ta bort",
            cell: (r: { id: string; term: string }) => (
              <Form ctx={p.ctx} action={`/arbetsyta/admin/synonymer/${r.id}/ta-bort`} class="inline-form">
                <Button kind="link">Ta bort</Button>
              </Form>
            ),
          },
        ]}
      />
      <section class="panel" aria-labelledby="new-synonym">
        <h2 id="new-synonym">Ny synonym</h2>
        <Form ctx={p.ctx} action="/arbetsyta/admin/synonymer" novalidate>
          <TextField
            name="term"
            label="Ord som invånare söker med"
            hint="Ett eller två ord, till exempel soc"
            value={p.draft?.term}
            error={err("term")}
            width="half"
          />
          <TextField
            name="expansion"
            label="Vad ordet betyder"
            hint="Till exempel socialtjänsten"
            value={p.draft?.expansion}
            error={err("expansion")}
          />
          <Button>Spara synonymen</Button>
        </Form>
      </section>
    </>
  );
}
