/**
 * Text that cannot be stored: a NUL character in any field, query or path is answered with a
 * clear 400 — for a page, one that gives the person back what they wrote (without the NUL) to
 * copy and send again; for JSON, a stable error. Half a surrogate pair (an emoji cut in two)
 * is mended in place to U+FFFD, so the rest goes through as written.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { wellFormed } from "../platform/text.js";
import { safeRedirectTarget } from "../platform/http/redirect.js";
import { sendError } from "./errors.js";
import { sendPage } from "../platform/http/page.js";

const NUL = "\u0000";
/** The text without NUL characters, as it is handed back. */
const withoutNul = (text: string) => text.split(NUL).join("");
const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

type Holder = Record<string, unknown>;

/** Mends lone surrogates in place and collects the text fields (name → text) with their NUL state. */
function inspect(holder: unknown, found: { texts: [string, string][]; nul: boolean }): void {
  if (!holder || typeof holder !== "object") return;
  const h = holder as Holder;
  for (const [key, value] of Object.entries(h)) {
    if (typeof value === "string") {
      if (LONE.test(value)) h[key] = wellFormed(value);
      const text = h[key] as string;
      if (text.includes("\u0000")) found.nul = true;
      if (key !== "_csrf" && key !== "stamp") found.texts.push([key, text]);
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => {
        if (typeof v === "string") {
          if (LONE.test(v)) value[i] = wellFormed(v);
          if ((value[i] as string).includes("\u0000")) found.nul = true;
        } else inspect(v, found);
      });
    } else if (
      value &&
      typeof value === "object" &&
      "value" in value &&
      (value as { type?: unknown }).type === "field"
    ) {
      // A multipart field: { type: "field", value }.
      const field = value as { value: unknown };
      if (typeof field.value === "string") {
        if (LONE.test(field.value)) field.value = wellFormed(field.value);
        const text = field.value as string;
        if (text.includes("\u0000")) found.nul = true;
        if (key !== "_csrf" && key !== "stamp") found.texts.push([key, text]);
      }
    } else if (value && typeof value === "object" && !Buffer.isBuffer(value) && !("file" in value)) {
      inspect(value, found);
    }
  }
}

function answer(request: FastifyRequest, reply: FastifyReply, texts: readonly [string, string][]): FastifyReply {
  const wantsJson =
    request.url.startsWith("/api/") ||
    request.url.startsWith("/open311/") ||
    (request.headers.accept ?? "").startsWith("application/json");
  if (wantsJson) return sendError(request, reply, "KS_BAD_REQUEST");
  const t = request.t;
  const referer = request.headers.referer
    ? (() => {
        try {
          return new URL(request.headers.referer).pathname;
        } catch {
          return "/";
        }
      })()
    : "/";
  const back = safeRedirectTarget(referer, "/");
  const written = texts.filter(([, t]) => withoutNul(t).trim() !== "");
  return sendPage(
    request,
    reply,
    {
      title: t("input.nul.title"),
      side: request.url.startsWith("/arbetsyta") && request.user ? "staff" : "public",
      status: 400,
      hasErrors: true,
    },
    () => (
      <div class="narrow-wide">
        <h1 safe>{t("input.nul.title")}</h1>
        <p safe>{t("input.nul.text")}</p>
        {written.map(([name, text], i) => (
          <div class="field">
            <label class="field__label" for={`skrivet-${i}`} safe>
              {t("input.nul.written", { name })}
            </label>
            <textarea class="field__textarea" id={`skrivet-${i}`} rows="6" readonly safe>
              {withoutNul(text)}
            </textarea>
          </div>
        ))}
        <p>
          <a href={back} safe>
            {t("input.nul.back")}
          </a>
        </p>
      </div>
    ),
  );
}

export function registerInputCheck(app: FastifyInstance): void {
  app.addHook("preValidation", async (request, reply) => {
    const found = { texts: [] as [string, string][], nul: false };
    inspect(request.query, found);
    inspect(request.params, found);
    inspect(request.body, found);
    if (request.url.includes("%00")) found.nul = true;
    if (found.nul) return answer(request, reply, found.texts);
    return undefined;
  });
}
