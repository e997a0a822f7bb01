/**
 * The help catalogue's edge: a schema for every route that takes input. Form bodies are
 * lenient — every field is text, missing means empty, a field sent twice counts once — so a
 * form with a bad value comes back with its values kept and the command's error messages.
 */
import { z } from "zod";
import { Csrf, Uuid } from "../../platform/http/typed.js";

/** A text field of a form: missing means empty; sent twice, the first counts. */
const one = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")));

/** A field that may come once, many times (checkboxes, a multiple select) or not at all. */
const many = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** A form with nothing in it but its CSRF token. */
export const EmptyForm = z.object({ ...Csrf });

// ---- Public ---------------------------------------------------------------------------------

/** GET /stod: the start page, or search results for `q`. */
export const SearchQuery = z.object({
  q: z.string().max(200).optional(),
  sida: z.coerce.number().int().min(1).max(100).optional(),
});

/** GET /stod/hitta: the finder's answers travel in the address. */
export const FinderQuery = z.object({
  situation: z.string().max(40).optional(),
  vem: z.string().max(40).optional(),
  steg: z.string().max(2).optional(),
});

export const SlugParams = z.object({ slug: z.string().max(80) });
export const SlugLangParams = z.object({ slug: z.string().max(80), lang: z.string().max(3) });

// ---- Staff ----------------------------------------------------------------------------------

/** GET /arbetsyta/stod */
export const StaffListQuery = z.object({
  enhet: z.string().max(40).optional(),
  granska: z.string().max(2).optional(),
  sok: z.string().max(100).optional(),
  sida: z.coerce.number().int().min(1).max(10_000).optional(),
});

/** GET /arbetsyta/stod/:id — what was just done, for the notice. */
export const EditQuery = z.object({
  sparad: z.string().optional(),
  granskad: z.string().optional(),
  sprak: z.string().optional(),
});

export const ServiceParams = z.object({ id: Uuid });
export const VersionParams = z.object({ id: Uuid, version: z.coerce.number().int().min(1).max(1_000_000) });
export const TranslationParams = z.object({ id: Uuid, lang: z.string().regex(/^[a-z]{2,3}$/) });

/** The service editor's form (POST /arbetsyta/stod/ny and /arbetsyta/stod/:id). */
export const ServiceBody = z.object({
  ...Csrf,
  slug: one,
  name: one,
  summary: one,
  forWhom: one,
  whatYouGet: one,
  cost: one,
  access: one,
  phone: one,
  email: one,
  webForm: one,
  address: one,
  openingHours: one,
  accessibility: one,
  languages: one,
  situations: many,
  audiences: many,
  keywords: one,
  easyRead: one,
  unitId: one,
  responsibleId: one,
  reviewMonths: one,
  published: one,
  related: many,
  note: one,
  version: one,
});
export type ServiceBody = z.infer<typeof ServiceBody>;

/** POST /arbetsyta/stod/:id/sprak */
export const TranslationBody = z.object({ ...Csrf, lang: one, tname: one, tsummary: one, tbody: one });

/** GET /arbetsyta/admin/synonymer */
export const SynonymsQuery = z.object({ klart: z.string().optional() });

/** POST /arbetsyta/admin/synonymer */
export const SynonymBody = z.object({ ...Csrf, term: one, expansion: one });
