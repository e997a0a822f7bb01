/**
 * Measures of the promise "every question answered": the KKiK measure (share of questions
 * given a real answer — not only a receipt — within one working day of arrival), per channel
 * and unit; each kind's first answers against that kind's own target (`sla.ts`), with reports of
 * concern as their own row; median time to first answer in office time; open cases by age; late
 * answers; and what requesters said about whether they got help.
 */
import type { Executor } from "../../platform/db/database.js";
import { formatMessage, type Lang } from "../../platform/i18n/messages.js";
import { CASE_KINDS, type CaseKind } from "../../platform/db/schema.js";
import { channelName, kindName } from "./labels.js";
import { messages, type InboxKey } from "./messages.js";
import { targetOf } from "./sla.js";
import { DEFAULT_OFFICE_HOURS, officeMinutesBetween, workingDayMinutes } from "../../platform/time/working-time.js";

export interface Share {
  readonly key: string;
  readonly label: string;
  readonly counted: number;
  readonly withinOneDay: number;
  /** 0–1, null when nothing was counted. */
  readonly share: number | null;
}

/** First answers of one kind (or of reports of concern) against that kind's own target. */
export interface KindShare {
  readonly key: CaseKind | "concern";
  readonly label: string;
  /** The target's name ("4 arbetstimmar"). */
  readonly target: string;
  readonly targetMinutes: number;
  readonly counted: number;
  readonly withinTarget: number;
  /** 0–1, null when nothing was counted. */
  readonly share: number | null;
}

export interface Measures {
  readonly from: Date;
  readonly to: Date;
  readonly kkik: { readonly all: Share; readonly byChannel: readonly Share[]; readonly byUnit: readonly Share[] };
  /** Reports of concern first, then every kind in the schema's order, counted or not. */
  readonly byKind: readonly KindShare[];
  readonly medianFirstAnswerMinutes: number | null;
  readonly openByAge: { readonly underOneDay: number; readonly oneToThreeDays: number; readonly overThreeDays: number };
  readonly late: { readonly answeredLate: number; readonly openLate: number };
  readonly helped: { readonly yes: number; readonly no: number };
  readonly concernReports: number;
  readonly mediaInquiries: Share;
  /** Marked as needing no answer (praise, off-topic, advertising): left out of the shares above, counted here. */
  readonly noAnswerNeeded: number;
}

function share(key: string, label: string, items: readonly { within: boolean }[]): Share {
  const within = items.filter((i) => i.within).length;
  return {
    key,
    label,
    counted: items.length,
    withinOneDay: within,
    share: items.length > 0 ? within / items.length : null,
  };
}

export async function computeMeasures(
  db: Executor,
  orgId: string,
  from: Date,
  to: Date,
  now = new Date(),
  lang: Lang = "sv",
): Promise<Measures> {
  const say = (key: InboxKey) => formatMessage(messages, lang, key);
  const rows = await db
    .selectFrom("cases as c")
    .leftJoin("units as u", "u.id", "c.unit_id")
    .select([
      "c.kind",
      "c.channel",
      "c.status",
      "c.received_at",
      "c.first_answered_at",
      "c.first_answer_due",
      "c.concern_report",
      "c.helped",
      "c.unit_id",
      "u.name as unit_name",
    ])
    .where("c.org_id", "=", orgId)
    .where("c.minor_importance", "=", false)
    .where("c.received_at", ">=", from)
    .where("c.received_at", "<", to)
    .execute();
  const byKind = kindShares(rows, now, lang);
  const day = workingDayMinutes(DEFAULT_OFFICE_HOURS);
  type Counted = {
    within: boolean;
    channel: string;
    unit: string;
    unitName: string;
    minutes: number | null;
    kind: string;
  };
  const counted: Counted[] = [];
  for (const r of rows) {
    const received = new Date(r.received_at);
    const answered = r.first_answered_at ? new Date(r.first_answered_at) : null;
    const minutes = answered ? officeMinutesBetween(received, answered) : null;
    // Not yet answered and still within its first working day: too early to count.
    if (minutes === null && officeMinutesBetween(received, now) <= day) continue;
    counted.push({
      within: minutes !== null && minutes <= day,
      channel: r.channel,
      unit: r.unit_id ?? "-",
      unitName: r.unit_name ?? say("unit.none"),
      minutes,
      kind: r.kind,
    });
  }
  const questions = counted.filter((c) => c.kind !== "media");
  const group = (key: (c: Counted) => string, label: (c: Counted) => string): Share[] => {
    const map = new Map<string, Counted[]>();
    for (const c of questions) map.set(key(c), [...(map.get(key(c)) ?? []), c]);
    return [...map.entries()]
      .map(([k, list]) => share(k, label(list[0] as Counted), list))
      .sort((a, b) => a.label.localeCompare(b.label, "sv"));
  };
  const answeredMinutes = counted
    .map((c) => c.minutes)
    .filter((m): m is number => m !== null)
    .sort((a, b) => a - b);
  const median =
    answeredMinutes.length === 0
      ? null
      : answeredMinutes.length % 2 === 1
        ? (answeredMinutes[(answeredMinutes.length - 1) / 2] as number)
        : ((answeredMinutes[answeredMinutes.length / 2 - 1] as number) +
            (answeredMinutes[answeredMinutes.length / 2] as number)) /
          2;
  const noAnswer = await db
    .selectFrom("cases")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("org_id", "=", orgId)
    .where("minor_importance", "=", true)
    .where("received_at", ">=", from)
    .where("received_at", "<", to)
    .executeTakeFirstOrThrow();
  const openRows = await db
    .selectFrom("cases")
    .select(["received_at", "first_answer_due"])
    .where("org_id", "=", orgId)
    .where("status", "in", ["new", "open"])
    .where("minor_importance", "=", false)
    .execute();
  const openByAge = { underOneDay: 0, oneToThreeDays: 0, overThreeDays: 0 };
  let openLate = 0;
  for (const o of openRows) {
    const age = officeMinutesBetween(new Date(o.received_at), now);
    if (age <= day) openByAge.underOneDay++;
    else if (age <= 3 * day) openByAge.oneToThreeDays++;
    else openByAge.overThreeDays++;
    if (o.first_answer_due && new Date(o.first_answer_due) < now) openLate++;
  }
  const answeredLate = rows.filter(
    (r) => r.first_answered_at && r.first_answer_due && new Date(r.first_answered_at) > new Date(r.first_answer_due),
  ).length;
  return {
    from,
    to,
    kkik: {
      all: share("all", say("measures.allChannels"), questions),
      byChannel: group(
        (c) => c.channel,
        (c) => channelName(c.channel, lang),
      ),
      byUnit: group(
        (c) => c.unit,
        (c) => c.unitName,
      ),
    },
    byKind,
    medianFirstAnswerMinutes: median,
    openByAge,
    late: { answeredLate, openLate },
    helped: { yes: rows.filter((r) => r.helped === true).length, no: rows.filter((r) => r.helped === false).length },
    concernReports: rows.filter((r) => r.concern_report).length,
    mediaInquiries: share(
      "media",
      say("measures.mediaShare"),
      counted.filter((c) => c.kind === "media"),
    ),
    noAnswerNeeded: Number(noAnswer.n),
  };
}

/**
 * Each case against its own due time (`first_answer_due`, set on arrival from the kind's target
 * and moved by time spent waiting for the requester): answered at or before it is within; not
 * answered and past it is not; not answered and not yet due is not counted yet, nor is a case
 * waiting for the requester (its clock is paused). A report of concern counts in its own row.
 */
function kindShares(
  rows: readonly {
    kind: CaseKind;
    concern_report: boolean;
    status: string;
    first_answer_due: Date | string | null;
    first_answered_at: Date | string | null;
  }[],
  now: Date,
  lang: Lang,
): KindShare[] {
  const tally = new Map<CaseKind | "concern", { counted: number; within: number }>();
  for (const r of rows) {
    if (!r.first_answer_due) continue;
    const due = new Date(r.first_answer_due);
    const answered = r.first_answered_at ? new Date(r.first_answered_at) : null;
    if (!answered && (due >= now || r.status === "waiting")) continue;
    const key = r.concern_report ? "concern" : r.kind;
    const t = tally.get(key) ?? { counted: 0, within: 0 };
    t.counted++;
    if (answered && answered <= due) t.within++;
    tally.set(key, t);
  }
  return (["concern", ...CASE_KINDS] as const).map((key) => {
    const target = targetOf(key);
    const t = tally.get(key) ?? { counted: 0, within: 0 };
    return {
      key,
      label: key === "concern" ? formatMessage(messages, lang, "measures.kind.concern") : kindName(key, lang),
      target: formatMessage(messages, lang, target.label),
      targetMinutes: target.minutes,
      counted: t.counted,
      withinTarget: t.within,
      share: t.counted > 0 ? t.within / t.counted : null,
    };
  });
}
