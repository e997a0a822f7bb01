/**
 * Request schemas for the requests module: one schema gives the check and the handler's type.
 * Form fields are lenient (a field sent twice counts once, a long text is cut, not refused);
 * the commands say what is wrong, in words, on the form.
 */
import { z } from "zod";
import { HONEYPOT_FIELD, STAMP_FIELD } from "../../platform/http/form-guard.js";
import type { MultipartBody } from "../../platform/http/multipart.js";
import { Csrf, IdParams, PageNumber, Uuid } from "../../platform/http/typed.js";

/** A text field of a form: missing means empty; sent twice, the first counts; cut at `max` characters. */
const field = (max: number) =>
  z
    .union([z.string(), z.array(z.string()).max(50)])
    .optional()
    .transform((v) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).slice(0, max));

/** A field that may come once, many times or not at all. */
const many = z
  .union([z.string(), z.array(z.string()).max(50)])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

export { IdParams };

/** The public form: what is asked for and how it is to come (the form guard's fields pass through to it). */
export const PublicRequestBody = z.object({
  ...Csrf,
  requested: field(4000),
  delivery: field(20),
  email: field(320),
  name: field(200),
  address: field(400),
  [HONEYPOT_FIELD]: field(500),
  [STAMP_FIELD]: field(200),
});

export const TokenParams = z.object({ token: z.string().max(80) });
export const TokenFileParams = z.object({ token: z.string().max(80), file: z.string().max(40) });

export const ListQuery = z.object({ klara: z.string().optional(), sida: PageNumber });

export const CaseParams = z.object({ caseId: Uuid });
export const FromCaseBody = z.object({ ...Csrf, requested: field(4000) });

export const NOTICES = ["dokument", "maskering", "provning", "beslut", "delar", "skickad", "del"] as const;
export type Notice = (typeof NOTICES)[number];
export const RequestQuery = z.object({ klart: z.string().max(20).optional(), fran: z.string().max(40).optional() });

export const CsrfBody = z.object({ ...Csrf });
export const SourceBody = z.object({ ...Csrf, case: field(40), source: field(200) });
export const DocParams = z.object({ id: Uuid, docId: Uuid });
export const MaskParams = z.object({ id: Uuid, docId: Uuid, maskId: Uuid });
export const MaskBody = z.object({ ...Csrf, passage: field(2000), ground: field(40) });
export const ReviewBody = z.object({ ...Csrf, outcome: field(20), grounds: many, reason: field(20_000) });
export const PartsBody = z.object({ ...Csrf, parts: field(4000) });
export const DecisionBody = z.object({ ...Csrf, reason: field(20_000) });
export const DeliveryBody = z.object({ ...Csrf, method: field(20), partMethod: field(20) });

/** A multipart body as @fastify/multipart attached it (its fields are read with multipartField/multipartFiles). */
export function isMultipartBody(body: unknown): body is MultipartBody {
  return typeof body === "object" && body !== null;
}
