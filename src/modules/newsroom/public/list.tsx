/** The public newsroom list with search and filters, and subscribing from it. */
import { clip } from "../../../platform/text.js";
import type { z } from "zod";
import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import { type FastifyReply, type TypedApp, type TypedRequest } from "../../../platform/http/typed.js";
import { sayer } from "../../../platform/i18n/messages.js";
import type { FieldError } from "../../../views/context.js";
import type { NewsroomDeps } from "../commands.js";
import { subscribe } from "../media.js";
import { messages } from "../messages.js";
import { PublicListQuery, SubscribeBody } from "../schema.js";
import { PAGE_SIZE, publicReleases, topicsAndUnits } from "../queries.js";
import { NewsroomPage, newsroomQuery } from "./views.js";
import { publicKit } from "./shared.js";

type ListQuery = z.infer<typeof PublicListQuery>;

export function listRoutes(app: TypedApp, ctx: ModuleContext, deps: NewsroomDeps): void {
  const { org, db, formLimit } = publicKit(ctx, deps);

  /** The list page; after a subscription post the query is the page's own (the form posts to /press/prenumerera). */
  const renderList = async (request: TypedRequest, reply: FastifyReply, q: ListQuery, sub: { errors: readonly FieldError[]; email: string; subscribed: boolean }, status = 200) => {
    const say = sayer(messages, request.lang);
    const filters = { q: q.q ?? "", topic: q.amne ?? "", unit: q.enhet ?? "" };
    const page = q.sida ?? 1;
    const [list, options] = await Promise.all([publicReleases(db, org.id, { ...filters, page }), topicsAndUnits(db, org.id)]);
    const fq = newsroomQuery({ topic: filters.topic, unit: filters.unit });
    const head = (
      <>
        <link rel="alternate" type="application/rss+xml" title={say("public.feeds.rssTitle")} href={`/press/rss.xml${fq}`} />
        <link rel="alternate" type="application/atom+xml" title={say("public.feeds.atomTitle")} href={`/press/atom.xml${fq}`} />
        <link rel="alternate" type="application/feed+json" title={say("public.feeds.jsonTitle")} href={`/press/feed.json${fq}`} />
      </>
    );
    return sendPage(request, reply, { title: say("public.title"), side: "public", head, status, hasErrors: sub.errors.length > 0, cacheable: request.method === "GET" && sub.errors.length === 0 && !sub.subscribed, maxAge: 60 }, (page2) => (
      <NewsroomPage ctx={page2} filters={filters} rows={list.rows} total={list.total} page={page} pageSize={PAGE_SIZE} topics={options.topics} units={options.units} subscribed={sub.subscribed} errors={sub.errors} email={sub.email} />
    ));
  };

  app.get("/press", { config: { access: "public" }, schema: { querystring: PublicListQuery } }, (request, reply) =>
    renderList(request, reply, request.query, { errors: [], email: "", subscribed: request.query.prenumeration === "1" }));

  // ---- Subscribing (double opt-in) and stopping ----------------------------------------------

  app.post("/press/prenumerera", { config: { access: "public", rateLimit: formLimit }, schema: { querystring: PublicListQuery, body: SubscribeBody } }, async (request, reply) => {
    const email = clip(request.body.subscribeEmail.trim(), 320);
    const r = await subscribe(deps, org.id, email, sayer(messages, request.lang));
    if (!r.ok) return renderList(request, reply, request.query, { errors: r.kind === "invalid" ? r.errors : [], email, subscribed: false }, 400);
    return reply.redirect("/press?prenumeration=1#prenumerera", 303);
  });
}
