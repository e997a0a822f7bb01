/** People and units: the admins' pages for staff accounts (invitations, roles, units, rights, deactivation, sign-in history) and the unit tree. */
import type { KlarsvarModule } from "../../app/module.js";
import { peoplePolicies } from "./policies.js";
import { messages } from "./messages.js";
import { peopleRoutes } from "./staff/routes.js";

export const peopleModule: KlarsvarModule = {
  name: "people",
  messages,
  policies: peoplePolicies,
  nav: [
    {
      side: "staff",
      href: "/arbetsyta/admin/personal",
      label: "people.nav.staff",
      policy: "people.viewStaff",
      order: 180,
    },
    {
      side: "staff",
      href: "/arbetsyta/admin/enheter",
      label: "people.nav.units",
      policy: "people.viewUnits",
      order: 185,
    },
  ],
  routes: peopleRoutes,
};
