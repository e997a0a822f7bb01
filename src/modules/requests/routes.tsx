/** Routes for requests for public documents: the public form and download page, the registrar's pages. */
import { FORM_GUARD_MESSAGES, formStamp, guardedForm } from "../../platform/http/form-guard.js";
import { clip, isEmailAddress } from "../../platform/text.js";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { ModuleContext } from "../../app/module.js";
import { sendPage } from "../../platform/http/page.js";
import { audit } from "../../platform/audit/audit.js";
import { findPersonalData } from "@klarsvar/klarsprak";
import { textToPdf } from "../../platform/documents/masking.js";
import { AppError } from "../../platform/errors.js";
import { multipartField, multipartFiles, type MultipartBody } from "../../platform/http/multipart.js";
import type { FieldError } from "../../views/context.js";
import type { SessionUser } from "../../platform/auth/session-user.js";
import { hasRole } from "../../platform/auth/policies.js";
import { staffViewer, userActor } from "../../platform/http/actor.js";
import {
  caseByNumber,
  caseFor,
  caseMeta,
  caseSources,
  isOpen,
  openCase,
  readCase,
  receiveQuestion,
  replyToCase,
  SECRET_SUBJECT,
  type CaseSource,
  inboxDepsFor,
} from "../inbox/index.js";
import { requestClock } from "./clock.js";
import {
  addCaseDocument,
  addMask,
  addUploadedDocument,
  createRequest,
  decideRequest,
  deliverPart,
  deliverRequest,
  hashToken,
  recordDocumentRead,
  removeMask,
  reviewDocument,
  setPartsNote,
  type Problem,
} from "./commands.js";
import { monthlyStats, overdueByUnit, requestList } from "./queries.js";
import {
  DownloadPage,
  EMPTY_PUBLIC_FORM,
  PublicRequestPage,
  RequestGatePage,
  RequestListPage,
  RequestPage,
  StatisticsPage,
  type DocumentView,
  type PublicRequestForm,
} from "./views.js";

const ID = z.string().uuid();
const PAGE_SIZE = 50;
const DELIVERY_SV: Record<string, string> = {
  email: "med e-post",
  download: "som en länk",
  post: "med post",
  visit: "genom att läsa dem på plats",
};

type Body = Record<string, string | string[] | undefined>;
const one = (b: Body, k: string): string => {
  const v = b[k];
  return (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).toString();
};

export function requestRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const { config, org } = ctx;
  const db = ctx.database.db;
  const deps = inboxDepsFor(ctx);

  // ---- Public: ask for documents, anonymously if you like -------------------------------

  const renderPublic = (
    request: FastifyRequest,
    reply: FastifyReply,
    form: PublicRequestForm,
    errors: FieldError[],
    status = 200,
  ) =>
    sendPage(
      request,
      reply,
      {
        title: request.lang === "sv" ? "Begär allmänna handlingar" : "Ask for public documents",
        side: "public",
        hasErrors: errors.length > 0,
        status,
      },
      (page) => <PublicRequestPage ctx={page} form={form} errors={errors} stamp={formStamp(config.sessionSecret)} />,
    );

  app.get("/begar-handling", { config: { access: "public" } }, (request, reply) =>
    renderPublic(request, reply, EMPTY_PUBLIC_FORM, []),
  );

  app.post("/begar-handling", { config: { access: "public", ...guardedForm(config) } }, async (request, reply) => {
    const b = request.body as Body;
    const sv = request.lang === "sv";
    const form: PublicRequestForm = {
      requested: clip(one(b, "requested"), 4000),
      delivery: one(b, "delivery"),
      email: clip(one(b, "email").trim(), 320),
      name: clip(one(b, "name").trim(), 200),
      address: clip(one(b, "address").trim(), 400),
    };
    if (request.formGuard === "too-fast") {
      return renderPublic(
        request,
        reply,
        form,
        [{ field: "requested", message: FORM_GUARD_MESSAGES["too-fast"][request.lang] }],
        400,
      );
    }
    const errors: FieldError[] = [];
    if (request.formGuard === "expired")
      errors.push({ field: "requested", message: FORM_GUARD_MESSAGES.expired[request.lang] });
    if (!form.requested.trim())
      errors.push({
        field: "requested",
        message: sv ? "Skriv vilka handlingar du vill ha" : "Write which documents you want",
      });
    if (!["email", "download", "post", "visit"].includes(form.delivery))
      errors.push({
        field: "delivery",
        message: sv ? "Välj hur du vill få handlingarna" : "Choose how you want the documents",
      });
    if ((form.delivery === "email" || form.delivery === "download") && !isEmailAddress(form.email))
      errors.push({
        field: "email",
        message: sv
          ? "Skriv e-postadressen som namn@exempel.se, eller välj ett annat sätt"
          : "Enter the email address like name@example.com, or choose another way",
      });
    else if (form.email && !isEmailAddress(form.email))
      errors.push({
        field: "email",
        message: sv ? "Skriv e-postadressen som namn@exempel.se" : "Enter the email address like name@example.com",
      });
    if (form.delivery === "post" && form.address.length < 5)
      errors.push({
        field: "address",
        message: sv ? "Skriv adressen vi ska skicka till" : "Write the address to send to",
      });
    if (errors.length > 0) return renderPublic(request, reply, form, errors, 400);
    const body = [
      form.requested.trim(),
      "",
      `Vill få handlingarna ${DELIVERY_SV[form.delivery] ?? form.delivery}.`,
      form.delivery === "post" ? `Postadress: ${form.address}` : "",
    ]
      .filter((l, i) => l || i === 1)
      .join("\n");
    const actor = { orgId: org.id, userId: null, label: "webbformulär", ip: request.ip, requestId: request.id };
    const received = await receiveQuestion(deps, actor, {
      orgId: org.id,
      channel: "web",
      subject: "Begäran om allmän handling",
      body,
      requester: { name: form.name || undefined, email: form.email || undefined },
    });
    if (!received.ok) throw new AppError("KS_INTERNAL");
    const created = await createRequest(db, actor, org.id, received.caseId, form.requested);
    if (!created.ok) throw new AppError("KS_INTERNAL");
    return reply.redirect(`/arende/${received.followToken}?ny=1`, 303);
  });

  const download = async (token: string) => {
    if (!/^[\w-]{20,64}$/.test(token)) return undefined;
    return db
      .selectFrom("request_downloads as d")
      .innerJoin("document_requests as r", "r.id", "d.request_id")
      .select(["d.id", "d.expires_at", "d.document_ids", "r.id as request_id", "r.case_id", "r.decision_text"])
      .where("d.org_id", "=", org.id)
      .where("d.token_hash", "=", hashToken(token))
      .executeTakeFirst();
  };
  const expired = () => new AppError("KS_NOT_FOUND", "Länken har gått ut eller finns inte. Be oss om en ny.");

  app.get(
    "/handling/:token",
    { config: { access: "public" }, schema: { params: z.object({ token: z.string().max(80) }) } },
    async (request, reply) => {
      const { token } = request.params as { token: string };
      const d = await download(token);
      if (!d || new Date(d.expires_at) < new Date()) throw expired();
      const [docs, c] = await Promise.all([
        db
          .selectFrom("request_documents")
          .select(["id", "title", "released_pages as pages"])
          .where("request_id", "=", d.request_id)
          .where("released_data", "is not", null)
          .$if(d.document_ids !== null, (q) =>
            q.where(
              "id",
              "in",
              d.document_ids && d.document_ids.length > 0 ? d.document_ids : ["00000000-0000-0000-0000-000000000000"],
            ),
          )
          .orderBy("created_at")
          .execute(),
        caseMeta(db, org.id, [d.case_id]).then((m) => m[0]),
      ]);
      reply.header("cache-control", "no-store").header("referrer-policy", "no-referrer");
      return sendPage(
        request,
        reply,
        { title: request.lang === "sv" ? "Dina handlingar" : "Your documents", side: "public" },
        (page) => (
          <DownloadPage
            ctx={page}
            number={c?.number ?? ""}
            documents={docs}
            hasDecision={Boolean(d.decision_text) && d.document_ids === null}
            expiresAt={new Date(d.expires_at)}
            token={token}
          />
        ),
      );
    },
  );

  app.get(
    "/handling/:token/:file",
    {
      config: { access: "public" },
      schema: { params: z.object({ token: z.string().max(80), file: z.string().max(40) }) },
    },
    async (request, reply) => {
      const { token, file } = request.params as { token: string; file: string };
      const d = await download(token);
      if (!d || new Date(d.expires_at) < new Date()) throw expired();
      reply.header("cache-control", "no-store").header("x-content-type-options", "nosniff");
      if (file === "beslut") {
        if (!d.decision_text) throw new AppError("KS_NOT_FOUND");
        return reply
          .type("application/pdf")
          .header("content-disposition", 'attachment; filename="beslut.pdf"')
          .send(await textToPdf("Beslut", d.decision_text));
      }
      if (!ID.safeParse(file).success || (d.document_ids !== null && !d.document_ids.includes(file)))
        throw new AppError("KS_NOT_FOUND");
      const doc = await db
        .selectFrom("request_documents")
        .select(["title", "released_data", "released_type"])
        .where("request_id", "=", d.request_id)
        .where("id", "=", file)
        .executeTakeFirst();
      if (!doc?.released_data) throw new AppError("KS_NOT_FOUND");
      await db
        .updateTable("request_downloads")
        .set((eb) => ({ downloads: eb("downloads", "+", 1) }))
        .where("id", "=", d.id)
        .execute();
      const ext = doc.released_type === "application/pdf" ? "pdf" : "txt";
      return reply
        .type(doc.released_type ?? "application/octet-stream")
        .header("content-disposition", `attachment; filename="handling.${ext}"`)
        .send(doc.released_data);
    },
  );

  // ---- Staff ----------------------------------------------------------------------------

  app.get(
    "/arbetsyta/begaran",
    {
      config: { access: "requests.handle" },
      schema: {
        querystring: z.object({
          klara: z.string().optional(),
          sida: z.coerce.number().int().min(1).max(10_000).optional(),
        }),
      },
    },
    async (request, reply) => {
      const q = request.query as { klara?: string; sida?: number };
      const open = !q.klara;
      const page = q.sida ?? 1;
      const user = request.user as SessionUser;
      // Each person sees the requests of their own units (and those not yet routed); registrars and communicators all.
      const units = hasRole(user, "admin", "communicator", "registrar") ? undefined : user.unitIds;
      const [list, overdue] = await Promise.all([
        requestList(db, org.id, { open, page, pageSize: PAGE_SIZE, units }),
        overdueByUnit(db, org.id),
      ]);
      // What a request of a secret case asks for is the requester's own words: never in the list.
      const metas = new Map(
        (
          await caseMeta(
            db,
            org.id,
            list.rows.map((r) => r.case_id),
          )
        ).map((m) => [m.id, m]),
      );
      const rows = list.rows.map((r) => ({
        ...r,
        number: metas.get(r.case_id)?.number ?? "",
        requested: metas.get(r.case_id)?.secret !== false ? SECRET_SUBJECT : r.requested,
      }));
      return sendPage(request, reply, { title: "Begäran om allmän handling", side: "staff" }, (p) => (
        <RequestListPage
          ctx={p}
          rows={rows}
          total={list.total}
          page={page}
          pageSize={PAGE_SIZE}
          open={open}
          overdue={overdue}
        />
      ));
    },
  );

  app.get("/arbetsyta/begaran/statistik", { config: { access: "requests.viewStatistics" } }, async (request, reply) => {
    const months = await monthlyStats(db, org.id);
    return sendPage(request, reply, { title: "Statistik: begäran om allmän handling", side: "staff" }, (p) => (
      <StatisticsPage ctx={p} months={months} />
    ));
  });

  app.post(
    "/arbetsyta/begaran/fran-arende/:caseId",
    { config: { access: "requests.handle" }, schema: { params: z.object({ caseId: ID }) } },
    async (request, reply) => {
      const { caseId } = request.params as { caseId: string };
      // The request copies what the person asked for: read through the inbox's door, so only by
      // someone who may read the case (and has it open, when it is secret) — and audited.
      const c = await readCase(db, staffViewer(request, org.id), caseId, "begäran om allmän handling skapas");
      if (!c.ok) throw new AppError(c.error === "not_found" ? "KS_NOT_FOUND" : "KS_FORBIDDEN");
      const requested = one(request.body as Body, "requested") || c.value.question || c.value.subject;
      const result = await createRequest(db, userActor(request, org.id), org.id, caseId, clip(requested, 4000));
      if (!result.ok) throw new AppError("KS_BAD_REQUEST");
      return reply.redirect(`/arbetsyta/begaran/${result.id}`, 303);
    },
  );

  /**
   * A request is as secret as its case: only people who may read the case work on it, and for a
   * secret case only inside an opening (`gate` says it must be opened first).
   */
  const findRequest = async (request: FastifyRequest, id: string) => {
    const r = await db
      .selectFrom("document_requests")
      .selectAll()
      .where("org_id", "=", org.id)
      .where("id", "=", id)
      .executeTakeFirst();
    if (!r) throw new AppError("KS_NOT_FOUND");
    const found = await caseFor(db, request.user as SessionUser, r.case_id);
    if (!found?.access.read) throw new AppError("KS_FORBIDDEN");
    const open = !found.meta.secret || (await isOpen(db, request.user as SessionUser, r.case_id));
    return { r, c: found.meta, open };
  };
  const loadRequest = async (request: FastifyRequest, id: string) => {
    const found = await findRequest(request, id);
    if (!found.open) throw new AppError("KS_FORBIDDEN", "Öppna begäran först. Ärendet omfattas av sekretess.");
    const requester = await readCase(db, staffViewer(request, org.id), found.r.case_id, "begäran om allmän handling");
    if (!requester.ok) throw new AppError("KS_FORBIDDEN");
    return { r: found.r, c: { ...found.c, requesterEmail: requester.value.requester.email } };
  };

  /** Another registered case whose documents may be linked: only one this person may read (and has open, when secret). */
  const otherCase = async (request: FastifyRequest, number: string) => {
    const other = number ? await caseByNumber(db, org.id, number) : undefined;
    if (!other) return undefined;
    const found = await caseFor(db, request.user as SessionUser, other.id);
    return found?.access.read ? other : undefined;
  };

  async function renderRequest(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    state: {
      errors?: Problem[];
      errorDoc?: string;
      notice?: string;
      link?: string;
      status?: number;
      from?: string;
    } = {},
  ) {
    const gate = await findRequest(request, id);
    if (!gate.open) {
      return sendPage(request, reply, { title: `Begäran ${gate.c.number}`, side: "staff" }, (p) => (
        <RequestGatePage ctx={p} id={id} number={gate.c.number} />
      ));
    }
    const { r, c } = await loadRequest(request, id);
    const viewer = staffViewer(request, org.id);
    const from = state.from ? await otherCase(request, state.from) : undefined;
    const errorsIn: Problem[] = [...(state.errors ?? [])];
    if (state.from && !from)
      errorsIn.push({ field: "from", message: "Det finns inget ärende med det numret som du får läsa" });
    const [docs, masks, listed, reads] = await Promise.all([
      db
        .selectFrom("request_documents")
        .select([
          "id",
          "title",
          "content_type",
          "size",
          "data",
          "review_outcome",
          "review_grounds",
          "review_reason",
          "released_pages",
          "released_data",
        ])
        .where("request_id", "=", id)
        .orderBy("created_at")
        .execute(),
      db
        .selectFrom("request_masks as m")
        .innerJoin("request_documents as d", "d.id", "m.document_id")
        .select(["m.id", "m.document_id", "m.passage", "m.ground"])
        .where("d.request_id", "=", id)
        .orderBy("m.created_at")
        .execute(),
      caseSources(db, viewer, from?.id ?? r.case_id),
      db
        .selectFrom("request_document_reads as x")
        .innerJoin("request_documents as d", "d.id", "x.document_id")
        .select("x.document_id")
        .where("d.request_id", "=", id)
        .where("x.user_id", "=", viewer.user.id)
        .execute(),
    ]);
    if (from && !listed.ok)
      errorsIn.push({ field: "from", message: "Öppna det ärendet först. Det omfattas av sekretess." });
    const sources: CaseSource[] = listed.ok ? listed.value : [];
    const readIds = new Set(reads.map((x) => x.document_id));
    const documents: DocumentView[] = docs.map((d) => {
      const text = d.content_type === "application/pdf" ? "" : d.data.toString("utf8");
      const suggestions = text ? [...new Set(findPersonalData(text).map((h) => h.text))].slice(0, 10) : [];
      return {
        id: d.id,
        title: d.title,
        content_type: d.content_type,
        size: d.size,
        review_outcome: d.review_outcome,
        review_grounds: d.review_grounds,
        review_reason: d.review_reason,
        released_pages: d.released_pages,
        hasReleased: d.released_data !== null,
        masks: masks.filter((m) => m.document_id === d.id),
        suggestions,
        read: readIds.has(d.id),
      };
    });
    const errors = errorsIn;
    return sendPage(
      request,
      reply,
      {
        title: `Begäran ${c.number}`,
        side: "staff",
        hasErrors: errors.length > 0,
        status: state.status ?? (errors.length > 0 ? 400 : 200),
      },
      (p) => (
        <RequestPage
          ctx={p}
          id={id}
          caseId={r.case_id}
          number={c.number}
          requested={r.requested}
          receivedAt={new Date(r.received_at)}
          status={r.status}
          clock={requestClock(new Date(r.received_at), new Date(), r.decided_at ? new Date(r.decided_at) : null)}
          partsNote={r.parts_note}
          documents={documents}
          sources={sources}
          errors={errors}
          errorDoc={state.errorDoc}
          notice={state.notice}
          outcome={r.outcome}
          decisionText={r.decision_text}
          requesterEmail={c.requesterEmail}
          delivery={{ method: r.delivery_method, fee: r.fee_amount, pages: r.fee_pages, link: state.link }}
          maxMb={Math.max(1, Math.round(config.upload.limitBytes / 1048576))}
          from={from ? (state.from as string).trim().toUpperCase() : ""}
        />
      ),
    );
  }

  const NOTICES: Record<string, string> = {
    dokument: "Handlingen är tillagd.",
    maskering: "Maskeringen är tillagd.",
    provning: "Prövningen är sparad.",
    beslut: "Beslutet är klart och registrerat i ärendet.",
    delar: "Sparat. Den som begärt har fått veta.",
    skickad: "Handlingarna är skickade.",
    del: "Delen är skickad.",
  };

  app.get(
    "/arbetsyta/begaran/:id",
    {
      config: { access: "requests.handle" },
      schema: {
        params: z.object({ id: ID }),
        querystring: z.object({ klart: z.string().max(20).optional(), fran: z.string().max(40).optional() }),
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { klart, fran } = request.query as { klart?: string; fran?: string };
      return renderRequest(request, reply, id, {
        ...(klart && NOTICES[klart] ? { notice: NOTICES[klart] } : {}),
        ...(fran ? { from: fran } : {}),
      });
    },
  );

  const done = (reply: FastifyReply, id: string, what: string) =>
    reply.redirect(`/arbetsyta/begaran/${id}?klart=${what}`, 303);

  // A request of a secret case is opened deliberately, like the case itself (audited, with its purpose).
  app.post(
    "/arbetsyta/begaran/:id/oppna",
    {
      config: { access: "requests.handle" },
      schema: { params: z.object({ id: ID }), body: z.object({ _csrf: z.string().optional() }) },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { r } = await findRequest(request, id);
      const opened = await openCase(db, staffViewer(request, org.id), r.case_id, "records_request");
      if (!opened.ok) throw new AppError("KS_FORBIDDEN");
      return reply.redirect(`/arbetsyta/begaran/${id}`, 303);
    },
  );

  /**
   * The requester hears how the documents come, as an answer in the case: on the follow page,
   * and by e-mail when we have an address (a link must reach them; post is said to be on its
   * way). The case then counts as answered on the board.
   */
  const tellRequester = async (
    request: FastifyRequest,
    caseId: string,
    delivery: { method: string; token?: string; expiresAt?: Date; fee: number },
    part: boolean,
  ) => {
    const user = request.user;
    if (!user) return;
    const link = delivery.token ? `${config.publicUrl.replace(/\/$/, "")}/handling/${delivery.token}` : "";
    const until = delivery.expiresAt
      ? new Intl.DateTimeFormat("sv-SE", {
          timeZone: "Europe/Stockholm",
          day: "numeric",
          month: "long",
          year: "numeric",
        }).format(delivery.expiresAt)
      : "";
    const what = part ? "En första del av handlingarna" : "Handlingarna";
    const how =
      delivery.method === "download"
        ? `${what} finns att hämta här till och med ${until}: ${link}`
        : delivery.method === "email"
          ? `${what} kommer i ett eget e-postmeddelande.`
          : `${what} är skickade med post till den adress du gav.`;
    const fee = delivery.fee > 0 ? ` Avgiften för kopiorna är ${delivery.fee} kronor. Vi skickar en faktura.` : "";
    await replyToCase(deps, { ...userActor(request, org.id), userId: user.id, orgId: org.id }, caseId, `${how}${fee}`);
  };

  app.post(
    "/arbetsyta/begaran/:id/dokument",
    { config: { access: "requests.handle" }, schema: { params: z.object({ id: ID }) } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      await loadRequest(request, id);
      if (!request.isMultipart()) throw new AppError("KS_UNSUPPORTED_MEDIA");
      const body = request.body as MultipartBody;
      const [file] = multipartFiles(body, "file");
      const title = multipartField(body, "title");
      if (!file) return renderRequest(request, reply, id, { errors: [{ field: "file", message: "Välj en fil" }] });
      const data = await file.toBuffer();
      const result = await addUploadedDocument(db, userActor(request, org.id), org.id, id, {
        title,
        filename: file.filename,
        data,
      });
      if (!result.ok) return renderRequest(request, reply, id, { errors: result.errors });
      return done(reply, id, "dokument");
    },
  );

  app.post(
    "/arbetsyta/begaran/:id/dokument/fran-arendet",
    { config: { access: "requests.handle" }, schema: { params: z.object({ id: ID }) } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { r } = await loadRequest(request, id);
      const fromNumber = one(request.body as Body, "case");
      const from = fromNumber ? await otherCase(request, fromNumber) : undefined;
      if (fromNumber && !from)
        return renderRequest(request, reply, id, {
          errors: [{ field: "from", message: "Det finns inget ärende med det numret som du får se" }],
        });
      const [kind, sourceId] = one(request.body as Body, "source").split(":") as [string, string | undefined];
      const viewer = staffViewer(request, org.id);
      const listed = await caseSources(db, viewer, from?.id ?? r.case_id);
      const source = listed.ok ? listed.value.find((s) => s.kind === kind && s.id === sourceId) : undefined;
      if (!source)
        return renderRequest(request, reply, id, {
          errors: [
            {
              field: "source",
              message: listed.ok
                ? "Välj ett brev eller en bilaga i listan"
                : "Öppna ärendet först. Det omfattas av sekretess.",
            },
          ],
        });
      const title = from ? `${fromNumber.trim().toUpperCase()}: ${source.title}` : source.title;
      const result = await addCaseDocument(viewer, db, org.id, id, source.kind, source.id, title, from?.id);
      if (!result.ok) return renderRequest(request, reply, id, { errors: result.errors });
      return done(reply, id, "dokument");
    },
  );

  const docParams = z.object({ id: ID, docId: ID });

  app.post(
    "/arbetsyta/begaran/:id/dokument/:docId/maskering",
    { config: { access: "requests.handle" }, schema: { params: docParams } },
    async (request, reply) => {
      const { id, docId } = request.params as { id: string; docId: string };
      await loadRequest(request, id);
      const b = request.body as Body;
      const result = await addMask(
        db,
        userActor(request, org.id),
        org.id,
        id,
        docId,
        one(b, "passage"),
        one(b, "ground"),
      );
      if (!result.ok) return renderRequest(request, reply, id, { errors: result.errors, errorDoc: docId });
      return done(reply, id, "maskering");
    },
  );

  app.post(
    "/arbetsyta/begaran/:id/dokument/:docId/maskering/:maskId/ta-bort",
    { config: { access: "requests.handle" }, schema: { params: z.object({ id: ID, docId: ID, maskId: ID }) } },
    async (request, reply) => {
      const { id, docId, maskId } = request.params as { id: string; docId: string; maskId: string };
      await loadRequest(request, id);
      await removeMask(db, userActor(request, org.id), org.id, id, docId, maskId);
      return reply.redirect(`/arbetsyta/begaran/${id}`, 303);
    },
  );

  app.post(
    "/arbetsyta/begaran/:id/dokument/:docId/provning",
    { config: { access: "requests.handle" }, schema: { params: docParams } },
    async (request, reply) => {
      const { id, docId } = request.params as { id: string; docId: string };
      await loadRequest(request, id);
      const b = request.body as Body;
      const grounds = Array.isArray(b["grounds"]) ? b["grounds"] : b["grounds"] ? [b["grounds"]] : [];
      const result = await reviewDocument(
        staffViewer(request, org.id),
        db,
        org.id,
        id,
        docId,
        one(b, "outcome"),
        grounds,
        one(b, "reason"),
      );
      if (!result.ok) return renderRequest(request, reply, id, { errors: result.errors, errorDoc: docId });
      return done(reply, id, "provning");
    },
  );

  const sendDocument = async (request: FastifyRequest, reply: FastifyReply, released: boolean) => {
    const { id, docId } = request.params as { id: string; docId: string };
    await loadRequest(request, id);
    const d = await db
      .selectFrom("request_documents")
      .select(["title", "data", "content_type", "released_data", "released_type"])
      .where("request_id", "=", id)
      .where("id", "=", docId)
      .executeTakeFirst();
    const data = released ? d?.released_data : d?.data;
    if (!d || !data) throw new AppError("KS_NOT_FOUND");
    // Reading a document before its secrecy is decided is logged, like opening a secret case,
    // and remembered: only someone who has read it may review it.
    if (!released) {
      await audit(db, userActor(request, org.id), {
        action: "request.document.read",
        subjectType: "request_document",
        subjectId: docId,
        details: { requestId: id },
      });
      await recordDocumentRead(db, docId, (request.user as SessionUser).id);
    }
    const type = (released ? d.released_type : d.content_type) ?? "application/octet-stream";
    const ext = type.startsWith("application/pdf") ? "pdf" : type.startsWith("message/rfc822") ? "eml" : "txt";
    reply
      .header("cache-control", "no-store")
      .header("x-content-type-options", "nosniff")
      .header("content-security-policy", "default-src 'none'; sandbox");
    return reply
      .type(type)
      .header(
        "content-disposition",
        `${type === "application/pdf" ? "inline" : "attachment"}; filename="${released ? "utlamnad" : "original"}.${ext}"`,
      )
      .send(data);
  };

  app.get(
    "/arbetsyta/begaran/:id/dokument/:docId/original",
    { config: { access: "requests.handle" }, schema: { params: docParams } },
    (request, reply) => sendDocument(request, reply, false),
  );
  app.get(
    "/arbetsyta/begaran/:id/dokument/:docId/utlamnad",
    { config: { access: "requests.handle" }, schema: { params: docParams } },
    (request, reply) => sendDocument(request, reply, true),
  );

  app.post(
    "/arbetsyta/begaran/:id/delar",
    { config: { access: "requests.handle" }, schema: { params: z.object({ id: ID }) } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      await loadRequest(request, id);
      const { r } = await loadRequest(request, id);
      const note = one(request.body as Body, "parts").trim();
      const result = await setPartsNote(db, userActor(request, org.id), org.id, id, note);
      if (!result.ok) return renderRequest(request, reply, id, { errors: result.errors });
      // The requester is told, on their follow page and by e-mail when we have an address.
      const user = request.user;
      if (note && user) {
        await replyToCase(
          deps,
          { ...userActor(request, org.id), userId: user.id, orgId: org.id },
          r.case_id,
          `Vi lämnar ut handlingarna i delar. ${note}`,
        );
      }
      return done(reply, id, "delar");
    },
  );

  app.post(
    "/arbetsyta/begaran/:id/beslut",
    { config: { access: "requests.handle" }, schema: { params: z.object({ id: ID }) } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      await loadRequest(request, id);
      const user = request.user;
      const result = await decideRequest(db, userActor(request, org.id), org.id, id, {
        reason: one(request.body as Body, "reason"),
        decidedByName: user?.name ?? "",
        organisation: org.name,
      });
      if (!result.ok) return renderRequest(request, reply, id, { errors: result.errors });
      return done(reply, id, "beslut");
    },
  );

  // Sending a part ahead and sending everything after the decision: the same steps.
  for (const [path, field, part] of [
    ["leverans-del", "partMethod", true],
    ["leverans", "method", false],
  ] as const) {
    app.post(
      `/arbetsyta/begaran/:id/${path}`,
      { config: { access: "requests.handle" }, schema: { params: z.object({ id: ID }) } },
      async (request, reply) => {
        const { id } = request.params as { id: string };
        const { r } = await loadRequest(request, id);
        const deliver = part ? deliverPart : deliverRequest;
        const result = await deliver(
          db,
          ctx.jobs,
          userActor(request, org.id),
          org.id,
          id,
          one(request.body as Body, field),
          config,
        );
        if (!result.ok) return renderRequest(request, reply, id, { errors: result.errors });
        await tellRequester(request, r.case_id, result.delivery, part);
        const token = result.delivery.token;
        const notice = NOTICES[part ? "del" : "skickad"] as string;
        // The download link is shown this once (only its hash is stored).
        if (token)
          return renderRequest(request, reply, id, {
            notice,
            link: `${config.publicUrl.replace(/\/$/, "")}/handling/${token}`,
          });
        return done(reply, id, part ? "del" : "skickad");
      },
    );
  }
}
