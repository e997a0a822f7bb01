/** Administration: the audit log and failed background jobs. */
import type { KlarsvarModule } from "../../app/module.js";
import { adminOnly, hasRole } from "../../platform/auth/policies.js";
import { translator } from "../../platform/i18n/i18n.js";
import { adminRoutes } from "./staff/routes.js";

export const adminModule: KlarsvarModule = {
  name: "admin",
  policies: {
    viewAuditLog: adminOnly,
    viewFailedJobs: adminOnly,
    retryJob: adminOnly,
  },
  nav: [
    { side: "staff", href: "/arbetsyta/admin/logg", label: "site.nav.audit", policy: "admin.viewAuditLog", order: 200 },
    {
      side: "staff",
      href: "/arbetsyta/admin/jobb",
      label: "site.nav.jobs",
      policy: "admin.viewFailedJobs",
      order: 210,
    },
  ],
  routes: adminRoutes,
  startPage: async (ctx, { user, lang }) => {
    if (!hasRole(user, "admin")) return [];
    const failed = (await ctx.jobs.failedJobs(1)).total;
    return failed > 0
      ? [
          {
            order: 90,
            href: "/arbetsyta/admin/jobb",
            text: translator(lang)("workspace.failedJobs", { count: failed }),
          },
        ]
      : [];
  },
};
