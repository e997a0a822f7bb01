/** Public routes of the help catalogue: start page and search, service pages, the finder, open data. */
import type { ModuleContext } from "../../../app/module.js";
import { AppError } from "../../../platform/errors.js";
import { sendPage } from "../../../platform/http/page.js";
import type { TypedApp } from "../../../platform/http/typed.js";
import { sayer } from "../../../platform/i18n/messages.js";
import { JsonLd } from "../../../views/json-ld.js";
import { messages } from "../messages.js";
import { catalogueCsv, catalogueJson, dcatRdf, governmentServiceJsonLd } from "../open-data.js";
import {
  openDataRows,
  publishedBySlug,
  publishedLinks,
  relatedServices,
  servicesFor,
  translationsOf,
} from "../queries.js";
import { FinderQuery, SearchQuery, SlugLangParams, SlugParams } from "../schema.js";
import { searchServices } from "../search.js";
import { AUDIENCES, SITUATIONS } from "../situations.js";
import { EasyReadView, FinderPage, ResultsPage, ServiceView, StartPage, TranslationView } from "./views.js";

const PAGE_SIZE = 10;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function cataloguePublicRoutes(app: TypedApp, ctx: ModuleContext): void {
  const db = ctx.database.db;
  const orgId = ctx.org.id;
  const base = ctx.config.publicUrl.replace(/\/$/, "");

  app.get("/stod", { config: { access: "public" }, schema: { querystring: SearchQuery } }, async (request, reply) => {
    const { q, sida } = request.query;
    const say = sayer(messages, request.lang);
    if (q && q.trim()) {
      const result = await searchServices(db, orgId, q);
      return sendPage(request, reply, { title: say("search.title", { q }), side: "public", cacheable: true, serverOnly: true }, (page) => (
        <ResultsPage
          ctx={page}
          q={q.trim()}
          hits={result.hits}
          corrections={result.corrections}
          page={sida ?? 1}
          pageSize={PAGE_SIZE}
        />
      ));
    }
    const links = await publishedLinks(db, orgId);
    const groups = SITUATIONS.map((situation) => ({
      situation,
      services: links.filter((l) => l.situations.includes(situation.id)),
    })).filter((g) => g.services.length > 0);
    return sendPage(request, reply, { title: say("title"), side: "public", cacheable: true }, (page) => (
      <StartPage ctx={page} groups={groups} />
    ));
  });

  app.get(
    "/stod/hitta",
    { config: { access: "public" }, schema: { querystring: FinderQuery } },
    async (request, reply) => {
      // "steg" says which question was answered, so going on without an answer is an error.
      const { situation: sId, vem, steg } = request.query;
      const say = sayer(messages, request.lang);
      const title = say("finder.title");
      // Answers travel only in the address of the next step; nothing is stored or logged.
      reply.header("cache-control", "no-store").header("referrer-policy", "no-referrer");
      const situation = SITUATIONS.find((s) => s.id === sId);
      if (sId === undefined && steg !== "1")
        return sendPage(request, reply, { title, side: "public" }, (page) => <FinderPage ctx={page} step="situation" />);
      if (!situation) {
        return sendPage(request, reply, { title, side: "public", hasErrors: true, status: 400 }, (page) => (
          <FinderPage ctx={page} step="situation" error={say("finder.situation.missing")} />
        ));
      }
      const audience = AUDIENCES.find((a) => a.id === vem);
      if (vem === undefined || !audience) {
        const error = vem === undefined && steg !== "2" ? undefined : say("finder.audience.missing");
        return sendPage(
          request,
          reply,
          { title, side: "public", hasErrors: Boolean(error), status: error ? 400 : 200 },
          (page) => <FinderPage ctx={page} step="audience" situation={situation} error={error} />,
        );
      }
      const results = await servicesFor(db, orgId, situation.id, audience.id);
      return sendPage(request, reply, { title, side: "public" }, (page) => (
        <FinderPage ctx={page} step="result" situation={situation} audience={audience} results={results} />
      ));
    },
  );

  app.get("/stod/data.json", { config: { access: "public" } }, async (_request, reply) => {
    const rows = await openDataRows(db, orgId);
    return reply
      .header("cache-control", "public, max-age=300")
      .header("access-control-allow-origin", "*")
      .type("application/json; charset=utf-8")
      .send(catalogueJson(rows, base, ctx.org.name));
  });

  app.get("/stod/data.csv", { config: { access: "public" } }, async (_request, reply) => {
    const rows = await openDataRows(db, orgId);
    return reply
      .header("cache-control", "public, max-age=300")
      .header("access-control-allow-origin", "*")
      .header("content-disposition", 'attachment; filename="stod-och-hjalp.csv"')
      .type("text/csv; charset=utf-8")
      .send(catalogueCsv(rows, base));
  });

  app.get("/stod/dcat.rdf", { config: { access: "public" } }, async (_request, reply) => {
    const rows = await openDataRows(db, orgId);
    const modified = rows.reduce((m, r) => (new Date(r.updated_at) > m ? new Date(r.updated_at) : m), new Date(0));
    const body = dcatRdf({
      base,
      publisher: ctx.org.name,
      contactEmail: ctx.config.mail.replyAddress,
      modified,
      situations: SITUATIONS.map((s) => s.sv),
    });
    return reply
      .header("cache-control", "public, max-age=300")
      .header("access-control-allow-origin", "*")
      .type("application/rdf+xml; charset=utf-8")
      .send(body);
  });

  const load = async (slug: string) => {
    const s = SLUG.test(slug) ? await publishedBySlug(db, orgId, slug) : undefined;
    if (!s) throw new AppError("KS_NOT_FOUND");
    return s;
  };

  app.get("/stod/:slug", { config: { access: "public" }, schema: { params: SlugParams } }, async (request, reply) => {
    const s = await load(request.params.slug);
    const [related, translations] = await Promise.all([relatedServices(db, s.id), translationsOf(db, s.id)]);
    const head = (
      <>
        <link rel="canonical" href={`${base}/stod/${s.slug}`} />
        <meta name="description" content={s.summary} />
        {translations.map((t) => (
          <link rel="alternate" hreflang={t.lang} href={`${base}/stod/${s.slug}/sprak/${t.lang}`} />
        ))}
        <JsonLd data={governmentServiceJsonLd(s, base, ctx.org.name)} />
      </>
    ) as JSX.Element;
    return sendPage(request, reply, { title: s.name, side: "public", cacheable: true, head }, (page) => (
      <ServiceView ctx={page} s={s} related={related} translations={translations} />
    ));
  });

  app.get(
    "/stod/:slug/lattlast",
    { config: { access: "public" }, schema: { params: SlugParams } },
    async (request, reply) => {
      const s = await load(request.params.slug);
      if (!s.easy_read) throw new AppError("KS_NOT_FOUND");
      // The easy-to-read page is Swedish, its title too.
      const title = sayer(messages, "sv")("easyRead.title", { name: s.name });
      return sendPage(request, reply, { title, side: "public", cacheable: true }, (page) => (
        <EasyReadView ctx={page} s={s} />
      ));
    },
  );

  app.get(
    "/stod/:slug/sprak/:lang",
    { config: { access: "public" }, schema: { params: SlugLangParams } },
    async (request, reply) => {
      const { slug, lang } = request.params;
      const s = await load(slug);
      const t = (await translationsOf(db, s.id)).find((x) => x.lang === lang);
      if (!t) throw new AppError("KS_NOT_FOUND");
      return sendPage(request, reply, { title: t.name, side: "public", cacheable: true }, (page) => (
        <TranslationView ctx={page} s={s} t={t} />
      ));
    },
  );
}
