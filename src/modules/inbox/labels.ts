/** Names of channels, kinds and statuses in the page's language, shared by the staff pages. */
import { formatMessage, type Lang } from "../../platform/i18n/messages.js";
import { messages, type InboxKey } from "./messages.js";

export const CHANNEL_KEYS = [
  "web",
  "email",
  "phone",
  "letter",
  "visit",
  "facebook",
  "instagram",
  "mastodon",
  "open311",
] as const;
export const KIND_KEYS = ["question", "media", "complaint", "praise", "other", "document_request"] as const;
export const STATUS_KEYS = ["new", "open", "waiting", "answered", "closed"] as const;

/** Whether a string is a key of the inbox's catalogue. */
export const isInboxKey = (key: string): key is InboxKey => Object.hasOwn(messages.sv, key);

function named(prefix: "channel" | "kind" | "status", value: string, lang: Lang): string {
  const key = `${prefix}.${value}`;
  return isInboxKey(key) ? formatMessage(messages, lang, key) : value;
}

/** The channel's name ("Webbformulär"), or the value itself when it has none. */
export const channelName = (channel: string, lang: Lang): string => named("channel", channel, lang);
/** The kind's name ("Fråga"), or the value itself when it has none. */
export const kindName = (kind: string, lang: Lang): string => named("kind", kind, lang);
/** The status's name ("Pågår"), or the value itself when it has none. */
export const statusName = (status: string, lang: Lang): string => named("status", status, lang);
