/** The public frame: start page, accessibility statement, privacy notice, language switch. */
import type { KlarsvarModule } from "../../app/module.js";
import { messages } from "./messages.js";
import { siteRoutes } from "./public/routes.js";

export const siteModule: KlarsvarModule = {
  name: "site",
  messages,
  nav: [
    { side: "public", href: "/", label: "site.nav.start", order: 0 },
    { side: "public", href: "/tillganglighet", label: "site.nav.accessibility", order: 80 },
    { side: "public", href: "/personuppgifter", label: "site.nav.privacy", order: 90 },
  ],
  routes: siteRoutes,
};
