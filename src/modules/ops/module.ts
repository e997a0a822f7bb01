/** Operations: liveness, readiness and the OpenAPI document. */
import { z } from "zod";
import type { KlarsvarModule } from "../../app/module.js";
import { databaseAnswers } from "../../platform/db/database.js";

export const opsModule: KlarsvarModule = {
  name: "ops",
  routes: (app, ctx) => {
    const open = { access: "public", rateLimit: false } as const;
    app.get(
      "/health",
      {
        config: open,
        schema: {
          tags: ["operations"],
          summary: "The process is alive",
          response: { 200: z.object({ status: z.literal("ok") }) },
        },
      },
      async () => ({ status: "ok" as const }),
    );
    app.get(
      "/ready",
      {
        config: open,
        schema: {
          tags: ["operations"],
          summary: "The database and the job queue answer, and visitors are not kept waiting for the database",
          response: {
            200: z.object({ status: z.literal("ready"), database: z.boolean(), queue: z.boolean(), busy: z.boolean() }),
            503: z.object({
              status: z.literal("not_ready"),
              database: z.boolean(),
              queue: z.boolean(),
              busy: z.boolean(),
            }),
          },
        },
      },
      async (_request, reply) => {
        // Saturated: say so at once rather than wait in the same queue as everyone else.
        if (app.pageCache.saturated())
          return reply
            .status(503)
            .header("retry-after", String(app.pageCache.retryAfterSeconds))
            .send({ status: "not_ready" as const, database: true, queue: true, busy: true });
        const database = await databaseAnswers(ctx.database.db);
        const queue = database && (await ctx.jobs.answers());
        if (database && queue) return { status: "ready" as const, database, queue, busy: false };
        return reply
          .status(503)
          .header("retry-after", "5")
          .send({ status: "not_ready" as const, database, queue, busy: false });
      },
    );
    app.get("/api/openapi.json", { config: { access: "public" } }, async () => app.swagger());
  },
};
