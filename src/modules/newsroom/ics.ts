/** A press event as iCalendar (RFC 5545), made with ical-generator: UTC times, a stable UID, METHOD:PUBLISH. */
import ical, { ICalCalendarMethod } from "ical-generator";

export interface IcsEvent {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly location: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
}

export function invitationIcs(e: IcsEvent, baseUrl: string): string {
  const host = new URL(baseUrl).hostname;
  const cal = ical({
    prodId: { company: "Klarsvar", product: "Pressrum", language: "SV" },
    name: e.title,
    method: ICalCalendarMethod.PUBLISH,
  });
  cal.createEvent({
    id: `press-event-${e.id}@${host}`,
    start: e.startsAt,
    end: e.endsAt,
    summary: e.title,
    description: e.description,
    location: e.location,
    url: `${baseUrl}/press/evenemang/${e.id}`,
    stamp: new Date(),
  });
  return cal.toString();
}
