/**
 * What a command returns — one shape everywhere, so a route translates it to HTTP the same way:
 * done (with its value), invalid (with field errors to show on the form), forbidden, or not
 * found. Build them with `ok()`, `invalid()`, `forbidden()` and `notFound()`.
 *
 *   const r = await decideRequest(...);
 *   if (!r.ok) return r.kind === "invalid" ? renderForm(r.errors, 400) : refuse(r.kind);
 */
export interface FieldProblem {
  /** The id of the form field the message belongs to (the error summary links to it). */
  readonly field: string;
  /** What to do, as an instruction: "Skriv din e-postadress". */
  readonly message: string;
}

export type Result<T = undefined> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly kind: "invalid"; readonly errors: readonly FieldProblem[] }
  | { readonly ok: false; readonly kind: "forbidden" }
  | { readonly ok: false; readonly kind: "not_found" };

export function ok(): Result<undefined>;
export function ok<T>(value: T): Result<T>;
export function ok<T>(value?: T): Result<T | undefined> {
  return { ok: true, value };
}

export function invalid(
  field: string,
  message: string,
  ...more: FieldProblem[]
): { readonly ok: false; readonly kind: "invalid"; readonly errors: readonly FieldProblem[] } {
  return { ok: false, kind: "invalid", errors: [{ field, message }, ...more] };
}

export const forbidden = (): { readonly ok: false; readonly kind: "forbidden" } => ({ ok: false, kind: "forbidden" });
export const notFound = (): { readonly ok: false; readonly kind: "not_found" } => ({ ok: false, kind: "not_found" });

/**
 * The older, lower-level shape some platform functions still use (sign-in, tokens): a value or
 * an error code the caller turns into words itself.
 */
export type Outcome<T, E extends string> = { ok: true; value: T } | { ok: false; error: E };
