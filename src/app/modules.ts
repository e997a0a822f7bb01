/** Every module, in the order their navigation and routes are registered. */
import type { KlarsvarModule } from "./module.js";
import { siteModule } from "../modules/site/module.js";
import { authModule } from "../modules/auth/module.js";
import { workspaceModule } from "../modules/workspace/module.js";
import { adminModule } from "../modules/admin/module.js";
import { peopleModule } from "../modules/people/module.js";
import { opsModule } from "../modules/ops/module.js";
import { klarsprakModule } from "../modules/klarsprak/module.js";
import { inboxModule } from "../modules/inbox/module.js";
import { catalogueModule } from "../modules/catalogue/module.js";
import { requestsModule } from "../modules/requests/module.js";
import { socialModule } from "../modules/social/module.js";
import { ideasModule } from "../modules/ideas/module.js";
import { newsroomModule } from "../modules/newsroom/module.js";

export const MODULES: readonly KlarsvarModule[] = [
  siteModule,
  inboxModule,
  catalogueModule,
  requestsModule,
  socialModule,
  ideasModule,
  newsroomModule,
  klarsprakModule,
  authModule,
  workspaceModule,
  peopleModule,
  adminModule,
  opsModule,
];
