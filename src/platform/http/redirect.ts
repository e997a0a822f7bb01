/**
 * Where a "next" or "back" parameter may send a person: only to a page of ours. The target is
 * resolved with the URL parser against a stand-in origin and must stay on it; control
 * characters (a browser drops tab and newline, so "/\t/evil.example" becomes
 * "//evil.example"), backslashes and anything that resolves to "//host" are refused.
 */
const ORIGIN = "http://klarsvar.invalid";

export function safeRedirectTarget(value: unknown, fallback: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 500) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  if (!value.startsWith("/") || value.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(value, ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== ORIGIN) return fallback;
  const target = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" resolves to the path "//evil.example": a browser would leave the site.
  if (!target.startsWith("/") || target.startsWith("//")) return fallback;
  return target;
}
