/**
 * Answer-time targets. Defaults: a first answer within 1 working day for questions (the KKiK
 * measure), 4 working hours for media inquiries, 1 working hour for a report of concern about
 * a child (the protection assessment is made the same day), 4 working hours for a public comment
 * on the department's social-media accounts (everyone can see whether it was answered).
 */
import {
  addOfficeMinutes,
  DEFAULT_OFFICE_HOURS,
  officeMinutesBetween,
  workingDayMinutes,
  type OfficeHours,
} from "../../platform/time/working-time.js";
import type { CaseKind } from "../../platform/db/schema.js";

export interface SlaTarget {
  /** Office minutes until the first answer is due. */
  readonly minutes: number;
  readonly label: string;
}

export function targetFor(
  kind: CaseKind,
  concern: boolean,
  hours: OfficeHours = DEFAULT_OFFICE_HOURS,
  publicComment = false,
): SlaTarget {
  if (concern) return { minutes: 60, label: "1 arbetstimme" };
  if (kind === "media" || publicComment) return { minutes: 240, label: "4 arbetstimmar" };
  return { minutes: workingDayMinutes(hours), label: "1 arbetsdag" };
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
