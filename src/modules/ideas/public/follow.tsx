import { ButtonForm } from "../../../platform/http/typed.js";
/** Following through the links in e-mail: confirming, and stopping (a page for people, one click for mail programs). */
import type { ModuleContext } from "../../../app/module.js";
import { AppError } from "../../../platform/errors.js";
import { sendPage } from "../../../platform/http/page.js";
import type { TypedApp } from "../../../platform/http/typed.js";
import { sayer } from "../../../platform/i18n/messages.js";
import { ConfirmPage, DonePage } from "../../../views/components.js";
import { confirmFollow, unsubscribe, type IdeaDeps } from "../commands.js";
import { messages } from "../messages.js";
import { TokenParams } from "../schema.js";
import { idFromToken } from "../tokens.js";

export function followRoutes(app: TypedApp, ctx: ModuleContext, deps: IdeaDeps): void {
  const { config } = ctx;
  const db = deps.db;
  const formLimit = { max: config.formRateLimitPerMinute, timeWindow: 60_000 };

  app.get(
    "/forslag/folj/:token",
    { config: { access: "public" }, schema: { params: TokenParams } },
    async (request, reply) => {
      const { token } = request.params;
      if (!idFromToken(config.sessionSecret, "follower", token)) throw new AppError("KS_NOT_FOUND");
      const say = sayer(messages, request.lang);
      reply.header("cache-control", "no-store");
      return sendPage(request, reply, { title: say("follow.start.title"), side: "public" }, (page) => (
        <ConfirmPage
          ctx={page}
          heading={say("follow.start.title")}
          action={`/forslag/folj/${token}`}
          button={say("follow.start.button")}
          text={say("follow.start.text")}
        />
      ));
    },
  );

  app.post(
    "/forslag/folj/:token",
    { config: { access: "public", rateLimit: formLimit }, schema: { body: ButtonForm, params: TokenParams } },
    async (request, reply) => {
      const { token } = request.params;
      const say = sayer(messages, request.lang);
      const id = idFromToken(config.sessionSecret, "follower", token);
      const done = id ? await confirmFollow(db, id) : undefined;
      if (!done) throw new AppError("KS_NOT_FOUND", say("follow.expired"));
      return sendPage(request, reply, { title: say("follow.done.title"), side: "public" }, () => (
        <DonePage
          heading={say("follow.done.title")}
          text={say("follow.done.text")}
          link={{ href: `/forslag/${done.ideaNumber}`, label: say("follow.done.back") }}
        />
      ));
    },
  );

  // Stopping: a page with a button for people, and one-click (RFC 8058) for mail programs.
  // The token in the address is the proof; a mail program's POST carries no cookie, so no CSRF token either.
  const stopFollower = (token: string): { id: string; all: boolean } | undefined => {
    const single = idFromToken(config.sessionSecret, "follower", token);
    if (single) return { id: single, all: false };
    const all = idFromToken(config.sessionSecret, "follower-all", token);
    return all ? { id: all, all: true } : undefined;
  };
  app.get(
    "/forslag/sluta-folja/:token",
    { config: { access: "public" }, schema: { params: TokenParams } },
    async (request, reply) => {
      const { token } = request.params;
      const f = stopFollower(token);
      if (!f) throw new AppError("KS_NOT_FOUND");
      const say = sayer(messages, request.lang);
      reply.header("cache-control", "no-store");
      return sendPage(request, reply, { title: say("follow.stop.title"), side: "public" }, (page) => (
        <ConfirmPage
          ctx={page}
          heading={say("follow.stop.title")}
          action={`/forslag/sluta-folja/${token}`}
          button={say("follow.stop.title")}
          text={say(f.all ? "follow.stop.textAll" : "follow.stop.textOne")}
        />
      ));
    },
  );

  app.post(
    "/forslag/sluta-folja/:token",
    { config: { access: "public", csrf: false, rateLimit: formLimit }, schema: { body: ButtonForm, params: TokenParams } },
    async (request, reply) => {
      const { token } = request.params;
      const f = stopFollower(token);
      if (!f) throw new AppError("KS_NOT_FOUND");
      await unsubscribe(db, f.id, f.all);
      const say = sayer(messages, request.lang);
      return sendPage(request, reply, { title: say("follow.stopped.title"), side: "public" }, () => (
        <DonePage heading={say("follow.stopped.title")} text={say("follow.stopped.text")} />
      ));
    },
  );
}
