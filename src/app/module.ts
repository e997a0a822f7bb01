/** The shape every module's manifest (src/modules/<name>/module.ts) has. */
import type { TypedApp } from "../platform/http/typed.js";
import type { Config } from "../config.js";
import type { Database } from "../platform/db/database.js";
import type { JobDefinition, JobRunner } from "../platform/jobs/jobs.js";
import type { PolicyRegistry, Rule } from "../platform/auth/policies.js";
import type { MessageKey } from "../platform/i18n/i18n.js";
import type { Catalogue } from "../platform/i18n/messages.js";
import type { OidcClient } from "../platform/auth/oidc.js";
import type { Mailer } from "../platform/mail/mailer.js";
import type { SessionUser } from "../platform/auth/session-user.js";
import type { Lang } from "../platform/i18n/i18n.js";
import type { AuditActor } from "../platform/audit/audit.js";
import type { Executor } from "../platform/db/database.js";

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
  /** One mailer per running Klarsvar, shared by every module's jobs (closed when the app stops). */
  readonly mailer: Mailer;
  /** What modules registered for each other (extension points); see `Extensions`. */
  readonly extensions: Extensions;
}

/** One line on the staff start page: something waiting for this person. */
export interface StartPageItem {
  readonly text: string;
  readonly href: string;
  /** Shown first and marked (a report of concern, something late). */
  readonly urgent?: boolean;
  /** Place among the items: lower first. */
  readonly order: number;
}

/**
 * A channel whose answers another module sends (Facebook, Instagram, Mastodon): the inbox
 * stores the answer and queues `job` with `{ messageId }` in the same transaction.
 */
export interface ReplyChannel {
  readonly channels: readonly string[];
  readonly job: string;
  /** Where staff see the posts behind a case on this channel. */
  readonly postsHref?: (caseId: string) => string;
}

/** A case that has just arrived, for the module that keeps the register of its kind. */
export interface CaseArrival {
  readonly orgId: string;
  readonly caseId: string;
  readonly number: string;
  readonly receivedAt: Date;
  /** The subject and the message, as the writer wrote them. */
  readonly text: string;
  readonly unitId: string | null;
}

/**
 * A module that keeps a register of one kind of case (requests for public documents): the
 * inbox calls `register` inside the transaction that stores the case, so the register's entry
 * and its clock exist from the moment the case does — or neither does.
 */
export interface ArrivalRegister {
  readonly kind: string;
  register(trx: Executor, actor: AuditActor, arrivals: readonly CaseArrival[]): Promise<void>;
  /** The case turned out not to be of this kind: an entry nobody has decided on is withdrawn. */
  withdraw(trx: Executor, actor: AuditActor, caseId: string): Promise<void>;
}

/** Prior knowledge of which unit answers a text (the help catalogue's services and words). */
export type UnitEvidenceSource = (
  db: Executor,
  orgId: string,
  text: string,
) => Promise<readonly { readonly unitId: string; readonly score: number }[]>;

/** Which of these addresses belong to known journalists (the newsroom's media contacts), lower-cased. */
export type JournalistLookup = (db: Executor, orgId: string, emails: readonly string[]) => Promise<ReadonlySet<string>>;

/** What the inbox asks other modules when a message arrives; each part may be missing. */
export interface ArrivalExtensions {
  arrivalRegister(kind: string): ArrivalRegister | undefined;
  unitEvidence: UnitEvidenceSource;
  knownJournalists: JournalistLookup;
}

/** Extension points: a module offers these through its manifest; earlier modules ask, never name. */
export interface Extensions extends ArrivalExtensions {
  /** The reply channel for a case channel, if a module sends answers there. */
  replyChannel(channel: string): ReplyChannel | undefined;
  /** Every module's "what waits for you" items for the start page, in order. */
  startPageItems(ctx: ModuleContext, viewer: StartPageViewer): Promise<StartPageItem[]>;
}

export interface StartPageViewer {
  readonly user: SessionUser;
  readonly lang: Lang;
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
  /** The module's words in Swedish and English (messages.ts); checked by test/messages.test.ts. */
  readonly messages?: Catalogue;
  readonly policies?: Record<string, Rule>;
  readonly nav?: readonly NavEntry[];
  readonly jobs?: (ctx: ModuleContext) => readonly JobDefinition<never>[];
  /** Started where jobs are worked (KLARSVAR_ROLE all or worker). */
  readonly services?: (ctx: ModuleContext) => readonly BackgroundService[];
  /** Routes on a typed Fastify (platform/http/typed.ts): schemas type the request. */
  readonly routes?: (app: TypedApp, ctx: ModuleContext) => void | Promise<void>;
  /** Extension point: answers written in the inbox on these channels are sent by this module's job. */
  readonly replyChannels?: readonly ReplyChannel[];
  /** Extension point: the register this module keeps for a kind of case, filled as cases arrive. */
  readonly arrivalRegisters?: readonly ArrivalRegister[];
  /** Extension point: which unit answers a text, from what this module knows (the catalogue). */
  readonly unitEvidence?: UnitEvidenceSource;
  /** Extension point: which senders are known journalists. */
  readonly knownJournalists?: JournalistLookup;
  /** Extension point: what waits for this person in this module, for the staff start page. */
  readonly startPage?: (ctx: ModuleContext, viewer: StartPageViewer) => Promise<readonly StartPageItem[]>;
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
