/** The staff board: every question waiting for an answer, filtered by unit, channel and kind. */
import type { ModuleContext } from "../../../app/module.js";
import { hasRole } from "../../../platform/auth/policies.js";
import type { SessionUser } from "../../../platform/auth/session-user.js";
import { CASE_CHANNELS, CASE_KINDS, type CaseChannel, type CaseKind } from "../../../platform/db/schema.js";
import { sendPage } from "../../../platform/http/page.js";
import { Uuid, type TypedApp } from "../../../platform/http/typed.js";
import { sayer } from "../../../platform/i18n/messages.js";
import { messages } from "../messages.js";
import { unansweredBoard } from "../queries.js";
import { BoardQuery } from "../schema.js";
import { BoardPage } from "./views.js";

const PAGE_SIZE = 50;
/** The registrar's queue: cases nobody owns yet. */
export const UNROUTED = "ingen";

export function boardRoutes(app: TypedApp, ctx: ModuleContext): void {
  const { database, org } = ctx;
  const db = database.db;
  const units = () =>
    db.selectFrom("units").select(["id", "name"]).where("org_id", "=", org.id).orderBy("name").execute();

  app.get(
    "/arbetsyta/inkorg",
    {
      config: { access: "inbox.viewBoard" },
      schema: { querystring: BoardQuery },
    },
    async (request, reply) => {
      const q = request.query;
      const user = request.user as SessionUser;
      const page = q.sida ?? 1;
      const unitId = q.enhet === UNROUTED ? null : q.enhet && Uuid.safeParse(q.enhet).success ? q.enhet : undefined;
      const channel = (CASE_CHANNELS as readonly string[]).includes(q.kanal ?? "")
        ? (q.kanal as CaseChannel)
        : undefined;
      const kind = (CASE_KINDS as readonly string[]).includes(q.typ ?? "") ? (q.typ as CaseKind) : undefined;
      const everything = hasRole(user, "admin", "communicator", "registrar");
      const { rows, total } = await unansweredBoard(db, {
        orgId: org.id,
        unitId,
        channel,
        kind,
        visibleUnits: everything ? undefined : user.unitIds,
        page,
        pageSize: PAGE_SIZE,
      });
      const unitList = await units();
      return sendPage(
        request,
        reply,
        { title: sayer(messages, request.lang)("board.title"), side: "staff", scripts: ["/static/js/board.js"] },
        (pageCtx) => (
          <BoardPage
            ctx={pageCtx}
            rows={rows}
            total={total}
            page={page}
            pageSize={PAGE_SIZE}
            units={unitList}
            query={{ enhet: unitId === null ? UNROUTED : (unitId ?? ""), kanal: channel ?? "", typ: kind ?? "" }}
          />
        ),
      );
    },
  );
}
