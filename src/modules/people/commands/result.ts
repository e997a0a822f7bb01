/** What every people and unit command returns, and the transaction helper they share. */
import type { AuditActor } from "../../../platform/audit/audit.js";
import type { Db, Executor } from "../../../platform/db/database.js";
import type { FieldError } from "../../../views/context.js";

export type CommandResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: FieldError[] };

/** Who acts: a signed-in admin. */
export type AdminActor = AuditActor & { readonly userId: string; readonly orgId: string };

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const invalid = (errors: FieldError[]) => ({ ok: false, errors }) as const;

/** Thrown inside a command's transaction: rolls it back and becomes the form's errors. */
export class Refused extends Error {
  constructor(readonly errors: FieldError[]) {
    super("refused");
  }
}

/** Runs a command's transaction; a Refused thrown inside rolls it back and becomes field errors. */
export async function inTransaction<T>(db: Db, fn: (trx: Executor) => Promise<T>): Promise<CommandResult<T>> {
  try {
    return { ok: true, value: await db.transaction().execute(fn) };
  } catch (error) {
    if (error instanceof Refused) return invalid(error.errors);
    throw error;
  }
}
