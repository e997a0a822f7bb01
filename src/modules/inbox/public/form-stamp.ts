/**
 * Spam protection without tracking: the form carries a signed time stamp. A form sent back
 * within a few seconds (a bot) or after a day (stale) is refused. Nothing about the visitor
 * is stored.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

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
