/** Requests for public documents: register, same-day clock, secrecy review, masking, decision, delivery. */
import type { KlarsvarModule } from "../../app/module.js";
import { createMailer } from "../../platform/mail/mailer.js";
import { requestJobs } from "./jobs.js";
import { requestPolicies } from "./policies.js";
import { requestRoutes } from "./routes.js";
import { seedRequestsDemo } from "./seed.js";

export const requestsModule: KlarsvarModule = {
  name: "requests",
  policies: requestPolicies,
  nav: [
    { side: "public", href: "/begar-handling", label: "requests.nav.ask", order: 50 },
    { side: "staff", href: "/arbetsyta/begaran", label: "requests.nav.list", policy: "requests.handle", order: 20 },
  ],
  jobs: (ctx) => requestJobs(ctx.database.db, createMailer(ctx.config.mail), ctx.config, ctx.org.id),
  routes: (app, ctx) => requestRoutes(app, ctx),
  seedDemo: seedRequestsDemo,
};
