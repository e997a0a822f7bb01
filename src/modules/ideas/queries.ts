/** Reads for ideas: public lists and pages, the staff board, timelines, feeds and measures. */
import { sql, type SqlBool } from "kysely";
import type { Executor } from "../../platform/db/database.js";
import { Uuid } from "../../platform/http/typed.js";
import { swedishPrefixQuery } from "../../platform/text.js";
import type { SessionUser } from "../../platform/auth/session-user.js";
import { seesAll } from "./policies.js";

export const PAGE_SIZE = 20;

export interface IdeaListFilter {
  readonly q?: string | undefined;
  readonly state?: string | undefined;
  /** A unit's or an innovation group's slug. */
  readonly owner?: string | undefined;
  readonly category?: string | undefined;
  readonly page?: number | undefined;
}

export interface IdeaListRow {
  readonly id: string;
  readonly number: string;
  readonly title: string;
  readonly description: string;
  readonly state: string;
  readonly stateSlug: string;
  readonly stateClosed: boolean;
  readonly owner: string | null;
  readonly category: string | null;
  readonly receivedAt: Date;
  readonly updatedAt: Date;
  readonly progress: number | null;
}

function listQuery(db: Executor, orgId: string, f: IdeaListFilter) {
  let q = db
    .selectFrom("ideas as i")
    .innerJoin("idea_states as s", "s.id", "i.state_id")
    .leftJoin("units as u", "u.id", "i.unit_id")
    .leftJoin("idea_groups as g", "g.id", "i.group_id")
    .leftJoin("idea_categories as c", "c.id", "i.category_id")
    .where("i.org_id", "=", orgId)
    .where("i.status", "=", "open")
    .where("i.audience", "=", "public");
  const tsq = f.q ? swedishPrefixQuery(f.q) : null;
  if (tsq) q = q.where(sql<SqlBool>`i.search @@ to_tsquery('swedish', ${tsq})`);
  if (f.state) q = q.where("s.slug", "=", f.state);
  if (f.category) q = q.where("c.slug", "=", f.category);
  if (f.owner) {
    const owner = f.owner;
    q = q.where((eb) => eb.or([eb("u.slug", "=", owner), eb("g.slug", "=", owner)]));
  }
  return { q, tsq };
}

/** Public ideas, newest activity first (or best match when searching), one page. */
export async function publicIdeas(
  db: Executor,
  orgId: string,
  f: IdeaListFilter,
): Promise<{ rows: IdeaListRow[]; total: number }> {
  const { q, tsq } = listQuery(db, orgId, f);
  const page = Math.max(1, f.page ?? 1);
  const [rows, total] = await Promise.all([
    q
      .select([
        "i.id",
        "i.number",
        "i.title",
        "i.description",
        "s.name_sv as state",
        "s.slug as state_slug",
        "s.is_closed",
        "u.name as unit",
        "g.name as grp",
        "c.name_sv as category",
        "i.received_at",
        "i.updated_at",
        "i.progress",
      ])
      .$if(tsq !== null, (qb) => qb.orderBy(sql`ts_rank(i.search, to_tsquery('swedish', ${tsq}))`, "desc"))
      .orderBy("i.updated_at", "desc")
      .orderBy("i.number", "desc")
      .limit(PAGE_SIZE)
      .offset((page - 1) * PAGE_SIZE)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(total.n),
    rows: rows.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      description: r.description,
      state: r.state,
      stateSlug: r.state_slug,
      stateClosed: r.is_closed,
      owner: r.grp ?? r.unit,
      category: r.category,
      receivedAt: new Date(r.received_at),
      updatedAt: new Date(r.updated_at),
      progress: r.progress,
    })),
  };
}

export interface IdeaDetail {
  readonly id: string;
  readonly number: string;
  readonly title: string;
  readonly description: string;
  readonly source: "resident" | "employee";
  readonly audience: "public" | "internal";
  readonly status: string;
  readonly holdReasons: readonly string[];
  readonly anonymous: boolean;
  readonly submitterName: string | null;
  readonly submitterEmail: string | null;
  readonly submitterUserId: string | null;
  readonly submitterKey: string | null;
  readonly stateId: string;
  readonly state: string;
  readonly stateImplemented: boolean;
  readonly stateShowsProgress: boolean;
  readonly unitId: string | null;
  readonly groupId: string | null;
  readonly owner: string | null;
  readonly category: string | null;
  readonly categorySlug: string | null;
  readonly receivedAt: Date;
  readonly firstAnswerDue: Date | null;
  readonly firstAnsweredAt: Date | null;
  readonly implementedAt: Date | null;
  readonly progress: number | null;
  readonly progressNote: string;
  readonly helped: "yes" | "partly" | "no" | null;
  readonly helpedComment: string;
  readonly attachment: { id: string; filename: string; size: number } | null;
}

async function detail(
  db: Executor,
  orgId: string,
  by: "id" | "number",
  value: string,
): Promise<IdeaDetail | undefined> {
  if (by === "id" && !Uuid.safeParse(value).success) return undefined;
  const r = await db
    .selectFrom("ideas as i")
    .innerJoin("idea_states as s", "s.id", "i.state_id")
    .leftJoin("units as u", "u.id", "i.unit_id")
    .leftJoin("idea_groups as g", "g.id", "i.group_id")
    .leftJoin("idea_categories as c", "c.id", "i.category_id")
    .selectAll("i")
    .select([
      "s.name_sv as state",
      "s.is_implemented",
      "s.shows_progress",
      "u.name as unit",
      "g.name as grp",
      "c.name_sv as category",
      "c.slug as category_slug",
    ])
    .where("i.org_id", "=", orgId)
    .where(by === "id" ? "i.id" : "i.number", "=", value)
    .executeTakeFirst();
  if (!r) return undefined;
  const file = await db
    .selectFrom("idea_attachments")
    .select(["id", "filename", "size"])
    .where("idea_id", "=", r.id)
    .orderBy("created_at")
    .executeTakeFirst();
  return {
    id: r.id,
    number: r.number,
    title: r.title,
    description: r.description,
    source: r.source,
    audience: r.audience,
    status: r.status,
    holdReasons: r.hold_reasons,
    anonymous: r.anonymous,
    submitterName: r.submitter_name,
    submitterEmail: r.submitter_email,
    submitterUserId: r.submitter_user_id,
    submitterKey: r.submitter_key,
    stateId: r.state_id,
    state: r.state,
    stateImplemented: r.is_implemented,
    stateShowsProgress: r.shows_progress,
    unitId: r.unit_id,
    groupId: r.group_id,
    owner: r.grp ?? r.unit,
    category: r.category,
    categorySlug: r.category_slug,
    receivedAt: new Date(r.received_at),
    firstAnswerDue: r.first_answer_due ? new Date(r.first_answer_due) : null,
    firstAnsweredAt: r.first_answered_at ? new Date(r.first_answered_at) : null,
    implementedAt: r.implemented_at ? new Date(r.implemented_at) : null,
    progress: r.progress,
    progressNote: r.progress_note,
    helped: r.helped,
    helpedComment: r.helped_comment,
    attachment: file ?? null,
  };
}

export const ideaById = (db: Executor, orgId: string, id: string) => detail(db, orgId, "id", id);

/** A public idea by its number; anything not public is "not found". */
export async function publicIdea(db: Executor, orgId: string, number: string): Promise<IdeaDetail | undefined> {
  if (!/^IDE-\d{4}-\d{6}$/.test(number)) return undefined;
  const i = await detail(db, orgId, "number", number);
  return i && i.status === "open" && i.audience === "public" ? i : undefined;
}

export interface TimelineStep {
  readonly id: string;
  readonly kind: string;
  readonly state: string | null;
  readonly answer: string;
  readonly reason: string;
  readonly decidedBy: string;
  readonly actorName: string;
  readonly public: boolean;
  readonly details: Record<string, unknown>;
  readonly at: Date;
}

export async function timeline(db: Executor, ideaId: string, publicOnly: boolean): Promise<TimelineStep[]> {
  let q = db
    .selectFrom("idea_updates as u")
    .leftJoin("idea_states as s", "s.id", "u.state_id")
    .select([
      "u.id",
      "u.kind",
      "s.name_sv as state",
      "u.answer",
      "u.reason",
      "u.decided_by",
      "u.actor_name",
      "u.public",
      "u.details",
      "u.created_at",
    ])
    .where("u.idea_id", "=", ideaId);
  if (publicOnly) q = q.where("u.public", "=", true);
  const rows = await q.orderBy("u.created_at").orderBy("u.id").execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    state: r.state,
    answer: r.answer,
    reason: r.reason,
    decidedBy: r.decided_by,
    actorName: r.actor_name,
    public: r.public,
    details: r.details,
    at: new Date(r.created_at),
  }));
}

/** The state shown publicly: the latest public state step (a state that is not public does not change what the public sees). */
export function publicState(steps: readonly TimelineStep[]): string | null {
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i] as TimelineStep;
    if (s.kind === "state" && s.public && s.state) return s.state;
  }
  return null;
}

export async function ideaLinks(db: Executor, ideaId: string): Promise<{ kind: string; title: string; url: string }[]> {
  return db
    .selectFrom("idea_links")
    .select(["kind", "title", "url"])
    .where("idea_id", "=", ideaId)
    .orderBy("created_at")
    .execute();
}

export async function followerCount(db: Executor, ideaId: string): Promise<number> {
  const r = await db
    .selectFrom("idea_followers")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("idea_id", "=", ideaId)
    .where("confirmed_at", "is not", null)
    .where("unsubscribed_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface DeliveryRow {
  readonly recipient: string;
  readonly email: string | null;
  readonly delivery: string;
  readonly status: string;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly sentAt: Date | null;
  readonly step: string;
  readonly createdAt: Date;
}

/** Every message about the idea and how it went: staff see failures and retries. */
export async function deliveries(db: Executor, ideaId: string): Promise<DeliveryRow[]> {
  const rows = await db
    .selectFrom("idea_notifications as n")
    .innerJoin("idea_updates as u", "u.id", "n.update_id")
    .leftJoin("idea_states as s", "s.id", "u.state_id")
    .select([
      "n.recipient",
      "n.email",
      "n.delivery",
      "n.status",
      "n.attempts",
      "n.last_error",
      "n.sent_at",
      "n.created_at",
      "u.kind",
      "s.name_sv as state",
    ])
    .where("n.idea_id", "=", ideaId)
    .orderBy("n.created_at", "desc")
    .limit(200)
    .execute();
  return rows.map((r) => ({
    recipient: r.recipient,
    email: r.email,
    delivery: r.delivery,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    sentAt: r.sent_at ? new Date(r.sent_at) : null,
    step: r.state ?? r.kind,
    createdAt: new Date(r.created_at),
  }));
}

export async function groupIdsOf(db: Executor, userId: string): Promise<string[]> {
  return (await db.selectFrom("idea_group_members").select("group_id").where("user_id", "=", userId).execute()).map(
    (r) => r.group_id,
  );
}

export interface BoardFilter {
  readonly view: "open" | "overdue" | "held" | "unconfirmed" | "closed" | "all";
  readonly q?: string | undefined;
  readonly page: number;
}

export interface BoardRow {
  readonly id: string;
  readonly number: string;
  readonly title: string;
  readonly state: string;
  readonly status: string;
  readonly owner: string | null;
  readonly source: string;
  readonly receivedAt: Date;
  readonly firstAnswerDue: Date | null;
  readonly firstAnsweredAt: Date | null;
}

/** The staff board: everything for admins and communicators, the viewer's units and groups for others. */
export async function board(
  db: Executor,
  orgId: string,
  user: SessionUser,
  groupIds: readonly string[],
  f: BoardFilter,
): Promise<{ rows: BoardRow[]; total: number; counts: Record<string, number> }> {
  let base = db
    .selectFrom("ideas as i")
    .innerJoin("idea_states as s", "s.id", "i.state_id")
    .leftJoin("units as u", "u.id", "i.unit_id")
    .leftJoin("idea_groups as g", "g.id", "i.group_id")
    .where("i.org_id", "=", orgId);
  if (!seesAll(user)) {
    const units = user.roles.some((r) => r === "unit_staff" || r === "manager") ? [...user.unitIds] : [];
    base = base.where((eb) =>
      eb.or([
        units.length > 0 ? eb("i.unit_id", "in", units) : sql<SqlBool>`false`,
        groupIds.length > 0 ? eb("i.group_id", "in", [...groupIds]) : sql<SqlBool>`false`,
      ]),
    );
  }
  const now = new Date();
  const countsRow = await base
    .select((eb) => [
      eb.fn
        .count<string>("i.id")
        .filterWhere((w) => w.and([w("i.status", "in", ["open", "held"]), w("s.is_closed", "=", false)]))
        .as("open"),
      eb.fn
        .count<string>("i.id")
        .filterWhere((w) =>
          w.and([
            w("i.status", "in", ["open", "held"]),
            w("i.first_answered_at", "is", null),
            w("i.first_answer_due", "<", now),
          ]),
        )
        .as("overdue"),
      eb.fn.count<string>("i.id").filterWhere("i.status", "=", "held").as("held"),
      eb.fn.count<string>("i.id").filterWhere("i.status", "=", "unconfirmed").as("unconfirmed"),
    ])
    .executeTakeFirstOrThrow();
  let q = base;
  if (f.view === "open") q = q.where("i.status", "in", ["open", "held"]).where("s.is_closed", "=", false);
  if (f.view === "overdue")
    q = q
      .where("i.status", "in", ["open", "held"])
      .where("i.first_answered_at", "is", null)
      .where("i.first_answer_due", "<", now);
  if (f.view === "held") q = q.where("i.status", "=", "held");
  if (f.view === "unconfirmed") q = q.where("i.status", "=", "unconfirmed");
  if (f.view === "closed") q = q.where((eb) => eb.or([eb("s.is_closed", "=", true), eb("i.status", "=", "rejected")]));
  const tsq = f.q ? swedishPrefixQuery(f.q) : null;
  if (tsq) q = q.where(sql<SqlBool>`i.search @@ to_tsquery('swedish', ${tsq})`);
  const [rows, total] = await Promise.all([
    q
      .select([
        "i.id",
        "i.number",
        "i.title",
        "s.name_sv as state",
        "i.status",
        "u.name as unit",
        "g.name as grp",
        "i.source",
        "i.received_at",
        "i.first_answer_due",
        "i.first_answered_at",
      ])
      .orderBy(sql`i.first_answered_at is null`, "desc")
      .orderBy("i.first_answer_due", "asc")
      .orderBy("i.received_at", "desc")
      .limit(PAGE_SIZE)
      .offset((Math.max(1, f.page) - 1) * PAGE_SIZE)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(total.n),
    counts: {
      open: Number(countsRow.open),
      overdue: Number(countsRow.overdue),
      held: Number(countsRow.held),
      unconfirmed: Number(countsRow.unconfirmed),
    },
    rows: rows.map((r) => ({
      id: r.id,
      number: r.number,
      title: r.title,
      state: r.state,
      status: r.status,
      owner: r.grp ?? r.unit,
      source: r.source,
      receivedAt: new Date(r.received_at),
      firstAnswerDue: r.first_answer_due ? new Date(r.first_answer_due) : null,
      firstAnsweredAt: r.first_answered_at ? new Date(r.first_answered_at) : null,
    })),
  };
}

/** An employee's own ideas, named or anonymous. */
export async function ownIdeas(db: Executor, orgId: string, userId: string, key: string): Promise<BoardRow[]> {
  const rows = await db
    .selectFrom("ideas as i")
    .innerJoin("idea_states as s", "s.id", "i.state_id")
    .leftJoin("units as u", "u.id", "i.unit_id")
    .leftJoin("idea_groups as g", "g.id", "i.group_id")
    .select([
      "i.id",
      "i.number",
      "i.title",
      "s.name_sv as state",
      "i.status",
      "u.name as unit",
      "g.name as grp",
      "i.source",
      "i.received_at",
      "i.first_answer_due",
      "i.first_answered_at",
    ])
    .where("i.org_id", "=", orgId)
    .where((eb) => eb.or([eb("i.submitter_user_id", "=", userId), eb("i.submitter_key", "=", key)]))
    .orderBy("i.received_at", "desc")
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    title: r.title,
    state: r.state,
    status: r.status,
    owner: r.grp ?? r.unit,
    source: r.source,
    receivedAt: new Date(r.received_at),
    firstAnswerDue: r.first_answer_due ? new Date(r.first_answer_due) : null,
    firstAnsweredAt: r.first_answered_at ? new Date(r.first_answered_at) : null,
  }));
}

export async function states(db: Executor, orgId: string, activeOnly = true) {
  let q = db.selectFrom("idea_states").selectAll().where("org_id", "=", orgId);
  if (activeOnly) q = q.where("active", "=", true);
  return q.orderBy("position").orderBy("name_sv").execute();
}

export async function categories(db: Executor, orgId: string) {
  return db
    .selectFrom("idea_categories as c")
    .leftJoin("units as u", "u.id", "c.unit_id")
    .leftJoin("idea_groups as g", "g.id", "c.group_id")
    .select([
      "c.id",
      "c.slug",
      "c.name_sv",
      "c.name_en",
      "c.unit_id",
      "c.group_id",
      "c.active",
      "u.name as unit",
      "g.name as grp",
    ])
    .where("c.org_id", "=", orgId)
    .orderBy("c.position")
    .orderBy("c.name_sv")
    .execute();
}

export async function groups(db: Executor, orgId: string) {
  const rows = await db.selectFrom("idea_groups").selectAll().where("org_id", "=", orgId).orderBy("name").execute();
  const members = await db
    .selectFrom("idea_group_members as m")
    .innerJoin("staff_users as u", "u.id", "m.user_id")
    .select(["m.group_id", "u.id", "u.name"])
    .where("m.org_id", "=", orgId)
    .orderBy("u.name")
    .execute();
  return rows.map((g) => ({
    ...g,
    members: members.filter((m) => m.group_id === g.id).map((m) => ({ id: m.id, name: m.name })),
  }));
}

export async function units(db: Executor, orgId: string) {
  return db.selectFrom("units").select(["id", "slug", "name"]).where("org_id", "=", orgId).orderBy("name").execute();
}

/** Ideas, newest first, for a feed: everything public, or one category's or one unit's. */
export async function feedIdeas(
  db: Executor,
  orgId: string,
  f: { category?: string | undefined; owner?: string | undefined },
  limit = 50,
) {
  const { q } = listQuery(db, orgId, f);
  return q
    .select([
      "i.id",
      "i.number",
      "i.title",
      "i.description",
      "s.name_sv as state",
      "i.received_at",
      "i.updated_at",
      "c.name_sv as category",
      "u.name as unit",
      "g.name as grp",
    ])
    .orderBy("i.updated_at", "desc")
    .limit(limit)
    .execute();
}

export interface OwnerMeasures {
  readonly owner: string;
  readonly ideas: number;
  readonly answered: number;
  readonly answeredOnTime: number;
  readonly medianDaysToFirstAnswer: number | null;
  readonly implemented: number;
  readonly helpedYes: number;
  readonly helpedPartly: number;
  readonly helpedNo: number;
}

/**
 * Per unit or group, over ideas received since `from`: first answers, on time, implemented, "did it help?".
 * Ideas nobody owns yet are counted under `noOwner` (the reader's words for it).
 */
export async function measures(db: Executor, orgId: string, from: Date, noOwner: string): Promise<OwnerMeasures[]> {
  const r = await sql<{
    owner: string;
    ideas: string;
    answered: string;
    on_time: string;
    median_days: number | null;
    implemented: string;
    yes: string;
    partly: string;
    no: string;
  }>`
    select coalesce(g.name, u.name, ${noOwner}::text) as owner,
      count(*) as ideas,
      count(*) filter (where i.first_answered_at is not null) as answered,
      count(*) filter (where i.first_answered_at is not null and i.first_answered_at <= i.first_answer_due) as on_time,
      percentile_cont(0.5) within group (order by extract(epoch from (i.first_answered_at - coalesce(i.confirmed_at, i.received_at))) / 86400.0)
        filter (where i.first_answered_at is not null) as median_days,
      count(*) filter (where i.implemented_at is not null) as implemented,
      count(*) filter (where i.helped = 'yes') as yes,
      count(*) filter (where i.helped = 'partly') as partly,
      count(*) filter (where i.helped = 'no') as no
    from ideas i
    left join units u on u.id = i.unit_id
    left join idea_groups g on g.id = i.group_id
    where i.org_id = ${orgId} and i.status in ('open', 'held') and i.received_at >= ${from}
    group by 1 order by 2 desc, 1`.execute(db);
  return r.rows.map((x) => ({
    owner: x.owner,
    ideas: Number(x.ideas),
    answered: Number(x.answered),
    answeredOnTime: Number(x.on_time),
    medianDaysToFirstAnswer: x.median_days === null ? null : Math.round(Number(x.median_days) * 10) / 10,
    implemented: Number(x.implemented),
    helpedYes: Number(x.yes),
    helpedPartly: Number(x.partly),
    helpedNo: Number(x.no),
  }));
}
