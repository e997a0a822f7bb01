/**
 * The inbox's edge: a Zod schema for every route that takes input. Form bodies stay lenient
 * (`formText`): the commands and routes validate the values and answer with the form again.
 */
import { z } from "zod";
import { Csrf, formText, IdParams, PageNumber, Uuid } from "../../platform/http/typed.js";

export { IdParams };

/** `?klart=…` after a saved form: which notice to show. */
export const DoneQuery = z.object({ klart: z.string().optional() });

/** Routing rules (admin). */
export const RuleBody = z.object({
  ...Csrf,
  kategori: formText(40),
  kanal: formText(20),
  ord: formText(500),
  enhet: formText(40),
  ordning: z.string().max(6).default("0"),
});
export const RuleRemoveBody = z.object({ ...Csrf });
/** "Logga samtal": a call, letter, visit or the reception desk, logged by staff. */
export const LogContactBody = z.object({
  ...Csrf,
  kanal: formText(20),
  fraga: formText(20_000),
  svar: formText(20_000),
  namn: formText(200),
  epost: formText(320),
  telefon: formText(40),
  tid: formText(20),
  kvitto: z.enum(["ja"]).optional(),
});

/** The automatic-routing limit in percent, or "" for never. */
export const AUTO_ROUTE_CHOICES = ["", "50", "60", "70", "80", "90"] as const;
export const ThresholdBody = z.object({ ...Csrf, grans: z.enum(AUTO_ROUTE_CHOICES) });

/** The staff board's filters. */
export const BoardQuery = z.object({
  enhet: z.string().optional(),
  kanal: z.string().optional(),
  typ: z.string().optional(),
  sida: PageNumber,
});

/** The case page and its forms. */
export const CsrfBody = z.object({ ...Csrf });
export const OpenBody = z.object({ ...Csrf, syfte: formText(40) });
export const TemplateBody = z.object({ ...Csrf, mall: formText(100) });
export const ReplyBody = z.object({
  ...Csrf,
  body: formText(20_000),
  typ: z.enum(["svar", "anteckning"]).default("svar"),
  stod: z.string().max(80).optional(),
});
export const RouteBody = z.object({ ...Csrf, enhet: formText(40), reason: formText(500) });
export const StatusBody = z.object({ ...Csrf, till: z.enum(["open", "waiting", "closed"]), reason: formText(500) });
export const ConcernBody = z.object({ ...Csrf, oro: z.enum(["ja", "nej"]), reason: formText(500) });
export const SecrecyBody = z.object({ ...Csrf, sekretess: z.enum(["ja", "nej"]), reason: formText(500) });
export const MinorBody = z.object({ ...Csrf, ringa: z.enum(["ja", "nej"]) });
/** The kinds staff can give a case (a report of concern and "minor" have their own buttons). */
export const CHANGEABLE_KINDS = ["question", "media", "document_request", "complaint", "praise", "own_matter"] as const;
export const KindBody = z.object({ ...Csrf, typ: z.enum(CHANGEABLE_KINDS) });
export const UndoParams = z.object({ id: Uuid, eventId: z.string().regex(/^\d{1,18}$/) });
export const UndoBody = z.object({ ...Csrf, reason: formText(500) });
export const ReporterBody = z.object({ ...Csrf, besked: formText(40), yrke: z.string().max(10).optional() });
export const FileParams = z.object({ id: Uuid, fileId: Uuid });

/** Retention rules (admin). */
export const RetentionBody = z.object({
  ...Csrf,
  typ: formText(20),
  kategori: formText(40),
  manader: formText(6),
  grund: formText(300),
});

/** A page that reads no query but lets any through (links with tracking parameters still open). */
export const AnyQuery = z.object({}).passthrough();

/** The public question form and the page that follows a case. */
export const MAX_QUESTION = 10_000;
export const AskQuery = z.object({ stod: z.string().max(80).optional() });
export const FollowParams = z.object({ token: z.string().max(100) });
export const FollowQuery = z.object({ ny: z.string().optional(), tillagt: z.string().optional() });
export const FollowBody = z.object({ ...Csrf, message: formText(MAX_QUESTION) });
export const HelpedBody = z.object({ ...Csrf, hjalp: z.enum(["ja", "nej"]) });

/** The public register's search. */
export const DiariumQuery = z.object({ q: z.string().max(100).optional(), sida: PageNumber });

/** Open311: the file ("services.json") and the kind of a single item; always strings, never refused here. */
export const Open311File = z.object({ file: z.string() });
export const Open311Item = z.object({ kind: z.string(), file: z.string() });
/**
 * Open311's query and form fields, never refused here (the route answers in Open311's own
 * error format): each value as one string — a repeated key gives its first value, a number
 * its digits, anything else nothing.
 */
const open311Value = (v: unknown): string | undefined => {
  const first = Array.isArray(v) ? (v as unknown[])[0] : v;
  if (typeof first === "string") return first;
  if (typeof first === "number" || typeof first === "boolean") return String(first);
  return undefined;
};
export const Open311Fields = z
  .unknown()
  .transform((raw): Record<string, string | undefined> =>
    raw && typeof raw === "object" && !Array.isArray(raw)
      ? Object.fromEntries(Object.entries(raw as Record<string, unknown>).map(([k, v]) => [k, open311Value(v)]))
      : {},
  );
