/**
 * Review reminders: every weekday morning, each service page whose review date has passed
 * gets one reminder to the person responsible for it — one per review period (the job's
 * idempotency key is the page and the day it was last reviewed), never one a day.
 * Nightly, the search word list is rebuilt so words no page uses any more are dropped.
 */
import type { Config } from "../../../config.js";
import type { Db } from "../../../platform/db/database.js";
import type { JobDefinition, JobRunner } from "../../../platform/jobs/jobs.js";
import type { Mailer } from "../../../platform/mail/mailer.js";
import { sayer } from "../../../platform/i18n/messages.js";
import { messages } from "../messages.js";
import { reviewsDue } from "../queries.js";
import { rebuildTerms } from "../search.js";

interface Reminder {
  readonly serviceId: string;
  readonly to: string;
}

export async function queueReviewReminders(db: Db, jobs: JobRunner, orgId: string): Promise<number> {
  const due = await reviewsDue(db, orgId);
  let queued = 0;
  for (const s of due) {
    if (!s.responsible_email) continue;
    const key = `${s.id}:${new Date(s.last_reviewed_at).toISOString()}`;
    await jobs.send<Reminder>(
      "catalogue.send-review-reminder",
      { serviceId: s.id, to: s.responsible_email },
      { idempotencyKey: key },
    );
    queued++;
  }
  return queued;
}

export function reviewJobs(
  db: Db,
  jobs: JobRunner,
  mailer: Mailer,
  config: Config,
  orgId: string,
): JobDefinition<never>[] {
  const check: JobDefinition<object> = {
    name: "catalogue.check-reviews",
    schedule: "0 7 * * 1-5",
    handler: async () => {
      await queueReviewReminders(db, jobs, orgId);
    },
  };
  const send: JobDefinition<Reminder> = {
    name: "catalogue.send-review-reminder",
    retryLimit: 5,
    retryDelaySeconds: config.mail.retryDelaySeconds,
    retryBackoff: true,
    handler: async ({ serviceId, to }) => {
      const s = await db
        .selectFrom("catalogue_services")
        .select(["id", "name", "last_reviewed_at", "review_months"])
        .where("id", "=", serviceId)
        .executeTakeFirst();
      if (!s) return;
      const since = new Date(s.last_reviewed_at).toISOString().slice(0, 10);
      // Staff mail is in Swedish: a person has no language of their own yet.
      const say = sayer(messages, "sv");
      const lines = [
        say("mail.review.due", { name: s.name, since: new Date(s.last_reviewed_at), months: s.review_months }),
        say("mail.review.action"),
        `${config.publicUrl}/arbetsyta/stod/${s.id}`,
      ];
      await mailer.send({
        to,
        subject: say("mail.review.subject", { name: s.name }),
        text: lines.join("\n\n"),
        html: lines.map((l) => `<p>${l.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`).join(""),
        messageId: `<review-${s.id}-${since}@${config.mail.domain}>`,
      });
    },
  };
  const rebuild: JobDefinition<object> = {
    name: "catalogue.rebuild-search-words",
    schedule: "15 3 * * *",
    handler: async () => {
      await rebuildTerms(db, orgId);
    },
  };
  return [check, send, rebuild];
}
