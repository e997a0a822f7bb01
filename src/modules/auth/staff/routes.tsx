import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import type { FastifyReply, TypedApp, TypedRequest } from "../../../platform/http/typed.js";
import { destroyOtherSessions } from "../../../platform/auth/sessions.js";
import { changePassword, type PasswordChangeError } from "../../../platform/auth/users.js";
import type { MessageKey } from "../../../platform/i18n/i18n.js";
import type { FieldError } from "../../../views/context.js";
import { userActor } from "../../../platform/http/actor.js";
import { AccountQuery, ChangePasswordBody } from "../schema.js";
import { AccountPage } from "./views.js";

const ERROR_FIELD: Record<PasswordChangeError, { field: string; key: MessageKey }> = {
  sso_only: { field: "current", key: "account.password.error.sso" },
  wrong_current: { field: "current", key: "account.password.error.current" },
  too_short: { field: "next", key: "account.password.error.short" },
  same: { field: "next", key: "account.password.error.same" },
  mismatch: { field: "confirm", key: "account.password.error.confirm" },
};

export function accountRoutes(app: TypedApp, ctx: ModuleContext): void {
  const db = ctx.database.db;

  async function render(
    request: TypedRequest,
    reply: FastifyReply,
    errors: FieldError[],
    changed: boolean,
    status = 200,
  ) {
    const user = request.user;
    if (!user) throw new Error("unreachable: policy requires a user");
    const units =
      user.unitIds.length === 0
        ? []
        : await db
            .selectFrom("units")
            .select(["name"])
            .where("id", "in", [...user.unitIds])
            .orderBy("name")
            .execute();
    return sendPage(
      request,
      reply,
      { title: request.t("account.title"), side: "staff", hasErrors: errors.length > 0, status },
      (page) => (
        <AccountPage ctx={page} user={user} units={units.map((u) => u.name)} errors={errors} changed={changed} />
      ),
    );
  }

  app.get(
    "/arbetsyta/konto",
    { config: { access: "auth.viewOwnAccount" }, schema: { querystring: AccountQuery } },
    (request, reply) => render(request, reply, [], Boolean(request.query.bytt)),
  );

  app.post(
    "/arbetsyta/konto/losenord",
    {
      config: { access: "auth.changeOwnPassword", rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: { body: ChangePasswordBody },
    },
    async (request, reply) => {
      const body = request.body;
      const user = request.user;
      if (!user) throw new Error("unreachable: policy requires a user");
      const result = await changePassword(db, userActor(request, ctx.org.id), user.id, body);
      if (!result.ok) {
        const e = ERROR_FIELD[result.error];
        return render(request, reply, [{ field: e.field, message: request.t(e.key) }], false, 400);
      }
      // A changed password ends every other session of this user.
      await destroyOtherSessions(db, user.id, user.sessionId);
      return reply.redirect("/arbetsyta/konto?bytt=1", 303);
    },
  );
}
