/**
 * Moderation under BBS-lagen: a comment that is obviously criminal (threats, hate speech
 * against a group …) may be hidden or removed on the platform, with a required reason. The
 * snapshot (text, author, time, post, permalink) is archived and the action audited in the
 * same transaction that queues the platform call; the call itself is a job. Nothing archived
 * is ever deleted here: the stored comment stays (marked hidden or removed) until gallring.
 */
import type { Config } from "../../config.js";
import { audit, type AuditActor } from "../../platform/audit/audit.js";
import type { Db } from "../../platform/db/database.js";
import type { JobRunner } from "../../platform/jobs/jobs.js";
import { recordCaseEvent } from "../inbox/index.js";
import { graphProblem } from "./replies.js";
import { sayer, type Lang } from "../../platform/i18n/messages.js";
import { invalid, ok, type Result } from "../../platform/result.js";
import { messages } from "./messages.js";
import { decryptToken } from "./tokens.js";

export const MODERATE_JOB = "social.moderate";

/** The reasons a comment may be hidden or removed (their words are in messages.ts, "reason.<id>"). */
export const MODERATION_REASONS = [
  "olaga-hot",
  "hets-mot-folkgrupp",
  "annat-brott",
  "upphovsratt",
  "personuppgifter",
  "reklam",
] as const;
export type ModerationReason = (typeof MODERATION_REASONS)[number];
const isReason = (id: string): id is ModerationReason => (MODERATION_REASONS as readonly string[]).includes(id);

export async function moderate(
  db: Db,
  jobs: JobRunner,
  actor: AuditActor,
  orgId: string,
  itemId: string,
  action: string,
  reasonId: string,
  explanation: string,
  lang: Lang,
): Promise<Result> {
  const say = sayer(messages, lang);
  if (action !== "hide" && action !== "remove") return invalid("action", say("moderation.error.action"));
  if (!isReason(reasonId)) return invalid("reason", say("moderation.error.reason"));
  if (explanation.trim().length < 5) return invalid("explanation", say("moderation.error.explanation"));
  const item = await db
    .selectFrom("social_items as i")
    .innerJoin("social_accounts as a", "a.id", "i.account_id")
    .select([
      "i.id",
      "i.case_id",
      "i.kind",
      "i.direction",
      "i.external_id",
      "i.post_external_id",
      "i.author_id",
      "i.author_name",
      "i.text",
      "i.permalink",
      "i.created_at",
      "i.removed_at",
      "a.platform",
      "a.name as account_name",
    ])
    .where("i.org_id", "=", orgId)
    .where("i.id", "=", itemId)
    .executeTakeFirst();
  if (!item || item.direction !== "in") return invalid("action", say("moderation.error.missing"));
  if (item.platform === "mastodon" || item.kind !== "comment") return invalid("action", say("moderation.error.kind"));
  if (item.removed_at) return invalid("action", say("moderation.error.removed"));
  const snapshot = {
    platform: item.platform,
    account: item.account_name,
    comment: item.external_id,
    post: item.post_external_id,
    permalink: item.permalink,
    author: { id: item.author_id, name: item.author_name },
    text: item.text,
    written: new Date(item.created_at).toISOString(),
    archivedAt: new Date().toISOString(),
  };
  // The reason is recorded in Swedish, as the register keeps it.
  const sv = sayer(messages, "sv");
  const reasonText = sv("moderation.record", { reason: sv(`reason.${reasonId}`), explanation: explanation.trim() });
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("social_moderation")
      .values({ org_id: orgId, item_id: itemId, action, reason: reasonText, snapshot, created_by: actor.userId })
      .returning("id")
      .executeTakeFirstOrThrow();
    await jobs.send(MODERATE_JOB, { moderationId: row.id }, { idempotencyKey: row.id, within: trx });
    if (item.case_id)
      await recordCaseEvent(trx, orgId, item.case_id, actor.userId, "moderated", { action, reason: reasonText });
    await audit(trx, actor, {
      action: `social.comment.${action}`,
      subjectType: "social_item",
      subjectId: itemId,
      details: { platform: item.platform, comment: item.external_id, reason: reasonText, moderationId: row.id },
    });
  });
  return ok();
}

/** The platform call: Facebook hides with is_hidden, Instagram with hide; both remove with DELETE. */
export async function runModeration(db: Db, config: Config, moderationId: string): Promise<void> {
  const m = await db
    .selectFrom("social_moderation as m")
    .innerJoin("social_items as i", "i.id", "m.item_id")
    .innerJoin("social_accounts as a", "a.id", "i.account_id")
    .select([
      "m.id",
      "m.action",
      "m.status",
      "i.id as item_id",
      "i.case_id",
      "i.org_id",
      "i.external_id",
      "a.platform",
      "a.token_encrypted",
    ])
    .where("m.id", "=", moderationId)
    .executeTakeFirst();
  if (!m || m.status !== "queued") return;
  const done = async (status: "done" | "failed", failure?: string) => {
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable("social_moderation")
        .set({ status, failure: failure ?? null, done_at: new Date() })
        .where("id", "=", m.id)
        .execute();
      if (status === "done")
        await trx
          .updateTable("social_items")
          .set(m.action === "hide" ? { hidden_at: new Date() } : { removed_at: new Date() })
          .where("id", "=", m.item_id)
          .execute();
      if (status === "failed" && m.case_id)
        await recordCaseEvent(trx, m.org_id, m.case_id, null, "moderation-failed", { reason: failure ?? "" });
    });
  };
  let token: string;
  try {
    token = decryptToken(config.social.tokenKey, m.token_encrypted);
  } catch {
    return done("failed", "Kontots nyckel går inte att läsa. En administratör behöver spara den igen.");
  }
  const path = `${config.social.graphUrl}/${encodeURIComponent(m.external_id)}`;
  const request: RequestInit =
    m.action === "remove"
      ? { method: "DELETE", headers: { authorization: `Bearer ${token}` } }
      : {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify(m.platform === "instagram" ? { hide: true } : { is_hidden: true }),
        };
  const res = await fetch(path, { ...request, signal: AbortSignal.timeout(20_000) });
  const json = (await res.json().catch(() => ({}))) as {
    success?: boolean;
    error?: { message?: string; code?: number; error_subcode?: number };
  };
  if (res.ok && !json.error) return done("done");
  const problem = graphProblem(res.status, json.error);
  if (problem) return done("failed", problem);
  throw new Error(`Graph API ${res.status}: ${json.error?.message ?? "error"}`);
}
