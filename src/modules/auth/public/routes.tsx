import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import type { FastifyReply, TypedApp, TypedRequest } from "../../../platform/http/typed.js";
import { safeRedirectTarget } from "../../../platform/http/redirect.js";
import { rotateCsrf } from "../../../platform/http/csrf.js";
import { audit } from "../../../platform/audit/audit.js";
import type { OidcChecks } from "../../../platform/auth/oidc.js";
import { destroySession, SESSION_COOKIE } from "../../../platform/auth/sessions.js";
import { attemptPasswordLogin, findOrLinkOidcUser } from "../../../platform/auth/users.js";
import type { StaffUser } from "../../../platform/db/schema.js";
import type { FieldError } from "../../../views/context.js";
import { DEMO_PASSWORD } from "../../../platform/auth/demo.js";
import { requestActor, signIn as signInAs } from "./sign-in.js";
import { EmptyForm, LoginBody, LoginQuery, SsoQuery } from "../schema.js";
import { LoginPage } from "./views.js";

const OIDC_COOKIE = "ks_oidc";

export { requestActor };

import { userActor } from "../../../platform/http/actor.js";

export function authRoutes(app: TypedApp, ctx: ModuleContext): void {
  const { config, database, org } = ctx;
  const cookieSecure = config.production || config.publicUrl.startsWith("https://");

  const signIn = (request: TypedRequest, reply: FastifyReply, user: StaffUser, method: "password" | "oidc", next: string) =>
    signInAs(ctx, request, reply, user, method, next);

  function renderLogin(request: TypedRequest, reply: FastifyReply, state: { email?: string; errors?: FieldError[]; notice?: string; next?: string; status?: number }) {
    return sendPage(
      request,
      reply,
      { title: request.t("login.title"), side: "public", hasErrors: (state.errors?.length ?? 0) > 0, status: state.status ?? 200 },
      (page) => (
        <LoginPage
          ctx={page}
          email={state.email ?? ""}
          errors={state.errors ?? []}
          notice={state.notice}
          next={state.next ?? "/arbetsyta"}
          sso={ctx.oidc ? config.oidc?.label : undefined}
          demo={config.demo ? { password: DEMO_PASSWORD } : undefined}
        />
      ),
    );
  }

  app.get(
    "/logga-in",
    { config: { access: "public" }, schema: { querystring: LoginQuery } },
    (request, reply) => {
      const q = request.query;
      if (request.user) return reply.redirect(safeRedirectTarget(q.nasta, "/arbetsyta"), 303);
      const t = request.t;
      const errors: FieldError[] = q.fel === "sso" ? [{ field: "sso", message: t("login.error.sso") }]
        : q.fel === "sso-okand" ? [{ field: "sso", message: t("login.error.ssoUnknown") }] : [];
      return renderLogin(request, reply, {
        next: safeRedirectTarget(q.nasta, "/arbetsyta"),
        errors,
        ...(q.utloggad ? { notice: t("login.loggedOut") } : {}),
      });
    },
  );

  app.post(
    "/logga-in",
    {
      config: { access: "public", rateLimit: { max: config.login.ratePerMinute, timeWindow: 60_000 } },
      schema: { body: LoginBody },
    },
    async (request, reply) => {
      const body = request.body;
      const t = request.t;
      const next = safeRedirectTarget(body.nasta, "/arbetsyta");
      const errors: FieldError[] = [];
      if (!body.email.trim()) errors.push({ field: "email", message: t("login.error.email") });
      if (!body.password) errors.push({ field: "password", message: t("login.error.password") });
      if (errors.length > 0) return renderLogin(request, reply, { email: body.email, errors, next, status: 400 });
      const result = await attemptPasswordLogin(database.db, requestActor(request, org.id), org.id, body.email, body.password, config.login);
      if (!result.ok) {
        if ("waitMs" in result) {
          reply.header("retry-after", String(Math.ceil(result.waitMs / 1000)));
          return renderLogin(request, reply, { email: body.email, errors: [{ field: "email", message: t("login.error.throttled", { minutes: Math.max(1, Math.ceil(result.waitMs / 60_000)) }) }], next, status: 429 });
        }
        return renderLogin(request, reply, { email: body.email, errors: [{ field: "email", message: t("login.error.wrong") }], next, status: 401 });
      }
      return signIn(request, reply, result.value, "password", next);
    },
  );

  // Sign-out is allowed without a live session (it may have expired); CSRF still applies.
  app.post("/logga-ut", { config: { access: "public" }, schema: { body: EmptyForm } }, async (request, reply) => {
    if (request.user) {
      const user = request.user;
      await database.db.transaction().execute(async (trx) => {
        await destroySession(trx, user.sessionId);
        await audit(trx, userActor(request, org.id), { action: "auth.logout", subjectType: "staff_user", subjectId: user.id });
      });
    }
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    rotateCsrf(reply);
    return reply.redirect("/logga-in?utloggad=1", 303);
  });

  app.get("/logga-in/sso", { config: { access: "public" }, schema: { querystring: SsoQuery } }, async (request, reply) => {
    if (!ctx.oidc) return reply.callNotFound();
    const { nasta } = request.query;
    try {
      const { url, checks } = await ctx.oidc.start(safeRedirectTarget(nasta, "/arbetsyta"));
      reply.setCookie(OIDC_COOKIE, JSON.stringify(checks), {
        path: "/logga-in/sso", httpOnly: true, sameSite: "lax", secure: cookieSecure, signed: true, maxAge: 600,
      });
      return reply.redirect(url, 303);
    } catch (error) {
      request.log.warn({ err: error }, "OIDC discovery failed");
      return reply.redirect("/logga-in?fel=sso", 303);
    }
  });

  app.get("/logga-in/sso/callback", { config: { access: "public" } }, async (request, reply) => {
    if (!ctx.oidc) return reply.callNotFound();
    const raw = request.cookies[OIDC_COOKIE];
    const unsigned = raw ? request.unsignCookie(raw) : undefined;
    reply.clearCookie(OIDC_COOKIE, { path: "/logga-in/sso" });
    if (!unsigned?.valid || !unsigned.value) return reply.redirect("/logga-in?fel=sso", 303);
    let checks: OidcChecks;
    try {
      checks = JSON.parse(unsigned.value) as OidcChecks;
      const identity = await ctx.oidc.finish(new URL(request.url, config.publicUrl), checks);
      const user = await findOrLinkOidcUser(database.db, requestActor(request, org.id), org.id, identity, { allowedDomains: config.oidc?.allowedDomains ?? [] });
      if (!user) {
        await audit(database.db, { ...requestActor(request, org.id), userId: null, label: "anonymous" }, {
          action: "auth.login.failed", details: { reason: "oidc_unknown", subject: identity.subject, email: identity.email ?? null },
        });
        return reply.redirect("/logga-in?fel=sso-okand", 303);
      }
      await database.db.updateTable("staff_users").set({ last_login_at: new Date(), failed_logins: 0 }).where("id", "=", user.id).execute();
      return signIn(request, reply, user, "oidc", safeRedirectTarget(checks.next, "/arbetsyta"));
    } catch (error) {
      request.log.warn({ err: error }, "OIDC callback failed");
      return reply.redirect("/logga-in?fel=sso", 303);
    }
  });
}
