/** Public newsroom routes, one file per page or resource: list and search, feeds, mailings, images and material, events, releases. */
import type { ModuleContext } from "../../../app/module.js";
import type { TypedApp } from "../../../platform/http/typed.js";
import type { NewsroomDeps } from "../commands.js";
import { assetRoutes } from "./assets.js";
import { eventRoutes } from "./events.js";
import { feedRoutes } from "./feeds.js";
import { listRoutes } from "./list.js";
import { mailingRoutes } from "./mailings.js";
import { releaseRoutes } from "./releases.js";

export function newsroomPublicRoutes(app: TypedApp, ctx: ModuleContext, deps: NewsroomDeps): void {
  listRoutes(app, ctx, deps);
  feedRoutes(app, ctx, deps);
  mailingRoutes(app, ctx, deps);
  assetRoutes(app, ctx, deps);
  eventRoutes(app, ctx, deps);
  releaseRoutes(app, ctx, deps);
}
