/**
 * Turning a request into a page: its context (language, viewer, CSRF token, the
 * organisation's facts), the site frame with the navigation this viewer may see, and the
 * status and cache headers. The composition root (src/app) gives the frame what only it
 * knows — the navigation of every module — as `request.server.pageFrame`.
 */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { SessionUser } from "../auth/session-user.js";
import type { MessageKey } from "../i18n/i18n.js";
import type { PageContext } from "../../views/context.js";
import { Layout, type NavItem } from "../../views/layout.js";
import { renderingIn } from "../../views/render-lang.js";
import { csrfBinding } from "./csrf.js";
import { browserHasCurrent, etagOf, pageCacheKey, TOKEN_PLACEHOLDER } from "./page-cache.js";

/** What the frame needs from the composition root. */
export interface PageFrame {
  readonly demo: boolean;
  readonly organisation: PageContext["organisation"];
  navFor(
    side: "public" | "staff",
    user: SessionUser | null,
  ): readonly { readonly href: string; readonly label: MessageKey }[];
}

declare module "fastify" {
  interface FastifyInstance {
    pageFrame: PageFrame;
  }
}

/** A fresh CSRF token for this visitor (and the cookie it is checked against). */
export function csrfTokenFor(request: FastifyRequest, reply: FastifyReply): string {
  return reply.generateCsrf({ userInfo: csrfBinding(request) });
}

/**
 * The page's context. The CSRF token is made only if the page asks for it; a page being made
 * for the cache gets a placeholder that each visitor's own token replaces when it is sent.
 */
export function pageContext(request: FastifyRequest, reply: FastifyReply, forCache = false): PageContext {
  let token: string | undefined;
  return {
    lang: request.lang,
    t: request.t,
    user: request.user,
    get csrfToken() {
      if (forCache) return TOKEN_PLACEHOLDER;
      token ??= csrfTokenFor(request, reply);
      return token;
    },
    path: request.url,
    demo: request.server.pageFrame.demo,
    requestId: request.id,
    organisation: request.server.pageFrame.organisation,
  };
}

export interface PageOptions {
  readonly title: string;
  readonly side: "public" | "staff";
  readonly hasErrors?: boolean;
  readonly status?: number;
  readonly head?: JSX.Element;
  readonly scripts?: readonly string[];
  /**
   * A public page anyone may cache: sent with an ETag of its bytes, answered 304 when the
   * browser's copy is current. Pages differ by language and sign-in, so caches key on the cookie.
   */
  readonly cacheable?: boolean;
  /**
   * Keep the page in this server's memory only: browsers and shared caches are told not to
   * store it (search results: the address holds what a resident searched for).
   */
  readonly serverOnly?: boolean;
  /** Seconds a shared cache may serve a cacheable page without asking; 0 = always revalidate (pages that change when staff act). Default 300. */
  readonly maxAge?: number;
}

/** Renders a full page in the site frame, with the navigation this viewer may see. */
export function sendPage(
  request: FastifyRequest,
  reply: FastifyReply,
  options: PageOptions,
  body: (ctx: PageContext) => JSX.Element,
): FastifyReply {
  const status = options.status ?? 200;
  const forCache = Boolean(options.cacheable && status === 200 && request.pageReads && !request.user);
  const ctx = pageContext(request, reply, forCache);
  const nav: NavItem[] = request.server.pageFrame.navFor(options.side, request.user).map((e) => ({
    href: e.href,
    label: ctx.t(e.label),
  }));
  const html = renderingIn(ctx.lang, () => (
    <Layout
      ctx={ctx}
      title={options.title}
      side={options.side}
      nav={nav}
      hasErrors={options.hasErrors ?? false}
      head={options.head}
      scripts={options.scripts}
    >
      {body(ctx) as "safe"}
    </Layout>
  )) as string;
  /** The page cut at the CSRF placeholder, once, when it is kept or carries one. */
  let parts: string[] | undefined;
  // Pages can hold personal data: never let a shared cache keep staff pages.
  if (options.side === "staff") reply.header("cache-control", "no-store");
  else if (options.cacheable && status === 200) {
    const etag = etagOf(html);
    const cacheControl = options.serverOnly
      ? "no-store"
      : request.user
        ? "private, no-cache"
        : (options.maxAge ?? 300) > 0
          ? `public, max-age=${options.maxAge ?? 300}`
          : "public, no-cache";
    reply.header("etag", etag).header("vary", "Cookie").header("cache-control", cacheControl);
    if (forCache && request.pageReads) {
      parts ??= html.split(TOKEN_PLACEHOLDER);
      request.server.pageCache.store(pageCacheKey(request), parts, etag, cacheControl, request.pageReads);
      // Visitors who asked for the same page meanwhile get this rendering, kept or not.
      request.pageReads.finish({ parts, etag, cacheControl });
    }
    if (browserHasCurrent(request, etag)) return reply.status(304).send();
  }
  if (forCache && html.includes(TOKEN_PLACEHOLDER)) parts ??= html.split(TOKEN_PLACEHOLDER);
  const sent = parts && parts.length > 1 ? parts.join(csrfTokenFor(request, reply)) : html;
  return reply.status(status).type("text/html; charset=utf-8").send(sent);
}
