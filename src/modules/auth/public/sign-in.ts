/** Starting a staff session: one place for the cookie, the session row and the audit entry. */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ModuleContext } from "../../../app/module.js";
import { audit } from "../../../platform/audit/audit.js";
import { requestActor } from "../../../platform/http/actor.js";
import { createSession, SESSION_COOKIE } from "../../../platform/auth/sessions.js";
import type { StaffUser } from "../../../platform/db/schema.js";
import { rotateCsrf } from "../../../platform/http/csrf.js";

export { requestActor };

/** Creates the session, sets the cookie and redirects (303) to `next`. */
export async function signIn(
  ctx: ModuleContext,
  request: FastifyRequest,
  reply: FastifyReply,
  user: StaffUser,
  method: "password" | "oidc",
  next: string,
  details: Record<string, unknown> = {},
): Promise<FastifyReply> {
  const { config, database, org } = ctx;
  const session = await database.db.transaction().execute(async (trx) => {
    const s = await createSession(trx, {
      orgId: org.id, userId: user.id, method, ttlHours: config.sessionTtlHours,
      ip: request.ip, userAgent: request.headers["user-agent"] ?? null,
    });
    await audit(trx, { ...requestActor(request, org.id), userId: user.id, label: `${user.name} <${user.email}>` }, {
      action: "auth.login", subjectType: "staff_user", subjectId: user.id, details: { method, ...details },
    });
    return s;
  });
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: "/", httpOnly: true, sameSite: "lax", secure: config.production || config.publicUrl.startsWith("https://"), expires: session.expiresAt,
  });
  // Tokens made before signing in are bound to "not signed in"; a new secret ends them too.
  rotateCsrf(reply);
  return reply.redirect(next, 303);
}
