/** Staff sign-in: password with growing waits after failures, single sign-on (OIDC), sign-out, own account, a forgotten password, invitation links. */
import type { KlarsvarModule } from "../../app/module.js";
import { deleteExpiredSessions } from "../../platform/auth/sessions.js";
import { forgetOldSignInFailures } from "../../platform/auth/throttle.js";
import { audit, SYSTEM_ACTOR } from "../../platform/audit/audit.js";
import { authMailJobs } from "./jobs.js";
import { messages } from "./messages.js";
import { authPolicies } from "./policies.js";
import { passwordRoutes } from "./public/password-routes.js";
import { authRoutes } from "./public/routes.js";
import { accountRoutes } from "./staff/routes.js";

export const authModule: KlarsvarModule = {
  name: "auth",
  messages,
  policies: authPolicies,
  nav: [
    { side: "public", href: "/logga-in", label: "site.nav.login", order: 100 },
    { side: "staff", href: "/arbetsyta/konto", label: "site.nav.account", policy: "auth.viewOwnAccount", order: 90 },
  ],
  jobs: (ctx) => [
    {
      name: "auth.cleanup-sessions",
      schedule: "17 * * * *",
      retryLimit: 3,
      handler: async () => {
        const removed = await deleteExpiredSessions(ctx.database.db);
        await forgetOldSignInFailures(ctx.database.db);
        if (removed > 0) {
          await audit(
            ctx.database.db,
            { ...SYSTEM_ACTOR, orgId: ctx.org.id },
            { action: "auth.sessions.cleanup", details: { removed } },
          );
        }
      },
    },
    ...authMailJobs(ctx.database.db, ctx.mailer, ctx.config, ctx.jobs, ctx.org.id),
  ],
  routes: async (app, ctx) => {
    authRoutes(app, ctx);
    passwordRoutes(app, ctx);
    accountRoutes(app, ctx);
  },
};
