/** The end of a request: released in parts, the decision, and sending the documents. */
import type { FastifyRequest } from "fastify";
import type { ModuleContext } from "../../../app/module.js";
import { userActor } from "../../../platform/http/actor.js";
import type { TypedApp } from "../../../platform/http/typed.js";
import { sayer } from "../../../platform/i18n/messages.js";
import { inboxDepsFor, replyToCase } from "../../inbox/index.js";
import { decideRequest, deliverPart, deliverRequest, setPartsNote, type Delivery } from "../commands.js";
import { messages } from "../messages.js";
import { DecisionBody, DeliveryBody, IdParams, PartsBody } from "../schema.js";
import { problemsOf, type RequestPages } from "./request-page.js";

export function requestDecisionRoutes(app: TypedApp, ctx: ModuleContext, pages: RequestPages): void {
  const { config, org } = ctx;
  const db = ctx.database.db;
  const deps = inboxDepsFor(ctx);
  const { loadRequest, renderRequest, done } = pages;
  const access = { access: "requests.handle" } as const;
  const publicUrl = config.publicUrl.replace(/\/$/, "");
  // What the requester reads is in Swedish: they wrote to a Swedish authority, and the answer is registered.
  const toRequester = sayer(messages, "sv");

  /**
   * The requester hears how the documents come, as an answer in the case: on the follow page,
   * and by e-mail when we have an address (a link must reach them; post is said to be on its
   * way). The case then counts as answered on the board.
   */
  const tellRequester = async (request: FastifyRequest, caseId: string, delivery: Delivery, part: boolean) => {
    const user = request.user;
    if (!user) return;
    const say = toRequester;
    const what = say(part ? "reply.what.part" : "reply.what.all");
    const how =
      delivery.method === "download"
        ? say("reply.download", {
            what,
            until: delivery.expiresAt ?? new Date(),
            link: delivery.token ? `${publicUrl}/handling/${delivery.token}` : "",
          })
        : delivery.method === "email"
          ? say("reply.email", { what })
          : say("reply.post", { what });
    const fee = delivery.fee > 0 ? ` ${say("reply.fee", { fee: delivery.fee })}` : "";
    await replyToCase(deps, { ...userActor(request, org.id), userId: user.id, orgId: org.id }, caseId, `${how}${fee}`);
  };

  app.post(
    "/arbetsyta/begaran/:id/delar",
    { config: access, schema: { params: IdParams, body: PartsBody } },
    async (request, reply) => {
      const { id } = request.params;
      const { r } = await loadRequest(request, id);
      const note = request.body.parts.trim();
      const result = await setPartsNote(db, userActor(request, org.id), org.id, id, note, request.lang);
      if (!result.ok) return renderRequest(request, reply, id, { errors: problemsOf(result) });
      // The requester is told, on their follow page and by e-mail when we have an address.
      const user = request.user;
      if (note && user) {
        await replyToCase(
          deps,
          { ...userActor(request, org.id), userId: user.id, orgId: org.id },
          r.case_id,
          toRequester("reply.parts", { note }),
        );
      }
      return done(reply, id, "delar");
    },
  );

  app.post(
    "/arbetsyta/begaran/:id/beslut",
    { config: access, schema: { params: IdParams, body: DecisionBody } },
    async (request, reply) => {
      const { id } = request.params;
      await loadRequest(request, id);
      const result = await decideRequest(
        db,
        userActor(request, org.id),
        org.id,
        id,
        { reason: request.body.reason, decidedByName: request.user?.name ?? "", organisation: org.name },
        request.lang,
      );
      if (!result.ok) return renderRequest(request, reply, id, { errors: problemsOf(result) });
      return done(reply, id, "beslut");
    },
  );

  // Sending a part ahead and sending everything after the decision: the same steps.
  for (const [path, field, part] of [
    ["leverans-del", "partMethod", true],
    ["leverans", "method", false],
  ] as const) {
    app.post(
      `/arbetsyta/begaran/:id/${path}`,
      { config: access, schema: { params: IdParams, body: DeliveryBody } },
      async (request, reply) => {
        const { id } = request.params;
        const { r } = await loadRequest(request, id);
        const deliver = part ? deliverPart : deliverRequest;
        const result = await deliver(
          db,
          ctx.jobs,
          userActor(request, org.id),
          org.id,
          id,
          request.body[field],
          config,
          request.lang,
        );
        if (!result.ok) return renderRequest(request, reply, id, { errors: problemsOf(result) });
        await tellRequester(request, r.case_id, result.value, part);
        const token = result.value.token;
        const what = part ? "del" : "skickad";
        // The download link is shown this once (only its hash is stored).
        if (token)
          return renderRequest(request, reply, id, {
            notice: sayer(messages, request.lang)(`notice.${what}`),
            link: `${publicUrl}/handling/${token}`,
          });
        return done(reply, id, what);
      },
    );
  }
}
