/**
 * Answers go back where the person wrote, as a job (retries, one per answer):
 * - a Facebook comment: a public reply under it (POST /{comment-id}/comments);
 * - an Instagram comment: a public reply (POST /{ig-comment-id}/replies);
 * - Messenger / Instagram Direct: a message (POST /{account-id}/messages, messaging_type
 *   RESPONSE) — only within 24 hours of the person's last message, Meta's rule; after that
 *   the answer is not sent and the case says why.
 * Graph API errors: an expired token or a deleted comment is not retried and is explained in
 * the case; rate limits and server errors are retried by the job.
 */
import type { Config } from "../../config.js";
import type { Db } from "../../platform/db/database.js";
import { markDelivery, outgoingMessage } from "../inbox/index.js";
import { postMastodonReply } from "./mastodon.js";
import { sayer } from "../../platform/i18n/messages.js";
import { messages } from "./messages.js";
import { decryptToken } from "./tokens.js";

/** What is written into the case's delivery log: in Swedish, as the register keeps it. */
const sv = sayer(messages, "sv");

export const SEND_REPLY_JOB = "social.send-reply";
const WINDOW_MS = 24 * 3_600_000;

/** A failure that retrying will not mend: it is explained on the case instead. */
export class FinalFailure extends Error {}

interface GraphError {
  message?: string;
  code?: number;
  error_subcode?: number;
  type?: string;
}

/** What a Graph API error means, in plain Swedish, or null when it is worth trying again. */
export function graphProblem(status: number, error: GraphError | undefined): string | null {
  const code = error?.code;
  if (code === 190 || code === 102) return sv("failure.tokenExpired");
  if (code === 10 || code === 200 || (code !== undefined && code >= 200 && code < 300)) return sv("failure.permission");
  if (code === 100 && (error?.error_subcode === 33 || /does not exist|cannot be loaded/i.test(error?.message ?? "")))
    return sv("failure.gone");
  if (code === 551 || error?.error_subcode === 2018278 || error?.error_subcode === 2534022)
    return sv("failure.cannotReceive");
  if (code === 4 || code === 17 || code === 32 || code === 613 || status === 429 || status >= 500) return null;
  if (status >= 400) return sv("failure.refused", { reason: error?.message ?? `HTTP ${status}` });
  return null;
}

async function graphPost(
  config: Config,
  path: string,
  token: string,
  body: Record<string, unknown>,
): Promise<{ id?: string; message_id?: string }> {
  let res: Response;
  try {
    res = await fetch(`${config.social.graphUrl}/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
  } catch (error) {
    throw new Error(`Graph API unreachable: ${(error as Error).message}`);
  }
  const json = (await res.json().catch(() => ({}))) as { error?: GraphError; id?: string; message_id?: string };
  if (res.ok && !json.error) return json;
  const problem = graphProblem(res.status, json.error);
  if (problem) throw new FinalFailure(problem);
  throw new Error(`Graph API ${res.status}: ${json.error?.message ?? "error"}`);
}

export async function sendSocialReply(db: Db, config: Config, messageId: string, now = new Date()): Promise<void> {
  const m = await outgoingMessage(db, messageId);
  if (!m || m.deliveryStatus === "sent") return;
  // The newest thing the person wrote in this case is what we answer.
  const last = await db
    .selectFrom("social_items as i")
    .innerJoin("social_accounts as a", "a.id", "i.account_id")
    .select([
      "i.kind",
      "i.external_id",
      "i.author_id",
      "i.author_handle",
      "i.visibility",
      "i.created_at",
      "a.id as account_id",
      "a.platform",
      "a.external_id as account_external_id",
      "a.base_url",
      "a.token_encrypted",
      "a.active",
    ])
    .where("i.case_id", "=", m.caseId)
    .where("i.direction", "=", "in")
    .orderBy("i.created_at", "desc")
    .limit(1)
    .executeTakeFirst();
  const fail = (reason: string) => markDelivery(db, messageId, "failed", reason);
  if (!last) return fail(sv("failure.noPost"));
  if (!last.active) return fail(sv("failure.inactive"));
  let token: string;
  try {
    token = decryptToken(config.social.tokenKey, last.token_encrypted);
  } catch {
    return fail(sv("failure.unreadableToken"));
  }
  try {
    let sent: { id?: string; message_id?: string };
    if (last.platform === "mastodon") {
      sent = {
        id: await postMastodonReply(
          { base_url: last.base_url, token },
          last,
          m.body,
          messageId,
          (reason) => new FinalFailure(reason),
        ),
      };
    } else if (last.kind === "comment") {
      sent =
        last.platform === "instagram"
          ? await graphPost(config, `${encodeURIComponent(last.external_id)}/replies`, token, { message: m.body })
          : await graphPost(config, `${encodeURIComponent(last.external_id)}/comments`, token, { message: m.body });
    } else {
      if (now.getTime() - new Date(last.created_at).getTime() > WINDOW_MS) {
        return fail(sv("failure.window"));
      }
      sent = await graphPost(config, `${encodeURIComponent(last.account_external_id)}/messages`, token, {
        recipient: { id: last.author_id },
        messaging_type: "RESPONSE",
        message: { text: m.body },
      });
    }
    const externalId = sent.id ?? sent.message_id ?? `sent-${messageId}`;
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto("social_items")
        .values({
          org_id: m.orgId,
          account_id: last.account_id,
          case_id: m.caseId,
          direction: "out",
          kind: last.kind === "message" ? "message" : "reply",
          visibility: last.visibility,
          external_id: externalId,
          parent_external_id: last.external_id,
          author_id: last.account_external_id,
          text: m.body,
          created_at: new Date(),
        })
        .onConflict((oc) => oc.columns(["account_id", "external_id"]).doNothing())
        .execute();
      await markDelivery(trx, messageId, "sent");
    });
  } catch (error) {
    if (error instanceof FinalFailure) return fail(error.message);
    throw error;
  }
}
