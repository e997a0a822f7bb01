/**
 * One typed, validated configuration for Klarsvar. Every setting is read from the
 * environment here and nowhere else; a bad value stops the process at start with a
 * message that names the variable (see README, "Configuration").
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { parseMailboxUrl, type MailboxAddress } from "./platform/mail/imap-reader.js";

/**
 * The placeholder for "no SESSION_SECRET given". It is published here, so it is used only by
 * tests; production refuses to start without a secret of its own, and a demo or development
 * start makes a random one per data directory (`localSecret`).
 */
export const DEMO_SESSION_SECRET = "demo-secret-not-for-production-use-0000";

/**
 * A demo or development Klarsvar without SESSION_SECRET: a random secret kept in the data
 * directory (made on first start, readable only by its owner), so links signed by one demo
 * cannot be forged with a secret from the repository. In-memory data gets one per process.
 */
function localSecret(dataDir: string): string {
  if (dataDir.startsWith("memory://")) return randomBytes(32).toString("base64url");
  const file = join(dataDir, ".session-secret");
  try {
    const kept = readFileSync(file, "utf8").trim();
    if (kept.length >= 32) return kept;
  } catch {
    // Not made yet: make it below.
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

/** A domain name such as exempelstad.se: labels of letters, digits and hyphens, a top-level domain of letters. */
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: port.default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  KLARSVAR_DATA_DIR: z.string().min(1).default("./data"),
  PGLITE_SHARED_BUFFERS_MB: positiveInt.max(4096).default(32),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  SESSION_TTL_HOURS: positiveInt.default(8),
  KLARSVAR_DEMO: bool.optional(),
  KLARSVAR_ROLE: z.enum(["all", "web", "worker"]).default("all"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOGIN_MAX_FAILURES: positiveInt.default(5),
  LOGIN_LOCKOUT_MINUTES: positiveInt.default(15),
  LOGIN_RATE_LIMIT_PER_MINUTE: positiveInt.default(10),
  RATE_LIMIT_PER_MINUTE: positiveInt.default(300),
  FORM_RATE_LIMIT_PER_MINUTE: positiveInt.default(10),
  BODY_LIMIT_BYTES: positiveInt.default(1_048_576),
  UPLOAD_LIMIT_BYTES: positiveInt.default(10_485_760),
  UPLOAD_MAX_FILES: positiveInt.default(5),
  UPLOAD_MEMORY_BUDGET_MB: positiveInt.default(100),
  PRESSURE_MAX_EVENT_LOOP_DELAY_MS: positiveInt.default(1000),
  PRESSURE_MAX_HEAP_MB: positiveInt.default(1536),
  PRESSURE_MAX_DB_WAIT_MS: positiveInt.default(200),
  PAGE_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  /** Open connections to the SMTP server at once: a burst of acknowledgements goes out over them side by side. */
  SMTP_CONNECTIONS: z.coerce.number().int().min(1).max(100).default(4),
  MAIL_FROM: z.string().min(3).default("Socialförvaltningen i Exempelstad <kontakt@example.se>"),
  MAIL_DOMAIN: z.string().min(3).default("klarsvar.example.se"),
  MAIL_OUTBOX_DIR: z.string().min(1).optional(),
  MAIL_REPLY_ADDRESS: z.email().optional(),
  IMAP_MAILBOXES: z.string().optional(),
  IMAP_POLL_SECONDS: positiveInt.default(60),
  MAIL_MAX_MESSAGE_BYTES: positiveInt.default(26_214_400),
  MAIL_RETRY_DELAY_SECONDS: positiveInt.default(30),
  OPEN311_API_KEYS: z.string().optional(),
  MASTODON_POLL_SECONDS: positiveInt.default(60),
  META_APP_SECRET: z.string().min(16).optional(),
  META_VERIFY_TOKEN: z.string().min(16).optional(),
  META_GRAPH_URL: z.url().default("https://graph.facebook.com/v21.0"),
  SOCIAL_TOKEN_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, "must be 32 bytes in base64 (openssl rand -base64 32)")
    .optional(),
  REQUEST_FEE_FREE_PAGES: z.coerce.number().int().min(0).default(9),
  REQUEST_FEE_FIRST_CHARGED_PAGE: z.coerce.number().min(0).default(50),
  REQUEST_FEE_PER_PAGE: z.coerce.number().min(0).default(2),
  REQUEST_FEE_ELECTRONIC: bool.default(false),
  REQUEST_DOWNLOAD_DAYS: positiveInt.default(14),
  IDEA_FIRST_ANSWER_DAYS: positiveInt.default(10),
  IDEA_HELPED_AFTER_DAYS: positiveInt.default(60),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_LABEL: z.string().min(1).default("Logga in med kommunens konto"),
  OIDC_ALLOWED_DOMAINS: z.string().optional(),
  TRUST_PROXY: bool.default(false),
  ORG_NAME: z.string().min(2).default("Socialförvaltningen, Exempelstads kommun"),
  ORG_PHONE: z
    .string()
    .regex(/^[\d +()-]{3,20}$/, "must be a phone number, e.g. 070-174 06 10")
    .default("070-174 06 10"),
  ORG_EMAIL: z.email().default("kontakt@example.se"),
  ORG_OUT_OF_HOURS_PHONE: z
    .string()
    .regex(/^[\d +()-]{3,20}$/, "must be a phone number, e.g. 070-174 06 05")
    .default("070-174 06 05"),
  ORG_OPENING_HOURS: z.string().min(3).default("vardagar kl. 08.00–16.30"),
  ORG_OPENING_HOURS_EN: z.string().min(3).default("on weekdays 08:00–16:30"),
  ORG_DPO_NAME: z.string().min(2).default("Dataskyddsombudet i Exempelstads kommun"),
  ORG_DPO_EMAIL: z.email().default("dataskyddsombud@example.se"),
});

export interface Config {
  readonly env: "development" | "production" | "test";
  readonly production: boolean;
  /** Demo mode seeds the fictional organisation and demo logins. Never in production. */
  readonly demo: boolean;
  readonly port: number;
  readonly host: string;
  readonly publicUrl: string;
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  /** Embedded database only: PostgreSQL shared_buffers in MB (its default, 128, costs memory). */
  readonly pgliteSharedBuffersMb: number;
  readonly sessionSecret: string;
  readonly sessionTtlHours: number;
  readonly role: "all" | "web" | "worker";
  readonly logLevel: string;
  readonly login: { readonly maxFailures: number; readonly lockoutMinutes: number; readonly ratePerMinute: number };
  readonly rateLimitPerMinute: number;
  /** Public forms that create something (a question, a message): per address and minute. */
  readonly formRateLimitPerMinute: number;
  /** The municipality's fee rules for copies of public documents (avgiftsförordningen 1992:191 as a model). */
  readonly requestFees: {
    readonly freePages: number;
    readonly firstChargedPage: number;
    readonly perPage: number;
    readonly electronic: boolean;
  };
  readonly requestDownloadDays: number;
  /** Ideas: working days to the first answer; days after "implemented" before "did it help?" is asked. */
  readonly ideas: { readonly firstAnswerDays: number; readonly helpedAfterDays: number };
  /** Meta (Facebook, Instagram) webhooks and the Graph API; social tokens are encrypted with `tokenKey`. */
  readonly social: {
    readonly metaAppSecret: string | undefined;
    readonly metaVerifyToken: string | undefined;
    readonly graphUrl: string;
    readonly tokenKey: Buffer;
    readonly mastodonPollSeconds: number;
  };
  readonly bodyLimitBytes: number;
  /** Per file, files per form, and all uploads held in memory at once (beyond it: 503, try again). */
  readonly upload: { readonly limitBytes: number; readonly maxFiles: number; readonly memoryBudgetBytes: number };
  readonly pressure: {
    readonly maxEventLoopDelayMs: number;
    readonly maxHeapMb: number;
    /** A visitor who would wait longer for a database connection gets 503 at once. */
    readonly maxDbWaitMs: number;
  };
  /** Longest a rendered public page is kept (0 = no page cache). */
  readonly pageCacheSeconds: number;
  readonly oidc:
    | {
        readonly issuer: string;
        readonly clientId: string;
        readonly clientSecret: string;
        readonly label: string;
        /**
         * E-mail domains (lower case) whose people get an account at their first single sign-on,
         * with the role employee only; empty: nobody is created automatically.
         */
        readonly allowedDomains: readonly string[];
      }
    | undefined;
  readonly trustProxy: boolean;
  /** Facts about the organisation that pages, receipts and e-mails state (never hard-coded). */
  readonly organisation: {
    readonly name: string;
    /** The department's own number, answered in opening hours. */
    readonly phone: string;
    readonly email: string;
    readonly outOfHoursPhone: string;
    /** When we answer, as a sentence says it: "vardagar kl. 08.00–16.30" (Swedish), and in English. */
    readonly openingHours: string;
    readonly openingHoursEn: string;
    readonly dpo: { readonly name: string; readonly email: string };
  };
  /** Keys that may post service requests to /open311/v2/. */
  readonly open311ApiKeys: readonly string[];
  readonly mail: {
    readonly smtpUrl: string | undefined;
    readonly smtpConnections: number;
    readonly from: string;
    readonly domain: string;
    readonly outboxDir: string;
    /** Replies come back to "<local>+<token>@<domain>" of this address. */
    readonly replyAddress: string;
    /** The shared mailboxes Klarsvar reads over IMAP. */
    readonly imapMailboxes: readonly MailboxAddress[];
    readonly imapPollSeconds: number;
    readonly maxMessageBytes: number;
    /** First wait before an outgoing mail is tried again; it doubles per try. */
    readonly retryDelaySeconds: number;
  };
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads and validates the configuration; throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset, as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const c = parsed.data;
  const production = c.NODE_ENV === "production";
  const problems: string[] = [];
  if (production && (c.SESSION_SECRET === undefined || c.SESSION_SECRET === DEMO_SESSION_SECRET)) {
    problems.push("  SESSION_SECRET: must be set to your own secret (at least 32 characters) in production");
  }
  if (production && c.KLARSVAR_DEMO === true) {
    problems.push("  KLARSVAR_DEMO: demo mode (demo logins) is not allowed in production");
  }
  const oidcParts = [c.OIDC_ISSUER, c.OIDC_CLIENT_ID, c.OIDC_CLIENT_SECRET];
  if (oidcParts.some(Boolean) && !oidcParts.every(Boolean)) {
    problems.push("  OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: set all three to enable single sign-on, or none");
  }
  if (production && c.OIDC_ISSUER && !c.OIDC_ISSUER.startsWith("https://")) {
    problems.push("  OIDC_ISSUER: must use https:// in production");
  }
  const allowedDomains = (c.OIDC_ALLOWED_DOMAINS ?? "")
    .split(",")
    .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
    .filter(Boolean);
  const badDomains = allowedDomains.filter((d) => !DOMAIN.test(d));
  if (badDomains.length > 0) {
    problems.push(
      `  OIDC_ALLOWED_DOMAINS: not a domain name: ${badDomains.join(", ")} (write e.g. exempelstad.se,socialtjansten.exempelstad.se)`,
    );
  }
  if (allowedDomains.length > 0 && !c.OIDC_ISSUER) {
    problems.push("  OIDC_ALLOWED_DOMAINS: needs single sign-on (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET)");
  }
  const mailboxes: MailboxAddress[] = [];
  for (const [i, url] of (c.IMAP_MAILBOXES ?? "")
    .split(",")
    .map((u) => u.trim())
    .filter(Boolean)
    .entries()) {
    try {
      mailboxes.push(parseMailboxUrl(url));
    } catch (error) {
      problems.push(`  IMAP_MAILBOXES: mailbox ${i + 1} ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n${problems.join("\n")}`);

  const sessionSecret =
    c.SESSION_SECRET ?? (c.NODE_ENV === "test" ? DEMO_SESSION_SECRET : localSecret(c.KLARSVAR_DATA_DIR));
  return Object.freeze({
    env: c.NODE_ENV,
    production,
    demo: !production && (c.KLARSVAR_DEMO ?? true),
    port: c.PORT,
    host: c.HOST,
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ""),
    databaseUrl: c.DATABASE_URL,
    dataDir: c.KLARSVAR_DATA_DIR,
    pgliteSharedBuffersMb: c.PGLITE_SHARED_BUFFERS_MB,
    sessionSecret,
    sessionTtlHours: c.SESSION_TTL_HOURS,
    role: c.KLARSVAR_ROLE,
    logLevel: c.LOG_LEVEL,
    login: {
      maxFailures: c.LOGIN_MAX_FAILURES,
      lockoutMinutes: c.LOGIN_LOCKOUT_MINUTES,
      ratePerMinute: c.LOGIN_RATE_LIMIT_PER_MINUTE,
    },
    rateLimitPerMinute: c.RATE_LIMIT_PER_MINUTE,
    formRateLimitPerMinute: c.FORM_RATE_LIMIT_PER_MINUTE,
    requestFees: {
      freePages: c.REQUEST_FEE_FREE_PAGES,
      firstChargedPage: c.REQUEST_FEE_FIRST_CHARGED_PAGE,
      perPage: c.REQUEST_FEE_PER_PAGE,
      electronic: c.REQUEST_FEE_ELECTRONIC,
    },
    requestDownloadDays: c.REQUEST_DOWNLOAD_DAYS,
    ideas: { firstAnswerDays: c.IDEA_FIRST_ANSWER_DAYS, helpedAfterDays: c.IDEA_HELPED_AFTER_DAYS },
    social: {
      metaAppSecret: c.META_APP_SECRET,
      metaVerifyToken: c.META_VERIFY_TOKEN,
      graphUrl: c.META_GRAPH_URL.replace(/\/$/, ""),
      mastodonPollSeconds: c.MASTODON_POLL_SECONDS,
      // Without a key of its own, one is derived from the session secret (changing that secret then makes saved tokens unreadable).
      tokenKey: c.SOCIAL_TOKEN_KEY
        ? Buffer.from(c.SOCIAL_TOKEN_KEY, "base64")
        : createHash("sha256").update(`klarsvar-social-tokens:${sessionSecret}`).digest(),
    },
    bodyLimitBytes: c.BODY_LIMIT_BYTES,
    upload: {
      limitBytes: c.UPLOAD_LIMIT_BYTES,
      maxFiles: c.UPLOAD_MAX_FILES,
      memoryBudgetBytes: c.UPLOAD_MEMORY_BUDGET_MB * 1024 * 1024,
    },
    pressure: {
      maxEventLoopDelayMs: c.PRESSURE_MAX_EVENT_LOOP_DELAY_MS,
      maxHeapMb: c.PRESSURE_MAX_HEAP_MB,
      maxDbWaitMs: c.PRESSURE_MAX_DB_WAIT_MS,
    },
    pageCacheSeconds: c.PAGE_CACHE_SECONDS,
    oidc:
      c.OIDC_ISSUER && c.OIDC_CLIENT_ID && c.OIDC_CLIENT_SECRET
        ? {
            issuer: c.OIDC_ISSUER,
            clientId: c.OIDC_CLIENT_ID,
            clientSecret: c.OIDC_CLIENT_SECRET,
            label: c.OIDC_LABEL,
            allowedDomains,
          }
        : undefined,
    trustProxy: c.TRUST_PROXY,
    organisation: {
      name: c.ORG_NAME,
      phone: c.ORG_PHONE,
      email: c.ORG_EMAIL,
      outOfHoursPhone: c.ORG_OUT_OF_HOURS_PHONE,
      openingHours: c.ORG_OPENING_HOURS,
      openingHoursEn: c.ORG_OPENING_HOURS_EN,
      dpo: { name: c.ORG_DPO_NAME, email: c.ORG_DPO_EMAIL },
    },
    open311ApiKeys: (c.OPEN311_API_KEYS ?? "")
      .split(",")
      .map((k) => k.trim())
      .filter((k) => k.length >= 16),
    mail: {
      smtpUrl: c.SMTP_URL,
      smtpConnections: c.SMTP_CONNECTIONS,
      from: c.MAIL_FROM,
      domain: c.MAIL_DOMAIN,
      outboxDir:
        c.MAIL_OUTBOX_DIR ??
        (c.KLARSVAR_DATA_DIR.startsWith("memory://") ? "./data/outbox-test" : `${c.KLARSVAR_DATA_DIR}/outbox`),
      replyAddress: c.MAIL_REPLY_ADDRESS ?? `svar@${c.MAIL_DOMAIN}`,
      imapMailboxes: mailboxes,
      imapPollSeconds: c.IMAP_POLL_SECONDS,
      maxMessageBytes: c.MAIL_MAX_MESSAGE_BYTES,
      retryDelaySeconds: c.MAIL_RETRY_DELAY_SECONDS,
    },
  });
}

/** A config for tests: defaults plus overrides, never reading process.env. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", ...overrides });
}
