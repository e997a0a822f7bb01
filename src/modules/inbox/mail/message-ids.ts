/**
 * Our own Message-IDs: an acknowledgement is `<case-<case id>.ack@domain>`, a reply is
 * `<msg-<message id>@domain>`. Written by the send jobs, read back when a requester answers
 * or a bounce names one of them.
 */
export function ackMessageId(caseId: string, domain: string): string {
  return `<case-${caseId}.ack@${domain}>`;
}

export function replyMessageId(messageId: string, domain: string): string {
  return `<msg-${messageId}@${domain}>`;
}

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Which of our outgoing messages a Message-ID names: an acknowledgement (its case) or a reply (its message). */
export function ownMessage(id: string, domain: string): { caseId?: string; messageId?: string } | undefined {
  const d = escapeRegExp(domain.toLowerCase());
  const lower = id.toLowerCase();
  const ack = new RegExp(`^<case-(${UUID})\\.ack@${d}>$`).exec(lower);
  if (ack) return { caseId: ack[1] as string };
  const reply = new RegExp(`^<msg-(${UUID})@${d}>$`).exec(lower);
  if (reply) return { messageId: reply[1] as string };
  return undefined;
}
