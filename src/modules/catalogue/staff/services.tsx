/** The service pages in the workspace: the list, a new page, editing (a new version), review, versions, translations. */
import type { ModuleContext } from "../../../app/module.js";
import { AppError } from "../../../platform/errors.js";
import { userActor } from "../../../platform/http/actor.js";
import { sendPage } from "../../../platform/http/page.js";
import { Uuid, type FastifyReply, type TypedApp, type TypedRequest, ButtonForm } from "../../../platform/http/typed.js";
import { sayer } from "../../../platform/i18n/messages.js";
import type { FieldProblem, Result } from "../../../platform/result.js";
import type { FieldError } from "../../../views/context.js";
import { checkText, presentAnalysis } from "../../klarsprak/index.js";
import { markReviewed, removeTranslation, saveService, saveTranslation } from "../commands/save.js";
import { messages } from "../messages.js";
import {
  relatedIds,
  serviceById,
  staffList,
  translationsOf,
  versionContent,
  versionsOf,
  type ServicePage,
} from "../queries.js";
import {
  EditQuery,
  ServiceBody,
  ServiceParams,
  StaffListQuery,
  TranslationBody,
  TranslationParams,
  VersionParams,
} from "../schema.js";
import { emptyForm, formFromBody, formFromService, inputOf, restoredInput, type ValidIds } from "./form.js";
import { EditPage, ListPage, VersionPage, type ServiceForm, type TranslationDraft } from "./views.js";

const PAGE_SIZE = 50;
/** Suggested texts and version notes are page content: Swedish, whoever writes. */
const sv = sayer(messages, "sv");

export function serviceRoutes(app: TypedApp, ctx: ModuleContext): void {
  const db = ctx.database.db;
  const orgId = ctx.org.id;

  const lookups = async () =>
    Promise.all([
      db.selectFrom("units").select(["id", "name"]).where("org_id", "=", orgId).orderBy("name").execute(),
      db
        .selectFrom("staff_users")
        .select(["id", "name"])
        .where("org_id", "=", orgId)
        .where("active", "=", true)
        .orderBy("name")
        .execute(),
      db.selectFrom("catalogue_services").select(["id", "name"]).where("org_id", "=", orgId).orderBy("name").execute(),
    ]);

  const validIds = async (): Promise<ValidIds> => {
    const [units, staff, services] = await lookups();
    return {
      units: new Set(units.map((u) => u.id)),
      staff: new Set(staff.map((u) => u.id)),
      services: new Set(services.map((s) => s.id)),
    };
  };

  async function renderEdit(
    request: TypedRequest,
    reply: FastifyReply,
    form: ServiceForm,
    opts: {
      id?: string;
      service?: ServicePage;
      errors?: readonly FieldError[];
      notice?: string;
      status?: number;
      translationDraft?: TranslationDraft;
    },
  ) {
    const say = sayer(messages, request.lang);
    const [units, staff, services] = await lookups();
    const [versions, translations] = opts.id
      ? await Promise.all([versionsOf(db, opts.id), translationsOf(db, opts.id)])
      : [[], []];
    const analysis = {
      whatYouGet: form.whatYouGet.trim() ? presentAnalysis(checkText(form.whatYouGet), request.lang) : null,
      easyRead: form.easyRead.trim() ? presentAnalysis(checkText(form.easyRead), request.lang) : null,
    };
    const s = opts.service;
    const reviewDue = s?.review_due ?? false;
    const errors = opts.errors ?? [];
    return sendPage(
      request,
      reply,
      {
        title: opts.id ? form.name || say("edit.title.unnamed") : say("edit.title.new"),
        side: "staff",
        hasErrors: errors.length > 0,
        status: opts.status ?? (errors.length > 0 ? 400 : 200),
        scripts: ["/static/js/klarsprak-editor.js"],
      },
      (page) => (
        <EditPage
          ctx={page}
          id={opts.id}
          form={form}
          errors={errors}
          notice={opts.notice}
          analysis={analysis}
          band={{ band: s?.lix_band ?? null, lix: s?.lix ?? null }}
          units={units}
          staff={staff}
          services={services}
          versions={versions}
          translations={translations}
          reviewDue={reviewDue}
          lastReviewed={s ? new Date(s.last_reviewed_at) : undefined}
          publicHref={s?.published ? `/stod/${s.slug}` : undefined}
          translationDraft={opts.translationDraft}
        />
      ),
    );
  }

  app.get(
    "/arbetsyta/stod",
    { config: { access: "catalogue.viewServices" }, schema: { querystring: StaffListQuery } },
    async (request, reply) => {
      const q = request.query;
      const unit = Uuid.safeParse(q.enhet);
      const filter = {
        enhet: unit.success ? unit.data : "",
        granska: q.granska === "1",
        sok: (q.sok ?? "").trim(),
      };
      const page = q.sida ?? 1;
      const [list, due, units] = await Promise.all([
        staffList(db, orgId, {
          unitId: filter.enhet || undefined,
          due: filter.granska,
          text: filter.sok || undefined,
          page,
          pageSize: PAGE_SIZE,
        }),
        staffList(db, orgId, { due: true, page: 1, pageSize: 1 }),
        db.selectFrom("units").select(["id", "name"]).where("org_id", "=", orgId).orderBy("name").execute(),
      ]);
      return sendPage(request, reply, { title: sayer(messages, request.lang)("title"), side: "staff" }, (p) => (
        <ListPage
          ctx={p}
          rows={list.rows}
          total={list.total}
          page={page}
          pageSize={PAGE_SIZE}
          units={units}
          filter={filter}
          canCreate={ctx.policies.allows(request.user, "catalogue.createService")}
          dueCount={due.total}
        />
      ));
    },
  );

  app.get("/arbetsyta/stod/ny", { config: { access: "catalogue.createService" } }, (request, reply) =>
    renderEdit(request, reply, emptyForm(sv), {}),
  );

  app.post(
    "/arbetsyta/stod/ny",
    { config: { access: "catalogue.createService" }, schema: { body: ServiceBody } },
    async (request, reply) => {
      const form = formFromBody(request.body);
      const say = sayer(messages, request.lang);
      const result = await saveService(db, userActor(request, orgId), orgId, inputOf(form, await validIds()), say);
      if (!result.ok) return renderEdit(request, reply, form, { errors: errorsOf(result) });
      return reply.redirect(`/arbetsyta/stod/${result.value.id}?sparad=1`, 303);
    },
  );

  const loadEditable = async (request: TypedRequest, id: string) => {
    const s = await serviceById(db, orgId, id);
    if (!s) throw new AppError("KS_NOT_FOUND");
    if (!ctx.policies.allows(request.user, "catalogue.editService", s)) throw new AppError("KS_FORBIDDEN");
    return s;
  };

  app.get(
    "/arbetsyta/stod/:id",
    { config: { access: "catalogue.editService" }, schema: { params: ServiceParams, querystring: EditQuery } },
    async (request, reply) => {
      const { id } = request.params;
      const q = request.query;
      const say = sayer(messages, request.lang);
      const s = await loadEditable(request, id);
      const notice = q.sparad
        ? say("edit.saved", { version: s.version })
        : q.granskad
          ? say("edit.markedReviewed")
          : q.sprak
            ? say("edit.translationSaved")
            : undefined;
      return renderEdit(request, reply, formFromService(s, await relatedIds(db, id)), {
        id,
        service: s,
        ...(notice ? { notice } : {}),
      });
    },
  );

  app.post(
    "/arbetsyta/stod/:id",
    { config: { access: "catalogue.editService" }, schema: { params: ServiceParams, body: ServiceBody } },
    async (request, reply) => {
      const { id } = request.params;
      const s = await loadEditable(request, id);
      const form = formFromBody(request.body);
      const expected = /^\d+$/.test(form.version) ? Number(form.version) : undefined;
      const say = sayer(messages, request.lang);
      const input = inputOf(form, await validIds());
      const result = await saveService(db, userActor(request, orgId), orgId, input, say, id, expected);
      if (!result.ok)
        return renderEdit(request, reply, form, { id, service: s, errors: errorsOf(result), status: 400 });
      return reply.redirect(`/arbetsyta/stod/${id}?sparad=1`, 303);
    },
  );

  app.post(
    "/arbetsyta/stod/:id/granskad",
    { config: { access: "catalogue.editService" }, schema: { body: ButtonForm, params: ServiceParams } },
    async (request, reply) => {
      const { id } = request.params;
      await loadEditable(request, id);
      const result = await markReviewed(db, userActor(request, orgId), orgId, id);
      if (!result.ok) throw new AppError("KS_NOT_FOUND");
      return reply.redirect(`/arbetsyta/stod/${id}?granskad=1`, 303);
    },
  );

  app.get(
    "/arbetsyta/stod/:id/version/:version",
    { config: { access: "catalogue.editService" }, schema: { params: VersionParams } },
    async (request, reply) => {
      const { id, version } = request.params;
      await loadEditable(request, id);
      const v = await versionContent(db, id, version);
      if (!v) throw new AppError("KS_NOT_FOUND");
      const title = sayer(messages, request.lang)("version.title", { version });
      return sendPage(request, reply, { title, side: "staff" }, (p) => (
        <VersionPage ctx={p} id={id} version={version} changedAt={new Date(v.changed_at)} content={v.content} />
      ));
    },
  );

  app.post(
    "/arbetsyta/stod/:id/version/:version/aterstall",
    { config: { access: "catalogue.editService" }, schema: { body: ButtonForm, params: VersionParams } },
    async (request, reply) => {
      const { id, version } = request.params;
      const s = await loadEditable(request, id);
      const v = await versionContent(db, id, version);
      if (!v) throw new AppError("KS_NOT_FOUND");
      // The old text comes back as a new version; the versions in between stay in the history.
      const input = restoredInput(v.content, version, await validIds(), sv);
      const say = sayer(messages, request.lang);
      const result = await saveService(db, userActor(request, orgId), orgId, input, say, id, s.version);
      if (!result.ok)
        return renderEdit(request, reply, formFromService(s, await relatedIds(db, id)), {
          id,
          service: s,
          errors: errorsOf(result),
          status: 400,
        });
      return reply.redirect(`/arbetsyta/stod/${id}?sparad=1`, 303);
    },
  );

  app.post(
    "/arbetsyta/stod/:id/sprak",
    { config: { access: "catalogue.editService" }, schema: { params: ServiceParams, body: TranslationBody } },
    async (request, reply) => {
      const { id } = request.params;
      const s = await loadEditable(request, id);
      const b = request.body;
      const draft = { lang: b.lang, name: b.tname, summary: b.tsummary, body: b.tbody };
      const say = sayer(messages, request.lang);
      const result = await saveTranslation(db, userActor(request, orgId), orgId, id, draft, say);
      if (!result.ok)
        return renderEdit(request, reply, formFromService(s, await relatedIds(db, id)), {
          id,
          service: s,
          errors: errorsOf(result),
          status: 400,
          translationDraft: draft,
        });
      return reply.redirect(`/arbetsyta/stod/${id}?sprak=1`, 303);
    },
  );

  app.post(
    "/arbetsyta/stod/:id/sprak/:lang/ta-bort",
    { config: { access: "catalogue.editService" }, schema: { body: ButtonForm, params: TranslationParams } },
    async (request, reply) => {
      const { id, lang } = request.params;
      await loadEditable(request, id);
      await removeTranslation(db, userActor(request, orgId), orgId, id, lang);
      return reply.redirect(`/arbetsyta/stod/${id}`, 303);
    },
  );
}

/** A failed command's field errors, for the form again; forbidden or not found is the error page. */
export function errorsOf(result: Exclude<Result, { ok: true }>): readonly FieldProblem[] {
  if (result.kind === "invalid") return result.errors;
  throw new AppError(result.kind === "forbidden" ? "KS_FORBIDDEN" : "KS_NOT_FOUND");
}
