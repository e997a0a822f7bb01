/** Swedish names of channels, kinds and statuses, shared by the staff pages. */
export const CHANNEL_SV: Readonly<Record<string, string>> = {
  web: "Webbformulär",
  email: "E-post",
  phone: "Telefon",
  letter: "Brev",
  visit: "Besök",
  facebook: "Facebook",
  instagram: "Instagram",
  mastodon: "Mastodon",
  open311: "Open311",
};
export const KIND_SV: Readonly<Record<string, string>> = {
  question: "Fråga",
  media: "Journalistfråga",
  complaint: "Klagomål",
  praise: "Beröm",
  other: "Annat",
  document_request: "Begäran om handling",
};
export const STATUS_SV: Readonly<Record<string, string>> = {
  new: "Ny",
  open: "Pågår",
  waiting: "Väntar på frågeställaren",
  answered: "Besvarad",
  closed: "Avslutad",
};
