/** Who is acting, as the audit log and the case door need it. */
import type { FastifyRequest } from "fastify";
import type { AuditActor } from "../audit/audit.js";
import type { SessionUser } from "../auth/session-user.js";

/** The request's audit identity before anyone is known (sign-in, a public form). */
export function requestActor(request: FastifyRequest, orgId: string): Omit<AuditActor, "userId" | "label"> {
  return { orgId, ip: request.ip, requestId: request.id };
}

export function userActor(request: FastifyRequest, orgId: string): AuditActor {
  const u = request.user;
  return {
    orgId,
    ip: request.ip,
    requestId: request.id,
    userId: u?.id ?? null,
    label: u ? `${u.name} <${u.email}>` : "anonymous",
  };
}

/** A signed-in staff member with their audit identity (staff routes only: the access check has run). */
export function staffViewer(
  request: FastifyRequest,
  orgId: string,
): { user: SessionUser; actor: AuditActor & { userId: string; orgId: string } } {
  const user = request.user;
  if (!user) throw new Error("staffViewer on a route without a signed-in user");
  return { user, actor: { ...userActor(request, orgId), userId: user.id, orgId } };
}
