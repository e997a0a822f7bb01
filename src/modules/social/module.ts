/** Social channels: Facebook and Instagram comments and messages, Mastodon mentions — into the inbox. */
import type { KlarsvarModule } from "../../app/module.js";
import { hasRole } from "../../platform/auth/policies.js";
import { socialAdminRoutes } from "./admin.js";
import { archiveAllAccounts } from "./archive.js";
import { messages } from "./messages.js";
import { MODERATE_JOB, runModeration } from "./moderation.js";
import { socialStaffRoutes } from "./staff.js";
import type { JobDefinition } from "../../platform/jobs/jobs.js";
import { processMetaEvent } from "./intake.js";
import { mastodonReader } from "./mastodon.js";
import { SEND_REPLY_JOB, sendSocialReply } from "./replies.js";
import { metaWebhookRoutes, PROCESS_EVENT_JOB } from "./webhook.js";

export const socialModule: KlarsvarModule = {
  name: "social",
  messages,
  policies: {
    manageAccounts: (user) => hasRole(user, "admin"),
    moderate: (user) => hasRole(user, "admin", "communicator", "unit_staff", "manager"),
  },
  // Answers written in the inbox to a comment or message are sent back where the person wrote.
  replyChannels: [
    {
      channels: ["facebook", "instagram", "mastodon"],
      job: SEND_REPLY_JOB,
      postsHref: (caseId) => `/arbetsyta/socialt/${caseId}`,
    },
  ],
  nav: [
    {
      side: "staff",
      href: "/arbetsyta/admin/sociala-medier",
      label: "social.nav.accounts",
      policy: "social.manageAccounts",
      order: 198,
    },
  ],
  jobs: (ctx) => {
    const deps = { db: ctx.database.db, jobs: ctx.jobs, secret: ctx.config.sessionSecret, arrival: ctx.extensions };
    const processEvent: JobDefinition<{ eventId: string }> = {
      name: PROCESS_EVENT_JOB,
      retryLimit: 5,
      retryDelaySeconds: 10,
      retryBackoff: true,
      // Meta delivers in bursts; a delivery is worked idempotently, so a batch may be retried whole.
      batchSize: 50,
      handler: ({ eventId }) => processMetaEvent(deps, ctx.org.id, eventId),
    };
    const sendReply: JobDefinition<{ messageId: string }> = {
      name: SEND_REPLY_JOB,
      retryLimit: 6,
      retryDelaySeconds: ctx.config.mail.retryDelaySeconds,
      retryBackoff: true,
      handler: ({ messageId }) => sendSocialReply(ctx.database.db, ctx.config, messageId),
    };
    const moderateJob: JobDefinition<{ moderationId: string }> = {
      name: MODERATE_JOB,
      retryLimit: 6,
      retryDelaySeconds: ctx.config.mail.retryDelaySeconds,
      retryBackoff: true,
      handler: ({ moderationId }) => runModeration(ctx.database.db, ctx.config, moderationId),
    };
    const archive: JobDefinition<object> = {
      name: "social.archive-half-year",
      schedule: "0 2 1 1,7 *",
      handler: async () => {
        await archiveAllAccounts(ctx.database.db, ctx.org.id);
      },
    };
    return [processEvent, sendReply, moderateJob, archive];
  },
  services: (ctx) => [mastodonReader(ctx)],
  routes: (app, ctx) => {
    metaWebhookRoutes(app, ctx);
    socialAdminRoutes(app, ctx);
    socialStaffRoutes(app, ctx);
  },
};
