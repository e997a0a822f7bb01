/**
 * Live board: Server-Sent Events that say "something changed" when cases arrive or move.
 * The page reloads its list itself (src/client/board.ts); without JavaScript a reload does
 * the same. One watcher per process asks the database every two seconds while anyone
 * listens, and tells every open stream — a thousand open boards cost one query, not a
 * thousand. A session may hold a few streams (tabs); more are refused with 429, and the
 * process takes at most `MAX_STREAMS` in all (then 503). Streams end when the server stops.
 */
import type { TypedApp } from "../../../platform/http/typed.js";
import { sql } from "kysely";
import type { ModuleContext } from "../../../app/module.js";
import { AppError } from "../../../platform/errors.js";

const POLL_MS = 2000;
const HEARTBEAT_MS = 15_000;
export const STREAMS_PER_SESSION = 4;
export const MAX_STREAMS = 1000;

interface Listener {
  readonly session: string;
  send(chunk: string): void;
  end(): void;
}

export function liveBoardRoutes(app: TypedApp, ctx: ModuleContext): void {
  const listeners = new Set<Listener>();
  let last = "";
  let timer: NodeJS.Timeout | undefined;
  let busy = false;
  let polls = 0;

  const signature = async (): Promise<string> => {
    polls++;
    const r = await sql<{ n: string; changed: Date | null }>`
      select count(*) as n, max(updated_at) as changed from cases where org_id = ${ctx.org.id} and status in ('new', 'open')`.execute(
      ctx.database.db,
    );
    const row = r.rows[0];
    return `${row?.n ?? 0}:${row?.changed ? new Date(row.changed).getTime() : 0}`;
  };

  const tick = () => {
    if (busy) return;
    busy = true;
    signature()
      .then((sig) => {
        if (sig === last) return;
        last = sig;
        for (const l of listeners) l.send(`event: change\ndata: ${sig}\n\n`);
      })
      .catch(() => undefined)
      .finally(() => {
        busy = false;
      });
  };
  const heartbeat = setInterval(() => {
    for (const l of listeners) l.send(": still here\n\n");
  }, HEARTBEAT_MS);
  heartbeat.unref();

  const start = async () => {
    if (timer) return;
    last = await signature().catch(() => "");
    timer = setInterval(tick, POLL_MS);
  };
  const stopIfIdle = () => {
    if (listeners.size > 0 || !timer) return;
    clearInterval(timer);
    timer = undefined;
  };

  app.addHook("onClose", async () => {
    STATS.delete(ctx.org.id);
    clearInterval(heartbeat);
    for (const l of [...listeners]) l.end();
    if (timer) clearInterval(timer);
  });

  app.get(
    "/arbetsyta/inkorg/handelser",
    { config: { access: "inbox.viewBoard", rateLimit: false } },
    async (request, reply) => {
      const session = request.user?.sessionId ?? "";
      const mine = [...listeners].filter((l) => l.session === session).length;
      if (mine >= STREAMS_PER_SESSION)
        throw new AppError("KS_RATE_LIMITED", "Too many live streams for this session", { "retry-after": "30" });
      if (listeners.size >= MAX_STREAMS)
        throw new AppError("KS_UNAVAILABLE", "Too many live streams", { "retry-after": "30" });
      await start();
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-store",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      });
      res.write("retry: 5000\n\n");
      const listener: Listener = {
        session,
        send: (chunk) => {
          if (!res.writableEnded) res.write(chunk);
        },
        end: () => {
          listeners.delete(listener);
          if (!res.writableEnded) res.end();
          stopIfIdle();
        },
      };
      listeners.add(listener);
      request.raw.on("close", listener.end);
    },
  );

  STATS.set(ctx.org.id, () => ({ streams: listeners.size, watching: timer !== undefined, polls }));
}

const STATS = new Map<string, () => { streams: number; watching: boolean; polls: number }>();

/** For tests and operations: streams open now, whether the watcher runs, how often it has asked. */
export function liveBoardStats(orgId: string): { streams: number; watching: boolean; polls: number } | undefined {
  return STATS.get(orgId)?.();
}
