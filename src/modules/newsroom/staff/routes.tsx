/** Workspace routes for the newsroom. Communicators and admins write; someone else than the writer approves. */
import type { ModuleContext } from "../../../app/module.js";
import { audit } from "../../../platform/audit/audit.js";
import { AppError } from "../../../platform/errors.js";
import { userActor } from "../../../platform/http/actor.js";
import { multipartField, multipartFiles, type MultipartBody } from "../../../platform/http/multipart.js";
import { sendPage } from "../../../platform/http/page.js";
import { sniffType } from "../../../platform/http/sniff.js";
import { IdParams, Uuid, type FastifyReply, type TypedApp, type TypedRequest } from "../../../platform/http/typed.js";
import { sayer } from "../../../platform/i18n/messages.js";
import { invalid, ok, type Result } from "../../../platform/result.js";
import type { FieldError } from "../../../views/context.js";
import { caseByNumber, caseStates, mediaInquiriesByMonth, mediaInquiriesMatching } from "../../inbox/index.js";
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
import {
  createEvent,
  createList,
  importContacts,
  inviteList,
  previewImport,
  saveContact,
  setListMember,
  type ImportPreview,
} from "../media.js";
import { messages, type NewsroomSay } from "../messages.js";
import {
  allContacts,
  contacts,
  coverageFor,
  coveragePerRelease,
  deliverySummary,
  eventDetail,
  events,
  inquiryCaseIds,
  lists,
  monthly,
  PAGE_SIZE,
  releaseDetail,
  staffReleases,
} from "../queries.js";
import {
  ApproveBody,
  ContactBody,
  ContactPersonBody,
  ContactsQuery,
  CoverageBody,
  DoneQuery,
  EventBody,
  EventQuery,
  ImportSaveBody,
  InquiryBody,
  InviteBody,
  ListBody,
  MemberBody,
  MultipartForm,
  NewReleaseBody,
  QuoteBody,
  RemovePartParams,
  StaffImageParams,
  StaffListQuery,
  TextBody,
} from "../schema.js";
import {
  ContactsPage,
  CoveragePage,
  EventDetailPage,
  EventsPage,
  NewsroomMeasuresPage,
  ReleaseEditorPage,
  ReleaseListPage,
  type ContactsDone,
  type EditorState,
} from "./views.js";

const PARTS = {
  citat: "release_quotes",
  kontakt: "release_contacts",
  bild: "release_images",
  dokument: "release_documents",
} as const;
const isUuid = (x: string): boolean => Uuid.safeParse(x).success;

/** What a form posted, as the form shows it again: text fields as written, a list's first value. */
function formValues(body: Readonly<Record<string, unknown>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(body)
      .filter(([k]) => k !== "_csrf")
      .map(([k, v]) => [k, String((Array.isArray(v) ? v[0] : v) ?? "")]),
  );
}

/** A command refused as forbidden or not found: the error page. */
function refuse(kind: "forbidden" | "not_found"): never {
  throw new AppError(kind === "forbidden" ? "KS_FORBIDDEN" : "KS_NOT_FOUND");
}

export function newsroomStaffRoutes(app: TypedApp, ctx: ModuleContext, deps: NewsroomDeps): void {
  const { org } = ctx;
  const db = deps.db;
  const actorOf = (request: TypedRequest) => {
    if (!request.user) throw new AppError("KS_UNAUTHENTICATED");
    return { ...userActor(request, org.id), userId: request.user.id };
  };
  const sayFor = (request: TypedRequest): NewsroomSay => sayer(messages, request.lang);
  const W = { access: "newsroom.write" } as const;

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
  app.post("/arbetsyta/press/:id/granskning", { config: W, schema: { params: IdParams } }, async (request, reply) => {
    const { id } = request.params;
    await mustExist(id);
    const r = await submitForReview(deps, actorOf(request), org.id, id, sayFor(request));
    return answerEditor(request, reply, id, {}, r, "review");
  });
  app.post("/arbetsyta/press/:id/dra-tillbaka", { config: W, schema: { params: IdParams } }, async (request, reply) => {
    const { id } = request.params;
    await mustExist(id);
    const r = await withdrawRelease(deps, actorOf(request), org.id, id, sayFor(request));
    return answerEditor(request, reply, id, {}, r, "withdrawn");
  });
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
    { config: W, schema: { params: RemovePartParams } },
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

  // ---- Contacts, lists, CSV import --------------------------------------------------------------

  const renderContacts = async (
    request: TypedRequest,
    reply: FastifyReply,
    q: { q?: string | undefined; sida?: number | undefined; done?: ContactsDone | undefined },
    extra: {
      errors: readonly FieldError[];
      values: Record<string, string>;
      preview: ImportPreview | null;
      csv: string;
    },
    status = 200,
  ) => {
    const page = q.sida ?? 1;
    const [list, l, everyone] = await Promise.all([
      contacts(db, org.id, page, q.q),
      lists(db, org.id),
      allContacts(db, org.id),
    ]);
    return sendPage(
      request,
      reply,
      { title: sayFor(request)("contacts.pageTitle"), side: "staff", status, hasErrors: extra.errors.length > 0 },
      (p) => (
        <ContactsPage
          ctx={p}
          rows={list.rows}
          total={list.total}
          page={page}
          q={q.q ?? ""}
          lists={l}
          allContacts={everyone.map((c) => ({ value: c.id, label: `${c.name} (${c.email})` }))}
          errors={extra.errors}
          values={extra.values}
          preview={extra.preview}
          previewCsv={extra.csv}
          done={q.done}
        />
      ),
    );
  };
  const none = { errors: [], values: {}, preview: null, csv: "" };
  const contactsDone = (klart: string) => `/arbetsyta/press/kontakter?klart=${klart}`;
  app.get("/arbetsyta/press/kontakter", { config: W, schema: { querystring: ContactsQuery } }, (request, reply) => {
    const { klart, nya, andrade, fel } = request.query;
    const done: ContactsDone | undefined =
      klart === "sparad" || klart === "raderad" || klart === "lista" || klart === "listan-andrad"
        ? { kind: klart }
        : klart === "import"
          ? { kind: "import", created: nya ?? 0, updated: andrade ?? 0, failed: fel ?? 0 }
          : undefined;
    return renderContacts(request, reply, { ...request.query, done }, none);
  });
  app.post("/arbetsyta/press/kontakter", { config: W, schema: { body: ContactBody } }, async (request, reply) => {
    const b = request.body;
    const values = {
      name: b.name,
      email: b.email,
      phone: b.phone,
      outlet: b.outlet,
      beats: b.beats,
      basis: b.basis,
      source: b.source,
    };
    const r = await saveContact(
      deps,
      actorOf(request),
      org.id,
      { ...values, beats: values.beats.split(",") },
      sayFor(request),
    );
    if (!r.ok)
      return r.kind === "invalid"
        ? renderContacts(request, reply, {}, { ...none, errors: r.errors, values }, 400)
        : refuse(r.kind);
    return reply.redirect(contactsDone("sparad"), 303);
  });
  app.post(
    "/arbetsyta/press/kontakter/import",
    { config: W, schema: { body: MultipartForm } },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError("KS_UNSUPPORTED_MEDIA");
      const say = sayFor(request);
      const [f] = multipartFiles(request.body, "csv");
      if (!f)
        return renderContacts(
          request,
          reply,
          {},
          { ...none, errors: [{ field: "csv", message: say("error.csv.choose") }] },
          400,
        );
      const text = (await f.toBuffer()).toString("utf8");
      if (text.includes("\u0000"))
        return renderContacts(
          request,
          reply,
          {},
          { ...none, errors: [{ field: "csv", message: say("error.csv.notCsv") }] },
          400,
        );
      return renderContacts(request, reply, {}, { ...none, preview: previewImport(text, say), csv: text });
    },
  );
  app.post(
    "/arbetsyta/press/kontakter/import/spara",
    { config: W, schema: { body: ImportSaveBody } },
    async (request, reply) => {
      const say = sayFor(request);
      const preview = previewImport(request.body.csv, say);
      if (preview.rows.length === 0)
        return renderContacts(
          request,
          reply,
          {},
          { ...none, preview, errors: [{ field: "csv", message: say("error.csv.noRows") }] },
          400,
        );
      const r = await importContacts(deps, actorOf(request), org.id, preview.rows);
      return reply.redirect(
        `${contactsDone("import")}&nya=${r.created}&andrade=${r.updated}&fel=${preview.errors.length}`,
        303,
      );
    },
  );
  app.post("/arbetsyta/press/listor", { config: W, schema: { body: ListBody } }, async (request, reply) => {
    const { listName } = request.body;
    const r = await createList(deps, actorOf(request), org.id, listName, "", sayFor(request));
    if (!r.ok)
      return r.kind === "invalid"
        ? renderContacts(request, reply, {}, { ...none, errors: r.errors, values: { listName } }, 400)
        : refuse(r.kind);
    return reply.redirect(contactsDone("lista"), 303);
  });
  app.post("/arbetsyta/press/listor/medlem", { config: W, schema: { body: MemberBody } }, async (request, reply) => {
    const { listId, contactId, action } = request.body;
    const say = sayFor(request);
    const r =
      isUuid(listId) && isUuid(contactId)
        ? await setListMember(deps, actorOf(request), org.id, listId, contactId, action !== "remove", say)
        : invalid(isUuid(listId) ? "contactId" : "listId", say("error.chooseInList"));
    if (!r.ok)
      return r.kind === "invalid"
        ? renderContacts(request, reply, {}, { ...none, errors: r.errors }, 400)
        : refuse(r.kind);
    return reply.redirect(contactsDone("listan-andrad"), 303);
  });

  // A contact erased on request (GDPR art. 17): gone from lists, embargoes and invitations; sent mail keeps only the address it went to.
  app.post(
    "/arbetsyta/press/kontakter/:id/radera",
    { config: W, schema: { params: IdParams } },
    async (request, reply) => {
      const { id } = request.params;
      const done = await db.transaction().execute(async (trx) => {
        const c = await trx
          .deleteFrom("media_contacts")
          .where("org_id", "=", org.id)
          .where("id", "=", id)
          .returning("id")
          .executeTakeFirst();
        if (c)
          await audit(trx, actorOf(request), {
            action: "media-contact.erase",
            subjectType: "media_contact",
            subjectId: id,
          });
        return Boolean(c);
      });
      if (!done) throw new AppError("KS_NOT_FOUND");
      return reply.redirect(contactsDone("raderad"), 303);
    },
  );

  // ---- Events and invitations ---------------------------------------------------------------

  const renderEvents = async (
    request: TypedRequest,
    reply: FastifyReply,
    errors: readonly FieldError[],
    values: Record<string, string>,
    status = 200,
  ) => {
    const [e, releases] = await Promise.all([events(db, org.id), staffReleases(db, org.id, "all", 1)]);
    return sendPage(
      request,
      reply,
      { title: sayFor(request)("events.pageTitle"), side: "staff", status, hasErrors: errors.length > 0 },
      (p) => (
        <EventsPage
          ctx={p}
          events={e}
          releases={releases.rows.map((r) => ({ value: r.id, label: r.title }))}
          errors={errors}
          values={values}
        />
      ),
    );
  };
  app.get("/arbetsyta/press/evenemang", { config: W }, (request, reply) => renderEvents(request, reply, [], {}));
  app.post("/arbetsyta/press/evenemang", { config: W, schema: { body: EventBody } }, async (request, reply) => {
    const b = request.body;
    const r = await createEvent(
      deps,
      actorOf(request),
      org.id,
      {
        title: b.eventTitle,
        description: b.description,
        location: b.location,
        date: b.date,
        start: b.start,
        end: b.end,
        releaseId: isUuid(b.releaseId) ? b.releaseId : null,
      },
      sayFor(request),
    );
    if (!r.ok)
      return r.kind === "invalid" ? renderEvents(request, reply, r.errors, formValues(b), 400) : refuse(r.kind);
    return reply.redirect(`/arbetsyta/press/evenemang/${r.value.id}`, 303);
  });
  const renderEvent = async (
    request: TypedRequest,
    reply: FastifyReply,
    id: string,
    invited: number | undefined,
    errors: readonly FieldError[],
    status = 200,
  ) => {
    const d = await eventDetail(db, org.id, id);
    if (!d) throw new AppError("KS_NOT_FOUND");
    const l = await lists(db, org.id);
    return sendPage(
      request,
      reply,
      { title: d.event.title, side: "staff", status, hasErrors: errors.length > 0 },
      (p) => (
        <EventDetailPage
          ctx={p}
          e={d.event}
          invitations={d.invitations}
          lists={l.map((x) => ({ value: x.id, label: x.name, members: x.members }))}
          errors={errors}
          invited={invited}
        />
      ),
    );
  };
  app.get(
    "/arbetsyta/press/evenemang/:id",
    { config: W, schema: { params: IdParams, querystring: EventQuery } },
    (request, reply) =>
      renderEvent(
        request,
        reply,
        request.params.id,
        request.query.klart === "inbjudna" ? (request.query.antal ?? 0) : undefined,
        [],
      ),
  );
  app.post(
    "/arbetsyta/press/evenemang/:id/bjud-in",
    { config: W, schema: { params: IdParams, body: InviteBody } },
    async (request, reply) => {
      const { id } = request.params;
      const { listId } = request.body;
      const say = sayFor(request);
      const r = isUuid(listId)
        ? await inviteList(deps, actorOf(request), org.id, id, listId, say)
        : invalid("listId", say("error.chooseList"));
      if (!r.ok)
        return r.kind === "invalid" ? renderEvent(request, reply, id, undefined, r.errors, 400) : refuse(r.kind);
      return reply.redirect(`/arbetsyta/press/evenemang/${id}?klart=inbjudna&antal=${r.value.invited}`, 303);
    },
  );

  // ---- Coverage and measures ------------------------------------------------------------------

  const renderCoverage = async (
    request: TypedRequest,
    reply: FastifyReply,
    errors: readonly FieldError[],
    values: Record<string, string>,
    status = 200,
  ) => {
    const rows = await coverageFor(db, org.id);
    return sendPage(
      request,
      reply,
      { title: sayFor(request)("coverage.pageTitle"), side: "staff", status, hasErrors: errors.length > 0 },
      (p) => <CoveragePage ctx={p} rows={rows} errors={errors} values={values} />,
    );
  };
  app.get("/arbetsyta/press/bevakning", { config: W }, (request, reply) => renderCoverage(request, reply, [], {}));
  app.post("/arbetsyta/press/bevakning", { config: W, schema: { body: CoverageBody } }, async (request, reply) => {
    const b = request.body;
    const coverage = {
      releaseId: null,
      topic: b.topic,
      outlet: b.outlet,
      date: b.date,
      url: b.url,
      tone: b.tone,
      note: b.note,
    };
    const r = await addCoverage(deps, actorOf(request), org.id, coverage, sayFor(request));
    if (!r.ok)
      return r.kind === "invalid" ? renderCoverage(request, reply, r.errors, formValues(b), 400) : refuse(r.kind);
    return reply.redirect("/arbetsyta/press/bevakning", 303);
  });

  app.get("/arbetsyta/press/matt", { config: { access: "newsroom.measures" } }, async (request, reply) => {
    const [months, perRelease, inquiries] = await Promise.all([
      monthly(db, org.id),
      coveragePerRelease(db, org.id),
      mediaInquiriesByMonth(db, org.id),
    ]);
    return sendPage(request, reply, { title: sayFor(request)("measures.title"), side: "staff" }, (p) => (
      <NewsroomMeasuresPage ctx={p} months={months} perRelease={perRelease} inquiries={inquiries} />
    ));
  });
}
