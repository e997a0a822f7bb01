/** Workspace routes for the newsroom, one file per resource. Communicators and admins write; someone else than the writer approves. */
import type { ModuleContext } from "../../../app/module.js";
import type { TypedApp } from "../../../platform/http/typed.js";
import type { NewsroomDeps } from "../commands.js";
import { contactRoutes } from "./contacts.js";
import { coverageRoutes } from "./coverage.js";
import { eventRoutes } from "./events.js";
import { releaseRoutes } from "./releases.js";

export function newsroomStaffRoutes(app: TypedApp, ctx: ModuleContext, deps: NewsroomDeps): void {
  releaseRoutes(app, ctx, deps);
  contactRoutes(app, ctx, deps);
  eventRoutes(app, ctx, deps);
  coverageRoutes(app, ctx, deps);
}
