/**
 * Archive snapshots (arkivlagen): every incoming and outgoing message of an account in a
 * period, with its metadata and any moderation, as one JSON document (an open format) with a
 * SHA-256 checksum, registered in `social_archives`. Twice a year (1 January and 1 July, for
 * the half-year before) and whenever an admin asks. A snapshot for the same period is made once.
 *
 * Items that belong to a secret case (a private message about the person's own matter) are in
 * the snapshot with their metadata and the case number, not their words or the author: the
 * words are archived with the case itself (the inbox's archive export), behind its secrecy.
 */
import { createHash } from "node:crypto";
import { audit, SYSTEM_ACTOR, type AuditActor } from "../../platform/audit/audit.js";
import type { Db } from "../../platform/db/database.js";
import { caseMeta } from "../inbox/index.js";
import { sayer } from "../../platform/i18n/messages.js";
import { messages } from "./messages.js";

/** The archive is a record kept in Swedish. */
const sv = sayer(messages, "sv");

export async function createArchive(
  db: Db,
  actor: AuditActor,
  orgId: string,
  accountId: string,
  from: Date,
  to: Date,
): Promise<{ id: string; items: number; created: boolean } | undefined> {
  const account = await db
    .selectFrom("social_accounts")
    .select(["id", "platform", "external_id", "name"])
    .where("org_id", "=", orgId)
    .where("id", "=", accountId)
    .executeTakeFirst();
  if (!account) return undefined;
  const existing = await db
    .selectFrom("social_archives")
    .select(["id", "items"])
    .where("account_id", "=", accountId)
    .where("period_from", "=", from)
    .where("period_to", "=", to)
    .executeTakeFirst();
  if (existing) return { ...existing, created: false };
  const [items, moderation] = await Promise.all([
    db
      .selectFrom("social_items")
      .select([
        "direction",
        "kind",
        "external_id",
        "parent_external_id",
        "post_external_id",
        "author_id",
        "author_name",
        "author_handle",
        "text",
        "permalink",
        "visibility",
        "created_at",
        "hidden_at",
        "removed_at",
        "case_id",
      ])
      .where("account_id", "=", accountId)
      .where("created_at", ">=", from)
      .where("created_at", "<", to)
      .orderBy("created_at")
      .execute(),
    db
      .selectFrom("social_moderation as m")
      .innerJoin("social_items as i", "i.id", "m.item_id")
      .select([
        "i.external_id",
        "i.case_id",
        "m.action",
        "m.reason",
        "m.snapshot",
        "m.status",
        "m.created_at",
        "m.done_at",
      ])
      .where("i.account_id", "=", accountId)
      .where("m.created_at", ">=", from)
      .where("m.created_at", "<", to)
      .orderBy("m.created_at")
      .execute(),
  ]);
  const caseIds = [
    ...new Set([...items, ...moderation].map((i) => i.case_id).filter((id): id is string => id !== null)),
  ];
  const secretCases = new Map(
    (await caseMeta(db, orgId, caseIds)).filter((m) => m.secret).map((m) => [m.id, m.number]),
  );
  const withheld = (i: (typeof items)[number]) => {
    const number = i.case_id ? secretCases.get(i.case_id) : undefined;
    return number
      ? {
          ...i,
          text: sv("archive.withheld", { number }),
          author_id: null,
          author_name: null,
          author_handle: null,
        }
      : i;
  };
  const document = {
    format: "klarsvar-social-archive/1",
    account: { platform: account.platform, id: account.external_id, name: account.name },
    period: { from: from.toISOString(), to: to.toISOString() },
    generated: new Date().toISOString(),
    items: items.map(withheld).map((i) => ({
      ...i,
      created_at: new Date(i.created_at).toISOString(),
      hidden_at: i.hidden_at ? new Date(i.hidden_at).toISOString() : null,
      removed_at: i.removed_at ? new Date(i.removed_at).toISOString() : null,
    })),
    moderation: moderation.map(({ case_id, ...m }) =>
      case_id && secretCases.has(case_id)
        ? { ...m, snapshot: { withheld: sv("archive.withheldShort", { number: secretCases.get(case_id) ?? "" }) } }
        : m,
    ),
  };
  const data = Buffer.from(JSON.stringify(document, null, 2), "utf8");
  const sha256 = createHash("sha256").update(data).digest("hex");
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("social_archives")
      .values({
        org_id: orgId,
        account_id: accountId,
        period_from: from,
        period_to: to,
        items: items.length,
        sha256,
        data,
        created_by: actor.userId,
      })
      .onConflict((oc) => oc.columns(["account_id", "period_from", "period_to"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!row) {
      const again = await trx
        .selectFrom("social_archives")
        .select(["id", "items"])
        .where("account_id", "=", accountId)
        .where("period_from", "=", from)
        .where("period_to", "=", to)
        .executeTakeFirstOrThrow();
      return { ...again, created: false };
    }
    await audit(trx, actor, {
      action: "social.archive.create",
      subjectType: "social_archive",
      subjectId: row.id,
      details: { accountId, from: from.toISOString(), to: to.toISOString(), items: items.length, sha256 },
    });
    return { id: row.id, items: items.length, created: true };
  });
}

/** The half-year that ended at the start of `now`'s half-year, in UTC. */
export function previousHalfYear(now = new Date()): { from: Date; to: Date } {
  const y = now.getUTCFullYear();
  const to = now.getUTCMonth() < 6 ? new Date(Date.UTC(y, 0, 1)) : new Date(Date.UTC(y, 6, 1));
  const from = to.getUTCMonth() === 0 ? new Date(Date.UTC(y - 1, 6, 1)) : new Date(Date.UTC(y, 0, 1));
  return { from, to };
}

export async function archiveAllAccounts(db: Db, orgId: string, now = new Date()): Promise<number> {
  const { from, to } = previousHalfYear(now);
  const accounts = await db.selectFrom("social_accounts").select("id").where("org_id", "=", orgId).execute();
  let made = 0;
  for (const a of accounts)
    if ((await createArchive(db, { ...SYSTEM_ACTOR, orgId, label: "arkivering" }, orgId, a.id, from, to))?.created)
      made++;
  return made;
}
