import { ButtonForm } from "../../../platform/http/typed.js";
/** Confirming a subscription and stopping the mailings, through signed links. */
import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import { ConfirmPage, DonePage } from "../../../views/components.js";
import { audit } from "../../../platform/audit/audit.js";
import { idFromSignedToken } from "../../../platform/auth/signed-links.js";
import { AppError } from "../../../platform/errors.js";
import type { TypedApp } from "../../../platform/http/typed.js";
import { sayer } from "../../../platform/i18n/messages.js";
import type { NewsroomDeps } from "../commands.js";
import { messages } from "../messages.js";
import { SKIPPED_UNSUBSCRIBED } from "../newsroom-words.js";
import { TokenParams } from "../schema.js";
import { publicKit } from "./shared.js";

export function mailingRoutes(app: TypedApp, ctx: ModuleContext, deps: NewsroomDeps): void {
  const { config, db, formLimit, LINK_ACTOR } = publicKit(ctx, deps);

  app.get("/press/prenumerera/:token", { config: { access: "public" }, schema: { params: TokenParams } }, async (request, reply) => {
    const { token } = request.params;
    if (!idFromSignedToken(config.sessionSecret, "press-subscribe", token)) throw new AppError("KS_NOT_FOUND");
    const say = sayer(messages, request.lang);
    reply.header("cache-control", "no-store");
    return sendPage(request, reply, { title: say("subscribe.confirm.title"), side: "public" }, (page) => (
      <ConfirmPage ctx={page} heading={say("subscribe.confirm.title")} action={`/press/prenumerera/${token}`} button={say("subscribe.confirm.button")}
        text={say("subscribe.confirm.text")} />
    ));
  });

  app.post("/press/prenumerera/:token", { config: { access: "public", rateLimit: formLimit }, schema: { body: ButtonForm, params: TokenParams } }, async (request, reply) => {
    const say = sayer(messages, request.lang);
    const id = idFromSignedToken(config.sessionSecret, "press-subscribe", request.params.token);
    const done = id ? await db.updateTable("newsroom_subscribers").set({ confirmed_at: new Date() }).where("id", "=", id).where("unsubscribed_at", "is", null).returning("id").executeTakeFirst() : undefined;
    if (done) await audit(db, LINK_ACTOR, { action: "newsroom.subscribe.confirm", subjectType: "newsroom_subscriber", subjectId: done.id });
    if (!done) throw new AppError("KS_NOT_FOUND", say("subscribe.expired"));
    return sendPage(request, reply, { title: say("subscribe.done.title"), side: "public" }, () => (
      <DonePage heading={say("subscribe.done.title")} text={say("subscribe.done.text")} link={{ href: "/press", label: say("subscribe.done.link") }} />
    ));
  });

  // One address for people (a page with a button) and for mail programs (RFC 8058 one-click POST, no cookie, so no CSRF token: the signed token is the proof).
  const stopTarget = (token: string): { table: "newsroom_subscribers" | "media_contacts"; id: string } | undefined => {
    const s = idFromSignedToken(config.sessionSecret, "press-subscriber", token);
    if (s) return { table: "newsroom_subscribers", id: s };
    const c = idFromSignedToken(config.sessionSecret, "press-contact", token);
    return c ? { table: "media_contacts", id: c } : undefined;
  };
  app.get("/press/avsluta/:token", { config: { access: "public" }, schema: { params: TokenParams } }, async (request, reply) => {
    const { token } = request.params;
    if (!stopTarget(token)) throw new AppError("KS_NOT_FOUND");
    const say = sayer(messages, request.lang);
    reply.header("cache-control", "no-store");
    return sendPage(request, reply, { title: say("stop.title"), side: "public" }, (page) => (
      <ConfirmPage ctx={page} heading={say("stop.title")} action={`/press/avsluta/${token}`} button={say("stop.button")} text={say("stop.text")} />
    ));
  });
  app.post("/press/avsluta/:token", { config: { access: "public", csrf: false, rateLimit: formLimit }, schema: { body: ButtonForm, params: TokenParams } }, async (request, reply) => {
    const target = stopTarget(request.params.token);
    if (!target) throw new AppError("KS_NOT_FOUND");
    await db.transaction().execute(async (trx) => {
      if (target.table === "newsroom_subscribers") await trx.updateTable("newsroom_subscribers").set({ unsubscribed_at: new Date() }).where("id", "=", target.id).where("unsubscribed_at", "is", null).execute();
      else await trx.updateTable("media_contacts").set({ unsubscribed_at: new Date(), updated_at: new Date() }).where("id", "=", target.id).where("unsubscribed_at", "is", null).execute();
      await audit(trx, LINK_ACTOR, { action: target.table === "newsroom_subscribers" ? "newsroom.unsubscribe" : "media-contact.unsubscribe", subjectType: target.table === "newsroom_subscribers" ? "newsroom_subscriber" : "media_contact", subjectId: target.id });
      await trx.updateTable("release_deliveries").set({ status: "skipped", last_error: SKIPPED_UNSUBSCRIBED }).where(target.table === "newsroom_subscribers" ? "subscriber_id" : "contact_id", "=", target.id).where("status", "=", "pending").execute();
    });
    const say = sayer(messages, request.lang);
    return sendPage(request, reply, { title: say("stop.done.title"), side: "public" }, () => (
      <DonePage heading={say("stop.done.title")} text={say("stop.done.text")} />
    ));
  });
}
