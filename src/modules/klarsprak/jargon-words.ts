/** The department's own words, explained: configuration for the klarspråk engine's jargon rule (data, not UI). */
export const ORGANISATION_JARGON: Readonly<Record<string, string>> = {
  insats: "stöd eller hjälp",
  brukare: "du som får stöd",
  handläggare: "socialsekreterare, den som arbetar med ditt ärende",
  biståndsbedömning: "när vi tar ställning till vilket stöd du kan få",
  verkställighet: "när stödet börjar",
};
