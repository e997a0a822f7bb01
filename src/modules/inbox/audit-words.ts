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
