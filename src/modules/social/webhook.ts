/**
 * The Meta webhook: the subscription handshake (hub.mode / hub.verify_token / hub.challenge),
 * and deliveries signed with X-Hub-Signature-256. A delivery is stored, with its job, before
 * we answer 200 — so nothing is lost if we stop a moment later — and worked in the job.
 * A wrong or missing signature is refused (403) and logged; everything signed is answered
 * 200, even what we cannot use, so Meta does not retry it for ever.
 */
import type { ModuleContext } from "../../app/module.js";
import type { TypedApp } from "../../platform/http/typed.js";
import { WebhookQuery } from "./schema.js";
import { validMetaSignature } from "./signature.js";

export const PROCESS_EVENT_JOB = "social.process-event";

export function metaWebhookRoutes(app: TypedApp, ctx: ModuleContext): void {
  const { config, org } = ctx;
  const db = ctx.database.db;

  app.get(
    "/webhooks/meta",
    { config: { access: "public" }, schema: { querystring: WebhookQuery } },
    async (request, reply) => {
      const q = request.query;
      const token = config.social.metaVerifyToken;
      if (
        q["hub.mode"] === "subscribe" &&
        token &&
        q["hub.verify_token"] === token &&
        typeof q["hub.challenge"] === "string"
      ) {
        return reply.type("text/plain").send(q["hub.challenge"]);
      }
      request.log.warn("Meta webhook handshake refused");
      return reply.status(403).type("text/plain").send("Forbidden");
    },
  );

  // Own context: the body must stay raw bytes, since the signature is over exactly those.
  void app.register(async (child) => {
    child.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) => done(null, body));
    child.removeContentTypeParser("application/json");
    child.addContentTypeParser("application/json", { parseAs: "buffer" }, (_request, body, done) => done(null, body));
    child.post(
      "/webhooks/meta",
      {
        // Meta sends bursts from few addresses; the signature, not the rate, keeps strangers out.
        config: { access: "public", csrf: false, rateLimit: { max: 20_000, timeWindow: 60_000 } },
      },
      async (request, reply) => {
        const secret = config.social.metaAppSecret;
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const signature = request.headers["x-hub-signature-256"];
        if (!secret || !validMetaSignature(secret, body, typeof signature === "string" ? signature : undefined)) {
          request.log.warn(
            { signature: signature ? "wrong" : "missing", configured: Boolean(secret) },
            "Meta webhook delivery refused: signature",
          );
          return reply.status(403).type("text/plain").send("Forbidden");
        }
        await db.transaction().execute(async (trx) => {
          const ev = await trx
            .insertInto("social_events")
            .values({ org_id: org.id, source: "meta", body: body.toString("utf8") })
            .returning("id")
            .executeTakeFirstOrThrow();
          await ctx.jobs.send(PROCESS_EVENT_JOB, { eventId: ev.id }, { idempotencyKey: ev.id, within: trx });
        });
        return reply.type("text/plain").send("EVENT_RECEIVED");
      },
    );
  });
}
