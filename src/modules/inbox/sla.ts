/**
 * Answer-time targets: each kind of case has its own target for the first answer, in one table
 * (`FIRST_ANSWER_TARGETS`). A report of concern and a public comment on social media have their
 * own rows whatever their kind. The KKiK measure (one working day for every question) is a
 * national measure with its own definition and is counted in `measures.ts`, not here.
 */
import {
  addOfficeMinutes,
  DEFAULT_OFFICE_HOURS,
  officeMinutesBetween,
  workingDayMinutes,
  type OfficeHours,
} from "../../platform/time/working-time.js";
import type { CaseKind } from "../../platform/db/schema.js";

/** What a first-answer target is set for: a kind, a report of concern, or a public comment. */
export type TargetSubject = CaseKind | "concern" | "public_comment";

/** The catalogue key naming a target ("1 arbetstimme"), shown on the measures page. */
export type TargetLabelKey = "sla.target.oneHour" | "sla.target.fourHours" | "sla.target.oneDay";

interface TargetRule {
  /** Office hours, or a whole working day (its length follows the office hours). */
  readonly span: { readonly hours: number } | "working-day";
  readonly label: TargetLabelKey;
}

const ONE_HOUR: TargetRule = { span: { hours: 1 }, label: "sla.target.oneHour" };
const FOUR_HOURS: TargetRule = { span: { hours: 4 }, label: "sla.target.fourHours" };
const ONE_DAY: TargetRule = { span: "working-day", label: "sla.target.oneDay" };

/** Time to the first answer, in office time. */
export const FIRST_ANSWER_TARGETS: Readonly<Record<TargetSubject, TargetRule>> = {
  // The child-welfare intake makes its protection assessment the same day.
  concern: ONE_HOUR,
  media: FOUR_HOURS,
  // The first answer only: the legal clock for the decision itself lives in the requests module.
  document_request: FOUR_HOURS,
  // Everyone can see whether a public comment was answered.
  public_comment: FOUR_HOURS,
  question: ONE_DAY,
  complaint: ONE_DAY,
  own_matter: ONE_DAY,
  praise: ONE_DAY,
  other: ONE_DAY,
};

export interface SlaTarget {
  /** Office minutes until the first answer is due. */
  readonly minutes: number;
  /** The target's name in the inbox's catalogue. */
  readonly label: TargetLabelKey;
}

/** Which row of the table a case follows: a report of concern first, then a public comment, then its kind. */
export function targetSubject(kind: CaseKind, concern: boolean, publicComment = false): TargetSubject {
  if (concern) return "concern";
  if (publicComment) return "public_comment";
  return kind;
}

/** The target of one row of the table, in office minutes for these office hours. */
export function targetOf(subject: TargetSubject, hours: OfficeHours = DEFAULT_OFFICE_HOURS): SlaTarget {
  const rule = FIRST_ANSWER_TARGETS[subject];
  const minutes = rule.span === "working-day" ? workingDayMinutes(hours) : rule.span.hours * 60;
  return { minutes, label: rule.label };
}

export function targetFor(
  kind: CaseKind,
  concern: boolean,
  hours: OfficeHours = DEFAULT_OFFICE_HOURS,
  publicComment = false,
): SlaTarget {
  return targetOf(targetSubject(kind, concern, publicComment), hours);
}

// Messages arrive in bursts: the due time is computed once per minute of arrival (due times
// are kept to the minute).
const dueCache = new Map<string, number>();

export function firstAnswerDue(
  received: Date,
  kind: CaseKind,
  concern: boolean,
  hours: OfficeHours = DEFAULT_OFFICE_HOURS,
  publicComment = false,
): Date {
  const minutes = targetFor(kind, concern, hours, publicComment).minutes;
  const minute = Math.floor(received.getTime() / 60_000) * 60_000;
  const key = `${minute}|${minutes}|${hours.open}|${hours.close}|${hours.eveClose}`;
  let due = dueCache.get(key);
  if (due === undefined) {
    due = addOfficeMinutes(new Date(minute), minutes, hours).getTime();
    if (dueCache.size > 10_000) dueCache.clear();
    dueCache.set(key, due);
  }
  return new Date(due);
}

/** Moves a due time forward by the office time a case spent waiting for the requester. */
export function dueAfterWaiting(
  due: Date,
  waitingSince: Date,
  resumed: Date,
  hours: OfficeHours = DEFAULT_OFFICE_HOURS,
): Date {
  const paused = officeMinutesBetween(waitingSince, resumed, hours);
  return paused > 0 ? addOfficeMinutes(due, paused, hours) : due;
}

/** The due time when a case leaves "waiting": moved by the waiting, unless already answered. */
export function dueOnResume(
  c: {
    status: string;
    waiting_since: Date | string | null;
    first_answer_due: Date | string | null;
    first_answered_at: Date | string | null;
  },
  now: Date,
): Date | null {
  const due = c.first_answer_due ? new Date(c.first_answer_due) : null;
  if (c.status !== "waiting" || !c.waiting_since || !due || c.first_answered_at) return due;
  return dueAfterWaiting(due, new Date(c.waiting_since), now);
}
