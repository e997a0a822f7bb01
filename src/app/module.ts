/** The shape every module's manifest (src/modules/<name>/module.ts) has. */
import type { FastifyInstance } from "fastify";
import type { Config } from "../config.js";
import type { Database } from "../platform/db/database.js";
import type { JobDefinition, JobRunner } from "../platform/jobs/jobs.js";
import type { PolicyRegistry, Rule } from "../platform/auth/policies.js";
import type { MessageKey } from "../platform/i18n/i18n.js";
import type { OidcClient } from "../platform/auth/oidc.js";

export interface Organisation {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
}

export interface ModuleContext {
  readonly config: Config;
  readonly database: Database;
  readonly jobs: JobRunner;
  readonly policies: PolicyRegistry;
  readonly org: Organisation;
  readonly oidc: OidcClient | undefined;
}

export interface NavEntry {
  readonly side: "public" | "staff";
  readonly href: string;
  readonly label: MessageKey;
  /** Shown only to staff the policy allows; public entries have none. */
  readonly policy?: string;
  readonly order: number;
}

/** Long-running work beside the jobs (an IMAP reader): started with the worker, stopped first. */
export interface BackgroundService {
  readonly name: string;
  start(): void | Promise<void>;
  stop(): Promise<void>;
}

export interface KlarsvarModule {
  readonly name: string;
  readonly policies?: Record<string, Rule>;
  readonly nav?: readonly NavEntry[];
  readonly jobs?: (ctx: ModuleContext) => readonly JobDefinition<never>[];
  /** Started where jobs are worked (KLARSVAR_ROLE all or worker). */
  readonly services?: (ctx: ModuleContext) => readonly BackgroundService[];
  readonly routes?: (app: FastifyInstance, ctx: ModuleContext) => void | Promise<void>;
  /** Demo content for demo mode only; must be idempotent (runs on every demo start). */
  readonly seedDemo?: (ctx: ModuleContext) => Promise<void>;
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** "public", or the name of the policy the route requires. Every route must say. */
    access?: string;
    /** false only for routes that take no cookies (webhooks, the public JSON API). */
    csrf?: boolean;
  }
}
