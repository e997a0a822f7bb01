/**
 * The newsroom's edge: a schema for every route that takes input. Form bodies are lenient
 * (`formText` with room to spare): the commands check lengths and say what is wrong on the
 * form itself, with what was written kept, instead of the general 400 page.
 */
import { z } from "zod";
import { Csrf, formText, PageNumber, Uuid } from "../../platform/http/typed.js";
import type { MultipartBody } from "../../platform/http/multipart.js";

const SHORT = 1_000;
const LONG = 100_000;
/** A form field that may be sent more than once (checkboxes): always a list. */
const many = z
  .union([z.string().max(SHORT), z.array(z.string().max(SHORT)).max(10_000)])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));
/**
 * A multipart form as @fastify/multipart attaches it to the body (attachFieldsToBody); the
 * route reads it with multipartField/multipartFiles and answers a non-multipart post itself.
 */
export const MultipartForm = z.custom<MultipartBody>(() => true);

// ---- Public ----------------------------------------------------------------------------------

export const TokenParams = z.object({ token: z.string().max(120) });
export const SlugParams = z.object({ slug: z.string().max(120) });
/** An event's page, or its calendar file with ".ics" after the id. */
export const EventPageParams = z.object({ id: z.string().max(60) });
export const PublicListQuery = z.object({
  q: z.string().max(200).optional(),
  amne: z.string().max(80).optional(),
  enhet: z.string().max(80).optional(),
  sida: PageNumber,
  prenumeration: z.string().max(2).optional(),
});
export const FeedQuery = z.object({ amne: z.string().max(80).optional(), enhet: z.string().max(80).optional() });
export const SubscribeBody = z.object({ ...Csrf, subscribeEmail: formText(SHORT) });
export const RsvpBody = z.object({ ...Csrf, response: formText(20) });
/** The embargo link's token for a release's files (`?e=`). */
export const AssetQuery = z.object({ e: z.string().max(120).optional() });
export const ImageFileParams = z.object({ id: Uuid, file: z.string().regex(/^\d{2,4}\.jpg$/) });
export const DocumentParams = z.object({ id: Uuid });
export const EmbargoQuery = z.object({ k: z.string().max(120).optional() });

// ---- Staff: releases ---------------------------------------------------------------------------

export const StaffListQuery = z.object({
  vy: z.enum(["all", "draft", "review", "scheduled", "published"]).optional(),
  sida: PageNumber,
});
export const NewReleaseBody = z.object({ ...Csrf, title: formText(SHORT), kind: formText(40) });
export const DoneQuery = z.object({ klart: z.string().max(20).optional() });
export const TextBody = z.object({
  ...Csrf,
  title: formText(SHORT),
  lead: formText(LONG),
  body: formText(LONG),
  topic: formText(SHORT),
  kind: formText(40),
  correction: formText(LONG),
  unitId: formText(60),
});
export const QuoteBody = z.object({
  ...Csrf,
  quote: formText(LONG),
  person: formText(SHORT),
  personTitle: formText(SHORT),
});
export const ContactPersonBody = z.object({
  ...Csrf,
  contactName: formText(SHORT),
  contactRole: formText(SHORT),
  contactPhone: formText(SHORT),
  contactEmail: formText(SHORT),
});
export const ApproveBody = z.object({
  ...Csrf,
  mode: formText(20),
  publishAt: formText(40),
  confirmPast: formText(2),
  toSubscribers: formText(2),
  listIds: many,
  embargoContactIds: many,
});
export const InquiryBody = z.object({ ...Csrf, caseNumber: formText(SHORT) });
export const CoverageBody = z.object({
  ...Csrf,
  outlet: formText(SHORT),
  date: formText(40),
  url: formText(4_000),
  tone: formText(20),
  note: formText(LONG),
  topic: formText(SHORT),
});
export const RemovePartParams = z.object({
  id: Uuid,
  part: z.enum(["citat", "kontakt", "bild", "dokument"]),
  partId: Uuid,
});
export const StaffImageParams = z.object({ id: Uuid, imageId: Uuid, file: z.string().regex(/^\d{2,4}\.jpg$/) });

// ---- Staff: contacts and lists ----------------------------------------------------------------

/** The contacts page; `klart` names what was just done, with its counts for an import or invitation. */
export const ContactsQuery = z.object({
  q: z.string().max(200).optional(),
  sida: PageNumber,
  klart: z.string().max(40).optional(),
  nya: z.coerce.number().int().min(0).max(1_000_000).optional(),
  andrade: z.coerce.number().int().min(0).max(1_000_000).optional(),
  fel: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
export const ContactBody = z.object({
  ...Csrf,
  name: formText(SHORT),
  email: formText(SHORT),
  phone: formText(SHORT),
  outlet: formText(SHORT),
  beats: formText(LONG),
  basis: formText(SHORT),
  source: formText(SHORT),
});
export const ImportSaveBody = z.object({ ...Csrf, csv: formText(20_000_000) });
export const ListBody = z.object({ ...Csrf, listName: formText(SHORT) });
export const MemberBody = z.object({ ...Csrf, listId: formText(60), contactId: formText(60), action: formText(20) });

// ---- Staff: events -----------------------------------------------------------------------------

export const EventBody = z.object({
  ...Csrf,
  eventTitle: formText(SHORT),
  description: formText(LONG),
  location: formText(SHORT),
  date: formText(40),
  start: formText(40),
  end: formText(40),
  releaseId: formText(60),
});
export const EventQuery = z.object({
  klart: z.string().max(40).optional(),
  antal: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
export const InviteBody = z.object({ ...Csrf, listId: formText(60) });
