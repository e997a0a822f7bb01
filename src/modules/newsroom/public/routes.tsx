import { escapeHtml } from "@kitajs/html";
import { clip } from "../../../platform/text.js";
/** Public newsroom routes: list and search, releases, feeds, images and material, embargo, subscribing, events, invitations. */
import { Feed } from "feed";
import type { z } from "zod";
import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import { ConfirmPage, DonePage } from "../../../views/components.js";
import { audit } from "../../../platform/audit/audit.js";
import { idFromSignedToken } from "../../../platform/auth/signed-links.js";
import { AppError } from "../../../platform/errors.js";
import { Uuid, type FastifyReply, type TypedApp, type TypedRequest } from "../../../platform/http/typed.js";
import { sayer } from "../../../platform/i18n/messages.js";
import type { FieldError } from "../../../views/context.js";
import { JsonLd } from "../../../views/json-ld.js";
import { isPublic, type NewsroomDeps } from "../commands.js";
import { invitationIcs } from "../ics.js";
import { markdownToText } from "../markdown.js";
import { subscribe } from "../media.js";
import { messages } from "../messages.js";
import { LINK_ACTOR_LABEL, SKIPPED_UNSUBSCRIBED } from "../newsroom-words.js";
import {
  AssetQuery,
  DocumentParams,
  EmbargoQuery,
  EventPageParams,
  FeedQuery,
  ImageFileParams,
  PublicListQuery,
  RsvpBody,
  SlugParams,
  SubscribeBody,
  TokenParams,
} from "../schema.js";
import { PAGE_SIZE, publicReleases, releaseDetail, topicsAndUnits, type ReleaseDetail } from "../queries.js";
import { EventPage, NewsroomPage, ReleaseView, RsvpPage, newsroomQuery } from "./views.js";


/** schema.org NewsArticle for a release. */
export function newsArticleJsonLd(r: ReleaseDetail, base: string, orgName: string): Record<string, unknown> {
  const image = r.images.map((i) => `${base}/press/bild/${i.id}/${i.sizes[i.sizes.length - 1] ?? 800}.jpg`);
  return {
    "@context": "https://schema.org", "@type": "NewsArticle", headline: r.title, description: r.lead, url: `${base}/press/${r.slug}`, mainEntityOfPage: `${base}/press/${r.slug}`,
    datePublished: r.publishAt?.toISOString(), dateModified: (r.corrections[r.corrections.length - 1]?.at ?? r.publishAt ?? r.updatedAt).toISOString(), inLanguage: "sv",
    ...(image.length > 0 ? { image } : {}), articleSection: r.topic || undefined,
    author: { "@type": "GovernmentOrganization", name: orgName }, publisher: { "@type": "GovernmentOrganization", name: orgName },
    ...(r.corrections.length > 0 ? { correction: r.corrections.map((c) => ({ "@type": "CorrectionComment", text: c.note, datePublished: c.at.toISOString() })) } : {}),
  };
}

type ListQuery = z.infer<typeof PublicListQuery>;

export function newsroomPublicRoutes(app: TypedApp, ctx: ModuleContext, deps: NewsroomDeps): void {
  const { config, org } = ctx;
  /** What a journalist or subscriber does through a signed link: no account, no name in the log. */
  const LINK_ACTOR = { orgId: org.id, userId: null, label: LINK_ACTOR_LABEL } as const;
  const db = deps.db;
  const base = config.publicUrl;
  const formLimit = { max: config.formRateLimitPerMinute, timeWindow: 60_000 };

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
    return sendPage(request, reply, { title: say("public.title"), side: "public", head, status, hasErrors: sub.errors.length > 0 }, (page2) => (
      <NewsroomPage ctx={page2} filters={filters} rows={list.rows} total={list.total} page={page} pageSize={PAGE_SIZE} topics={options.topics} units={options.units} subscribed={sub.subscribed} errors={sub.errors} email={sub.email} />
    ));
  };

  app.get("/press", { config: { access: "public" }, schema: { querystring: PublicListQuery } }, (request, reply) =>
    renderList(request, reply, request.query, { errors: [], email: "", subscribed: request.query.prenumeration === "1" }));

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

  // ---- Subscribing (double opt-in) and stopping ----------------------------------------------

  app.post("/press/prenumerera", { config: { access: "public", rateLimit: formLimit }, schema: { querystring: PublicListQuery, body: SubscribeBody } }, async (request, reply) => {
    const email = clip(request.body.subscribeEmail.trim(), 320);
    const r = await subscribe(deps, org.id, email, sayer(messages, request.lang));
    if (!r.ok) return renderList(request, reply, request.query, { errors: r.kind === "invalid" ? r.errors : [], email, subscribed: false }, 400);
    return reply.redirect("/press?prenumeration=1#prenumerera", 303);
  });

  app.get("/press/prenumerera/:token", { config: { access: "public" }, schema: { params: TokenParams } }, async (request, reply) => {
    const { token } = request.params;
    if (!idFromSignedToken(config.sessionSecret, "press-subscribe", token)) throw new AppError("KS_NOT_FOUND");
    const say = sayer(messages, request.lang);
    reply.header("cache-control", "no-store");
    return sendPage(request, reply, { title: say("subscribe.confirm.title"), side: "public" }, (page) => (
      <ConfirmPage ctx={page} heading={say("subscribe.confirm.title")} action={`/press/prenumerera/${token}`} button={say("subscribe.confirm.button")}
        text={say("subscribe.confirm.text")} />
    ));
  });

  app.post("/press/prenumerera/:token", { config: { access: "public", rateLimit: formLimit }, schema: { params: TokenParams } }, async (request, reply) => {
    const say = sayer(messages, request.lang);
    const id = idFromSignedToken(config.sessionSecret, "press-subscribe", request.params.token);
    const done = id ? await db.updateTable("newsroom_subscribers").set({ confirmed_at: new Date() }).where("id", "=", id).where("unsubscribed_at", "is", null).returning("id").executeTakeFirst() : undefined;
    if (done) await audit(db, LINK_ACTOR, { action: "newsroom.subscribe.confirm", subjectType: "newsroom_subscriber", subjectId: done.id });
    if (!done) throw new AppError("KS_NOT_FOUND", say("subscribe.expired"));
    return sendPage(request, reply, { title: say("subscribe.done.title"), side: "public" }, () => (
      <DonePage heading={say("subscribe.done.title")} text={say("subscribe.done.text")} link={{ href: "/press", label: say("subscribe.done.link") }} />
    ));
  });

  // One address for people (a page with a button) and for mail programs (RFC 8058 one-click POST, no cookie, so no CSRF token: the signed token is the proof).
  const stopTarget = (token: string): { table: "newsroom_subscribers" | "media_contacts"; id: string } | undefined => {
    const s = idFromSignedToken(config.sessionSecret, "press-subscriber", token);
    if (s) return { table: "newsroom_subscribers", id: s };
    const c = idFromSignedToken(config.sessionSecret, "press-contact", token);
    return c ? { table: "media_contacts", id: c } : undefined;
  };
  app.get("/press/avsluta/:token", { config: { access: "public" }, schema: { params: TokenParams } }, async (request, reply) => {
    const { token } = request.params;
    if (!stopTarget(token)) throw new AppError("KS_NOT_FOUND");
    const say = sayer(messages, request.lang);
    reply.header("cache-control", "no-store");
    return sendPage(request, reply, { title: say("stop.title"), side: "public" }, (page) => (
      <ConfirmPage ctx={page} heading={say("stop.title")} action={`/press/avsluta/${token}`} button={say("stop.button")} text={say("stop.text")} />
    ));
  });
  app.post("/press/avsluta/:token", { config: { access: "public", csrf: false, rateLimit: formLimit }, schema: { params: TokenParams } }, async (request, reply) => {
    const target = stopTarget(request.params.token);
    if (!target) throw new AppError("KS_NOT_FOUND");
    await db.transaction().execute(async (trx) => {
      if (target.table === "newsroom_subscribers") await trx.updateTable("newsroom_subscribers").set({ unsubscribed_at: new Date() }).where("id", "=", target.id).where("unsubscribed_at", "is", null).execute();
      else await trx.updateTable("media_contacts").set({ unsubscribed_at: new Date(), updated_at: new Date() }).where("id", "=", target.id).where("unsubscribed_at", "is", null).execute();
      await audit(trx, LINK_ACTOR, { action: target.table === "newsroom_subscribers" ? "newsroom.unsubscribe" : "media-contact.unsubscribe", subjectType: target.table === "newsroom_subscribers" ? "newsroom_subscriber" : "media_contact", subjectId: target.id });
      await trx.updateTable("release_deliveries").set({ status: "skipped", last_error: SKIPPED_UNSUBSCRIBED }).where(target.table === "newsroom_subscribers" ? "subscriber_id" : "contact_id", "=", target.id).where("status", "=", "pending").execute();
    });
    const say = sayer(messages, request.lang);
    return sendPage(request, reply, { title: say("stop.done.title"), side: "public" }, () => (
      <DonePage heading={say("stop.done.title")} text={say("stop.done.text")} />
    ));
  });

  // ---- Images and material: public with the release, or with the embargo link ---------------------

  /** May this request see the release's files: it is public, or the embargo token in ?e= is for it. */
  const canSeeAssets = async (releaseId: string, e: string | undefined): Promise<boolean> => {
    const r = await db.selectFrom("releases").select(["status", "publish_at"]).where("id", "=", releaseId).executeTakeFirst();
    if (!r) return false;
    if (isPublic(r)) return true;
    return r.status === "approved" && typeof e === "string" && idFromSignedToken(config.sessionSecret, "press-embargo", e) === releaseId;
  };
  app.get("/press/bild/:id/:file", { config: { access: "public" }, schema: { params: ImageFileParams, querystring: AssetQuery } }, async (request, reply) => {
    const { id, file } = request.params;
    const s = await db.selectFrom("release_image_sizes as s").innerJoin("release_images as i", "i.id", "s.image_id").select(["s.data", "i.release_id"]).where("s.image_id", "=", id).where("s.width", "=", Number(file.slice(0, -4))).executeTakeFirst();
    if (!s || !(await canSeeAssets(s.release_id, request.query.e))) throw new AppError("KS_NOT_FOUND");
    return reply.type("image/jpeg").header("cache-control", "public, max-age=86400").header("x-content-type-options", "nosniff").send(s.data);
  });
  app.get("/press/dokument/:id", { config: { access: "public" }, schema: { params: DocumentParams, querystring: AssetQuery } }, async (request, reply) => {
    const d = await db.selectFrom("release_documents").select(["release_id", "filename", "content_type", "data"]).where("id", "=", request.params.id).executeTakeFirst();
    if (!d || !(await canSeeAssets(d.release_id, request.query.e))) throw new AppError("KS_NOT_FOUND");
    return reply.type(d.content_type).header("content-disposition", `attachment; filename="${d.filename.replace(/[^\w.-]/g, "_")}"`).header("x-content-type-options", "nosniff").send(d.data);
  });

  // ---- Events, calendar files and answers to invitations ---------------------------------------

  const eventById = async (id: string) => Uuid.safeParse(id).success ? db.selectFrom("press_events").selectAll().where("org_id", "=", org.id).where("id", "=", id).executeTakeFirst() : undefined;
  app.get("/press/evenemang/:id", { config: { access: "public" }, schema: { params: EventPageParams } }, async (request, reply) => {
    const raw = request.params.id;
    const ics = raw.endsWith(".ics");
    const e = await eventById(ics ? raw.slice(0, -4) : raw);
    if (!e) throw new AppError("KS_NOT_FOUND");
    if (ics) {
      const body = invitationIcs({ id: e.id, title: e.title, description: e.description, location: e.location, startsAt: new Date(e.starts_at), endsAt: new Date(e.ends_at) }, base);
      return reply.type("text/calendar; charset=utf-8").header("content-disposition", `attachment; filename="evenemang.ics"`).send(body);
    }
    return sendPage(request, reply, { title: e.title, side: "public" }, (page) => <EventPage ctx={page} e={e} />);
  });

  const invitation = async (token: string) => {
    const id = idFromSignedToken(config.sessionSecret, "press-rsvp", token);
    if (!id) return undefined;
    return db.selectFrom("event_invitations as i").innerJoin("press_events as e", "e.id", "i.event_id").innerJoin("media_contacts as c", "c.id", "i.contact_id")
      .select(["i.id", "i.response", "c.name", "e.title", "e.location", "e.starts_at"]).where("i.id", "=", id).executeTakeFirst();
  };
  const renderRsvp = async (request: TypedRequest, reply: FastifyReply, token: string, done: boolean) => {
    const i = await invitation(token);
    if (!i) throw new AppError("KS_NOT_FOUND");
    reply.header("cache-control", "no-store");
    return sendPage(request, reply, { title: i.title, side: "public" }, (page) => (
      <RsvpPage ctx={page} e={{ title: i.title, location: i.location, starts_at: new Date(i.starts_at) }} name={i.name} response={i.response} action={`/press/svar/${token}`} done={done} />
    ));
  };
  app.get("/press/svar/:token", { config: { access: "public" }, schema: { params: TokenParams } }, (request, reply) => renderRsvp(request, reply, request.params.token, false));
  app.post("/press/svar/:token", { config: { access: "public", rateLimit: formLimit }, schema: { params: TokenParams, body: RsvpBody } }, async (request, reply) => {
    const { token } = request.params;
    const i = await invitation(token);
    const response = request.body.response;
    if (!i) throw new AppError("KS_NOT_FOUND");
    if (response !== "yes" && response !== "no") throw new AppError("KS_VALIDATION", sayer(messages, request.lang)("rsvp.choose"));
    await db.transaction().execute(async (trx) => {
      await trx.updateTable("event_invitations").set({ response, responded_at: new Date() }).where("id", "=", i.id).execute();
      await audit(trx, LINK_ACTOR, { action: "press-event.answer", subjectType: "event_invitation", subjectId: i.id, details: { response } });
    });
    return renderRsvp(request, reply, token, true);
  });

  // ---- Embargo and release pages ----------------------------------------------------------

  const eventsFor = (releaseId: string) => db.selectFrom("press_events").select(["id", "title", "starts_at", "location"]).where("release_id", "=", releaseId).orderBy("starts_at").execute();

  app.get("/press/embargo/:token", { config: { access: "public" }, schema: { params: TokenParams, querystring: EmbargoQuery } }, async (request, reply) => {
    const { token } = request.params;
    const say = sayer(messages, request.lang);
    const releaseId = idFromSignedToken(config.sessionSecret, "press-embargo", token);
    const contactId = idFromSignedToken(config.sessionSecret, "press-embargo-contact", request.query.k ?? "");
    const allowed = releaseId && contactId
      ? await db.selectFrom("release_embargo_recipients").select("contact_id").where("release_id", "=", releaseId).where("contact_id", "=", contactId).executeTakeFirst()
      : undefined;
    const r = allowed && releaseId ? await releaseDetail(db, org.id, { id: releaseId }) : undefined;
    if (!r || r.status !== "approved" || !r.publishAt) throw new AppError("KS_NOT_FOUND", say("release.embargo.expired"));
    if (r.publishAt.getTime() <= Date.now()) return reply.redirect(`/press/${r.slug}`, 303);
    reply.header("cache-control", "private, no-store").header("x-robots-tag", "noindex");
    const events = await eventsFor(r.id);
    return sendPage(request, reply, { title: say("release.embargo.pageTitle", { title: r.title }), side: "public", head: <meta name="robots" content="noindex" /> }, (page) => (
      <ReleaseView ctx={page} r={r} embargoUntil={r.publishAt ?? undefined} assetQuery={`?e=${encodeURIComponent(token)}`} events={events} />
    ));
  });

  app.get("/press/:slug", { config: { access: "public" }, schema: { params: SlugParams } }, async (request, reply) => {
    const r = await releaseDetail(db, org.id, { slug: request.params.slug });
    if (!r || !isPublic({ status: r.status, publish_at: r.publishAt })) throw new AppError("KS_NOT_FOUND");
    const url = `${base}/press/${r.slug}`;
    const image = r.images[0];
    const head = (
      <>
        <link rel="canonical" href={url} />
        <meta name="description" content={r.lead} />
        <meta property="og:type" content="article" />
        <meta property="og:title" content={r.title} />
        <meta property="og:description" content={r.lead || markdownToText(r.bodyMd).slice(0, 200)} />
        <meta property="og:url" content={url} />
        <meta property="og:site_name" content={org.name} />
        <meta property="og:locale" content="sv_SE" />
        {image ? <meta property="og:image" content={`${base}/press/bild/${image.id}/${image.sizes[image.sizes.length - 1] ?? 800}.jpg`} /> : ""}
        {image ? <meta property="og:image:alt" content={image.alt} /> : ""}
        <meta property="article:published_time" content={r.publishAt?.toISOString() ?? ""} />
        <JsonLd data={newsArticleJsonLd(r, base, org.name)} />
      </>
    ) as JSX.Element;
    const events = await eventsFor(r.id);
    return sendPage(request, reply, { title: r.title, side: "public", head, cacheable: true, maxAge: 60 }, (page) => <ReleaseView ctx={page} r={r} events={events} />);
  });
}
