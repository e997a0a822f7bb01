/**
 * Live board: Server-Sent Events that say "something changed" when cases arrive or move.
 * The page reloads its list itself (src/client/board.ts); without JavaScript a reload does
 * the same. Streams end when the server stops, so shutdown is never held up.
 */
import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import type { ModuleContext } from "../../../app/module.js";

const POLL_MS = 2000;
const HEARTBEAT_MS = 15_000;

export function liveBoardRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const open = new Set<() => void>();
  app.addHook("onClose", async () => {
    for (const end of open) end();
  });

  const signature = async (): Promise<string> => {
    const r = await sql<{ n: string; changed: Date | null }>`
      select count(*) as n, max(updated_at) as changed from cases where org_id = ${ctx.org.id} and status in ('new', 'open')`.execute(ctx.database.db);
    const row = r.rows[0];
    return `${row?.n ?? 0}:${row?.changed ? new Date(row.changed).getTime() : 0}`;
  };

  app.get("/arbetsyta/inkorg/handelser", { config: { access: "inbox.viewBoard", rateLimit: false } }, async (request, reply) => {
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    });
    res.write("retry: 5000\n\n");
    let last = await signature().catch(() => "");
    let busy = false;
    const poll = setInterval(() => {
      if (busy) return;
      busy = true;
      signature()
        .then((sig) => {
          if (sig !== last) {
            last = sig;
            res.write(`event: change\ndata: ${sig}\n\n`);
          }
        })
        .catch(() => undefined)
        .finally(() => {
          busy = false;
        });
    }, POLL_MS);
    const heartbeat = setInterval(() => res.write(": still here\n\n"), HEARTBEAT_MS);
    const end = () => {
      clearInterval(poll);
      clearInterval(heartbeat);
      open.delete(end);
      if (!res.writableEnded) res.end();
    };
    open.add(end);
    request.raw.on("close", end);
  });
}
