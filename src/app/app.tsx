/**
 * Assembles the Fastify application: security plugins in order, session and language,
 * access control (deny by default), CSRF, modules, and one error handler.
 */
import { randomUUID } from "node:crypto";
import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import cookie from "@fastify/cookie";
import csrf from "@fastify/csrf-protection";
import formbody from "@fastify/formbody";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import underPressure from "@fastify/under-pressure";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Config } from "../config.js";
import type { Database } from "../platform/db/database.js";
import type { JobRunner } from "../platform/jobs/jobs.js";
import { PolicyRegistry } from "../platform/auth/policies.js";
import { findSessionUser, SESSION_COOKIE } from "../platform/auth/sessions.js";
import type { SessionUser } from "../platform/auth/session-user.js";
import { OidcClient } from "../platform/auth/oidc.js";
import { isLang, LANG_COOKIE, translator, type Lang, type Translate } from "../platform/i18n/i18n.js";
import { AppError } from "../platform/errors.js";
import { publicDir } from "../platform/paths.js";
import { CSRF_COOKIE, csrfBinding, csrfHmacKey, csrfTokenOf, csrfVerifier } from "../platform/http/csrf.js";
import { uploadGuard } from "../platform/http/uploads.js";
import { securityHeaders } from "../platform/http/security-headers.js";
import { PageCache, registerPageCache } from "../platform/http/page-cache.js";
import { csrfTokenFor } from "../platform/http/page.js";
import { registerFormGuard } from "../platform/http/form-guard.js";
import { createMailer } from "../platform/mail/mailer.js";
import type { KlarsvarModule, ModuleContext, NavEntry, Organisation } from "./module.js";
import { registerErrorHandling } from "./errors.js";
import { registerInputCheck } from "./input.js";
import { collectExtensions } from "./extensions.js";
import { MODULES } from "./modules.js";

const STAFF_PREFIX = "/arbetsyta";
/** Routes registered by plugins, which cannot carry our access config. */
const PLUGIN_ROUTES = /^\/static\//;

export interface AppServices {
  readonly config: Config;
  readonly database: Database;
  readonly jobs: JobRunner;
  readonly org: Organisation;
  /** Defaults to the modules in src/app/modules.ts; tests may add their own. */
  readonly modules?: readonly KlarsvarModule[];
  readonly underPressure?: { sampleInterval?: number };
}

export interface KlarsvarDecoration {
  readonly config: Config;
  readonly context: ModuleContext;
  readonly policies: PolicyRegistry;
  navFor(side: "public" | "staff", user: SessionUser | null): readonly NavEntry[];
  /** Every route with its access rule, for the authorisation matrix. */
  readonly routes: {
    method: string;
    url: string;
    access: string;
    /** Which parts of the request the route's schema declares (checked by test/route-schemas.test.ts). */
    schema: { body: boolean; params: boolean; querystring: boolean };
  }[];
}

declare module "fastify" {
  interface FastifyInstance {
    klarsvar: KlarsvarDecoration;
  }
  interface FastifyRequest {
    user: SessionUser | null;
    lang: Lang;
    t: Translate;
  }
}

function wantsHtml(request: FastifyRequest): boolean {
  return !request.url.startsWith("/api/") && !(request.headers.accept ?? "").startsWith("application/json");
}

export async function buildApp(services: AppServices): Promise<FastifyInstance> {
  const { config, database, jobs, org } = services;
  const modules = services.modules ?? MODULES;
  const app = Fastify({
    // Query strings are never logged: what a resident searched for or answered in the help
    // finder ("misshandlad av min man") is nobody's business, and is not kept.
    logger:
      config.logLevel === "silent"
        ? false
        : {
            level: config.logLevel,
            serializers: {
              req: (req: FastifyRequest) => ({
                method: req.method,
                url: req.url.split("?")[0] ?? "",
                hostname: req.hostname,
                remoteAddress: req.ip,
              }),
            },
          },
    genReqId: () => randomUUID(),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const policies = new PolicyRegistry();
  const oidc = config.oidc
    ? new OidcClient({ ...config.oidc, redirectUri: `${config.publicUrl}/logga-in/sso/callback` })
    : undefined;
  const mailer = createMailer(config.mail);
  app.addHook("onClose", async () => mailer.close());
  const context: ModuleContext = {
    config,
    database,
    jobs,
    policies,
    org,
    oidc,
    mailer,
    extensions: collectExtensions(modules),
  };
  const nav: NavEntry[] = [];
  const routes: KlarsvarDecoration["routes"] = [];

  app.decorate("klarsvar", {
    config,
    context,
    policies,
    routes,
    navFor(side: "public" | "staff", user: SessionUser | null) {
      return nav
        .filter((e) => e.side === side && (e.policy === undefined || policies.allows(user, e.policy)))
        .sort((a, b) => a.order - b.order);
    },
  } satisfies KlarsvarDecoration);
  app.decorate("pageFrame", {
    demo: config.demo,
    organisation: config.organisation,
    navFor: (side: "public" | "staff", user: SessionUser | null) => app.klarsvar.navFor(side, user),
  });
  app.decorateRequest("user", null);
  app.decorateRequest("lang", "sv");
  app.decorateRequest("t", translator("sv"));

  // Deny by default: a route without an access rule is a programming error, found at start.
  app.addHook("onRoute", (route) => {
    if (PLUGIN_ROUTES.test(route.url)) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule`);
    if (route.url.startsWith(STAFF_PREFIX) && access === "public") {
      throw new Error(`Staff route ${route.url} cannot be public`);
    }
    for (const method of [route.method].flat()) {
      if (method !== "HEAD")
        routes.push({
          method,
          url: route.url,
          access,
          schema: {
            body: Boolean(route.schema?.body),
            params: Boolean(route.schema?.params),
            querystring: Boolean(route.schema?.querystring),
          },
        });
    }
  });

  const secureCookies = config.production || config.publicUrl.startsWith("https://");
  await app.register(cookie, { secret: config.sessionSecret });
  const security = securityHeaders({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        ...(secureCookies ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: secureCookies,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook("onRequest", (_request, reply, done) => {
    reply.headers(security);
    done();
  });
  await app.register(underPressure, {
    maxEventLoopDelay: config.pressure.maxEventLoopDelayMs,
    maxHeapUsedBytes: config.pressure.maxHeapMb * 1024 * 1024,
    retryAfter: 10,
    ...(services.underPressure?.sampleInterval ? { sampleInterval: services.underPressure.sampleInterval } : {}),
    pressureHandler: (_request, _reply, type, value) => {
      // An interval with no event-loop sample at all reads as an infinite delay, but the
      // block has ended (this request is being served) and its real length is counted in
      // the next interval. Without this, one long start-up query answered 503 for a second.
      // The heap is checked after the delay, so it is checked here instead.
      if (
        type === "eventLoopDelay" &&
        typeof value === "number" &&
        !Number.isFinite(value) &&
        app.memoryUsage().heapUsed <= config.pressure.maxHeapMb * 1024 * 1024
      )
        return undefined;
      throw new AppError("KS_UNAVAILABLE", "Server under pressure", { "retry-after": "10" });
    },
  });
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    // Static files and health checks are cheap and must not be throttled by a busy page.
    allowList: (request) => request.url.startsWith("/static/") || request.url === "/health" || request.url === "/ready",
    errorResponseBuilder: (_request, ctx) =>
      new AppError("KS_RATE_LIMITED", `Rate limit exceeded, retry in ${ctx.after}`, {
        "retry-after": String(Math.ceil(ctx.ttl / 1000)),
      }),
  });
  await app.register(csrf, {
    sessionPlugin: "@fastify/cookie",
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: "/", httpOnly: true, sameSite: "lax", secure: secureCookies, signed: true },
    // Tokens are bound to the session they were made for (see platform/http/csrf.ts).
    csrfOpts: { hmacKey: csrfHmacKey(config.sessionSecret) },
    getUserInfo: csrfBinding,
    getToken: csrfTokenOf,
  });
  await app.register(formbody, { bodyLimit: config.bodyLimitBytes });
  const uploads = uploadGuard(app, {
    budgetBytes: config.upload.memoryBudgetBytes,
    formIsGenuine: csrfVerifier(config.sessionSecret),
    tooLarge: () => new AppError("KS_PAYLOAD_TOO_LARGE"),
  });
  await app.register(multipart, {
    attachFieldsToBody: true,
    onFile: uploads.onFile,
    limits: {
      fileSize: config.upload.limitBytes,
      files: config.upload.maxFiles,
      fields: 50,
      fieldSize: config.bodyLimitBytes,
    },
  });
  await app.register(swagger, {
    openapi: {
      info: { title: "Klarsvar API", version: "1", description: "Open API of Klarsvar. JSON routes only." },
    },
    transform: jsonSchemaTransform,
    hideUntagged: true,
  });
  await app.register(fastifyStatic, {
    root: publicDir,
    prefix: "/static/",
    maxAge: config.production ? "7d" : 0,
    index: false,
  });

  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
    const cookieLang = request.cookies[LANG_COOKIE];
    request.lang = isLang(cookieLang) ? cookieLang : "sv";
    request.t = translator(request.lang);
    if (request.url.startsWith("/static/")) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.user = await findSessionUser(database.db, token);

    // Access before anything else reads the request: public routes pass; others need a
    // session and a policy that allows. Deny by default.
    const access = request.routeOptions.config.access;
    if (!access || access === "public") return;
    if (!request.user) {
      if (request.method === "GET" && wantsHtml(request)) {
        return reply.redirect(`/logga-in?nasta=${encodeURIComponent(request.url)}`, 303);
      }
      throw new AppError("KS_UNAUTHENTICATED");
    }
    if (!policies.allows(request.user, access)) throw new AppError("KS_FORBIDDEN", `Policy ${access} denies`);
  });

  // Kept public pages for visitors who are not signed in; 503 at once when the database queue is full.
  registerPageCache(
    app,
    new PageCache(database, {
      ttlMs: config.pageCacheSeconds * 1000,
      maxWaitMs: config.pressure.maxDbWaitMs,
    }),
    csrfTokenFor,
  );

  // CSRF on every unsafe method, before the body is validated.
  app.addHook("preValidation", (request, reply, done) => {
    const unsafe = !["GET", "HEAD", "OPTIONS"].includes(request.method);
    if (!unsafe || request.routeOptions.config.csrf === false || !request.routeOptions.config.access) return done();
    app.csrfProtection(request, reply, done);
  });

  registerErrorHandling(app);
  // After the CSRF check: NUL is refused with the person's text back; half characters are mended.
  registerInputCheck(app);
  registerFormGuard(app, config.sessionSecret);

  for (const mod of modules) {
    if (mod.policies) policies.define(mod.name, mod.policies);
    nav.push(...(mod.nav ?? []));
  }
  for (const mod of modules) {
    for (const def of mod.jobs?.(context) ?? []) jobs.register(def);
  }
  for (const mod of modules) {
    if (mod.routes)
      await app.register(async (scoped) => mod.routes?.(scoped.withTypeProvider<ZodTypeProvider>(), context));
  }
  // Every named policy on a route must exist: a typo would otherwise deny silently.
  app.addHook("onReady", async () => {
    for (const r of routes) {
      if (r.access !== "public" && !policies.has(r.access))
        throw new Error(`Route ${r.url} names unknown policy ${r.access}`);
    }
  });
  return app;
}
