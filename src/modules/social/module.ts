/** Social channels: Facebook and Instagram comments and messages, Mastodon mentions — into the inbox. */
import type { KlarsvarModule } from "../../app/module.js";
import type { JobDefinition } from "../../platform/jobs/jobs.js";
import { processMetaEvent } from "./intake.js";
import { metaWebhookRoutes, PROCESS_EVENT_JOB } from "./webhook.js";

export const socialModule: KlarsvarModule = {
  name: "social",
  jobs: (ctx) => {
    const deps = { db: ctx.database.db, jobs: ctx.jobs, secret: ctx.config.sessionSecret };
    const processEvent: JobDefinition<{ eventId: string }> = {
      name: PROCESS_EVENT_JOB,
      retryLimit: 5,
      retryDelaySeconds: 10,
      retryBackoff: true,
      // Meta delivers in bursts; a delivery is worked idempotently, so a batch may be retried whole.
      batchSize: 50,
      handler: ({ eventId }) => processMetaEvent(deps, ctx.org.id, eventId),
    };
    return [processEvent as unknown as JobDefinition<never>];
  },
  routes: (app, ctx) => metaWebhookRoutes(app, ctx),
};
