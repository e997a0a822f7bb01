import { createHash, createHmac } from "node:crypto";

/**
 * The secret follow link token for a case: the requester follows the case without an
 * account. Derived from the server secret, so only its hash is stored and jobs that send
 * the link can derive it again. Changing SESSION_SECRET invalidates old links.
 */
export function followTokenFor(secret: string, caseId: string): string {
  return createHmac("sha256", secret).update(`follow:${caseId}`).digest("base64url").slice(0, 32);
}

export function hashFollowToken(token: string): string {
  return createHash("sha256").update(`follow:${token}`).digest("hex");
}

/**
 * The reply address token for a case ("svar+<token>@…"): the case id and a MAC over it, so
 * a reply finds its case even when the mail program drops In-Reply-To, and nobody can write
 * into a case whose address they have not been sent. Lower-case hex: mail systems may fold case.
 */
export function replyTokenFor(secret: string, caseId: string): string {
  const mac = createHmac("sha256", secret).update(`reply:${caseId}`).digest("hex").slice(0, 16);
  return `${caseId.replace(/-/g, "")}-${mac}`;
}

/** The case id in a reply token, when its MAC is right. */
export function caseIdFromReplyToken(secret: string, token: string): string | undefined {
  const m = /^([0-9a-f]{32})-([0-9a-f]{16})$/.exec(token.toLowerCase());
  if (!m) return undefined;
  const hex = m[1] as string;
  const caseId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return replyTokenFor(secret, caseId) === `${hex}-${m[2]}` ? caseId : undefined;
}

/** "svar@kommun.se" + token → "svar+<token>@kommun.se". */
export function replyAddressFor(baseAddress: string, secret: string, caseId: string): string {
  const at = baseAddress.lastIndexOf("@");
  return `${baseAddress.slice(0, at)}+${replyTokenFor(secret, caseId)}${baseAddress.slice(at)}`;
}

/** The case a set of recipient addresses points at through a "+token" address, if any. */
export function caseIdFromAddresses(secret: string, addresses: readonly string[]): string | undefined {
  for (const a of addresses) {
    const m = /^[^@+\s]+\+([0-9a-f-]{49})@/i.exec(a.trim());
    const id = m ? caseIdFromReplyToken(secret, m[1] as string) : undefined;
    if (id) return id;
  }
  return undefined;
}
