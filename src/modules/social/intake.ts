/**
 * From a stored webhook delivery to cases: each comment or message becomes a case, or a new
 * message on the case it continues (a reply under one of our threads, or the same person
 * writing again in Messenger / Instagram Direct within two weeks). Safe to run twice: the
 * item's id is unique per account and the inbox refuses the same external id twice, so a
 * redelivered event or a retried job creates nothing new.
 */
import { SYSTEM_ACTOR } from "../../platform/audit/audit.js";
import { addRequesterMessage, receiveQuestion, type IncomingQuestion } from "../inbox/index.js";
import type { InboxDeps } from "../inbox/index.js";
import { sayer } from "../../platform/i18n/messages.js";
import { messages } from "./messages.js";
import { readMetaDelivery, type MetaIncoming } from "./meta-events.js";

const THREAD_DAYS = 14;

/** What is written into the case and the event log: in Swedish, as the register keeps it. */
const sv = sayer(messages, "sv");

async function caseToContinue(deps: InboxDeps, accountId: string, item: MetaIncoming): Promise<string | null> {
  const db = deps.db;
  if (item.kind === "comment" && item.parentExternalId) {
    const parent = await db
      .selectFrom("social_items")
      .select("case_id")
      .where("account_id", "=", accountId)
      .where("external_id", "=", item.parentExternalId)
      .executeTakeFirst();
    return parent?.case_id ?? null;
  }
  if (item.kind === "message") {
    const since = new Date(item.createdAt.getTime() - THREAD_DAYS * 86_400_000);
    const earlier = await db
      .selectFrom("social_items")
      .select("case_id")
      .where("account_id", "=", accountId)
      .where("author_id", "=", item.authorId)
      .where("kind", "=", "message")
      .where("case_id", "is not", null)
      .where("created_at", ">=", since)
      .orderBy("created_at", "desc")
      .limit(1)
      .executeTakeFirst();
    return earlier?.case_id ?? null;
  }
  return null;
}

/** One incoming comment or message, for an account we manage. */
export async function receiveSocialItem(
  deps: InboxDeps,
  orgId: string,
  account: { id: string },
  item: MetaIncoming,
): Promise<"new" | "added" | "duplicate"> {
  const db = deps.db;
  const known = await db
    .selectFrom("social_items")
    .select("id")
    .where("account_id", "=", account.id)
    .where("external_id", "=", item.externalId)
    .executeTakeFirst();
  if (known) return "duplicate";
  const externalId = `meta:${item.platform}:${item.externalId}`;
  const actor = { ...SYSTEM_ACTOR, orgId, label: item.platform };
  let caseId = await caseToContinue(deps, account.id, item);
  let outcome: "new" | "added" | "duplicate" = "added";
  if (caseId) {
    const added = await addRequesterMessage(deps, orgId, caseId, item.text, actor, {
      externalId,
      channel: item.platform,
      writtenAt: item.createdAt,
    });
    if (!added.ok && added.error === "duplicate") outcome = "duplicate";
  } else {
    const question: IncomingQuestion = {
      orgId,
      channel: item.platform,
      subject: sv(`subject.${item.platform}:${item.kind}`),
      body: item.text,
      externalId,
      receivedAt: item.createdAt,
      requester: { name: item.authorName ?? undefined },
      publicComment: item.kind === "comment",
    };
    const received = await receiveQuestion(deps, actor, question);
    caseId = received.caseId;
    outcome = received.ok ? "new" : "duplicate";
  }
  await db
    .insertInto("social_items")
    .values({
      org_id: orgId,
      account_id: account.id,
      case_id: caseId,
      direction: "in",
      kind: item.kind,
      external_id: item.externalId,
      parent_external_id: item.parentExternalId,
      post_external_id: item.postExternalId,
      author_id: item.authorId,
      author_name: item.authorName,
      text: item.text,
      created_at: item.createdAt,
      permalink:
        item.platform === "facebook" && item.kind === "comment" ? `https://www.facebook.com/${item.externalId}` : null,
    })
    .onConflict((oc) => oc.columns(["account_id", "external_id"]).doNothing())
    .execute();
  return outcome;
}

/** Works one stored webhook delivery. Malformed or foreign deliveries are marked and left; nothing else happens. */
export async function processMetaEvent(deps: InboxDeps, orgId: string, eventId: string): Promise<void> {
  const db = deps.db;
  const ev = await db
    .selectFrom("social_events")
    .select(["id", "body", "status"])
    .where("id", "=", eventId)
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  if (!ev || ev.status === "processed" || ev.status === "ignored") return;
  const finish = (status: "processed" | "ignored", note: string) =>
    db.updateTable("social_events").set({ status, note, processed_at: new Date() }).where("id", "=", eventId).execute();
  let payload: unknown;
  try {
    payload = JSON.parse(ev.body);
  } catch {
    await finish("ignored", "Felaktig JSON");
    return;
  }
  const items = readMetaDelivery(payload);
  if (items.length === 0) {
    await finish("ignored", "Ingen kommentar eller inget meddelande i leveransen");
    return;
  }
  const accounts = await db
    .selectFrom("social_accounts")
    .select(["id", "platform", "external_id"])
    .where("org_id", "=", orgId)
    .where("active", "=", true)
    .where("platform", "in", ["facebook", "instagram"])
    .execute();
  const counts = { new: 0, added: 0, duplicate: 0, foreign: 0 };
  for (const item of items) {
    const account = accounts.find((a) => a.platform === item.platform && a.external_id === item.accountExternalId);
    if (!account) {
      counts.foreign++;
      continue;
    }
    counts[await receiveSocialItem(deps, orgId, account, item)]++;
  }
  const note = sv("intake.note", {
    created: counts.new,
    added: counts.added,
    duplicate: counts.duplicate,
    foreign: counts.foreign,
  });
  await finish(counts.foreign === items.length ? "ignored" : "processed", note);
}
