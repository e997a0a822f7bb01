/** The staff list (search, filter, pages) and inviting a person: `/arbetsyta/admin/personal` and `…/ny`. */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import type { TypedApp } from "../../../platform/http/typed.js";
import type { FieldError } from "../../../views/context.js";
import { inviteStaff, type StaffDeps } from "../commands/staff.js";
import { flatten, STAFF_PAGE_SIZE, staffList, unitTree } from "../queries.js";
import { inviteBody, staffListQuery } from "../schema.js";
import { InvitePage, StaffListPage, type AccountForm } from "./views.js";
import { accountInput, adminOf, problemsOf, say, STAFF } from "./shared.js";

export function staffListRoutes(app: TypedApp, ctx: ModuleContext): void {
  const { org, config } = ctx;
  const db = ctx.database.db;
  const deps: StaffDeps = { db, jobs: ctx.jobs, secret: config.sessionSecret };
  const admin = adminOf(org.id);

  app.get(
    STAFF,
    { config: { access: "people.viewStaff" }, schema: { querystring: staffListQuery } },
    async (request, reply) => {
      const { q = "", visa = "aktiva", sida = 1 } = request.query;
      const result = await staffList(db, org.id, { q, filter: visa, page: sida });
      return sendPage(request, reply, { title: say(request)("list.title"), side: "staff" }, (page) => (
        <StaffListPage
          ctx={page}
          q={q}
          filter={visa}
          rows={result.rows}
          total={result.total}
          page={sida}
          pageSize={STAFF_PAGE_SIZE}
        />
      ));
    },
  );

  const renderInvite = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: AccountForm,
    errors: readonly FieldError[],
  ) => {
    const units = flatten(await unitTree(db, org.id));
    return sendPage(
      request,
      reply,
      {
        title: say(request)("invite.title"),
        side: "staff",
        hasErrors: errors.length > 0,
        status: errors.length > 0 ? 400 : 200,
      },
      (page) => <InvitePage ctx={page} form={form} errors={errors} units={units} />,
    );
  };

  app.get(`${STAFF}/ny`, { config: { access: "people.inviteStaff" } }, (request, reply) =>
    renderInvite(
      request,
      reply,
      { name: "", email: "", roles: ["employee"], units: [], secrecy: false, reason: "" },
      [],
    ),
  );

  app.post(
    `${STAFF}/ny`,
    { config: { access: "people.inviteStaff" }, schema: { body: inviteBody } },
    async (request, reply) => {
      const b = request.body;
      const result = await inviteStaff(
        deps,
        admin(request).actor,
        { ...accountInput(b), email: b.email },
        say(request),
      );
      if (!result.ok)
        return renderInvite(
          request,
          reply,
          { name: b.name, email: b.email, roles: b.roles, units: b.units, secrecy: b.secrecy, reason: b.reason },
          problemsOf(result),
        );
      return reply.redirect(`${STAFF}/${result.value.id}?klart=inbjuden`, 303);
    },
  );
}
