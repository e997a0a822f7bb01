/** The search's synonyms in the workspace: words residents search with and what they mean. */
import type { ModuleContext } from "../../../app/module.js";
import { userActor } from "../../../platform/http/actor.js";
import { sendPage } from "../../../platform/http/page.js";
import type { FastifyReply, TypedApp, TypedRequest } from "../../../platform/http/typed.js";
import { sayer } from "../../../platform/i18n/messages.js";
import type { FieldError } from "../../../views/context.js";
import { addSynonym, removeSynonym } from "../commands/save.js";
import { messages } from "../messages.js";
import { IdParams, ButtonForm } from "../../../platform/http/typed.js";
import { SynonymBody, SynonymsQuery } from "../schema.js";
import { errorsOf } from "./services.js";
import { SynonymsPage } from "./views.js";

export function synonymRoutes(app: TypedApp, ctx: ModuleContext): void {
  const db = ctx.database.db;
  const orgId = ctx.org.id;

  const renderSynonyms = async (
    request: TypedRequest,
    reply: FastifyReply,
    errors: readonly FieldError[] = [],
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
        title: sayer(messages, request.lang)("synonyms.title"),
        side: "staff",
        hasErrors: errors.length > 0,
        status: errors.length > 0 ? 400 : 200,
      },
      (p) => <SynonymsPage ctx={p} rows={rows} errors={errors} notice={notice} draft={draft} />,
    );
  };

  app.get(
    "/arbetsyta/admin/synonymer",
    { config: { access: "catalogue.manageSynonyms" }, schema: { querystring: SynonymsQuery } },
    (request, reply) =>
      renderSynonyms(
        request,
        reply,
        [],
        request.query.klart ? sayer(messages, request.lang)("synonyms.saved") : undefined,
      ),
  );

  app.post(
    "/arbetsyta/admin/synonymer",
    { config: { access: "catalogue.manageSynonyms" }, schema: { body: SynonymBody } },
    async (request, reply) => {
      const { term, expansion } = request.body;
      const say = sayer(messages, request.lang);
      const result = await addSynonym(db, userActor(request, orgId), orgId, term, expansion, say);
      if (!result.ok) return renderSynonyms(request, reply, errorsOf(result), undefined, { term, expansion });
      return reply.redirect("/arbetsyta/admin/synonymer?klart=1", 303);
    },
  );

  app.post(
    "/arbetsyta/admin/synonymer/:id/ta-bort",
    { config: { access: "catalogue.manageSynonyms" }, schema: { body: ButtonForm, params: IdParams } },
    async (request, reply) => {
      await removeSynonym(db, userActor(request, orgId), orgId, request.params.id);
      return reply.redirect("/arbetsyta/admin/synonymer", 303);
    },
  );
}
