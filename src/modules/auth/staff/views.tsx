import { escapeHtml } from "@kitajs/html";
import type { SessionUser } from "../../../platform/auth/session-user.js";
import type { FieldError, PageContext } from "../../../views/context.js";
import { Banner, Button, ErrorSummary, Form, Tag, TextField } from "../../../views/components.js";

export function AccountPage(p: {
  ctx: PageContext;
  user: SessionUser;
  units: string[];
  errors: readonly FieldError[];
  changed: boolean;
}): JSX.Element {
  const { ctx, user } = p;
  const t = ctx.t;
  const err = (field: string) => p.errors.find((e) => e.field === field)?.message;
  return (
    <div class="narrow">
      {p.changed ? (
        <Banner kind="success">
          <p safe>{t("account.password.changed")}</p>
        </Banner>
      ) : (
        ""
      )}
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <h1 safe>{t("account.title")}</h1>
      <dl class="summary-list">
        <div class="summary-list__row">
          <dt safe>{t("login.email")}</dt>
          <dd safe>{user.email}</dd>
        </div>
        <div class="summary-list__row">
          <dt safe>{t("account.roles")}</dt>
          <dd>
            {user.roles.map((r) => (
              <Tag tone="blue">{escapeHtml(t(`role.${r}`))}</Tag>
            ))}
          </dd>
        </div>
        <div class="summary-list__row">
          <dt safe>{t("account.units")}</dt>
          <dd safe>{p.units.length > 0 ? p.units.join(", ") : t("workspace.noUnits")}</dd>
        </div>
      </dl>
      <h2 safe>{t("account.password.title")}</h2>
      {user.hasPassword ? (
        <Form ctx={ctx} action="/arbetsyta/konto/losenord">
          <TextField
            name="current"
            label={t("account.password.current")}
            type="password"
            autocomplete="current-password"
            error={err("current")}
          />
          <TextField
            name="next"
            label={t("account.password.new")}
            hint={t("account.password.newHint")}
            type="password"
            autocomplete="new-password"
            error={err("next")}
          />
          <TextField
            name="confirm"
            label={t("account.password.confirm")}
            type="password"
            autocomplete="new-password"
            error={err("confirm")}
          />
          <Button>{escapeHtml(t("account.password.submit"))}</Button>
        </Form>
      ) : (
        <p safe>{t("account.password.error.sso")}</p>
      )}
    </div>
  );
}
