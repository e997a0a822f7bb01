/**
 * Who may do what with cases. Communicators and admins see every case; unit staff and
 * managers see their units' cases and cases not yet routed. Secret content (OSL 26 kap) is
 * shown only to members of the case's unit, after a deliberate "open" that is audited.
 */
import { hasRole, type Rule } from "../../platform/auth/policies.js";
import type { SessionUser } from "../../platform/auth/session-user.js";

export interface CaseSubject {
  readonly unit_id: string | null;
  readonly secret: boolean;
}

const INBOX_ROLES = ["admin", "communicator", "unit_staff", "manager"] as const;

export function canSeeCase(user: SessionUser, c: CaseSubject): boolean {
  if (hasRole(user, "admin", "communicator")) return true;
  if (!hasRole(user, "unit_staff", "manager")) return false;
  return c.unit_id === null || user.unitIds.includes(c.unit_id);
}

/** Secret content only for the case's own unit. */
export function canOpenSecret(user: SessionUser, c: CaseSubject): boolean {
  return c.unit_id !== null && user.unitIds.includes(c.unit_id) && hasRole(user, "unit_staff", "manager", "communicator", "admin");
}

export const inboxPolicies: Record<string, Rule> = {
  viewBoard: (user) => hasRole(user, ...INBOX_ROLES),
  viewCase: (user, subject) => hasRole(user, ...INBOX_ROLES) && (subject === undefined || canSeeCase(user, subject as CaseSubject)),
  handleCase: (user, subject) => hasRole(user, ...INBOX_ROLES) && (subject === undefined || canSeeCase(user, subject as CaseSubject)),
  routeCase: (user) => hasRole(user, "admin", "communicator", "manager"),
  viewMeasures: (user) => hasRole(user, "admin", "communicator", "manager"),
  manageRouting: (user) => hasRole(user, "admin"),
  manageRetention: (user) => hasRole(user, "admin"),
  viewMailHealth: (user) => hasRole(user, "admin"),
};
