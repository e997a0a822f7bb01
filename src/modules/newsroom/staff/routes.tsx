/** Workspace routes for the newsroom. Communicators and admins write; someone else than the writer approves. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import { audit } from "../../../platform/audit/audit.js";
import { AppError } from "../../../platform/errors.js";
import { multipartField, multipartFiles, type MultipartBody } from "../../../platform/http/multipart.js";
import type { FieldError } from "../../../views/context.js";
import { userActor } from "../../../platform/http/actor.js";
import { caseByNumber, caseStates, mediaInquiriesByMonth, mediaInquiriesMatching } from "../../inbox/index.js";
import { sniffType } from "../../../platform/http/sniff.js";
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
  ContactsPage,
  CoveragePage,
  EventDetailPage,
  EventsPage,
  NewsroomMeasuresPage,
  ReleaseEditorPage,
  ReleaseListPage,
  type EditorState,
} from "./views.js";

type Body = Record<string, string | string[] | undefined>;
const one = (b: Body, k: string): string => {
  const v = b[k];
  return (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).toString();
};
const many = (b: Body, k: string): string[] => {
  const v = b[k];
  return (Array.isArray(v) ? v : v ? [v] : []).map(String);
};
const ID = z.object({ id: z.string().uuid() });
const PARTS = {
  citat: "release_quotes",
  kontakt: "release_contacts",
  bild: "release_images",
  dokument: "release_documents",
} as const;

export function newsroomStaffRoutes(app: FastifyInstance, ctx: ModuleContext, deps: NewsroomDeps): void {
  const { org } = ctx;
  const db = deps.db;
  const actorOf = (request: FastifyRequest) => {
    if (!request.user) throw new AppError("KS_UNAUTHENTICATED");
    return { ...userActor(request, org.id), userId: request.user.id };
  };
  const W = { access: "newsroom.write" } as const;

  // ---- Releases ------------------------------------------------------------------------------

  const LIST_QUERY = z.object({
    vy: z.enum(["all", "draft", "review", "scheduled", "published"]).optional(),
    sida: z.coerce.number().int().min(1).max(10_000).optional(),
  });
  const renderList = async (request: FastifyRequest, reply: FastifyReply, errors: FieldError[], status = 200) => {
    const q = (request.query ?? {}) as z.infer<typeof LIST_QUERY>;
    const view = q.vy ?? "all";
    const page = q.sida ?? 1;
    const list = await staffReleases(db, org.id, view, page);
    return sendPage(request, reply, { title: "Pressrum", side: "staff", status, hasErrors: errors.length > 0 }, (p) => (
      <ReleaseListPage
        ctx={p}
        view={view}
        rows={list.rows}
        total={list.total}
        page={page}
        pageSize={PAGE_SIZE}
        errors={errors}
      />
    ));
  };
  app.get("/arbetsyta/press", { config: W, schema: { querystring: LIST_QUERY } }, (request, reply) =>
    renderList(request, reply, []),
  );
  app.post("/arbetsyta/press", { config: W }, async (request, reply) => {
    const b = request.body as Body;
    const r = await createRelease(deps, actorOf(request), org.id, { title: one(b, "title"), kind: one(b, "kind") });
    if (!r.ok) return renderList(request, reply, r.problems, 400);
    return reply.redirect(`/arbetsyta/press/${r.value.id}`, 303);
  });

  const renderEditor = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    state: EditorState,
    status = 200,
  ) => {
    const r = await releaseDetail(db, org.id, { id });
    if (!r) throw new AppError("KS_NOT_FOUND");
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
          approveBlockedReason={own ? "Du har skrivit pressmeddelandet. Någon annan måste godkänna det." : null}
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
  const DONE = z.object({ klart: z.string().max(20).optional() });
  app.get("/arbetsyta/press/:id", { config: W, schema: { params: ID, querystring: DONE } }, (request, reply) =>
    renderEditor(request, reply, (request.params as { id: string }).id, {
      errors: [],
      values: {},
      analysis: null,
      done: (request.query as { klart?: string }).klart,
    }),
  );

  /** A form post on the editor: on problems the page comes back with what was written. */
  const editorPost = (
    path: string,
    policy: string,
    run: (
      request: FastifyRequest,
      id: string,
      b: Body,
    ) => Promise<{ ok: true; done?: string } | { ok: false; problems: FieldError[]; pastTime?: boolean }>,
  ) => {
    app.post(
      `/arbetsyta/press/:id/${path}`,
      { config: { access: policy }, schema: { params: ID } },
      async (request, reply) => {
        const { id } = request.params as { id: string };
        if (!(await releaseDetail(db, org.id, { id }))) throw new AppError("KS_NOT_FOUND");
        const b = (request.body ?? {}) as Body;
        const r = await run(request, id, b);
        if (!r.ok) {
          const values = Object.fromEntries(
            Object.keys(b)
              .filter((k) => k !== "_csrf")
              .map((k) => [k, one(b, k)]),
          );
          return renderEditor(
            request,
            reply,
            id,
            { errors: r.problems, values, analysis: null, pastTime: r.pastTime === true },
            400,
          );
        }
        return reply.redirect(`/arbetsyta/press/${id}?klart=${r.done ?? "part"}`, 303);
      },
    );
  };
  const done = <T,>(r: { ok: true; value: T } | { ok: false; problems: FieldError[] }, what: string) =>
    r.ok ? { ok: true as const, done: what } : r;

  editorPost("text", "newsroom.write", async (request, id, b) => {
    const unitId = one(b, "unitId");
    const r = await saveText(deps, actorOf(request), org.id, id, {
      title: one(b, "title"),
      lead: one(b, "lead"),
      body: one(b, "body"),
      topic: one(b, "topic"),
      kind: one(b, "kind"),
      correction: one(b, "correction"),
      unitId: /^[0-9a-f-]{36}$/.test(unitId) ? unitId : null,
    });
    return r.ok ? { ok: true, done: r.value.corrected ? "correction" : "text" } : r;
  });
  editorPost("citat", "newsroom.write", async (request, id, b) =>
    done(
      await addQuote(deps, actorOf(request), org.id, id, {
        quote: one(b, "quote"),
        person: one(b, "person"),
        title: one(b, "personTitle"),
      }),
      "part",
    ),
  );
  editorPost("kontaktperson", "newsroom.write", async (request, id, b) =>
    done(
      await addContactPerson(deps, actorOf(request), org.id, id, {
        name: one(b, "contactName"),
        role: one(b, "contactRole"),
        phone: one(b, "contactPhone"),
        email: one(b, "contactEmail"),
      }),
      "part",
    ),
  );
  editorPost("granskning", "newsroom.write", async (request, id) =>
    done(await submitForReview(deps, actorOf(request), org.id, id), "review"),
  );
  editorPost("dra-tillbaka", "newsroom.write", async (request, id) =>
    done(await withdrawRelease(deps, actorOf(request), org.id, id), "withdrawn"),
  );
  editorPost("godkann", "newsroom.approve", async (request, id, b) => {
    const mode = one(b, "mode");
    const r = await approveRelease(deps, actorOf(request), org.id, id, {
      mode: mode === "scheduled" || mode === "embargo" ? mode : "now",
      at: one(b, "publishAt"),
      confirmPast: one(b, "confirmPast") === "1",
      listIds: many(b, "listIds").filter((x) => /^[0-9a-f-]{36}$/.test(x)),
      toSubscribers: one(b, "toSubscribers") === "1",
      embargoContactIds: many(b, "embargoContactIds").filter((x) => /^[0-9a-f-]{36}$/.test(x)),
    });
    if (r.ok) return { ok: true, done: "approved" };
    return { ok: false, problems: r.problems, pastTime: "pastTime" in r };
  });
  editorPost("fraga", "newsroom.write", async (request, id, b) => {
    const c = await caseByNumber(db, org.id, one(b, "caseNumber"));
    if (!c) return { ok: false, problems: [{ field: "caseNumber", message: "Det finns inget ärende med det numret" }] };
    await linkInquiry(deps, actorOf(request), org.id, id, c.id);
    return { ok: true, done: "inquiry" };
  });
  editorPost("bevakning", "newsroom.write", async (request, id, b) =>
    done(
      await addCoverage(deps, actorOf(request), org.id, {
        releaseId: id,
        topic: "",
        outlet: one(b, "outlet"),
        date: one(b, "date"),
        url: one(b, "url"),
        tone: one(b, "tone"),
        note: one(b, "note"),
      }),
      "coverage",
    ),
  );

  app.post(
    "/arbetsyta/press/:id/ta-bort/:part/:partId",
    {
      config: W,
      schema: {
        params: z.object({
          id: z.string().uuid(),
          part: z.enum(["citat", "kontakt", "bild", "dokument"]),
          partId: z.string().uuid(),
        }),
      },
    },
    async (request, reply) => {
      const { id, part, partId } = request.params as { id: string; part: keyof typeof PARTS; partId: string };
      await removePart(deps, actorOf(request), org.id, id, PARTS[part], partId);
      return reply.redirect(`/arbetsyta/press/${id}?klart=part`, 303);
    },
  );

  /** Uploads on the editor (multipart): an image with its alt text, or a document. */
  const upload = (
    path: string,
    field: string,
    run: (
      request: FastifyRequest,
      id: string,
      body: MultipartBody,
      file: { filename: string; data: Buffer } | undefined,
    ) => Promise<{ ok: true } | { ok: false; problems: FieldError[] }>,
  ) => {
    app.post(`/arbetsyta/press/:id/${path}`, { config: W, schema: { params: ID } }, async (request, reply) => {
      if (!request.isMultipart()) throw new AppError("KS_UNSUPPORTED_MEDIA");
      const { id } = request.params as { id: string };
      const body = request.body as MultipartBody;
      const [f] = multipartFiles(body, field);
      const r = await run(request, id, body, f ? { filename: f.filename, data: await f.toBuffer() } : undefined);
      if (!r.ok) {
        const values = Object.fromEntries(
          ["alt", "caption", "photographer", "documentTitle"].map((k) => [k, multipartField(body, k)]),
        );
        return renderEditor(request, reply, id, { errors: r.problems, values, analysis: null }, 400);
      }
      return reply.redirect(`/arbetsyta/press/${id}?klart=part`, 303);
    });
  };
  upload("bild", "image", async (request, id, body, file) => {
    if (!file) return { ok: false, problems: [{ field: "image", message: "Välj en bild" }] };
    return addImage(deps, actorOf(request), org.id, id, {
      data: file.data,
      alt: multipartField(body, "alt"),
      caption: multipartField(body, "caption"),
      photographer: multipartField(body, "photographer"),
    });
  });
  upload("dokument", "document", async (request, id, body, file) => {
    if (!file) return { ok: false, problems: [{ field: "document", message: "Välj en fil" }] };
    const type = sniffType(file.data);
    if (type !== "application/pdf" && type !== "image/jpeg" && type !== "image/png")
      return {
        ok: false,
        problems: [
          { field: "document", message: `Filen ${file.filename} går inte att ta emot. Skicka pdf, jpg eller png.` },
        ],
      };
    return addDocument(deps, actorOf(request), org.id, id, {
      kind: multipartField(body, "documentKind"),
      title: multipartField(body, "documentTitle"),
      filename: file.filename,
      contentType: type,
      data: file.data,
    });
  });

  app.get(
    "/arbetsyta/press/:id/bild/:imageId/:file",
    {
      config: W,
      schema: {
        params: z.object({
          id: z.string().uuid(),
          imageId: z.string().uuid(),
          file: z.string().regex(/^\d{2,4}\.jpg$/),
        }),
      },
    },
    async (request, reply) => {
      const { id, imageId, file } = request.params as { id: string; imageId: string; file: string };
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

  const CONTACTS_QUERY = z.object({
    q: z.string().max(200).optional(),
    sida: z.coerce.number().int().min(1).max(10_000).optional(),
    klart: z.string().max(200).optional(),
  });
  const renderContacts = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { errors: FieldError[]; values: Record<string, string>; preview: ImportPreview | null; csv: string },
    status = 200,
  ) => {
    const q = (request.query ?? {}) as z.infer<typeof CONTACTS_QUERY>;
    const page = q.sida ?? 1;
    const [list, l, everyone] = await Promise.all([
      contacts(db, org.id, page, q.q),
      lists(db, org.id),
      allContacts(db, org.id),
    ]);
    return sendPage(
      request,
      reply,
      { title: "Mediekontakter", side: "staff", status, hasErrors: extra.errors.length > 0 },
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
          done={q.klart}
        />
      ),
    );
  };
  const none = { errors: [], values: {}, preview: null, csv: "" };
  app.get("/arbetsyta/press/kontakter", { config: W, schema: { querystring: CONTACTS_QUERY } }, (request, reply) =>
    renderContacts(request, reply, none),
  );
  app.post("/arbetsyta/press/kontakter", { config: W }, async (request, reply) => {
    const b = request.body as Body;
    const values = {
      name: one(b, "name"),
      email: one(b, "email"),
      phone: one(b, "phone"),
      outlet: one(b, "outlet"),
      beats: one(b, "beats"),
      basis: one(b, "basis"),
      source: one(b, "source"),
    };
    const r = await saveContact(deps, actorOf(request), org.id, { ...values, beats: values.beats.split(",") });
    if (!r.ok) return renderContacts(request, reply, { ...none, errors: r.problems, values }, 400);
    return reply.redirect(`/arbetsyta/press/kontakter?klart=${encodeURIComponent("Kontakten är sparad.")}`, 303);
  });
  app.post("/arbetsyta/press/kontakter/import", { config: W }, async (request, reply) => {
    if (!request.isMultipart()) throw new AppError("KS_UNSUPPORTED_MEDIA");
    const [f] = multipartFiles(request.body as MultipartBody, "csv");
    if (!f)
      return renderContacts(request, reply, { ...none, errors: [{ field: "csv", message: "Välj en CSV-fil" }] }, 400);
    const text = (await f.toBuffer()).toString("utf8");
    if (text.includes("\u0000"))
      return renderContacts(
        request,
        reply,
        {
          ...none,
          errors: [{ field: "csv", message: "Filen är ingen CSV-fil. Spara den som CSV (UTF-8) och försök igen." }],
        },
        400,
      );
    return renderContacts(request, reply, { ...none, preview: previewImport(text), csv: text });
  });
  app.post("/arbetsyta/press/kontakter/import/spara", { config: W }, async (request, reply) => {
    const preview = previewImport(one(request.body as Body, "csv"));
    if (preview.rows.length === 0)
      return renderContacts(
        request,
        reply,
        { ...none, preview, errors: [{ field: "csv", message: "Det finns inga rader att importera" }] },
        400,
      );
    const r = await importContacts(deps, actorOf(request), org.id, preview.rows);
    const msg = `${r.created} nya kontakter och ${r.updated} ändrade.${preview.errors.length > 0 ? ` ${preview.errors.length} rader med fel importerades inte.` : ""}`;
    return reply.redirect(`/arbetsyta/press/kontakter?klart=${encodeURIComponent(msg)}`, 303);
  });
  app.post("/arbetsyta/press/listor", { config: W }, async (request, reply) => {
    const b = request.body as Body;
    const r = await createList(deps, actorOf(request), org.id, one(b, "listName"), "");
    if (!r.ok)
      return renderContacts(
        request,
        reply,
        { ...none, errors: r.problems, values: { listName: one(b, "listName") } },
        400,
      );
    return reply.redirect(`/arbetsyta/press/kontakter?klart=${encodeURIComponent("Listan är skapad.")}`, 303);
  });
  app.post("/arbetsyta/press/listor/medlem", { config: W }, async (request, reply) => {
    const b = request.body as Body;
    const valid = (x: string) => /^[0-9a-f-]{36}$/.test(x);
    const listId = one(b, "listId");
    const contactId = one(b, "contactId");
    if (!valid(listId) || !valid(contactId))
      return renderContacts(
        request,
        reply,
        { ...none, errors: [{ field: valid(listId) ? "contactId" : "listId", message: "Välj i listan" }] },
        400,
      );
    const r = await setListMember(deps, actorOf(request), org.id, listId, contactId, one(b, "action") !== "remove");
    if (!r.ok) return renderContacts(request, reply, { ...none, errors: r.problems }, 400);
    return reply.redirect(`/arbetsyta/press/kontakter?klart=${encodeURIComponent("Listan är ändrad.")}`, 303);
  });

  // A contact erased on request (GDPR art. 17): gone from lists, embargoes and invitations; sent mail keeps only the address it went to.
  app.post("/arbetsyta/press/kontakter/:id/radera", { config: W, schema: { params: ID } }, async (request, reply) => {
    const { id } = request.params as { id: string };
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
    return reply.redirect(`/arbetsyta/press/kontakter?klart=${encodeURIComponent("Kontakten är raderad.")}`, 303);
  });

  // ---- Events and invitations ---------------------------------------------------------------

  const renderEvents = async (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldError[],
    values: Record<string, string>,
    status = 200,
  ) => {
    const [e, releases] = await Promise.all([events(db, org.id), staffReleases(db, org.id, "all", 1)]);
    return sendPage(
      request,
      reply,
      { title: "Evenemang", side: "staff", status, hasErrors: errors.length > 0 },
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
  app.post("/arbetsyta/press/evenemang", { config: W }, async (request, reply) => {
    const b = request.body as Body;
    const values = Object.fromEntries(
      ["eventTitle", "description", "location", "date", "start", "end", "releaseId"].map((k) => [k, one(b, k)]),
    );
    const releaseId = values["releaseId"] ?? "";
    const r = await createEvent(deps, actorOf(request), org.id, {
      title: values["eventTitle"] ?? "",
      description: values["description"] ?? "",
      location: values["location"] ?? "",
      date: values["date"] ?? "",
      start: values["start"] ?? "",
      end: values["end"] ?? "",
      releaseId: /^[0-9a-f-]{36}$/.test(releaseId) ? releaseId : null,
    });
    if (!r.ok) return renderEvents(request, reply, r.problems, values, 400);
    return reply.redirect(`/arbetsyta/press/evenemang/${r.value.id}`, 303);
  });
  const renderEvent = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    errors: FieldError[],
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
          lists={l.map((x) => ({ value: x.id, label: `${x.name} (${x.members})` }))}
          errors={errors}
          done={(request.query as { klart?: string } | undefined)?.klart}
        />
      ),
    );
  };
  app.get(
    "/arbetsyta/press/evenemang/:id",
    { config: W, schema: { params: ID, querystring: DONE } },
    (request, reply) => renderEvent(request, reply, (request.params as { id: string }).id, []),
  );
  app.post("/arbetsyta/press/evenemang/:id/bjud-in", { config: W, schema: { params: ID } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const listId = one(request.body as Body, "listId");
    const r = /^[0-9a-f-]{36}$/.test(listId)
      ? await inviteList(deps, actorOf(request), org.id, id, listId)
      : { ok: false as const, problems: [{ field: "listId", message: "Välj en lista" }] };
    if (!r.ok) return renderEvent(request, reply, id, r.problems, 400);
    return reply.redirect(
      `/arbetsyta/press/evenemang/${id}?klart=${encodeURIComponent(`${r.value.invited} inbjudningar skickas.`)}`,
      303,
    );
  });

  // ---- Coverage and measures ------------------------------------------------------------------

  const renderCoverage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldError[],
    values: Record<string, string>,
    status = 200,
  ) => {
    const rows = await coverageFor(db, org.id);
    return sendPage(
      request,
      reply,
      { title: "Bevakning", side: "staff", status, hasErrors: errors.length > 0 },
      (p) => <CoveragePage ctx={p} rows={rows} errors={errors} values={values} />,
    );
  };
  app.get("/arbetsyta/press/bevakning", { config: W }, (request, reply) => renderCoverage(request, reply, [], {}));
  app.post("/arbetsyta/press/bevakning", { config: W }, async (request, reply) => {
    const b = request.body as Body;
    const values = Object.fromEntries(["outlet", "date", "url", "tone", "note", "topic"].map((k) => [k, one(b, k)]));
    const r = await addCoverage(deps, actorOf(request), org.id, {
      releaseId: null,
      topic: values["topic"] ?? "",
      outlet: values["outlet"] ?? "",
      date: values["date"] ?? "",
      url: values["url"] ?? "",
      tone: values["tone"] ?? "",
      note: values["note"] ?? "",
    });
    if (!r.ok) return renderCoverage(request, reply, r.problems, values, 400);
    return reply.redirect("/arbetsyta/press/bevakning", 303);
  });

  app.get("/arbetsyta/press/matt", { config: { access: "newsroom.measures" } }, async (request, reply) => {
    const [months, perRelease, inquiries] = await Promise.all([
      monthly(db, org.id),
      coveragePerRelease(db, org.id),
      mediaInquiriesByMonth(db, org.id),
    ]);
    return sendPage(request, reply, { title: "Mått för pressrummet", side: "staff" }, (p) => (
      <NewsroomMeasuresPage ctx={p} months={months} perRelease={perRelease} inquiries={inquiries} />
    ));
  });
}
