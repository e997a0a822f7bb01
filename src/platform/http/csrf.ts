/**
 * CSRF tokens bound to the sign-in: a token is made for one session (or for "not signed in")
 * and is refused in any other, so a token pair taken from another session is worthless. The
 * secret cookie is replaced at sign-in and sign-out, so tokens from before do not carry over.
 */
import { createHash } from "node:crypto";
import CsrfTokens from "@fastify/csrf";
import type { FastifyReply, FastifyRequest } from "fastify";

export const CSRF_COOKIE = "ks_csrf";

/** What a token is bound to: the session, or the visitor who is not signed in. */
export function csrfBinding(request: FastifyRequest): string {
  return request.user ? `session:${request.user.sessionId}` : "anonymous";
}

/** The key that binds tokens to sessions, derived from the server secret. */
export function csrfHmacKey(serverSecret: string): string {
  return createHash("sha256").update(`klarsvar-csrf:${serverSecret}`).digest("hex");
}

/** The token a form sends: a plain field, a multipart field, or the header scripts use. */
export function csrfTokenOf(request: FastifyRequest): string | undefined {
  const body: unknown = request.body;
  const field: unknown = body && typeof body === "object" && "_csrf" in body ? body._csrf : undefined;
  if (typeof field === "string") return field;
  if (field && typeof field === "object" && "value" in field && typeof field.value === "string") return field.value;
  const header = request.headers["x-csrf-token"];
  return typeof header === "string" ? header : undefined;
}

/** Checks a request's token the way the plugin does (for the upload guard, before files are read). */
export function csrfVerifier(serverSecret: string): (request: FastifyRequest) => boolean {
  // The typings pick the overload without userInfo; with `userInfo: true` verify takes it.
  const tokens = CsrfTokens({ userInfo: true, hmacKey: csrfHmacKey(serverSecret) }) as unknown as {
    verify(secret: string, token: string, userInfo: string): boolean;
  };
  return (request) => {
    const signed = request.cookies[CSRF_COOKIE];
    const secret = signed ? request.unsignCookie(signed) : undefined;
    const token = csrfTokenOf(request);
    return Boolean(secret?.valid && secret.value && token && tokens.verify(secret.value, token, csrfBinding(request)));
  };
}

/** A new CSRF secret after sign-in or sign-out: the next page makes one. */
export function rotateCsrf(reply: FastifyReply): void {
  reply.clearCookie(CSRF_COOKIE, { path: "/" });
}
