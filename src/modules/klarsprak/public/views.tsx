import { escapeHtml } from "@kitajs/html";
import type { AnalysisJson } from "../../../views/klarsprak-analysis.js";
import type { FieldError, PageContext } from "../../../views/context.js";
import { Button, ErrorSummary, Form } from "../../../views/components.js";
import { KlarsprakEditor } from "../../../views/klarsprak-editor.js";
import { sayer } from "../../../platform/i18n/messages.js";
import { messages } from "../messages.js";
import { highlight } from "./highlight.js";

export function KlarsprakPage(p: { ctx: PageContext; text: string; format: string; errors: readonly FieldError[]; result: AnalysisJson | null }): JSX.Element {
  const { ctx } = p;
  const say = sayer(messages, ctx.lang);
  const formats = ["text", "markdown", "html"] as const;
  return (
    <>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <h1 safe>{say("page.title")}</h1>
      <p class="lead" safe>{say("page.lead")}</p>
      <Form ctx={ctx} action="/klarsprakskollen" class="ks-form">
        <KlarsprakEditor
          ctx={ctx}
          id="text"
          name="text"
          label={say("form.text.label")}
          hint={say("form.text.hint")}
          value={p.text}
          error={p.errors.find((e) => e.field === "text")?.message}
          result={p.result}
          rows={14}
        />
        <fieldset class="field ks-formats">
          <legend class="field__label" safe>{say("form.format.legend")}</legend>
          {formats.map((f) => (
            <label class="radio">
              <input type="radio" name="format" value={f} checked={p.format === f} />
              <span safe>{say(`form.format.${f}`)}</span>
            </label>
          ))}
        </fieldset>
        <Button>{escapeHtml(say("form.submit"))}</Button>
      </Form>
      {p.result && p.result.findings.length > 0 ? (
        <section class="ks-highlighted" aria-labelledby="highlighted-title">
          <h2 id="highlighted-title" safe>{say("highlighted.title")}</h2>
          {/* highlight() escapes every piece of the text itself and adds only its own <mark> elements. */}
          {/* eslint-disable-next-line no-restricted-syntax */}
          <div class="ks-highlighted__text">{highlight(p.text, p.result.findings) as "safe"}</div>
        </section>
      ) : (
        ""
      )}
    </>
  );
}
