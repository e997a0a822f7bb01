/** What every staff route of the newsroom shares: the actor, the words, the write policy, how a refusal is answered. */
import type { ModuleContext } from "../../../app/module.js";
import { AppError } from "../../../platform/errors.js";
import { userActor } from "../../../platform/http/actor.js";
import { Uuid, type TypedRequest } from "../../../platform/http/typed.js";
import { sayer } from "../../../platform/i18n/messages.js";
import type { NewsroomDeps } from "../commands.js";
import { messages, type NewsroomSay } from "../messages.js";

export const isUuid = (x: string): boolean => Uuid.safeParse(x).success;

/** What a form posted, as the form shows it again: text fields as written, a list's first value. */
export function formValues(body: Readonly<Record<string, unknown>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(body)
      .filter(([k]) => k !== "_csrf")
      .map(([k, v]) => [k, String((Array.isArray(v) ? v[0] : v) ?? "")]),
  );
}

/** A command refused as forbidden or not found: the error page. */
export function refuse(kind: "forbidden" | "not_found"): never {
  throw new AppError(kind === "forbidden" ? "KS_FORBIDDEN" : "KS_NOT_FOUND");
}

/** The pieces each staff route file starts from. */
export function staffKit(ctx: ModuleContext, deps: NewsroomDeps) {
  const { org } = ctx;
  return {
    org,
    db: deps.db,
    /** The signed-in person, as the audit log names them. */
    actorOf: (request: TypedRequest) => {
      if (!request.user) throw new AppError("KS_UNAUTHENTICATED");
      return { ...userActor(request, org.id), userId: request.user.id };
    },
    sayFor: (request: TypedRequest): NewsroomSay => sayer(messages, request.lang),
    W: { access: "newsroom.write" } as const,
  };
}
