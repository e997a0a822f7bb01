/**
 * Request schemas for the social module: one schema gives the check and the handler's type.
 * Form fields are lenient (a field sent twice counts once, a long text is cut, not refused);
 * the handler or the command says what is wrong, in words, on the form.
 */
import { z } from "zod";
import { Csrf, IdParams, Uuid } from "../../platform/http/typed.js";

/** A text field of a form: missing means empty; sent twice, the first counts; cut at `max` characters. */
const field = (max: number) =>
  z
    .union([z.string(), z.array(z.string()).max(50)])
    .optional()
    .transform((v) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).slice(0, max));

export { IdParams };

export const DoneQuery = z.object({ klart: z.string().max(20).optional() });

export const AccountBody = z.object({
  ...Csrf,
  platform: field(20),
  name: field(1000),
  externalId: field(1000),
  baseUrl: field(1000),
  token: field(10_000),
});

export const CaseParams = z.object({ caseId: Uuid });
export const ItemParams = z.object({ caseId: Uuid, itemId: Uuid });
export const CsrfBody = z.object({ ...Csrf });
export const ModerationBody = z.object({
  ...Csrf,
  action: field(20),
  reason: field(60),
  explanation: field(4000),
});
export const ArchiveBody = z.object({ ...Csrf, fran: field(20), till: field(20) });

/** Meta's subscription handshake (a parameter sent twice is kept, and then does not match). */
const hubParam = z.union([z.string(), z.array(z.string())]).optional();
export const WebhookQuery = z.object({
  "hub.mode": hubParam,
  "hub.verify_token": hubParam,
  "hub.challenge": hubParam,
});
