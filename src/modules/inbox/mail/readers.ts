/**
 * One IMAP reader per shared mailbox (IMAP_MAILBOXES), storing what it fetches through
 * receiveMails and reporting its state to mailbox_status, which the administrators' page
 * shows ("IMAP down since 10:42, retrying in 2 min").
 */
import type { BackgroundService, ModuleContext } from "../../../app/module.js";
import { formatMessage } from "../../../platform/i18n/messages.js";
import { ImapReader, type ReaderState } from "../../../platform/mail/imap-reader.js";
import type { InboxDeps } from "../commands/receive.js";
import { messages } from "../messages.js";
import { receiveMails } from "./intake.js";

export function mailboxReaders(ctx: ModuleContext, deps: InboxDeps): BackgroundService[] {
  const { config, database, org } = ctx;
  return config.mail.imapMailboxes.map((mailbox) => {
    const report = async (s: ReaderState) => {
      const now = new Date();
      const base = { org_id: org.id, mailbox: mailbox.label, updated_at: now };
      const row =
        s.state === "connected"
          ? { ...base, state: "connected" as const, failures: 0 }
          : s.state === "batch"
            ? { ...base, state: "connected" as const, failures: 0, last_batch_at: now }
            : s.state === "error"
              ? {
                  ...base,
                  state: "error" as const,
                  failures: s.failures,
                  last_error: formatMessage(messages, "sv", "mail.retryIn", {
                    error: s.error,
                    seconds: Math.round(s.retryInMs / 1000),
                  }),
                  last_error_at: now,
                }
              : { ...base, state: "stopped" as const };
      const received = s.state === "batch" ? s.count : 0;
      await database.db
        .insertInto("mailbox_status")
        .values({ ...row, received: String(received) })
        .onConflict((oc) =>
          oc.columns(["org_id", "mailbox"]).doUpdateSet((eb) => ({
            ...row,
            received: eb("mailbox_status.received", "+", String(received)),
          })),
        )
        .execute();
      if (s.state === "error")
        console.error(
          JSON.stringify({
            level: "error",
            msg: "IMAP mailbox unavailable",
            mailbox: mailbox.label,
            err: s.error,
            failures: s.failures,
            retryInMs: s.retryInMs,
          }),
        );
    };
    const reader = new ImapReader({
      mailbox,
      batchSize: 100,
      maxMessageBytes: config.mail.maxMessageBytes,
      pollMs: config.mail.imapPollSeconds * 1000,
      onBatch: async (mails) => {
        await receiveMails(
          deps,
          {
            orgId: org.id,
            domain: config.mail.domain,
            mailbox: mailbox.label,
            maxAttachmentBytes: config.upload.limitBytes,
          },
          mails,
        );
      },
      onState: report,
    });
    return { name: `imap:${mailbox.label}`, start: () => reader.start(), stop: () => reader.stop() };
  });
}
