/**
 * Links in e-mail that act for a person without an account (confirm, follow, unsubscribe,
 * answer an invitation): the record's id and an HMAC of it with the server secret and the
 * link's purpose. Nothing secret is stored and jobs can derive the link again; changing
 * SESSION_SECRET breaks old links.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

function mac(secret: string, purpose: string, id: string): string {
  return createHmac("sha256", secret).update(`klarsvar-${purpose}:${id}`).digest("base64url").slice(0, 24);
}

export function signedToken(secret: string, purpose: string, id: string): string {
  return `${id}.${mac(secret, purpose, id)}`;
}

/** The id in a token, or undefined when the token is malformed or not ours for this purpose. */
export function idFromSignedToken(secret: string, purpose: string, token: string): string | undefined {
  const m = /^([0-9a-f-]{36})\.([\w-]{24})$/.exec(token);
  if (!m) return undefined;
  const [, id, given] = m as unknown as [string, string, string];
  const expected = Buffer.from(mac(secret, purpose, id));
  const got = Buffer.from(given);
  return expected.length === got.length && timingSafeEqual(expected, got) ? id : undefined;
}
