/**
 * Who handles requests for public documents: those who handle cases (admins, communicators
 * as registrars, unit staff and managers). Everyone who may see the request may see its
 * documents; reading a document before release is audited.
 */
import { hasRole, type Rule } from "../../platform/auth/policies.js";

export const requestPolicies: Record<string, Rule> = {
  handle: (user) => hasRole(user, "admin", "communicator", "unit_staff", "manager"),
  viewStatistics: (user) => hasRole(user, "admin", "communicator", "manager"),
};
