/**
 * Choosing a password through a link: "Glömt lösenordet?" (the same answer, in the same time,
 * whether the address exists — the work is a job), the reset link, and the invitation an
 * admin sent. A used, closed or expired link gets a page that says so and shows the way to a
 * new one. Choosing the password ends every other session and signs the person in.
 */
import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import type { FastifyReply, TypedApp, TypedRequest } from "../../../platform/http/typed.js";
import { sayer } from "../../../platform/i18n/messages.js";
import { audit } from "../../../platform/audit/audit.js";
import { ACCOUNT_LINK_JOB, choosePasswordWithToken, findAccountToken, issueAccountToken, type ChoosePasswordError } from "../../../platform/auth/account-tokens.js";
import { destroySession } from "../../../platform/auth/sessions.js";
import type { AccountTokenPurpose } from "../../../platform/db/schema.js";
import { isEmailAddress } from "../../../platform/text.js";
import type { FieldError } from "../../../views/context.js";
import { REQUEST_RESET_JOB, type ResetRequest } from "../jobs.js";
import { messages } from "../messages.js";
import { ChooseBody, EmptyForm, ForgotBody, ForgotQuery, TokenParams, TokenQuery } from "../schema.js";
import { requestActor, signIn } from "./sign-in.js";
import { ChoosePasswordPage, DeadLinkPage, ForgotPasswordPage, InvitationRenewedPage, ResetSentPage, type DeadLink } from "./password-views.js";

/** One reset job per address and quarter of an hour: a flood of requests for one address queues one job. */
const RESET_WINDOW_MS = 15 * 60_000;
/** A new invitation link at most this often, however often the button is pressed. */
const RENEW_AFTER_MS = 10 * 60_000;

const PATHS: Record<AccountTokenPurpose, string> = { invitation: "/logga-in/inbjudan", password_reset: "/logga-in/nytt-losenord" };

export function passwordRoutes(app: TypedApp, ctx: ModuleContext): void {
  const { config, database, org, jobs } = ctx;
  const db = database.db;
  const limited = { max: config.login.ratePerMinute, timeWindow: 60_000 };
  const words = (request: TypedRequest) => sayer(messages, request.lang);

  // ---- Glömt lösenordet? ----------------------------------------------------------------

  app.get("/logga-in/glomt-losenord", { config: { access: "public" }, schema: { querystring: ForgotQuery } }, (request, reply) => {
    if (request.query.skickat) {
      return sendPage(request, reply, { title: words(request)("sent.title"), side: "public" }, (page) => <ResetSentPage ctx={page} />);
    }
    return sendPage(request, reply, { title: words(request)("forgot.title"), side: "public" }, (page) => (
      <ForgotPasswordPage ctx={page} email="" errors={[]} sso={ctx.oidc !== undefined} />
    ));
  });

  app.post("/logga-in/glomt-losenord", { config: { access: "public", rateLimit: limited }, schema: { body: ForgotBody } }, async (request, reply) => {
    const email = request.body.email.trim().toLowerCase();
    const errors: FieldError[] = !email
      ? [{ field: "email", message: words(request)("forgot.email.missing") }]
      : !isEmailAddress(email) ? [{ field: "email", message: words(request)("forgot.email.invalid") }] : [];
    if (errors.length > 0) {
      return sendPage(request, reply, { title: words(request)("forgot.title"), side: "public", hasErrors: true, status: 400 }, (page) => (
        <ForgotPasswordPage ctx={page} email={request.body.email} errors={errors} sso={ctx.oidc !== undefined} />
      ));
    }
    // Only a job is queued here, for every address alike: whether the account exists is decided in the worker.
    const data: ResetRequest = { email, ip: request.ip, requestId: request.id };
    await jobs.send(REQUEST_RESET_JOB, data, { idempotencyKey: `${email}:${Math.floor(Date.now() / RESET_WINDOW_MS)}` });
    return reply.redirect("/logga-in/glomt-losenord?skickat=1", 303);
  });

  // ---- A link: reset or invitation ---------------------------------------------------------

  async function deadLink(request: TypedRequest, reply: FastifyReply, purpose: AccountTokenPurpose, token: string): Promise<FastifyReply> {
    const found = await findAccountToken(db, purpose, token);
    const why: DeadLink = !found ? "unknown" : found.state === "used" ? "used" : found.user.hasPassword || found.user.hasSso ? "has_password" : "expired";
    const renewAction = purpose === "invitation" && why === "expired" ? `${PATHS.invitation}/${token}/ny-lank` : undefined;
    // A page reached through a secret link is nobody's to keep.
    reply.header("cache-control", "no-store");
    const title = words(request)(why === "unknown" ? "dead.unknown.title" : "dead.gone.title");
    return sendPage(request, reply, { title, side: "public", status: found ? 410 : 404 }, (page) => <DeadLinkPage ctx={page} purpose={purpose} why={why} renewAction={renewAction} />);
  }

  function renderChoose(request: TypedRequest, reply: FastifyReply, purpose: AccountTokenPurpose, token: string, who: { name: string; email: string }, errors: FieldError[]) {
    reply.header("cache-control", "no-store");
    const title = words(request)(purpose === "invitation" ? "choose.invitation.title" : "choose.reset.title");
    return sendPage(request, reply, { title, side: "public", hasErrors: errors.length > 0, status: errors.length > 0 ? 400 : 200 }, (page) => (
      <ChoosePasswordPage ctx={page} purpose={purpose} action={`${PATHS[purpose]}/${token}`} name={who.name} email={who.email} errors={errors} />
    ));
  }

  const ERROR_FIELD = {
    too_short: { field: "password", key: "choose.password.tooShort" },
    mismatch: { field: "confirm", key: "choose.confirm.mismatch" },
  } as const satisfies Record<Exclude<ChoosePasswordError, "invalid_link">, { field: string; key: keyof typeof messages.sv }>;

  for (const purpose of ["password_reset", "invitation"] as const) {
    const path = `${PATHS[purpose]}/:token`;

    app.get(path, { config: { access: "public" }, schema: { params: TokenParams, querystring: TokenQuery } }, async (request, reply) => {
      const found = await findAccountToken(db, purpose, request.params.token);
      if (purpose === "invitation" && found && request.query.skickad) {
        return sendPage(request, reply, { title: words(request)("sent.title"), side: "public" }, (page) => <InvitationRenewedPage ctx={page} />);
      }
      if (!found || found.state !== "open") return deadLink(request, reply, purpose, request.params.token);
      return renderChoose(request, reply, purpose, request.params.token, found.user, []);
    });

    app.post(path, { config: { access: "public", rateLimit: limited }, schema: { params: TokenParams, body: ChooseBody } }, async (request, reply) => {
      const { token } = request.params;
      const result = await choosePasswordWithToken(db, requestActor(request, org.id), purpose, token, request.body);
      if (!result.ok) {
        if (result.error === "invalid_link") return deadLink(request, reply, purpose, token);
        const found = await findAccountToken(db, purpose, token);
        if (!found || found.state !== "open") return deadLink(request, reply, purpose, token);
        const e = ERROR_FIELD[result.error];
        return renderChoose(request, reply, purpose, token, found.user, [{ field: e.field, message: words(request)(e.key) }]);
      }
      // Someone else signed in in this browser: that session ends, the new person's begins.
      if (request.user) await destroySession(db, request.user.sessionId);
      return signIn(ctx, request, reply, result.value, "password", "/arbetsyta", { via: purpose });
    });
  }

  // An expired invitation: a new link to the same address, for an account nobody has signed in to yet.
  app.post(`${PATHS.invitation}/:token/ny-lank`, { config: { access: "public", rateLimit: limited }, schema: { params: TokenParams, body: EmptyForm } }, async (request, reply) => {
    const { token } = request.params;
    const found = await findAccountToken(db, "invitation", token);
    if (!found || found.state === "used" || found.state === "open" || found.user.hasPassword || found.user.hasSso) return deadLink(request, reply, "invitation", token);
    const user = found.user;
    await db.transaction().execute(async (trx) => {
      const latest = await trx.selectFrom("account_tokens").select("created_at").where("user_id", "=", user.id).where("purpose", "=", "invitation")
        .orderBy("created_at", "desc").executeTakeFirst();
      if (latest && Date.now() - new Date(latest.created_at).getTime() < RENEW_AFTER_MS) return;
      const link = await issueAccountToken(trx, config.sessionSecret, { orgId: found.orgId, userId: user.id, purpose: "invitation", createdBy: null });
      await audit(trx, { ...requestActor(request, org.id), userId: null, label: "anonymous" }, {
        action: "user.invitation.renew", subjectType: "staff_user", subjectId: user.id, details: { link: link.id, expired: found.id },
      });
      await jobs.send(ACCOUNT_LINK_JOB, { tokenId: link.id }, { idempotencyKey: link.id, within: trx });
    });
    return reply.redirect(`${PATHS.invitation}/${token}?skickad=1`, 303);
  });
}
