/** What the idea commands need, from the module context. */
import type { ModuleContext } from "../../app/module.js";
import type { IdeaDeps } from "./commands.js";

export function ideaDeps(ctx: ModuleContext): IdeaDeps {
  return {
    db: ctx.database.db,
    jobs: ctx.jobs,
    secret: ctx.config.sessionSecret,
    arrival: ctx.extensions,
    firstAnswerDays: ctx.config.ideas.firstAnswerDays,
    helpedAfterDays: ctx.config.ideas.helpedAfterDays,
  };
}
