import { ButtonForm } from "../../../platform/http/typed.js";
/** The submitter's own page (reached through the secret link in their e-mail): confirming, and "did it help?". */
import type { ModuleContext } from "../../../app/module.js";
import { requestActor } from "../../../platform/http/actor.js";
import { AppError } from "../../../platform/errors.js";
import { sendPage } from "../../../platform/http/page.js";
import type { FastifyReply, TypedApp, TypedRequest } from "../../../platform/http/typed.js";
import { sayer } from "../../../platform/i18n/messages.js";
import type { FieldError } from "../../../views/context.js";
import { answerHelped, confirmIdea, errorsOf, type IdeaDeps } from "../commands.js";
import { ACTOR_LABEL } from "../record-words.js";
import { messages } from "../messages.js";
import { ideaById, publicState, timeline } from "../queries.js";
import { HelpedBody, MineQuery, TokenParams } from "../schema.js";
import { idFromToken } from "../tokens.js";
import { MyIdeaPage } from "./views.js";

export function myIdeaRoutes(app: TypedApp, ctx: ModuleContext, deps: IdeaDeps): void {
  const { config, org } = ctx;
  const db = deps.db;
  const formLimit = { max: config.formRateLimitPerMinute, timeWindow: 60_000 };

  // ---- The submitter's page --------------------------------------------------------------

  const mine = async (token: string) => {
    const id = idFromToken(config.sessionSecret, "idea", token);
    const idea = id ? await ideaById(db, org.id, id) : undefined;
    if (!idea || idea.source !== "resident") throw new AppError("KS_NOT_FOUND");
    return idea;
  };
  const renderMine = async (
    request: TypedRequest,
    reply: FastifyReply,
    token: string,
    justSent: boolean,
    errors: readonly FieldError[],
    status = 200,
  ) => {
    const say = sayer(messages, request.lang);
    const idea = await mine(token);
    // The submitter sees every public step and what was said to them (held, cleared, rejected).
    const steps = (await timeline(db, idea.id, false)).filter(
      (s) => s.public || ["held", "cleared", "rejected"].includes(s.kind),
    );
    reply.header("cache-control", "no-store").header("referrer-policy", "no-referrer");
    return sendPage(
      request,
      reply,
      {
        title: say("mine.title", { number: idea.number }),
        side: "public",
        hasErrors: errors.length > 0,
        status,
      },
      (page) => (
        <MyIdeaPage
          ctx={page}
          idea={idea}
          steps={steps}
          state={publicState(steps)}
          token={token}
          justSent={justSent}
          errors={errors}
        />
      ),
    );
  };
  app.get(
    "/forslag/mitt/:token",
    { config: { access: "public" }, schema: { params: TokenParams, querystring: MineQuery } },
    async (request, reply) => renderMine(request, reply, request.params.token, request.query.skickat === "1", []),
  );

  app.post(
    "/forslag/mitt/:token/bekrafta",
    { config: { access: "public", rateLimit: formLimit }, schema: { body: ButtonForm, params: TokenParams } },
    async (request, reply) => {
      const { token } = request.params;
      const idea = await mine(token);
      await confirmIdea(
        deps,
        { ...requestActor(request, org.id), userId: null, label: ACTOR_LABEL.submitter },
        idea.id,
        request.lang,
      );
      return reply.redirect(`/forslag/mitt/${token}`, 303);
    },
  );

  app.post(
    "/forslag/mitt/:token/hjalpte",
    { config: { access: "public", rateLimit: formLimit }, schema: { params: TokenParams, body: HelpedBody } },
    async (request, reply) => {
      const { token } = request.params;
      const idea = await mine(token);
      const r = await answerHelped(deps, org.id, idea.id, request.body.helped, request.body.helpedComment, request.lang);
      if (!r.ok) return renderMine(request, reply, token, false, errorsOf(r), 400);
      return reply.redirect(`/forslag/mitt/${token}`, 303);
    },
  );

}
