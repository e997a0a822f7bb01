/**
 * Starting and stopping Klarsvar: open the database, migrate, make sure the organisation
 * exists, seed the demo in demo mode, start the job runner and/or the web server, and on
 * shutdown drain both before closing the database.
 */
import type { FastifyInstance } from "fastify";
import type { Config } from "../config.js";
import { openDatabase, type Database } from "../platform/db/database.js";
import { migrateToLatest } from "../platform/db/migrate.js";
import { JobRunner } from "../platform/jobs/jobs.js";
import { audit, SYSTEM_ACTOR } from "../platform/audit/audit.js";
import { PolicyRegistry } from "../platform/auth/policies.js";
import { createMailer } from "../platform/mail/mailer.js";
import { DEMO_PASSWORD } from "../platform/auth/demo.js";
import { buildApp } from "./app.js";
import { collectExtensions } from "./extensions.js";
import type { BackgroundService, KlarsvarModule, ModuleContext, Organisation } from "./module.js";
import { MODULES } from "./modules.js";
import { ensureOrganisation, seedDemo } from "./seed.js";

export interface Running {
  readonly config: Config;
  readonly database: Database;
  readonly jobs: JobRunner;
  readonly org: Organisation;
  readonly app: FastifyInstance | undefined;
  /** The address the web server listens on, when it runs. */
  readonly url: string | undefined;
  stop(): Promise<void>;
}

export async function prepareDatabase(config: Config): Promise<{ database: Database; org: Organisation }> {
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    sharedBuffersMb: config.pgliteSharedBuffersMb,
  });
  try {
    await migrateToLatest(database.db);
    const org = await ensureOrganisation(database.db);
    return { database, org };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Demo logins must never work outside demo mode, even on a database that once ran the demo. */
async function disableDemoLogins(database: Database, org: Organisation): Promise<void> {
  const disabled = await database.db
    .updateTable("staff_users")
    .set({ active: false })
    .where("is_demo", "=", true)
    .where("active", "=", true)
    .returning("id")
    .execute();
  if (disabled.length > 0) {
    await audit(
      database.db,
      { ...SYSTEM_ACTOR, orgId: org.id },
      { action: "user.demo.disable", details: { count: disabled.length } },
    );
  }
}

export async function startKlarsvar(
  config: Config,
  options: { web: boolean; worker: boolean; modules?: readonly KlarsvarModule[]; listen?: boolean } = {
    web: true,
    worker: true,
  },
): Promise<Running> {
  const { database, org } = await prepareDatabase(config);
  const modules = options.modules ?? MODULES;
  const jobs = new JobRunner(database, {
    onError: (e) => console.error(JSON.stringify({ level: "error", msg: "job runner error", err: e.message })),
  });
  let app: FastifyInstance | undefined;
  let url: string | undefined;
  const services: BackgroundService[] = [];
  try {
    if (config.demo) await seedDemo(database.db, org, DEMO_PASSWORD);
    else await disableDemoLogins(database, org);
    const context = { config, database, jobs, org, modules };
    let moduleContext: ModuleContext;
    if (options.web) {
      app = await buildApp(context);
      moduleContext = app.klarsvar.context;
    } else {
      // A worker still needs the modules' jobs registered.
      moduleContext = {
        config,
        database,
        jobs,
        org,
        policies: new PolicyRegistry(),
        oidc: undefined,
        mailer: createMailer(config.mail),
        extensions: collectExtensions(modules),
      };
      for (const mod of modules) for (const def of mod.jobs?.(moduleContext) ?? []) jobs.register(def);
    }
    await jobs.start({ work: options.worker });
    if (options.worker) {
      for (const mod of modules) services.push(...(mod.services?.(moduleContext) ?? []));
      for (const service of services) await service.start();
    }
    // Module demo content may queue jobs, so it comes after the job runner has started.
    if (app && config.demo) for (const mod of modules) await mod.seedDemo?.(app.klarsvar.context);
    if (app && options.listen !== false) {
      url = await app.listen({ port: config.port, host: config.host });
    } else if (app) {
      await app.ready();
    }
  } catch (error) {
    await app?.close().catch(() => undefined);
    for (const service of services) await service.stop().catch(() => undefined);
    await jobs.stop().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    config,
    database,
    jobs,
    org,
    app,
    url,
    stop: () => {
      // Order matters: stop taking requests, let running jobs finish, then close the database.
      stopping ??= (async () => {
        await app?.close();
        // Services feed the jobs (an IMAP batch queues acknowledgements): they stop first.
        for (const service of services) await service.stop();
        await jobs.stop();
        await database.close();
      })();
      return stopping;
    },
  };
}
