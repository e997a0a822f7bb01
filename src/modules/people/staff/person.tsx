/** A person's page and what an admin does there: roles, units and rights, a new invitation, deactivation, reactivation, ending a session. */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import { activeSessionsOf } from "../../../platform/auth/sessions.js";
import { AppError } from "../../../platform/errors.js";
import type { TypedApp } from "../../../platform/http/typed.js";
import {
  deactivateStaff,
  endSession,
  reactivateStaff,
  resendInvitation,
  updateStaff,
  type StaffDeps,
} from "../commands/staff.js";
import { flatten, HISTORY_PAGE_SIZE, personById, signInHistory, unitTree, type Person } from "../queries.js";
import { editBody, emptyBody, idParams, personQuery, reasonBody, sessionParams } from "../schema.js";
import { PersonPage, type AccountForm, type PersonPageState } from "./views.js";
import { accountInput, adminOf, problemsOf, say, STAFF } from "./shared.js";

export function personRoutes(app: TypedApp, ctx: ModuleContext): void {
  const { org, config } = ctx;
  const db = ctx.database.db;
  const deps: StaffDeps = { db, jobs: ctx.jobs, secret: config.sessionSecret };
  const admin = adminOf(org.id);

  async function person(id: string): Promise<Person> {
    const found = await personById(db, org.id, id);
    if (!found) throw new AppError("KS_NOT_FOUND");
    return found;
  }

  const formOf = (p: Person): AccountForm => ({
    name: p.user.name,
    email: p.user.email,
    roles: p.user.roles,
    units: p.unitIds,
    secrecy: p.user.secrecy_right,
    reason: "",
  });

  async function renderPerson(
    request: FastifyRequest,
    reply: FastifyReply,
    p: Person,
    state: PersonPageState,
    historyPage = 1,
  ) {
    const [tree, sessions, history] = await Promise.all([
      unitTree(db, org.id),
      activeSessionsOf(db, p.user.id),
      signInHistory(db, org.id, p.user.id, historyPage),
    ]);
    const errors = state.errors.length > 0;
    return sendPage(
      request,
      reply,
      { title: p.user.name, side: "staff", hasErrors: errors, status: errors ? 400 : 200 },
      (page) => (
        <PersonPage
          ctx={page}
          person={p}
          self={p.user.id === admin(request).user.id}
          units={flatten(tree)}
          sessions={sessions}
          history={history.entries}
          historyTotal={history.total}
          historyPage={historyPage}
          historyPageSize={HISTORY_PAGE_SIZE}
          state={state}
        />
      ),
    );
  }

  app.get(
    `${STAFF}/:id`,
    { config: { access: "people.viewStaff" }, schema: { params: idParams, querystring: personQuery } },
    async (request, reply) => {
      const p = await person(request.params.id);
      return renderPerson(
        request,
        reply,
        p,
        { form: formOf(p), errors: [], done: request.query.klart },
        request.query.sida ?? 1,
      );
    },
  );

  app.post(
    `${STAFF}/:id`,
    { config: { access: "people.editStaff" }, schema: { params: idParams, body: editBody } },
    async (request, reply) => {
      const p = await person(request.params.id);
      const b = request.body;
      const result = await updateStaff(deps, admin(request).actor, p.user.id, accountInput(b), say(request));
      if (!result.ok)
        return renderPerson(request, reply, p, {
          form: {
            name: b.name,
            email: p.user.email,
            roles: b.roles,
            units: b.units,
            secrecy: b.secrecy,
            reason: b.reason,
          },
          errors: problemsOf(result),
        });
      return reply.redirect(`${STAFF}/${p.user.id}?klart=sparat`, 303);
    },
  );

  app.post(
    `${STAFF}/:id/inbjudan`,
    { config: { access: "people.inviteStaff" }, schema: { params: idParams, body: emptyBody } },
    async (request, reply) => {
      const p = await person(request.params.id);
      const result = await resendInvitation(deps, admin(request).actor, p.user.id, say(request));
      if (!result.ok) return renderPerson(request, reply, p, { form: formOf(p), errors: problemsOf(result) });
      return reply.redirect(`${STAFF}/${p.user.id}?klart=inbjudan`, 303);
    },
  );

  app.post(
    `${STAFF}/:id/avaktivera`,
    { config: { access: "people.deactivateStaff" }, schema: { params: idParams, body: reasonBody } },
    async (request, reply) => {
      const p = await person(request.params.id);
      const result = await deactivateStaff(deps, admin(request).actor, p.user.id, request.body.reason, say(request));
      if (!result.ok) {
        const errors = problemsOf(result).map((e) => (e.field === "reason" ? { ...e, field: "deactivate-reason" } : e));
        return renderPerson(request, reply, p, { form: formOf(p), errors, deactivateReason: request.body.reason });
      }
      return reply.redirect(`${STAFF}/${p.user.id}?klart=avstangd`, 303);
    },
  );

  app.post(
    `${STAFF}/:id/aktivera`,
    { config: { access: "people.deactivateStaff" }, schema: { params: idParams, body: reasonBody } },
    async (request, reply) => {
      const p = await person(request.params.id);
      const result = await reactivateStaff(
        deps,
        admin(request).actor,
        p.user.id,
        request.body.reason,
        { demo: config.demo },
        say(request),
      );
      if (!result.ok)
        return renderPerson(request, reply, p, {
          form: formOf(p),
          errors: problemsOf(result),
          reactivateReason: request.body.reason,
        });
      return reply.redirect(`${STAFF}/${p.user.id}?klart=aktiverad`, 303);
    },
  );

  app.post(
    `${STAFF}/:id/sessioner/:sessionId/avsluta`,
    { config: { access: "people.endSession" }, schema: { params: sessionParams, body: emptyBody } },
    async (request, reply) => {
      const p = await person(request.params.id);
      const result = await endSession(deps, admin(request).actor, p.user.id, request.params.sessionId);
      if (!result.ok) throw new AppError("KS_NOT_FOUND");
      // Ending one's own current session is signing out.
      if (request.params.sessionId === admin(request).user.sessionId)
        return reply.redirect("/logga-in?utloggad=1", 303);
      return reply.redirect(`${STAFF}/${p.user.id}?klart=session`, 303);
    },
  );
}
