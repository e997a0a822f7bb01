/** Request schemas for the people and unit pages: one schema gives the check and the handler's type. */
import { z } from "zod";

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
const csrf = z.string().optional();

export const STAFF_FILTERS = ["aktiva", "inbjudna", "avstangda", "alla"] as const;
export type StaffFilter = (typeof STAFF_FILTERS)[number];

export const staffListQuery = z.object({
  q: z.string().max(200).optional(),
  visa: z.enum(STAFF_FILTERS).optional(),
  sida: z.coerce.number().int().min(1).max(100_000).optional(),
});

export const idParams = z.object({ id: z.uuid() });
export const sessionParams = z.object({ id: z.uuid(), sessionId: z.string().regex(/^[0-9a-f]{64}$/) });

export const PERSON_DONE = ["inbjuden", "sparat", "avstangd", "aktiverad", "inbjudan", "session"] as const;
export const personQuery = z.object({
  klart: z.enum(PERSON_DONE).optional(),
  sida: z.coerce.number().int().min(1).max(100_000).optional(),
});

export const inviteBody = z.object({
  name: z.string().max(200).default(""),
  email: z.string().max(320).default(""),
  roles: many,
  units: many,
  secrecy: checkbox,
  reason: z.string().max(2000).default(""),
  _csrf: csrf,
});
export type InviteBody = z.infer<typeof inviteBody>;

export const editBody = z.object({
  name: z.string().max(200).default(""),
  roles: many,
  units: many,
  secrecy: checkbox,
  reason: z.string().max(2000).default(""),
  _csrf: csrf,
});
export type EditBody = z.infer<typeof editBody>;

export const reasonBody = z.object({ reason: z.string().max(2000).default(""), _csrf: csrf });
export const emptyBody = z.object({ _csrf: csrf });

export const UNIT_DONE = ["skapad", "sparad", "borttagen"] as const;
export const unitListQuery = z.object({ klart: z.enum(UNIT_DONE).optional() });
export const unitQuery = z.object({ klart: z.enum(UNIT_DONE).optional() });
export const newUnitQuery = z.object({ under: z.uuid().optional() });

export const unitBody = z.object({
  name: z.string().max(200).default(""),
  description: z.string().max(2000).default(""),
  parent: z.string().max(40).default(""),
  intake: checkbox,
  _csrf: csrf,
});
export type UnitBody = z.infer<typeof unitBody>;
