/**
 * Klarspråk in the platform: the JSON API, the public Klarspråkskollen page, and the editor
 * script that every text field in Klarsvar can use.
 */
import type { KlarsvarModule } from "../../app/module.js";
import { messages } from "./messages.js";
import { klarsprakRoutes } from "./routes.js";

export const klarsprakModule: KlarsvarModule = {
  name: "klarsprak",
  messages,
  nav: [{ side: "public", href: "/klarsprakskollen", label: "ks.nav", order: 50 }],
  routes: klarsprakRoutes,
};
