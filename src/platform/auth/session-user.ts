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
}
