import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, DEMO_SESSION_SECRET, loadConfig } from "./config.js";

describe("config", () => {
  it("has working defaults: port 3000, embedded database in ./data, demo mode", () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toBe("./data");
    expect(c.demo).toBe(true);
    expect(c.publicUrl).toBe("http://localhost:3000");
  });

  it("names the variable that is wrong", () => {
    expect(() => loadConfig({ PORT: "nittio" })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ SESSION_SECRET: "short" })).toThrow(/SESSION_SECRET: must be at least 32/);
  });

  it("refuses to run production with the default secret", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ NODE_ENV: "production", SESSION_SECRET: DEMO_SESSION_SECRET })).toThrow(/SESSION_SECRET/);
  });

  it("gives a demo without SESSION_SECRET its own random secret, kept in its data directory", () => {
    const one = mkdtempSync(join(tmpdir(), "klarsvar-secret-"));
    const two = mkdtempSync(join(tmpdir(), "klarsvar-secret-"));
    try {
      const first = loadConfig({ KLARSVAR_DATA_DIR: one }).sessionSecret;
      expect(first).not.toBe(DEMO_SESSION_SECRET);
      expect(first.length).toBeGreaterThanOrEqual(32);
      // The same data directory keeps its secret across restarts; another gets its own.
      expect(loadConfig({ KLARSVAR_DATA_DIR: one }).sessionSecret).toBe(first);
      expect(loadConfig({ KLARSVAR_DATA_DIR: two }).sessionSecret).not.toBe(first);
      expect(statSync(join(one, ".session-secret")).mode & 0o077).toBe(0);
      // In memory: one per process start, never the published one.
      expect(loadConfig({ KLARSVAR_DATA_DIR: "memory://" }).sessionSecret).not.toBe(DEMO_SESSION_SECRET);
    } finally {
      rmSync(one, { recursive: true, force: true });
      rmSync(two, { recursive: true, force: true });
    }
  });

  it("never runs the demo in production", () => {
    const secret = "a".repeat(40);
    expect(loadConfig({ NODE_ENV: "production", SESSION_SECRET: secret }).demo).toBe(false);
    expect(() => loadConfig({ NODE_ENV: "production", SESSION_SECRET: secret, KLARSVAR_DEMO: "true" })).toThrow(
      /KLARSVAR_DEMO/,
    );
  });

  it("wants all three OIDC settings or none", () => {
    expect(() => loadConfig({ OIDC_ISSUER: "https://idp.example.se" })).toThrow(/OIDC_CLIENT_ID/);
    const c = loadConfig({
      OIDC_ISSUER: "https://idp.example.se",
      OIDC_CLIENT_ID: "klarsvar",
      OIDC_CLIENT_SECRET: "s3cret",
    });
    expect(c.oidc?.clientId).toBe("klarsvar");
    expect(c.oidc?.allowedDomains).toEqual([]);
  });

  it("reads the domains whose people get an account at their first single sign-on", () => {
    const sso = { OIDC_ISSUER: "https://idp.example.se", OIDC_CLIENT_ID: "klarsvar", OIDC_CLIENT_SECRET: "s3cret" };
    expect(
      loadConfig({ ...sso, OIDC_ALLOWED_DOMAINS: " Exempelstad.se, @soc.exempelstad.se ," }).oidc?.allowedDomains,
    ).toEqual(["exempelstad.se", "soc.exempelstad.se"]);
    expect(() => loadConfig({ ...sso, OIDC_ALLOWED_DOMAINS: "exempelstad.se,inte en domän" })).toThrow(
      /OIDC_ALLOWED_DOMAINS: not a domain name: inte en domän/,
    );
    expect(() => loadConfig({ OIDC_ALLOWED_DOMAINS: "exempelstad.se" })).toThrow(
      /OIDC_ALLOWED_DOMAINS: needs single sign-on/,
    );
  });

  it("treats empty strings as unset", () => {
    expect(loadConfig({ DATABASE_URL: "", PORT: "" }).databaseUrl).toBeUndefined();
  });
});
