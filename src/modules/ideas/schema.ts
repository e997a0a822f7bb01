/**
 * The ideas module's edge: a schema for every route that takes input. Form fields are lenient
 * (a field sent twice counts once, a long text is cut at its limit, missing means empty) —
 * the commands check what was written and say what to do about it on the form.
 */
import { z } from "zod";
import type { MultipartBody } from "../../platform/http/multipart.js";
import { Csrf } from "../../platform/http/typed.js";
import { clip } from "../../platform/text.js";

/** A text field of a form, as the form sent it: the first value, at most `max` characters, "" when missing. */
export const field = (max: number) =>
  z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().optional()).transform((s) => clip(s ?? "", max));

/** A multipart form (@fastify/multipart attaches its fields and files to the body). */
export const MultipartForm = z.custom<MultipartBody>((v) => typeof v === "object" && v !== null);

// ---- Public ------------------------------------------------------------------------------

export const ListQuery = z.object({
  q: z.string().max(200).optional(),
  lage: z.string().max(80).optional(),
  enhet: z.string().max(80).optional(),
  kategori: z.string().max(80).optional(),
  sida: z.coerce.number().int().min(1).max(10_000).optional(),
});
export const FeedQuery = z.object({ enhet: z.string().max(80).optional(), kategori: z.string().max(80).optional() });
export const TokenParams = z.object({ token: z.string().max(120) });
export const NumberParams = z.object({ number: z.string().max(40) });
export const MineQuery = z.object({ skickat: z.string().max(2).optional() });
export const IdeaQuery = z.object({ folj: z.string().max(2).optional() });
export const HelpedBody = z.object({ ...Csrf, helped: field(20), helpedComment: field(5000) });
export const FollowBody = z.object({ ...Csrf, followEmail: field(320), frequency: field(20) });

// ---- Staff -------------------------------------------------------------------------------

export const BoardQuery = z.object({
  vy: z.enum(["open", "overdue", "held", "unconfirmed", "closed", "all"]).optional(),
  q: z.string().max(200).optional(),
  sida: z.coerce.number().int().min(1).max(10_000).optional(),
});
export const MineStaffQuery = z.object({
  skickat: z
    .string()
    .regex(/^IDE-\d{4}-\d{6}$/)
    .optional(),
});
export const MeasuresQuery = z.object({ manader: z.enum(["3", "12", "36"]).optional() });
export const DoneQuery = z.object({ klart: z.string().max(20).optional() });

/** Every handling form on an idea's page (answer, move, progress, link, moderation) posts some of these. */
export const HandleBody = z.object({
  ...Csrf,
  stateId: field(100),
  answer: field(100_000),
  decidedBy: field(100_000),
  owner: field(200),
  reason: field(100_000),
  progress: field(20),
  progressNote: field(100_000),
  linkKind: field(20),
  linkTitle: field(100_000),
  linkUrl: field(100_000),
  action: field(20),
  moderationReason: field(100_000),
  title: field(1000),
  description: field(20_000),
});

export const StateBody = z.object({
  ...Csrf,
  stateId: field(100),
  nameSv: field(100_000),
  nameEn: field(100_000),
  position: field(100),
  isPublic: field(2),
  notifies: field(2),
  isClosed: field(2),
  isInitial: field(2),
  isImplemented: field(2),
  showsProgress: field(2),
  active: field(2),
});
export const GroupBody = z.object({ ...Csrf, groupName: field(100_000), groupTheme: field(100_000) });
export const MemberBody = z.object({ ...Csrf, groupId: field(100), userId: field(100), action: field(20) });
export const CategoryBody = z.object({
  ...Csrf,
  categoryName: field(100_000),
  categoryNameEn: field(100_000),
  categoryOwner: field(200),
});
