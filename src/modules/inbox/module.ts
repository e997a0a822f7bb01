/** The inbox: every question answered. Cases from every channel, routing, SLA, replies. */
import type { KlarsvarModule } from "../../app/module.js";
import { mailboxesDown, waitingFor } from "./index.js";
import { hasRole } from "../../platform/auth/policies.js";
import { translator } from "../../platform/i18n/i18n.js";
import type { StartPageItem } from "../../app/module.js";
import { inboxDepsFor } from "./index.js";
import { deadlineJobs } from "./jobs/deadlines.js";
import { disposalJob } from "./jobs/dispose.js";
import { inboxMailJobs } from "./jobs/send-mail.js";
import { mailboxReaders } from "./mail/readers.js";
import { messages } from "./messages.js";
import { inboxPolicies } from "./policies.js";
import { open311Routes } from "./open311.js";
import { diariumRoutes } from "./public/diarium.js";
import { inboxPublicRoutes } from "./public/routes.js";
import { seedInboxDemo } from "./seed.js";
import { liveBoardRoutes } from "./staff/live.js";
import { mailHealthRoutes } from "./staff/mail-health.js";
import { measuresRoutes } from "./staff/measures.js";
import { retentionRoutes } from "./staff/retention.js";
import { routingRuleRoutes } from "./staff/rules.js";
import { arrivalModels } from "./intelligence.js";
import { logContactRoutes } from "./staff/log-contact.js";
import { inboxStaffRoutes } from "./staff/routes.js";

const depsOf = inboxDepsFor;

export const inboxModule: KlarsvarModule = {
  name: "inbox",
  messages,
  policies: inboxPolicies,
  nav: [
    { side: "public", href: "/fraga", label: "inbox.nav.ask", order: 10 },
    { side: "public", href: "/diarium", label: "inbox.nav.diarium", order: 60 },
    { side: "staff", href: "/arbetsyta/inkorg", label: "inbox.nav.board", policy: "inbox.viewBoard", order: 10 },
    { side: "staff", href: "/arbetsyta/logga", label: "inbox.nav.log", policy: "inbox.logContact", order: 11 },
    { side: "staff", href: "/arbetsyta/matt", label: "inbox.nav.measures", policy: "inbox.viewMeasures", order: 80 },
    {
      side: "staff",
      href: "/arbetsyta/admin/dirigering",
      label: "inbox.nav.routing",
      policy: "inbox.manageRouting",
      order: 190,
    },
    {
      side: "staff",
      href: "/arbetsyta/admin/gallring",
      label: "inbox.nav.retention",
      policy: "inbox.manageRetention",
      order: 195,
    },
    {
      side: "staff",
      href: "/arbetsyta/admin/e-post",
      label: "inbox.nav.mail",
      policy: "inbox.viewMailHealth",
      order: 196,
    },
  ],
  jobs: (ctx) => {
    const mailer = ctx.mailer;
    return [
      ...inboxMailJobs(ctx.database.db, mailer, ctx.config),
      ...deadlineJobs(ctx.database.db, ctx.jobs, mailer, ctx.config),
      disposalJob(ctx.database.db, ctx.org.id),
    ];
  },
  services: (ctx) => mailboxReaders(ctx, depsOf(ctx)),
  routes: (app, ctx) => {
    // The learned models load at start (from their disk cache, or trained once), never mid-arrival.
    if (!arrivalModels())
      app.log.warn("inbox: the labelled set is missing; kinds and reports of concern are decided by the rules alone");
    inboxPublicRoutes(app, ctx, depsOf(ctx));
    diariumRoutes(app, ctx);
    open311Routes(app, ctx, depsOf(ctx), ctx.config.open311ApiKeys);
    inboxStaffRoutes(app, ctx, depsOf(ctx));
    logContactRoutes(app, ctx, depsOf(ctx));
    measuresRoutes(app, ctx);
    liveBoardRoutes(app, ctx);
    routingRuleRoutes(app, ctx);
    retentionRoutes(app, ctx);
    mailHealthRoutes(app, ctx);
  },
  startPage: async (ctx, { user, lang }) => {
    const t = translator(lang);
    const items: StartPageItem[] = [];
    const waiting = await waitingFor(ctx.database.db, ctx.org.id, user);
    if (waiting && waiting.concernReports > 0)
      items.push({
        urgent: true,
        order: 10,
        href: "/arbetsyta/inkorg",
        text: t("workspace.concern", { count: waiting.concernReports }),
      });
    if (waiting && waiting.unanswered > 0) {
      items.push({
        order: 20,
        href: "/arbetsyta/inkorg",
        text: t("workspace.unanswered", { count: waiting.unanswered, overdue: waiting.overdue }),
      });
    }
    if (hasRole(user, "admin")) {
      const down = await mailboxesDown(ctx.database.db, ctx.org.id);
      if (down > 0)
        items.push({
          urgent: true,
          order: 30,
          href: "/arbetsyta/admin/e-post",
          text: t("workspace.mailboxesDown", { count: down }),
        });
    }
    return items;
  },
  seedDemo: (ctx) => seedInboxDemo(ctx, depsOf(ctx)),
};
