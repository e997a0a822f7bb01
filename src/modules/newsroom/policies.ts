/** Who may do what in the newsroom: communicators and admins write and approve (never their own release); managers see the measures. */
import { hasRole, type Rule } from "../../platform/auth/policies.js";

export const newsroomPolicies: Record<string, Rule> = {
  write: (user) => hasRole(user, "admin", "communicator"),
  approve: (user) => hasRole(user, "admin", "communicator"),
  measures: (user) => hasRole(user, "admin", "communicator", "manager"),
};
