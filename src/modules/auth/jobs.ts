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
import { formatDateTime } from "../../platform/i18n/i18n.js";
import type { JobDefinition, JobRunner } from "../../platform/jobs/jobs.js";
import { paragraphsHtml, sendOrRefusal } from "../../platform/mail/compose.js";
import type { Mailer } from "../../platform/mail/mailer.js";

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
      const mail =
        t.purpose === "invitation"
          ? {
              subject: "Välj ditt lösenord till Klarsvar",
              lines: [
                `Hej ${t.name}!`,
                `${t.invited_by ?? "En administratör"} har skapat ett konto åt dig i Klarsvar hos ${org}. Du loggar in med den här e-postadressen.`,
                `Välj ditt lösenord här: ${link}`,
                `Länken fungerar en gång och gäller till ${formatDateTime(new Date(t.expires_at), "sv")}. Har tiden gått ut kan du be om en ny länk på samma sida.`,
                "Har du inte väntat dig det här? Då kan du strunta i meddelandet.",
                org,
              ],
            }
          : {
              subject: "Byt lösenord i Klarsvar",
              lines: [
                `Hej ${t.name}!`,
                "Vi har fått en begäran om att byta lösenordet till ditt konto i Klarsvar.",
                `Välj ett nytt lösenord här: ${link}`,
                "Länken fungerar en gång och gäller i en timme. När du har bytt lösenord loggas du ut överallt där du är inloggad.",
                "Har du inte bett om det? Då kan du strunta i meddelandet. Ditt lösenord är kvar som förut.",
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
          { orgId: t.org_id, userId: null, label: "utgående e-post" },
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
