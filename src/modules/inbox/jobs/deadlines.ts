/**
 * CheckDeadlines (every five minutes): a case whose answer time is less than an office hour
 * away gets a warning on the board; a case past its answer time is escalated to the managers
 * of its unit by e-mail (or to the communicators when it has no unit). Each happens once.
 */
import { escapeHtml } from "@kitajs/html";
import { sql } from "kysely";
import type { Config } from "../../../config.js";
import type { Db } from "../../../platform/db/database.js";
import type { JobDefinition, JobRunner } from "../../../platform/jobs/jobs.js";
import type { Mailer } from "../../../platform/mail/mailer.js";
import { formatMessage, type MessageParams } from "../../../platform/i18n/messages.js";
import { addOfficeMinutes } from "../../../platform/time/working-time.js";
import { messages, type InboxKey } from "../messages.js";

const WARN_BEFORE_OFFICE_MINUTES = 60;

/** The escalation mail speaks Swedish, as the staff's e-mail has always done. */
const sv = (key: InboxKey, params?: MessageParams): string => formatMessage(messages, "sv", key, params);

export async function checkDeadlines(
  db: Db,
  jobs: JobRunner,
  now = new Date(),
): Promise<{ warned: number; escalated: number }> {
  const warnLimit = addOfficeMinutes(now, WARN_BEFORE_OFFICE_MINUTES);
  return db.transaction().execute(async (trx) => {
    const warned = await trx
      .updateTable("cases")
      .set({ warned_at: now })
      .where("status", "in", ["new", "open"])
      .where("warned_at", "is", null)
      .where("first_answered_at", "is", null)
      .where("first_answer_due", "<=", warnLimit)
      .where("first_answer_due", ">", now)
      .returning(["id", "org_id"])
      .execute();
    for (const c of warned) {
      await trx
        .insertInto("case_events")
        .values({
          org_id: c.org_id,
          case_id: c.id,
          type: "sla-warning",
          details: JSON.stringify({ within: WARN_BEFORE_OFFICE_MINUTES }),
        })
        .execute();
    }
    const late = await trx
      .updateTable("cases")
      .set({ escalated_at: now, warned_at: sql`coalesce(warned_at, ${now})` })
      .where("status", "in", ["new", "open"])
      .where("escalated_at", "is", null)
      .where("first_answered_at", "is", null)
      .where("first_answer_due", "<=", now)
      .returning(["id", "org_id"])
      .execute();
    for (const c of late) {
      await trx
        .insertInto("case_events")
        .values({ org_id: c.org_id, case_id: c.id, type: "escalated", details: JSON.stringify({}) })
        .execute();
      await jobs.send("inbox.send-escalation", { caseId: c.id }, { idempotencyKey: `escalation:${c.id}`, within: trx });
    }
    return { warned: warned.length, escalated: late.length };
  });
}

export function deadlineJobs(db: Db, jobs: JobRunner, mailer: Mailer, config: Config): JobDefinition<never>[] {
  const check: JobDefinition<object> = {
    name: "inbox.check-deadlines",
    schedule: "*/5 * * * *",
    retryLimit: 2,
    handler: async () => {
      await checkDeadlines(db, jobs);
    },
  };
  const escalate: JobDefinition<{ caseId: string }> = {
    name: "inbox.send-escalation",
    retryLimit: 5,
    handler: async ({ caseId }) => {
      const c = await db
        .selectFrom("cases")
        .select(["id", "org_id", "number", "unit_id", "concern_report", "first_answer_due"])
        .where("id", "=", caseId)
        .executeTakeFirst();
      if (!c) return;
      let recipients = c.unit_id
        ? await db
            .selectFrom("staff_users as s")
            .innerJoin("unit_memberships as m", "m.user_id", "s.id")
            .select(["s.email"])
            .where("m.unit_id", "=", c.unit_id)
            .where("s.active", "=", true)
            .where(sql<boolean>`'manager' = any(s.roles)`)
            .execute()
        : [];
      if (recipients.length === 0) {
        recipients = await db
          .selectFrom("staff_users")
          .select(["email"])
          .where("org_id", "=", c.org_id)
          .where("active", "=", true)
          .where(sql<boolean>`'communicator' = any(roles)`)
          .execute();
      }
      const link = `${config.publicUrl}/arbetsyta/arenden/${c.id}`;
      const lines = [
        sv("email.late.text", { number: c.number, concern: c.concern_report ? "yes" : "no" }),
        sv("email.late.act", { link }),
      ];
      for (const r of recipients) {
        await mailer.send({
          to: r.email,
          subject: sv("email.late.subject", { number: c.number }),
          text: lines.join("\n\n"),
          html: `<!doctype html><html lang="sv"><body>${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join("")}</body></html>`,
          messageId: `<escalation-${c.id}-${Buffer.from(r.email).toString("hex").slice(0, 16)}@${config.mail.domain}>`,
        });
      }
    },
  };
  return [check, escalate];
}
