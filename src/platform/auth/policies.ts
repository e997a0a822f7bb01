/**
 * Authorisation as named rules, deny by default. Each module registers its rules under its
 * own name ("admin.viewAuditLog"); routes name the rule they need in config.access, and a
 * route that names none fails at start-up. Unknown rule names deny.
 */
import type { Role } from "../db/schema.js";
import type { SessionUser } from "./session-user.js";

export type Rule = (user: SessionUser, subject?: unknown) => boolean;

export class PolicyRegistry {
  private readonly rules = new Map<string, Rule>();

  define(module: string, rules: Record<string, Rule>): void {
    for (const [name, rule] of Object.entries(rules)) {
      const key = `${module}.${name}`;
      if (this.rules.has(key)) throw new Error(`Policy ${key} is defined twice`);
      this.rules.set(key, rule);
    }
  }

  has(name: string): boolean {
    return this.rules.has(name);
  }

  get names(): readonly string[] {
    return [...this.rules.keys()].sort();
  }

  /** True only when the rule exists and allows the user. */
  allows(user: SessionUser | null, name: string, subject?: unknown): boolean {
    if (!user) return false;
    const rule = this.rules.get(name);
    return rule ? rule(user, subject) === true : false;
  }
}

export function hasRole(user: SessionUser, ...roles: Role[]): boolean {
  return roles.some((r) => user.roles.includes(r));
}

/** Any signed-in staff member: every role includes employee rights. */
export const anyStaff: Rule = (user) => user.roles.length > 0;
export const adminOnly: Rule = (user) => hasRole(user, "admin");
