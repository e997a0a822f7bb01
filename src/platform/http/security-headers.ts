/**
 * Helmet's security headers (CSP, frame, referrer, HSTS …), worked out once at start-up.
 * @fastify/helmet builds a new helmet middleware on every request — it parses the CSP
 * directives each time — which cost more than serving a cached page. The headers do not
 * depend on the request, so we ask helmet once and set the same headers on every reply.
 */
import helmet, { type HelmetOptions } from "helmet";

export function securityHeaders(options: Readonly<HelmetOptions>): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failed: unknown;
  helmet(options)({} as never, recorder as never, (error?: unknown) => {
    failed = error;
  });
  if (failed) throw failed instanceof Error ? failed : new Error(String(failed));
  return headers;
}
