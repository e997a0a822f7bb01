/**
 * Words that are data, not UI: what a CSV file's header or a legal-basis cell may say (in
 * Swedish or English), and the labels the newsroom writes into the audit log and the delivery
 * log. People type these or read them as recorded; they are not translated.
 */
/** The legal bases a public authority can use for its press work (GDPR art. 6.1 e, c, a). */
export type LegalBasis = "public_interest" | "legal_obligation" | "consent";

/** A legal basis as people write it in a form or a CSV file. */
export const BASIS_WORDS: Record<string, LegalBasis> = {
  "allmänt intresse": "public_interest",
  "uppgift av allmänt intresse": "public_interest",
  "public interest": "public_interest",
  public_interest: "public_interest",
  "rättslig förpliktelse": "legal_obligation",
  "legal obligation": "legal_obligation",
  legal_obligation: "legal_obligation",
  samtycke: "consent",
  consent: "consent",
};

/** Legitimate interest (GDPR art. 6.1 f) in the words people use for it: not for an authority's own tasks. */
export const NOT_FOR_AUTHORITIES = [
  "berättigat intresse",
  "legitimate interest",
  "legitimate_interest",
  "intresseavvägning",
];

/** The values the contact form offers for the legal basis (its labels are in the catalogue). */
export const BASIS_VALUES = [
  ["allmänt intresse", "public_interest"],
  ["rättslig förpliktelse", "legal_obligation"],
  ["samtycke", "consent"],
] as const;
export const DEFAULT_BASIS = "allmänt intresse";

/** CSV columns, Swedish or English. */
export const CSV_COLUMNS: Record<string, "name" | "email" | "phone" | "outlet" | "beats" | "basis" | "source"> = {
  namn: "name",
  name: "name",
  "e-post": "email",
  epost: "email",
  email: "email",
  telefon: "phone",
  phone: "phone",
  redaktion: "outlet",
  outlet: "outlet",
  bevakning: "beats",
  beats: "beats",
  "rättslig grund": "basis",
  grund: "basis",
  basis: "basis",
  källa: "source",
  source: "source",
};

/** Who did it, in the audit log, when no staff member did. */
export const LINK_ACTOR_LABEL = "länk i e-post";
export const SUBSCRIBER_ACTOR_LABEL = "prenumerant (webbformulär)";
export const DISTRIBUTION_ACTOR_LABEL = "utskick";
/** Why a delivery was skipped, in the delivery log. */
export const SKIPPED_UNSUBSCRIBED = "har avslutat utskicken";
/** The slug of a release whose title gives none. */
export const FALLBACK_SLUG = "nyhet";
