/** Feeds of the public newsroom: RSS 2.0, Atom and JSON Feed. */
import { escapeHtml } from "@kitajs/html";
import { Feed } from "feed";
import type { ModuleContext } from "../../../app/module.js";
import type { TypedApp } from "../../../platform/http/typed.js";
import { sayer } from "../../../platform/i18n/messages.js";
import type { NewsroomDeps } from "../commands.js";
import { messages } from "../messages.js";
import { FeedQuery } from "../schema.js";
import { publicReleases } from "../queries.js";
import { newsroomQuery } from "./views.js";
import { publicKit } from "./shared.js";

export function feedRoutes(app: TypedApp, ctx: ModuleContext, deps: NewsroomDeps): void {
  const { org, db, base } = publicKit(ctx, deps);

  // ---- Feeds: RSS 2.0, Atom and JSON Feed ---------------------------------------------------

  /**
   * RSS and Atom carry titles and summaries as HTML (the feed library marks them type="html"):
   * plain text is escaped for them, so a "<" in a title is shown, never run. JSON Feed's
   * title and summary are plain text.
   */
  const feedFor = async (q: { amne?: string | undefined; enhet?: string | undefined }, html: boolean) => {
    const text = (s: string) => (html ? escapeHtml(s) : s);
    // The feeds are in Swedish, as the releases are.
    const say = sayer(messages, "sv");
    const { rows } = await publicReleases(db, org.id, { topic: q.amne, unit: q.enhet }, 50);
    const qs = newsroomQuery({ topic: q.amne ?? "", unit: q.enhet ?? "" });
    const feed = new Feed({
      id: `${base}/press${qs}`, title: text(q.amne ? say("feed.titleTopic", { org: org.name, topic: q.amne }) : say("feed.title", { org: org.name })), description: say("feed.description"),
      link: `${base}/press${qs}`, language: "sv", copyright: org.name, generator: "Klarsvar", updated: rows[0]?.updatedAt ?? new Date(0),
      feedLinks: { rss: `${base}/press/rss.xml${qs}`, atom: `${base}/press/atom.xml${qs}`, json: `${base}/press/feed.json${qs}` }, author: { name: org.name },
    });
    for (const r of rows) {
      feed.addItem({
        id: `${base}/press/${r.slug}`, link: `${base}/press/${r.slug}`, title: text(r.title), description: text(r.lead), content: r.bodyHtml,
        date: r.updatedAt > r.publishAt ? r.updatedAt : r.publishAt, published: r.publishAt, ...(r.topic ? { category: [{ name: r.topic }] } : {}), author: [{ name: org.name }],
      });
    }
    return feed;
  };
  const feedRoute = (path: string, type: string, html: boolean, render: (f: Feed) => string) =>
    app.get(path, { config: { access: "public" }, schema: { querystring: FeedQuery } }, async (request, reply) => {
      reply.header("cache-control", "public, max-age=60").type(type);
      return render(await feedFor(request.query, html));
    });
  feedRoute("/press/rss.xml", "application/rss+xml; charset=utf-8", true, (f) => f.rss2());
  feedRoute("/press/atom.xml", "application/atom+xml; charset=utf-8", true, (f) => f.atom1());
  feedRoute("/press/feed.json", "application/feed+json; charset=utf-8", false, (f) => f.json1());
}
