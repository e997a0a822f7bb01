/** Reads for requests for public documents: the list with its clocks, one request, statistics. */
import type { Executor } from "../../platform/db/database.js";
import { requestClock, requestDue, type RequestClock } from "./clock.js";

export interface RequestRow {
  readonly id: string;
  readonly case_id: string;
  readonly number: string;
  readonly requested: string;
  readonly received_at: Date;
  readonly status: string;
  readonly unit_name: string | null;
  readonly decided_at: Date | null;
  readonly documents: number;
  readonly clock: RequestClock;
}

/**
 * Requests, open or decided, oldest open first. `units`: only requests of these units and those
 * not yet routed (undefined: all). The case number is the inbox's: the caller adds it.
 */
export async function requestList(
  db: Executor,
  orgId: string,
  f: {
    open: boolean;
    unitId?: string | undefined;
    units?: readonly string[] | undefined;
    page: number;
    pageSize: number;
  },
  now = new Date(),
): Promise<{ rows: Omit<RequestRow, "number">[]; total: number }> {
  let q = db
    .selectFrom("document_requests as r")
    .leftJoin("units as u", "u.id", "r.unit_id")
    .where("r.org_id", "=", orgId);
  q = f.open ? q.where("r.status", "=", "open") : q.where("r.status", "<>", "open");
  if (f.unitId) q = q.where("r.unit_id", "=", f.unitId);
  if (f.units) {
    const units = [...f.units];
    q = q.where((eb) =>
      units.length > 0
        ? eb.or([eb("r.unit_id", "is", null), eb("r.unit_id", "in", units)])
        : eb("r.unit_id", "is", null),
    );
  }
  const [rows, total] = await Promise.all([
    q
      .select((eb) => [
        "r.id",
        "r.case_id",
        "r.requested",
        "r.received_at",
        "r.status",
        "u.name as unit_name",
        "r.decided_at",
        eb
          .selectFrom("request_documents as d")
          .select(eb.fn.countAll<string>().as("n"))
          .whereRef("d.request_id", "=", "r.id")
          .as("documents"),
      ])
      .orderBy("r.received_at", f.open ? "asc" : "desc")
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return {
    rows: rows.map((r) => ({
      ...r,
      received_at: new Date(r.received_at),
      decided_at: r.decided_at ? new Date(r.decided_at) : null,
      documents: Number(r.documents ?? 0),
      clock: requestClock(new Date(r.received_at), now, r.decided_at ? new Date(r.decided_at) : null),
    })),
    total: Number(total.n),
  };
}

/** Open requests past their target, per unit (the overdue list). */
export async function overdueByUnit(
  db: Executor,
  orgId: string,
  now = new Date(),
): Promise<{ unit: string; late: number; seriouslyLate: number }[]> {
  const open = await db
    .selectFrom("document_requests as r")
    .leftJoin("units as u", "u.id", "r.unit_id")
    .select(["r.received_at", "u.name as unit"])
    .where("r.org_id", "=", orgId)
    .where("r.status", "=", "open")
    .execute();
  const byUnit = new Map<string, { late: number; seriouslyLate: number }>();
  for (const r of open) {
    const clock = requestClock(new Date(r.received_at), now, null);
    if (clock.state === "on_time") continue;
    const key = r.unit ?? "Ingen enhet";
    const e = byUnit.get(key) ?? { late: 0, seriouslyLate: 0 };
    if (clock.state === "seriously_late") e.seriouslyLate++;
    else e.late++;
    byUnit.set(key, e);
  }
  return [...byUnit]
    .map(([unit, e]) => ({ unit, ...e }))
    .sort((a, b) => b.seriouslyLate + b.late - (a.seriouslyLate + a.late));
}

export interface MonthStats {
  readonly month: string;
  readonly requests: number;
  readonly decided: number;
  readonly medianHoursToDecision: number | null;
  readonly sameDayShare: number | null;
  readonly refused: number;
  readonly partial: number;
}

const median = (v: number[]) => {
  if (v.length === 0) return null;
  const s = [...v].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** Per month received: requests, median hours to decision, share decided the same working day, refusals. */
export async function monthlyStats(db: Executor, orgId: string, months = 12): Promise<MonthStats[]> {
  const since = new Date();
  since.setUTCMonth(since.getUTCMonth() - months + 1, 1);
  since.setUTCHours(0, 0, 0, 0);
  const rows = await db
    .selectFrom("document_requests")
    .select(["received_at", "decided_at", "outcome"])
    .where("org_id", "=", orgId)
    .where("received_at", ">=", since)
    .execute();
  const byMonth = new Map<string, typeof rows>();
  for (const r of rows) {
    const month = new Intl.DateTimeFormat("sv-SE", {
      timeZone: "Europe/Stockholm",
      year: "numeric",
      month: "2-digit",
    }).format(new Date(r.received_at));
    byMonth.set(month, [...(byMonth.get(month) ?? []), r]);
  }
  return [...byMonth]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([month, list]) => {
      const decided = list.filter((r) => r.decided_at);
      const hours = decided.map(
        (r) => (new Date(r.decided_at as Date).getTime() - new Date(r.received_at).getTime()) / 3_600_000,
      );
      const sameDay = decided.filter(
        (r) => new Date(r.decided_at as Date) <= requestDue(new Date(r.received_at)),
      ).length;
      return {
        month,
        requests: list.length,
        decided: decided.length,
        medianHoursToDecision: median(hours) === null ? null : Math.round((median(hours) as number) * 10) / 10,
        sameDayShare: decided.length === 0 ? null : sameDay / decided.length,
        refused: list.filter((r) => r.outcome === "refused").length,
        partial: list.filter((r) => r.outcome === "partial").length,
      };
    });
}
