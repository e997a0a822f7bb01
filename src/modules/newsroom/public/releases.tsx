/** A release page, and its embargo page for the chosen journalists. */
import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import { idFromSignedToken } from "../../../platform/auth/signed-links.js";
import { AppError } from "../../../platform/errors.js";
import type { TypedApp } from "../../../platform/http/typed.js";
import { sayer } from "../../../platform/i18n/messages.js";
import { JsonLd } from "../../../views/json-ld.js";
import { isPublic, type NewsroomDeps } from "../commands.js";
import { markdownToText } from "../markdown.js";
import { messages } from "../messages.js";
import { EmbargoQuery, SlugParams, TokenParams } from "../schema.js";
import { releaseDetail, type ReleaseDetail } from "../queries.js";
import { ReleaseView } from "./views.js";
import { publicKit } from "./shared.js";

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

export function releaseRoutes(app: TypedApp, ctx: ModuleContext, deps: NewsroomDeps): void {
  const { config, org, db, base } = publicKit(ctx, deps);

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
