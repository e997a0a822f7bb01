/**
 * Who may change the help catalogue. Communicators and admins edit every page; unit staff and
 * managers edit their own units' pages and the pages they are responsible for keeping right.
 */
import { hasRole, type Rule } from "../../platform/auth/policies.js";
import type { SessionUser } from "../../platform/auth/session-user.js";

export interface ServiceSubject {
  readonly unit_id: string | null;
  readonly responsible_id: string | null;
}

export function canEditService(user: SessionUser, s: ServiceSubject): boolean {
  if (hasRole(user, "admin", "communicator")) return true;
  if (!hasRole(user, "unit_staff", "manager")) return false;
  return s.responsible_id === user.id || (s.unit_id !== null && user.unitIds.includes(s.unit_id));
}

export const cataloguePolicies: Record<string, Rule> = {
  viewServices: (user) => hasRole(user, "admin", "communicator", "unit_staff", "manager"),
  createService: (user) => hasRole(user, "admin", "communicator", "manager"),
  editService: (user, subject) =>
    hasRole(user, "admin", "communicator", "unit_staff", "manager") &&
    (subject === undefined || canEditService(user, subject as ServiceSubject)),
  manageSynonyms: (user) => hasRole(user, "admin", "communicator"),
};
