/**
 * Words the ideas module writes into its records, not onto a page: who did something in the
 * audit log, why a notification was skipped, the subject of a concern handed to the inbox,
 * and the note kept on the timeline when a moderator edits a text. They are stored as written
 * (in Swedish, the records' language) whatever the reader's language.
 */

/** Audit actors without an account. */
export const ACTOR_LABEL = {
  webForm: "webbformulär",
  submitter: "förslagslämnaren",
  follower: "följare (länk i e-post)",
  anonymousEmployee: "anonym medarbetare",
  outgoingMail: "utgående e-post",
} as const;

/** Why a notification was not sent: nobody to send it to. */
export const NO_ADDRESS_NOTE = "ingen adress";

/** Why a follower's pending notification was dropped. */
export const UNSUBSCRIBED_NOTE = "slutat följa";

/** The timeline's note when a moderator took personal data out of a text and gave no reason. */
export const EDITED_DEFAULT_REASON = "Uppgifter om enskilda personer togs bort före publicering.";

/** The subject of the case a report of concern becomes in the inbox. */
export const concernSubject = (number: string, title: string): string => `Från förslag ${number}: ${title}`;
