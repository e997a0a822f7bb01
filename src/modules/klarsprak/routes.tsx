import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { ModuleContext } from "../../app/module.js";
import { sendPage } from "../../platform/http/page.js";
import type { FieldError } from "../../views/context.js";
import { checkText } from "./index.js";
import { presentAnalysis, type AnalysisJson } from "../../views/klarsprak-analysis.js";
import { KlarsprakPage } from "./public/views.js";

export type KlarsprakModuleRoutes = (app: FastifyInstance, ctx: ModuleContext) => void;

const MAX_CHARS = 200_000;
const FORMAT = z.enum(["text", "markdown", "html"]);

const findingJson = z.object({
  ruleId: z.string(),
  severity: z.enum(["error", "warning", "suggestion"]),
  message: z.string(),
  text: z.string(),
  suggestion: z.string().nullable(),
  category: z.string().nullable(),
  start: z.number().int(),
  end: z.number().int(),
  line: z.number().int(),
  column: z.number().int(),
});

const analysisJson = z.object({
  lix: z.object({
    value: z.number().nullable(),
    band: z.enum(["very-easy", "easy", "medium", "hard", "very-hard"]).nullable(),
    label: z.string().nullable(),
    explanation: z.string().nullable(),
    words: z.number().int(),
    sentences: z.number().int(),
    longWords: z.number().int(),
  }),
  ovix: z.object({ whole: z.number().nullable(), windowed: z.number().nullable(), windowSize: z.number().int() }),
  wordsPerSentence: z.number().nullable(),
  longWordShare: z.number().nullable(),
  nominalisationsPer100Words: z.number().nullable(),
  passivesPerSentence: z.number().nullable(),
  counts: z.object({ error: z.number().int(), warning: z.number().int(), suggestion: z.number().int() }),
  findings: z.array(findingJson),
});

const errorJson = z.object({ error: z.object({ code: z.string(), message: z.string(), requestId: z.string() }) });

export const klarsprakRoutes: KlarsprakModuleRoutes = (app) => {
  app.post(
    "/api/v1/klarsprak/analyze",
    {
      // A pure function of its input: no cookies are read, so there is nothing to forge.
      config: { access: "public", csrf: false, rateLimit: { max: 60, timeWindow: 60_000 } },
      bodyLimit: 1_048_576,
      schema: {
        tags: ["klarspråk"],
        summary: "Analyse a Swedish text for plain language",
        description:
          "Returns LIX (with its band explained), OVIX, other scores and findings with positions in the text. The text is not stored. At most 200 000 characters; 60 requests a minute per address.",
        body: z.object({
          text: z.string().max(MAX_CHARS).describe("The text: plain, Markdown or HTML"),
          format: FORMAT.default("text"),
          lang: z.enum(["sv", "en"]).default("sv").describe("Language of the band explanation"),
        }),
        response: { 200: analysisJson, 400: errorJson, 413: errorJson, 429: errorJson },
      },
    },
    async (request) => {
      const body = request.body as { text: string; format: "text" | "markdown" | "html"; lang: "sv" | "en" };
      return presentAnalysis(checkText(body.text, body.format), body.lang);
    },
  );

  const renderPage = (
    request: FastifyRequest,
    reply: FastifyReply,
    state: { text: string; format: string; errors: FieldError[]; result: AnalysisJson | null; status?: number },
  ) =>
    sendPage(
      request,
      reply,
      {
        title: request.t("ks.title"),
        side: "public",
        hasErrors: state.errors.length > 0,
        status: state.status ?? 200,
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
      schema: {
        body: z.object({
          text: z.string().default(""),
          format: z.string().default("text"),
          _csrf: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const body = request.body as { text: string; format: string };
      const format = FORMAT.safeParse(body.format).success ? (body.format as "text" | "markdown" | "html") : "text";
      const t = request.t;
      if (!body.text.trim()) {
        return renderPage(request, reply, {
          text: body.text,
          format,
          errors: [{ field: "text", message: t("ks.error.empty") }],
          result: null,
          status: 400,
        });
      }
      if (body.text.length > MAX_CHARS) {
        return renderPage(request, reply, {
          text: body.text.slice(0, MAX_CHARS),
          format,
          errors: [{ field: "text", message: t("ks.error.long") }],
          result: null,
          status: 400,
        });
      }
      const result = presentAnalysis(checkText(body.text, format), request.lang);
      return renderPage(request, reply, { text: body.text, format, errors: [], result });
    },
  );
};
