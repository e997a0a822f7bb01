/** The help catalogue: what help exists, in plain language, searchable in Swedish, as open data. */
import type { KlarsvarModule } from "../../app/module.js";
import { reviewsDueFor, unitsForText } from "./index.js";
import { translator } from "../../platform/i18n/i18n.js";
import { reviewJobs } from "./jobs/review.js";
import { messages } from "./messages.js";
import { cataloguePolicies } from "./policies.js";
import { cataloguePublicRoutes } from "./public/routes.js";
import { seedCatalogue } from "./seed.js";
import { catalogueStaffRoutes } from "./staff/routes.js";

export const catalogueModule: KlarsvarModule = {
  name: "catalogue",
  messages,
  policies: cataloguePolicies,
  unitEvidence: unitsForText,
  nav: [
    { side: "public", href: "/stod", label: "catalogue.nav.help", order: 5 },
    {
      side: "staff",
      href: "/arbetsyta/stod",
      label: "catalogue.nav.services",
      policy: "catalogue.viewServices",
      order: 40,
    },
    {
      side: "staff",
      href: "/arbetsyta/admin/synonymer",
      label: "catalogue.nav.synonyms",
      policy: "catalogue.manageSynonyms",
      order: 197,
    },
  ],
  jobs: (ctx) => reviewJobs(ctx.database.db, ctx.jobs, ctx.mailer, ctx.config, ctx.org.id),
  routes: (app, ctx) => {
    cataloguePublicRoutes(app, ctx);
    catalogueStaffRoutes(app, ctx);
  },
  seedDemo: seedCatalogue,
  startPage: async (ctx, { user, lang }) => {
    const n = await reviewsDueFor(ctx.database.db, ctx.org.id, user.id);
    return n > 0
      ? [
          {
            order: 70,
            href: "/arbetsyta/stod?granska=1",
            text: translator(lang)("workspace.pagesToReview", { count: n }),
          },
        ]
      : [];
  },
};
