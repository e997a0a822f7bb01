import { escapeHtml } from "@kitajs/html";
/** Public routes for ideas: list, search and feeds, the form, the idea's page, the submitter's page, following. */
import { clip, isEmailAddress, truncate } from "../../../platform/text.js";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Feed } from "feed";
import { z } from "zod";
import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import { ConfirmPage, DonePage } from "../../../views/components.js";
import { requestActor } from "../../../platform/http/actor.js";
import { AppError } from "../../../platform/errors.js";
import type { FieldError } from "../../../views/context.js";
import { FORM_GUARD_MESSAGES, formStamp, guardedForm } from "../../../platform/http/form-guard.js";
import { sniffType } from "../../../platform/http/sniff.js";
import { multipartField, multipartFiles, type MultipartBody } from "../../../platform/http/multipart.js";
import { answerHelped, confirmFollow, confirmIdea, followIdea, submitIdea, unsubscribe, validateIdea, type IdeaDeps } from "../commands.js";
import { categories, feedIdeas, followerCount, ideaById, ideaLinks, PAGE_SIZE, publicIdea, publicIdeas, publicState, states, timeline, units, groups } from "../queries.js";
import { idFromToken, tokenFor } from "../tokens.js";
import { EMPTY_IDEA_FORM, IdeaListPage, IdeaPage, MyIdeaPage, NewIdeaPage, type IdeaForm } from "./views.js";

type Body = Record<string, string | string[] | undefined>;
const one = (b: Body, k: string): string => { const v = b[k]; return (Array.isArray(v) ? v[0] ?? "" : v ?? "").toString(); };

const LIST_QUERY = z.object({
  q: z.string().max(200).optional(), lage: z.string().max(80).optional(), enhet: z.string().max(80).optional(), kategori: z.string().max(80).optional(),
  sida: z.coerce.number().int().min(1).max(10_000).optional(),
});

/** Options for the filters: states that are public, units and groups that own public ideas, categories. */
async function filterOptions(deps: IdeaDeps, orgId: string, lang: string) {
  const [s, c, u, g] = await Promise.all([states(deps.db, orgId), categories(deps.db, orgId), units(deps.db, orgId), groups(deps.db, orgId)]);
  return {
    states: s.filter((x) => x.is_public).map((x) => ({ value: x.slug, label: lang === "sv" ? x.name_sv : x.name_en })),
    categories: c.filter((x) => x.active).map((x) => ({ value: x.slug, label: lang === "sv" ? x.name_sv : x.name_en })),
    owners: [...u.map((x) => ({ value: x.slug, label: x.name })), ...g.filter((x) => x.active).map((x) => ({ value: x.slug, label: x.name }))],
  };
}

export function ideaPublicRoutes(app: FastifyInstance, ctx: ModuleContext, deps: IdeaDeps): void {
  const { config, org } = ctx;
  const db = deps.db;
  const formLimit = { max: config.formRateLimitPerMinute, timeWindow: 60_000 };

  app.get("/forslag", { config: { access: "public" }, schema: { querystring: LIST_QUERY } }, async (request, reply) => {
    const q = request.query as z.infer<typeof LIST_QUERY>;
    const filters = { q: q.q ?? "", state: q.lage ?? "", owner: q.enhet ?? "", category: q.kategori ?? "" };
    const page = q.sida ?? 1;
    const [list, options] = await Promise.all([publicIdeas(db, org.id, { ...filters, page }), filterOptions(deps, org.id, request.lang)]);
    const qs = new URLSearchParams(Object.entries({ kategori: filters.category, enhet: filters.owner }).filter(([, v]) => v)).toString();
    const head = (
      <>
        <link rel="alternate" type="application/rss+xml" title="Förslag (RSS)" href={`/forslag/flode.rss${qs ? `?${qs}` : ""}`} />
        <link rel="alternate" type="application/atom+xml" title="Förslag (Atom)" href={`/forslag/flode.atom${qs ? `?${qs}` : ""}`} />
      </>
    );
    return sendPage(request, reply, { title: request.lang === "sv" ? "Förslag" : "Ideas", side: "public", head }, (pageCtx) => (
      <IdeaListPage ctx={pageCtx} filters={filters} rows={list.rows} total={list.total} page={page} pageSize={PAGE_SIZE} {...options} />
    ));
  });

  // ---- Feeds: RSS 2.0 and Atom, for everything or one category or one unit ----------------

  const FEED_QUERY = z.object({ enhet: z.string().max(80).optional(), kategori: z.string().max(80).optional() });
  const feedFor = async (request: FastifyRequest) => {
    const q = request.query as z.infer<typeof FEED_QUERY>;
    const rows = await feedIdeas(db, org.id, { category: q.kategori, owner: q.enhet });
    const scope = [q.kategori ? rows[0]?.category ?? q.kategori : "", q.enhet ? rows[0]?.grp ?? rows[0]?.unit ?? q.enhet : ""].filter(Boolean).join(", ");
    const qs = new URLSearchParams(Object.entries({ kategori: q.kategori ?? "", enhet: q.enhet ?? "" }).filter(([, v]) => v)).toString();
    const self = (ext: string) => `${config.publicUrl}/forslag/flode.${ext}${qs ? `?${qs}` : ""}`;
    const feed = new Feed({
      id: self("atom"), title: escapeHtml(`Förslag${scope ? ` – ${scope}` : ""} – ${org.name}`), description: "Förslag från invånare till socialförvaltningen och vad som händer med dem.",
      link: `${config.publicUrl}/forslag${qs ? `?${qs}` : ""}`, language: "sv", copyright: org.name, generator: "Klarsvar",
      updated: rows[0] ? new Date(rows[0].updated_at) : new Date(0), feedLinks: { rss: self("rss"), atom: self("atom") },
    });
    // RSS and Atom carry these as HTML (type="html"): a resident's text is escaped, so it is shown as written and never run.
    for (const r of rows) {
      feed.addItem({
        id: `${config.publicUrl}/forslag/${r.number}`, link: `${config.publicUrl}/forslag/${r.number}`, title: escapeHtml(`${r.title} (${r.state})`),
        description: escapeHtml(truncate(r.description, 500)),
        date: new Date(r.updated_at), published: new Date(r.received_at), ...(r.category ? { category: [{ name: r.category }] } : {}),
      });
    }
    return feed;
  };
  app.get("/forslag/flode.rss", { config: { access: "public" }, schema: { querystring: FEED_QUERY } }, async (request, reply) => {
    reply.header("cache-control", "public, max-age=300").type("application/rss+xml; charset=utf-8");
    return (await feedFor(request)).rss2();
  });
  app.get("/forslag/flode.atom", { config: { access: "public" }, schema: { querystring: FEED_QUERY } }, async (request, reply) => {
    reply.header("cache-control", "public, max-age=300").type("application/atom+xml; charset=utf-8");
    return (await feedFor(request)).atom1();
  });

  // ---- Submitting ------------------------------------------------------------------------

  const renderForm = async (request: FastifyRequest, reply: FastifyReply, form: IdeaForm, errors: FieldError[], status = 200) => {
    const cats = (await categories(db, org.id)).filter((c) => c.active).map((c) => ({ value: c.id, label: request.lang === "sv" ? c.name_sv : c.name_en }));
    return sendPage(request, reply, { title: request.lang === "sv" ? "Skicka ett förslag" : "Send an idea", side: "public", hasErrors: errors.length > 0, status }, (page) => (
      <NewIdeaPage ctx={page} form={form} errors={errors} categories={cats} stamp={formStamp(config.sessionSecret)} />
    ));
  };

  app.get("/forslag/nytt", { config: { access: "public" } }, (request, reply) => renderForm(request, reply, EMPTY_IDEA_FORM, []));

  app.post("/forslag/nytt", { config: { access: "public", ...guardedForm(config) } }, async (request, reply) => {
    if (!request.isMultipart()) throw new AppError("KS_UNSUPPORTED_MEDIA");
    const body = request.body as MultipartBody;
    const sv = request.lang === "sv";
    const form: IdeaForm = {
      title: clip(multipartField(body, "title"), 1000), description: clip(multipartField(body, "description"), 20_000), category: multipartField(body, "category"),
      name: clip(multipartField(body, "name").trim(), 200), email: clip(multipartField(body, "email").trim(), 320),
    };
    if (request.formGuard === "too-fast") {
      return renderForm(request, reply, form, [{ field: "title", message: FORM_GUARD_MESSAGES["too-fast"][request.lang] }], 400);
    }
    const errors: FieldError[] = sv ? validateIdea(form) : validateIdea(form).map((p) => ({ field: p.field, message: p.field === "title" ? "Write a title for your idea" : "Describe your idea (at most 5000 characters)" }));
    if (request.formGuard === "expired") errors.push({ field: "title", message: FORM_GUARD_MESSAGES.expired[request.lang] });
    if (!isEmailAddress(form.email)) errors.push({ field: "email", message: sv ? "Skriv e-postadressen som namn@exempel.se" : "Enter the email address like name@example.com" });
    const cats = await categories(db, org.id);
    if (form.category && !cats.some((c) => c.id === form.category && c.active)) errors.push({ field: "category", message: sv ? "Välj ett område i listan" : "Choose an area from the list" });
    let attachment: { filename: string; contentType: string; data: Buffer } | undefined;
    const [f] = multipartFiles(body, "file");
    if (f) {
      const data = await f.toBuffer();
      const type = sniffType(data);
      if (!type) errors.push({ field: "file", message: sv ? `Filen ${f.filename} går inte att ta emot. Skicka pdf, jpg, png, gif eller webp.` : `The file ${f.filename} cannot be received. Send pdf, jpg, png, gif or webp.` });
      else attachment = { filename: f.filename, contentType: type, data };
    }
    if (errors.length > 0) return renderForm(request, reply, form, errors, 400);
    const result = await submitIdea(deps, { ...requestActor(request, org.id), userId: null, label: "webbformulär" }, {
      orgId: org.id, source: "resident", title: form.title, description: form.description, categoryId: form.category || null,
      submitterName: form.name || undefined, submitterEmail: form.email, attachment,
    });
    if (!result.ok) return renderForm(request, reply, form, result.problems, 400);
    return reply.redirect(`/forslag/mitt/${tokenFor(config.sessionSecret, "idea", result.value.id)}?skickat=1`, 303);
  });

  // ---- The submitter's page --------------------------------------------------------------

  const mine = async (token: string) => {
    const id = idFromToken(config.sessionSecret, "idea", token);
    const idea = id ? await ideaById(db, org.id, id) : undefined;
    if (!idea || idea.source !== "resident") throw new AppError("KS_NOT_FOUND");
    return idea;
  };
  const TOKEN = z.object({ token: z.string().max(120) });
  const renderMine = async (request: FastifyRequest, reply: FastifyReply, token: string, errors: FieldError[], status = 200) => {
    const idea = await mine(token);
    // The submitter sees every public step and what was said to them (held, cleared, rejected).
    const steps = (await timeline(db, idea.id, false)).filter((s) => s.public || ["held", "cleared", "rejected"].includes(s.kind));
    reply.header("cache-control", "no-store").header("referrer-policy", "no-referrer");
    return sendPage(request, reply, { title: request.lang === "sv" ? `Ditt förslag ${idea.number}` : `Your idea ${idea.number}`, side: "public", hasErrors: errors.length > 0, status }, (page) => (
      <MyIdeaPage ctx={page} idea={idea} steps={steps} state={publicState(steps)} token={token} justSent={(request.query as { skickat?: string }).skickat === "1"} errors={errors} />
    ));
  };
  app.get("/forslag/mitt/:token", { config: { access: "public" }, schema: { params: TOKEN, querystring: z.object({ skickat: z.string().max(2).optional() }) } }, async (request, reply) =>
    renderMine(request, reply, (request.params as { token: string }).token, []));

  app.post("/forslag/mitt/:token/bekrafta", { config: { access: "public", rateLimit: formLimit }, schema: { params: TOKEN } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const idea = await mine(token);
    await confirmIdea(deps, { ...requestActor(request, org.id), userId: null, label: "förslagslämnaren" }, idea.id);
    return reply.redirect(`/forslag/mitt/${token}`, 303);
  });

  app.post("/forslag/mitt/:token/hjalpte", { config: { access: "public", rateLimit: formLimit }, schema: { params: TOKEN } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const idea = await mine(token);
    const b = request.body as Body;
    const r = await answerHelped(deps, org.id, idea.id, one(b, "helped"), clip(one(b, "helpedComment"), 5000));
    if (!r.ok) return renderMine(request, reply, token, r.problems, 400);
    return reply.redirect(`/forslag/mitt/${token}`, 303);
  });

  // ---- An idea's public page and following it ----------------------------------------------

  const NUMBER = z.object({ number: z.string().max(40) });
  const renderIdea = async (request: FastifyRequest, reply: FastifyReply, number: string, follow: { errors: FieldError[]; email: string; followed: boolean }, status = 200) => {
    const idea = await publicIdea(db, org.id, number);
    if (!idea) throw new AppError("KS_NOT_FOUND");
    const [steps, links, followers] = await Promise.all([timeline(db, idea.id, true), ideaLinks(db, idea.id), followerCount(db, idea.id)]);
    return sendPage(request, reply, { title: idea.title, side: "public", hasErrors: follow.errors.length > 0, status, cacheable: follow.errors.length === 0 && !follow.followed, maxAge: 0 }, (page) => (
      <IdeaPage ctx={page} idea={idea} steps={steps} state={publicState(steps)} links={links} followers={followers} followErrors={follow.errors} followEmail={follow.email} followed={follow.followed} />
    ));
  };

  app.get("/forslag/:number", { config: { access: "public" }, schema: { params: NUMBER, querystring: z.object({ folj: z.string().max(2).optional() }) } }, (request, reply) =>
    renderIdea(request, reply, (request.params as { number: string }).number, { errors: [], email: "", followed: (request.query as { folj?: string }).folj === "1" }));

  app.post("/forslag/:number/folj", { config: { access: "public", rateLimit: formLimit }, schema: { params: NUMBER } }, async (request, reply) => {
    const { number } = request.params as { number: string };
    const idea = await publicIdea(db, org.id, number);
    if (!idea) throw new AppError("KS_NOT_FOUND");
    const b = request.body as Body;
    const email = clip(one(b, "followEmail").trim(), 320);
    const frequency = one(b, "frequency") === "daily" ? "daily" : "immediate";
    const r = await followIdea(deps, org.id, idea.id, email, frequency);
    if (!r.ok) return renderIdea(request, reply, number, { errors: r.problems, email, followed: false }, 400);
    // The same answer whether the address already follows or not: nobody learns who follows what.
    return reply.redirect(`/forslag/${number}?folj=1#folj`, 303);
  });

  app.get("/forslag/folj/:token", { config: { access: "public" }, schema: { params: TOKEN } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    if (!idFromToken(config.sessionSecret, "follower", token)) throw new AppError("KS_NOT_FOUND");
    const sv = request.lang === "sv";
    reply.header("cache-control", "no-store");
    return sendPage(request, reply, { title: sv ? "Börja följa förslaget" : "Start following the idea", side: "public" }, (page) => (
      <ConfirmPage ctx={page} heading={sv ? "Börja följa förslaget" : "Start following the idea"} action={`/forslag/folj/${token}`} button={sv ? "Bekräfta" : "Confirm"}
        text={sv ? "Tryck på knappen så får du e-post när förslaget får ett nytt besked. Du kan sluta följa när du vill." : "Press the button and you get email when the idea gets news. You can stop at any time."} />
    ));
  });

  app.post("/forslag/folj/:token", { config: { access: "public", rateLimit: formLimit }, schema: { params: TOKEN } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const id = idFromToken(config.sessionSecret, "follower", token);
    const done = id ? await confirmFollow(db, id) : undefined;
    if (!done) throw new AppError("KS_NOT_FOUND", "Länken gäller inte längre. Be om en ny på förslagets sida.");
    const sv = request.lang === "sv";
    return sendPage(request, reply, { title: sv ? "Du följer förslaget" : "You follow the idea", side: "public" }, () => (
      <DonePage heading={sv ? "Du följer förslaget" : "You follow the idea"} text={sv ? "Vi skickar e-post när något händer. Varje meddelande har en länk där du kan sluta följa." : "We send email when something happens. Every message has a link to stop following."}
        link={{ href: `/forslag/${done.ideaNumber}`, label: sv ? "Tillbaka till förslaget" : "Back to the idea" }} />
    ));
  });

  // Stopping: a page with a button for people, and one-click (RFC 8058) for mail programs.
  // The token in the address is the proof; a mail program's POST carries no cookie, so no CSRF token either.
  const stopFollower = (token: string): { id: string; all: boolean } | undefined => {
    const single = idFromToken(config.sessionSecret, "follower", token);
    if (single) return { id: single, all: false };
    const all = idFromToken(config.sessionSecret, "follower-all", token);
    return all ? { id: all, all: true } : undefined;
  };
  app.get("/forslag/sluta-folja/:token", { config: { access: "public" }, schema: { params: TOKEN } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const f = stopFollower(token);
    if (!f) throw new AppError("KS_NOT_FOUND");
    const sv = request.lang === "sv";
    reply.header("cache-control", "no-store");
    return sendPage(request, reply, { title: sv ? "Sluta följa" : "Stop following", side: "public" }, (page) => (
      <ConfirmPage ctx={page} heading={sv ? "Sluta följa" : "Stop following"} action={`/forslag/sluta-folja/${token}`} button={sv ? "Sluta följa" : "Stop following"}
        text={f.all ? (sv ? "Tryck på knappen så slutar vi skicka e-post om alla förslag du följer." : "Press the button and we stop sending email about every idea you follow.") : (sv ? "Tryck på knappen så slutar vi skicka e-post om det här förslaget." : "Press the button and we stop sending email about this idea.")} />
    ));
  });

  app.post("/forslag/sluta-folja/:token", { config: { access: "public", csrf: false, rateLimit: formLimit }, schema: { params: TOKEN } }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const f = stopFollower(token);
    if (!f) throw new AppError("KS_NOT_FOUND");
    await unsubscribe(db, f.id, f.all);
    const sv = request.lang === "sv";
    return sendPage(request, reply, { title: sv ? "Du följer inte längre" : "You no longer follow", side: "public" }, () => (
      <DonePage heading={sv ? "Du följer inte längre" : "You no longer follow"} text={sv ? "Vi skickar ingen mer e-post om det. Du kan börja följa igen på förslagets sida." : "We send no more email about it. You can follow again on the idea's page."} />
    ));
  });
}
