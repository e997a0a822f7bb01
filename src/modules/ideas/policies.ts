/**
 * Who may do what with ideas. Any staff member may submit and follow their own ideas. Who may
 * answer a given idea is decided per idea (`canHandle`): admins and communicators every idea,
 * unit staff and managers their units' ideas, members of an innovation group the group's ideas
 * — whatever their role, since a group is often ordinary employees.
 */
import { anyStaff, hasRole, type Rule } from "../../platform/auth/policies.js";
import type { SessionUser } from "../../platform/auth/session-user.js";

export const ideaPolicies: Record<string, Rule> = {
  submit: anyStaff,
  work: anyStaff,
  moderate: (user) => hasRole(user, "admin", "communicator"),
  measures: (user) => hasRole(user, "admin", "communicator", "manager"),
  configure: (user) => hasRole(user, "admin"),
};

export interface IdeaOwner {
  readonly unitId: string | null;
  readonly groupId: string | null;
}

/** May this person answer, move and update this idea? `groupIds` are the groups the person belongs to. */
export function canHandle(user: SessionUser, idea: IdeaOwner, groupIds: readonly string[]): boolean {
  if (hasRole(user, "admin", "communicator")) return true;
  if (idea.groupId && groupIds.includes(idea.groupId)) return true;
  return idea.unitId !== null && hasRole(user, "unit_staff", "manager") && user.unitIds.includes(idea.unitId);
}

/** Sees every idea on the board (the communicator's overview). */
export function seesAll(user: SessionUser): boolean {
  return hasRole(user, "admin", "communicator");
}
