/**
 * The klarspråk editor: a text area with a findings panel. Without JavaScript the form posts
 * and the server fills the panel; with JavaScript (data-module="klarsprak-editor") the panel
 * updates as you type. Every module that lets staff write text uses this component.
 */
import { renderLang } from "./render-lang.js";
import { escapeHtml } from "@kitajs/html";
import type { AnalysisJson } from "./klarsprak-analysis.js";
import { messageText, type MessageKey } from "../platform/i18n/i18n.js";
import type { PageContext } from "./context.js";
import { Tag } from "./components.js";

const TONE = { error: "red", warning: "yellow", suggestion: "blue" } as const;

/** The texts the script needs, in the page's language (the script holds none of its own). */
const SCRIPT_TEXTS: readonly MessageKey[] = [
  "ks.panel",
  "ks.lix",
  "ks.words",
  "ks.sentences",
  "ks.wordsPerSentence",
  "ks.longWords",
  "ks.ovix",
  "ks.findings",
  "ks.noFindings",
  "ks.counts",
  "ks.position",
  "ks.suggestion",
  "ks.severity.error",
  "ks.severity.warning",
  "ks.severity.suggestion",
  "ks.error.failed",
  "ks.empty",
];

export interface EditorProps {
  readonly ctx: PageContext;
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly hint?: string | undefined;
  readonly value: string;
  readonly error?: string | undefined;
  readonly result: AnalysisJson | null;
  readonly format?: "text" | "markdown" | "html";
  readonly rows?: number;
}

export function KlarsprakEditor(p: EditorProps): JSX.Element {
  const { ctx } = p;
  const t = ctx.t;
  // The script formats these itself (intl-messageformat in the bundle), so it gets them as written.
  const texts = Object.fromEntries(SCRIPT_TEXTS.map((k) => [k, messageText(ctx.lang, k)]));
  const describedBy = [p.hint ? `${p.id}-hint` : "", p.error ? `${p.id}-error` : "", `${p.id}-live`]
    .filter(Boolean)
    .join(" ");
  return (
    <div
      class="ks-editor"
      data-module="klarsprak-editor"
      data-api="/api/v1/klarsprak/analyze"
      data-input={p.id}
      data-texts={JSON.stringify(texts)}
    >
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
        <p class="visually-hidden" id={`${p.id}-live`} safe>
          {t("ks.live")}
        </p>
        <textarea
          class="field__textarea"
          id={p.id}
          name={p.name}
          rows={String(p.rows ?? 12)}
          aria-describedby={describedBy}
          aria-invalid={p.error ? "true" : undefined}
          safe
        >
          {p.value}
        </textarea>
      </div>
      <section class="ks-panel" aria-labelledby={`${p.id}-panel-title`} data-ks-panel aria-live="polite">
        <h2 class="ks-panel__title" id={`${p.id}-panel-title`} safe>
          {t("ks.panel")}
        </h2>
        <div data-ks-body>{p.result ? <AnalysisView ctx={ctx} result={p.result} /> : <p safe>{t("ks.empty")}</p>}</div>
      </section>
    </div>
  );
}

export function AnalysisView({ ctx, result }: { ctx: PageContext; result: AnalysisJson }): JSX.Element {
  const t = ctx.t;
  const l = result.lix;
  const pct = result.longWordShare === null ? "–" : `${Math.round(result.longWordShare * 100)} %`;
  return (
    <>
      <div class={`ks-score ks-score--${l.band ?? "none"}`}>
        <p class="ks-score__value">
          <span class="ks-score__label" safe>
            {t("ks.lix")}
          </span>
          <strong class="ks-score__number" safe>
            {l.value === null ? "–" : String(Math.round(l.value))}
          </strong>
          <span class="ks-score__band" safe>
            {l.label ?? ""}
          </span>
        </p>
        {l.explanation ? (
          <p class="ks-score__explanation" safe>
            {l.explanation}
          </p>
        ) : (
          ""
        )}
      </div>
      <dl class="ks-stats">
        <div>
          <dt safe>{t("ks.words")}</dt>
          <dd>{l.words}</dd>
        </div>
        <div>
          <dt safe>{t("ks.sentences")}</dt>
          <dd>{l.sentences}</dd>
        </div>
        <div>
          <dt safe>{t("ks.wordsPerSentence")}</dt>
          <dd safe>{result.wordsPerSentence === null ? "–" : String(result.wordsPerSentence)}</dd>
        </div>
        <div>
          <dt safe>{t("ks.longWords")}</dt>
          <dd safe>{pct}</dd>
        </div>
        <div>
          <dt safe>{t("ks.ovix")}</dt>
          <dd safe>{result.ovix.whole === null ? "–" : String(Math.round(result.ovix.whole))}</dd>
        </div>
      </dl>
      <h3 safe>{t("ks.findings")}</h3>
      <p class="ks-counts" safe>
        {t("ks.counts", result.counts)}
      </p>
      {result.findings.length === 0 ? (
        <p safe>{t("ks.noFindings")}</p>
      ) : (
        <ol class="ks-findings">
          {result.findings.slice(0, 200).map((f) => (
            <li class={`ks-finding ks-finding--${f.severity}`}>
              <Tag tone={TONE[f.severity as keyof typeof TONE] ?? "neutral"}>
                {escapeHtml(t(`ks.severity.${f.severity as "error" | "warning" | "suggestion"}`))}
              </Tag>
              <span class="ks-finding__message" safe>
                {f.message}
              </span>
              {f.suggestion ? (
                <span class="ks-finding__suggestion">
                  <span safe>{` ${t("ks.suggestion")} `}</span>
                  <strong safe>{f.suggestion}</strong>
                </span>
              ) : (
                ""
              )}
              <span
                class="ks-finding__position"
                safe
              >{` (${t("ks.position", { line: f.line, column: f.column })})`}</span>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
