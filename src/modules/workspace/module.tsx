/**
 * The staff landing page: what is waiting for me. Each module adds its own items through the
 * `startPage` extension point of its manifest; the workspace knows none of them.
 */
import { sql } from "kysely";
import { z } from "zod";
import type { KlarsvarModule } from "../../app/module.js";
import { sendPage } from "../../platform/http/page.js";
import { anyStaff, hasRole } from "../../platform/auth/policies.js";
import { WorkspacePage, type SigninDay } from "./staff/views.js";

export const workspaceModule: KlarsvarModule = {
  name: "workspace",
  policies: { view: anyStaff },
  nav: [{ side: "staff", href: "/arbetsyta", label: "workspace.title", policy: "workspace.view", order: 0 }],
  routes: (app, ctx) => {
    const db = ctx.database.db;
    app.get(
      "/arbetsyta",
      { config: { access: "workspace.view" }, schema: { querystring: z.object({}).passthrough() } },
      async (request, reply) => {
        const user = request.user;
        if (!user) throw new Error("unreachable: policy requires a user");
        const isAdmin = hasRole(user, "admin");
        const units =
          user.unitIds.length === 0
            ? []
            : await db
                .selectFrom("units")
                .select(["name"])
                .where("id", "in", [...user.unitIds])
                .orderBy("name")
                .execute();
        const waiting = await ctx.extensions.startPageItems(ctx, { user, lang: request.lang });
        // Sign-ins per day in Stockholm time, last 7 days: admins see everyone, others themselves.
        const days = await sql<SigninDay>`
        select to_char(d.day, 'YYYY-MM-DD') as day, count(a.id)::int as count
        from generate_series((now() at time zone 'Europe/Stockholm')::date - 6, (now() at time zone 'Europe/Stockholm')::date, interval '1 day') as d(day)
        left join audit_log a
          on a.action = 'auth.login' and a.org_id = ${ctx.org.id}
          and (a.occurred_at at time zone 'Europe/Stockholm')::date = d.day::date
          and (${isAdmin} or a.actor_id = ${user.id})
        group by d.day order by d.day`.execute(db);
        const recent = await db
          .selectFrom("audit_log")
          .select(["occurred_at", "action", "subject_type"])
          .where("org_id", "=", ctx.org.id)
          .where("actor_id", "=", user.id)
          .orderBy("occurred_at", "desc")
          .orderBy("id", "desc")
          .limit(5)
          .execute();
        return sendPage(request, reply, { title: request.t("workspace.title"), side: "staff" }, (page) => (
          <WorkspacePage
            ctx={page}
            units={units.map((u) => u.name)}
            waiting={waiting}
            signins={days.rows}
            recent={recent}
          />
        ));
      },
    );
  },
};
