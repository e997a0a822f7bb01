/** What every staff route for ideas needs: who is asking, and what they may do with an idea. */
import type { ModuleContext } from "../../../app/module.js";
import { type TypedRequest } from "../../../platform/http/typed.js";
import { sayer } from "../../../platform/i18n/messages.js";
import type { SessionUser } from "../../../platform/auth/session-user.js";
import { AppError } from "../../../platform/errors.js";
import { userActor } from "../../../platform/http/actor.js";
import type { IdeaDeps } from "../commands.js";
import { messages } from "../messages.js";
import { canHandle, ideaPolicies } from "../policies.js";
import { groupIdsOf, groups, ideaById, units, type IdeaDetail } from "../queries.js";
import { ownerSuggester } from "../routing.js";
import { submitterKeyFor } from "../tokens.js";

export interface StaffHelpers {
  /** The signed-in person (the route's policy has already let them in). */
  readonly userOf: (request: TypedRequest) => SessionUser;
  readonly actorOf: (request: TypedRequest) => ReturnType<typeof userActor> & { userId: string };
  readonly suggestOwner: ReturnType<typeof ownerSuggester>;
  /** The idea, and what this person may do with it; nobody else learns that it exists. */
  readonly access: (
    request: TypedRequest,
    id: string,
  ) => Promise<{ user: SessionUser; idea: IdeaDetail; handles: boolean; own: boolean; moderates: boolean }>;
  /** Units and innovation groups to choose an owner from. */
  readonly ownerOptions: (request: TypedRequest) => Promise<{ value: string; label: string }[]>;
}

export function staffHelpers(ctx: ModuleContext, deps: IdeaDeps): StaffHelpers {
  const { org, config } = ctx;
  const db = deps.db;
  const userOf = (request: TypedRequest): SessionUser => {
    if (!request.user) throw new AppError("KS_UNAUTHENTICATED");
    return request.user;
  };
  const actorOf = (request: TypedRequest) => ({ ...userActor(request, org.id), userId: userOf(request).id });
  const suggestOwner = ownerSuggester(db, org.id);
  const isSubmitter = (user: SessionUser, idea: IdeaDetail) =>
    idea.submitterUserId === user.id || idea.submitterKey === submitterKeyFor(config.sessionSecret, user.id);

  /** The idea, and what this person may do with it; nobody else learns that it exists. */
  async function access(request: TypedRequest, id: string) {
    const user = userOf(request);
    const idea = await ideaById(db, org.id, id);
    if (!idea) throw new AppError("KS_NOT_FOUND");
    const handles = canHandle(user, idea, await groupIdsOf(db, user.id));
    const own = isSubmitter(user, idea);
    if (!handles && !own) throw new AppError("KS_NOT_FOUND");
    return { user, idea, handles, own, moderates: ideaPolicies["moderate"]?.(user) === true };
  }

  const ownerOptions = async (request: TypedRequest) => {
    const say = sayer(messages, request.lang);
    const [u, g] = await Promise.all([units(db, org.id), groups(db, org.id)]);
    return [
      ...u.map((x) => ({ value: `unit:${x.id}`, label: x.name })),
      ...g
        .filter((x) => x.active)
        .map((x) => ({ value: `group:${x.id}`, label: say("staff.owner.group", { name: x.name }) })),
    ];
  };
  return { userOf, actorOf, suggestOwner, access, ownerOptions };
}
