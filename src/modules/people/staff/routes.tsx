/**
 * Workspace routes for people and units (admins only): `/arbetsyta/admin/personal` and
 * `/arbetsyta/admin/enheter`, one file per page or resource. Handlers translate HTTP; the
 * commands decide. A form with a problem comes back with status 400 and what was typed; every
 * successful POST redirects (303).
 */
import type { ModuleContext } from "../../../app/module.js";
import type { TypedApp } from "../../../platform/http/typed.js";
import { personRoutes } from "./person.js";
import { staffListRoutes } from "./staff-list.js";
import { unitRoutes } from "./units.js";

export function peopleRoutes(app: TypedApp, ctx: ModuleContext): void {
  staffListRoutes(app, ctx);
  personRoutes(app, ctx);
  unitRoutes(app, ctx);
}
