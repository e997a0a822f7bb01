/** Requests for public documents: register, same-day clock, secrecy review, masking, decision, delivery. */
import type { KlarsvarModule } from "../../app/module.js";
import { requestsWaiting } from "./index.js";
import { sayer } from "../../platform/i18n/messages.js";
import { registerArrivals, withdrawArrival } from "./commands.js";
import { requestJobs } from "./jobs.js";
import { messages } from "./messages.js";
import { requestPolicies } from "./policies.js";
import { requestRoutes } from "./routes.js";
import { seedRequestsDemo } from "./seed.js";

export const requestsModule: KlarsvarModule = {
  name: "requests",
  messages,
  policies: requestPolicies,
  nav: [
    { side: "public", href: "/begar-handling", label: "requests.nav.ask", order: 50 },
    { side: "staff", href: "/arbetsyta/begaran", label: "requests.nav.list", policy: "requests.handle", order: 20 },
  ],
  arrivalRegisters: [{ kind: "document_request", register: registerArrivals, withdraw: withdrawArrival }],
  jobs: (ctx) => requestJobs(ctx.database.db, ctx.mailer, ctx.config, ctx.org.id),
  routes: (app, ctx) => requestRoutes(app, ctx),
  seedDemo: seedRequestsDemo,
  startPage: async (ctx, { user, lang }) => {
    const say = sayer(messages, lang);
    const r = await requestsWaiting(ctx.database.db, ctx.org.id, user);
    if (!r) return [];
    if (r.late > 0)
      return [{ urgent: true, order: 40, href: "/arbetsyta/begaran", text: say("start.late", { count: r.late }) }];
    return r.open > 0 ? [{ order: 40, href: "/arbetsyta/begaran", text: say("start.open", { count: r.open }) }] : [];
  },
};
