/**
 * The typed edge: routes are registered on a Fastify instance with Zod's type provider, so a
 * route's `schema` (from the module's schema.ts) both validates the request and types
 * `request.body`, `request.params` and `request.query` in the handler — no casts.
 *
 *   app.post("/x/:id", { config: { access: "x.edit" }, schema: { params: IdParams, body: EditBody } },
 *     async (request) => { request.params.id; request.body.title; });
 */
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifySchema,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
} from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";

export type TypedApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** A request as a typed route's handler sees it (for helpers that take the request along). */
export type TypedRequest<S extends FastifySchema = FastifySchema> = FastifyRequest<
  RouteGenericInterface,
  RawServerDefault,
  RawRequestDefaultExpression,
  S,
  ZodTypeProvider
>;
export type { FastifyReply };

/** Pieces every module's schema.ts uses. */
export const Uuid = z.uuid();
export const IdParams = z.object({ id: z.uuid() });
/** A form's CSRF field: checked by the CSRF hook before validation, allowed through here. */
export const Csrf = { _csrf: z.string().optional() } as const;
/** A text field of a form: missing means empty; at most `max` characters. */
export const formText = (max: number) => z.string().max(max).default("");
/** A page number in a list (`?sida=2`). */
export const PageNumber = z.coerce.number().int().min(1).max(100_000).optional();
/** A form that is only a button: nothing but the CSRF token. */
export const ButtonForm = z.object({ ...Csrf });
