/** An idea's public page, and asking to follow it. */
import type { ModuleContext } from "../../../app/module.js";
import { AppError } from "../../../platform/errors.js";
import { sendPage } from "../../../platform/http/page.js";
import type { FastifyReply, TypedApp, TypedRequest } from "../../../platform/http/typed.js";
import type { FieldError } from "../../../views/context.js";
import { errorsOf, followIdea, type IdeaDeps } from "../commands.js";
import { followerCount, ideaLinks, publicIdea, publicState, timeline } from "../queries.js";
import { FollowBody, IdeaQuery, NumberParams } from "../schema.js";
import { IdeaPage } from "./views.js";

export function publicIdeaRoutes(app: TypedApp, ctx: ModuleContext, deps: IdeaDeps): void {
  const { config, org } = ctx;
  const db = deps.db;
  const formLimit = { max: config.formRateLimitPerMinute, timeWindow: 60_000 };

  // ---- An idea's public page and following it ----------------------------------------------

  const renderIdea = async (
    request: TypedRequest,
    reply: FastifyReply,
    number: string,
    follow: { errors: readonly FieldError[]; email: string; followed: boolean },
    status = 200,
  ) => {
    const idea = await publicIdea(db, org.id, number);
    if (!idea) throw new AppError("KS_NOT_FOUND");
    const [steps, links, followers] = await Promise.all([
      timeline(db, idea.id, true),
      ideaLinks(db, idea.id),
      followerCount(db, idea.id),
    ]);
    return sendPage(
      request,
      reply,
      {
        title: idea.title,
        side: "public",
        hasErrors: follow.errors.length > 0,
        status,
        cacheable: follow.errors.length === 0 && !follow.followed,
        maxAge: 0,
      },
      (page) => (
        <IdeaPage
          ctx={page}
          idea={idea}
          steps={steps}
          state={publicState(steps)}
          links={links}
          followers={followers}
          followErrors={follow.errors}
          followEmail={follow.email}
          followed={follow.followed}
        />
      ),
    );
  };

  app.get(
    "/forslag/:number",
    { config: { access: "public" }, schema: { params: NumberParams, querystring: IdeaQuery } },
    (request, reply) =>
      renderIdea(request, reply, request.params.number, {
        errors: [],
        email: "",
        followed: request.query.folj === "1",
      }),
  );

  app.post(
    "/forslag/:number/folj",
    { config: { access: "public", rateLimit: formLimit }, schema: { params: NumberParams, body: FollowBody } },
    async (request, reply) => {
      const { number } = request.params;
      const idea = await publicIdea(db, org.id, number);
      if (!idea) throw new AppError("KS_NOT_FOUND");
      const email = request.body.followEmail.trim();
      const frequency = request.body.frequency === "daily" ? "daily" : "immediate";
      const r = await followIdea(deps, org.id, idea.id, email, frequency, request.lang);
      if (!r.ok) return renderIdea(request, reply, number, { errors: errorsOf(r), email, followed: false }, 400);
      // The same answer whether the address already follows or not: nobody learns who follows what.
      return reply.redirect(`/forslag/${number}?folj=1#folj`, 303);
    },
  );

}
