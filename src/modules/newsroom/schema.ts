/**
 * The newsroom's edge: a schema for every route that takes input. Form bodies are lenient
 * (`formText` with room to spare): the commands check lengths and say what is wrong on the
 * form itself, with what was written kept, instead of the general 400 page.
 */
import { z } from "zod";
import { Csrf, formText, PageNumber, Uuid } from "../../platform/http/typed.js";
import type { MultipartBody } from "../../platform/http/multipart.js";

/** Room for anything a person may paste into a field: the command says what is too long. */
const FIELD = 200_000;
/** A form field that may be sent more than once (checkboxes): always a list. */
const many = z
  .union([z.string().max(FIELD), z.array(z.string().max(FIELD)).max(10_000)])
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
export const SubscribeBody = z.object({ ...Csrf, subscribeEmail: formText(FIELD) });
export const RsvpBody = z.object({ ...Csrf, response: formText(FIELD) });
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
export const NewReleaseBody = z.object({ ...Csrf, title: formText(FIELD), kind: formText(FIELD) });
export const DoneQuery = z.object({ klart: z.string().max(20).optional() });
export const TextBody = z.object({
  ...Csrf,
  title: formText(FIELD),
  lead: formText(FIELD),
  body: formText(FIELD),
  topic: formText(FIELD),
  kind: formText(FIELD),
  correction: formText(FIELD),
  unitId: formText(FIELD),
});
export const QuoteBody = z.object({
  ...Csrf,
  quote: formText(FIELD),
  person: formText(FIELD),
  personTitle: formText(FIELD),
});
export const ContactPersonBody = z.object({
  ...Csrf,
  contactName: formText(FIELD),
  contactRole: formText(FIELD),
  contactPhone: formText(FIELD),
  contactEmail: formText(FIELD),
});
export const ApproveBody = z.object({
  ...Csrf,
  mode: formText(FIELD),
  publishAt: formText(FIELD),
  confirmPast: formText(FIELD),
  toSubscribers: formText(FIELD),
  listIds: many,
  embargoContactIds: many,
});
export const InquiryBody = z.object({ ...Csrf, caseNumber: formText(FIELD) });
export const CoverageBody = z.object({
  ...Csrf,
  outlet: formText(FIELD),
  date: formText(FIELD),
  url: formText(FIELD),
  tone: formText(FIELD),
  note: formText(FIELD),
  topic: formText(FIELD),
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
  name: formText(FIELD),
  email: formText(FIELD),
  phone: formText(FIELD),
  outlet: formText(FIELD),
  beats: formText(FIELD),
  basis: formText(FIELD),
  source: formText(FIELD),
});
export const ImportSaveBody = z.object({ ...Csrf, csv: formText(20_000_000) });
export const ListBody = z.object({ ...Csrf, listName: formText(FIELD) });
export const MemberBody = z.object({
  ...Csrf,
  listId: formText(FIELD),
  contactId: formText(FIELD),
  action: formText(FIELD),
});

// ---- Staff: events -----------------------------------------------------------------------------

export const EventBody = z.object({
  ...Csrf,
  eventTitle: formText(FIELD),
  description: formText(FIELD),
  location: formText(FIELD),
  date: formText(FIELD),
  start: formText(FIELD),
  end: formText(FIELD),
  releaseId: formText(FIELD),
});
export const EventQuery = z.object({
  klart: z.string().max(40).optional(),
  antal: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
export const InviteBody = z.object({ ...Csrf, listId: formText(FIELD) });
