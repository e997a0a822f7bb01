/** Ideas from residents and employees: routed, answered through admin-defined states, followed, measured. */
import type { KlarsvarModule } from "../../app/module.js";
import { ideasWaiting } from "./index.js";
import { translator } from "../../platform/i18n/i18n.js";
import type { StartPageItem } from "../../app/module.js";
import { ideaDeps } from "./deps.js";
import { ensureDefaultStates } from "./defaults.js";
import { ideaJobs } from "./jobs.js";
import { messages } from "./messages.js";
import { ideaPolicies } from "./policies.js";
import { ideaPublicRoutes } from "./public/routes.js";
import { seedIdeasDemo } from "./seed.js";
import { ideaStaffRoutes } from "./staff/routes.js";

export const ideasModule: KlarsvarModule = {
  name: "ideas",
  messages,
  policies: ideaPolicies,
  nav: [
    { side: "public", href: "/forslag", label: "ideas.nav.public", order: 40 },
    { side: "staff", href: "/arbetsyta/forslag", label: "ideas.nav.board", policy: "ideas.work", order: 30 },
    {
      side: "staff",
      href: "/arbetsyta/forslag/matt",
      label: "ideas.nav.measures",
      policy: "ideas.measures",
      order: 91,
    },
    {
      side: "staff",
      href: "/arbetsyta/admin/forslag",
      label: "ideas.nav.settings",
      policy: "ideas.configure",
      order: 196,
    },
  ],
  jobs: (ctx) => ideaJobs(ctx.database.db, ctx.mailer, ctx.config, ctx.jobs),
  routes: async (app, ctx) => {
    await ensureDefaultStates(ctx.database.db, ctx.org.id);
    const deps = ideaDeps(ctx);
    ideaPublicRoutes(app, ctx, deps);
    ideaStaffRoutes(app, ctx, deps);
  },
  seedDemo: seedIdeasDemo,
  startPage: async (ctx, { user, lang }) => {
    const t = translator(lang);
    const w = await ideasWaiting(ctx.database.db, ctx.org.id, user);
    if (!w) return [];
    const items: StartPageItem[] = [];
    if (w.overdue > 0)
      items.push({
        urgent: true,
        order: 60,
        href: "/arbetsyta/forslag?vy=overdue",
        text: t("workspace.ideasOverdue", { count: w.overdue }),
      });
    if (w.held > 0)
      items.push({ order: 61, href: "/arbetsyta/forslag?vy=held", text: t("workspace.ideasHeld", { count: w.held }) });
    if (w.open > 0 && w.overdue === 0)
      items.push({ order: 62, href: "/arbetsyta/forslag", text: t("workspace.ideasOpen", { count: w.open }) });
    return items;
  },
};
