import { describe, expect, it } from "vitest";
import {
  addOfficeMinutes,
  addWorkingDays,
  holidayName,
  isNonWorkingDay,
  officeDay,
  officeMinutesBetween,
  sayDate,
  statutoryDeadline,
  workingDaysDeadline,
} from "./working-time.js";

/** A Stockholm wall-clock time as an instant, e.g. local("2026-11-27T15:00"). */
function local(s: string): Date {
  const utc = new Date(`${s}:00Z`);
  const offset =
    new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Stockholm", timeZoneName: "shortOffset" })
      .formatToParts(utc)
      .find((p) => p.type === "timeZoneName")?.value ?? "GMT+1";
  return new Date(utc.getTime() - Number(offset.replace("GMT", "")) * 3_600_000);
}

function show(d: Date): string {
  return new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm",
    dateStyle: "short",
    timeStyle: "short",
  }).format(d);
}

describe("working days in Sweden", () => {
  it("knows weekends, public holidays and the three eves that count as holidays", () => {
    expect(isNonWorkingDay("2026-11-28")).toBe(true); // Saturday
    expect(isNonWorkingDay("2026-11-30")).toBe(false); // Monday
    expect(isNonWorkingDay("2026-01-06")).toBe(true); // Trettondagen
    expect(holidayName("2026-06-19")).toBe("midsommarafton");
    expect(isNonWorkingDay("2026-12-24")).toBe(true); // Julafton
    expect(isNonWorkingDay("2026-12-31")).toBe(true); // Nyårsafton
    expect(isNonWorkingDay("2026-04-03")).toBe(true); // Långfredagen
    expect(isNonWorkingDay("2026-05-14")).toBe(true); // Kristi himmelsfärd
  });

  it("moves a statutory deadline that falls on a non-working day to the next working day (lag 1930:173)", () => {
    expect(statutoryDeadline("2026-11-28")).toBe("2026-11-30");
    expect(statutoryDeadline("2026-06-19")).toBe("2026-06-22");
    expect(statutoryDeadline("2026-12-24")).toBe("2026-12-28");
    expect(statutoryDeadline("2026-11-26")).toBe("2026-11-26");
  });

  it("adds working days across weekends and holidays", () => {
    expect(addWorkingDays("2026-11-26", 1)).toBe("2026-11-27");
    expect(addWorkingDays("2026-11-27", 1)).toBe("2026-11-30");
    expect(addWorkingDays("2026-12-23", 1)).toBe("2026-12-28");
    expect(addWorkingDays("2026-01-05", 1)).toBe("2026-01-07");
  });

  it("has shorter office hours on the day before a holiday", () => {
    expect(show(officeDay("2026-06-18")?.close as Date)).toBe("2026-06-18 13:00"); // before Midsommarafton
    expect(show(officeDay("2026-01-05")?.close as Date)).toBe("2026-01-05 13:00"); // trettondagsafton
    expect(show(officeDay("2026-11-26")?.close as Date)).toBe("2026-11-26 16:30");
    expect(officeDay("2026-06-19")).toBeNull();
  });
});

describe("answer-time targets in office time", () => {
  it("one working day from Friday afternoon ends on Monday afternoon", () => {
    expect(show(workingDaysDeadline(local("2026-11-27T15:00"), 1))).toBe("2026-11-30 15:00");
  });

  it("a question that arrives on Saturday starts its clock on Monday morning", () => {
    expect(show(workingDaysDeadline(local("2026-11-28T10:00"), 1))).toBe("2026-11-30 16:30");
  });

  it("a question before opening starts at opening", () => {
    expect(show(workingDaysDeadline(local("2026-11-26T06:30"), 1))).toBe("2026-11-26 16:30");
  });

  it("Midsommar: the eve's short day, then Midsommarafton and the weekend are skipped", () => {
    // Thu 18 June closes 13:00 (60 min), Fri 19 closed, Mon 22: 450 min from 08:00
    expect(show(workingDaysDeadline(local("2026-06-18T12:00"), 1))).toBe("2026-06-22 15:30");
  });

  it("Trettondagen: trettondagsafton is short and 6 January is closed", () => {
    // Mon 5 Jan 09:00–13:00 (240 min), Tue 6 closed, Wed 7: 270 min from 08:00
    expect(show(workingDaysDeadline(local("2026-01-05T09:00"), 1))).toBe("2026-01-07 12:30");
  });

  it("four working hours for a journalist on Friday afternoon end on Monday morning", () => {
    expect(show(addOfficeMinutes(local("2026-11-27T14:00"), 240))).toBe("2026-11-30 09:30");
  });

  it("keeps Stockholm time across the change to summer time", () => {
    const deadline = workingDaysDeadline(local("2026-03-27T16:00"), 1);
    expect(show(deadline)).toBe("2026-03-30 16:00");
    expect(deadline.toISOString()).toBe("2026-03-30T14:00:00.000Z");
  });

  it("measures how long something waited in office time", () => {
    expect(officeMinutesBetween(local("2026-11-27T15:00"), local("2026-11-30T10:00"))).toBe(210);
    expect(officeMinutesBetween(local("2026-11-28T10:00"), local("2026-11-29T10:00"))).toBe(0);
  });

  it("says a deadline in plain Swedish", () => {
    expect(sayDate(local("2026-12-01T12:00"))).toBe("tisdag 1 december");
  });
});
