/** Public routes for ideas: list, search and feeds, the form, the idea's page, the submitter's page, following. */
import { escapeHtml } from "@kitajs/html";
import { Feed } from "feed";
import type { ModuleContext } from "../../../app/module.js";
import { AppError } from "../../../platform/errors.js";
import { requestActor } from "../../../platform/http/actor.js";
import { FORM_GUARD_MESSAGES, formStamp, guardedForm } from "../../../platform/http/form-guard.js";
import { multipartField, multipartFiles } from "../../../platform/http/multipart.js";
import { sendPage } from "../../../platform/http/page.js";
import { sniffType } from "../../../platform/http/sniff.js";
import type { FastifyReply, TypedApp, TypedRequest } from "../../../platform/http/typed.js";
import { sayer, type Lang } from "../../../platform/i18n/messages.js";
import { clip, isEmailAddress, truncate } from "../../../platform/text.js";
import { ConfirmPage, DonePage } from "../../../views/components.js";
import type { FieldError } from "../../../views/context.js";
import {
  answerHelped,
  confirmFollow,
  confirmIdea,
  errorsOf,
  followIdea,
  submitIdea,
  unsubscribe,
  validateIdea,
  type IdeaDeps,
} from "../commands.js";
import { ACTOR_LABEL } from "../record-words.js";
import { messages } from "../messages.js";
import {
  categories,
  feedIdeas,
  followerCount,
  groups,
  ideaById,
  ideaLinks,
  PAGE_SIZE,
  publicIdea,
  publicIdeas,
  publicState,
  states,
  timeline,
  units,
} from "../queries.js";
import {
  FeedQuery,
  FollowBody,
  HelpedBody,
  IdeaQuery,
  ListQuery,
  MineQuery,
  MultipartForm,
  NumberParams,
  TokenParams,
} from "../schema.js";
import { idFromToken, tokenFor } from "../tokens.js";
import { EMPTY_IDEA_FORM, IdeaListPage, IdeaPage, MyIdeaPage, NewIdeaPage, type IdeaForm } from "./views.js";

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

export function ideaPublicRoutes(app: TypedApp, ctx: ModuleContext, deps: IdeaDeps): void {
  const { config, org } = ctx;
  const db = deps.db;
  const formLimit = { max: config.formRateLimitPerMinute, timeWindow: 60_000 };

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
    return sendPage(request, reply, { title: say("list.title"), side: "public", head }, (pageCtx) => (
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

  // ---- Submitting ------------------------------------------------------------------------

  const renderForm = async (
    request: TypedRequest,
    reply: FastifyReply,
    form: IdeaForm,
    errors: readonly FieldError[],
    status = 200,
  ) => {
    const say = sayer(messages, request.lang);
    const cats = (await categories(db, org.id))
      .filter((c) => c.active)
      .map((c) => ({ value: c.id, label: request.lang === "sv" ? c.name_sv : c.name_en }));
    return sendPage(
      request,
      reply,
      { title: say("new.title"), side: "public", hasErrors: errors.length > 0, status },
      (page) => (
        <NewIdeaPage
          ctx={page}
          form={form}
          errors={errors}
          categories={cats}
          stamp={formStamp(config.sessionSecret)}
        />
      ),
    );
  };

  app.get("/forslag/nytt", { config: { access: "public" } }, (request, reply) =>
    renderForm(request, reply, EMPTY_IDEA_FORM, []),
  );

  app.post(
    "/forslag/nytt",
    { config: { access: "public", ...guardedForm(config) }, schema: { body: MultipartForm } },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError("KS_UNSUPPORTED_MEDIA");
      const body = request.body;
      const say = sayer(messages, request.lang);
      const form: IdeaForm = {
        title: clip(multipartField(body, "title"), 1000),
        description: clip(multipartField(body, "description"), 20_000),
        category: multipartField(body, "category"),
        name: clip(multipartField(body, "name").trim(), 200),
        email: clip(multipartField(body, "email").trim(), 320),
      };
      if (request.formGuard === "too-fast") {
        return renderForm(
          request,
          reply,
          form,
          [{ field: "title", message: FORM_GUARD_MESSAGES["too-fast"][request.lang] }],
          400,
        );
      }
      const errors: FieldError[] = validateIdea(form, request.lang);
      if (request.formGuard === "expired")
        errors.push({ field: "title", message: FORM_GUARD_MESSAGES.expired[request.lang] });
      if (!isEmailAddress(form.email)) errors.push({ field: "email", message: say("error.email.format") });
      const cats = await categories(db, org.id);
      if (form.category && !cats.some((c) => c.id === form.category && c.active))
        errors.push({ field: "category", message: say("error.category") });
      let attachment: { filename: string; contentType: string; data: Buffer } | undefined;
      const [f] = multipartFiles(body, "file");
      if (f) {
        const data = await f.toBuffer();
        const type = sniffType(data);
        if (!type) errors.push({ field: "file", message: say("error.file.type", { filename: f.filename }) });
        else attachment = { filename: f.filename, contentType: type, data };
      }
      if (errors.length > 0) return renderForm(request, reply, form, errors, 400);
      const result = await submitIdea(
        deps,
        { ...requestActor(request, org.id), userId: null, label: ACTOR_LABEL.webForm },
        {
          orgId: org.id,
          source: "resident",
          title: form.title,
          description: form.description,
          categoryId: form.category || null,
          submitterName: form.name || undefined,
          submitterEmail: form.email,
          attachment,
        },
        request.lang,
      );
      if (!result.ok) return renderForm(request, reply, form, errorsOf(result), 400);
      return reply.redirect(`/forslag/mitt/${tokenFor(config.sessionSecret, "idea", result.value.id)}?skickat=1`, 303);
    },
  );

  // ---- The submitter's page --------------------------------------------------------------

  const mine = async (token: string) => {
    const id = idFromToken(config.sessionSecret, "idea", token);
    const idea = id ? await ideaById(db, org.id, id) : undefined;
    if (!idea || idea.source !== "resident") throw new AppError("KS_NOT_FOUND");
    return idea;
  };
  const renderMine = async (
    request: TypedRequest,
    reply: FastifyReply,
    token: string,
    justSent: boolean,
    errors: readonly FieldError[],
    status = 200,
  ) => {
    const say = sayer(messages, request.lang);
    const idea = await mine(token);
    // The submitter sees every public step and what was said to them (held, cleared, rejected).
    const steps = (await timeline(db, idea.id, false)).filter(
      (s) => s.public || ["held", "cleared", "rejected"].includes(s.kind),
    );
    reply.header("cache-control", "no-store").header("referrer-policy", "no-referrer");
    return sendPage(
      request,
      reply,
      {
        title: say("mine.title", { number: idea.number }),
        side: "public",
        hasErrors: errors.length > 0,
        status,
      },
      (page) => (
        <MyIdeaPage
          ctx={page}
          idea={idea}
          steps={steps}
          state={publicState(steps)}
          token={token}
          justSent={justSent}
          errors={errors}
        />
      ),
    );
  };
  app.get(
    "/forslag/mitt/:token",
    { config: { access: "public" }, schema: { params: TokenParams, querystring: MineQuery } },
    async (request, reply) => renderMine(request, reply, request.params.token, request.query.skickat === "1", []),
  );

  app.post(
    "/forslag/mitt/:token/bekrafta",
    { config: { access: "public", rateLimit: formLimit }, schema: { params: TokenParams } },
    async (request, reply) => {
      const { token } = request.params;
      const idea = await mine(token);
      await confirmIdea(
        deps,
        { ...requestActor(request, org.id), userId: null, label: ACTOR_LABEL.submitter },
        idea.id,
        request.lang,
      );
      return reply.redirect(`/forslag/mitt/${token}`, 303);
    },
  );

  app.post(
    "/forslag/mitt/:token/hjalpte",
    { config: { access: "public", rateLimit: formLimit }, schema: { params: TokenParams, body: HelpedBody } },
    async (request, reply) => {
      const { token } = request.params;
      const idea = await mine(token);
      const r = await answerHelped(deps, org.id, idea.id, request.body.helped, request.body.helpedComment, request.lang);
      if (!r.ok) return renderMine(request, reply, token, false, errorsOf(r), 400);
      return reply.redirect(`/forslag/mitt/${token}`, 303);
    },
  );

  // ---- An idea's public page and following it ----------------------------------------------

  const renderIdea = async (
    request: TypedRequest,
    reply: FastifyReply,
    number: string,
    follow: { errors: readonly FieldError[]; email: string; followed: boolean },
    status = 200,
  ) => {
    const idea = await publicIdea(db, org.id, number);
    if (!idea) throw new AppError("KS_NOT_FOUND");
    const [steps, links, followers] = await Promise.all([
      timeline(db, idea.id, true),
      ideaLinks(db, idea.id),
      followerCount(db, idea.id),
    ]);
    return sendPage(
      request,
      reply,
      {
        title: idea.title,
        side: "public",
        hasErrors: follow.errors.length > 0,
        status,
        cacheable: follow.errors.length === 0 && !follow.followed,
        maxAge: 0,
      },
      (page) => (
        <IdeaPage
          ctx={page}
          idea={idea}
          steps={steps}
          state={publicState(steps)}
          links={links}
          followers={followers}
          followErrors={follow.errors}
          followEmail={follow.email}
          followed={follow.followed}
        />
      ),
    );
  };

  app.get(
    "/forslag/:number",
    { config: { access: "public" }, schema: { params: NumberParams, querystring: IdeaQuery } },
    (request, reply) =>
      renderIdea(request, reply, request.params.number, {
        errors: [],
        email: "",
        followed: request.query.folj === "1",
      }),
  );

  app.post(
    "/forslag/:number/folj",
    { config: { access: "public", rateLimit: formLimit }, schema: { params: NumberParams, body: FollowBody } },
    async (request, reply) => {
      const { number } = request.params;
      const idea = await publicIdea(db, org.id, number);
      if (!idea) throw new AppError("KS_NOT_FOUND");
      const email = request.body.followEmail.trim();
      const frequency = request.body.frequency === "daily" ? "daily" : "immediate";
      const r = await followIdea(deps, org.id, idea.id, email, frequency, request.lang);
      if (!r.ok) return renderIdea(request, reply, number, { errors: errorsOf(r), email, followed: false }, 400);
      // The same answer whether the address already follows or not: nobody learns who follows what.
      return reply.redirect(`/forslag/${number}?folj=1#folj`, 303);
    },
  );

  app.get(
    "/forslag/folj/:token",
    { config: { access: "public" }, schema: { params: TokenParams } },
    async (request, reply) => {
      const { token } = request.params;
      if (!idFromToken(config.sessionSecret, "follower", token)) throw new AppError("KS_NOT_FOUND");
      const say = sayer(messages, request.lang);
      reply.header("cache-control", "no-store");
      return sendPage(request, reply, { title: say("follow.start.title"), side: "public" }, (page) => (
        <ConfirmPage
          ctx={page}
          heading={say("follow.start.title")}
          action={`/forslag/folj/${token}`}
          button={say("follow.start.button")}
          text={say("follow.start.text")}
        />
      ));
    },
  );

  app.post(
    "/forslag/folj/:token",
    { config: { access: "public", rateLimit: formLimit }, schema: { params: TokenParams } },
    async (request, reply) => {
      const { token } = request.params;
      const say = sayer(messages, request.lang);
      const id = idFromToken(config.sessionSecret, "follower", token);
      const done = id ? await confirmFollow(db, id) : undefined;
      if (!done) throw new AppError("KS_NOT_FOUND", say("follow.expired"));
      return sendPage(request, reply, { title: say("follow.done.title"), side: "public" }, () => (
        <DonePage
          heading={say("follow.done.title")}
          text={say("follow.done.text")}
          link={{ href: `/forslag/${done.ideaNumber}`, label: say("follow.done.back") }}
        />
      ));
    },
  );

  // Stopping: a page with a button for people, and one-click (RFC 8058) for mail programs.
  // The token in the address is the proof; a mail program's POST carries no cookie, so no CSRF token either.
  const stopFollower = (token: string): { id: string; all: boolean } | undefined => {
    const single = idFromToken(config.sessionSecret, "follower", token);
    if (single) return { id: single, all: false };
    const all = idFromToken(config.sessionSecret, "follower-all", token);
    return all ? { id: all, all: true } : undefined;
  };
  app.get(
    "/forslag/sluta-folja/:token",
    { config: { access: "public" }, schema: { params: TokenParams } },
    async (request, reply) => {
      const { token } = request.params;
      const f = stopFollower(token);
      if (!f) throw new AppError("KS_NOT_FOUND");
      const say = sayer(messages, request.lang);
      reply.header("cache-control", "no-store");
      return sendPage(request, reply, { title: say("follow.stop.title"), side: "public" }, (page) => (
        <ConfirmPage
          ctx={page}
          heading={say("follow.stop.title")}
          action={`/forslag/sluta-folja/${token}`}
          button={say("follow.stop.title")}
          text={say(f.all ? "follow.stop.textAll" : "follow.stop.textOne")}
        />
      ));
    },
  );

  app.post(
    "/forslag/sluta-folja/:token",
    { config: { access: "public", csrf: false, rateLimit: formLimit }, schema: { params: TokenParams } },
    async (request, reply) => {
      const { token } = request.params;
      const f = stopFollower(token);
      if (!f) throw new AppError("KS_NOT_FOUND");
      await unsubscribe(db, f.id, f.all);
      const say = sayer(messages, request.lang);
      return sendPage(request, reply, { title: say("follow.stopped.title"), side: "public" }, () => (
        <DonePage heading={say("follow.stopped.title")} text={say("follow.stopped.text")} />
      ));
    },
  );
}
