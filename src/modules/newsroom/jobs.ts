/**
 * Newsroom mail, every message a job with retries. A delivery row is sent at most once (its
 * status is checked first and its Message-ID is fixed); the unique index on release and
 * address means nobody gets the same release twice, whichever lists they are on.
 */
import { sql } from "kysely";
import type { Config } from "../../config.js";
import { signedToken } from "../../platform/auth/signed-links.js";
import { sayer } from "../../platform/i18n/messages.js";
import type { JobDefinition } from "../../platform/jobs/jobs.js";
import { oneClickUnsubscribe, paragraphsHtml, sendOrRefusal as send } from "../../platform/mail/compose.js";
import type { Mailer } from "../../platform/mail/mailer.js";
import { distribute, type NewsroomDeps } from "./commands.js";
import { markdownToText } from "./markdown.js";
import { messages, type NewsroomSay } from "./messages.js";
import { SKIPPED_UNSUBSCRIBED } from "./newsroom-words.js";
import { releaseDetail, type ReleaseDetail } from "./queries.js";
import { invitationIcs } from "./ics.js";

const RETRIES = 5;
/** Mail to journalists and subscribers is in Swedish, as the releases are. */
const say = sayer(messages, "sv");

/** The release as e-mail text: title, lead, text, quotes, contact people, material, link. */
export function releaseLines(r: ReleaseDetail, link: string, words: NewsroomSay): string[] {
  return [
    r.title,
    r.lead,
    markdownToText(r.bodyMd),
    ...r.quotes.map((q) => `”${q.quote}” – ${q.person}${q.personTitle ? `, ${q.personTitle}` : ""}`),
    ...(r.contacts.length > 0
      ? [
          words("mail.contact", {
            contacts: r.contacts.map((c) => [c.name, c.role, c.phone, c.email].filter(Boolean).join(", ")).join("\n"),
          }),
        ]
      : []),
    ...(r.documents.length > 0 ? [words("mail.material", { titles: r.documents.map((d) => d.title).join(", ") })] : []),
    words("mail.readOnline", { link }),
  ].filter(Boolean);
}

export function newsroomJobs(deps: NewsroomDeps, mailer: Mailer, config: Config): JobDefinition<never>[] {
  const { db } = deps;
  const base = config.publicUrl;
  const domain = config.mail.domain;
  const signature = config.organisation.name;
  const retries = {
    retryLimit: RETRIES,
    retryDelaySeconds: config.mail.retryDelaySeconds,
    retryBackoff: true,
  } as const;
  const unsubscribeLink = (purpose: "press-subscriber" | "press-contact", id: string) =>
    `${base}/press/avsluta/${signedToken(config.sessionSecret, purpose, id)}`;

  const distributeOne: JobDefinition<{ releaseId: string }> = {
    name: "newsroom.distribute",
    ...retries,
    handler: async ({ releaseId }) => {
      await distribute(deps, releaseId);
    },
  };

  /** Every minute: releases whose time has come and that nobody has sent yet (a lost job, a restart). */
  const distributeDue: JobDefinition<Record<string, never>> = {
    name: "newsroom.distribute-due",
    schedule: "* * * * *",
    handler: async () => {
      const due = await db
        .selectFrom("releases")
        .select("id")
        .where("status", "=", "approved")
        .where("publish_at", "<=", new Date())
        .where("distributed_at", "is", null)
        .execute();
      for (const r of due) await distribute(deps, r.id);
    },
  };

  const sendRelease: JobDefinition<{ deliveryId: string }> = {
    name: "newsroom.send-release",
    ...retries,
    handler: async ({ deliveryId }) => {
      const d = await db
        .selectFrom("release_deliveries as d")
        .innerJoin("releases as r", "r.id", "d.release_id")
        .leftJoin("media_contacts as c", "c.id", "d.contact_id")
        .leftJoin("newsroom_subscribers as s", "s.id", "d.subscriber_id")
        .select([
          "d.id",
          "d.status",
          "d.email",
          "d.contact_id",
          "d.subscriber_id",
          "r.org_id",
          "r.id as release_id",
          "c.unsubscribed_at as contact_off",
          "s.unsubscribed_at as subscriber_off",
        ])
        .where("d.id", "=", deliveryId)
        .executeTakeFirst();
      if (!d || d.status !== "pending") return;
      if (d.contact_off || d.subscriber_off) {
        await db
          .updateTable("release_deliveries")
          .set({ status: "skipped", last_error: SKIPPED_UNSUBSCRIBED })
          .where("id", "=", d.id)
          .execute();
        return;
      }
      const r = await releaseDetail(db, d.org_id, { id: d.release_id });
      if (!r) return;
      const off = d.subscriber_id
        ? unsubscribeLink("press-subscriber", d.subscriber_id)
        : unsubscribeLink("press-contact", d.contact_id as string);
      const lines = [
        ...releaseLines(r, `${base}/press/${r.slug}`, say),
        say("mail.unsubscribe", { link: off }),
        signature,
      ];
      try {
        const refused = await send(mailer, {
          to: d.email,
          subject: r.title,
          text: lines.join("\n\n"),
          html: paragraphsHtml(lines),
          messageId: `<release-${d.id}@${domain}>`,
          headers: oneClickUnsubscribe(off),
        });
        if (refused) {
          await db
            .updateTable("release_deliveries")
            .set({ status: "failed", last_error: refused.slice(0, 500), attempts: sql`attempts + 1` })
            .where("id", "=", d.id)
            .execute();
          return;
        }
      } catch (error) {
        await db
          .updateTable("release_deliveries")
          .set({ last_error: String((error as Error).message ?? error).slice(0, 500), attempts: sql`attempts + 1` })
          .where("id", "=", d.id)
          .execute();
        throw error;
      }
      await db
        .updateTable("release_deliveries")
        .set({ status: "sent", sent_at: new Date(), attempts: sql`attempts + 1`, last_error: null })
        .where("id", "=", d.id)
        .where("status", "=", "pending")
        .execute();
    },
  };

  const sendEmbargo: JobDefinition<{ releaseId: string; contactId: string }> = {
    name: "newsroom.send-embargo",
    ...retries,
    handler: async ({ releaseId, contactId }) => {
      const row = await db
        .selectFrom("release_embargo_recipients as e")
        .innerJoin("media_contacts as c", "c.id", "e.contact_id")
        .innerJoin("releases as r", "r.id", "e.release_id")
        .select(["c.email", "c.unsubscribed_at", "e.notified_at", "r.org_id", "r.status", "r.publish_at"])
        .where("e.release_id", "=", releaseId)
        .where("e.contact_id", "=", contactId)
        .executeTakeFirst();
      if (!row || row.notified_at || row.unsubscribed_at || row.status !== "approved" || !row.publish_at) return;
      const r = await releaseDetail(db, row.org_id, { id: releaseId });
      if (!r) return;
      const until = new Date(row.publish_at);
      const link = `${base}/press/embargo/${signedToken(config.sessionSecret, "press-embargo", `${releaseId}`)}?k=${signedToken(config.sessionSecret, "press-embargo-contact", contactId)}`;
      const lines = [say("release.embargo", { when: until }), ...releaseLines(r, link, say), signature];
      await send(mailer, {
        to: row.email,
        subject: say("mail.embargo.subject", { when: until, title: r.title }),
        text: lines.join("\n\n"),
        html: paragraphsHtml(lines),
        messageId: `<embargo-${releaseId}-${contactId}@${domain}>`,
      });
      await db
        .updateTable("release_embargo_recipients")
        .set({ notified_at: new Date() })
        .where("release_id", "=", releaseId)
        .where("contact_id", "=", contactId)
        .execute();
    },
  };

  const sendSubscribeConfirmation: JobDefinition<{ subscriberId: string }> = {
    name: "newsroom.send-subscribe-confirmation",
    ...retries,
    handler: async ({ subscriberId }) => {
      const s = await db
        .selectFrom("newsroom_subscribers")
        .selectAll()
        .where("id", "=", subscriberId)
        .executeTakeFirst();
      if (!s || s.confirmed_at || s.unsubscribed_at) return;
      const link = `${base}/press/prenumerera/${signedToken(config.sessionSecret, "press-subscribe", s.id)}`;
      const lines = [
        say("mail.hello"),
        say("mail.subscribe.someone"),
        say("mail.subscribe.open", { link }),
        say("mail.subscribe.ignore"),
        signature,
      ];
      await send(mailer, {
        to: s.email,
        subject: say("mail.subscribe.subject"),
        text: lines.join("\n\n"),
        html: paragraphsHtml(lines),
        messageId: `<press-subscribe-${s.id}-${Date.now()}@${domain}>`,
      });
    },
  };

  const sendInvitation: JobDefinition<{ invitationId: string }> = {
    name: "newsroom.send-invitation",
    ...retries,
    handler: async ({ invitationId }) => {
      const i = await db
        .selectFrom("event_invitations as i")
        .innerJoin("press_events as e", "e.id", "i.event_id")
        .innerJoin("media_contacts as c", "c.id", "i.contact_id")
        .select([
          "i.id",
          "i.sent_status",
          "c.email",
          "c.unsubscribed_at",
          "e.id as event_id",
          "e.title",
          "e.description",
          "e.location",
          "e.starts_at",
          "e.ends_at",
        ])
        .where("i.id", "=", invitationId)
        .executeTakeFirst();
      if (!i || i.sent_status !== "pending" || i.unsubscribed_at) return;
      const rsvp = `${base}/press/svar/${signedToken(config.sessionSecret, "press-rsvp", i.id)}`;
      const lines = [
        say("mail.hello"),
        say("mail.invite.welcome", { title: i.title }),
        say("mail.invite.when", { start: new Date(i.starts_at), end: new Date(i.ends_at) }),
        say("mail.invite.where", { location: i.location }),
        i.description,
        say("mail.invite.answer", { link: rsvp }),
        say("mail.invite.calendar", { link: `${base}/press/evenemang/${i.event_id}.ics` }),
        signature,
      ].filter(Boolean);
      const ics = invitationIcs(
        {
          id: i.event_id,
          title: i.title,
          description: i.description,
          location: i.location,
          startsAt: new Date(i.starts_at),
          endsAt: new Date(i.ends_at),
        },
        base,
      );
      const refused = await send(mailer, {
        to: i.email,
        subject: say("mail.invite.subject", { title: i.title }),
        text: lines.join("\n\n"),
        html: paragraphsHtml(lines),
        messageId: `<invitation-${i.id}@${domain}>`,
        attachments: [
          { filename: "inbjudan.ics", content: Buffer.from(ics, "utf8"), contentType: "text/calendar; charset=utf-8" },
        ],
      });
      await db
        .updateTable("event_invitations")
        .set({ sent_status: refused ? "failed" : "sent" })
        .where("id", "=", i.id)
        .execute();
    },
  };

  return [distributeOne, distributeDue, sendRelease, sendEmbargo, sendSubscribeConfirmation, sendInvitation];
}
