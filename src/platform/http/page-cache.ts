/**
 * Rendered public pages, kept in memory and served without touching the database while the
 * tables they were made from have not changed (platform/db/changes.ts says which tables a
 * page read and when each changed). Only pages that say `cacheable` to `sendPage`, only for
 * visitors who are not signed in, only 200s. Keyed by language and the whole URL.
 *
 * A page that carries a CSRF token is kept with a placeholder where the token goes; each
 * visitor gets a token of their own when the page is sent.
 *
 * Overload: when the database queue makes visitors wait (`Database.load`), a page that is not
 * in the cache is answered 503 with Retry-After at once instead of joining the queue for
 * seconds. Signed-in staff and form posts still queue: they are few and matter most.
 */
import { createHash, randomBytes } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ChangeClock, newReadSet, trackReads, type ReadSet } from "../db/changes.js";
import type { Database } from "../db/database.js";
import { AppError } from "../errors.js";

export interface PageCacheOptions {
  /** Longest a page is kept, whatever happens, in ms (pages with dates go stale by time). */
  readonly ttlMs?: number;
  readonly maxEntries?: number;
  readonly maxBytes?: number;
  /** A visitor who would wait longer than this for a connection is answered 503 instead. */
  readonly maxWaitMs?: number;
  /** Seconds a refused visitor is asked to wait. */
  readonly retryAfterSeconds?: number;
  readonly pollMs?: number;
  readonly graceMs?: number;
}

/** A page as rendered: what waiting visitors are sent. */
export interface Rendered {
  readonly parts: readonly string[];
  readonly etag: string;
  readonly cacheControl: string;
}

interface Entry {
  readonly parts: readonly string[];
  readonly etag: string;
  readonly cacheControl: string;
  readonly deps: readonly (readonly [string, number])[];
  readonly at: number;
  readonly bytes: number;
}

declare module "fastify" {
  interface FastifyInstance {
    pageCache: PageCache;
  }
  interface FastifyRequest {
    /** Set while a cacheable response may be rendered: what the handler read, from when. */
    pageReads:
      | (ReadSet & {
          readonly started: number;
          readonly versions: Map<string, number>;
          /** Hands the rendered page to visitors waiting for the same one (null: they go their own way). */
          readonly finish: (page: Rendered | null) => void;
        })
      | null;
  }
}

/** Where a page's CSRF token goes while the page sits in the cache; unguessable per process. */
export const TOKEN_PLACEHOLDER = `ks-token-${randomBytes(12).toString("hex")}`;

export class PageCache {
  readonly clock: ChangeClock;
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  readonly ttlMs: number;
  readonly maxEntries: number;
  readonly maxBytes: number;
  readonly maxWaitMs: number;
  readonly retryAfterSeconds: number;
  readonly stats = { hits: 0, misses: 0, stored: 0, refused: 0 };

  constructor(
    private readonly database: Database,
    options: PageCacheOptions = {},
  ) {
    this.clock = new ChangeClock(database.db, {
      ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
      ...(options.graceMs !== undefined ? { graceMs: options.graceMs } : {}),
    });
    this.ttlMs = options.ttlMs ?? 60_000;
    this.maxEntries = options.maxEntries ?? 5000;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.maxWaitMs = options.maxWaitMs ?? 200;
    this.retryAfterSeconds = options.retryAfterSeconds ?? 2;
  }

  /** True when a visitor would now wait longer for the database than we let them. */
  saturated(): boolean {
    return this.database.load.waiting() > 0 && this.database.load.waitMs() > this.maxWaitMs;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  /**
   * The kept page for a key. `stale` when only its time limit has passed (nothing it read has
   * changed): it may still be served while one request makes it afresh.
   */
  lookup(key: string, now = Date.now()): { entry: Entry; stale: boolean } | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (!e.deps.every(([t, v]) => this.clock.versionOf(t) === v)) {
      this.drop(key, e);
      return undefined;
    }
    // Least recently used goes first when the cache is full.
    this.entries.delete(key);
    this.entries.set(key, e);
    return { entry: e, stale: now - e.at >= this.ttlMs };
  }

  /**
   * Pages being made now, by key: visitors who ask for the same page meanwhile wait for that
   * one rendering instead of each asking the database (a cache stampede when a popular page
   * has just changed or expired).
   */
  readonly inflight = new Map<string, Promise<Rendered | null>>();

  /** Keeps a rendered page if everything it read was settled when its rendering began. */
  store(
    key: string,
    /** The page cut at the CSRF placeholder (one part when it has none). */
    parts: readonly string[],
    etag: string,
    cacheControl: string,
    reads: NonNullable<FastifyRequest["pageReads"]>,
  ): void {
    if (this.ttlMs === 0 || reads.unknown || this.clock.lastPoll === 0) return;
    if (!this.clock.settledBefore(reads.tables, reads.started)) return;
    const deps: [string, number][] = [];
    for (const t of reads.tables) {
      const v = reads.versions.get(t) ?? 0;
      // Changed while the page was being made: what it read may already be old.
      if (this.clock.versionOf(t) !== v) return;
      deps.push([t, v]);
    }
    const bytes = parts.reduce((sum, part) => sum + part.length * 2, 0);
    if (bytes > this.maxBytes / 8) return;
    const old = this.entries.get(key);
    if (old) this.drop(key, old);
    this.entries.set(key, { parts, etag, cacheControl, deps, at: reads.started, bytes });
    this.bytes += bytes;
    this.stats.stored++;
    for (const [k, e] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.drop(k, e);
    }
  }

  private drop(key: string, e: Entry): void {
    if (this.entries.get(key) !== e) return;
    this.entries.delete(key);
    this.bytes -= e.bytes;
  }

  /** The versions of every table now, for a request that may render a cacheable page. */
  snapshot(): Map<string, number> {
    const m = new Map<string, number>();
    for (const t of this.clock.tables) m.set(t, this.clock.versionOf(t));
    return m;
  }
}

export function pageCacheKey(request: FastifyRequest): string {
  return `${request.lang}\u0000${request.url}`;
}

export function etagOf(html: string): string {
  return `"${createHash("sha256").update(html).digest("base64url").slice(0, 27)}"`;
}

/** True when the browser's copy (If-None-Match) is the one we would send. */
export function browserHasCurrent(request: FastifyRequest, etag: string): boolean {
  const wanted = request.headers["if-none-match"];
  return Boolean(wanted && wanted.split(",").some((t) => t.trim().replace(/^W\//, "") === etag));
}

const NEVER_REFUSED = /^\/(?:static\/|health$|ready$)/;

/**
 * The hook that serves kept pages and refuses honestly under overload. Registered after the
 * hook that finds the visitor's language and session.
 */
export function registerPageCache(
  app: FastifyInstance,
  cache: PageCache,
  token: (request: FastifyRequest, reply: FastifyReply) => string,
): void {
  app.decorate("pageCache", cache);
  app.decorateRequest("pageReads", null);
  app.addHook("onReady", async () => cache.clock.start());
  app.addHook("onClose", async () => cache.clock.stop());
  const send = (request: FastifyRequest, reply: FastifyReply, page: Rendered, how: string) => {
    reply
      .header("etag", page.etag)
      .header("vary", "Cookie")
      .header("cache-control", page.cacheControl)
      .header("x-cache", how);
    if (browserHasCurrent(request, page.etag)) return void reply.status(304).send();
    const body = page.parts.length === 1 ? (page.parts[0] ?? "") : page.parts.join(token(request, reply));
    void reply.status(200).type("text/html; charset=utf-8").send(body);
  };
  const refuse = (done: (error?: Error) => void) => {
    cache.stats.refused++;
    done(
      new AppError("KS_UNAVAILABLE", "The database queue is full", { "retry-after": String(cache.retryAfterSeconds) }),
    );
  };
  app.addHook("onRequest", (request, reply, done) => {
    const read = request.method === "GET" || request.method === "HEAD";
    if (!read || request.user || NEVER_REFUSED.test(request.url) || request.routeOptions.config.access !== "public") {
      return done();
    }
    const key = pageCacheKey(request);
    const found = request.method === "GET" ? cache.lookup(key) : undefined;
    const making = cache.inflight.get(key);
    if (found && (!found.stale || making)) {
      cache.stats.hits++;
      return send(request, reply, found.entry, found.stale ? "stale" : "hit");
    }
    if (making) {
      // The same page is being made for someone else: wait for it rather than ask again.
      making.then(
        (page) => {
          if (page) {
            cache.stats.hits++;
            return send(request, reply, page, "shared");
          }
          if (cache.saturated()) return refuse(done);
          done();
        },
        () => done(),
      );
      return;
    }
    cache.stats.misses++;
    if (cache.saturated()) {
      // An old copy is better than none while the database is full.
      if (found) return send(request, reply, found.entry, "stale");
      return refuse(done);
    }
    if (cache.clock.lastPoll === 0 || request.method !== "GET") return done();
    let finish: (page: Rendered | null) => void = () => undefined;
    cache.inflight.set(
      key,
      new Promise<Rendered | null>((resolve) => {
        finish = (page) => {
          if (cache.inflight.get(key) === promise) cache.inflight.delete(key);
          resolve(page);
        };
      }),
    );
    const promise = cache.inflight.get(key);
    const reads = Object.assign(newReadSet(), { started: Date.now(), versions: cache.snapshot(), finish });
    request.pageReads = reads;
    trackReads(reads, done);
  });
  // Whatever happened (an error, a page that may not be kept), nobody waits for it any longer.
  app.addHook("onResponse", (request, _reply, done) => {
    request.pageReads?.finish(null);
    done();
  });
}
