/**
 * Working days and office hours in Sweden, for deadlines and answer-time targets (SLA).
 *
 * - Non-working days: Saturdays, Sundays, public holidays, and Midsommarafton, Julafton and
 *   Nyårsafton (lag 1930:173 treats them like holidays). Holidays come from date-holidays,
 *   a maintained library, never from a hand-written list.
 * - Office hours are per unit (default weekdays 08:00–16:30) and shorter on the day before a
 *   holiday (default until 13:00): trettondagsafton, skärtorsdagen, valborgsmässoafton,
 *   allhelgonaafton and any working day followed by a holiday.
 * - Everything is computed in Europe/Stockholm; instants in and out are UTC Dates.
 */
import Holidays from "date-holidays";
import { DateTime } from "luxon";

export const ZONE = "Europe/Stockholm";

/** A clock time "HH:MM". */
export type ClockTime = `${number}:${number}`;

export interface OfficeHours {
  readonly open: ClockTime;
  readonly close: ClockTime;
  /** Closing time on the day before a holiday. */
  readonly eveClose: ClockTime;
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = { open: "08:00", close: "16:30", eveClose: "13:00" };

const holidays = new Holidays("SE");
const NON_WORKING_TYPES = new Set(["public", "bank"]);
const EVE_NAMES = new Set(["trettondagsafton", "skärtorsdagen", "valborgsmässoafton", "allhelgonaafton"]);

interface DayInfo {
  readonly nonWorking: boolean;
  readonly holidayName: string | null;
  readonly eve: boolean;
}

const cache = new Map<string, DayInfo>();

function isoDay(d: DateTime): string {
  return d.toISODate() as string;
}

function holidaysOn(d: DateTime): { name: string; type: string }[] {
  const found = holidays.isHoliday(new Date(Date.UTC(d.year, d.month - 1, d.day, 12)));
  return found ? found.map((h) => ({ name: h.name, type: h.type })) : [];
}

function dayInfo(d: DateTime): DayInfo {
  const key = isoDay(d);
  const known = cache.get(key);
  if (known) return known;
  const list = holidaysOn(d);
  const holiday = list.find((h) => NON_WORKING_TYPES.has(h.type));
  const weekend = d.weekday >= 6;
  const nonWorking = weekend || Boolean(holiday);
  let eve = false;
  if (!nonWorking) {
    const next = d.plus({ days: 1 });
    const nextHoliday = holidaysOn(next).some((h) => NON_WORKING_TYPES.has(h.type)) && next.weekday < 6;
    eve = nextHoliday || list.some((h) => EVE_NAMES.has(h.name.toLowerCase()));
  }
  const info = { nonWorking, holidayName: holiday?.name ?? null, eve };
  cache.set(key, info);
  return info;
}

function localDay(date: Date | string): DateTime {
  return (
    typeof date === "string" ? DateTime.fromISO(date, { zone: ZONE }) : DateTime.fromJSDate(date, { zone: ZONE })
  ).startOf("day");
}

/** True on Saturdays, Sundays, public holidays, Midsommarafton, Julafton and Nyårsafton. */
export function isNonWorkingDay(date: Date | string): boolean {
  return dayInfo(localDay(date)).nonWorking;
}

/** The name of the holiday on that day ("midsommarafton"), or null. */
export function holidayName(date: Date | string): string | null {
  return dayInfo(localDay(date)).holidayName;
}

/**
 * A statutory deadline (lag 1930:173): when the last day falls on a non-working day it moves
 * to the next working day. Returns an ISO date (YYYY-MM-DD).
 */
export function statutoryDeadline(lastDay: string): string {
  let d = localDay(lastDay);
  while (dayInfo(d).nonWorking) d = d.plus({ days: 1 });
  return isoDay(d);
}

/** The date after `days` whole working days from `from` (ISO date in, ISO date out). */
export function addWorkingDays(from: string, days: number): string {
  let d = localDay(from);
  let left = days;
  while (left > 0) {
    d = d.plus({ days: 1 });
    if (!dayInfo(d).nonWorking) left--;
  }
  return isoDay(d);
}

function at(d: DateTime, time: ClockTime): DateTime {
  const [h, m] = time.split(":").map(Number) as [number, number];
  return d.set({ hour: h, minute: m, second: 0, millisecond: 0 });
}

/** Opening and closing instant of a local day, or null when the office is closed all day. */
export function officeDay(
  date: Date | string,
  hours: OfficeHours = DEFAULT_OFFICE_HOURS,
): { open: Date; close: Date } | null {
  const d = localDay(date);
  const info = dayInfo(d);
  if (info.nonWorking) return null;
  const open = at(d, hours.open);
  const close = at(d, info.eve ? hours.eveClose : hours.close);
  return close > open ? { open: open.toJSDate(), close: close.toJSDate() } : null;
}

/** Minutes of office time in a full working day (ordinary days). */
const dayLengths = new Map<string, number>();

export function workingDayMinutes(hours: OfficeHours = DEFAULT_OFFICE_HOURS): number {
  // Called for every incoming message: the answer is the same for the same hours.
  const key = `${hours.open}|${hours.close}`;
  const known = dayLengths.get(key);
  if (known !== undefined) return known;
  const minutes = at(DateTime.fromObject({ year: 2026, month: 3, day: 3 }, { zone: ZONE }), hours.close).diff(
    at(DateTime.fromObject({ year: 2026, month: 3, day: 3 }, { zone: ZONE }), hours.open),
    "minutes",
  ).minutes;
  dayLengths.set(key, minutes);
  return minutes;
}

/**
 * The instant when `minutes` of office time have passed since `start`. Time outside office
 * hours does not count: a question that arrives on Saturday starts its clock on Monday morning.
 */
export function addOfficeMinutes(start: Date, minutes: number, hours: OfficeHours = DEFAULT_OFFICE_HOURS): Date {
  let cursor = DateTime.fromJSDate(start, { zone: ZONE });
  let left = minutes;
  for (let guard = 0; guard < 3660; guard++) {
    const day = officeDay(cursor.toJSDate(), hours);
    if (day) {
      const open = DateTime.fromJSDate(day.open, { zone: ZONE });
      const close = DateTime.fromJSDate(day.close, { zone: ZONE });
      const from = cursor < open ? open : cursor;
      if (from < close) {
        const available = close.diff(from, "minutes").minutes;
        if (left <= available) return from.plus({ minutes: left }).toJSDate();
        left -= available;
      }
    }
    cursor = cursor.plus({ days: 1 }).startOf("day");
  }
  throw new Error("No office time found within ten years");
}

/** Office minutes between two instants (for measuring how long something waited). */
export function officeMinutesBetween(from: Date, to: Date, hours: OfficeHours = DEFAULT_OFFICE_HOURS): number {
  if (to <= from) return 0;
  let cursor = DateTime.fromJSDate(from, { zone: ZONE });
  const end = DateTime.fromJSDate(to, { zone: ZONE });
  let total = 0;
  while (cursor < end) {
    const day = officeDay(cursor.toJSDate(), hours);
    if (day) {
      const open = DateTime.fromJSDate(day.open, { zone: ZONE });
      const close = DateTime.fromJSDate(day.close, { zone: ZONE });
      const a = cursor < open ? open : cursor;
      const b = end < close ? end : close;
      if (b > a) total += b.diff(a, "minutes").minutes;
    }
    cursor = cursor.plus({ days: 1 }).startOf("day");
  }
  return Math.round(total);
}

/**
 * The deadline for an answer target in working days: `days` full office days of office time
 * from arrival (KKiK: "within one working day").
 */
export function workingDaysDeadline(received: Date, days: number, hours: OfficeHours = DEFAULT_OFFICE_HOURS): Date {
  return addOfficeMinutes(received, days * workingDayMinutes(hours), hours);
}

/** "tisdag 1 december" — how a deadline is said to a resident. */
export function sayDate(date: Date, lang: "sv" | "en" = "sv"): string {
  return DateTime.fromJSDate(date, { zone: ZONE })
    .setLocale(lang === "sv" ? "sv-SE" : "en-GB")
    .toFormat("cccc d LLLL");
}
