/** Staff routes for media contacts and lists: the register, the CSV import, erasure on request. */
import type { ModuleContext } from "../../../app/module.js";
import { audit } from "../../../platform/audit/audit.js";
import { AppError } from "../../../platform/errors.js";
import { multipartFiles } from "../../../platform/http/multipart.js";
import { sendPage } from "../../../platform/http/page.js";
import {
  IdParams,
  type FastifyReply,
  type TypedApp,
  type TypedRequest,
  ButtonForm,
} from "../../../platform/http/typed.js";
import { invalid } from "../../../platform/result.js";
import type { FieldError } from "../../../views/context.js";
import type { NewsroomDeps } from "../commands.js";
import { createList, importContacts, previewImport, saveContact, setListMember, type ImportPreview } from "../media.js";
import { allContacts, contacts, lists } from "../queries.js";
import { ContactBody, ContactsQuery, ImportSaveBody, ListBody, MemberBody, MultipartForm } from "../schema.js";
import { ContactsPage, type ContactsDone } from "./views.js";
import { isUuid, refuse, staffKit } from "./shared.js";

export function contactRoutes(app: TypedApp, ctx: ModuleContext, deps: NewsroomDeps): void {
  const { org, db, actorOf, sayFor, W } = staffKit(ctx, deps);

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
    { config: W, schema: { body: ButtonForm, params: IdParams } },
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
}
