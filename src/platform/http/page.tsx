/**
 * Turning a request into a page: its context (language, viewer, CSRF token, the
 * organisation's facts), the site frame with the navigation this viewer may see, and the
 * status and cache headers. The composition root (src/app) gives the frame what only it
 * knows — the navigation of every module — as `request.server.pageFrame`.
 */
import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { SessionUser } from "../auth/session-user.js";
import type { MessageKey } from "../i18n/i18n.js";
import type { PageContext } from "../../views/context.js";
import { Layout, type NavItem } from "../../views/layout.js";
import { renderingIn } from "../../views/render-lang.js";
import { csrfBinding } from "./csrf.js";

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

export function pageContext(request: FastifyRequest, reply: FastifyReply): PageContext {
  return {
    lang: request.lang,
    t: request.t,
    user: request.user,
    csrfToken: reply.generateCsrf({ userInfo: csrfBinding(request) }),
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
  const ctx = pageContext(request, reply);
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
  // Pages can hold personal data: never let a shared cache keep staff pages.
  if (options.side === "staff") reply.header("cache-control", "no-store");
  else if (options.cacheable && (options.status ?? 200) === 200) {
    const etag = `"${createHash("sha256").update(html).digest("base64url").slice(0, 27)}"`;
    reply
      .header("etag", etag)
      .header("vary", "Cookie")
      .header(
        "cache-control",
        request.user
          ? "private, no-cache"
          : (options.maxAge ?? 300) > 0
            ? `public, max-age=${options.maxAge ?? 300}`
            : "public, no-cache",
      );
    const wanted = request.headers["if-none-match"];
    if (wanted && wanted.split(",").some((t) => t.trim().replace(/^W\//, "") === etag)) return reply.status(304).send();
  }
  return reply
    .status(options.status ?? 200)
    .type("text/html; charset=utf-8")
    .send(html);
}
