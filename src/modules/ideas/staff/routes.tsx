/** Workspace routes for ideas, one file per page or resource: the board and measures, an employee's ideas, one idea, settings. */
import type { ModuleContext } from "../../../app/module.js";
import type { TypedApp } from "../../../platform/http/typed.js";
import type { IdeaDeps } from "../commands.js";
import { ideaBoardRoutes } from "./board.js";
import { employeeIdeaRoutes } from "./employee.js";
import { staffIdeaRoutes } from "./idea.js";
import { ideaSettingsRoutes } from "./settings.js";
import { staffHelpers } from "./shared.js";

export function ideaStaffRoutes(app: TypedApp, ctx: ModuleContext, deps: IdeaDeps): void {
  const h = staffHelpers(ctx, deps);
  ideaBoardRoutes(app, ctx, deps, h);
  employeeIdeaRoutes(app, ctx, deps, h);
  staffIdeaRoutes(app, ctx, deps, h);
  ideaSettingsRoutes(app, ctx, deps, h);
}
