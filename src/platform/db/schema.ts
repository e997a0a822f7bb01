/** Kysely table types. Keep in step with migrations/. */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<Record<string, unknown>, string | Record<string, unknown> | undefined, string | Record<string, unknown>>;

export const ROLES = ["admin", "communicator", "unit_staff", "manager", "employee"] as const;
export type Role = (typeof ROLES)[number];

export interface OrganisationsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  created_at: Generated<Date>;
}

export interface UnitsTable {
  id: Generated<string>;
  org_id: string;
  parent_id: string | null;
  slug: string;
  name: string;
  description: string | null;
  created_at: Generated<Date>;
}

export interface StaffUsersTable {
  id: Generated<string>;
  org_id: string;
  email: string;
  name: string;
  roles: ColumnType<Role[], Role[] | undefined, Role[]>;
  password_hash: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  active: Generated<boolean>;
  is_demo: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  password_changed_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface UnitMembershipsTable {
  org_id: string;
  user_id: string;
  unit_id: string;
  created_at: Generated<Date>;
}

export interface SessionsTable {
  id: string;
  org_id: string;
  user_id: string;
  auth_method: string;
  created_at: Generated<Date>;
  last_seen_at: Generated<Date>;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<string>;
  org_id: string | null;
  occurred_at: Generated<Date>;
  actor_id: string | null;
  actor_label: string;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  ip: string | null;
  request_id: string | null;
  details: Json;
}

export interface DB {
  organisations: OrganisationsTable;
  units: UnitsTable;
  staff_users: StaffUsersTable;
  unit_memberships: UnitMembershipsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
}

export type StaffUser = Selectable<StaffUsersTable>;
export type NewStaffUser = Insertable<StaffUsersTable>;
export type StaffUserUpdate = Updateable<StaffUsersTable>;
export type Unit = Selectable<UnitsTable>;
export type AuditEntry = Selectable<AuditLogTable>;
