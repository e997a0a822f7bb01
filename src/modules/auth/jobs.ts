/**
 * Account mail, as jobs. RequestPasswordReset does the work behind "Glömt lösenordet?", so the
 * page answers the same, in the same time, whether the address exists or not. SendAccountLink
 * writes the invitation or reset mail; it derives the link from the row's id and the server
 * secret, and sends nothing for a link that has been used, closed or has run out meanwhile.
 */
import type { Config } from "../../config.js";
import { audit, type AuditActor } from "../../platform/audit/audit.js";
import {
  ACCOUNT_LINK_JOB,
  accountLink,
  issueAccountToken,
  recentResetLinks,
} from "../../platform/auth/account-tokens.js";
import { findUserByEmail } from "../../platform/auth/users.js";
import type { Db } from "../../platform/db/database.js";
import { sayer } from "../../platform/i18n/messages.js";
import type { JobDefinition, JobRunner } from "../../platform/jobs/jobs.js";
import { paragraphsHtml, sendOrRefusal } from "../../platform/mail/compose.js";
import type { Mailer } from "../../platform/mail/mailer.js";
import { messages } from "./messages.js";

export const REQUEST_RESET_JOB = "auth.request-password-reset";
/** At most this many reset links an hour for one account, however often someone asks. */
export const RESET_LINKS_PER_HOUR = 3;

export interface ResetRequest {
  readonly email: string;
  readonly ip: string | null;
  readonly requestId: string | null;
}

export function authMailJobs(
  db: Db,
  mailer: Mailer,
  config: Config,
  jobs: JobRunner,
  orgId: string,
): JobDefinition<never>[] {
  const requestReset: JobDefinition<ResetRequest> = {
    name: REQUEST_RESET_JOB,
    retryLimit: 5,
    retryDelaySeconds: config.mail.retryDelaySeconds,
    handler: async ({ email, ip, requestId }) => {
      const actor: AuditActor = { orgId, userId: null, label: "anonymous", ip, requestId };
      const user = await findUserByEmail(db, orgId, email);
      // Nothing for an unknown or deactivated address, nor for an account that signs in only through the municipality's SSO.
      const outcome = !user
        ? "unknown"
        : !user.active
          ? "inactive"
          : !user.password_hash && user.oidc_subject
            ? "sso_only"
            : (await recentResetLinks(db, user.id)) >= RESET_LINKS_PER_HOUR
              ? "limited"
              : "sent";
      const subject = user ? { subjectType: "staff_user", subjectId: user.id } : {};
      if (!user || outcome !== "sent") {
        await audit(db, actor, {
          action: "auth.password.reset.request",
          ...subject,
          details: { email: email.slice(0, 200), outcome },
        });
        return;
      }
      await db.transaction().execute(async (trx) => {
        const link = await issueAccountToken(trx, config.sessionSecret, {
          orgId,
          userId: user.id,
          purpose: "password_reset",
          createdBy: null,
        });
        await audit(trx, actor, {
          action: "auth.password.reset.request",
          ...subject,
          details: { email, outcome, link: link.id },
        });
        await jobs.send(ACCOUNT_LINK_JOB, { tokenId: link.id }, { idempotencyKey: link.id, within: trx });
      });
    },
  };

  const sendAccountLink: JobDefinition<{ tokenId: string }> = {
    name: ACCOUNT_LINK_JOB,
    retryLimit: 5,
    retryDelaySeconds: config.mail.retryDelaySeconds,
    handler: async ({ tokenId }) => {
      const t = await db
        .selectFrom("account_tokens as t")
        .innerJoin("staff_users as u", "u.id", "t.user_id")
        .leftJoin("staff_users as by", "by.id", "t.created_by")
        .select([
          "t.id",
          "t.org_id",
          "t.purpose",
          "t.expires_at",
          "t.used_at",
          "t.revoked_at",
          "u.id as user_id",
          "u.name",
          "u.email",
          "u.active",
          "by.name as invited_by",
        ])
        .where("t.id", "=", tokenId)
        .executeTakeFirst();
      if (!t || t.used_at || t.revoked_at || new Date(t.expires_at) <= new Date() || !t.active) return;
      const link = accountLink(config.publicUrl, config.sessionSecret, t.purpose, t.id);
      const org = config.organisation.name;
      // Account mail is in Swedish: the account has no language of its own yet.
      const say = sayer(messages, "sv");
      const mail =
        t.purpose === "invitation"
          ? {
              subject: say("mail.invitation.subject"),
              lines: [
                say("mail.greeting", { name: t.name }),
                t.invited_by
                  ? say("mail.invitation.createdBy", { invitedBy: t.invited_by, org })
                  : say("mail.invitation.createdByAdmin", { org }),
                say("mail.invitation.link", { link }),
                say("mail.invitation.expires", { expires: new Date(t.expires_at) }),
                say("mail.invitation.unexpected"),
                org,
              ],
            }
          : {
              subject: say("mail.reset.subject"),
              lines: [
                say("mail.greeting", { name: t.name }),
                say("mail.reset.request"),
                say("mail.reset.link", { link }),
                say("mail.reset.expires"),
                say("mail.reset.unexpected"),
                org,
              ],
            };
      const refused = await sendOrRefusal(mailer, {
        to: t.email,
        subject: mail.subject,
        text: mail.lines.join("\n\n"),
        html: paragraphsHtml(mail.lines),
        messageId: `<account-link-${t.id}@${config.mail.domain}>`,
      });
      if (refused) {
        await audit(
          db,
          { orgId: t.org_id, userId: null, label: say("audit.mailActor") },
          {
            action: "auth.account-link.undelivered",
            subjectType: "staff_user",
            subjectId: t.user_id,
            details: { link: t.id, purpose: t.purpose, reason: refused.slice(0, 300) },
          },
        );
      }
    },
  };

  return [requestReset, sendAccountLink];
}
