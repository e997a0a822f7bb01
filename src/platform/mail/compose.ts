/** Small pieces every module's outgoing mail shares: the HTML part from paragraphs, and telling a refusal from a failure. */
import { escapeHtml } from "@kitajs/html";
import type { Mailer, OutgoingMail } from "./mailer.js";

/** The HTML alternative of a plain-text mail: one escaped paragraph each, line breaks kept. */
export function paragraphsHtml(paragraphs: readonly string[]): string {
  return `<!doctype html><html lang="sv"><body>${paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`).join("")}</body></html>`;
}

/** A 5xx answer from the SMTP server (no such mailbox…): trying again will not help. Its text, or undefined. */
export function permanentRejection(error: unknown): string | undefined {
  const e = error as { responseCode?: number; response?: string };
  return typeof e.responseCode === "number" && e.responseCode >= 500 && e.responseCode < 600
    ? (e.response ?? String(e.responseCode))
    : undefined;
}

/**
 * Sends; a permanent refusal is returned as its text (the caller records it), anything else
 * is thrown so the job runner tries again.
 */
export async function sendOrRefusal(mailer: Mailer, mail: OutgoingMail): Promise<string | null> {
  try {
    await mailer.send(mail);
    return null;
  } catch (error) {
    const rejected = permanentRejection(error);
    if (rejected) return rejected;
    throw error;
  }
}

/** Headers that let a mail program offer "unsubscribe" and do it with one POST (RFC 2369, RFC 8058). */
export function oneClickUnsubscribe(url: string): Record<string, string> {
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}
