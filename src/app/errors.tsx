/** One error handler: stable codes, Swedish pages with the request id, JSON for the API. */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { AppError, codeForError, ERRORS, type ErrorCode } from "../platform/errors.js";
import type { MessageKey } from "../platform/i18n/i18n.js";
import { sendPage } from "../platform/http/page.js";

const HELP: Partial<Record<ErrorCode, MessageKey>> = {
  KS_CSRF: "error.csrf.help",
  KS_NOT_FOUND: "error.notFound.help",
  KS_PAYLOAD_TOO_LARGE: "error.tooLarge.help",
};

function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith("/api/") || (request.headers.accept ?? "").startsWith("application/json");
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  headers: Record<string, string> = {},
): FastifyReply {
  const entry = ERRORS[code];
  for (const [k, v] of Object.entries(headers)) reply.header(k, v);
  const message = request.lang === "en" ? entry.en : entry.sv;
  if (wantsJson(request)) {
    return reply.status(entry.status).send({ error: { code, message, requestId: request.id } });
  }
  const t = request.t;
  const help = HELP[code];
  const side = request.url.startsWith("/arbetsyta") && request.user ? "staff" : "public";
  return sendPage(request, reply, { title: t("error.title"), side, status: entry.status }, () => (
    <div class="error-page">
      <h1>{message}</h1>
      {help ? <p safe>{t(help)}</p> : ""}
      <p>
        <span safe>{`${t("error.requestId")} `}</span>
        <code class="error-page__id" safe>
          {request.id}
        </code>
      </p>
      <p class="error-page__code">{code}</p>
      <p>
        <a href="/" safe>
          {t("error.back")}
        </a>
      </p>
    </div>
  ));
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const code = codeForError(error);
    const status = ERRORS[code].status;
    if (status >= 500 && code !== "KS_UNAVAILABLE") {
      request.log.error({ err: error, code }, "request failed");
    } else {
      request.log.info({ code, reason: error.message }, "request refused");
    }
    const headers = error instanceof AppError ? error.headers : code === "KS_UNAVAILABLE" ? { "retry-after": "5" } : {};
    return sendError(request, reply, code, headers);
  });
  app.setNotFoundHandler((request, reply) => sendError(request, reply, "KS_NOT_FOUND"));
}
