import type { Children } from "@kitajs/html";
import type { PageContext } from "./context.js";
import { CsrfField } from "./components.js";

export interface NavItem {
  readonly href: string;
  readonly label: string;
}

export interface LayoutProps {
  readonly ctx: PageContext;
  readonly title: string;
  readonly side: "public" | "staff";
  readonly nav: readonly NavItem[];
  /** When the page shows form errors the title starts with "Fel: ", as GOV.UK does. */
  readonly hasErrors?: boolean;
  readonly children: Children;
  /** Extra tags for <head>, e.g. feeds or JSON-LD (already escaped by the caller). */
  readonly head?: JSX.Element | undefined;
  /** Enhancement scripts (modules) this page uses; the page works without them. */
  readonly scripts?: readonly string[] | undefined;
}

function switchLangHref(ctx: PageContext): string {
  const other = ctx.lang === "sv" ? "en" : "sv";
  return `/sprak/${other}?tillbaka=${encodeURIComponent(ctx.path)}`;
}

function isCurrent(ctx: PageContext, href: string): boolean {
  const path = ctx.path.split("?")[0] ?? "";
  return href === "/" || href === "/arbetsyta" ? path === href : path === href || path.startsWith(`${href}/`);
}

export function Layout(p: LayoutProps): JSX.Element {
  const { ctx } = p;
  const t = ctx.t;
  const other = ctx.lang === "sv" ? "en" : "sv";
  const fullTitle = `${p.hasErrors ? t("form.errorPrefix") : ""}${p.title} – ${t("site.name")}`;
  return (
    <>
      {"<!doctype html>"}
      <html lang={ctx.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{fullTitle}</title>
          <link rel="stylesheet" href="/static/klarsvar.css" />
          <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
          {(p.head ?? "") as "safe"}
          {(p.scripts ?? []).map((src) => (
            <script type="module" src={src}></script>
          ))}
        </head>
        <body class={`page page--${p.side}`}>
          <a class="skip-link" href="#main" safe>
            {t("site.skip")}
          </a>
          <header class="header">
            <div class="header__inner container">
              <a class="header__brand" href={p.side === "staff" ? "/arbetsyta" : "/"}>
                <span class="header__name" safe>
                  {t("site.name")}
                </span>
                <span class="header__org" safe>
                  {t("site.org")}
                </span>
              </a>
              <div class="header__tools">
                <a class="header__lang" href={switchLangHref(ctx)} lang={other} hreflang={other} safe>
                  {t("site.switchLang")}
                </a>
                {ctx.user ? (
                  <form method="post" action="/logga-ut" class="header__logout">
                    <CsrfField ctx={ctx} />
                    <span class="header__user">
                      <span class="visually-hidden" safe>{`${t("site.signedInAs")} `}</span>
                      <span safe>{ctx.user.name}</span>
                    </span>
                    <button type="submit" class="button button--link" safe>
                      {t("site.logout")}
                    </button>
                  </form>
                ) : (
                  ""
                )}
              </div>
            </div>
            <nav class="nav" aria-label={p.side === "staff" ? t("site.nav.staff") : t("site.nav.public")}>
              <ul class="nav__list container">
                {p.nav.map((item) => (
                  <li class="nav__item">
                    <a
                      class="nav__link"
                      href={item.href}
                      aria-current={isCurrent(ctx, item.href) ? "page" : undefined}
                      safe
                    >
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </header>
          {ctx.demo ? (
            <p class="demo-notice" safe>
              {t("site.footer.demo")}
            </p>
          ) : (
            ""
          )}
          <main id="main" class="main container" tabindex="-1">
            {p.children as "safe"}
          </main>
          <footer class="footer">
            <div class="container footer__inner">
              <p safe>{t("site.org")}</p>
              <p safe>{t("site.footer.hours")}</p>
              <p safe>{t("site.footer.outOfHours")}</p>
              <p class="footer__emergency" safe>
                {t("site.footer.emergency")}
              </p>
              <ul class="footer__links">
                <li>
                  <a href="/tillganglighet" safe>
                    {t("site.nav.accessibility")}
                  </a>
                </li>
                <li>
                  <a href="/personuppgifter" safe>
                    {t("site.nav.privacy")}
                  </a>
                </li>
                {p.side === "staff" ? (
                  <li>
                    <a href="/" safe>
                      {t("site.nav.publicSite")}
                    </a>
                  </li>
                ) : (
                  <li>
                    <a href="/arbetsyta" safe>
                      {t("site.nav.workspace")}
                    </a>
                  </li>
                )}
              </ul>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}
