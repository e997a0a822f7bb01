/** What every people and unit command returns (the platform's one Result), and the transaction helper they share. */
import type { AuditActor } from "../../../platform/audit/audit.js";
import type { Db, Executor } from "../../../platform/db/database.js";
import { notFound, ok, type FieldProblem, type Result } from "../../../platform/result.js";

export type CommandResult<T> = Result<T>;

/** Who acts: a signed-in admin. */
export type AdminActor = AuditActor & { readonly userId: string; readonly orgId: string };

/** The form's problems, all at once. */
export const refuse = (errors: readonly FieldProblem[]) => ({ ok: false, kind: "invalid", errors }) as const;

/** Thrown inside a command's transaction: rolls it back and becomes the form's errors (or "not found"). */
export class Refused extends Error {
  constructor(readonly errors: readonly FieldProblem[] | "not_found") {
    super("refused");
  }
}

/** Runs a command's transaction; a Refused thrown inside rolls it back and becomes its Result. */
export async function inTransaction<T>(db: Db, fn: (trx: Executor) => Promise<T>): Promise<CommandResult<T>> {
  try {
    return ok(await db.transaction().execute(fn));
  } catch (error) {
    if (error instanceof Refused) return error.errors === "not_found" ? notFound() : refuse(error.errors);
    throw error;
  }
}
