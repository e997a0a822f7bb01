/** Routes for requests for public documents: the public form and download page, the registrar's pages. */
import type { ModuleContext } from "../../app/module.js";
import type { TypedApp } from "../../platform/http/typed.js";
import { publicRequestRoutes } from "./public/routes.js";
import { requestDecisionRoutes } from "./staff/decision.js";
import { requestDocumentRoutes } from "./staff/documents.js";
import { requestListRoutes } from "./staff/list.js";
import { requestPages } from "./staff/request-page.js";

export function requestRoutes(app: TypedApp, ctx: ModuleContext): void {
  publicRequestRoutes(app, ctx);
  const pages = requestPages(ctx);
  requestListRoutes(app, ctx, pages);
  requestDocumentRoutes(app, ctx, pages);
  requestDecisionRoutes(app, ctx, pages);
}
