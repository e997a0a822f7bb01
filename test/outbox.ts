/** Mail written to the outbox folder (no SMTP server in these tests): read it, or wait for it. */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

export async function mailsContaining(outbox: string, text: string): Promise<string[]> {
  const found: string[] = [];
  for (const f of await readdir(outbox).catch(() => [])) {
    const mail = await readFile(join(outbox, f), "utf8");
    if (mail.includes(text)) found.push(mail);
  }
  return found;
}

/** The first mail that contains `text`, waiting for the job that sends it (up to ten seconds). */
export async function waitForMail(outbox: string, text: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const [mail] = await mailsContaining(outbox, text);
    if (mail) return mail;
    await new Promise((r) => setTimeout(r, 100));
  }
  return "";
}

export interface ParsedMail {
  readonly file: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly messageId: string;
  /** The message as written, header lines unfolded (RFC 5322), for asserting on headers. */
  readonly raw: string;
  readonly attachments: readonly { readonly filename?: string | undefined; readonly content: Buffer }[];
}

/** Every mail in the outbox, parsed with mailparser, oldest first. */
export async function parsedMails(outbox: string): Promise<ParsedMail[]> {
  const { simpleParser } = await import("mailparser");
  const out: ParsedMail[] = [];
  for (const f of (await readdir(outbox).catch(() => [])).sort()) {
    const bytes = await readFile(join(outbox, f));
    const m = await simpleParser(bytes);
    out.push({
      file: f,
      to: (Array.isArray(m.to) ? m.to[0] : m.to)?.text ?? "",
      subject: m.subject ?? "",
      text: m.text ?? "",
      messageId: m.messageId ?? "",
      raw: bytes
        .toString("utf8")
        .replace(/\r\n/g, "\n")
        .replace(/\n[ \t]+/g, " "),
      attachments: m.attachments,
    });
  }
  return out;
}

/** Waits for `what` to give something (a job to finish its work), up to `ms`. */
export async function until<T>(what: () => Promise<T | undefined | false>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (v) return v;
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}
