/** What the people and unit route files share: paths, the module's words for a request, the acting admin, a Result's problems. */
import type { FastifyRequest } from "fastify";
import { AppError } from "../../../platform/errors.js";
import { staffViewer } from "../../../platform/http/actor.js";
import { sayer } from "../../../platform/i18n/messages.js";
import type { FieldProblem, Result } from "../../../platform/result.js";
import { messages } from "../messages.js";
import type { EditBody, InviteBody } from "../schema.js";

export const STAFF = "/arbetsyta/admin/personal";
export const UNITS = "/arbetsyta/admin/enheter";

export const say = (request: FastifyRequest) => sayer(messages, request.lang);

/** The signed-in admin (and their audit actor) for a request. */
export const adminOf = (orgId: string) => (request: FastifyRequest) => staffViewer(request, orgId);

export const accountInput = (b: InviteBody | EditBody) => ({
  name: b.name,
  roles: b.roles,
  unitIds: b.units,
  secrecyRight: b.secrecy,
  reason: b.reason,
});

/** A refused command's field problems for the form; forbidden and not found become the error page. */
export function problemsOf(result: Exclude<Result<unknown>, { ok: true }>): readonly FieldProblem[] {
  if (result.kind === "invalid") return result.errors;
  throw new AppError(result.kind === "forbidden" ? "KS_FORBIDDEN" : "KS_NOT_FOUND");
}
