/** Public routes for ideas, one file per page or resource: the list and feeds, the form, the submitter's page, an idea's page, following. */
import type { ModuleContext } from "../../../app/module.js";
import type { TypedApp } from "../../../platform/http/typed.js";
import type { IdeaDeps } from "../commands.js";
import { followRoutes } from "./follow.js";
import { publicIdeaRoutes } from "./idea.js";
import { ideaListRoutes } from "./list.js";
import { myIdeaRoutes } from "./mine.js";
import { submitIdeaRoutes } from "./submit.js";

export function ideaPublicRoutes(app: TypedApp, ctx: ModuleContext, deps: IdeaDeps): void {
  ideaListRoutes(app, ctx, deps);
  submitIdeaRoutes(app, ctx, deps);
  myIdeaRoutes(app, ctx, deps);
  publicIdeaRoutes(app, ctx, deps);
  followRoutes(app, ctx, deps);
}
