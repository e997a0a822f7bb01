/** Staff routes of the help catalogue: the service pages (list, editor, versions, translations) and the synonyms. */
import type { ModuleContext } from "../../../app/module.js";
import type { TypedApp } from "../../../platform/http/typed.js";
import { serviceRoutes } from "./services.js";
import { synonymRoutes } from "./synonyms.js";

export function catalogueStaffRoutes(app: TypedApp, ctx: ModuleContext): void {
  serviceRoutes(app, ctx);
  synonymRoutes(app, ctx);
}
