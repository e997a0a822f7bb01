/** Names of channels, kinds and statuses in the page's language, shared by the staff pages. */
import { formatMessage, type Lang } from "../../platform/i18n/messages.js";
import { messages, type InboxKey } from "./messages.js";

/** The case vocabulary is the schema's; the catalogue names each value. */
export {
  CASE_CHANNELS as CHANNEL_KEYS,
  CASE_KINDS as KIND_KEYS,
  CASE_STATUSES as STATUS_KEYS,
} from "../../platform/db/schema.js";

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
