/**
 * Outgoing e-mail through nodemailer. With SMTP_URL set, mail goes to that SMTP server;
 * without it (development and demo), each message is written as an .eml file to the outbox
 * folder so nothing is sent by accident and everything can be read.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { isEmailAddress } from "../text.js";

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** Our own Message-ID, so replies can be threaded back to the case. */
  readonly messageId: string;
  readonly inReplyTo?: string | undefined;
  readonly references?: readonly string[] | undefined;
  readonly replyTo?: string | undefined;
  readonly attachments?:
    readonly { readonly filename: string; readonly content: Buffer; readonly contentType: string }[] | undefined;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) on mail to followers. */
  readonly headers?: Readonly<Record<string, string>> | undefined;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<{ messageId: string; accepted: boolean }>;
  close(): void;
}

export interface MailSettings {
  readonly smtpUrl: string | undefined;
  /**
   * Pooled connections (SMTP_CONNECTIONS, default 4). A mail server spends most of a message's
   * time writing it to its queue, so more connections carry a burst faster when the relay is
   * another machine; on one two-core machine with Postfix beside the app, 16 sped PGlite's
   * acknowledgements up (187 → 163 s for 10,000) but starved PostgreSQL's intake (arrival 60 →
   * 130 s), so the default stays 4.
   */
  readonly smtpConnections?: number;
  readonly from: string;
  /** Where .eml files go when there is no SMTP server. */
  readonly outboxDir: string;
}

/** A recipient that is not one plain address: refused before anything is sent (permanently, never retried into a list). */
export class InvalidRecipientError extends Error {
  override name = "InvalidRecipientError";
  /** Read by `permanentRejection` like an SMTP 5xx. */
  readonly responseCode = 553;
  readonly response = "553 Mottagaren är inte en enda giltig e-postadress";
  constructor(to: string) {
    super(`Not one e-mail address: ${JSON.stringify(to.slice(0, 80))}`);
  }
}

export function createMailer(settings: MailSettings): Mailer {
  const transport: Transporter = settings.smtpUrl
    ? // Pooled: a burst of acknowledgements reuses a few connections instead of one per mail.
      nodemailer.createTransport({
        url: settings.smtpUrl,
        pool: true,
        maxConnections: settings.smtpConnections ?? 4,
        maxMessages: 500,
      })
    : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(mail) {
      // Exactly one recipient, never a list or a header smuggled in through a stored address.
      if (!isEmailAddress(mail.to)) throw new InvalidRecipientError(mail.to);
      const info = await transport.sendMail({
        from: settings.from,
        to: mail.to,
        // eslint-disable-next-line no-control-regex
        subject: mail.subject.replace(/[\u0000-\u001f\u007f]+/g, " "),
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
        ...(mail.references?.length ? { references: [...mail.references] } : {}),
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
        ...(mail.headers ? { headers: { ...mail.headers } } : {}),
        ...(mail.attachments?.length
          ? {
              attachments: mail.attachments.map((a) => ({
                filename: a.filename,
                content: a.content,
                contentType: a.contentType,
              })),
            }
          : {}),
      });
      if (!settings.smtpUrl) {
        await mkdir(settings.outboxDir, { recursive: true });
        const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${mail.messageId.replace(/[^\w.-]/g, "_")}.eml`;
        await writeFile(join(settings.outboxDir, name), (info as unknown as { message: Buffer }).message);
      }
      return { messageId: mail.messageId, accepted: (info.rejected ?? []).length === 0 };
    },
    close: () => transport.close(),
  };
}
