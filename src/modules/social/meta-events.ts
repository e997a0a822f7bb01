/**
 * Meta webhook deliveries (Pages `feed` and `messages`, Instagram `comments` and `messages`)
 * read into one shape. Follows the documented payloads: `object` is "page" or "instagram";
 * each `entry` has the account id, and either `changes` (field + value) or `messaging`
 * (sender, recipient, timestamp, message). Anything else is left out — never an error.
 */
export interface MetaIncoming {
  readonly platform: "facebook" | "instagram";
  /** The Page id or the Instagram account id the event is for. */
  readonly accountExternalId: string;
  readonly kind: "comment" | "message";
  readonly externalId: string;
  readonly parentExternalId: string | null;
  readonly postExternalId: string | null;
  readonly authorId: string;
  readonly authorName: string | null;
  readonly text: string;
  readonly createdAt: Date;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Json) : null;
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null =>
  typeof v === "string" && v.length > 0 ? v : typeof v === "number" ? String(v) : null;

/** Seconds or milliseconds since 1970 (Meta uses both), or an ISO string. */
function when(v: unknown): Date {
  if (typeof v === "number") return new Date(v > 1e12 ? v : v * 1000);
  if (typeof v === "string") {
    const d = new Date(/^\d+$/.test(v) ? Number(v) * (v.length > 12 ? 1 : 1000) : v);
    if (!Number.isNaN(d.getTime())) return d;
  }
  return new Date();
}

function messaging(platform: "facebook" | "instagram", accountId: string, entry: Json): MetaIncoming[] {
  const out: MetaIncoming[] = [];
  for (const m of arr(entry["messaging"])) {
    const e = obj(m);
    const message = obj(e?.["message"]);
    const sender = str(obj(e?.["sender"])?.["id"]);
    const mid = str(message?.["mid"]);
    if (!e || !message || !sender || !mid) continue;
    // Our own replies come back as echoes; a message from the account itself is not a question.
    if (message["is_echo"] === true || sender === accountId) continue;
    const attachments = arr(message["attachments"]).length;
    const text =
      str(message["text"]) ??
      (attachments > 0 ? `[${attachments} bilaga${attachments > 1 ? "or" : ""} utan text]` : null);
    if (!text) continue;
    out.push({
      platform,
      accountExternalId: accountId,
      kind: "message",
      externalId: mid,
      parentExternalId: null,
      postExternalId: null,
      authorId: sender,
      authorName: null,
      text,
      createdAt: when(e["timestamp"]),
    });
  }
  return out;
}

export function readMetaDelivery(payload: unknown): MetaIncoming[] {
  const root = obj(payload);
  const object = root?.["object"];
  if (!root || (object !== "page" && object !== "instagram")) return [];
  const platform = object === "page" ? "facebook" : "instagram";
  const out: MetaIncoming[] = [];
  for (const raw of arr(root["entry"])) {
    const entry = obj(raw);
    const accountId = str(entry?.["id"]);
    if (!entry || !accountId) continue;
    out.push(...messaging(platform, accountId, entry));
    for (const c of arr(entry["changes"])) {
      const change = obj(c);
      const value = obj(change?.["value"]);
      if (!change || !value) continue;
      if (
        platform === "facebook" &&
        change["field"] === "feed" &&
        value["item"] === "comment" &&
        value["verb"] === "add"
      ) {
        const from = obj(value["from"]);
        const id = str(value["comment_id"]);
        const author = str(from?.["id"]);
        if (!id || !author || author === accountId) continue;
        const post = str(value["post_id"]);
        const parent = str(value["parent_id"]);
        out.push({
          platform,
          accountExternalId: accountId,
          kind: "comment",
          externalId: id,
          parentExternalId: parent && parent !== post ? parent : null,
          postExternalId: post,
          authorId: author,
          authorName: str(from?.["name"]),
          text: str(value["message"]) ?? "[kommentar utan text]",
          createdAt: when(value["created_time"]),
        });
      }
      if (platform === "instagram" && change["field"] === "comments") {
        const from = obj(value["from"]);
        const id = str(value["id"]);
        const author = str(from?.["id"]);
        if (!id || !author || author === accountId) continue;
        out.push({
          platform,
          accountExternalId: accountId,
          kind: "comment",
          externalId: id,
          parentExternalId: str(value["parent_id"]),
          postExternalId: str(obj(value["media"])?.["id"]),
          authorId: author,
          authorName: str(from?.["username"]),
          text: str(value["text"]) ?? "[kommentar utan text]",
          createdAt: when(entry["time"]),
        });
      }
    }
  }
  return out;
}
