/** Reads for the newsroom: public lists and pages, the staff's release page, contacts, events, measures. */
import { sql, type SqlBool } from "kysely";
import type { Executor } from "../../platform/db/database.js";
import { Uuid } from "../../platform/http/typed.js";
import { swedishPrefixQuery } from "../../platform/text.js";

export const PAGE_SIZE = 20;

const PUBLIC = sql<SqlBool>`r.status = 'approved' and r.publish_at <= now()`;

export interface PublicFilter {
  readonly q?: string | undefined;
  readonly topic?: string | undefined;
  readonly unit?: string | undefined;
  readonly page?: number | undefined;
}

export interface ReleaseRow {
  readonly id: string;
  readonly slug: string;
  readonly kind: string;
  readonly title: string;
  readonly lead: string;
  readonly topic: string;
  readonly unit: string | null;
  readonly publishAt: Date;
  readonly updatedAt: Date;
  readonly bodyMd: string;
  readonly bodyHtml: string;
  readonly corrected: boolean;
}

function publicQuery(db: Executor, orgId: string, f: PublicFilter) {
  let q = db
    .selectFrom("releases as r")
    .leftJoin("units as u", "u.id", "r.unit_id")
    .where("r.org_id", "=", orgId)
    .where(PUBLIC);
  const tsq = f.q ? swedishPrefixQuery(f.q) : null;
  if (tsq) q = q.where(sql<SqlBool>`r.search @@ to_tsquery('swedish', ${tsq})`);
  if (f.topic) q = q.where("r.topic", "=", f.topic);
  if (f.unit) q = q.where("u.slug", "=", f.unit);
  return { q, tsq };
}

const toRow = (r: {
  id: string;
  slug: string;
  kind: string;
  title: string;
  lead: string;
  topic: string;
  unit: string | null;
  publish_at: Date | null;
  updated_at: Date;
  body_md: string;
  body_html: string;
  corrections: string | number | bigint;
}): ReleaseRow => ({
  id: r.id,
  slug: r.slug,
  kind: r.kind,
  title: r.title,
  lead: r.lead,
  topic: r.topic,
  unit: r.unit,
  publishAt: new Date(r.publish_at ?? 0),
  updatedAt: new Date(r.updated_at),
  bodyMd: r.body_md,
  bodyHtml: r.body_html,
  corrected: Number(r.corrections) > 0,
});

export async function publicReleases(
  db: Executor,
  orgId: string,
  f: PublicFilter,
  limit = PAGE_SIZE,
): Promise<{ rows: ReleaseRow[]; total: number }> {
  const { q, tsq } = publicQuery(db, orgId, f);
  const page = Math.max(1, f.page ?? 1);
  const [rows, total] = await Promise.all([
    q
      .select([
        "r.id",
        "r.slug",
        "r.kind",
        "r.title",
        "r.lead",
        "r.topic",
        "u.name as unit",
        "r.publish_at",
        "r.updated_at",
        "r.body_md",
        "r.body_html",
      ])
      .select((eb) =>
        eb
          .selectFrom("release_corrections as c")
          .select((e) => e.fn.countAll<string>().as("n"))
          .whereRef("c.release_id", "=", "r.id")
          .as("corrections"),
      )
      .$if(tsq !== null, (qb) => qb.orderBy(sql`ts_rank(r.search, to_tsquery('swedish', ${tsq}))`, "desc"))
      .orderBy("r.publish_at", "desc")
      .limit(limit)
      .offset((page - 1) * limit)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map((r) => toRow({ ...r, corrections: r.corrections ?? 0 })), total: Number(total.n) };
}

export async function topicsAndUnits(
  db: Executor,
  orgId: string,
): Promise<{ topics: string[]; units: { slug: string; name: string }[] }> {
  const [topics, units] = await Promise.all([
    db
      .selectFrom("releases as r")
      .select("r.topic")
      .distinct()
      .where("r.org_id", "=", orgId)
      .where(PUBLIC)
      .where("r.topic", "<>", "")
      .orderBy("r.topic")
      .execute(),
    db
      .selectFrom("releases as r")
      .innerJoin("units as u", "u.id", "r.unit_id")
      .select(["u.slug", "u.name"])
      .distinct()
      .where("r.org_id", "=", orgId)
      .where(PUBLIC)
      .orderBy("u.name")
      .execute(),
  ]);
  return { topics: topics.map((t) => t.topic), units };
}

export interface ReleaseDetail {
  readonly id: string;
  readonly slug: string;
  readonly kind: string;
  readonly title: string;
  readonly lead: string;
  readonly bodyMd: string;
  readonly bodyHtml: string;
  readonly topic: string;
  readonly unitId: string | null;
  readonly unit: string | null;
  readonly status: string;
  readonly publishAt: Date | null;
  readonly embargo: boolean;
  readonly listIds: readonly string[];
  readonly toSubscribers: boolean;
  readonly distributedAt: Date | null;
  readonly submittedBy: string | null;
  readonly createdBy: string | null;
  readonly approvedBy: string | null;
  readonly approvedAt: Date | null;
  readonly updatedAt: Date;
  readonly version: number;
  readonly quotes: readonly { id: string; quote: string; person: string; personTitle: string }[];
  readonly contacts: readonly { id: string; name: string; role: string; phone: string; email: string }[];
  readonly images: readonly {
    id: string;
    alt: string;
    caption: string;
    photographer: string;
    width: number;
    height: number;
    sizes: readonly number[];
  }[];
  readonly documents: readonly {
    id: string;
    kind: string;
    title: string;
    filename: string;
    size: number;
    contentType: string;
  }[];
  readonly corrections: readonly { note: string; at: Date }[];
}

export async function releaseDetail(
  db: Executor,
  orgId: string,
  by: { id: string } | { slug: string },
): Promise<ReleaseDetail | undefined> {
  if ("id" in by && !Uuid.safeParse(by.id).success) return undefined;
  const r = await db
    .selectFrom("releases as r")
    .leftJoin("units as u", "u.id", "r.unit_id")
    .selectAll("r")
    .select("u.name as unit")
    .where("r.org_id", "=", orgId)
    .where("id" in by ? "r.id" : "r.slug", "=", "id" in by ? by.id : by.slug)
    .executeTakeFirst();
  if (!r) return undefined;
  const [quotes, contacts, images, sizes, documents, corrections] = await Promise.all([
    db
      .selectFrom("release_quotes")
      .select(["id", "quote", "person", "person_title"])
      .where("release_id", "=", r.id)
      .orderBy("position")
      .execute(),
    db
      .selectFrom("release_contacts")
      .select(["id", "name", "role", "phone", "email"])
      .where("release_id", "=", r.id)
      .orderBy("position")
      .execute(),
    db
      .selectFrom("release_images")
      .select(["id", "alt", "caption", "photographer", "width", "height"])
      .where("release_id", "=", r.id)
      .orderBy("created_at")
      .execute(),
    db
      .selectFrom("release_image_sizes as s")
      .innerJoin("release_images as i", "i.id", "s.image_id")
      .select(["s.image_id", "s.width"])
      .where("i.release_id", "=", r.id)
      .orderBy("s.width")
      .execute(),
    db
      .selectFrom("release_documents")
      .select(["id", "kind", "title", "filename", "size", "content_type"])
      .where("release_id", "=", r.id)
      .orderBy("created_at")
      .execute(),
    db
      .selectFrom("release_corrections")
      .select(["note", "created_at"])
      .where("release_id", "=", r.id)
      .orderBy("created_at")
      .execute(),
  ]);
  return {
    id: r.id,
    slug: r.slug,
    kind: r.kind,
    title: r.title,
    lead: r.lead,
    bodyMd: r.body_md,
    bodyHtml: r.body_html,
    topic: r.topic,
    unitId: r.unit_id,
    unit: r.unit,
    status: r.status,
    publishAt: r.publish_at ? new Date(r.publish_at) : null,
    embargo: r.embargo,
    listIds: r.list_ids,
    toSubscribers: r.send_to_subscribers,
    distributedAt: r.distributed_at ? new Date(r.distributed_at) : null,
    submittedBy: r.submitted_by,
    createdBy: r.created_by,
    approvedBy: r.approved_by,
    approvedAt: r.approved_at ? new Date(r.approved_at) : null,
    updatedAt: new Date(r.updated_at),
    version: r.version,
    quotes: quotes.map((q) => ({ id: q.id, quote: q.quote, person: q.person, personTitle: q.person_title })),
    contacts,
    images: images.map((i) => ({ ...i, sizes: sizes.filter((s) => s.image_id === i.id).map((s) => s.width) })),
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      filename: d.filename,
      size: d.size,
      contentType: d.content_type,
    })),
    corrections: corrections.map((c) => ({ note: c.note, at: new Date(c.created_at) })),
  };
}

export interface StaffListRow {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly publishAt: Date | null;
  readonly embargo: boolean;
  readonly updatedAt: Date;
  readonly kind: string;
}

export async function staffReleases(
  db: Executor,
  orgId: string,
  view: string,
  page: number,
): Promise<{ rows: StaffListRow[]; total: number }> {
  let q = db.selectFrom("releases as r").where("r.org_id", "=", orgId);
  if (view === "draft") q = q.where("r.status", "=", "draft");
  if (view === "review") q = q.where("r.status", "=", "in_review");
  if (view === "scheduled") q = q.where("r.status", "=", "approved").where("r.publish_at", ">", new Date());
  if (view === "published") q = q.where(PUBLIC);
  const [rows, total] = await Promise.all([
    q
      .select(["r.id", "r.title", "r.status", "r.publish_at", "r.embargo", "r.updated_at", "r.kind"])
      .orderBy("r.updated_at", "desc")
      .limit(PAGE_SIZE)
      .offset((Math.max(1, page) - 1) * PAGE_SIZE)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(total.n),
    rows: rows.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      publishAt: r.publish_at ? new Date(r.publish_at) : null,
      embargo: r.embargo,
      updatedAt: new Date(r.updated_at),
      kind: r.kind,
    })),
  };
}

export async function deliverySummary(db: Executor, releaseId: string) {
  return db
    .selectFrom("release_deliveries")
    .select(["email", "status", "attempts", "last_error", "sent_at", "contact_id"])
    .where("release_id", "=", releaseId)
    .orderBy("email")
    .limit(500)
    .execute();
}

export async function contacts(db: Executor, orgId: string, page: number, q?: string) {
  let query = db
    .selectFrom("media_contacts as c")
    .leftJoin("media_outlets as o", "o.id", "c.outlet_id")
    .where("c.org_id", "=", orgId);
  if (q?.trim()) {
    const like = `%${q.trim().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    query = query.where((eb) =>
      eb.or([eb("c.name", "ilike", like), eb("c.email", "ilike", like), eb("o.name", "ilike", like)]),
    );
  }
  const [rows, total] = await Promise.all([
    query
      .select([
        "c.id",
        "c.name",
        "c.email",
        "c.phone",
        "o.name as outlet",
        "c.beats",
        "c.basis",
        "c.source",
        "c.unsubscribed_at",
      ])
      .orderBy("c.name")
      .limit(50)
      .offset((Math.max(1, page) - 1) * 50)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function allContacts(db: Executor, orgId: string) {
  return db
    .selectFrom("media_contacts as c")
    .leftJoin("media_outlets as o", "o.id", "c.outlet_id")
    .select(["c.id", "c.name", "c.email", "o.name as outlet"])
    .where("c.org_id", "=", orgId)
    .where("c.unsubscribed_at", "is", null)
    .orderBy("c.name")
    .limit(2000)
    .execute();
}

export async function lists(db: Executor, orgId: string) {
  const rows = await db.selectFrom("media_lists").selectAll().where("org_id", "=", orgId).orderBy("name").execute();
  const counts = await db
    .selectFrom("media_list_members as m")
    .innerJoin("media_lists as l", "l.id", "m.list_id")
    .select(["m.list_id", (eb) => eb.fn.countAll<string>().as("n")])
    .where("l.org_id", "=", orgId)
    .groupBy("m.list_id")
    .execute();
  return rows.map((l) => ({ ...l, members: Number(counts.find((c) => c.list_id === l.id)?.n ?? 0) }));
}

export async function events(db: Executor, orgId: string) {
  return db
    .selectFrom("press_events")
    .selectAll()
    .where("org_id", "=", orgId)
    .orderBy("starts_at", "desc")
    .limit(100)
    .execute();
}

export async function eventDetail(db: Executor, orgId: string, id: string) {
  if (!Uuid.safeParse(id).success) return undefined;
  const e = await db
    .selectFrom("press_events")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!e) return undefined;
  const invitations = await db
    .selectFrom("event_invitations as i")
    .innerJoin("media_contacts as c", "c.id", "i.contact_id")
    .leftJoin("media_outlets as o", "o.id", "c.outlet_id")
    .select(["i.id", "c.name", "c.email", "o.name as outlet", "i.response", "i.responded_at", "i.sent_status"])
    .where("i.event_id", "=", id)
    .orderBy("c.name")
    .execute();
  return { event: e, invitations };
}

export async function coverageFor(db: Executor, orgId: string, releaseId?: string) {
  let q = db
    .selectFrom("coverage as c")
    .leftJoin("releases as r", "r.id", "c.release_id")
    .select([
      "c.id",
      "c.outlet",
      "c.published_on",
      "c.url",
      "c.tone",
      "c.note",
      "c.topic",
      "r.title as release",
      "r.id as release_id",
    ])
    .where("c.org_id", "=", orgId);
  if (releaseId) q = q.where("c.release_id", "=", releaseId);
  return q.orderBy("c.published_on", "desc").limit(200).execute();
}

export async function inquiryCaseIds(db: Executor, releaseId: string): Promise<string[]> {
  return (
    await db
      .selectFrom("release_inquiries")
      .select("case_id")
      .where("release_id", "=", releaseId)
      .orderBy("created_at")
      .execute()
  ).map((r) => r.case_id);
}

export interface MonthRow {
  readonly month: string;
  readonly releases: number;
  readonly coverage: number;
}

/** Releases published and coverage recorded per month, the last twelve months. */
export async function monthly(db: Executor, orgId: string): Promise<MonthRow[]> {
  const r = await sql<{ month: string; releases: string; coverage: string }>`
    with months as (select to_char(date_trunc('month', now() at time zone 'Europe/Stockholm') - (n || ' months')::interval, 'YYYY-MM') as month from generate_series(0, 11) n)
    select m.month,
      (select count(*) from releases r where r.org_id = ${orgId} and r.status = 'approved' and r.publish_at <= now() and to_char(r.publish_at at time zone 'Europe/Stockholm', 'YYYY-MM') = m.month) as releases,
      (select count(*) from coverage c where c.org_id = ${orgId} and to_char(c.published_on, 'YYYY-MM') = m.month) as coverage
    from months m order by m.month`.execute(db);
  return r.rows.map((x) => ({ month: x.month, releases: Number(x.releases), coverage: Number(x.coverage) }));
}

export async function coveragePerRelease(
  db: Executor,
  orgId: string,
): Promise<{ title: string; n: number; positive: number; negative: number }[]> {
  const r = await sql<{ title: string; n: string; positive: string; negative: string }>`
    select r.title, count(c.id) as n, count(c.id) filter (where c.tone = 'positive') as positive, count(c.id) filter (where c.tone = 'negative') as negative
    from releases r join coverage c on c.release_id = r.id
    where r.org_id = ${orgId} group by r.id, r.title order by n desc, r.title limit 20`.execute(db);
  return r.rows.map((x) => ({
    title: x.title,
    n: Number(x.n),
    positive: Number(x.positive),
    negative: Number(x.negative),
  }));
}
