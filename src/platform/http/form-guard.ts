/**
 * The guard every public form that creates something shares — no account, no tracking:
 * - a honeypot field people never see (bots fill it in);
 * - a signed time stamp: a form sent back within a few seconds (a bot) or after a day (stale)
 *   is refused; nothing about the visitor is stored;
 * - a rate limit per address (`FORM_RATE_LIMIT_PER_MINUTE`).
 * A route asks for it with `config: { ...guardedForm(config) }`; the plugin (`registerFormGuard`)
 * checks the body before the handler runs and leaves the verdict in `request.formGuard`, so the
 * handler can show the form again with the person's text and a plain message — nothing lost.
 */
import { messageText } from "../i18n/i18n.js";
import { createHmac, timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";

/** Seconds a person takes at least; a day at most. */
const MIN_SECONDS = 3;
const MAX_SECONDS = 24 * 3600;
export const HONEYPOT_FIELD = "webbplats";
export const STAMP_FIELD = "stamp";

function sign(secret: string, ts: string): string {
  return createHmac("sha256", secret).update(`form:${ts}`).digest("base64url").slice(0, 22);
}

export function formStamp(secret: string, now = Date.now()): string {
  const ts = String(Math.floor(now / 1000));
  return `${ts}.${sign(secret, ts)}`;
}

/** Seconds since the form was shown, or null when the stamp is missing or forged. */
export function stampAgeSeconds(secret: string, value: string, now = Date.now()): number | null {
  const [ts = "", mac = ""] = value.split(".");
  if (!/^\d{1,12}$/.test(ts)) return null;
  const expected = sign(secret, ts);
  if (mac.length !== expected.length || !timingSafeEqual(Buffer.from(mac), Buffer.from(expected))) return null;
  return Math.floor(now / 1000) - Number(ts);
}

/** What the guard found: "too-fast" (a bot, or a person in a great hurry) or "expired" (or forged). */
export type FormGuardVerdict = "too-fast" | "expired" | null;

export function judgeForm(
  secret: string,
  fields: { stamp: string; honeypot: string },
  now = Date.now(),
): FormGuardVerdict {
  const age = stampAgeSeconds(secret, fields.stamp, now);
  if (fields.honeypot !== "" || (age !== null && age < MIN_SECONDS)) return "too-fast";
  if (age === null || age > MAX_SECONDS) return "expired";
  return null;
}

/** What the person is told, by verdict and language. */
export const FORM_GUARD_MESSAGES: Record<"too-fast" | "expired", { sv: string; en: string }> = {
  "too-fast": { sv: messageText("sv", "formGuard.tooFast"), en: messageText("en", "formGuard.tooFast") },
  expired: { sv: messageText("sv", "formGuard.expired"), en: messageText("en", "formGuard.expired") },
};

/** Route config for a guarded public form: the guard and its rate limit. */
export function guardedForm(config: { readonly formRateLimitPerMinute: number }): {
  formGuard: true;
  rateLimit: { max: number; timeWindow: number };
} {
  return { formGuard: true, rateLimit: { max: config.formRateLimitPerMinute, timeWindow: 60_000 } };
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** A public form that creates something: honeypot, time stamp and rate limit (see form-guard.ts). */
    formGuard?: boolean;
  }
  interface FastifyRequest {
    /** The form guard's verdict for routes that ask for it; null when the form is fine. */
    formGuard: FormGuardVerdict;
  }
}

/** A form field as a string, whether the body is a plain form or multipart. */
function fieldOf(body: unknown, name: string): string {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  const one = Array.isArray(v) ? v[0] : v;
  if (typeof one === "string") return one;
  if (one && typeof one === "object" && "value" in one && typeof one.value === "string") return one.value;
  return "";
}

export function registerFormGuard(app: FastifyInstance, secret: string): void {
  app.decorateRequest("formGuard", null);
  app.addHook("preHandler", async (request) => {
    if (!request.routeOptions.config.formGuard) return;
    request.formGuard = judgeForm(secret, {
      stamp: fieldOf(request.body, STAMP_FIELD),
      honeypot: fieldOf(request.body, HONEYPOT_FIELD),
    });
  });
}
