/** The newsroom: press releases and news, media contacts, distribution, invitations, coverage. */
import type { KlarsvarModule, ModuleContext } from "../../app/module.js";
import { createMailer } from "../../platform/mail/mailer.js";
import type { NewsroomDeps } from "./commands.js";
import { newsroomJobs } from "./jobs.js";
import { newsroomPolicies } from "./policies.js";
import { newsroomPublicRoutes } from "./public/routes.js";
import { seedNewsroomDemo } from "./seed.js";
import { newsroomStaffRoutes } from "./staff/routes.js";

export function newsroomDeps(ctx: ModuleContext): NewsroomDeps {
  return { db: ctx.database.db, jobs: ctx.jobs, secret: ctx.config.sessionSecret };
}

export const newsroomModule: KlarsvarModule = {
  name: "newsroom",
  policies: newsroomPolicies,
  nav: [
    { side: "public", href: "/press", label: "newsroom.nav.public", order: 45 },
    { side: "staff", href: "/arbetsyta/press", label: "newsroom.nav.staff", policy: "newsroom.write", order: 35 },
  ],
  jobs: (ctx) => newsroomJobs(newsroomDeps(ctx), createMailer(ctx.config.mail), ctx.config),
  routes: (app, ctx) => {
    const deps = newsroomDeps(ctx);
    newsroomPublicRoutes(app, ctx, deps);
    newsroomStaffRoutes(app, ctx, deps);
  },
  seedDemo: seedNewsroomDemo,
};
