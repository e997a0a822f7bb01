/**
 * DisposeCases (gallring), daily: closed cases older than a retention rule allows lose their
 * content — messages, attachments, the requester's details and the free-text subject — under
 * that rule. The registry entry (number, date received, kind, category, unit) stays, and each
 * disposal is recorded with its legal basis. Nothing is removed any other way.
 */
import { audit, SYSTEM_ACTOR } from "../../../platform/audit/audit.js";
import type { Db } from "../../../platform/db/database.js";
import type { JobDefinition } from "../../../platform/jobs/jobs.js";

export async function disposeCases(db: Db, orgId: string, now = new Date()): Promise<{ disposed: number }> {
  const rules = await db
    .selectFrom("retention_rules")
    .selectAll()
    .where("org_id", "=", orgId)
    .orderBy("months")
    .execute();
  let disposed = 0;
  for (const rule of rules) {
    const before = new Date(now);
    before.setMonth(before.getMonth() - rule.months);
    let q = db
      .selectFrom("cases")
      .select(["id", "number"])
      .where("org_id", "=", orgId)
      .where("status", "=", "closed")
      .where("disposed_at", "is", null)
      .where("closed_at", "<", before);
    if (rule.kind) q = q.where("kind", "=", rule.kind as never);
    if (rule.category_id) q = q.where("category_id", "=", rule.category_id);
    const due = await q.limit(1000).execute();
    for (const c of due) {
      await db.transaction().execute(async (trx) => {
        const messages = await trx
          .updateTable("case_messages")
          .set({ body: `[Gallrat ${now.toISOString().slice(0, 10)} enligt ${rule.legal_basis}]`, raw_source: null })
          .where("case_id", "=", c.id)
          .executeTakeFirst();
        const files = await trx.deleteFrom("attachments").where("case_id", "=", c.id).executeTakeFirst();
        await trx
          .updateTable("cases")
          .set({
            subject: "[Gallrat]",
            requester_name: null,
            requester_email: null,
            requester_phone: null,
            disposed_at: now,
            updated_at: now,
          })
          .where("id", "=", c.id)
          .execute();
        const details = {
          messages: Number(messages.numUpdatedRows),
          attachments: Number(files.numDeletedRows),
          months: rule.months,
        };
        await trx
          .insertInto("disposals")
          .values({
            org_id: orgId,
            case_id: c.id,
            case_number: c.number,
            rule_id: rule.id,
            legal_basis: rule.legal_basis,
            details: JSON.stringify(details),
          })
          .execute();
        await audit(
          trx,
          { ...SYSTEM_ACTOR, orgId, label: "gallring" },
          {
            action: "case.dispose",
            subjectType: "case",
            subjectId: c.id,
            details: { number: c.number, rule: rule.id, legalBasis: rule.legal_basis, ...details },
          },
        );
      });
      disposed++;
    }
  }
  return { disposed };
}

export function disposalJob(db: Db, orgId: string): JobDefinition<never> {
  const job: JobDefinition<object> = {
    name: "inbox.dispose-cases",
    schedule: "30 3 * * *",
    retryLimit: 2,
    handler: async () => {
      await disposeCases(db, orgId);
    },
  };
  return job;
}
