/** Staff routes of the help catalogue: list, create, edit (new version), review, translations, synonyms. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import { AppError } from "../../../platform/errors.js";
import type { FieldError } from "../../../views/context.js";
import { userActor } from "../../../platform/http/actor.js";
import { checkText, presentAnalysis } from "../../klarsprak/index.js";
import {
  addSynonym,
  markReviewed,
  removeSynonym,
  removeTranslation,
  saveService,
  saveTranslation,
  type ServiceInput,
} from "../commands/save.js";
import {
  relatedIds,
  serviceById,
  staffList,
  translationsOf,
  versionContent,
  versionsOf,
  type ServicePage,
} from "../queries.js";
import { EditPage, ListPage, SynonymsPage, VersionPage, type ServiceForm, type TranslationDraft } from "./views.js";

const PAGE_SIZE = 50;
const ID = z.string().uuid();

type Body = Record<string, string | string[] | undefined>;
const one = (b: Body, k: string): string => {
  const v = b[k];
  return (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).toString();
};
const many = (b: Body, k: string): string[] => {
  const v = b[k];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};

function formFromBody(b: Body): ServiceForm {
  return {
    slug: one(b, "slug").trim(),
    name: one(b, "name"),
    summary: one(b, "summary"),
    forWhom: one(b, "forWhom"),
    whatYouGet: one(b, "whatYouGet"),
    cost: one(b, "cost"),
    access: one(b, "access"),
    phone: one(b, "phone"),
    email: one(b, "email"),
    webForm: one(b, "webForm") === "1",
    address: one(b, "address"),
    openingHours: one(b, "openingHours"),
    accessibility: one(b, "accessibility"),
    languages: one(b, "languages"),
    situations: many(b, "situations"),
    audiences: many(b, "audiences"),
    keywords: one(b, "keywords"),
    easyRead: one(b, "easyRead"),
    unitId: one(b, "unitId"),
    responsibleId: one(b, "responsibleId"),
    reviewMonths: one(b, "reviewMonths"),
    published: one(b, "published") === "1",
    related: many(b, "related"),
    note: one(b, "note"),
    version: one(b, "version"),
  };
}

function formFromService(s: ServicePage, related: readonly string[]): ServiceForm {
  return {
    slug: s.slug,
    name: s.name,
    summary: s.summary,
    forWhom: s.for_whom,
    whatYouGet: s.what_you_get,
    cost: s.cost,
    access: s.access,
    phone: s.phone,
    email: s.email,
    webForm: s.web_form,
    address: s.address,
    openingHours: s.opening_hours,
    accessibility: s.accessibility,
    languages: s.languages.join(", "),
    situations: s.situations,
    audiences: s.audiences,
    keywords: s.keywords,
    easyRead: s.easy_read,
    unitId: s.unit_id ?? "",
    responsibleId: s.responsible_id ?? "",
    reviewMonths: String(s.review_months),
    published: s.published,
    related,
    note: "",
    version: String(s.version),
  };
}

const EMPTY_FORM: ServiceForm = {
  slug: "",
  name: "",
  summary: "",
  forWhom: "",
  whatYouGet: "",
  cost: "Gratis.",
  access: "direct",
  phone: "",
  email: "",
  webForm: true,
  address: "",
  openingHours: "",
  accessibility: "",
  languages: "svenska",
  situations: [],
  audiences: [],
  keywords: "",
  easyRead: "",
  unitId: "",
  responsibleId: "",
  reviewMonths: "12",
  published: false,
  related: [],
  note: "Första versionen",
  version: "",
};

/** A saved version's content as input for a new save; units, people and pages that are gone are left out. */
function restoredInput(
  content: Record<string, unknown>,
  version: number,
  valid: { units: Set<string>; staff: Set<string>; services: Set<string> },
): ServiceInput {
  const str = (k: string) => (typeof content[k] === "string" ? (content[k] as string) : "");
  const list = (k: string) =>
    Array.isArray(content[k]) ? (content[k] as unknown[]).filter((x): x is string => typeof x === "string") : [];
  const unitId = str("unitId");
  const responsibleId = str("responsibleId");
  return {
    slug: str("slug"),
    name: str("name"),
    summary: str("summary"),
    forWhom: str("forWhom"),
    whatYouGet: str("whatYouGet"),
    cost: str("cost"),
    access: str("access"),
    phone: str("phone"),
    email: str("email"),
    webForm: content["webForm"] === true,
    address: str("address"),
    openingHours: str("openingHours"),
    accessibility: str("accessibility"),
    languages: list("languages"),
    situations: list("situations"),
    audiences: list("audiences"),
    keywords: str("keywords"),
    easyRead: str("easyRead"),
    unitId: valid.units.has(unitId) ? unitId : null,
    responsibleId: valid.staff.has(responsibleId) ? responsibleId : null,
    reviewMonths: typeof content["reviewMonths"] === "number" ? (content["reviewMonths"] as number) : 12,
    published: content["published"] !== false,
    related: list("related").filter((r) => valid.services.has(r)),
    note: `Återställd från version ${version}`,
  };
}

export function catalogueStaffRoutes(app: FastifyInstance, ctx: ModuleContext): void {
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

  async function renderEdit(
    request: FastifyRequest,
    reply: FastifyReply,
    form: ServiceForm,
    opts: {
      id?: string;
      service?: ServicePage;
      errors?: FieldError[];
      notice?: string;
      status?: number;
      translationDraft?: TranslationDraft;
    },
  ) {
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
        title: opts.id ? form.name || "Stöd" : "Nytt stöd",
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

  function inputOf(
    form: ServiceForm,
    validIds: { units: Set<string>; staff: Set<string>; services: Set<string> },
  ): ServiceInput {
    const months = /^\d{1,3}$/.test(form.reviewMonths.trim()) ? Number(form.reviewMonths.trim()) : Number.NaN;
    return {
      slug: form.slug,
      name: form.name,
      summary: form.summary,
      forWhom: form.forWhom,
      whatYouGet: form.whatYouGet,
      cost: form.cost,
      access: form.access,
      phone: form.phone,
      email: form.email,
      webForm: form.webForm,
      address: form.address,
      openingHours: form.openingHours,
      accessibility: form.accessibility,
      languages: form.languages
        .split(",")
        .map((l) => l.trim())
        .filter(Boolean),
      situations: form.situations,
      audiences: form.audiences,
      keywords: form.keywords,
      easyRead: form.easyRead,
      unitId: validIds.units.has(form.unitId) ? form.unitId : null,
      responsibleId: validIds.staff.has(form.responsibleId) ? form.responsibleId : null,
      reviewMonths: months,
      published: form.published,
      related: form.related.filter((r) => validIds.services.has(r)),
      note: form.note,
    };
  }

  const validIds = async () => {
    const [units, staff, services] = await lookups();
    return {
      units: new Set(units.map((u) => u.id)),
      staff: new Set(staff.map((u) => u.id)),
      services: new Set(services.map((s) => s.id)),
    };
  };

  app.get(
    "/arbetsyta/stod",
    {
      config: { access: "catalogue.viewServices" },
      schema: {
        querystring: z.object({
          enhet: z.string().max(40).optional(),
          granska: z.string().max(2).optional(),
          sok: z.string().max(100).optional(),
          sida: z.coerce.number().int().min(1).max(10_000).optional(),
        }),
      },
    },
    async (request, reply) => {
      const q = request.query as { enhet?: string; granska?: string; sok?: string; sida?: number };
      const filter = {
        enhet: ID.safeParse(q.enhet).success ? (q.enhet as string) : "",
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
      return sendPage(request, reply, { title: "Stöd och hjälp", side: "staff" }, (p) => (
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
    renderEdit(request, reply, EMPTY_FORM, {}),
  );

  app.post("/arbetsyta/stod/ny", { config: { access: "catalogue.createService" } }, async (request, reply) => {
    const form = formFromBody(request.body as Body);
    const result = await saveService(db, userActor(request, orgId), orgId, inputOf(form, await validIds()));
    if (!result.ok) return renderEdit(request, reply, form, { errors: result.errors });
    return reply.redirect(`/arbetsyta/stod/${result.id}?sparad=1`, 303);
  });

  const loadEditable = async (request: FastifyRequest, id: string) => {
    const s = await serviceById(db, orgId, id);
    if (!s) throw new AppError("KS_NOT_FOUND");
    if (!ctx.policies.allows(request.user, "catalogue.editService", s)) throw new AppError("KS_FORBIDDEN");
    return s;
  };

  app.get(
    "/arbetsyta/stod/:id",
    {
      config: { access: "catalogue.editService" },
      schema: {
        params: z.object({ id: ID }),
        querystring: z.object({
          sparad: z.string().optional(),
          granskad: z.string().optional(),
          sprak: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const q = request.query as { sparad?: string; granskad?: string; sprak?: string };
      const s = await loadEditable(request, id);
      const notice = q.sparad
        ? `Sparat. Det här är version ${s.version}.`
        : q.granskad
          ? "Sidan är markerad som granskad."
          : q.sprak
            ? "Översättningen är sparad."
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
    { config: { access: "catalogue.editService" }, schema: { params: z.object({ id: ID }) } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const s = await loadEditable(request, id);
      const form = formFromBody(request.body as Body);
      const expected = /^\d+$/.test(form.version) ? Number(form.version) : undefined;
      const result = await saveService(
        db,
        userActor(request, orgId),
        orgId,
        inputOf(form, await validIds()),
        id,
        expected,
      );
      if (!result.ok) return renderEdit(request, reply, form, { id, service: s, errors: result.errors, status: 400 });
      return reply.redirect(`/arbetsyta/stod/${id}?sparad=1`, 303);
    },
  );

  app.post(
    "/arbetsyta/stod/:id/granskad",
    { config: { access: "catalogue.editService" }, schema: { params: z.object({ id: ID }) } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      await loadEditable(request, id);
      await markReviewed(db, userActor(request, orgId), orgId, id);
      return reply.redirect(`/arbetsyta/stod/${id}?granskad=1`, 303);
    },
  );

  app.get(
    "/arbetsyta/stod/:id/version/:version",
    {
      config: { access: "catalogue.editService" },
      schema: { params: z.object({ id: ID, version: z.coerce.number().int().min(1).max(1_000_000) }) },
    },
    async (request, reply) => {
      const { id, version } = request.params as { id: string; version: number };
      await loadEditable(request, id);
      const v = await versionContent(db, id, version);
      if (!v) throw new AppError("KS_NOT_FOUND");
      return sendPage(request, reply, { title: `Version ${version}`, side: "staff" }, (p) => (
        <VersionPage ctx={p} id={id} version={version} changedAt={new Date(v.changed_at)} content={v.content} />
      ));
    },
  );

  app.post(
    "/arbetsyta/stod/:id/version/:version/aterstall",
    {
      config: { access: "catalogue.editService" },
      schema: { params: z.object({ id: ID, version: z.coerce.number().int().min(1).max(1_000_000) }) },
    },
    async (request, reply) => {
      const { id, version } = request.params as { id: string; version: number };
      const s = await loadEditable(request, id);
      const v = await versionContent(db, id, version);
      if (!v) throw new AppError("KS_NOT_FOUND");
      // The old text comes back as a new version; the versions in between stay in the history.
      const input = restoredInput(v.content, version, await validIds());
      const result = await saveService(db, userActor(request, orgId), orgId, input, id, s.version);
      if (!result.ok)
        return renderEdit(request, reply, formFromService(s, await relatedIds(db, id)), {
          id,
          service: s,
          errors: result.errors,
          status: 400,
        });
      return reply.redirect(`/arbetsyta/stod/${id}?sparad=1`, 303);
    },
  );

  app.post(
    "/arbetsyta/stod/:id/sprak",
    { config: { access: "catalogue.editService" }, schema: { params: z.object({ id: ID }) } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const s = await loadEditable(request, id);
      const b = request.body as Body;
      const draft = { lang: one(b, "lang"), name: one(b, "tname"), summary: one(b, "tsummary"), body: one(b, "tbody") };
      const result = await saveTranslation(db, userActor(request, orgId), orgId, id, draft);
      if (!result.ok)
        return renderEdit(request, reply, formFromService(s, await relatedIds(db, id)), {
          id,
          service: s,
          errors: result.errors,
          status: 400,
          translationDraft: draft,
        });
      return reply.redirect(`/arbetsyta/stod/${id}?sprak=1`, 303);
    },
  );

  app.post(
    "/arbetsyta/stod/:id/sprak/:lang/ta-bort",
    {
      config: { access: "catalogue.editService" },
      schema: { params: z.object({ id: ID, lang: z.string().regex(/^[a-z]{2,3}$/) }) },
    },
    async (request, reply) => {
      const { id, lang } = request.params as { id: string; lang: string };
      await loadEditable(request, id);
      await removeTranslation(db, userActor(request, orgId), orgId, id, lang);
      return reply.redirect(`/arbetsyta/stod/${id}`, 303);
    },
  );

  const renderSynonyms = async (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldError[] = [],
    notice?: string,
    draft?: { term: string; expansion: string },
  ) => {
    const rows = await db
      .selectFrom("catalogue_synonyms")
      .select(["id", "term", "expansion"])
      .where("org_id", "=", orgId)
      .orderBy("term")
      .execute();
    return sendPage(
      request,
      reply,
      {
        title: "Synonymer i sökningen",
        side: "staff",
        hasErrors: errors.length > 0,
        status: errors.length > 0 ? 400 : 200,
      },
      (p) => <SynonymsPage ctx={p} rows={rows} errors={errors} notice={notice} draft={draft} />,
    );
  };

  app.get(
    "/arbetsyta/admin/synonymer",
    {
      config: { access: "catalogue.manageSynonyms" },
      schema: { querystring: z.object({ klart: z.string().optional() }) },
    },
    (request, reply) =>
      renderSynonyms(
        request,
        reply,
        [],
        (request.query as { klart?: string }).klart ? "Synonymen är sparad." : undefined,
      ),
  );

  app.post("/arbetsyta/admin/synonymer", { config: { access: "catalogue.manageSynonyms" } }, async (request, reply) => {
    const b = request.body as Body;
    const result = await addSynonym(db, userActor(request, orgId), orgId, one(b, "term"), one(b, "expansion"));
    if (!result.ok)
      return renderSynonyms(request, reply, result.errors, undefined, {
        term: one(b, "term"),
        expansion: one(b, "expansion"),
      });
    return reply.redirect("/arbetsyta/admin/synonymer?klart=1", 303);
  });

  app.post(
    "/arbetsyta/admin/synonymer/:id/ta-bort",
    { config: { access: "catalogue.manageSynonyms" }, schema: { params: z.object({ id: ID }) } },
    async (request, reply) => {
      await removeSynonym(db, userActor(request, orgId), orgId, (request.params as { id: string }).id);
      return reply.redirect("/arbetsyta/admin/synonymer", 303);
    },
  );
}
