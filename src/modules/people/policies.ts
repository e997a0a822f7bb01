/** Who may run people and units: admins only, each action a named rule. */
import { adminOnly, type Rule } from "../../platform/auth/policies.js";

export const peoplePolicies: Record<string, Rule> = {
  /** The staff list, a person's page with roles, units, sessions and sign-in history. */
  viewStaff: adminOnly,
  /** Invite a person by e-mail (and send a new invitation). */
  inviteStaff: adminOnly,
  /** Roles, units, the registrar role and the secrecy right. */
  editStaff: adminOnly,
  /** Deactivate (every session ends at once) and reactivate. */
  deactivateStaff: adminOnly,
  /** End one of a person's sessions. */
  endSession: adminOnly,
  viewUnits: adminOnly,
  /** Create, rename, describe, move, mark as the intake, delete an empty unit. */
  manageUnits: adminOnly,
};
