/** Staff pages of the help catalogue: the list, the editor with the klarspråk check, versions, synonyms. */
import { escapeHtml } from "@kitajs/html";
import { sayer } from "../../../platform/i18n/messages.js";
import type { FieldError, PageContext } from "../../../views/context.js";
import {
  Banner,
  Button,
  CheckboxField,
  CheckboxGroup,
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
import { messages } from "../messages.js";
import type { StaffListRow, Translation, VersionRow } from "../queries.js";
import { AUDIENCES, SITUATIONS, TRANSLATION_LANGUAGES } from "../situations.js";

const BANDS = {
  "very-easy": "green",
  easy: "green",
  medium: "yellow",
  hard: "red",
  "very-hard": "red",
} as const;
const isBand = (band: string): band is keyof typeof BANDS => band in BANDS;

export function BandTag(p: { ctx: PageContext; band: string | null; lix: string | number | null }): JSX.Element {
  const say = sayer(messages, p.ctx.lang);
  if (!p.band) return <Tag>{escapeHtml(say("band.none"))}</Tag>;
  const b = isBand(p.band)
    ? { label: say(`band.${p.band}`), tone: BANDS[p.band] }
    : { label: p.band, tone: "yellow" as const };
  const text = say("band.tag", { label: b.label, lix: Math.round(Number(p.lix)) });
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
  const say = sayer(messages, ctx.lang);
  const query = (n: number) =>
    `/arbetsyta/stod?enhet=${encodeURIComponent(filter.enhet)}&sok=${encodeURIComponent(filter.sok)}${filter.granska ? "&granska=1" : ""}&sida=${n}`;
  const dueText = say("list.due", { count: p.dueCount });
  return (
    <>
      <h1 safe>{say("title")}</h1>
      <p class="lead" safe>
        {say("list.lead")}
      </p>
      {p.dueCount > 0 ? (
        <Banner kind="warning">
          <p>
            <span safe>{dueText}</span>{" "}
            <a href="/arbetsyta/stod?granska=1" safe>
              {say("list.showDue")}
            </a>
          </p>
        </Banner>
      ) : (
        ""
      )}
      <p>
        {p.canCreate ? (
          <a class="button" href="/arbetsyta/stod/ny" safe>
            {say("list.new")}
          </a>
        ) : (
          ""
        )}{" "}
        <a href="/stod" safe>
          {say("list.public")}
        </a>
      </p>
      <form method="get" action="/arbetsyta/stod" class="filters">
        <SelectField
          name="enhet"
          label={say("list.unit")}
          selected={filter.enhet}
          options={[
            { value: "", label: say("list.allUnits") },
            ...p.units.map((u) => ({ value: u.id, label: u.name })),
          ]}
        />
        <TextField name="sok" label={say("list.nameContains")} value={filter.sok} width="half" />
        <CheckboxField name="granska" value="1" label={say("list.onlyDue")} checked={filter.granska} />
        <Button kind="secondary">{escapeHtml(say("list.filter"))}</Button>
      </form>
      <Table
        caption={say("list.caption")}
        captionHidden
        rows={p.rows}
        columns={[
          {
            header: say("list.col.service"),
            cell: (r: StaffListRow) => (
              <a href={`/arbetsyta/stod/${r.id}`} safe>
                {r.name}
              </a>
            ),
          },
          { header: say("list.col.unit"), cell: (r: StaffListRow) => <span safe>{r.unit_name ?? "–"}</span> },
          {
            header: say("list.col.responsible"),
            cell: (r: StaffListRow) => <span safe>{r.responsible_name ?? say("list.noOne")}</span>,
          },
          {
            header: say("list.col.readability"),
            cell: (r: StaffListRow) => <BandTag ctx={ctx} band={r.lix_band} lix={r.lix} />,
          },
          {
            header: say("list.col.reviewed"),
            cell: (r: StaffListRow) => (
              <>
                {r.review_due ? <Tag tone="red">{escapeHtml(say("list.reviewDue"))}</Tag> : ""}
                <span safe>{say("date", { when: new Date(r.last_reviewed_at) })}</span>
              </>
            ),
          },
          {
            header: say("list.col.published"),
            cell: (r: StaffListRow) =>
              r.published ? escapeHtml(say("list.yes")) : <Tag tone="yellow">{escapeHtml(say("list.draft"))}</Tag>,
          },
        ]}
      />
      {p.rows.length === 0 ? <p safe>{say("list.empty")}</p> : ""}
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
  const say = sayer(messages, ctx.lang);
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  const action = p.id ? `/arbetsyta/stod/${p.id}` : "/arbetsyta/stod/ny";
  const title = p.id ? form.name || say("edit.title.unnamed") : say("edit.title.new");
  const reviewed = p.lastReviewed ? say("edit.lastReviewed", { when: p.lastReviewed }) : "";
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
        <a href="/arbetsyta/stod" safe>
          {say("title")}
        </a>
      </p>
      <h1 safe>{title}</h1>
      {p.id ? (
        <p>
          <span safe>{say("edit.readability")}</span> <BandTag ctx={ctx} band={p.band.band} lix={p.band.lix} />{" "}
          <span safe>{reviewed}</span>{" "}
          {p.publicHref ? (
            <a href={p.publicHref} safe>
              {say("edit.seePublic")}
            </a>
          ) : (
            ""
          )}
        </p>
      ) : (
        ""
      )}
      {p.id && p.reviewDue ? (
        <Banner kind="warning">
          <p safe>{say("edit.reviewDue")}</p>
          <Form ctx={ctx} action={`/arbetsyta/stod/${p.id}/granskad`}>
            <Button kind="secondary">{escapeHtml(say("edit.markReviewed"))}</Button>
          </Form>
        </Banner>
      ) : (
        ""
      )}
      <Form ctx={ctx} action={action} novalidate>
        <input type="hidden" name="version" value={form.version} />
        <TextField name="name" label={say("edit.name.label")} value={form.name} error={err("name")} />
        <TextField
          name="slug"
          label={say("edit.slug.label")}
          hint={say("edit.slug.hint")}
          value={form.slug}
          error={err("slug")}
          width="half"
        />
        <TextAreaField
          name="summary"
          label={say("edit.summary.label")}
          hint={say("edit.summary.hint")}
          value={form.summary}
          error={err("summary")}
        />
        <TextAreaField name="forWhom" label={say("edit.forWhom.label")} value={form.forWhom} error={err("forWhom")} />
        <KlarsprakEditor
          ctx={ctx}
          id="whatYouGet"
          name="whatYouGet"
          label={say("edit.whatYouGet.label")}
          hint={say("edit.whatYouGet.hint")}
          value={form.whatYouGet}
          error={err("whatYouGet")}
          result={p.analysis.whatYouGet}
          rows={6}
        />
        <TextAreaField name="cost" label={say("edit.cost.label")} value={form.cost} error={err("cost")} />
        <SelectField
          name="access"
          label={say("edit.access.label")}
          selected={form.access}
          error={err("access")}
          options={[
            { value: "direct", label: say("edit.access.direct") },
            { value: "decision", label: say("edit.access.decision") },
          ]}
        />
        <fieldset class="panel">
          <legend safe>{say("edit.contact.legend")}</legend>
          <TextField
            name="phone"
            label={say("edit.phone.label")}
            type="tel"
            value={form.phone}
            error={err("phone")}
            width="half"
          />
          <TextField
            name="email"
            label={say("edit.email.label")}
            type="email"
            value={form.email}
            error={err("email")}
            width="half"
          />
          <CheckboxField name="webForm" value="1" label={say("edit.webForm.label")} checked={form.webForm} />
          <TextField name="address" label={say("edit.address.label")} value={form.address} error={err("address")} />
          <TextField
            name="openingHours"
            label={say("edit.openingHours.label")}
            value={form.openingHours}
            error={err("openingHours")}
          />
          <TextAreaField
            name="accessibility"
            label={say("edit.accessibility.label")}
            hint={say("edit.accessibility.hint")}
            value={form.accessibility}
            error={err("accessibility")}
          />
          <TextField
            name="languages"
            label={say("edit.languages.label")}
            hint={say("edit.languages.hint")}
            value={form.languages}
            error={err("languages")}
          />
        </fieldset>
        <CheckboxGroup
          name="situations"
          legend={say("edit.situations.legend")}
          options={SITUATIONS.map((s) => ({ value: s.id, label: s[ctx.lang] }))}
          checked={form.situations}
          error={err("situations")}
        />
        <CheckboxGroup
          name="audiences"
          legend={say("edit.audiences.legend")}
          hint={say("edit.audiences.hint")}
          options={AUDIENCES.map((a) => ({ value: a.id, label: a[ctx.lang] }))}
          checked={form.audiences}
          error={err("audiences")}
        />
        <TextField
          name="keywords"
          label={say("edit.keywords.label")}
          hint={say("edit.keywords.hint")}
          value={form.keywords}
          error={err("keywords")}
        />
        <KlarsprakEditor
          ctx={ctx}
          id="easyRead"
          name="easyRead"
          label={say("edit.easyRead.label")}
          hint={say("edit.easyRead.hint")}
          value={form.easyRead}
          error={err("easyRead")}
          result={p.analysis.easyRead}
          rows={6}
        />
        <SelectField
          name="unitId"
          label={say("edit.unit.label")}
          selected={form.unitId}
          options={[
            { value: "", label: say("edit.unit.none") },
            ...p.units.map((u) => ({ value: u.id, label: u.name })),
          ]}
        />
        <SelectField
          name="responsibleId"
          label={say("edit.responsible.label")}
          hint={say("edit.responsible.hint")}
          selected={form.responsibleId}
          options={[
            { value: "", label: say("edit.responsible.none") },
            ...p.staff.map((u) => ({ value: u.id, label: u.name })),
          ]}
        />
        <TextField
          name="reviewMonths"
          label={say("edit.reviewMonths.label")}
          hint={say("edit.reviewMonths.hint")}
          value={form.reviewMonths}
          error={err("reviewMonths")}
          width="quarter"
        />
        <div class="field">
          <label class="field__label" for="related" safe>
            {say("edit.related.label")}
          </label>
          <p class="field__hint" id="related-hint" safe>
            {say("edit.related.hint")}
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
        <CheckboxField name="published" value="1" label={say("edit.published.label")} checked={form.published} />
        <TextField
          name="note"
          label={say("edit.note.label")}
          hint={say("edit.note.hint")}
          value={form.note}
          error={err("note")}
        />
        <Button>{escapeHtml(say("edit.save"))}</Button>
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
          <h2 id="versions" safe>
            {say("versions.title")}
          </h2>
          <Table
            caption={say("versions.caption")}
            captionHidden
            rows={p.versions}
            columns={[
              {
                header: say("versions.col.version"),
                numeric: true,
                cell: (v: VersionRow) => (
                  <a href={`/arbetsyta/stod/${p.id}/version/${v.version}`} safe>
                    {String(v.version)}
                  </a>
                ),
              },
              {
                header: say("versions.col.when"),
                cell: (v: VersionRow) => <span safe>{say("stamp", { when: new Date(v.changed_at) })}</span>,
              },
              {
                header: say("versions.col.who"),
                cell: (v: VersionRow) => <span safe>{v.changed_by_name ?? say("versions.system")}</span>,
              },
              { header: say("versions.col.note"), cell: (v: VersionRow) => <span safe>{v.note || "–"}</span> },
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
  const say = sayer(messages, p.ctx.lang);
  const d = p.draft ?? { lang: "", name: "", summary: "", body: "" };
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  return (
    <section class="panel" aria-labelledby="translations">
      <h2 id="translations" safe>
        {say("translations.title")}
      </h2>
      {p.translations.length === 0 ? (
        <p safe>{say("translations.none")}</p>
      ) : (
        <ul>
          {p.translations.map((t) => {
            const l = TRANSLATION_LANGUAGES.find((x) => x.code === t.lang);
            const label = say("translations.item", { language: l?.name ?? t.lang, name: t.name });
            return (
              <li>
                <span safe>{label}</span>{" "}
                <Form ctx={p.ctx} action={`/arbetsyta/stod/${p.id}/sprak/${t.lang}/ta-bort`} class="inline-form">
                  <Button kind="link">{escapeHtml(say("translations.remove"))}</Button>
                </Form>
              </li>
            );
          })}
        </ul>
      )}
      <Form ctx={p.ctx} action={`/arbetsyta/stod/${p.id}/sprak`} novalidate>
        <SelectField
          name="lang"
          label={say("translations.lang.label")}
          selected={d.lang}
          error={err("lang")}
          options={TRANSLATION_LANGUAGES.map((l) => ({ value: l.code, label: l.name }))}
        />
        <TextField id="tname" name="tname" label={say("translations.name.label")} value={d.name} error={err("tname")} />
        <TextAreaField
          name="tsummary"
          label={say("translations.summary.label")}
          value={d.summary}
          error={err("tsummary")}
        />
        <TextAreaField
          name="tbody"
          label={say("translations.body.label")}
          value={d.body}
          error={err("tbody")}
          rows={6}
        />
        <Button kind="secondary">{escapeHtml(say("translations.save"))}</Button>
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
  const say = sayer(messages, p.ctx.lang);
  const fields = [
    "name",
    "summary",
    "forWhom",
    "whatYouGet",
    "cost",
    "phone",
    "email",
    "address",
    "openingHours",
    "easyRead",
    "note",
  ] as const;
  const title = say("version.title", { version: p.version });
  const when = say("version.saved", { when: p.changedAt });
  return (
    <>
      <p class="breadcrumbs">
        <a href={`/arbetsyta/stod/${p.id}`} safe>
          {say("version.back")}
        </a>
      </p>
      <h1 safe>{title}</h1>
      <p safe>{when}</p>
      <dl class="facts">
        {fields.map((key) => {
          const value = typeof p.content[key] === "string" ? (p.content[key] as string) : "";
          return (
            <div>
              <dt safe>{say(`version.field.${key}`)}</dt>
              <dd safe>{value || "–"}</dd>
            </div>
          );
        })}
      </dl>
      <Form ctx={p.ctx} action={`/arbetsyta/stod/${p.id}/version/${p.version}/aterstall`}>
        <p class="hint" safe>
          {say("version.restoreHint")}
        </p>
        <Button kind="secondary">{escapeHtml(say("version.restore"))}</Button>
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
  const say = sayer(messages, p.ctx.lang);
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
      <h1 safe>{say("synonyms.title")}</h1>
      <p class="lead" safe>
        {say("synonyms.lead")}
      </p>
      <Table
        caption={say("synonyms.caption")}
        captionHidden
        rows={p.rows}
        columns={[
          { header: say("synonyms.col.term"), cell: (r: { term: string }) => <span safe>{r.term}</span> },
          {
            header: say("synonyms.col.expansion"),
            cell: (r: { expansion: string }) => <span safe>{r.expansion}</span>,
          },
          {
            header: say("synonyms.col.remove"),
            cell: (r: { id: string; term: string }) => (
              <Form ctx={p.ctx} action={`/arbetsyta/admin/synonymer/${r.id}/ta-bort`} class="inline-form">
                <Button kind="link">{escapeHtml(say("synonyms.remove"))}</Button>
              </Form>
            ),
          },
        ]}
      />
      <section class="panel" aria-labelledby="new-synonym">
        <h2 id="new-synonym" safe>
          {say("synonyms.new")}
        </h2>
        <Form ctx={p.ctx} action="/arbetsyta/admin/synonymer" novalidate>
          <TextField
            name="term"
            label={say("synonyms.term.label")}
            hint={say("synonyms.term.hint")}
            value={p.draft?.term}
            error={err("term")}
            width="half"
          />
          <TextField
            name="expansion"
            label={say("synonyms.expansion.label")}
            hint={say("synonyms.expansion.hint")}
            value={p.draft?.expansion}
            error={err("expansion")}
          />
          <Button>{escapeHtml(say("synonyms.save"))}</Button>
        </Form>
      </section>
    </>
  );
}
