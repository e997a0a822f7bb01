/** A whole Klarsvar on a fresh database, for integration tests through app.inject. */
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { testConfig, type Config } from "../src/config.js";
import { buildApp } from "../src/app/app.js";
import type { KlarsvarModule, Organisation } from "../src/app/module.js";
import { MODULES } from "../src/app/modules.js";
import { ensureOrganisation, seedDemo } from "../src/app/seed.js";
import { JobRunner } from "../src/platform/jobs/jobs.js";
import { DEMO_PASSWORD } from "../src/platform/auth/demo.js";
import { freshDatabase, type Backend, type TestDatabase } from "./db.js";

export interface TestApp {
  readonly app: FastifyInstance;
  readonly config: Config;
  readonly database: TestDatabase;
  readonly jobs: JobRunner;
  readonly org: Organisation;
  close(): Promise<void>;
}

export async function startTestApp(
  options: {
    backend?: Backend;
    env?: Record<string, string>;
    modules?: readonly KlarsvarModule[];
    work?: boolean;
    services?: boolean;
    sampleInterval?: number;
    /** Start on this database (a restart); close() then leaves it open. */
    database?: TestDatabase;
    /** false: only the organisation, its units and the demo logins — no module's demo content. */
    demoContent?: boolean;
  } = {},
): Promise<TestApp> {
  // A loaded CI machine stalls the event loop now and then; only the pressure test wants 503s.
  const config = testConfig({ PRESSURE_MAX_EVENT_LOOP_DELAY_MS: "5000", ...options.env });
  const database = options.database ?? (await freshDatabase(options.backend ?? "pglite"));
  const org = await ensureOrganisation(database.db);
  await seedDemo(database.db, org, DEMO_PASSWORD);
  const jobs = new JobRunner(database, { pollingIntervalSeconds: 0.5 });
  const app = await buildApp({
    config,
    database,
    jobs,
    org,
    modules: options.modules ?? MODULES,
    ...(options.sampleInterval ? { underPressure: { sampleInterval: options.sampleInterval } } : {}),
  });
  await jobs.start({ work: options.work ?? false });
  if (options.demoContent !== false)
    for (const mod of options.modules ?? MODULES) await mod.seedDemo?.(app.klarsvar.context);
  await app.ready();
  const services = options.services
    ? (options.modules ?? MODULES).flatMap((m) => m.services?.(app.klarsvar.context) ?? [])
    : [];
  for (const service of services) await service.start();
  return {
    app,
    config,
    database,
    jobs,
    org,
    close: async () => {
      await app.close();
      for (const service of services) await service.stop();
      await jobs.stop();
      if (!options.database) await database.close();
    },
  };
}

/** A tiny cookie jar for app.inject: keeps cookies across requests like a browser. */
export class Browser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly app: FastifyInstance) {}

  private remember(res: LightMyRequestResponse): void {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()) || c.value === "";
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** The cookies as a Cookie header, for real HTTP requests (streams that never end). */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({ method: "GET", url, cookies: Object.fromEntries(this.cookies), headers });
    this.remember(res);
    return res;
  }

  /** A form post; pairs (`[["a", "1"], ["a", "2"]]`) send a field more than once, like checkboxes. */
  async post(
    url: string,
    form: Record<string, string> | [string, string][],
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method: "POST",
      url,
      cookies: Object.fromEntries(this.cookies),
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      payload: new URLSearchParams(form).toString(),
    });
    this.remember(res);
    return res;
  }

  /** Reads the CSRF token from a page's form, as a browser would submit it. */
  async csrfFrom(url: string): Promise<string> {
    const res = await this.get(url);
    const match = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (!match?.[1]) throw new Error(`No CSRF token on ${url} (status ${res.statusCode})`);
    return match[1];
  }

  async login(email: string, password = DEMO_PASSWORD): Promise<LightMyRequestResponse> {
    const token = await this.csrfFrom("/logga-in");
    return this.post("/logga-in", { _csrf: token, email, password });
  }
}
