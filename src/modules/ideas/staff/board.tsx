/** The staff board of ideas and the measures page. */
import type { ModuleContext } from "../../../app/module.js";
import { type TypedApp } from "../../../platform/http/typed.js";
import { sayer } from "../../../platform/i18n/messages.js";
import { sendPage } from "../../../platform/http/page.js";
import type { IdeaDeps } from "../commands.js";
import { messages } from "../messages.js";
import { board, groupIdsOf, measures, PAGE_SIZE } from "../queries.js";
import { BoardQuery, MeasuresQuery } from "../schema.js";
import { BoardPage, MeasuresPage } from "./views.js";
import type { StaffHelpers } from "./shared.js";

export function ideaBoardRoutes(app: TypedApp, ctx: ModuleContext, deps: IdeaDeps, h: StaffHelpers): void {
  const { org } = ctx;
  const db = deps.db;
  const { userOf } = h;
  // ---- The board --------------------------------------------------------------------------

  app.get(
    "/arbetsyta/forslag",
    { config: { access: "ideas.work" }, schema: { querystring: BoardQuery } },
    async (request, reply) => {
      const user = userOf(request);
      const q = request.query;
      const view = q.vy ?? "open";
      const page = q.sida ?? 1;
      const result = await board(db, org.id, user, await groupIdsOf(db, user.id), { view, q: q.q, page });
      return sendPage(
        request,
        reply,
        { title: sayer(messages, request.lang)("board.title"), side: "staff" },
        (pageCtx) => (
          <BoardPage
            ctx={pageCtx}
            view={view}
            q={q.q ?? ""}
            rows={result.rows}
            total={result.total}
            page={page}
            pageSize={PAGE_SIZE}
            counts={result.counts}
          />
        ),
      );
    },
  );

  // ---- Measures -------------------------------------------------------------------------

  app.get(
    "/arbetsyta/forslag/matt",
    {
      config: { access: "ideas.measures" },
      schema: { querystring: MeasuresQuery },
    },
    async (request, reply) => {
      const months = Number(request.query.manader ?? "12");
      const from = new Date();
      from.setMonth(from.getMonth() - months);
      const rows = await measures(db, org.id, from, sayer(messages, request.lang)("measures.noOwner"));
      return sendPage(
        request,
        reply,
        { title: sayer(messages, request.lang)("measures.title"), side: "staff" },
        (page) => <MeasuresPage ctx={page} rows={rows} months={months} />,
      );
    },
  );
}
