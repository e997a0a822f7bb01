/** The unit tree and a unit: `/arbetsyta/admin/enheter` — create, change, move, mark as the intake, delete an empty unit. */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import { AppError } from "../../../platform/errors.js";
import type { TypedApp } from "../../../platform/http/typed.js";
import type { FieldError } from "../../../views/context.js";
import { createUnit, deleteUnit, updateUnit } from "../commands/units.js";
import { findNode, flatten, unitMembers, unitTree, type UnitNode } from "../queries.js";
import {
  emptyBody,
  idParams,
  newUnitQuery,
  unitBody,
  unitListQuery,
  unitQuery,
  type UnitBody,
  type UnitDone,
} from "../schema.js";
import { NewUnitPage, UnitPage, UnitTreePage, type UnitForm } from "./views.js";
import { adminOf, problemsOf, say, UNITS } from "./shared.js";

const unitInput = (b: UnitBody) => ({ name: b.name, description: b.description, parentId: b.parent, intake: b.intake });

export function unitRoutes(app: TypedApp, ctx: ModuleContext): void {
  const { org } = ctx;
  const db = ctx.database.db;
  const admin = adminOf(org.id);

  /** Units a unit may be moved under: every unit but itself and those below it. */
  const possibleParents = (tree: readonly UnitNode[], unitId?: string) => {
    const self = unitId ? findNode(tree, unitId) : undefined;
    const excluded = new Set(self ? flatten([self]).map((n) => n.id) : []);
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
    done?: UnitDone,
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
