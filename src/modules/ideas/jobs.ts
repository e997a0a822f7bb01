/**
 * Mail about ideas, every one a job with retries. A notification row is sent at most once: the
 * job checks its status first and marks it after the SMTP server accepted it; its Message-ID is
 * fixed, so in the rare retry after a crash between the two, mail clients see the same message.
 * A follower who unsubscribed is skipped at send time, whatever was queued.
 */
import { sql } from "kysely";
import { audit } from "../../platform/audit/audit.js";
import type { Config } from "../../config.js";
import type { Db } from "../../platform/db/database.js";
import type { JobDefinition, JobRunner } from "../../platform/jobs/jobs.js";
import { oneClickUnsubscribe, paragraphsHtml, sendOrRefusal as send } from "../../platform/mail/compose.js";
import type { Mailer } from "../../platform/mail/mailer.js";
import { sayDate } from "../../platform/time/working-time.js";
import { sayer } from "../../platform/i18n/messages.js";
import { messages } from "./messages.js";
import { ACTOR_LABEL, NO_ADDRESS_NOTE, UNSUBSCRIBED_NOTE } from "./record-words.js";
import { submitterKeyFor, tokenFor } from "./tokens.js";

const RETRIES = 5;
/** Mail about ideas is in Swedish: nobody has told us another language for an address. */
const say = sayer(messages, "sv");

export function ideaJobs(db: Db, mailer: Mailer, config: Config, jobs: JobRunner): JobDefinition<never>[] {
  const base = config.publicUrl;
  /** Every mail job: five tries, the first after the configured wait, doubling. */
  const retries = {
    retryLimit: RETRIES,
    retryDelaySeconds: config.mail.retryDelaySeconds,
    retryBackoff: true,
  } as const;
  const domain = config.mail.domain;
  const SIGNATURE = config.organisation.name;

  /** Where the submitter is reached: their e-mail, their staff account, or (anonymous) the account whose key matches. */
  async function submitterAddress(idea: {
    submitter_email: string | null;
    submitter_user_id: string | null;
    submitter_key: string | null;
  }): Promise<string | undefined> {
    if (idea.submitter_email) return idea.submitter_email;
    if (idea.submitter_user_id)
      return (
        await db
          .selectFrom("staff_users")
          .select("email")
          .where("id", "=", idea.submitter_user_id)
          .where("active", "=", true)
          .executeTakeFirst()
      )?.email;
    if (idea.submitter_key) {
      const users = await db.selectFrom("staff_users").select(["id", "email"]).where("active", "=", true).execute();
      return users.find((u) => submitterKeyFor(config.sessionSecret, u.id) === idea.submitter_key)?.email;
    }
    return undefined;
  }

  /** The submitter's own page: the secret link for residents, the workspace for employees. */
  const submitterLink = (idea: { id: string; source: string }) =>
    idea.source === "resident"
      ? `${base}/forslag/mitt/${tokenFor(config.sessionSecret, "idea", idea.id)}`
      : `${base}/arbetsyta/forslag/${idea.id}`;

  const unsubscribeLink = (followerId: string, all = false) =>
    all
      ? `${base}/forslag/sluta-folja/${tokenFor(config.sessionSecret, "follower-all", followerId)}`
      : `${base}/forslag/sluta-folja/${tokenFor(config.sessionSecret, "follower", followerId)}`;

  /** What a step says, in the submitter's or a follower's mail. */
  async function stepText(updateId: string): Promise<{ lines: string[]; subject: string } | undefined> {
    const u = await db
      .selectFrom("idea_updates as u")
      .innerJoin("ideas as i", "i.id", "u.idea_id")
      .leftJoin("idea_states as s", "s.id", "u.state_id")
      .select([
        "u.kind",
        "u.answer",
        "u.reason",
        "u.decided_by",
        "u.created_at",
        "i.title",
        "i.number",
        "s.name_sv as state",
      ])
      .where("u.id", "=", updateId)
      .executeTakeFirst();
    if (!u) return undefined;
    const idea = { title: u.title, number: u.number };
    const state = u.state ?? "";
    switch (u.kind) {
      case "state":
        return {
          subject: say("mail.state.subject", { number: u.number, state }),
          lines: [
            say("mail.state.text", { ...idea, state }),
            u.answer,
            u.decided_by
              ? say("mail.state.decidedBy", { name: u.decided_by, date: sayDate(new Date(u.created_at)) })
              : say("mail.state.date", { date: sayDate(new Date(u.created_at)) }),
          ],
        };
      case "held":
        return {
          subject: say("mail.held.subject", { number: u.number }),
          lines: [say("mail.held.text", idea), u.reason, say("mail.held.onwards")],
        };
      case "cleared":
        return {
          subject: say("mail.cleared.subject", { number: u.number }),
          lines: [say("mail.cleared.text", idea), u.reason],
        };
      case "rejected":
        return {
          subject: say("mail.rejected.subject", { number: u.number }),
          lines: [
            say("mail.rejected.text", idea),
            say("mail.rejected.reason", { reason: u.reason }),
            say("mail.rejected.questions"),
          ],
        };
      default:
        return {
          subject: say("mail.other.subject", { number: u.number }),
          lines: [say("mail.other.text", idea), u.answer],
        };
    }
  }

  const notify: JobDefinition<{ notificationId: string }> = {
    name: "ideas.notify",
    ...retries,
    handler: async ({ notificationId }) => {
      const n = await db
        .selectFrom("idea_notifications as n")
        .innerJoin("ideas as i", "i.id", "n.idea_id")
        .leftJoin("idea_followers as f", "f.id", "n.follower_id")
        .select([
          "n.id",
          "n.status",
          "n.delivery",
          "n.recipient",
          "n.update_id",
          "n.follower_id",
          "n.email",
          "i.id as idea_id",
          "i.source",
          "i.number",
          "i.status as idea_status",
          "i.audience",
          "i.submitter_email",
          "i.submitter_user_id",
          "i.submitter_key",
          "f.confirmed_at",
          "f.unsubscribed_at",
        ])
        .where("n.id", "=", notificationId)
        .executeTakeFirst();
      // Sent already (a retry, a second job), or waiting for the daily digest: nothing to do.
      if (!n || n.status !== "pending" || n.delivery !== "immediate") return;
      if (n.recipient === "follower" && (!n.confirmed_at || n.unsubscribed_at)) {
        await db
          .updateTable("idea_notifications")
          .set({ status: "skipped", last_error: UNSUBSCRIBED_NOTE })
          .where("id", "=", n.id)
          .execute();
        return;
      }
      const to = n.recipient === "submitter" ? await submitterAddress(n) : n.email;
      const text = await stepText(n.update_id);
      if (!to || !text) {
        await db
          .updateTable("idea_notifications")
          .set({ status: "skipped", last_error: NO_ADDRESS_NOTE })
          .where("id", "=", n.id)
          .execute();
        return;
      }
      const publicPage =
        n.audience === "public" && n.idea_status === "open" ? `${base}/forslag/${n.number}` : undefined;
      const lines = [
        say("mail.hello"),
        ...text.lines.filter(Boolean),
        n.recipient === "submitter"
          ? say("mail.history", { link: submitterLink({ id: n.idea_id, source: n.source }) })
          : say("mail.readMore", { link: publicPage ?? `${base}/forslag` }),
        ...(n.recipient === "follower" && n.follower_id
          ? [say("mail.followerFooter", { link: unsubscribeLink(n.follower_id) })]
          : []),
        SIGNATURE,
      ];
      try {
        const refused = await send(mailer, {
          to,
          subject: text.subject,
          text: lines.join("\n\n"),
          html: paragraphsHtml(lines),
          messageId: `<idea-notification-${n.id}@${domain}>`,
          ...(n.recipient === "follower" && n.follower_id
            ? { headers: oneClickUnsubscribe(unsubscribeLink(n.follower_id)) }
            : {}),
        });
        if (refused) {
          await db
            .updateTable("idea_notifications")
            .set({ status: "failed", last_error: refused.slice(0, 500), attempts: sql`attempts + 1` })
            .where("id", "=", n.id)
            .execute();
          return;
        }
      } catch (error) {
        // Shown to staff on the idea while pg-boss tries again.
        await db
          .updateTable("idea_notifications")
          .set({ last_error: String((error as Error).message ?? error).slice(0, 500), attempts: sql`attempts + 1` })
          .where("id", "=", n.id)
          .execute();
        throw error;
      }
      await db
        .updateTable("idea_notifications")
        .set({ status: "sent", sent_at: new Date(), attempts: sql`attempts + 1`, last_error: null })
        .where("id", "=", n.id)
        .where("status", "=", "pending")
        .execute();
    },
  };

  const sendConfirmation: JobDefinition<{ ideaId: string }> = {
    name: "ideas.send-confirmation",
    ...retries,
    handler: async ({ ideaId }) => {
      const i = await db
        .selectFrom("ideas")
        .select(["id", "number", "title", "submitter_email", "status"])
        .where("id", "=", ideaId)
        .executeTakeFirst();
      if (!i?.submitter_email || i.status !== "unconfirmed") return;
      const link = `${base}/forslag/mitt/${tokenFor(config.sessionSecret, "idea", i.id)}`;
      const lines = [
        say("mail.hello"),
        say("mail.confirm.thanks", { title: i.title, number: i.number }),
        say("mail.confirm.link", { link }),
        say("mail.confirm.follow"),
        say("mail.confirm.notYou"),
        SIGNATURE,
      ];
      const refused = await send(mailer, {
        to: i.submitter_email,
        subject: say("mail.confirm.subject", { number: i.number }),
        text: lines.join("\n\n"),
        html: paragraphsHtml(lines),
        messageId: `<idea-confirm-${i.id}@${domain}>`,
      });
      // The idea stays unconfirmed; the refusal is in the audit log for whoever asks after it.
      if (refused)
        await audit(
          db,
          { orgId: null, userId: null, label: ACTOR_LABEL.outgoingMail },
          {
            action: "idea.confirmation-undelivered",
            subjectType: "idea",
            subjectId: i.id,
            details: { reason: refused.slice(0, 300) },
          },
        );
    },
  };

  const sendFollowConfirmation: JobDefinition<{ followerId: string }> = {
    name: "ideas.send-follow-confirmation",
    ...retries,
    handler: async ({ followerId }) => {
      const f = await db
        .selectFrom("idea_followers as f")
        .innerJoin("ideas as i", "i.id", "f.idea_id")
        .select(["f.id", "f.email", "f.confirmed_at", "f.unsubscribed_at", "f.frequency", "i.number", "i.title"])
        .where("f.id", "=", followerId)
        .executeTakeFirst();
      if (!f || f.confirmed_at || f.unsubscribed_at) return;
      const link = `${base}/forslag/folj/${tokenFor(config.sessionSecret, "follower", f.id)}`;
      const lines = [
        say("mail.hello"),
        say("mail.follow.someone", { title: f.title, number: f.number }),
        say("mail.follow.link", { link }),
        say(f.frequency === "daily" ? "mail.follow.daily" : "mail.follow.immediate"),
        say("mail.follow.ignore"),
        SIGNATURE,
      ];
      await send(mailer, {
        to: f.email,
        subject: say("mail.follow.subject", { number: f.number }),
        text: lines.join("\n\n"),
        html: paragraphsHtml(lines),
        messageId: `<idea-follow-${f.id}-${Date.now()}@${domain}>`,
      });
    },
  };

  /** Every morning: one job per address with steps waiting for its daily digest. */
  const queueDigests: JobDefinition<Record<string, never>> = {
    name: "ideas.queue-digests",
    schedule: "0 7 * * *",
    handler: async () => {
      const day = new Date().toISOString().slice(0, 10);
      const rows = await db
        .selectFrom("idea_notifications as n")
        .innerJoin("idea_followers as f", "f.id", "n.follower_id")
        .select(["n.org_id", sql<string>`lower(f.email)`.as("email")])
        .distinct()
        .where("n.delivery", "=", "daily")
        .where("n.status", "=", "pending")
        .where("f.unsubscribed_at", "is", null)
        .execute();
      for (const r of rows)
        await jobs.send(
          "ideas.send-digest",
          { orgId: r.org_id, email: r.email, day },
          { idempotencyKey: `${r.org_id}:${r.email}:${day}` },
        );
    },
  };

  const sendDigest: JobDefinition<{ orgId: string; email: string; day: string }> = {
    name: "ideas.send-digest",
    ...retries,
    handler: async ({ orgId, email, day }) => {
      const rows = await db
        .selectFrom("idea_notifications as n")
        .innerJoin("idea_followers as f", "f.id", "n.follower_id")
        .innerJoin("ideas as i", "i.id", "n.idea_id")
        .select(["n.id", "n.update_id", "n.follower_id", "i.number", "i.title", "n.created_at"])
        .where("n.org_id", "=", orgId)
        .where(sql<string>`lower(f.email)`, "=", email)
        .where("n.delivery", "=", "daily")
        .where("n.status", "=", "pending")
        .where("f.unsubscribed_at", "is", null)
        .where("f.confirmed_at", "is not", null)
        .orderBy("i.number")
        .orderBy("n.created_at")
        .execute();
      if (rows.length === 0) return;
      const lines: string[] = [say("mail.hello"), say("mail.digest.intro", { count: rows.length })];
      let last = "";
      for (const r of rows) {
        const t = await stepText(r.update_id);
        if (!t) continue;
        if (r.number !== last)
          lines.push(
            say("mail.digest.idea", {
              title: r.title,
              number: r.number,
              link: `${base}/forslag/${r.number}`,
              stop: unsubscribeLink(r.follower_id as string),
            }),
          );
        last = r.number;
        lines.push(t.lines.filter(Boolean).join("\n"));
      }
      const first = rows[0]?.follower_id as string;
      lines.push(say("mail.digest.stopAll", { link: unsubscribeLink(first, true) }), SIGNATURE);
      const refused = await send(mailer, {
        to: email,
        subject: say("mail.digest.subject", { day }),
        text: lines.join("\n\n"),
        html: paragraphsHtml(lines),
        messageId: `<idea-digest-${orgId}-${day}-${Buffer.from(email).toString("hex").slice(0, 40)}@${domain}>`,
        headers: oneClickUnsubscribe(unsubscribeLink(first, true)),
      });
      await db
        .updateTable("idea_notifications")
        .set(
          refused
            ? { status: "failed", last_error: refused.slice(0, 500), attempts: sql`attempts + 1` }
            : { status: "sent", sent_at: new Date(), attempts: sql`attempts + 1` },
        )
        .where(
          "id",
          "in",
          rows.map((r) => r.id),
        )
        .where("status", "=", "pending")
        .execute();
    },
  };

  const askHelped: JobDefinition<{ ideaId: string }> = {
    name: "ideas.ask-helped",
    ...retries,
    handler: async ({ ideaId }) => {
      const i = await db
        .selectFrom("ideas as i")
        .innerJoin("idea_states as s", "s.id", "i.state_id")
        .select([
          "i.id",
          "i.number",
          "i.title",
          "i.source",
          "i.helped",
          "i.helped_asked_at",
          "i.submitter_email",
          "i.submitter_user_id",
          "i.submitter_key",
          "s.is_implemented",
        ])
        .where("i.id", "=", ideaId)
        .executeTakeFirst();
      if (!i || i.helped || i.helped_asked_at || !i.is_implemented) return;
      const to = await submitterAddress(i);
      if (!to) return;
      const link = `${submitterLink(i)}#hjalpte`;
      const lines = [
        say("mail.hello"),
        say("mail.helped.done", { title: i.title, number: i.number }),
        say("mail.helped.link", { link }),
        say("mail.helped.shown"),
        SIGNATURE,
      ];
      await send(mailer, {
        to,
        subject: say("mail.helped.subject", { number: i.number }),
        text: lines.join("\n\n"),
        html: paragraphsHtml(lines),
        messageId: `<idea-helped-${i.id}@${domain}>`,
      });
      await db.updateTable("ideas").set({ helped_asked_at: new Date() }).where("id", "=", i.id).execute();
    },
  };

  /** Tells the unit or group that an idea is theirs now. */
  const notifyOwner: JobDefinition<{ ideaId: string; updateId: string }> = {
    name: "ideas.notify-owner",
    ...retries,
    handler: async ({ ideaId, updateId }) => {
      const i = await db
        .selectFrom("ideas")
        .select(["id", "number", "title", "unit_id", "group_id", "first_answer_due"])
        .where("id", "=", ideaId)
        .executeTakeFirst();
      if (!i) return;
      const recipients = await ownerAddresses(db, i, false);
      const lines = [
        say("mail.hello"),
        say("mail.owner.arrived", { title: i.title, number: i.number }),
        i.first_answer_due ? say("mail.owner.due", { date: sayDate(new Date(i.first_answer_due)) }) : "",
        say("mail.owner.link", { link: `${base}/arbetsyta/forslag/${i.id}` }),
        "Klarsvar",
      ].filter(Boolean);
      for (const to of recipients)
        await send(mailer, {
          to,
          subject: say("mail.owner.subject", { number: i.number }),
          text: lines.join("\n\n"),
          html: paragraphsHtml(lines),
          messageId: `<idea-owner-${updateId}-${Buffer.from(to).toString("hex").slice(0, 32)}@${domain}>`,
        });
    },
  };

  /** Weekday mornings: ideas without a first answer past their deadline are flagged to the managers, once. */
  const checkDeadlines: JobDefinition<Record<string, never>> = {
    name: "ideas.check-deadlines",
    schedule: "15 7 * * 1-5",
    handler: async () => {
      const late = await db
        .selectFrom("ideas")
        .select(["id"])
        .where("status", "in", ["open", "held"])
        .where("first_answered_at", "is", null)
        .where("first_answer_due", "<", new Date())
        .where("overdue_notified_at", "is", null)
        .execute();
      for (const i of late) await jobs.send("ideas.send-overdue", { ideaId: i.id }, { idempotencyKey: i.id });
    },
  };

  const sendOverdue: JobDefinition<{ ideaId: string }> = {
    name: "ideas.send-overdue",
    ...retries,
    handler: async ({ ideaId }) => {
      const i = await db
        .selectFrom("ideas")
        .select(["id", "number", "title", "unit_id", "group_id", "first_answer_due", "first_answered_at"])
        .where("id", "=", ideaId)
        .executeTakeFirst();
      if (!i || i.first_answered_at) return;
      const lines = [
        say("mail.hello"),
        say("mail.overdue.text", {
          title: i.title,
          number: i.number,
          date: sayDate(new Date(i.first_answer_due ?? new Date())),
        }),
        say("mail.overdue.link", { link: `${base}/arbetsyta/forslag/${i.id}` }),
        "Klarsvar",
      ];
      for (const to of await ownerAddresses(db, i, true))
        await send(mailer, {
          to,
          subject: say("mail.overdue.subject", { number: i.number }),
          text: lines.join("\n\n"),
          html: paragraphsHtml(lines),
          messageId: `<idea-overdue-${i.id}-${Buffer.from(to).toString("hex").slice(0, 32)}@${domain}>`,
        });
      await db.updateTable("ideas").set({ overdue_notified_at: new Date() }).where("id", "=", i.id).execute();
    },
  };

  return [
    notify,
    sendConfirmation,
    sendFollowConfirmation,
    queueDigests,
    sendDigest,
    askHelped,
    notifyOwner,
    checkDeadlines,
    sendOverdue,
  ];
}

/** Who answers for an idea: the group's members, or the unit's staff (managers only, for the late notice). */
async function ownerAddresses(
  db: Db,
  idea: { unit_id: string | null; group_id: string | null },
  managersOnly: boolean,
): Promise<string[]> {
  if (idea.group_id) {
    const rows = await db
      .selectFrom("idea_group_members as m")
      .innerJoin("staff_users as u", "u.id", "m.user_id")
      .select("u.email")
      .where("m.group_id", "=", idea.group_id)
      .where("u.active", "=", true)
      .execute();
    return rows.map((r) => r.email);
  }
  if (!idea.unit_id) return [];
  const roles = managersOnly ? ["manager"] : ["unit_staff", "manager"];
  const rows = await db
    .selectFrom("unit_memberships as m")
    .innerJoin("staff_users as u", "u.id", "m.user_id")
    .select(["u.email", "u.roles"])
    .where("m.unit_id", "=", idea.unit_id)
    .where("u.active", "=", true)
    .execute();
  return rows.filter((r) => r.roles.some((role) => roles.includes(role))).map((r) => r.email);
}
