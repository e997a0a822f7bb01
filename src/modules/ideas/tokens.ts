/**
 * Links in e-mail: the submitter's page, a follower's confirmation and unsubscribe. Each token
 * is the record's id and an HMAC of it with the server secret, so nothing secret is stored and
 * the jobs can derive the link again. Changing SESSION_SECRET breaks old links.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

type Purpose = "idea" | "follower" | "follower-all";

function mac(secret: string, purpose: Purpose, id: string): string {
  return createHmac("sha256", secret).update(`klarsvar-${purpose}:${id}`).digest("base64url").slice(0, 24);
}

export function tokenFor(secret: string, purpose: Purpose, id: string): string {
  return `${id}.${mac(secret, purpose, id)}`;
}

/** The id in a token, or undefined when the token is malformed or not ours. */
export function idFromToken(secret: string, purpose: Purpose, token: string): string | undefined {
  const m = /^([0-9a-f-]{36})\.([\w-]{24})$/.exec(token);
  if (!m) return undefined;
  const [, id, given] = m as unknown as [string, string, string];
  const expected = Buffer.from(mac(secret, purpose, id));
  const got = Buffer.from(given);
  return expected.length === got.length && timingSafeEqual(expected, got) ? id : undefined;
}

/** An anonymous employee's key: their own pages and mail find them; the table does not name them. */
export function submitterKeyFor(secret: string, userId: string): string {
  return createHmac("sha256", secret).update(`klarsvar-idea-submitter:${userId}`).digest("hex").slice(0, 40);
}
