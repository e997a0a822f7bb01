/** Reads for the inbox: the board, a case's history, suggestions for the reply composer. */
import { findPersonalData } from "@klarsvar/klarsprak";
import { sql } from "kysely";
import type { Executor } from "../../platform/db/database.js";
import type { CaseChannel, CaseKind, CaseStatus } from "../../platform/db/schema.js";
import { SECRET_SUBJECT } from "./door.js";

export interface BoardFilter {
  readonly orgId: string;
  /** One unit; null = the cases nobody owns yet (the registrar's queue). */
  readonly unitId?: string | null | undefined;
  readonly channel?: CaseChannel | undefined;
  readonly kind?: CaseKind | undefined;
  /** Only these units (unit staff); undefined = all. */
  readonly visibleUnits?: readonly string[] | undefined;
  readonly page: number;
  readonly pageSize: number;
}

export interface BoardRow {
  readonly id: string;
  readonly number: string;
  readonly subject: string;
  readonly channel: CaseChannel;
  readonly kind: CaseKind;
  readonly status: CaseStatus;
  readonly concern_report: boolean;
  readonly secret: boolean;
  readonly unit_id: string | null;
  readonly unit_name: string | null;
  readonly received_at: Date;
  readonly first_answer_due: Date | null;
}

/** Every unanswered case: reports of concern first, then oldest first. */
export async function unansweredBoard(db: Executor, f: BoardFilter): Promise<{ rows: BoardRow[]; total: number }> {
  let q = db
    .selectFrom("cases as c")
    .leftJoin("units as u", "u.id", "c.unit_id")
    .where("c.org_id", "=", f.orgId)
    .where("c.status", "in", ["new", "open"])
    .where("c.minor_importance", "=", false);
  if (f.unitId === null) q = q.where("c.unit_id", "is", null);
  else if (f.unitId) q = q.where("c.unit_id", "=", f.unitId);
  if (f.channel) q = q.where("c.channel", "=", f.channel);
  if (f.kind) q = q.where("c.kind", "=", f.kind);
  if (f.visibleUnits) {
    const units = [...f.visibleUnits];
    q = q.where((eb) =>
      units.length > 0
        ? eb.or([eb("c.unit_id", "is", null), eb("c.unit_id", "in", units)])
        : eb("c.unit_id", "is", null),
    );
  }
  const [rows, count] = await Promise.all([
    q
      .select([
        "c.id",
        "c.number",
        sql<string>`case when c.secret then ${SECRET_SUBJECT} else c.subject end`.as("subject"),
        "c.channel",
        "c.kind",
        "c.status",
        "c.concern_report",
        "c.secret",
        "c.unit_id",
        "u.name as unit_name",
        "c.received_at",
        "c.first_answer_due",
      ])
      .orderBy("c.concern_report", "desc")
      .orderBy("c.received_at", "asc")
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as BoardRow[], total: Number(count.n) };
}

export async function historyOf(db: Executor, caseId: string) {
  const rows = await db
    .selectFrom("case_events as e")
    .leftJoin("staff_users as s", "s.id", "e.actor_id")
    .select(["e.id", "e.type", "e.details", "e.created_at", "s.name as actor_name"])
    .where("e.case_id", "=", caseId)
    .orderBy("e.id", "asc")
    .execute();
  return rows.map((r) => ({ ...r, id: String(r.id) }));
}

/**
 * Earlier answers to similar questions, by Swedish full-text search with prefix matching.
 * Suggestions never cross the wall: only answers in cases that are not secret and that the
 * reader could open (their units' and unrouted cases, unless they see every case), with any
 * personal data taken out.
 * First among the newest 2,000 replies (bounded work, and where common questions are
 * answered); only when that finds too little, the whole archive through the GIN index —
 * which is fast exactly then, because the words are rare.
 */
export async function similarAnswers(
  db: Executor,
  orgId: string,
  text: string,
  excludeCaseId: string,
  visibleUnits: readonly string[] | undefined,
  limit = 3,
) {
  const rows = await similarAnswerRows(db, orgId, text, excludeCaseId, visibleUnits, limit);
  return rows.map((r) => ({ ...r, body: withoutPersonalData(r.body) }));
}

/** The text with every personal identity number, phone number, e-mail address and the like replaced. */
export function withoutPersonalData(text: string): string {
  const hits = [...findPersonalData(text)].sort((a, b) => b.start - a.start);
  let out = text;
  let limit = text.length;
  for (const h of hits) {
    // Overlapping hits: the later one is already replaced; cover the rest of this one.
    const end = Math.min(h.end, limit);
    if (end <= h.start) continue;
    out = `${out.slice(0, h.start)}[personuppgift]${out.slice(end)}`;
    limit = h.start;
  }
  return out;
}

async function similarAnswerRows(
  db: Executor,
  orgId: string,
  text: string,
  excludeCaseId: string,
  visibleUnits: readonly string[] | undefined,
  limit: number,
) {
  const units = visibleUnits ? [...visibleUnits] : undefined;
  const unitFilter =
    units === undefined
      ? sql`true`
      : units.length > 0
        ? sql`(c.unit_id is null or c.unit_id in (${sql.join(units)}))`
        : sql`c.unit_id is null`;
  const words = [...new Set(text.toLowerCase().match(/[\p{L}]{4,}/gu) ?? [])]
    .sort((a, b) => b.length - a.length)
    .slice(0, 6);
  if (words.length === 0) return [];
  const query = words.map((w) => `${w.replace(/[^\p{L}]/gu, "")}:*`).join(" | ");
  const recent = await sql<{ body: string; number: string; rank: number }>`
    select m.body, c.number, ts_rank(m.search, to_tsquery('swedish', ${query})) as rank
    from (
      select case_id, body, search from case_messages
      where org_id = ${orgId} and direction = 'out'
      order by created_at desc limit 2000
    ) m join cases c on c.id = m.case_id
    where c.id <> ${excludeCaseId} and c.secret = false and ${unitFilter} and m.search @@ to_tsquery('swedish', ${query})
    order by rank desc limit ${limit}`.execute(db);
  if (recent.rows.length >= limit) return recent.rows;
  // No LIMIT inside: with one, the planner bets on a sequential scan finding matches early,
  // and loses badly exactly here, where the words are rare (measured: 390 ms at 1M rows).
  const all = await sql<{ body: string; number: string; rank: number }>`
    select m.body, c.number, ts_rank(m.search, to_tsquery('swedish', ${query})) as rank
    from case_messages m join cases c on c.id = m.case_id
    where m.org_id = ${orgId} and m.direction = 'out' and c.id <> ${excludeCaseId} and c.secret = false and ${unitFilter}
      and m.search @@ to_tsquery('swedish', ${query})
    order by rank desc limit ${limit}`.execute(db);
  return all.rows;
}

export function savedAnswersFor(db: Executor, orgId: string, unitId: string | null) {
  let q = db.selectFrom("saved_answers").select(["id", "title", "body"]).where("org_id", "=", orgId);
  q = unitId
    ? q.where((eb) => eb.or([eb("unit_id", "is", null), eb("unit_id", "=", unitId)]))
    : q.where("unit_id", "is", null);
  return q.orderBy("title").execute();
}
