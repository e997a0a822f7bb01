/**
 * The catalogue of errors: each has an HTTP status and a stable code that logs, the API
 * and support can quote. One central handler (src/app/errors.tsx) turns them into pages
 * or JSON; 5xx details never reach the user, the request id does.
 */
export const ERRORS = {
  KS_BAD_REQUEST: { status: 400, sv: "Något i förfrågan var fel.", en: "Something in the request was wrong." },
  KS_VALIDATION: {
    status: 400,
    sv: "Något i formuläret behöver rättas.",
    en: "Something in the form needs correcting.",
  },
  KS_UNAUTHENTICATED: { status: 401, sv: "Du behöver logga in.", en: "You need to sign in." },
  KS_FORBIDDEN: {
    status: 403,
    sv: "Du har inte behörighet till den här sidan.",
    en: "You do not have access to this page.",
  },
  KS_CSRF: {
    status: 403,
    sv: "Formuläret hade gått ut eller kom från en annan sida.",
    en: "The form had expired or came from another page.",
  },
  KS_NOT_FOUND: { status: 404, sv: "Sidan finns inte.", en: "The page does not exist." },
  KS_PAYLOAD_TOO_LARGE: { status: 413, sv: "Det du skickade var för stort.", en: "What you sent was too large." },
  KS_UNSUPPORTED_MEDIA: {
    status: 415,
    sv: "Den filtypen går inte att ta emot.",
    en: "That file type cannot be received.",
  },
  KS_RATE_LIMITED: {
    status: 429,
    sv: "Du har skickat många förfrågningar på kort tid. Vänta en stund och försök igen.",
    en: "You have sent many requests in a short time. Wait a while and try again.",
  },
  KS_UNAVAILABLE: {
    status: 503,
    sv: "Tjänsten är hårt belastad just nu. Försök igen om en stund.",
    en: "The service is very busy right now. Try again in a while.",
  },
  KS_INTERNAL: {
    status: 500,
    sv: "Något gick fel hos oss. Försök igen senare.",
    en: "Something went wrong on our side. Try again later.",
  },
} as const satisfies Record<string, { status: number; sv: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  override name = "AppError";
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message ?? ERRORS[code].en);
    this.status = ERRORS[code].status;
  }

  /** Fastify and its plugins read statusCode. */
  get statusCode(): number {
    return this.status;
  }
}

/** Maps Fastify's and plugins' own error codes onto our catalogue. */
export function codeForError(error: {
  code?: unknown;
  statusCode?: unknown;
  validation?: unknown;
  message?: unknown;
}): ErrorCode {
  if (error instanceof AppError) return error.code;
  const code = typeof error.code === "string" ? error.code : "";
  const status = typeof error.statusCode === "number" ? error.statusCode : 500;
  if (
    code === "FST_ERR_CTP_BODY_TOO_LARGE" ||
    code === "FST_REQ_FILE_TOO_LARGE" ||
    code === "FST_FILES_LIMIT" ||
    status === 413
  ) {
    return "KS_PAYLOAD_TOO_LARGE";
  }
  if (code.startsWith("FST_CSRF")) return "KS_CSRF";
  if (code === "FST_ERR_CTP_INVALID_MEDIA_TYPE" || status === 415) return "KS_UNSUPPORTED_MEDIA";
  if (error.validation || code === "FST_ERR_VALIDATION") return "KS_VALIDATION";
  if (status === 429) return "KS_RATE_LIMITED";
  // pg's Pool gives up waiting for a connection: the database is saturated, not broken.
  if (status === 503 || error.message === "timeout exceeded when trying to connect") return "KS_UNAVAILABLE";
  if (status === 404) return "KS_NOT_FOUND";
  if (status === 403) return "KS_FORBIDDEN";
  if (status === 401) return "KS_UNAUTHENTICATED";
  if (status >= 400 && status < 500) return "KS_BAD_REQUEST";
  return "KS_INTERNAL";
}
