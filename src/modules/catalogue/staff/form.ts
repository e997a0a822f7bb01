/** The service editor's form: from a posted body, from a saved page, empty, and as the command's input. */
import type { CatalogueSay } from "../commands/save.js";
import type { ServiceInput } from "../commands/save.js";
import type { ServicePage } from "../queries.js";
import type { ServiceBody } from "../schema.js";
import type { ServiceForm } from "./views.js";

/** Ids a form may point at: units, active staff and services of the organisation. */
export interface ValidIds {
  readonly units: Set<string>;
  readonly staff: Set<string>;
  readonly services: Set<string>;
}

export function formFromBody(b: ServiceBody): ServiceForm {
  return {
    slug: b.slug.trim(),
    name: b.name,
    summary: b.summary,
    forWhom: b.forWhom,
    whatYouGet: b.whatYouGet,
    cost: b.cost,
    access: b.access,
    phone: b.phone,
    email: b.email,
    webForm: b.webForm === "1",
    address: b.address,
    openingHours: b.openingHours,
    accessibility: b.accessibility,
    languages: b.languages,
    situations: b.situations,
    audiences: b.audiences,
    keywords: b.keywords,
    easyRead: b.easyRead,
    unitId: b.unitId,
    responsibleId: b.responsibleId,
    reviewMonths: b.reviewMonths,
    published: b.published === "1",
    related: b.related,
    note: b.note,
    version: b.version,
  };
}

export function formFromService(s: ServicePage, related: readonly string[]): ServiceForm {
  return {
    slug: s.slug,
    name: s.name,
    summary: s.summary,
    forWhom: s.for_whom,
    whatYouGet: s.what_you_get,
    cost: s.cost,
    access: s.access,
    phone: s.phone,
    email: s.email,
    webForm: s.web_form,
    address: s.address,
    openingHours: s.opening_hours,
    accessibility: s.accessibility,
    languages: s.languages.join(", "),
    situations: s.situations,
    audiences: s.audiences,
    keywords: s.keywords,
    easyRead: s.easy_read,
    unitId: s.unit_id ?? "",
    responsibleId: s.responsible_id ?? "",
    reviewMonths: String(s.review_months),
    published: s.published,
    related,
    note: "",
    version: String(s.version),
  };
}

/** A new service's form; the suggested texts are page content, so they are Swedish (`sv` is the Swedish catalogue). */
export function emptyForm(sv: CatalogueSay): ServiceForm {
  return {
    slug: "",
    name: "",
    summary: "",
    forWhom: "",
    whatYouGet: "",
    cost: sv("defaults.cost"),
    access: "direct",
    phone: "",
    email: "",
    webForm: true,
    address: "",
    openingHours: "",
    accessibility: "",
    languages: sv("defaults.languages"),
    situations: [],
    audiences: [],
    keywords: "",
    easyRead: "",
    unitId: "",
    responsibleId: "",
    reviewMonths: "12",
    published: false,
    related: [],
    note: sv("defaults.note"),
    version: "",
  };
}

/** A saved version's content as input for a new save; units, people and pages that are gone are left out. */
export function restoredInput(
  content: Record<string, unknown>,
  version: number,
  valid: ValidIds,
  sv: CatalogueSay,
): ServiceInput {
  const str = (k: string) => (typeof content[k] === "string" ? (content[k] as string) : "");
  const list = (k: string) =>
    Array.isArray(content[k]) ? (content[k] as unknown[]).filter((x): x is string => typeof x === "string") : [];
  const unitId = str("unitId");
  const responsibleId = str("responsibleId");
  return {
    slug: str("slug"),
    name: str("name"),
    summary: str("summary"),
    forWhom: str("forWhom"),
    whatYouGet: str("whatYouGet"),
    cost: str("cost"),
    access: str("access"),
    phone: str("phone"),
    email: str("email"),
    webForm: content["webForm"] === true,
    address: str("address"),
    openingHours: str("openingHours"),
    accessibility: str("accessibility"),
    languages: list("languages"),
    situations: list("situations"),
    audiences: list("audiences"),
    keywords: str("keywords"),
    easyRead: str("easyRead"),
    unitId: valid.units.has(unitId) ? unitId : null,
    responsibleId: valid.staff.has(responsibleId) ? responsibleId : null,
    reviewMonths: typeof content["reviewMonths"] === "number" ? (content["reviewMonths"] as number) : 12,
    published: content["published"] !== false,
    related: list("related").filter((r) => valid.services.has(r)),
    note: sv("defaults.restoredNote", { version }),
  };
}

export function inputOf(form: ServiceForm, validIds: ValidIds): ServiceInput {
  const months = /^\d{1,3}$/.test(form.reviewMonths.trim()) ? Number(form.reviewMonths.trim()) : Number.NaN;
  return {
    slug: form.slug,
    name: form.name,
    summary: form.summary,
    forWhom: form.forWhom,
    whatYouGet: form.whatYouGet,
    cost: form.cost,
    access: form.access,
    phone: form.phone,
    email: form.email,
    webForm: form.webForm,
    address: form.address,
    openingHours: form.openingHours,
    accessibility: form.accessibility,
    languages: form.languages
      .split(",")
      .map((l) => l.trim())
      .filter(Boolean),
    situations: form.situations,
    audiences: form.audiences,
    keywords: form.keywords,
    easyRead: form.easyRead,
    unitId: validIds.units.has(form.unitId) ? form.unitId : null,
    responsibleId: validIds.staff.has(form.responsibleId) ? form.responsibleId : null,
    reviewMonths: months,
    published: form.published,
    related: form.related.filter((r) => validIds.services.has(r)),
    note: form.note,
  };
}
