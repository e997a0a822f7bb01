/**
 * SendAcknowledgement and SendReply: outgoing e-mail for a case, as jobs with retries. The
 * subject carries the case number; Message-ID, In-Reply-To and References thread the mail;
 * the delivery status is written on the message.
 */
import type { Config } from "../../../config.js";
import type { Db } from "../../../platform/db/database.js";
import type { JobDefinition } from "../../../platform/jobs/jobs.js";
import { paragraphsHtml, permanentRejection } from "../../../platform/mail/compose.js";
import type { Mailer } from "../../../platform/mail/mailer.js";
import { sayDate } from "../../../platform/time/working-time.js";
import { formatMessage, type MessageParams } from "../../../platform/i18n/messages.js";
import { OUTGOING_MAIL } from "../audit-words.js";
import { recordUndelivered } from "../commands/handle.js";
import { ackMessageId, replyMessageId } from "../mail/message-ids.js";
import { messages, type InboxKey } from "../messages.js";
import { followTokenFor, replyAddressFor } from "../numbers.js";

const RETRIES = 5;

const mailActor = (orgId: string) => ({ orgId, userId: null, label: OUTGOING_MAIL });

/** The e-mails speak Swedish: we do not know the language of the person who wrote. */
const sv = (key: InboxKey, params?: MessageParams): string => formatMessage(messages, "sv", key, params);

export function inboxMailJobs(db: Db, mailer: Mailer, config: Config): JobDefinition<never>[] {
  const sendAcknowledgement: JobDefinition<{ caseId: string }> = {
    name: "inbox.send-acknowledgement",
    retryLimit: RETRIES,
    retryDelaySeconds: config.mail.retryDelaySeconds,
    // Every question is acknowledged at once, also in a burst (10,000 in a minute): many at a
    // time, side by side, over the mailer's pooled connections; each job fails alone.
    batchSize: 50,
    // Twice the mailer's default connections (SMTP_CONNECTIONS, 4): more here, or more
    // connections, starved the intake of CPU on a two-core machine that also ran the mail
    // server (docs/ARCHITECTURE.md, acknowledgements).
    concurrency: 8,
    pollingIntervalSeconds: 0.5,
    handler: async ({ caseId }) => {
      const c = await db
        .selectFrom("cases")
        .select(["id", "org_id", "number", "requester_email", "first_answer_due", "concern_report", "received_at"])
        .where("id", "=", caseId)
        .executeTakeFirst();
      if (!c?.requester_email) return;
      // A job may run twice (a retry after the mail went but before this was recorded).
      const already = await db
        .selectFrom("case_events")
        .select("id")
        .where("case_id", "=", caseId)
        .where("type", "=", "acknowledged")
        .executeTakeFirst();
      if (already) return;
      const first = await db
        .selectFrom("case_messages")
        .select(["external_id"])
        .where("case_id", "=", caseId)
        .where("direction", "=", "in")
        .orderBy("created_at")
        .executeTakeFirst();
      const link = `${config.publicUrl}/arende/${followTokenFor(config.sessionSecret, c.id)}`;
      const org = config.organisation;
      // A reporter of concern gets a receipt: when it came and where to turn, never an answer date or an outcome.
      const lines = c.concern_report
        ? [
            sv("email.hello"),
            sv("email.concern.received", { when: new Date(c.received_at), number: c.number }),
            sv("email.concern.assess"),
            sv("email.concern.more", { link }),
            sv("email.concern.urgent", { phone: org.outOfHoursPhone }),
            sv("email.emergency"),
            org.name,
          ]
        : [
            sv("email.hello"),
            sv("email.ack.thanks", { number: c.number }),
            c.first_answer_due
              ? sv("email.ack.due", { date: sayDate(new Date(c.first_answer_due)) })
              : sv("email.ack.soon"),
            sv("email.ack.follow", { link }),
            sv("email.ack.hours", { openingHours: org.openingHours, phone: org.outOfHoursPhone }),
            sv("email.emergency"),
            sv("email.ack.sensitive"),
            org.name,
          ];
      const mail = {
        to: c.requester_email,
        subject: sv(c.concern_report ? "email.ack.subject.concern" : "email.ack.subject", { number: c.number }),
        text: lines.join("\n\n"),
        html: paragraphsHtml(lines),
        messageId: ackMessageId(c.id, config.mail.domain),
        replyTo: replyAddressFor(config.mail.replyAddress, config.sessionSecret, c.id),
        inReplyTo: first?.external_id ?? undefined,
        references: first?.external_id ? [first.external_id] : undefined,
      };
      try {
        await mailer.send(mail);
      } catch (error) {
        const rejected = permanentRejection(error);
        if (!rejected) throw error;
        await recordUndelivered(
          { db },
          mailActor(c.org_id),
          { caseId },
          { diagnostic: rejected, recipient: c.requester_email },
        );
        return;
      }
      await db
        .insertInto("case_events")
        .values({ org_id: c.org_id, case_id: caseId, type: "acknowledged", details: JSON.stringify({ to: "e-post" }) })
        .execute();
    },
  };

  const sendReply: JobDefinition<{ messageId: string }> = {
    name: "inbox.send-reply",
    retryLimit: RETRIES,
    retryDelaySeconds: config.mail.retryDelaySeconds,
    handler: async ({ messageId }, job) => {
      const m = await db
        .selectFrom("case_messages as m")
        .innerJoin("cases as c", "c.id", "m.case_id")
        .select(["m.id", "m.body", "m.delivery_status", "c.id as case_id", "c.org_id", "c.number", "c.requester_email"])
        .where("m.id", "=", messageId)
        .executeTakeFirst();
      if (!m?.requester_email || m.delivery_status === "sent") return;
      // The whole thread, so the requester's mail program shows one conversation: their
      // messages, our acknowledgement and our earlier replies, oldest first.
      const earlier = await db
        .selectFrom("case_messages")
        .select(["external_id", "direction"])
        .where("case_id", "=", m.case_id)
        .where("id", "<>", m.id)
        .where("external_id", "is not", null)
        .where("direction", "in", ["in", "out"])
        .orderBy("created_at")
        .execute();
      const acknowledged = await db
        .selectFrom("case_events")
        .select("id")
        .where("case_id", "=", m.case_id)
        .where("type", "=", "acknowledged")
        .executeTakeFirst();
      const ids = earlier.map((e) => e.external_id as string);
      const refs = acknowledged
        ? [...ids.slice(0, 1), ackMessageId(m.case_id, config.mail.domain), ...ids.slice(1)]
        : ids;
      const lastIn = [...earlier].reverse().find((e) => e.direction === "in")?.external_id ?? undefined;
      const link = `${config.publicUrl}/arende/${followTokenFor(config.sessionSecret, m.case_id)}`;
      const lines = [m.body, sv("email.reply.more", { link }), config.organisation.name];
      try {
        await mailer.send({
          to: m.requester_email,
          // The case number and a neutral title: never the person's own words (e-mail subjects are read everywhere).
          subject: sv("email.reply.subject", { org: config.organisation.name, number: m.number }),
          text: lines.join("\n\n"),
          html: paragraphsHtml(lines),
          messageId: replyMessageId(m.id, config.mail.domain),
          replyTo: replyAddressFor(config.mail.replyAddress, config.sessionSecret, m.case_id),
          inReplyTo: lastIn ?? refs[refs.length - 1],
          references: refs,
        });
      } catch (error) {
        const rejected = permanentRejection(error);
        if (rejected) {
          await recordUndelivered(
            { db },
            mailActor(m.org_id),
            { messageId },
            { diagnostic: rejected, recipient: m.requester_email },
          );
          return;
        }
        if (job.retryCount >= RETRIES)
          await db
            .updateTable("case_messages")
            .set({ delivery_status: "failed" })
            .where("id", "=", messageId)
            .execute();
        throw error;
      }
      await db
        .updateTable("case_messages")
        .set({ delivery_status: "sent", external_id: replyMessageId(m.id, config.mail.domain) })
        .where("id", "=", messageId)
        .execute();
    },
  };
  const sendMention: JobDefinition<{ messageId: string; to: string }> = {
    name: "inbox.send-mention",
    retryLimit: RETRIES,
    retryDelaySeconds: config.mail.retryDelaySeconds,
    handler: async ({ messageId, to }) => {
      const m = await db
        .selectFrom("case_messages as m")
        .innerJoin("cases as c", "c.id", "m.case_id")
        .leftJoin("staff_users as s", "s.id", "m.author_id")
        .select(["c.id as case_id", "c.number", "c.secret", "s.name as author"])
        .where("m.id", "=", messageId)
        .executeTakeFirst();
      if (!m) return;
      // The note itself stays in Klarsvar: e-mail is not a safe channel for case details.
      const lines = [
        sv("email.mention.text", { author: m.author ?? sv("email.mention.colleague"), number: m.number }),
        sv("email.mention.read", { link: `${config.publicUrl}/arbetsyta/arenden/${m.case_id}` }),
      ];
      await mailer.send({
        to,
        subject: sv("email.mention.subject", { number: m.number }),
        text: lines.join("\n\n"),
        html: paragraphsHtml(lines),
        messageId: `<mention-${messageId}-${Buffer.from(to).toString("hex").slice(0, 16)}@${config.mail.domain}>`,
      });
    },
  };
  return [sendAcknowledgement, sendReply, sendMention];
}
