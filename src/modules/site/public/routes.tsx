import { z } from "zod";
import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import { safeRedirectTarget } from "../../../platform/http/redirect.js";
import { LANG_COOKIE } from "../../../platform/i18n/i18n.js";
import { sayer } from "../../../platform/i18n/messages.js";
import type { TypedApp } from "../../../platform/http/typed.js";
import { messages } from "../messages.js";
import { AccessibilityStatement, PrivacyNotice, StartPage } from "./pages.js";

export function siteRoutes(app: TypedApp, ctx: ModuleContext): void {
  const publicPage = { config: { access: "public" } } as const;

  app.get("/", publicPage, (request, reply) =>
    sendPage(request, reply, { title: request.t("site.org"), side: "public", cacheable: true }, (page) => <StartPage ctx={page} orgName={ctx.org.name} />),
  );

  app.get("/tillganglighet", publicPage, (request, reply) =>
    sendPage(request, reply, { title: sayer(messages, request.lang)("access.title"), side: "public", cacheable: true }, (page) => (
      <AccessibilityStatement ctx={page} />
    )),
  );

  app.get("/personuppgifter", publicPage, (request, reply) =>
    sendPage(request, reply, { title: sayer(messages, request.lang)("privacy.title"), side: "public", cacheable: true }, (page) => (
      <PrivacyNotice ctx={page} sessionHours={ctx.config.sessionTtlHours} />
    )),
  );

  // A plain link switches language, so it works without JavaScript.
  app.get(
    "/sprak/:lang",
    {
      config: { access: "public" },
      schema: { params: z.object({ lang: z.enum(["sv", "en"]) }), querystring: z.object({ tillbaka: z.string().optional() }) },
    },
    (request, reply) => {
      const { lang } = request.params;
      const { tillbaka } = request.query;
      reply.setCookie(LANG_COOKIE, lang, {
        path: "/",
        sameSite: "lax",
        httpOnly: true,
        maxAge: 365 * 24 * 3600,
        secure: ctx.config.production,
      });
      return reply.redirect(safeRedirectTarget(tillbaka, "/"), 303);
    },
  );
}
