/**
 * Mastodon: mentions of the department's accounts, read from the notifications API
 * (GET /api/v1/notifications?types[]=mention, paged forward with min_id from the last one
 * read, so a burst between two polls comes in order and without gaps), and answers posted
 * as statuses (POST /api/v1/statuses) in reply to the mention, with the mention's visibility
 * (a direct mention is answered directly) and an Idempotency-Key, so a retried job never
 * posts twice. The cursor moves only after the mentions are stored.
 */
import type { BackgroundService, ModuleContext } from "../../app/module.js";
import { SYSTEM_ACTOR } from "../../platform/audit/audit.js";
import { addRequesterMessage, receiveQuestion } from "../inbox/index.js";
import type { InboxDeps } from "../inbox/index.js";
import { decryptToken } from "./tokens.js";
import { sayer } from "../../platform/i18n/messages.js";
import { messages } from "./messages.js";

/** What is written into the case and its delivery log: in Swedish, as the register keeps it. */
const sv = sayer(messages, "sv");

interface MastodonAccount {
  id: string;
  acct: string;
  display_name?: string;
}
interface MastodonStatus {
  id: string;
  content: string;
  spoiler_text?: string;
  visibility: string;
  in_reply_to_id: string | null;
  url: string | null;
  created_at: string;
  account: MastodonAccount;
}
interface MastodonNotification {
  id: string;
  type: string;
  created_at: string;
  account: MastodonAccount;
  status?: MastodonStatus;
}

const PAGE = 40;

/** A status's HTML as plain text: paragraphs and line breaks kept, tags and the leading mentions of us removed. */
export function statusText(html: string): string {
  const text = html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/p>\s*<p>/gi, "\n\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&");
  return text.replace(/^(\s*@[\w.@-]+)+\s*/, "").trim() || sv("mastodon.noText");
}

/** What a mention says: its content warning (written by the same person, often the sensitive part) and its text. */
export function mentionText(s: { content: string; spoiler_text?: string | undefined }): string {
  const warning = s.spoiler_text?.trim();
  const text = statusText(s.content);
  return warning ? `${warning}\n\n${text}` : text;
}

export async function receiveMention(
  deps: InboxDeps,
  orgId: string,
  account: { id: string },
  n: MastodonNotification,
): Promise<void> {
  const s = n.status;
  if (n.type !== "mention" || !s) return;
  const db = deps.db;
  const known = await db
    .selectFrom("social_items")
    .select("id")
    .where("account_id", "=", account.id)
    .where("external_id", "=", s.id)
    .executeTakeFirst();
  if (known) return;
  const text = mentionText(s);
  const externalId = `mastodon:${s.id}`;
  const actor = { ...SYSTEM_ACTOR, orgId, label: "mastodon" };
  const parent = s.in_reply_to_id
    ? await db
        .selectFrom("social_items")
        .select("case_id")
        .where("account_id", "=", account.id)
        .where("external_id", "=", s.in_reply_to_id)
        .executeTakeFirst()
    : undefined;
  let caseId = parent?.case_id ?? null;
  if (caseId) {
    await addRequesterMessage(deps, orgId, caseId, text, actor, {
      externalId,
      channel: "mastodon",
      writtenAt: new Date(s.created_at),
    });
  } else {
    const received = await receiveQuestion(deps, actor, {
      orgId,
      channel: "mastodon",
      subject: sv(s.visibility === "direct" ? "subject.mastodon:direct" : "subject.mastodon:mention"),
      body: text,
      externalId,
      receivedAt: new Date(s.created_at),
      requester: { name: s.account.display_name || s.account.acct },
      publicComment: s.visibility === "public" || s.visibility === "unlisted",
    });
    caseId = received.caseId;
  }
  await db
    .insertInto("social_items")
    .values({
      org_id: orgId,
      account_id: account.id,
      case_id: caseId,
      direction: "in",
      kind: "mention",
      external_id: s.id,
      parent_external_id: s.in_reply_to_id,
      author_id: s.account.id,
      author_name: s.account.display_name || s.account.acct,
      author_handle: s.account.acct,
      text,
      permalink: s.url,
      visibility: s.visibility,
      created_at: new Date(s.created_at),
    })
    .onConflict((oc) => oc.columns(["account_id", "external_id"]).doNothing())
    .execute();
}

/** Reads every mention newer than the account's cursor; returns how many it read. */
export async function pollMastodon(
  deps: InboxDeps,
  tokenKey: Buffer,
  orgId: string,
  accountId: string,
): Promise<number> {
  const db = deps.db;
  const a = await db
    .selectFrom("social_accounts")
    .select(["id", "base_url", "token_encrypted", "cursor"])
    .where("id", "=", accountId)
    .where("active", "=", true)
    .executeTakeFirst();
  if (!a?.base_url) return 0;
  const token = decryptToken(tokenKey, a.token_encrypted);
  let cursor = a.cursor;
  let read = 0;
  for (let page = 0; page < 50; page++) {
    const url = new URL(`${a.base_url}/api/v1/notifications`);
    url.searchParams.append("types[]", "mention");
    url.searchParams.set("limit", String(PAGE));
    if (cursor) url.searchParams.set("min_id", cursor);
    const res = await fetch(url, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(20_000),
    });
    if (!res.ok) throw new Error(`Mastodon ${res.status}: ${(await res.text()).slice(0, 200)}`);
    const list = (await res.json()) as MastodonNotification[];
    if (!Array.isArray(list) || list.length === 0) break;
    // Newest first in the answer: store the oldest first, then move the cursor past them.
    const ordered = [...list].sort((x, y) => (BigInt(x.id) < BigInt(y.id) ? -1 : 1));
    for (const n of ordered) await receiveMention(deps, orgId, a, n);
    cursor = ordered.at(-1)?.id ?? cursor;
    await db.updateTable("social_accounts").set({ cursor, last_error: null }).where("id", "=", a.id).execute();
    read += list.length;
    if (list.length < PAGE) break;
  }
  return read;
}

/** One background reader for all Mastodon accounts; an account that fails is marked and tried again next round. */
export function mastodonReader(ctx: ModuleContext): BackgroundService {
  const deps: InboxDeps = {
    db: ctx.database.db,
    jobs: ctx.jobs,
    secret: ctx.config.sessionSecret,
    arrival: ctx.extensions,
  };
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  const round = async () => {
    const accounts = await ctx.database.db
      .selectFrom("social_accounts")
      .select("id")
      .where("org_id", "=", ctx.org.id)
      .where("platform", "=", "mastodon")
      .where("active", "=", true)
      .execute();
    for (const a of accounts) {
      if (stopped) return;
      try {
        await pollMastodon(deps, ctx.config.social.tokenKey, ctx.org.id, a.id);
      } catch (error) {
        await ctx.database.db
          .updateTable("social_accounts")
          .set({ last_error: (error as Error).message.slice(0, 300), last_error_at: new Date() })
          .where("id", "=", a.id)
          .execute();
      }
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = round()
        .catch(() => undefined)
        .finally(schedule);
    }, ctx.config.social.mastodonPollSeconds * 1000);
  };
  return {
    name: "mastodon-reader",
    start: () => {
      running = round()
        .catch(() => undefined)
        .finally(schedule);
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

/** Posts an answer to a mention. Returns the new status id; throws FinalFailure-style errors through `final`. */
export async function postMastodonReply(
  a: { base_url: string | null; token: string },
  replyTo: { external_id: string; author_handle: string | null; visibility: string | null },
  body: string,
  idempotencyKey: string,
  final: (reason: string) => Error,
): Promise<string> {
  if (!a.base_url) throw final(sv("failure.mastodon.noUrl"));
  const mention = replyTo.author_handle ? `@${replyTo.author_handle} ` : "";
  const res = await fetch(`${a.base_url}/api/v1/statuses`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${a.token}`,
      "idempotency-key": idempotencyKey,
    },
    body: JSON.stringify({
      status: `${mention}${body}`,
      in_reply_to_id: replyTo.external_id,
      visibility: replyTo.visibility ?? "public",
    }),
    signal: AbortSignal.timeout(20_000),
  });
  const json = (await res.json().catch(() => ({}))) as { id?: string; error?: string };
  if (res.ok && json.id) return json.id;
  if (res.status === 401 || res.status === 403) throw final(sv("failure.mastodon.token"));
  if (res.status === 404) throw final(sv("failure.mastodon.gone"));
  if (res.status === 422)
    throw final(sv("failure.mastodon.refused", { reason: json.error ?? sv("failure.mastodon.invalid") }));
  throw new Error(`Mastodon ${res.status}: ${json.error ?? "error"}`);
}
