/**
 * The one door for case content (OSL 26 kap 1 §).
 *
 * Every page, job and module that shows a case's content — messages, attachments, names,
 * contact details, and the subject (the first words of the message) — reads it here. The door
 * decides in one place (policies.ts `caseAccess`): not secret → whoever may see the case;
 * secret → only people who may open it, and only inside a deliberate, audited "open" that
 * names its purpose. Each read of secret content while the opening lasts is audited too.
 *
 * Lists, previews, counters and suggestions use `caseMeta`: the number, the clock and, for a
 * secret case, "Sekretessmarkerat ärende" instead of the subject — never content.
 */
import type { AuditActor } from "../../platform/audit/audit.js";
import { audit } from "../../platform/audit/audit.js";
import type { SessionUser } from "../../platform/auth/session-user.js";
import type { Executor } from "../../platform/db/database.js";
import type { CaseChannel, CaseKind, CaseStatus } from "../../platform/db/schema.js";
import { caseAccess, type CaseAccess } from "./policies.js";

import { OPEN_PURPOSES, READ_OF, SECRET_SUBJECT, sourceTitle } from "./audit-words.js";

export { OPEN_PURPOSES, SECRET_SUBJECT };

/** How long a deliberate opening lasts before the person must open the case again. */
export const OPENING_MINUTES = 30;

export type OpenPurpose = keyof typeof OPEN_PURPOSES;

/** The person at the door, and what the audit log says about them. */
export interface Viewer {
  readonly user: SessionUser;
  readonly actor: AuditActor;
}

/** A case from the outside: what any list may show. */
export interface CaseMeta {
  readonly id: string;
  readonly number: string;
  readonly channel: CaseChannel;
  readonly kind: CaseKind;
  readonly status: CaseStatus;
  readonly receivedAt: Date;
  readonly due: Date | null;
  readonly firstAnsweredAt: Date | null;
  readonly unitId: string | null;
  readonly unitName: string | null;
  readonly categoryName: string | null;
  readonly secret: boolean;
  readonly concern: boolean;
  readonly concernReasons: readonly string[];
  readonly minor: boolean;
  readonly reporterNotice: "opened" | "not_opened" | "already_running" | null;
  /** How sure the arrival was of the kind (0–1); null when a person or a form set it. */
  readonly kindConfidence: number | null;
  /** The unit the evidence suggested on arrival, with its confidence and what spoke for it. */
  readonly suggestion: {
    readonly unitId: string;
    readonly unitName: string;
    readonly confidence: number;
    readonly sources: readonly string[];
  } | null;
  /** Logged by a staff member (a call, letter, visit or the reception desk). */
  readonly logged: boolean;
  /** The subject, or "Sekretessmarkerat ärende" for a secret case. */
  readonly title: string;
}

export interface CaseMessage {
  readonly id: string;
  readonly direction: "in" | "out" | "note";
  readonly channel: string;
  readonly body: string;
  readonly created_at: Date;
  readonly delivery_status: string | null;
  readonly automatic: boolean;
  readonly author_name: string | null;
}

/** A case from the inside: only through `readCase`. */
export interface CaseContent {
  readonly meta: CaseMeta;
  readonly subject: string;
  readonly requester: { readonly name: string | null; readonly email: string | null; readonly phone: string | null };
  readonly messages: readonly CaseMessage[];
  readonly attachments: readonly {
    readonly id: string;
    readonly filename: string;
    readonly content_type: string;
    readonly size: number;
  }[];
  /** The first message in, as text (what the person asked). */
  readonly question: string;
}

export type DoorRefusal = "not_found" | "forbidden" | "needs_open";
export type DoorResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DoorRefusal };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The child-welfare intake units (reports of concern land there). */
export async function intakeUnitIds(db: Executor, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("units")
    .select("id")
    .where("org_id", "=", orgId)
    .where("receives_concern_reports", "=", true)
    .execute();
  return rows.map((r) => r.id);
}

function metaQuery(db: Executor, orgId: string) {
  return db
    .selectFrom("cases as c")
    .leftJoin("units as u", "u.id", "c.unit_id")
    .leftJoin("categories as k", "k.id", "c.category_id")
    .leftJoin("units as su", "su.id", "c.suggested_unit_id")
    .select([
      "c.id",
      "c.number",
      "c.channel",
      "c.kind",
      "c.status",
      "c.received_at",
      "c.first_answer_due",
      "c.first_answered_at",
      "c.unit_id",
      "u.name as unit_name",
      "k.name_sv as category_name",
      "c.secret",
      "c.concern_report",
      "c.concern_reasons",
      "c.minor_importance",
      "c.reporter_notice",
      "c.subject",
      "c.kind_confidence",
      "c.suggested_unit_id",
      "su.name as suggested_unit_name",
      "c.suggestion_confidence",
      "c.suggestion_sources",
      "c.logged_by",
    ])
    .where("c.org_id", "=", orgId);
}

type MetaRow = Awaited<ReturnType<ReturnType<typeof metaQuery>["executeTakeFirstOrThrow"]>>;

function toMeta(r: MetaRow): CaseMeta {
  return {
    id: r.id,
    number: r.number,
    channel: r.channel,
    kind: r.kind,
    status: r.status,
    receivedAt: new Date(r.received_at),
    due: r.first_answer_due ? new Date(r.first_answer_due) : null,
    firstAnsweredAt: r.first_answered_at ? new Date(r.first_answered_at) : null,
    unitId: r.unit_id,
    unitName: r.unit_name,
    categoryName: r.category_name,
    secret: r.secret,
    concern: r.concern_report,
    concernReasons: r.concern_reasons,
    minor: r.minor_importance,
    reporterNotice: r.reporter_notice,
    kindConfidence: r.kind_confidence,
    // Which unit a secret case was suggested for says what it is about: only from the inside (readCase).
    suggestion:
      !r.secret && r.suggested_unit_id && r.suggested_unit_name
        ? {
            unitId: r.suggested_unit_id,
            unitName: r.suggested_unit_name,
            confidence: r.suggestion_confidence ?? 0,
            sources: r.suggestion_sources,
          }
        : null,
    logged: r.logged_by !== null,
    title: r.secret ? SECRET_SUBJECT : r.subject,
  };
}

/** The outside of cases, for lists: never content of a secret case. Unknown ids are left out. */
export async function caseMeta(db: Executor, orgId: string, caseIds: readonly string[]): Promise<CaseMeta[]> {
  const ids = caseIds.filter((id) => UUID.test(id));
  if (ids.length === 0) return [];
  const rows = await metaQuery(db, orgId).where("c.id", "in", ids).orderBy("c.received_at").execute();
  return rows.map(toMeta);
}

/** One case's outside and what this person may do with it; undefined when it does not exist or is not theirs to see. */
export async function caseFor(
  db: Executor,
  user: SessionUser,
  caseId: string,
): Promise<{ meta: CaseMeta; access: CaseAccess } | undefined> {
  if (!UUID.test(caseId)) return undefined;
  const row = await metaQuery(db, user.orgId).where("c.id", "=", caseId).executeTakeFirst();
  if (!row) return undefined;
  const access = caseAccess(
    user,
    { unit_id: row.unit_id, secret: row.secret, concern_report: row.concern_report },
    await intakeUnitIds(db, user.orgId),
  );
  return access.see ? { meta: toMeta(row), access } : undefined;
}

async function activeOpening(
  db: Executor,
  user: SessionUser,
  caseId: string,
): Promise<{ purpose: string } | undefined> {
  return db
    .selectFrom("case_openings")
    .select(["purpose"])
    .where("case_id", "=", caseId)
    .where("user_id", "=", user.id)
    .where("session_id", "=", user.sessionId)
    .where("expires_at", ">", new Date())
    .orderBy("expires_at", "desc")
    .executeTakeFirst();
}

/** Whether this person has the secret case open right now. */
export async function isOpen(db: Executor, user: SessionUser, caseId: string): Promise<boolean> {
  return (await activeOpening(db, user, caseId)) !== undefined;
}

/**
 * A deliberate open of a secret case, with its purpose: allowed only to people who may read
 * it; audited. Opening a case that is not secret is a no-op that succeeds.
 */
export async function openCase(
  db: Executor,
  viewer: Viewer,
  caseId: string,
  purpose: OpenPurpose,
): Promise<DoorResult<{ until: Date }>> {
  const found = await caseFor(db, viewer.user, caseId);
  if (!found) return { ok: false, error: "not_found" };
  if (!found.access.read) return { ok: false, error: "forbidden" };
  const until = new Date(Date.now() + OPENING_MINUTES * 60_000);
  if (!found.meta.secret) return { ok: true, value: { until } };
  await db
    .insertInto("case_openings")
    .values({
      org_id: viewer.user.orgId,
      case_id: caseId,
      user_id: viewer.user.id,
      session_id: viewer.user.sessionId,
      purpose: OPEN_PURPOSES[purpose],
      expires_at: until,
    })
    .execute();
  await audit(db, viewer.actor, {
    action: "case.secret.open",
    subjectType: "case",
    subjectId: caseId,
    details: { number: found.meta.number, purpose: OPEN_PURPOSES[purpose], until: until.toISOString() },
  });
  return { ok: true, value: { until } };
}

/** Ends this person's openings of a case ("Stäng ärendet"). */
export async function closeOpening(db: Executor, user: SessionUser, caseId: string): Promise<void> {
  if (!UUID.test(caseId)) return;
  await db
    .updateTable("case_openings")
    .set({ expires_at: new Date() })
    .where("case_id", "=", caseId)
    .where("user_id", "=", user.id)
    .where("expires_at", ">", new Date())
    .execute();
}

/**
 * Checks the door for content: the person may read the case and, for a secret case, has it
 * open. Each read of secret content is audited with the opening's purpose and what was read.
 */
async function throughDoor(db: Executor, viewer: Viewer, caseId: string, what: string): Promise<DoorResult<CaseMeta>> {
  const found = await caseFor(db, viewer.user, caseId);
  if (!found) return { ok: false, error: "not_found" };
  if (!found.access.read) return { ok: false, error: "forbidden" };
  if (found.meta.secret) {
    const opening = await activeOpening(db, viewer.user, caseId);
    if (!opening) return { ok: false, error: "needs_open" };
    await audit(db, viewer.actor, {
      action: "case.secret.read",
      subjectType: "case",
      subjectId: caseId,
      details: { number: found.meta.number, purpose: opening.purpose, read: what },
    });
  }
  return { ok: true, value: found.meta };
}

/** A case's content: its messages, attachments (listed), the requester and the subject. */
export async function readCase(
  db: Executor,
  viewer: Viewer,
  caseId: string,
  what: string = READ_OF.case,
): Promise<DoorResult<CaseContent>> {
  const door = await throughDoor(db, viewer, caseId, what);
  if (!door.ok) return door;
  const [c, messages, attachments] = await Promise.all([
    db
      .selectFrom("cases as c")
      .leftJoin("units as su", "su.id", "c.suggested_unit_id")
      .select([
        "c.subject",
        "c.requester_name",
        "c.requester_email",
        "c.requester_phone",
        "c.suggested_unit_id",
        "su.name as suggested_unit_name",
        "c.suggestion_confidence",
        "c.suggestion_sources",
      ])
      .where("c.id", "=", caseId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("case_messages as m")
      .leftJoin("staff_users as s", "s.id", "m.author_id")
      .select([
        "m.id",
        "m.direction",
        "m.channel",
        "m.body",
        "m.created_at",
        "m.delivery_status",
        "m.automatic",
        "s.name as author_name",
      ])
      .where("m.case_id", "=", caseId)
      .orderBy("m.created_at", "asc")
      .orderBy("m.id", "asc")
      .execute(),
    db
      .selectFrom("attachments")
      .select(["id", "filename", "content_type", "size"])
      .where("case_id", "=", caseId)
      .orderBy("created_at")
      .execute(),
  ]);
  return {
    ok: true,
    value: {
      meta: {
        ...door.value,
        title: c.subject,
        suggestion:
          c.suggested_unit_id && c.suggested_unit_name
            ? {
                unitId: c.suggested_unit_id,
                unitName: c.suggested_unit_name,
                confidence: c.suggestion_confidence ?? 0,
                sources: c.suggestion_sources,
              }
            : null,
      },
      subject: c.subject,
      requester: { name: c.requester_name, email: c.requester_email, phone: c.requester_phone },
      messages: messages.map((m) => ({ ...m, created_at: new Date(m.created_at) })),
      attachments,
      question: messages.find((m) => m.direction === "in")?.body ?? "",
    },
  };
}

/** What in a case can be asked for as a document: its messages and attachments (file names are content too). */
export interface CaseSource {
  readonly kind: "message" | "attachment";
  readonly id: string;
  readonly title: string;
  readonly createdAt: Date;
}

export async function caseSources(db: Executor, viewer: Viewer, caseId: string): Promise<DoorResult<CaseSource[]>> {
  const door = await throughDoor(db, viewer, caseId, READ_OF.sources);
  if (!door.ok) return door;
  const [messages, files] = await Promise.all([
    db
      .selectFrom("case_messages")
      .select(["id", "direction", "created_at"])
      .where("case_id", "=", caseId)
      .where("direction", "in", ["in", "out"])
      .orderBy("created_at")
      .execute(),
    db
      .selectFrom("attachments")
      .select(["id", "filename", "created_at"])
      .where("case_id", "=", caseId)
      .orderBy("created_at")
      .execute(),
  ]);
  const when = (d: Date) => new Date(d).toISOString().slice(0, 10);
  return {
    ok: true,
    value: [
      ...messages.map((m) => ({
        kind: "message" as const,
        id: m.id,
        title: sourceTitle(m.direction === "in" ? "in" : "out", when(m.created_at)),
        createdAt: new Date(m.created_at),
      })),
      ...files.map((f) => ({
        kind: "attachment" as const,
        id: f.id,
        title: `Bilaga: ${f.filename}`,
        createdAt: new Date(f.created_at),
      })),
    ],
  };
}

/** One message (as the e-mail it was, or as text) or attachment, as a file. */
export async function caseSourceContent(
  db: Executor,
  viewer: Viewer,
  caseId: string,
  kind: "message" | "attachment",
  id: string,
): Promise<DoorResult<{ filename: string; contentType: string; data: Buffer }>> {
  if (!UUID.test(id)) return { ok: false, error: "not_found" };
  const door = await throughDoor(db, viewer, caseId, kind === "message" ? `meddelande ${id}` : `bilaga ${id}`);
  if (!door.ok) return door;
  if (kind === "attachment") {
    const a = await db
      .selectFrom("attachments")
      .select(["filename", "content_type", "data"])
      .where("case_id", "=", caseId)
      .where("id", "=", id)
      .executeTakeFirst();
    return a
      ? { ok: true, value: { filename: a.filename, contentType: a.content_type, data: a.data } }
      : { ok: false, error: "not_found" };
  }
  const m = await db
    .selectFrom("case_messages")
    .select(["body", "raw_source", "created_at"])
    .where("case_id", "=", caseId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!m) return { ok: false, error: "not_found" };
  const day = new Date(m.created_at).toISOString().slice(0, 10);
  return {
    ok: true,
    value: m.raw_source
      ? { filename: `meddelande-${day}.eml`, contentType: "message/rfc822", data: m.raw_source }
      : { filename: `meddelande-${day}.txt`, contentType: "text/plain", data: Buffer.from(m.body, "utf8") },
  };
}

/**
 * Who asked, for work done on their behalf — sending them documents, addressing a decision to
 * them. Not for showing on a page: pages read the requester through `readCase`.
 */
export async function caseRequester(
  db: Executor,
  orgId: string,
  caseId: string,
): Promise<{ number: string; name: string | null; email: string | null } | undefined> {
  if (!UUID.test(caseId)) return undefined;
  const c = await db
    .selectFrom("cases")
    .select(["number", "requester_name", "requester_email"])
    .where("org_id", "=", orgId)
    .where("id", "=", caseId)
    .executeTakeFirst();
  return c ? { number: c.number, name: c.requester_name, email: c.requester_email } : undefined;
}
