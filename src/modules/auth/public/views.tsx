import { escapeHtml } from "@kitajs/html";
import type { FieldError, PageContext } from "../../../views/context.js";
import { Banner, Button, ErrorSummary, Form, TextField } from "../../../views/components.js";
import { DEMO_USERS } from "../../../platform/auth/demo.js";

export function LoginPage(p: {
  ctx: PageContext;
  email: string;
  errors: readonly FieldError[];
  notice?: string | undefined;
  next: string;
  sso?: string | undefined;
  demo?: { password: string } | undefined;
}): JSX.Element {
  const { ctx } = p;
  const t = ctx.t;
  const emailError = p.errors.find((e) => e.field === "email")?.message;
  const passwordError = p.errors.find((e) => e.field === "password")?.message;
  const ssoError = p.errors.find((e) => e.field === "sso")?.message;
  return (
    <div class="narrow">
      {p.notice ? <Banner kind="success"><p safe>{p.notice}</p></Banner> : ""}
      <ErrorSummary ctx={ctx} errors={p.errors.filter((e) => e.field !== "sso")} />
      {ssoError ? <Banner kind="warning"><p safe>{ssoError}</p></Banner> : ""}
      <h1 safe>{t("login.title")}</h1>
      <p class="lead" safe>{t("login.lead")}</p>
      <Form ctx={ctx} action="/logga-in">
        <input type="hidden" name="nasta" value={p.next} />
        <TextField name="email" label={t("login.email")} type="email" autocomplete="username" value={p.email} error={emailError} />
        <TextField name="password" label={t("login.password")} type="password" autocomplete="current-password" error={passwordError} />
        <Button>{escapeHtml(t("login.submit"))}</Button>
      </Form>
      <p><a href="/logga-in/glomt-losenord" safe>{t("login.forgot")}</a></p>
      {p.sso ? (
        <p class="sso">
          <span safe>{t("login.sso")}</span>
          <br />
          <a class="button button--secondary" href={`/logga-in/sso?nasta=${encodeURIComponent(p.next)}`} safe>
            {p.sso}
          </a>
        </p>
      ) : (
        ""
      )}
      {p.demo ? (
        <aside class="demo-logins" aria-labelledby="demo-title">
          <h2 id="demo-title" safe>{t("login.demo")}</h2>
          <ul>
            {DEMO_USERS.map((u) => (
              <li>
                <span safe>{`${t(`role.${u.roles[0] ?? "employee"}`)}: `}</span>
                <code safe>{u.email}</code>
              </li>
            ))}
          </ul>
          <p>
            <span safe>{`${t("login.password")}: `}</span>
            <code safe>{p.demo.password}</code>
          </p>
        </aside>
      ) : (
        ""
      )}
    </div>
  );
}
