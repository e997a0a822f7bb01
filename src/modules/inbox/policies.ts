/**
 * Who may do what with cases — decided in one place (OSL 26 kap 1 §).
 *
 * - Seeing a case (its number, clock, unit, kind and channel): admins, communicators and
 *   registrars see every case; unit staff and managers see their units' cases and cases not
 *   yet routed.
 * - Reading its content (messages, attachments, names, contact details, the subject, which is
 *   the first words of the message): for a case that is not secret, whoever sees it. For a
 *   secret case only members of the case's own unit, people with an explicit secrecy right,
 *   and a registrar for a case nobody owns yet (to route it) — and only after a deliberate
 *   "open" that is audited with its purpose (see door.ts).
 * - Moving a case never grants the mover a right to read it.
 * - A report of concern about a child is acted on (re-classified, closed, moved, answered) only
 *   by the child-welfare intake, and by an admin with a recorded reason. Nobody marks it as of
 *   minor importance. Everyone else who sees it sees that it exists and its clock.
 */
import { hasRole, type Rule } from "../../platform/auth/policies.js";
import type { SessionUser } from "../../platform/auth/session-user.js";

export interface CaseSubject {
  readonly unit_id: string | null;
  readonly secret: boolean;
  readonly concern_report?: boolean | undefined;
}

/** What one person may do with one case. */
export interface CaseAccess {
  /** The number, clock, unit, kind, channel and status. */
  readonly see: boolean;
  /** The content, for a secret case only inside a deliberate opening. */
  readonly read: boolean;
  /** Reply and write notes. */
  readonly handle: boolean;
  /** Change the status (wait, close, reopen); for a report of concern only with a reason. */
  readonly changeStatus: boolean;
  /** Move the case to another unit. */
  readonly route: boolean;
  /** Mark as secret; lift the marking (only those who may read it). */
  readonly markSecret: boolean;
  readonly liftSecret: boolean;
  /** Mark or unmark as of minor importance (never a report of concern). */
  readonly minor: boolean;
  /** Act on a report of concern: re-classify, undo, tell a professional reporter. */
  readonly concernActions: boolean;
}

const INBOX_ROLES = ["admin", "communicator", "unit_staff", "manager", "registrar"] as const;

/** Roles that see every case's outside (never its secret content). */
function seesAll(user: SessionUser): boolean {
  return hasRole(user, "admin", "communicator", "registrar");
}

export function canSeeCase(user: SessionUser, c: CaseSubject): boolean {
  if (seesAll(user)) return true;
  if (!hasRole(user, "unit_staff", "manager")) return false;
  return c.unit_id === null || user.unitIds.includes(c.unit_id);
}

/** A secret case's content: its own unit, an explicit secrecy right, or a registrar routing an unowned case. */
export function canOpenSecret(user: SessionUser, c: CaseSubject): boolean {
  if (!hasRole(user, ...INBOX_ROLES)) return false;
  if (c.unit_id !== null && user.unitIds.includes(c.unit_id)) return true;
  if (user.secrecyRight) return true;
  return c.unit_id === null && hasRole(user, "registrar");
}

/** Whether the person belongs to the child-welfare intake. */
export function isIntake(user: SessionUser, intakeUnitIds: readonly string[]): boolean {
  return hasRole(user, "unit_staff", "manager") && user.unitIds.some((u) => intakeUnitIds.includes(u));
}

export function caseAccess(user: SessionUser, c: CaseSubject, intakeUnitIds: readonly string[]): CaseAccess {
  // The intake answers for every report of concern, also one it has moved on: it still sees it (and can undo the move).
  const see =
    hasRole(user, ...INBOX_ROLES) &&
    (canSeeCase(user, c) || (c.concern_report === true && isIntake(user, intakeUnitIds)));
  const read = see && (!c.secret || canOpenSecret(user, c));
  const member = c.unit_id !== null && user.unitIds.includes(c.unit_id);
  // A registrar who may read a secret case only to route it, nothing more.
  const readsToWork = read && (!c.secret || member || user.secrecyRight);
  const routerRole = hasRole(user, "admin", "communicator", "manager", "registrar");
  if (c.concern_report) {
    const authority = see && (isIntake(user, intakeUnitIds) || hasRole(user, "admin"));
    return {
      see,
      read,
      handle: authority && readsToWork,
      changeStatus: authority,
      route: authority,
      markSecret: false,
      liftSecret: false,
      minor: false,
      concernActions: authority,
    };
  }
  const registrarRoutes = hasRole(user, "registrar") && c.unit_id === null;
  const handle = see && readsToWork && hasRole(user, "admin", "communicator", "unit_staff", "manager");
  return {
    see,
    read,
    handle,
    changeStatus: handle,
    route: see && (c.secret ? (readsToWork && routerRole) || registrarRoutes : routerRole),
    markSecret: see && !c.secret && hasRole(user, "admin", "communicator", "unit_staff", "manager"),
    liftSecret: see && c.secret && readsToWork,
    minor: see && readsToWork && hasRole(user, "admin", "communicator", "unit_staff", "manager"),
    // Anyone who handles the case may flag it as a report of concern (it then goes to the intake).
    concernActions: see && hasRole(user, "admin", "communicator", "unit_staff", "manager"),
  };
}

export const inboxPolicies: Record<string, Rule> = {
  viewBoard: (user) => hasRole(user, ...INBOX_ROLES),
  viewCase: (user, subject) =>
    hasRole(user, ...INBOX_ROLES) && (subject === undefined || canSeeCase(user, subject as CaseSubject)),
  handleCase: (user, subject) =>
    hasRole(user, ...INBOX_ROLES) && (subject === undefined || canSeeCase(user, subject as CaseSubject)),
  // Whether this case may be moved is the case's own question (caseAccess().route): the intake moves its reports of concern.
  routeCase: (user) => hasRole(user, ...INBOX_ROLES),
  // Anyone who works the inbox logs the calls, letters and visits they take.
  logContact: (user) => hasRole(user, ...INBOX_ROLES),
  viewMeasures: (user) => hasRole(user, "admin", "communicator", "manager"),
  manageRouting: (user) => hasRole(user, "admin"),
  manageRetention: (user) => hasRole(user, "admin"),
  viewMailHealth: (user) => hasRole(user, "admin"),
};
