/** The public list of ideas with search and filters, and its RSS and Atom feeds. */
import { escapeHtml } from "@kitajs/html";
import { Feed } from "feed";
import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import type { TypedApp, TypedRequest } from "../../../platform/http/typed.js";
import { sayer, type Lang } from "../../../platform/i18n/messages.js";
import { truncate } from "../../../platform/text.js";
import { type IdeaDeps } from "../commands.js";
import { messages } from "../messages.js";
import { categories, feedIdeas, groups, PAGE_SIZE, publicIdeas, states, units } from "../queries.js";
import { FeedQuery, ListQuery } from "../schema.js";
import { IdeaListPage } from "./views.js";

/** Options for the filters: states that are public, units and groups that own public ideas, categories. */
async function filterOptions(deps: IdeaDeps, orgId: string, lang: Lang) {
  const [s, c, u, g] = await Promise.all([
    states(deps.db, orgId),
    categories(deps.db, orgId),
    units(deps.db, orgId),
    groups(deps.db, orgId),
  ]);
  return {
    states: s.filter((x) => x.is_public).map((x) => ({ value: x.slug, label: lang === "sv" ? x.name_sv : x.name_en })),
    categories: c
      .filter((x) => x.active)
      .map((x) => ({ value: x.slug, label: lang === "sv" ? x.name_sv : x.name_en })),
    owners: [
      ...u.map((x) => ({ value: x.slug, label: x.name })),
      ...g.filter((x) => x.active).map((x) => ({ value: x.slug, label: x.name })),
    ],
  };
}

export function ideaListRoutes(app: TypedApp, ctx: ModuleContext, deps: IdeaDeps): void {
  const { config, org } = ctx;
  const db = deps.db;

  app.get("/forslag", { config: { access: "public" }, schema: { querystring: ListQuery } }, async (request, reply) => {
    const say = sayer(messages, request.lang);
    const q = request.query;
    const filters = { q: q.q ?? "", state: q.lage ?? "", owner: q.enhet ?? "", category: q.kategori ?? "" };
    const page = q.sida ?? 1;
    const [list, options] = await Promise.all([
      publicIdeas(db, org.id, { ...filters, page }),
      filterOptions(deps, org.id, request.lang),
    ]);
    const qs = new URLSearchParams(
      Object.entries({ kategori: filters.category, enhet: filters.owner }).filter(([, v]) => v),
    ).toString();
    const head = (
      <>
        <link
          rel="alternate"
          type="application/rss+xml"
          title={say("list.feed.rss")}
          href={`/forslag/flode.rss${qs ? `?${qs}` : ""}`}
        />
        <link
          rel="alternate"
          type="application/atom+xml"
          title={say("list.feed.atom")}
          href={`/forslag/flode.atom${qs ? `?${qs}` : ""}`}
        />
      </>
    );
    return sendPage(request, reply, { title: say("list.title"), side: "public", head, cacheable: true, maxAge: 0 }, (pageCtx) => (
      <IdeaListPage
        ctx={pageCtx}
        filters={filters}
        rows={list.rows}
        total={list.total}
        page={page}
        pageSize={PAGE_SIZE}
        {...options}
      />
    ));
  });

  // ---- Feeds: RSS 2.0 and Atom, for everything or one category or one unit ----------------
  // The feeds are in Swedish (language "sv"), as they were: a feed reader sends no language.

  const feedFor = async (request: TypedRequest<{ querystring: typeof FeedQuery }>) => {
    const say = sayer(messages, "sv");
    const q = request.query;
    const rows = await feedIdeas(db, org.id, { category: q.kategori, owner: q.enhet });
    const scope = [
      q.kategori ? (rows[0]?.category ?? q.kategori) : "",
      q.enhet ? (rows[0]?.grp ?? rows[0]?.unit ?? q.enhet) : "",
    ]
      .filter(Boolean)
      .join(", ");
    const qs = new URLSearchParams(
      Object.entries({ kategori: q.kategori ?? "", enhet: q.enhet ?? "" }).filter(([, v]) => v),
    ).toString();
    const self = (ext: string) => `${config.publicUrl}/forslag/flode.${ext}${qs ? `?${qs}` : ""}`;
    const feed = new Feed({
      id: self("atom"),
      title: escapeHtml(scope ? say("feed.titleScoped", { scope, org: org.name }) : say("feed.title", { org: org.name })),
      description: say("feed.description"),
      link: `${config.publicUrl}/forslag${qs ? `?${qs}` : ""}`,
      language: "sv",
      copyright: org.name,
      generator: "Klarsvar",
      updated: rows[0] ? new Date(rows[0].updated_at) : new Date(0),
      feedLinks: { rss: self("rss"), atom: self("atom") },
    });
    // RSS and Atom carry these as HTML (type="html"): a resident's text is escaped, so it is shown as written and never run.
    for (const r of rows) {
      feed.addItem({
        id: `${config.publicUrl}/forslag/${r.number}`,
        link: `${config.publicUrl}/forslag/${r.number}`,
        title: escapeHtml(`${r.title} (${r.state})`),
        description: escapeHtml(truncate(r.description, 500)),
        date: new Date(r.updated_at),
        published: new Date(r.received_at),
        ...(r.category ? { category: [{ name: r.category }] } : {}),
      });
    }
    return feed;
  };
  app.get(
    "/forslag/flode.rss",
    { config: { access: "public" }, schema: { querystring: FeedQuery } },
    async (request, reply) => {
      reply.header("cache-control", "public, max-age=300").type("application/rss+xml; charset=utf-8");
      return (await feedFor(request)).rss2();
    },
  );
  app.get(
    "/forslag/flode.atom",
    { config: { access: "public" }, schema: { querystring: FeedQuery } },
    async (request, reply) => {
      reply.header("cache-control", "public, max-age=300").type("application/atom+xml; charset=utf-8");
      return (await feedFor(request)).atom1();
    },
  );

}
