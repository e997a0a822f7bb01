/** The newsroom: press releases and news, media contacts, distribution, invitations, coverage. */
import type { KlarsvarModule, ModuleContext } from "../../app/module.js";
import { knownJournalists, releasesWaiting } from "./index.js";
import { translator } from "../../platform/i18n/i18n.js";
import type { NewsroomDeps } from "./commands.js";
import { newsroomJobs } from "./jobs.js";
import { messages } from "./messages.js";
import { newsroomPolicies } from "./policies.js";
import { newsroomPublicRoutes } from "./public/routes.js";
import { seedNewsroomDemo } from "./seed.js";
import { newsroomStaffRoutes } from "./staff/routes.js";

export function newsroomDeps(ctx: ModuleContext): NewsroomDeps {
  return { db: ctx.database.db, jobs: ctx.jobs, secret: ctx.config.sessionSecret, arrival: ctx.extensions };
}

export const newsroomModule: KlarsvarModule = {
  name: "newsroom",
  messages,
  policies: newsroomPolicies,
  nav: [
    { side: "public", href: "/press", label: "newsroom.nav.public", order: 45 },
    { side: "staff", href: "/arbetsyta/press", label: "newsroom.nav.staff", policy: "newsroom.write", order: 35 },
  ],
  jobs: (ctx) => newsroomJobs(newsroomDeps(ctx), ctx.mailer, ctx.config),
  routes: (app, ctx) => {
    const deps = newsroomDeps(ctx);
    newsroomPublicRoutes(app, ctx, deps);
    newsroomStaffRoutes(app, ctx, deps);
  },
  seedDemo: seedNewsroomDemo,
  knownJournalists,
  startPage: async (ctx, { user, lang }) => {
    const r = await releasesWaiting(ctx.database.db, ctx.org.id, user);
    return r && r.toReview > 0
      ? [
          {
            order: 50,
            href: "/arbetsyta/press?vy=review",
            text: translator(lang)("workspace.releasesToReview", { count: r.toReview }),
          },
        ]
      : [];
  },
};
