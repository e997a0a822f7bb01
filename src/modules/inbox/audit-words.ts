/**
 * Words the inbox writes into the audit log and into stored records: what a read was for and
 * who acted. They are data, not UI — the log keeps them as they were written, in Swedish, so
 * that entries stay comparable over the years.
 */

/** The purpose of a read from the staff case page. */
export const READ_FOR_CASE_PAGE = "ärendesidan";
/** The actor when a resident acts through the link to follow their case. */
export const REQUESTER_VIA_FOLLOW_LINK = "frågeställare via följlänk";
/** The actor when a resident writes through the web form. */
export const REQUESTER_VIA_WEB_FORM = "webbformulär";
/** The actor when outgoing e-mail could not be delivered. */
export const OUTGOING_MAIL = "utgående e-post";

/** What lists, exports and other modules show instead of a secret case's subject (a shared placeholder, kept as stored). */
export const SECRET_SUBJECT = "Sekretessmarkerat ärende";

/** Why a person opens a secret case; written in the audit log with every read (the staff page shows the catalogue's words). */
export const OPEN_PURPOSES = {
  handle: "Arbeta med ärendet",
  route: "Fördela ärendet till rätt enhet",
  records_request: "Sekretesspröva en begäran om allmän handling",
  social: "Se inläggen på sociala medier och moderera",
} as const;

/** What a read through the door was of, in the audit log. */
export const READ_OF = { case: "ärendet", sources: "ärendets handlingar (lista)" } as const;

/** A case's message as a document of the case (kept on a request for documents as it was titled). */
export const sourceTitle = (direction: "in" | "out", day: string): string =>
  `${direction === "in" ? "Inkommande" : "Utgående"} meddelande ${day}`;
