/** The help catalogue: what help exists, in plain language, searchable in Swedish, as open data. */
import type { KlarsvarModule } from "../../app/module.js";
import { createMailer } from "../../platform/mail/mailer.js";
import { reviewJobs } from "./jobs/review.js";
import { cataloguePolicies } from "./policies.js";
import { cataloguePublicRoutes } from "./public/routes.js";
import { seedCatalogue } from "./seed.js";
import { catalogueStaffRoutes } from "./staff/routes.js";

export const catalogueModule: KlarsvarModule = {
  name: "catalogue",
  policies: cataloguePolicies,
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
  jobs: (ctx) => reviewJobs(ctx.database.db, ctx.jobs, createMailer(ctx.config.mail), ctx.config, ctx.org.id),
  routes: (app, ctx) => {
    cataloguePublicRoutes(app, ctx);
    catalogueStaffRoutes(app, ctx);
  },
  seedDemo: seedCatalogue,
};
