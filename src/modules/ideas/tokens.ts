/** Links in mail about ideas: the submitter's page, a follower's confirmation and unsubscribe. */
import { createHmac } from "node:crypto";
import { idFromSignedToken, signedToken } from "../../platform/auth/signed-links.js";

type Purpose = "idea" | "follower" | "follower-all";

export const tokenFor = (secret: string, purpose: Purpose, id: string): string => signedToken(secret, purpose, id);
export const idFromToken = (secret: string, purpose: Purpose, token: string): string | undefined =>
  idFromSignedToken(secret, purpose, token);

/** An anonymous employee's key: their own pages and mail find them; the table does not name them. */
export function submitterKeyFor(secret: string, userId: string): string {
  return createHmac("sha256", secret).update(`klarsvar-idea-submitter:${userId}`).digest("hex").slice(0, 40);
}
