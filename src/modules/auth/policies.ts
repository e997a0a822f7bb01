import { anyStaff, type Rule } from "../../platform/auth/policies.js";

export const authPolicies: Record<string, Rule> = {
  /** Every staff member sees their own account and may change their own password. */
  viewOwnAccount: anyStaff,
  changeOwnPassword: (user) => anyStaff(user) && user.hasPassword,
};
