/**
 * A real OpenID Provider (node-oidc-provider) started on this machine for tests, with its
 * development login screens: any login name and password signs in as that account.
 */
import type { Server } from "node:http";
import Provider from "oidc-provider";

export interface TestIdp {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  close(): Promise<void>;
}

/** Accounts the provider knows; claims as Entra ID and Keycloak would send them. */
const ACCOUNTS: Record<string, { email: string; name: string }> = {
  "maria.ekholm": { email: "chef@example.se", name: "Maria Ekholm" },
  "okand.person": { email: "okand@example.se", name: "Okänd Person" },
  // In a domain a deployment may allow (OIDC_ALLOWED_DOMAINS=exempelstad.se): an account at the first sign-in.
  "ny.kollega": { email: "ny.kollega@exempelstad.se", name: "Nils Kollega" },
};

export async function startTestIdp(port: number, redirectUri: string): Promise<TestIdp> {
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = "klarsvar";
  const clientSecret = "testklientens-hemlighet";
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => {
        const account = ACCOUNTS[sub];
        return account ? { sub, email: account.email, email_verified: true, name: account.name } : { sub };
      },
    }),
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["test-cookie-key-for-the-idp"] },
    pkce: { required: () => true },
  });
  // Keep the test output clean of the development-mode warnings.
  provider.on("server_error", () => undefined);
  const server: Server = await new Promise((resolve) => {
    const s = provider.listen(port, "127.0.0.1", () => resolve(s));
  });
  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
