/**
 * Accessible building blocks, after GOV.UK's patterns: labelled fields with hints and inline
 * errors, one error summary, tables with captions, pagination, tags, banners and a small SVG
 * bar chart with a data table beside it. None needs JavaScript.
 */
import { messageText } from "../platform/i18n/i18n.js";
import { renderLang } from "./render-lang.js";
import { escapeHtml, type Children } from "@kitajs/html";
import type { FieldError, PageContext } from "./context.js";

export function ErrorSummary({ ctx, errors }: { ctx: PageContext; errors: readonly FieldError[] }): JSX.Element {
  if (errors.length === 0) return "";
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
      <h2 class="error-summary__title" id="error-summary-title" safe>
        {ctx.t("form.errorSummary")}
      </h2>
      <ul class="error-summary__list">
        {errors.map((e) => (
          <li>
            <a href={`#${e.field}`} safe>
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface FieldProps {
  readonly name: string;
  readonly label: string;
  readonly id?: string;
  readonly hint?: string | undefined;
  readonly value?: string | undefined;
  readonly error?: string | undefined;
  readonly type?: "text" | "email" | "password" | "date" | "search" | "tel" | "url";
  readonly autocomplete?: string;
  readonly required?: boolean;
  readonly width?: "full" | "half" | "quarter";
}

/**
 * The frame every form field shares: label, hint, inline error (announced through
 * aria-describedby) and the control itself, which gets the ids to point at.
 */
function FieldFrame(p: {
  readonly id: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly control: (aria: { describedBy: string | undefined; invalid: "true" | undefined }) => JSX.Element;
}): JSX.Element {
  const describedBy =
    [p.hint ? `${p.id}-hint` : "", p.error ? `${p.id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class={`field${p.error ? " field--error" : ""}`}>
      <label class="field__label" for={p.id} safe>
        {p.label}
      </label>
      {p.hint ? (
        <p class="field__hint" id={`${p.id}-hint`} safe>
          {p.hint}
        </p>
      ) : (
        ""
      )}
      {p.error ? (
        <p class="field__error" id={`${p.id}-error`}>
          <span class="visually-hidden" safe>
            {messageText(renderLang(), "form.errorPrefix")}
          </span>
          <span safe>{p.error}</span>
        </p>
      ) : (
        ""
      )}
      {p.control({ describedBy, invalid: p.error ? "true" : undefined }) as "safe"}
    </div>
  );
}

export function TextField(p: FieldProps): JSX.Element {
  const id = p.id ?? p.name;
  return (
    <FieldFrame
      id={id}
      label={p.label}
      hint={p.hint}
      error={p.error}
      control={(aria) => (
        <input
          class={`field__input field__input--${p.width ?? "full"}`}
          id={id}
          name={p.name}
          type={p.type ?? "text"}
          value={p.type === "password" ? undefined : p.value}
          autocomplete={p.autocomplete}
          required={p.required}
          aria-describedby={aria.describedBy}
          aria-invalid={aria.invalid}
        />
      )}
    />
  );
}

/** A labelled text area with an optional hint and inline error (the same frame as the other fields). */
export function TextAreaField(p: {
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly id?: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly rows?: number;
}): JSX.Element {
  const id = p.id ?? p.name;
  return (
    <FieldFrame
      id={id}
      label={p.label}
      hint={p.hint}
      error={p.error}
      control={(aria) => (
        <textarea
          class="field__textarea"
          id={id}
          name={p.name}
          rows={String(p.rows ?? 3)}
          aria-describedby={aria.describedBy}
          aria-invalid={aria.invalid}
          safe
        >
          {p.value}
        </textarea>
      )}
    />
  );
}

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

/** A labelled select list with an optional hint and inline error. */
export function SelectField(p: {
  readonly name: string;
  readonly label: string;
  readonly options: readonly SelectOption[];
  readonly id?: string;
  readonly selected?: string | undefined;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
}): JSX.Element {
  const id = p.id ?? p.name;
  return (
    <FieldFrame
      id={id}
      label={p.label}
      hint={p.hint}
      error={p.error}
      control={(aria) => (
        <select
          class="field__select"
          id={id}
          name={p.name}
          aria-describedby={aria.describedBy}
          aria-invalid={aria.invalid}
        >
          {p.options.map((o) => (
            <option value={o.value} selected={p.selected === o.value} safe>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/**
 * A group of radio buttons in a fieldset: the legend is the question, the hint and the error
 * are tied to the group with aria-describedby, and the error links to the first option.
 */
export function RadioGroup(p: {
  readonly name: string;
  readonly legend: string;
  readonly options: readonly { readonly value: string; readonly label: string; readonly hint?: string }[];
  readonly id?: string;
  readonly checked?: string | undefined;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
}): JSX.Element {
  const id = p.id ?? p.name;
  const describedBy = [p.hint ? `${id}-hint` : "", p.error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class={`field${p.error ? " field--error" : ""}`}>
      <fieldset class="fieldset" aria-describedby={describedBy}>
        <legend class="field__label" safe>
          {p.legend}
        </legend>
        {p.hint ? (
          <p class="field__hint" id={`${id}-hint`} safe>
            {p.hint}
          </p>
        ) : (
          ""
        )}
        {p.error ? (
          <p class="field__error" id={`${id}-error`}>
            <span class="visually-hidden" safe>
              {messageText(renderLang(), "form.errorPrefix")}
            </span>
            <span safe>{p.error}</span>
          </p>
        ) : (
          ""
        )}
        {p.options.map((o, i) => (
          <div class="radio radio--block">
            <input
              type="radio"
              id={i === 0 ? id : `${id}-${i}`}
              name={p.name}
              value={o.value}
              checked={p.checked === o.value}
              aria-invalid={p.error ? "true" : undefined}
            />
            <label for={i === 0 ? id : `${id}-${i}`}>
              <span safe>{o.label}</span>
              {o.hint ? (
                <span class="radio__hint" safe>
                  {o.hint}
                </span>
              ) : (
                ""
              )}
            </label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

/**
 * Several checkboxes for one question (roles, units): a fieldset whose legend is the question,
 * hint and error tied to the group, each option with its own hint, the error linking to the
 * first box. `indent` shows an option's depth in a tree (units under units).
 */
export function CheckboxGroup(p: {
  readonly name: string;
  readonly legend: string;
  readonly options: readonly {
    readonly value: string;
    readonly label: string;
    readonly hint?: string | undefined;
    readonly indent?: number;
  }[];
  readonly checked: readonly string[];
  readonly id?: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
}): JSX.Element {
  const id = p.id ?? p.name;
  const describedBy = [p.hint ? `${id}-hint` : "", p.error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class={`field${p.error ? " field--error" : ""}`}>
      <fieldset class="fieldset" aria-describedby={describedBy}>
        <legend class="field__label" safe>
          {p.legend}
        </legend>
        {p.hint ? (
          <p class="field__hint" id={`${id}-hint`} safe>
            {p.hint}
          </p>
        ) : (
          ""
        )}
        {p.error ? (
          <p class="field__error" id={`${id}-error`}>
            <span class="visually-hidden" safe>
              {messageText(renderLang(), "form.errorPrefix")}
            </span>
            <span safe>{p.error}</span>
          </p>
        ) : (
          ""
        )}
        {p.options.map((o, i) => {
          const optionId = i === 0 ? id : `${id}-${i}`;
          return (
            <div class={`radio radio--block${o.indent ? ` checkbox--indent-${Math.min(o.indent, 4)}` : ""}`}>
              <input
                type="checkbox"
                id={optionId}
                name={p.name}
                value={o.value}
                checked={p.checked.includes(o.value)}
                aria-invalid={p.error ? "true" : undefined}
              />
              <label for={optionId}>
                <span safe>{o.label}</span>
                {o.hint ? (
                  <span class="radio__hint" safe>
                    {o.hint}
                  </span>
                ) : (
                  ""
                )}
              </label>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

/** One checkbox with its label (a confirmation), with hint and error wired like the other fields. */
export function CheckboxField(p: {
  readonly name: string;
  readonly label: string;
  readonly value?: string;
  readonly id?: string;
  readonly checked?: boolean;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
}): JSX.Element {
  const id = p.id ?? p.name;
  const describedBy = [p.hint ? `${id}-hint` : "", p.error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div class={`field${p.error ? " field--error" : ""}`}>
      {p.error ? (
        <p class="field__error" id={`${id}-error`}>
          <span class="visually-hidden" safe>
            {messageText(renderLang(), "form.errorPrefix")}
          </span>
          <span safe>{p.error}</span>
        </p>
      ) : (
        ""
      )}
      <div class="radio radio--block">
        <input
          type="checkbox"
          id={id}
          name={p.name}
          value={p.value ?? "ja"}
          checked={p.checked === true}
          aria-describedby={describedBy}
          aria-invalid={p.error ? "true" : undefined}
        />
        <label for={id} safe>
          {p.label}
        </label>
      </div>
      {p.hint ? (
        <p class="field__hint" id={`${id}-hint`} safe>
          {p.hint}
        </p>
      ) : (
        ""
      )}
    </div>
  );
}

/** A file chooser with its label, hint (what may be sent, how large) and error wired like the other fields. */
export function FileField(p: {
  readonly name: string;
  readonly label: string;
  readonly id?: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  /** File types offered in the chooser, e.g. ".pdf,.jpg"; the server checks the content anyway. */
  readonly accept?: string;
  readonly multiple?: boolean;
}): JSX.Element {
  const id = p.id ?? p.name;
  return (
    <FieldFrame
      id={id}
      label={p.label}
      hint={p.hint}
      error={p.error}
      control={(aria) => (
        <input
          class="field__file"
          id={id}
          name={p.name}
          type="file"
          accept={p.accept}
          multiple={p.multiple}
          aria-describedby={aria.describedBy}
          aria-invalid={aria.invalid}
        />
      )}
    />
  );
}

/**
 * A date and time (Stockholm time) as the browser's own picker, with a hint that says the
 * format for browsers without one ("2026-12-01 14:30").
 */
export function DateTimeField(p: {
  readonly name: string;
  readonly label: string;
  readonly value?: string | undefined;
  readonly id?: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  /** "datetime-local" (default) or "date". */
  readonly kind?: "datetime-local" | "date";
}): JSX.Element {
  const id = p.id ?? p.name;
  return (
    <FieldFrame
      id={id}
      label={p.label}
      hint={p.hint}
      error={p.error}
      control={(aria) => (
        <input
          class="field__input field__input--quarter"
          id={id}
          name={p.name}
          type={p.kind ?? "datetime-local"}
          value={p.value}
          aria-describedby={aria.describedBy}
          aria-invalid={aria.invalid}
        />
      )}
    />
  );
}

export function PhoneLink(p: { number: string; label?: string }): JSX.Element {
  return (
    <a href={telHref(p.number)} class="phone-link" safe>
      {p.label ?? p.number}
    </a>
  );
}

/** "070-174 06 05" → "tel:+46701740605"; "112" stays "tel:112". */
export function telHref(number: string): string {
  const digits = number.replace(/[^\d+]/g, "");
  if (digits.startsWith("+")) return `tel:${digits}`;
  if (digits.length <= 5) return `tel:${digits}`;
  return `tel:+46${digits.replace(/^0/, "")}`;
}

export function CsrfField({ ctx }: { ctx: PageContext }): JSX.Element {
  return <input type="hidden" name="_csrf" value={ctx.csrfToken} />;
}

/** A form that always posts and is protected by the CSRF token. */
/**
 * Spam protection without tracking, for public forms that create something: a signed time
 * stamp (too fast or too old is refused) and a honeypot field people never see.
 */
export function SpamGuard(p: { stamp: string }): JSX.Element {
  return (
    <>
      <input type="hidden" name="stamp" value={p.stamp} />
      <div class="hp" aria-hidden="true">
        <label for="webbplats" safe>
          {messageText(renderLang(), "form.honeypot")}
        </label>
        <input type="text" id="webbplats" name="webbplats" tabindex="-1" autocomplete="off" />
      </div>
    </>
  );
}

export function Form(p: {
  ctx: PageContext;
  action: string;
  children: Children;
  class?: string;
  novalidate?: boolean;
}): JSX.Element {
  return (
    <form method="post" action={p.action} class={p.class} novalidate={p.novalidate ?? true}>
      <CsrfField ctx={p.ctx} />
      {p.children as "safe"}
    </form>
  );
}

export function Button(p: {
  children: Children;
  kind?: "primary" | "secondary" | "link";
  name?: string;
  value?: string;
}): JSX.Element {
  return (
    <button type="submit" class={`button button--${p.kind ?? "primary"}`} name={p.name} value={p.value}>
      {p.children as "safe"}
    </button>
  );
}

export function Banner(p: { kind: "success" | "info" | "warning"; children: Children }): JSX.Element {
  return (
    <div class={`banner banner--${p.kind}`} role={p.kind === "warning" ? "alert" : "status"}>
      {p.children as "safe"}
    </div>
  );
}

export function Tag(p: { children: Children; tone?: "neutral" | "blue" | "green" | "red" | "yellow" }): JSX.Element {
  return <strong class={`tag tag--${p.tone ?? "neutral"}`}>{p.children as "safe"}</strong>;
}

export interface Column<T> {
  readonly header: string;
  readonly cell: (row: T) => JSX.Element;
  readonly numeric?: boolean;
}

export function Table<T>(p: {
  caption: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  captionHidden?: boolean;
}): JSX.Element {
  // A wide table scrolls sideways on a phone: the scrolling box takes keyboard focus and has a
  // name, so it can be scrolled without a mouse (WCAG 2.1.1, axe scrollable-region-focusable).
  return (
    <div class="table-wrap" role="region" aria-label={p.caption} tabindex="0">
      <table class="table">
        <caption class={p.captionHidden ? "visually-hidden" : "table__caption"} safe>
          {p.caption}
        </caption>
        <thead>
          <tr>
            {p.columns.map((c) => (
              <th scope="col" class={c.numeric ? "table__cell--numeric" : undefined} safe>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {p.rows.map((row) => (
            <tr>
              {p.columns.map((c) => (
                <td class={c.numeric ? "table__cell--numeric" : undefined}>{c.cell(row) as "safe"}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Page links; href builds the link for a page number so filters survive paging. */
export function Pagination(p: {
  ctx: PageContext;
  page: number;
  pageSize: number;
  total: number;
  href: (page: number) => string;
}): JSX.Element {
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  if (pages <= 1) return "";
  const t = p.ctx.t;
  const shown = pageWindow(p.page, pages);
  return (
    <nav class="pagination" aria-label={t("pagination.label")}>
      <ul class="pagination__list">
        {p.page > 1 ? (
          <li>
            <a class="pagination__link" href={p.href(p.page - 1)} rel="prev" safe>
              {`‹ ${t("pagination.previous")}`}
            </a>
          </li>
        ) : (
          ""
        )}
        {shown.map((n) =>
          n === null ? (
            <li class="pagination__ellipsis">…</li>
          ) : n === p.page ? (
            <li>
              <a class="pagination__link pagination__link--current" href={p.href(n)} aria-current="page">
                <span class="visually-hidden" safe>{`${t("pagination.page")} `}</span>
                {n}
              </a>
            </li>
          ) : (
            <li>
              <a class="pagination__link" href={p.href(n)}>
                <span class="visually-hidden" safe>{`${t("pagination.page")} `}</span>
                {n}
              </a>
            </li>
          ),
        )}
        {p.page < pages ? (
          <li>
            <a class="pagination__link" href={p.href(p.page + 1)} rel="next" safe>
              {`${t("pagination.next")} ›`}
            </a>
          </li>
        ) : (
          ""
        )}
      </ul>
    </nav>
  );
}

/** First, last, and two either side of the current page; null marks a gap. */
export function pageWindow(page: number, pages: number): (number | null)[] {
  const out: (number | null)[] = [];
  for (let n = 1; n <= pages; n++) {
    if (n === 1 || n === pages || Math.abs(n - page) <= 2) out.push(n);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}

export interface ChartPoint {
  readonly label: string;
  readonly value: number;
}

/**
 * A bar chart drawn on the server as SVG. Screen readers get the title and a summary, and
 * the same numbers are in a table below, so nobody depends on seeing the bars.
 */
export function BarChart(p: {
  ctx: PageContext;
  id: string;
  title: string;
  data: readonly ChartPoint[];
  unit?: string;
}): JSX.Element {
  if (p.data.length === 0) return <p safe>{p.ctx.t("chart.noData")}</p>;
  const width = 600;
  const height = 220;
  const pad = { top: 16, right: 8, bottom: 40, left: 40 };
  const max = Math.max(1, ...p.data.map((d) => d.value));
  const slot = (width - pad.left - pad.right) / p.data.length;
  const barW = Math.max(4, slot * 0.6);
  const plotH = height - pad.top - pad.bottom;
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1] ?? max;
  const summary = p.data.map((d) => `${d.label}: ${d.value}`).join(", ");
  return (
    <figure class="chart">
      <svg
        class="chart__svg"
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${p.id}-title ${p.id}-desc`}
        focusable="false"
      >
        <title id={`${p.id}-title`} safe>
          {p.title}
        </title>
        <desc id={`${p.id}-desc`} safe>
          {summary}
        </desc>
        {ticks.map((tick) => {
          const y = pad.top + plotH - (tick / top) * plotH;
          return (
            <g class="chart__grid">
              <line x1={String(pad.left)} x2={String(width - pad.right)} y1={String(y)} y2={String(y)} />
              <text x={String(pad.left - 6)} y={String(y + 4)} text-anchor="end">
                {tick}
              </text>
            </g>
          );
        })}
        {p.data.map((d, i) => {
          const h = (d.value / top) * plotH;
          const x = pad.left + i * slot + (slot - barW) / 2;
          return (
            <g class="chart__bar">
              <rect
                x={x.toFixed(1)}
                y={(pad.top + plotH - h).toFixed(1)}
                width={barW.toFixed(1)}
                height={h.toFixed(1)}
              />
              <text x={(x + barW / 2).toFixed(1)} y={String(height - pad.bottom + 16)} text-anchor="middle" safe>
                {d.label}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption class="chart__caption" safe>
        {p.title}
      </figcaption>
      <details class="chart__data">
        <summary safe>{p.ctx.t("chart.table")}</summary>
        <Table
          caption={p.title}
          captionHidden
          columns={[
            { header: p.ctx.t("chart.label"), cell: (d: ChartPoint) => <span safe>{d.label}</span> },
            { header: p.unit ?? p.ctx.t("chart.value"), numeric: true, cell: (d: ChartPoint) => String(d.value) },
          ]}
          rows={p.data}
        />
      </details>
    </figure>
  );
}

export function niceTicks(max: number): number[] {
  const rough = max / 4;
  const mag = 10 ** Math.floor(Math.log10(Math.max(rough, 1)));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= rough) ?? mag * 10;
  const ticks: number[] = [];
  for (let v = 0; v <= max + step - 1e-9; v += step) ticks.push(Math.round(v));
  return ticks;
}

/** A page with one question and a button (confirming a follow, stopping one): a link in an e-mail never changes anything by itself. */
export function ConfirmPage(p: {
  ctx: PageContext;
  heading: string;
  text: string;
  action: string;
  button: string;
}): JSX.Element {
  return (
    <>
      <h1 safe>{p.heading}</h1>
      <p safe>{p.text}</p>
      <form method="post" action={p.action}>
        <CsrfField ctx={p.ctx} />
        <Button>{escapeHtml(p.button)}</Button>
      </form>
    </>
  );
}

export function DonePage(p: { heading: string; text: string; link?: { href: string; label: string } }): JSX.Element {
  return (
    <>
      <h1 safe>{p.heading}</h1>
      <p safe>{p.text}</p>
      {p.link ? (
        <p>
          <a href={p.link.href} safe>
            {p.link.label}
          </a>
        </p>
      ) : (
        ""
      )}
    </>
  );
}
