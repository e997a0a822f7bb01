/**
 * An incoming e-mail, read as well as it can be: sender, recipients, threading headers, text,
 * attachments, and whether it is a person writing, an automatic reply (RFC 3834 and the
 * headers the common mail systems use) or a delivery report (RFC 3464 bounce). A message
 * that cannot be parsed at all is still returned — as text — never thrown.
 */
import { createHash } from "node:crypto";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";

export type MailKind = "message" | "automatic" | "bounce" | "bulk";

export interface MailAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly data: Buffer;
}

export interface IncomingMail {
  /** The Message-ID, or one made from the message's bytes when it has none. */
  readonly messageId: string;
  readonly hadMessageId: boolean;
  readonly inReplyTo: readonly string[];
  readonly references: readonly string[];
  readonly from: { readonly name: string | undefined; readonly email: string | undefined };
  /** Every address the message was sent or delivered to (To, Cc, Delivered-To, X-Original-To). */
  readonly recipients: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly date: Date | undefined;
  readonly attachments: readonly MailAttachment[];
  readonly kind: MailKind;
  /** For a bounce: the Message-IDs of the mail that could not be delivered, and why. */
  readonly bounce?: { readonly originalIds: readonly string[]; readonly status: string | undefined; readonly diagnostic: string | undefined; readonly recipient: string | undefined };
  /** What could not be read (a bad encoding, a truncated message): noted on the case. */
  readonly problems: readonly string[];
}

const MESSAGE_ID = /<[^<>\s]+>/g;

function ids(value: unknown): string[] {
  const text = Array.isArray(value) ? value.join(" ") : typeof value === "string" ? value : "";
  return [...text.matchAll(MESSAGE_ID)].map((m) => m[0]);
}

function addresses(value: AddressObject | AddressObject[] | undefined): { name: string; address: string }[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((a) => a.value.flatMap((v) => [
    ...(v.address ? [{ name: v.name, address: v.address.toLowerCase() }] : []),
    ...(v.group ?? []).filter((g) => g.address).map((g) => ({ name: g.name, address: (g.address as string).toLowerCase() })),
  ]));
}

function headerText(mail: ParsedMail, name: string): string {
  const v = mail.headers.get(name);
  if (v === undefined || v === null) return "";
  if (typeof v === "string") return v;
  if (Array.isArray(v)) return v.map(String).join(" ");
  if (typeof v === "object" && "value" in v) return String((v as { value: unknown }).value);
  return String(v);
}

const AUTO_SUBJECT = /^\s*(?:automatiskt svar|autosvar|frånvaro|out of office|automatic reply|auto(?:matic)?[- ]?reply|abwesenheit|fravær|poissa)\b/iu;

function kindOf(mail: ParsedMail, fromAddress: string | undefined): MailKind {
  const contentType = mail.headers.get("content-type") as { value?: string; params?: Record<string, string> } | undefined;
  const reportType = contentType?.params?.["report-type"]?.toLowerCase();
  if (contentType?.value?.toLowerCase() === "multipart/report" && reportType === "delivery-status") return "bounce";
  const local = fromAddress?.split("@")[0]?.toLowerCase() ?? "";
  if ((local === "mailer-daemon" || local === "postmaster") && mail.attachments.some((a) => a.contentType === "message/delivery-status")) return "bounce";
  const autoSubmitted = headerText(mail, "auto-submitted").trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== "no") return "automatic";
  if (mail.headers.has("x-autoreply") || mail.headers.has("x-autorespond") || mail.headers.has("x-autoresponse")) return "automatic";
  if (/\b(?:oof|autoreply)\b/i.test(headerText(mail, "x-auto-response-suppress")) && AUTO_SUBJECT.test(mail.subject ?? "")) return "automatic";
  const precedence = (headerText(mail, "precedence") || headerText(mail, "x-precedence")).trim().toLowerCase();
  if (precedence === "auto_reply") return "automatic";
  if (AUTO_SUBJECT.test(mail.subject ?? "")) return "automatic";
  if (precedence === "bulk" || precedence === "junk" || precedence === "list" || mail.headers.has("list-id") || mail.headers.has("list-unsubscribe")) return "bulk";
  if (local === "mailer-daemon" || local === "no-reply" || local === "noreply" || local === "donotreply" || local === "do-not-reply") return "bulk";
  return "message";
}

function bounceDetails(mail: ParsedMail): NonNullable<IncomingMail["bounce"]> {
  const parts = mail.attachments.map((a) => ({ type: a.contentType.toLowerCase(), text: a.content.toString("utf8") }));
  // mailparser gives the delivery-status part as an attachment or as part of the text.
  const status = `${parts.find((p) => p.type === "message/delivery-status")?.text ?? ""}\n${mail.text ?? ""}`;
  const original = parts.filter((p) => p.type === "message/rfc822" || p.type === "text/rfc822-headers" || p.type === "message/rfc822-headers").map((p) => p.text).join("\n");
  const field = (text: string, name: string) => new RegExp(`^${name}:\\s*(.+(?:\\r?\\n[ \\t].+)*)`, "im").exec(text)?.[1]?.replace(/\s+/g, " ").trim();
  const originalIds = [...new Set([
    ...ids(field(original, "Message-ID") ?? ""),
    // Some systems quote the original only in the text part.
    ...ids(field(mail.text ?? "", "Message-ID") ?? ""),
    ...ids(headerText(mail, "in-reply-to")),
  ])];
  return {
    originalIds,
    status: field(status, "Status"),
    diagnostic: field(status, "Diagnostic-Code")?.replace(/^smtp;\s*/i, ""),
    recipient: field(status, "Final-Recipient")?.replace(/^rfc822;\s*/i, ""),
  };
}

/** Reads an e-mail. `truncated`: only the beginning of a larger message was fetched. */
export async function parseMail(source: Buffer, options: { truncated?: boolean; size?: number; maxAttachmentBytes?: number } = {}): Promise<IncomingMail> {
  const problems: string[] = [];
  if (options.truncated) problems.push(`Meddelandet var för stort (${Math.round((options.size ?? source.length) / 1_048_576)} MB). Bara början sparades här. Hela meddelandet finns kvar i e-postlådan.`);
  const hash = createHash("sha256").update(source).digest("hex").slice(0, 32);
  let mail: ParsedMail;
  try {
    mail = await simpleParser(source, { skipImageLinks: true, skipTextLinks: true, maxHtmlLengthToParse: 2_000_000 });
  } catch (error) {
    problems.push(`Meddelandet gick inte att tolka: ${(error as Error).message}`);
    return {
      messageId: `<sha256-${hash}@klarsvar.invalid>`, hadMessageId: false, inReplyTo: [], references: [],
      from: { name: undefined, email: undefined }, recipients: [], subject: "(meddelandet gick inte att läsa)",
      text: source.toString("latin1").slice(0, 100_000), date: undefined, attachments: [], kind: "message", problems,
    };
  }
  const from = addresses(mail.from)[0];
  const kind = kindOf(mail, from?.address);
  const messageId = ids(mail.messageId ?? "")[0];
  if (!messageId) problems.push("Meddelandet saknade Message-ID.");
  if (!from) problems.push("Meddelandet saknade avsändare.");
  const recipients = [...new Set([
    ...addresses(mail.to).map((a) => a.address),
    ...addresses(mail.cc).map((a) => a.address),
    ...["delivered-to", "x-original-to", "envelope-to"].flatMap((h) => headerText(mail, h).split(/[\s,]+/).map((x) => x.replace(/[<>]/g, "").toLowerCase()).filter((x) => x.includes("@"))),
  ])];
  let text = (mail.text ?? "").trim();
  if (!text && typeof mail.html === "string") {
    text = mail.html.replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ").replace(/<br\s*\/?>|<\/p>/gi, "\n").replace(/<[^>]+>/g, " ").replace(/&nbsp;/g, " ").replace(/[ \t]+/g, " ").trim();
  }
  const maxAttachment = options.maxAttachmentBytes ?? 10_485_760;
  const attachments: MailAttachment[] = [];
  for (const a of mail.attachments) {
    if (kind === "bounce" && (a.contentType.startsWith("message/") || a.contentType === "text/rfc822-headers")) continue;
    const filename = a.filename ?? `bilaga-${attachments.length + 1}`;
    if (a.size > maxAttachment) {
      problems.push(`Bilagan ${filename} (${Math.round(a.size / 1_048_576)} MB) var för stor för att sparas i ärendet. Den finns kvar i det ursprungliga e-postmeddelandet.`);
      continue;
    }
    attachments.push({ filename, contentType: a.contentType, data: a.content });
  }
  return {
    messageId: messageId ?? `<sha256-${hash}@klarsvar.invalid>`,
    hadMessageId: Boolean(messageId),
    inReplyTo: ids(headerText(mail, "in-reply-to")),
    references: ids(mail.references ?? ""),
    from: { name: from?.name || undefined, email: from?.address },
    recipients,
    subject: (mail.subject ?? "").trim(),
    text: text || "(meddelandet saknade text)",
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : undefined,
    attachments,
    kind,
    ...(kind === "bounce" ? { bounce: bounceDetails(mail) } : {}),
    problems,
  };
}

const QUOTE_HEADER = [
  /^\s*(?:Den|On)\s.{3,300}?\b(?:skrev|wrote)\b[^\n]*:\s*$/imu,
  /^\s*-{2,}\s*(?:Ursprungligt meddelande|Original Message|Vidarebefordrat meddelande|Forwarded message)\s*-{2,}\s*$/imu,
  /^\s*(?:Från|From):\s.+\r?\n\s*(?:Skickat|Sent|Date|Datum):\s/imu,
];

/**
 * A reply quotes the thread below it, and the case already holds those messages: the new
 * text is what comes before the first quote. The original e-mail is kept whole.
 */
export function withoutQuotedReply(text: string): string {
  let cut = text.length;
  for (const re of QUOTE_HEADER) {
    const m = re.exec(text);
    if (m && m.index < cut) cut = m.index;
  }
  const lines = text.slice(0, cut).split(/\r?\n/);
  while (lines.length > 0 && /^\s*(?:>.*)?$/.test(lines[lines.length - 1] ?? "")) lines.pop();
  const kept = lines.join("\n").trim();
  return kept || text.trim();
}
