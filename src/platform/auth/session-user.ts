import type { Role } from "../db/schema.js";

/** The signed-in staff member as every request sees them. */
export interface SessionUser {
  readonly id: string;
  readonly orgId: string;
  readonly email: string;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly unitIds: readonly string[];
  readonly sessionId: string;
  readonly authMethod: "password" | "oidc";
  readonly hasPassword: boolean;
  /** May open secret cases of every unit (an explicit right set by an admin, OSL 26 kap). */
  readonly secrecyRight: boolean;
}
