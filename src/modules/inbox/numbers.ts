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
