/** Request schemas for the people and unit pages: one schema gives the check and the handler's type. */
import { z } from "zod";
import { Csrf, formText, IdParams, PageNumber, Uuid } from "../../platform/http/typed.js";

/** A form field that may come once, many times (checkboxes) or not at all. */
const many = z
  .union([z.string().max(100), z.array(z.string().max(100)).max(200)])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

const checkbox = z
  .string()
  .max(10)
  .optional()
  .transform((v) => v !== undefined && v !== "");

export const STAFF_FILTERS = ["aktiva", "inbjudna", "avstangda", "alla"] as const;
export type StaffFilter = (typeof STAFF_FILTERS)[number];

export const staffListQuery = z.object({
  q: z.string().max(200).optional(),
  visa: z.enum(STAFF_FILTERS).optional(),
  sida: PageNumber,
});

export const idParams = IdParams;
/** A session's id is the hex SHA-256 of its token, not a UUID. */
export const sessionParams = IdParams.extend({ sessionId: z.string().regex(/^[0-9a-f]{64}$/) });

export const PERSON_DONE = ["inbjuden", "sparat", "avstangd", "aktiverad", "inbjudan", "session"] as const;
export type PersonDone = (typeof PERSON_DONE)[number];
export const personQuery = z.object({
  klart: z.enum(PERSON_DONE).optional(),
  sida: PageNumber,
});

export const inviteBody = z.object({
  ...Csrf,
  name: formText(200),
  email: formText(320),
  roles: many,
  units: many,
  secrecy: checkbox,
  reason: formText(2000),
});
export type InviteBody = z.infer<typeof inviteBody>;

export const editBody = z.object({
  ...Csrf,
  name: formText(200),
  roles: many,
  units: many,
  secrecy: checkbox,
  reason: formText(2000),
});
export type EditBody = z.infer<typeof editBody>;

export const reasonBody = z.object({ ...Csrf, reason: formText(2000) });
export const emptyBody = z.object({ ...Csrf });

export const UNIT_DONE = ["skapad", "sparad", "borttagen"] as const;
export type UnitDone = (typeof UNIT_DONE)[number];
export const unitListQuery = z.object({ klart: z.enum(UNIT_DONE).optional() });
export const unitQuery = z.object({ klart: z.enum(UNIT_DONE).optional() });
export const newUnitQuery = z.object({ under: Uuid.optional() });

export const unitBody = z.object({
  ...Csrf,
  name: formText(200),
  description: formText(2000),
  parent: formText(40),
  intake: checkbox,
});
export type UnitBody = z.infer<typeof unitBody>;
