/** What every public route of the newsroom shares. */
import type { ModuleContext } from "../../../app/module.js";
import type { NewsroomDeps } from "../commands.js";
import { LINK_ACTOR_LABEL } from "../newsroom-words.js";

export function publicKit(ctx: ModuleContext, deps: NewsroomDeps) {
  const { config, org } = ctx;
  return {
    config,
    org,
    db: deps.db,
    base: config.publicUrl,
    formLimit: { max: config.formRateLimitPerMinute, timeWindow: 60_000 },
    /** What a journalist or subscriber does through a signed link: no account, no name in the log. */
    LINK_ACTOR: { orgId: org.id, userId: null, label: LINK_ACTOR_LABEL } as const,
  };
}
