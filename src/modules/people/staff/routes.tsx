/**
 * Workspace routes for people and units (admins only): `/arbetsyta/admin/personal` and
 * `/arbetsyta/admin/enheter`. Handlers translate HTTP; the commands decide. A form with a
 * problem comes back with status 400 and what was typed; every successful POST redirects (303).
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import { activeSessionsOf } from "../../../platform/auth/sessions.js";
import { AppError } from "../../../platform/errors.js";
import { staffViewer } from "../../../platform/http/actor.js";
import type { TypedApp } from "../../../platform/http/typed.js";
import { sayer } from "../../../platform/i18n/messages.js";
import type { FieldProblem, Result } from "../../../platform/result.js";
import type { FieldError } from "../../../views/context.js";
import {
  deactivateStaff,
  endSession,
  inviteStaff,
  reactivateStaff,
  resendInvitation,
  updateStaff,
  type StaffDeps,
} from "../commands/staff.js";
import { messages } from "../messages.js";
import { createUnit, deleteUnit, updateUnit } from "../commands/units.js";
import {
  findNode,
  flatten,
  HISTORY_PAGE_SIZE,
  personById,
  signInHistory,
  STAFF_PAGE_SIZE,
  staffList,
  unitMembers,
  unitTree,
  type Person,
  type UnitNode,
} from "../queries.js";
import {
  editBody,
  emptyBody,
  idParams,
  inviteBody,
  newUnitQuery,
  personQuery,
  reasonBody,
  sessionParams,
  staffListQuery,
  unitBody,
  unitListQuery,
  unitQuery,
  type EditBody,
  type InviteBody,
  type UnitBody,
} from "../schema.js";
import {
  InvitePage,
  NewUnitPage,
  PersonPage,
  StaffListPage,
  UnitPage,
  UnitTreePage,
  type AccountForm,
  type PersonPageState,
  type UnitForm,
} from "./views.js";

const STAFF = "/arbetsyta/admin/personal";
const UNITS = "/arbetsyta/admin/enheter";

const accountInput = (b: InviteBody | EditBody) => ({
  name: b.name,
  roles: b.roles,
  unitIds: b.units,
  secrecyRight: b.secrecy,
  reason: b.reason,
});
const unitInput = (b: UnitBody) => ({ name: b.name, description: b.description, parentId: b.parent, intake: b.intake });

const say = (request: FastifyRequest) => sayer(messages, request.lang);

/** A refused command's field problems for the form; forbidden and not found become the error page. */
function problemsOf(result: Exclude<Result<unknown>, { ok: true }>): readonly FieldProblem[] {
  if (result.kind === "invalid") return result.errors;
  throw new AppError(result.kind === "forbidden" ? "KS_FORBIDDEN" : "KS_NOT_FOUND");
}

export function peopleRoutes(app: TypedApp, ctx: ModuleContext): void {
  const { org, config } = ctx;
  const db = ctx.database.db;
  const deps: StaffDeps = { db, jobs: ctx.jobs, secret: config.sessionSecret };
  const admin = (request: FastifyRequest) => staffViewer(request, org.id);

  // ---- The staff list and invitations --------------------------------------------------------

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

  // ---- A person --------------------------------------------------------------------------------

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

  // ---- Units -----------------------------------------------------------------------------------

  /** Units a unit may be moved under: every unit but itself and those below it. */
  const possibleParents = (tree: readonly UnitNode[], unitId?: string) => {
    const excluded = new Set(
      unitId ? flatten([findNode(tree, unitId) as UnitNode].filter(Boolean)).map((n) => n.id) : [],
    );
    return flatten(tree).filter((n) => !excluded.has(n.id));
  };

  app.get(
    UNITS,
    { config: { access: "people.viewUnits" }, schema: { querystring: unitListQuery } },
    async (request, reply) => {
      const tree = await unitTree(db, org.id);
      return sendPage(request, reply, { title: say(request)("units.title"), side: "staff" }, (page) => (
        <UnitTreePage ctx={page} tree={tree} done={request.query.klart} />
      ));
    },
  );

  const renderNewUnit = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: UnitForm,
    errors: readonly FieldError[],
  ) => {
    const tree = await unitTree(db, org.id);
    return sendPage(
      request,
      reply,
      {
        title: say(request)("unit.new.title"),
        side: "staff",
        hasErrors: errors.length > 0,
        status: errors.length > 0 ? 400 : 200,
      },
      (page) => <NewUnitPage ctx={page} form={form} errors={errors} parents={possibleParents(tree)} />,
    );
  };

  app.get(
    `${UNITS}/ny`,
    { config: { access: "people.manageUnits" }, schema: { querystring: newUnitQuery } },
    (request, reply) =>
      renderNewUnit(
        request,
        reply,
        { name: "", description: "", parent: request.query.under ?? "", intake: false },
        [],
      ),
  );

  app.post(
    `${UNITS}/ny`,
    { config: { access: "people.manageUnits" }, schema: { body: unitBody } },
    async (request, reply) => {
      const b = request.body;
      const result = await createUnit(db, admin(request).actor, unitInput(b), say(request));
      if (!result.ok)
        return renderNewUnit(
          request,
          reply,
          { name: b.name, description: b.description, parent: b.parent, intake: b.intake },
          problemsOf(result),
        );
      return reply.redirect(`${UNITS}/${result.value.id}?klart=skapad`, 303);
    },
  );

  async function renderUnit(
    request: FastifyRequest,
    reply: FastifyReply,
    unitId: string,
    form: UnitForm | undefined,
    errors: readonly FieldError[],
    done?: string,
  ) {
    const tree = await unitTree(db, org.id);
    const unit = findNode(tree, unitId);
    if (!unit) throw new AppError("KS_NOT_FOUND");
    const members = await unitMembers(db, unit.id);
    const shown = form ?? {
      name: unit.name,
      description: unit.description ?? "",
      parent: unit.parentId ?? "",
      intake: unit.intake,
    };
    return sendPage(
      request,
      reply,
      { title: unit.name, side: "staff", hasErrors: errors.length > 0, status: errors.length > 0 ? 400 : 200 },
      (page) => (
        <UnitPage
          ctx={page}
          unit={unit}
          form={shown}
          errors={errors}
          parents={possibleParents(tree, unit.id)}
          members={members}
          done={done}
        />
      ),
    );
  }

  app.get(
    `${UNITS}/:id`,
    { config: { access: "people.viewUnits" }, schema: { params: idParams, querystring: unitQuery } },
    (request, reply) => renderUnit(request, reply, request.params.id, undefined, [], request.query.klart),
  );

  app.post(
    `${UNITS}/:id`,
    { config: { access: "people.manageUnits" }, schema: { params: idParams, body: unitBody } },
    async (request, reply) => {
      const b = request.body;
      const result = await updateUnit(db, admin(request).actor, request.params.id, unitInput(b), say(request));
      if (!result.ok)
        return renderUnit(
          request,
          reply,
          request.params.id,
          { name: b.name, description: b.description, parent: b.parent, intake: b.intake },
          problemsOf(result),
        );
      return reply.redirect(`${UNITS}/${request.params.id}?klart=sparad`, 303);
    },
  );

  app.post(
    `${UNITS}/:id/ta-bort`,
    { config: { access: "people.manageUnits" }, schema: { params: idParams, body: emptyBody } },
    async (request, reply) => {
      const result = await deleteUnit(db, admin(request).actor, request.params.id, say(request));
      if (!result.ok) return renderUnit(request, reply, request.params.id, undefined, problemsOf(result));
      return reply.redirect(`${UNITS}?klart=borttagen`, 303);
    },
  );
}
