/**
 * Staff single sign-on through OpenID Connect (authorization code + PKCE, state and nonce),
 * with openid-client. Municipalities use Entra ID, Keycloak and similar. Discovery happens at
 * first use, so a provider that is down does not stop Klarsvar from starting.
 */
import * as client from "openid-client";

export interface OidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
}

/** What the sign-in round trip must remember between the redirect and the callback. */
export interface OidcChecks {
  readonly state: string;
  readonly nonce: string;
  readonly verifier: string;
  readonly next: string;
}

export interface OidcIdentity {
  readonly issuer: string;
  readonly subject: string;
  readonly email: string | undefined;
  readonly emailVerified: boolean | undefined;
  readonly name: string | undefined;
}

function isLocal(url: URL): boolean {
  return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

export class OidcClient {
  private configuration: Promise<client.Configuration> | undefined;

  constructor(private readonly settings: OidcSettings) {}

  private config(): Promise<client.Configuration> {
    if (!this.configuration) {
      const issuer = new URL(this.settings.issuer);
      // Plain http is accepted only for a provider on this machine (development and tests).
      const execute = isLocal(issuer) ? [client.allowInsecureRequests] : [];
      this.configuration = client
        .discovery(issuer, this.settings.clientId, this.settings.clientSecret, undefined, { execute })
        .catch((error: unknown) => {
          this.configuration = undefined;
          throw error;
        });
    }
    return this.configuration;
  }

  async start(next: string): Promise<{ url: string; checks: OidcChecks }> {
    const config = await this.config();
    const verifier = client.randomPKCECodeVerifier();
    const checks: OidcChecks = { state: client.randomState(), nonce: client.randomNonce(), verifier, next };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: "openid email profile",
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: "S256",
      state: checks.state,
      nonce: checks.nonce,
    });
    return { url: url.toString(), checks };
  }

  async finish(callbackUrl: URL, checks: OidcChecks): Promise<OidcIdentity> {
    const config = await this.config();
    const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: checks.verifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error("The provider returned no ID token");
    // Many providers put e-mail and name only in the UserInfo response, not in the ID token.
    let extra: Record<string, unknown> = {};
    if (typeof claims["email"] !== "string") {
      extra = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    }
    const all: Record<string, unknown> = { ...extra, ...claims };
    return {
      issuer: claims.iss,
      subject: claims.sub,
      email: typeof all["email"] === "string" ? all["email"] : undefined,
      emailVerified: typeof all["email_verified"] === "boolean" ? all["email_verified"] : undefined,
      name: typeof all["name"] === "string" ? all["name"] : undefined,
    };
  }
}
