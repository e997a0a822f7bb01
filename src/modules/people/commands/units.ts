/**
 * The unit tree: create, rename, describe, move under another unit (never under itself or one
 * of its own units), mark as the child-welfare intake, delete an empty unit. Changes to the
 * tree of one organisation take a transaction-scoped advisory lock, so two moves at the same
 * moment cannot together make a cycle, and the last intake cannot be lost between two checks.
 */
import { sql } from "kysely";
import { audit } from "../../../platform/audit/audit.js";
import type { Db, Executor } from "../../../platform/db/database.js";
import type { Unit } from "../../../platform/db/schema.js";
import { Uuid } from "../../../platform/http/typed.js";
import type { FieldProblem } from "../../../platform/result.js";
import { slugify } from "../../../platform/text.js";
import type { PeopleKey, PeopleSay } from "../messages.js";
import { inTransaction, Refused, refuse, type AdminActor, type CommandResult } from "./result.js";

export interface UnitInput {
  readonly name: string;
  readonly description: string;
  /** The unit above; empty for a unit at the top. */
  readonly parentId: string;
  readonly intake: boolean;
}

/** What still refers to a unit, by the referring table the database names in its refusal. */
const STILL_USED: Readonly<Record<string, PeopleKey>> = {
  cases: "unit.used.cases",
  categories: "unit.used.categories",
  saved_answers: "unit.used.saved_answers",
  routing_rules: "unit.used.routing_rules",
  catalogue_services: "unit.used.catalogue_services",
  document_requests: "unit.used.document_requests",
  idea_categories: "unit.used.idea_categories",
  ideas: "unit.used.ideas",
  releases: "unit.used.releases",
};

async function lockTree(trx: Executor, orgId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`klarsvar-units:${orgId}`}))`.execute(trx);
}

/** True when `candidate` is `unitId` itself or lies somewhere under it. */
async function isSelfOrBelow(trx: Executor, unitId: string, candidate: string): Promise<boolean> {
  const r = await sql<{ found: boolean }>`
    with recursive below(id) as (
      select id from units where id = ${unitId}
      union
      select u.id from units u join below b on u.parent_id = b.id
    )
    select exists (select 1 from below where id = ${candidate}) as found`.execute(trx);
  return r.rows[0]?.found === true;
}

async function intakeCount(trx: Executor, orgId: string): Promise<number> {
  const r = await trx
    .selectFrom("units")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("org_id", "=", orgId)
    .where("receives_concern_reports", "=", true)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function check(trx: Executor, orgId: string, input: UnitInput, say: PeopleSay): Promise<FieldProblem[]> {
  const errors: FieldProblem[] = [];
  if (!input.name.trim()) errors.push({ field: "name", message: say("unit.error.name") });
  if (input.parentId) {
    const parent = Uuid.safeParse(input.parentId).success
      ? await trx
          .selectFrom("units")
          .select("id")
          .where("org_id", "=", orgId)
          .where("id", "=", input.parentId)
          .executeTakeFirst()
      : undefined;
    if (!parent) errors.push({ field: "parent", message: say("unit.error.parent") });
  }
  return errors;
}

/** A slug from the name that no other unit of the organisation has ("barn-och-familj", "barn-och-familj-2"). */
async function freeSlug(trx: Executor, orgId: string, name: string): Promise<string> {
  const base = slugify(name, 70) || "enhet";
  const taken = new Set(
    (
      await trx
        .selectFrom("units")
        .select("slug")
        .where("org_id", "=", orgId)
        .where("slug", "like", `${base}%`)
        .execute()
    ).map((u) => u.slug),
  );
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

export async function createUnit(
  db: Db,
  actor: AdminActor,
  input: UnitInput,
  say: PeopleSay,
): Promise<CommandResult<Unit>> {
  return inTransaction(db, async (trx) => {
    await lockTree(trx, actor.orgId);
    const errors = await check(trx, actor.orgId, input, say);
    if (errors.length > 0) throw new Refused(errors);
    const unit = await trx
      .insertInto("units")
      .values({
        org_id: actor.orgId,
        slug: await freeSlug(trx, actor.orgId, input.name),
        name: input.name.trim(),
        description: input.description.trim() || null,
        parent_id: input.parentId || null,
        receives_concern_reports: input.intake,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit(trx, actor, {
      action: "unit.create",
      subjectType: "unit",
      subjectId: unit.id,
      details: { name: unit.name, slug: unit.slug, parent: unit.parent_id, intake: unit.receives_concern_reports },
    });
    return unit;
  });
}

/** Rename, describe, move, mark or unmark as the intake. The slug stays: other parts of the system may know the unit by it. */
export async function updateUnit(
  db: Db,
  actor: AdminActor,
  unitId: string,
  input: UnitInput,
  say: PeopleSay,
): Promise<CommandResult<{ changed: boolean }>> {
  return inTransaction(db, async (trx) => {
    await lockTree(trx, actor.orgId);
    const before = await trx
      .selectFrom("units")
      .selectAll()
      .where("org_id", "=", actor.orgId)
      .where("id", "=", unitId)
      .executeTakeFirst();
    if (!before) throw new Refused("not_found");
    const errors = await check(trx, actor.orgId, input, say);
    if (errors.length === 0 && input.parentId && (await isSelfOrBelow(trx, unitId, input.parentId)))
      errors.push({ field: "parent", message: say("unit.error.cycle") });
    if (before.receives_concern_reports && !input.intake && (await intakeCount(trx, actor.orgId)) <= 1)
      errors.push({ field: "intake", message: say("unit.error.lastIntake") });
    if (errors.length > 0) throw new Refused(errors);
    const after = {
      name: input.name.trim(),
      description: input.description.trim() || null,
      parent_id: input.parentId || null,
      receives_concern_reports: input.intake,
    };
    const changes: Record<string, unknown> = {};
    if (after.name !== before.name) changes["name"] = { from: before.name, to: after.name };
    if (after.description !== before.description) changes["description"] = { changed: true };
    if (after.parent_id !== before.parent_id) changes["parent"] = { from: before.parent_id, to: after.parent_id };
    if (after.receives_concern_reports !== before.receives_concern_reports)
      changes["intake"] = { from: before.receives_concern_reports, to: after.receives_concern_reports };
    if (Object.keys(changes).length === 0) return { changed: false };
    await trx.updateTable("units").set(after).where("id", "=", unitId).execute();
    await audit(trx, actor, { action: "unit.update", subjectType: "unit", subjectId: unitId, details: changes });
    return { changed: true };
  });
}

/**
 * Deletes a unit only when it is empty: no units under it, no members, and nothing else that
 * refers to it — cases, categories, pages, ideas… The database's foreign keys answer the last
 * question, so a table added later is covered without changing this code.
 */
export async function deleteUnit(
  db: Db,
  actor: AdminActor,
  unitId: string,
  say: PeopleSay,
): Promise<CommandResult<{ name: string }>> {
  try {
    return await inTransaction(db, async (trx) => {
      await lockTree(trx, actor.orgId);
      const unit = await trx
        .selectFrom("units")
        .selectAll()
        .where("org_id", "=", actor.orgId)
        .where("id", "=", unitId)
        .executeTakeFirst();
      if (!unit) throw new Refused("not_found");
      const children = await trx
        .selectFrom("units")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("parent_id", "=", unitId)
        .executeTakeFirstOrThrow();
      if (Number(children.n) > 0) throw new Refused([{ field: "delete", message: say("unit.error.children") }]);
      // Memberships would go with the unit (on delete cascade): ask first, so nobody loses a unit unnoticed.
      const members = await trx
        .selectFrom("unit_memberships")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("unit_id", "=", unitId)
        .executeTakeFirstOrThrow();
      if (Number(members.n) > 0)
        throw new Refused([{ field: "delete", message: say("unit.error.members", { count: Number(members.n) }) }]);
      if (unit.receives_concern_reports && (await intakeCount(trx, actor.orgId)) <= 1) {
        throw new Refused([{ field: "delete", message: say("unit.error.intake") }]);
      }
      await audit(trx, actor, {
        action: "unit.delete",
        subjectType: "unit",
        subjectId: unitId,
        details: { name: unit.name, slug: unit.slug, parent: unit.parent_id },
      });
      await trx.deleteFrom("units").where("id", "=", unitId).execute();
      return { name: unit.name };
    });
  } catch (error) {
    const e = error as { code?: string; table?: string };
    if (e.code === "23503") {
      const what = say((e.table && STILL_USED[e.table]) || "unit.used.other");
      return refuse([{ field: "delete", message: say("unit.error.stillUsed", { what }) }]);
    }
    throw error;
  }
}
