/** Staff routes for releases: the list, the editor with its parts, review, approval, uploads. */
import type { ModuleContext } from "../../../app/module.js";
import { AppError } from "../../../platform/errors.js";
import { multipartField, multipartFiles, type MultipartBody } from "../../../platform/http/multipart.js";
import { sendPage } from "../../../platform/http/page.js";
import { sniffType } from "../../../platform/http/sniff.js";
import {
  IdParams,
  type FastifyReply,
  type TypedApp,
  type TypedRequest,
  ButtonForm,
} from "../../../platform/http/typed.js";
import { invalid, ok, type Result } from "../../../platform/result.js";
import type { FieldError } from "../../../views/context.js";
import { caseByNumber, caseStates, mediaInquiriesMatching } from "../../inbox/index.js";
import { checkText, presentAnalysis } from "../../klarsprak/index.js";
import {
  addContactPerson,
  addCoverage,
  addDocument,
  addImage,
  addQuote,
  approveRelease,
  createRelease,
  isPublic,
  languageCheck,
  linkInquiry,
  removePart,
  saveText,
  submitForReview,
  withdrawRelease,
  type NewsroomDeps,
} from "../commands.js";
import { type NewsroomSay } from "../messages.js";
import {
  allContacts,
  coverageFor,
  deliverySummary,
  inquiryCaseIds,
  lists,
  PAGE_SIZE,
  releaseDetail,
  staffReleases,
} from "../queries.js";
import {
  ApproveBody,
  ContactPersonBody,
  CoverageBody,
  DoneQuery,
  InquiryBody,
  MultipartForm,
  NewReleaseBody,
  QuoteBody,
  RemovePartParams,
  StaffImageParams,
  StaffListQuery,
  TextBody,
} from "../schema.js";
import { ReleaseEditorPage, ReleaseListPage, type EditorState } from "./views.js";
import { formValues, isUuid, refuse, staffKit } from "./shared.js";

const PARTS = {
  citat: "release_quotes",
  kontakt: "release_contacts",
  bild: "release_images",
  dokument: "release_documents",
} as const;

export function releaseRoutes(app: TypedApp, ctx: ModuleContext, deps: NewsroomDeps): void {
  const { org, db, actorOf, sayFor, W } = staffKit(ctx, deps);

  // ---- Releases ------------------------------------------------------------------------------

  const renderList = async (
    request: TypedRequest,
    reply: FastifyReply,
    q: { vy?: "all" | "draft" | "review" | "scheduled" | "published" | undefined; sida?: number | undefined },
    errors: readonly FieldError[],
    status = 200,
  ) => {
    const view = q.vy ?? "all";
    const page = q.sida ?? 1;
    const list = await staffReleases(db, org.id, view, page);
    return sendPage(
      request,
      reply,
      { title: sayFor(request)("staff.title"), side: "staff", status, hasErrors: errors.length > 0 },
      (p) => (
        <ReleaseListPage
          ctx={p}
          view={view}
          rows={list.rows}
          total={list.total}
          page={page}
          pageSize={PAGE_SIZE}
          errors={errors}
        />
      ),
    );
  };
  app.get("/arbetsyta/press", { config: W, schema: { querystring: StaffListQuery } }, (request, reply) =>
    renderList(request, reply, request.query, []),
  );
  app.post("/arbetsyta/press", { config: W, schema: { body: NewReleaseBody } }, async (request, reply) => {
    const b = request.body;
    const r = await createRelease(deps, actorOf(request), org.id, { title: b.title, kind: b.kind }, sayFor(request));
    if (!r.ok) return r.kind === "invalid" ? renderList(request, reply, {}, r.errors, 400) : refuse(r.kind);
    return reply.redirect(`/arbetsyta/press/${r.value.id}`, 303);
  });

  const renderEditor = async (
    request: TypedRequest,
    reply: FastifyReply,
    id: string,
    state: EditorState,
    status = 200,
  ) => {
    const r = await releaseDetail(db, org.id, { id });
    if (!r) throw new AppError("KS_NOT_FOUND");
    const say = sayFor(request);
    const user = request.user;
    const [units, listRows, contactRows, deliveries, caseIds, cov] = await Promise.all([
      db.selectFrom("units").select(["id", "name"]).where("org_id", "=", org.id).orderBy("name").execute(),
      lists(db, org.id),
      allContacts(db, org.id),
      deliverySummary(db, r.id),
      inquiryCaseIds(db, r.id),
      coverageFor(db, org.id, r.id),
    ]);
    const inquiries = await caseStates(db, org.id, caseIds);
    // Media inquiries since the release was written that share its words, not linked yet.
    const suggested = (
      await mediaInquiriesMatching(
        db,
        org.id,
        `${r.title} ${r.lead}`,
        new Date((r.publishAt ?? r.updatedAt).getTime() - 14 * 86_400_000),
      )
    ).filter((c) => !caseIds.includes(c.id));
    const check = languageCheck({ title: r.title, lead: r.lead, body_md: r.bodyMd });
    const body = state.values["body"] ?? r.bodyMd;
    const analysis =
      state.analysis ?? (body.trim() ? presentAnalysis(checkText(body, "markdown"), request.lang) : null);
    const own = user && (r.submittedBy === user.id || r.createdBy === user.id);
    return sendPage(
      request,
      reply,
      {
        title: r.title,
        side: "staff",
        status,
        hasErrors: state.errors.length > 0,
        scripts: ["/static/js/klarsprak-editor.js"],
      },
      (p) => (
        <ReleaseEditorPage
          ctx={p}
          r={r}
          state={{ ...state, analysis }}
          units={units.map((u) => ({ value: u.id, label: u.name }))}
          lists={listRows.map((l) => ({ value: l.id, label: l.name, members: l.members }))}
          contacts={contactRows.map((c) => ({ value: c.id, label: `${c.name}${c.outlet ? `, ${c.outlet}` : ""}` }))}
          isPublic={isPublic({ status: r.status, publish_at: r.publishAt })}
          approveBlockedReason={own ? say("editor.approveBlocked") : null}
          languageErrors={check.errors}
          languageWarnings={r.status === "in_review" ? check.warnings : []}
          deliveries={deliveries}
          inquiries={inquiries}
          suggestedInquiries={suggested}
          coverage={cov}
        />
      ),
    );
  };
  app.get(
    "/arbetsyta/press/:id",
    { config: W, schema: { params: IdParams, querystring: DoneQuery } },
    (request, reply) =>
      renderEditor(request, reply, request.params.id, {
        errors: [],
        values: {},
        analysis: null,
        done: request.query.klart,
      }),
  );

  /** A release's editor answers a form post: done → back to the editor; invalid → the editor with what was written. */
  const answerEditor = async (
    request: TypedRequest,
    reply: FastifyReply,
    id: string,
    body: Readonly<Record<string, unknown>>,
    r: Result<unknown> & { readonly pastTime?: true },
    done: string,
  ) => {
    if (r.ok) return reply.redirect(`/arbetsyta/press/${id}?klart=${done}`, 303);
    if (r.kind !== "invalid") return refuse(r.kind);
    const state = { errors: r.errors, values: formValues(body), analysis: null, pastTime: r.pastTime === true };
    return renderEditor(request, reply, id, state, 400);
  };
  const mustExist = async (id: string) => {
    if (!(await releaseDetail(db, org.id, { id }))) throw new AppError("KS_NOT_FOUND");
  };

  app.post(
    "/arbetsyta/press/:id/text",
    { config: W, schema: { params: IdParams, body: TextBody } },
    async (request, reply) => {
      const { id } = request.params;
      await mustExist(id);
      const b = request.body;
      const r = await saveText(
        deps,
        actorOf(request),
        org.id,
        id,
        {
          title: b.title,
          lead: b.lead,
          body: b.body,
          topic: b.topic,
          kind: b.kind,
          correction: b.correction,
          unitId: isUuid(b.unitId) ? b.unitId : null,
        },
        sayFor(request),
      );
      return answerEditor(request, reply, id, b, r, r.ok && r.value.corrected ? "correction" : "text");
    },
  );
  app.post(
    "/arbetsyta/press/:id/citat",
    { config: W, schema: { params: IdParams, body: QuoteBody } },
    async (request, reply) => {
      const { id } = request.params;
      await mustExist(id);
      const b = request.body;
      const quote = { quote: b.quote, person: b.person, title: b.personTitle };
      const r = await addQuote(deps, actorOf(request), org.id, id, quote, sayFor(request));
      return answerEditor(request, reply, id, b, r, "part");
    },
  );
  app.post(
    "/arbetsyta/press/:id/kontaktperson",
    { config: W, schema: { params: IdParams, body: ContactPersonBody } },
    async (request, reply) => {
      const { id } = request.params;
      await mustExist(id);
      const b = request.body;
      const person = { name: b.contactName, role: b.contactRole, phone: b.contactPhone, email: b.contactEmail };
      const r = await addContactPerson(deps, actorOf(request), org.id, id, person, sayFor(request));
      return answerEditor(request, reply, id, b, r, "part");
    },
  );
  app.post(
    "/arbetsyta/press/:id/granskning",
    { config: W, schema: { body: ButtonForm, params: IdParams } },
    async (request, reply) => {
      const { id } = request.params;
      await mustExist(id);
      const r = await submitForReview(deps, actorOf(request), org.id, id, sayFor(request));
      return answerEditor(request, reply, id, {}, r, "review");
    },
  );
  app.post(
    "/arbetsyta/press/:id/dra-tillbaka",
    { config: W, schema: { body: ButtonForm, params: IdParams } },
    async (request, reply) => {
      const { id } = request.params;
      await mustExist(id);
      const r = await withdrawRelease(deps, actorOf(request), org.id, id, sayFor(request));
      return answerEditor(request, reply, id, {}, r, "withdrawn");
    },
  );
  app.post(
    "/arbetsyta/press/:id/godkann",
    { config: { access: "newsroom.approve" }, schema: { params: IdParams, body: ApproveBody } },
    async (request, reply) => {
      const { id } = request.params;
      await mustExist(id);
      const b = request.body;
      const r = await approveRelease(
        deps,
        actorOf(request),
        org.id,
        id,
        {
          mode: b.mode === "scheduled" || b.mode === "embargo" ? b.mode : "now",
          at: b.publishAt,
          confirmPast: b.confirmPast === "1",
          listIds: b.listIds.filter(isUuid),
          toSubscribers: b.toSubscribers === "1",
          embargoContactIds: b.embargoContactIds.filter(isUuid),
        },
        sayFor(request),
      );
      return answerEditor(request, reply, id, b, r, "approved");
    },
  );
  app.post(
    "/arbetsyta/press/:id/fraga",
    { config: W, schema: { params: IdParams, body: InquiryBody } },
    async (request, reply) => {
      const { id } = request.params;
      await mustExist(id);
      const b = request.body;
      const c = await caseByNumber(db, org.id, b.caseNumber);
      if (c) await linkInquiry(deps, actorOf(request), org.id, id, c.id);
      const r = c ? ok() : invalid("caseNumber", sayFor(request)("error.noCase"));
      return answerEditor(request, reply, id, b, r, "inquiry");
    },
  );
  app.post(
    "/arbetsyta/press/:id/bevakning",
    { config: W, schema: { params: IdParams, body: CoverageBody } },
    async (request, reply) => {
      const { id } = request.params;
      await mustExist(id);
      const b = request.body;
      const coverage = {
        releaseId: id,
        topic: "",
        outlet: b.outlet,
        date: b.date,
        url: b.url,
        tone: b.tone,
        note: b.note,
      };
      const r = await addCoverage(deps, actorOf(request), org.id, coverage, sayFor(request));
      return answerEditor(request, reply, id, b, r, "coverage");
    },
  );

  app.post(
    "/arbetsyta/press/:id/ta-bort/:part/:partId",
    { config: W, schema: { body: ButtonForm, params: RemovePartParams } },
    async (request, reply) => {
      const { id, part, partId } = request.params;
      await removePart(deps, actorOf(request), org.id, id, PARTS[part], partId);
      return reply.redirect(`/arbetsyta/press/${id}?klart=part`, 303);
    },
  );

  /** Uploads on the editor (multipart): an image with its alt text, or a document. */
  const upload = (
    path: string,
    field: string,
    run: (
      request: TypedRequest,
      id: string,
      body: MultipartBody,
      file: { filename: string; data: Buffer } | undefined,
      say: NewsroomSay,
    ) => Promise<Result<unknown>>,
  ) => {
    app.post(
      `/arbetsyta/press/:id/${path}`,
      { config: W, schema: { params: IdParams, body: MultipartForm } },
      async (request, reply) => {
        if (!request.isMultipart()) throw new AppError("KS_UNSUPPORTED_MEDIA");
        const { id } = request.params;
        const body = request.body;
        const [f] = multipartFiles(body, field);
        const file = f ? { filename: f.filename, data: await f.toBuffer() } : undefined;
        const r = await run(request, id, body, file, sayFor(request));
        if (r.ok) return reply.redirect(`/arbetsyta/press/${id}?klart=part`, 303);
        if (r.kind !== "invalid") return refuse(r.kind);
        const values = Object.fromEntries(
          ["alt", "caption", "photographer", "documentTitle"].map((k) => [k, multipartField(body, k)]),
        );
        return renderEditor(request, reply, id, { errors: r.errors, values, analysis: null }, 400);
      },
    );
  };
  upload("bild", "image", async (request, id, body, file, say) => {
    if (!file) return invalid("image", say("error.chooseImage"));
    const image = {
      data: file.data,
      alt: multipartField(body, "alt"),
      caption: multipartField(body, "caption"),
      photographer: multipartField(body, "photographer"),
    };
    return addImage(deps, actorOf(request), org.id, id, image, say);
  });
  upload("dokument", "document", async (request, id, body, file, say) => {
    if (!file) return invalid("document", say("error.chooseFile"));
    const type = sniffType(file.data);
    if (type !== "application/pdf" && type !== "image/jpeg" && type !== "image/png")
      return invalid("document", say("error.fileType", { filename: file.filename }));
    const document = {
      kind: multipartField(body, "documentKind"),
      title: multipartField(body, "documentTitle"),
      filename: file.filename,
      contentType: type,
      data: file.data,
    };
    return addDocument(deps, actorOf(request), org.id, id, document, say);
  });

  app.get(
    "/arbetsyta/press/:id/bild/:imageId/:file",
    { config: W, schema: { params: StaffImageParams } },
    async (request, reply) => {
      const { id, imageId, file } = request.params;
      const s = await db
        .selectFrom("release_image_sizes as s")
        .innerJoin("release_images as i", "i.id", "s.image_id")
        .select("s.data")
        .where("i.org_id", "=", org.id)
        .where("i.release_id", "=", id)
        .where("s.image_id", "=", imageId)
        .where("s.width", "=", Number(file.slice(0, -4)))
        .executeTakeFirst();
      if (!s) throw new AppError("KS_NOT_FOUND");
      return reply.type("image/jpeg").header("cache-control", "private, no-store").send(s.data);
    },
  );
}
