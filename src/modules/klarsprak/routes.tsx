import type { ModuleContext } from "../../app/module.js";
import { sendPage } from "../../platform/http/page.js";
import type { FastifyReply, TypedApp, TypedRequest } from "../../platform/http/typed.js";
import { sayer } from "../../platform/i18n/messages.js";
import type { FieldError } from "../../views/context.js";
import { checkText } from "./index.js";
import { presentAnalysis, type AnalysisJson } from "../../views/klarsprak-analysis.js";
import { messages } from "./messages.js";
import { KlarsprakPage } from "./public/views.js";
import { AnalysisResponse, AnalyzeBody, CheckBody, ErrorResponse, Format, MAX_CHARS, Severity } from "./schema.js";

export type KlarsprakModuleRoutes = (app: TypedApp, ctx: ModuleContext) => void;

export const klarsprakRoutes: KlarsprakModuleRoutes = (app) => {
  app.post(
    "/api/v1/klarsprak/analyze",
    {
      // A pure function of its input: no cookies are read, so there is nothing to forge.
      config: { access: "public", csrf: false, rateLimit: { max: 60, timeWindow: 60_000 } },
      bodyLimit: 1_048_576,
      schema: {
        tags: ["plain language"],
        summary: "Analyse a Swedish text for plain language",
        description:
          "Returns LIX (with its band explained), OVIX, other scores and findings with positions in the text. The text is not stored. At most 200 000 characters; 60 requests a minute per address.",
        body: AnalyzeBody,
        response: { 200: AnalysisResponse, 400: ErrorResponse, 413: ErrorResponse, 429: ErrorResponse },
      },
    },
    async (request) => {
      const analysis = presentAnalysis(checkText(request.body.text, request.body.format), request.body.lang);
      return { ...analysis, findings: analysis.findings.map((f) => ({ ...f, severity: Severity.parse(f.severity) })) };
    },
  );

  const renderPage = (
    request: TypedRequest,
    reply: FastifyReply,
    state: { text: string; format: string; errors: FieldError[]; result: AnalysisJson | null; status?: number },
  ) =>
    sendPage(
      request,
      reply,
      {
        title: sayer(messages, request.lang)("page.title"),
        side: "public",
        hasErrors: state.errors.length > 0,
        status: state.status ?? 200,
        cacheable: request.method === "GET" && state.result === null && state.errors.length === 0,
        scripts: ["/static/js/klarsprak-editor.js"],
      },
      (page) => (
        <KlarsprakPage ctx={page} text={state.text} format={state.format} errors={state.errors} result={state.result} />
      ),
    );

  app.get("/klarsprakskollen", { config: { access: "public" } }, (request, reply) =>
    renderPage(request, reply, { text: "", format: "text", errors: [], result: null }),
  );

  app.post(
    "/klarsprakskollen",
    {
      config: { access: "public", rateLimit: { max: 30, timeWindow: 60_000 } },
      bodyLimit: 1_048_576,
      schema: { body: CheckBody },
    },
    async (request, reply) => {
      const { text } = request.body;
      const parsed = Format.safeParse(request.body.format);
      const format = parsed.success ? parsed.data : "text";
      const say = sayer(messages, request.lang);
      if (!text.trim()) {
        return renderPage(request, reply, {
          text,
          format,
          errors: [{ field: "text", message: say("form.text.empty") }],
          result: null,
          status: 400,
        });
      }
      if (text.length > MAX_CHARS) {
        return renderPage(request, reply, {
          text: text.slice(0, MAX_CHARS),
          format,
          errors: [{ field: "text", message: say("form.text.long") }],
          result: null,
          status: 400,
        });
      }
      const result = presentAnalysis(checkText(text, format), request.lang);
      return renderPage(request, reply, { text, format, errors: [], result });
    },
  );
};
