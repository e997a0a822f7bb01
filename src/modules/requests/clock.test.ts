import { describe, expect, it } from "vitest";
import { requestClock, requestDue } from "./clock.js";

/** Stockholm wall-clock time as an instant. */
function local(s: string): Date {
  const utc = new Date(`${s}:00Z`);
  const offset =
    new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Stockholm", timeZoneName: "shortOffset" })
      .formatToParts(utc)
      .find((p) => p.type === "timeZoneName")?.value ?? "GMT+1";
  return new Date(utc.getTime() - Number(offset.replace("GMT", "")) * 3_600_000);
}

describe("the same-day clock of a request for public documents", () => {
  it("is due when the office closes the day it arrives; after closing it counts from the next working day", () => {
    expect(requestDue(local("2026-11-24T09:15"))).toEqual(local("2026-11-24T16:30"));
    expect(requestDue(local("2026-11-24T07:00"))).toEqual(local("2026-11-24T16:30"));
    expect(requestDue(local("2026-11-24T17:00"))).toEqual(local("2026-11-25T16:30"));
  });

  it("runs across a weekend: Friday evening is due Monday afternoon", () => {
    const received = local("2026-11-27T18:00");
    expect(requestDue(received)).toEqual(local("2026-11-30T16:30"));
    const monday = requestClock(received, local("2026-11-30T10:00"), null);
    expect(monday).toMatchObject({ state: "on_time", waitedHours: 64, waitedOfficeHours: 2, workingDaysLate: 0 });
  });

  it("runs across Easter: after closing on skärtorsdagen (13:00) the next working day is Tuesday after annandag påsk", () => {
    const received = local("2026-04-02T14:00");
    expect(requestDue(received)).toEqual(local("2026-04-07T16:30"));
    expect(requestClock(received, local("2026-04-07T10:00"), null)).toMatchObject({
      state: "on_time",
      waitedHours: 116,
      waitedOfficeHours: 2,
    });
    // Wednesday morning without a decision: late; two more closes without one: seriously late (JO has criticised three days).
    expect(requestClock(received, local("2026-04-08T09:00"), null)).toMatchObject({
      state: "late",
      workingDaysLate: 0,
    });
    expect(requestClock(received, local("2026-04-08T17:00"), null)).toMatchObject({
      state: "late",
      workingDaysLate: 1,
    });
    expect(requestClock(received, local("2026-04-09T17:00"), null)).toMatchObject({
      state: "seriously_late",
      workingDaysLate: 2,
    });
  });

  it("stops when the decision is made", () => {
    const received = local("2026-11-24T09:00");
    const clock = requestClock(received, local("2026-12-01T12:00"), local("2026-11-24T14:30"));
    expect(clock).toMatchObject({ state: "on_time", decided: true, waitedHours: 5.5, waitedOfficeHours: 5.5 });
  });

  it("counts a request received on a public holiday from the next working day (Trettondedag jul 2027 is a Wednesday)", () => {
    expect(requestDue(local("2027-01-06T11:00"))).toEqual(local("2027-01-07T16:30"));
    // Trettondagsafton closes at 13:00.
    expect(requestDue(local("2027-01-05T10:00"))).toEqual(local("2027-01-05T13:00"));
  });
});
