/** Reads for the people and unit pages, one function per question. */
import { sql } from "kysely";
import { escapeLike } from "../../platform/audit/audit.js";
import type { Executor } from "../../platform/db/database.js";
import type { AuditEntry, Role, StaffUser, Unit } from "../../platform/db/schema.js";
import type { StaffFilter } from "./schema.js";

export const STAFF_PAGE_SIZE = 50;
export const HISTORY_PAGE_SIZE = 25;

/** Active and signed in at least once, invited and waiting, or deactivated. */
export type AccountStatus = "active" | "invited" | "deactivated";

export function statusOf(u: {
  active: boolean;
  password_hash: string | null;
  oidc_subject: string | null;
}): AccountStatus {
  return !u.active ? "deactivated" : u.password_hash === null && u.oidc_subject === null ? "invited" : "active";
}

export interface StaffRow {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly roles: readonly Role[];
  readonly units: readonly string[];
  readonly status: AccountStatus;
  readonly lastLoginAt: Date | null;
}

/** The staff list: search in name and e-mail, a status filter, paging. */
export async function staffList(
  db: Executor,
  orgId: string,
  f: { q?: string | undefined; filter: StaffFilter; page: number },
): Promise<{ rows: StaffRow[]; total: number }> {
  let q = db.selectFrom("staff_users as u").where("u.org_id", "=", orgId);
  const words = (f.q ?? "").trim();
  if (words) {
    const like = `%${escapeLike(words)}%`;
    q = q.where((eb) => eb.or([eb("u.name", "ilike", like), eb("u.email", "ilike", like)]));
  }
  if (f.filter === "aktiva") q = q.where("u.active", "=", true);
  if (f.filter === "avstangda") q = q.where("u.active", "=", false);
  if (f.filter === "inbjudna")
    q = q.where("u.active", "=", true).where("u.password_hash", "is", null).where("u.oidc_subject", "is", null);
  const [rows, count] = await Promise.all([
    q
      .select([
        "u.id",
        "u.name",
        "u.email",
        "u.roles",
        "u.active",
        "u.password_hash",
        "u.oidc_subject",
        "u.last_login_at",
      ])
      .select(
        sql<
          string[]
        >`array(select n.name from unit_memberships m join units n on n.id = m.unit_id where m.user_id = u.id order by n.name)`.as(
          "units",
        ),
      )
      .orderBy(sql`lower(u.name)`)
      .orderBy("u.id")
      .limit(STAFF_PAGE_SIZE)
      .offset((f.page - 1) * STAFF_PAGE_SIZE)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      roles: r.roles,
      units: r.units,
      status: statusOf(r),
      lastLoginAt: r.last_login_at ? new Date(r.last_login_at) : null,
    })),
  };
}

export interface Person {
  readonly user: StaffUser;
  readonly status: AccountStatus;
  readonly unitIds: readonly string[];
  /** The newest invitation link, if any: when it was sent, until when it works, and whether it still can. */
  readonly invitation: { readonly sentAt: Date; readonly expiresAt: Date; readonly open: boolean } | null;
}

export async function personById(db: Executor, orgId: string, id: string): Promise<Person | undefined> {
  const user = await db
    .selectFrom("staff_users")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (!user) return undefined;
  const [units, invitation] = await Promise.all([
    db.selectFrom("unit_memberships").select("unit_id").where("user_id", "=", id).execute(),
    db
      .selectFrom("account_tokens")
      .select(["created_at", "expires_at", "used_at", "revoked_at"])
      .where("user_id", "=", id)
      .where("purpose", "=", "invitation")
      .orderBy("created_at", "desc")
      .executeTakeFirst(),
  ]);
  return {
    user,
    status: statusOf(user),
    unitIds: units.map((u) => u.unit_id),
    invitation: invitation
      ? {
          sentAt: new Date(invitation.created_at),
          expiresAt: new Date(invitation.expires_at),
          open: !invitation.used_at && !invitation.revoked_at && new Date(invitation.expires_at) > new Date(),
        }
      : null,
  };
}

/** What happened to a person's account and sign-ins: every audit entry about them, newest first. */
export async function signInHistory(
  db: Executor,
  orgId: string,
  userId: string,
  page: number,
): Promise<{ entries: AuditEntry[]; total: number }> {
  const q = db
    .selectFrom("audit_log")
    .where("org_id", "=", orgId)
    .where("subject_type", "=", "staff_user")
    .where("subject_id", "=", userId)
    .where((eb) => eb.or([eb("action", "like", "auth.%"), eb("action", "like", "user.%")]));
  const [entries, count] = await Promise.all([
    q
      .selectAll()
      .orderBy("occurred_at", "desc")
      .orderBy("id", "desc")
      .limit(HISTORY_PAGE_SIZE)
      .offset((page - 1) * HISTORY_PAGE_SIZE)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { entries, total: Number(count.n) };
}

export interface UnitNode {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly parentId: string | null;
  readonly intake: boolean;
  readonly depth: number;
  readonly members: number;
  /** Managers of a unit: its members with the role manager (the ones escalation mails reach). */
  readonly managers: readonly string[];
  readonly children: readonly UnitNode[];
}

/** Every unit as a tree, siblings by name, with member counts and managers. */
export async function unitTree(db: Executor, orgId: string): Promise<UnitNode[]> {
  const units = await db
    .selectFrom("units as n")
    .where("n.org_id", "=", orgId)
    .select(["n.id", "n.name", "n.description", "n.parent_id", "n.receives_concern_reports"])
    .select(
      sql<string>`(select count(*) from unit_memberships m join staff_users s on s.id = m.user_id where m.unit_id = n.id and s.active)`.as(
        "members",
      ),
    )
    .select(
      sql<
        string[]
      >`array(select s.name from unit_memberships m join staff_users s on s.id = m.user_id where m.unit_id = n.id and s.active and 'manager' = any(s.roles) order by s.name)`.as(
        "managers",
      ),
    )
    .orderBy(sql`lower(n.name)`)
    .execute();
  const ids = new Set(units.map((u) => u.id));
  const build = (parentId: string | null, depth: number, seen: Set<string>): UnitNode[] =>
    units
      // A unit whose parent is gone from the list (another organisation) shows at the top.
      .filter(
        (u) =>
          (parentId === null ? u.parent_id === null || !ids.has(u.parent_id) : u.parent_id === parentId) &&
          !seen.has(u.id),
      )
      .map((u) => {
        const path = new Set(seen).add(u.id);
        return {
          id: u.id,
          name: u.name,
          description: u.description,
          parentId: u.parent_id,
          intake: u.receives_concern_reports,
          depth,
          members: Number(u.members),
          managers: u.managers,
          children: build(u.id, depth + 1, path),
        };
      });
  return build(null, 0, new Set());
}

/** The tree flattened in reading order, for lists of choices (units, a parent). */
export function flatten(nodes: readonly UnitNode[]): UnitNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

export function findNode(nodes: readonly UnitNode[], id: string): UnitNode | undefined {
  return flatten(nodes).find((n) => n.id === id);
}

export interface UnitMember {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly roles: readonly Role[];
  readonly active: boolean;
}

export async function unitById(db: Executor, orgId: string, id: string): Promise<Unit | undefined> {
  return db.selectFrom("units").selectAll().where("org_id", "=", orgId).where("id", "=", id).executeTakeFirst();
}

export async function unitMembers(db: Executor, unitId: string): Promise<UnitMember[]> {
  return db
    .selectFrom("unit_memberships as m")
    .innerJoin("staff_users as s", "s.id", "m.user_id")
    .select(["s.id", "s.name", "s.email", "s.roles", "s.active"])
    .where("m.unit_id", "=", unitId)
    .orderBy(sql`lower(s.name)`)
    .execute();
}
