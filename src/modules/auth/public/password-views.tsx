/** Pages for choosing a password through a link: a forgotten password, an invitation, and a link that no longer works. */
import { escapeHtml } from "@kitajs/html";
import type { AccountTokenPurpose } from "../../../platform/db/schema.js";
import { sayer } from "../../../platform/i18n/messages.js";
import { Banner, Button, ErrorSummary, Form, TextField } from "../../../views/components.js";
import type { FieldError, PageContext } from "../../../views/context.js";
import { messages } from "../messages.js";

export function ForgotPasswordPage(p: {
  ctx: PageContext;
  email: string;
  errors: readonly FieldError[];
  sso: boolean;
}): JSX.Element {
  const { ctx } = p;
  const say = sayer(messages, ctx.lang);
  return (
    <div class="narrow">
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <h1 safe>{say("forgot.title")}</h1>
      <p class="lead" safe>
        {say("forgot.lead")}
      </p>
      <Form ctx={ctx} action="/logga-in/glomt-losenord">
        <TextField
          name="email"
          type="email"
          autocomplete="username"
          label={say("forgot.email.label")}
          value={p.email}
          error={p.errors.find((e) => e.field === "email")?.message}
        />
        <Button>{escapeHtml(say("forgot.submit"))}</Button>
      </Form>
      {p.sso ? <p safe>{say("forgot.sso")}</p> : ""}
      <p>
        <a href="/logga-in" safe>
          {say("back")}
        </a>
      </p>
    </div>
  );
}

/** The same page whether the address exists or not. */
export function ResetSentPage(p: { ctx: PageContext }): JSX.Element {
  const say = sayer(messages, p.ctx.lang);
  return (
    <div class="narrow">
      <h1 safe>{say("sent.title")}</h1>
      <p safe>{say("sent.text")}</p>
      <p safe>{say("sent.spam")}</p>
      <p>
        <a href="/logga-in" safe>
          {say("back")}
        </a>
      </p>
    </div>
  );
}

export function ChoosePasswordPage(p: {
  ctx: PageContext;
  purpose: AccountTokenPurpose;
  action: string;
  name: string;
  email: string;
  errors: readonly FieldError[];
}): JSX.Element {
  const { ctx } = p;
  const say = sayer(messages, ctx.lang);
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  const invitation = p.purpose === "invitation";
  return (
    <div class="narrow">
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <h1 safe>{invitation ? say("choose.invitation.heading", { name: p.name }) : say("choose.reset.title")}</h1>
      <p class="lead" safe>
        {invitation ? say("choose.invitation.lead", { email: p.email }) : say("choose.reset.lead", { email: p.email })}
      </p>
      <Form ctx={ctx} action={p.action}>
        <input type="hidden" name="username" autocomplete="username" value={p.email} />
        <TextField
          name="password"
          type="password"
          autocomplete="new-password"
          label={say("choose.password.label")}
          hint={say("choose.password.hint")}
          error={err("password")}
        />
        <TextField
          name="confirm"
          type="password"
          autocomplete="new-password"
          label={say("choose.confirm.label")}
          error={err("confirm")}
        />
        <Button>{escapeHtml(say("choose.submit"))}</Button>
      </Form>
    </div>
  );
}

/** After "Skicka en ny länk" on an expired invitation. */
export function InvitationRenewedPage(p: { ctx: PageContext }): JSX.Element {
  const say = sayer(messages, p.ctx.lang);
  return (
    <div class="narrow">
      <Banner kind="success">
        <p safe>{say("renewed.banner")}</p>
      </Banner>
      <h1 safe>{say("sent.title")}</h1>
      <p safe>{say("renewed.text")}</p>
      <p>
        <a href="/logga-in" safe>
          {say("back")}
        </a>
      </p>
    </div>
  );
}

export type DeadLink = "unknown" | "used" | "expired" | "has_password";

/** A link that does not work (any more): why, and the way to a new one. */
export function DeadLinkPage(p: {
  ctx: PageContext;
  purpose: AccountTokenPurpose;
  why: DeadLink;
  renewAction?: string | undefined;
}): JSX.Element {
  const { ctx } = p;
  const say = sayer(messages, ctx.lang);
  const signIn = (
    <p>
      <a href="/logga-in" safe>
        {say("dead.signIn")}
      </a>
    </p>
  );
  const forgot = (
    <p>
      <a href="/logga-in/glomt-losenord" safe>
        {say("dead.forgot")}
      </a>
    </p>
  );
  if (p.purpose === "password_reset") {
    return (
      <div class="narrow">
        <h1 safe>{say("dead.gone.title")}</h1>
        <p safe>{say("dead.reset.text")}</p>
        {forgot}
        {signIn}
      </div>
    );
  }
  if (p.why === "used" || p.why === "has_password") {
    return (
      <div class="narrow">
        <h1 safe>{say("dead.hasPassword.title")}</h1>
        <p safe>{say("dead.hasPassword.text")}</p>
        {signIn}
        {forgot}
      </div>
    );
  }
  if (p.why === "expired" && p.renewAction) {
    return (
      <div class="narrow">
        <h1 safe>{say("dead.expired.title")}</h1>
        <p safe>{say("dead.expired.text")}</p>
        <Form ctx={ctx} action={p.renewAction}>
          <Button>{escapeHtml(say("dead.renew"))}</Button>
        </Form>
      </div>
    );
  }
  return (
    <div class="narrow">
      <h1 safe>{say("dead.unknown.title")}</h1>
      <p safe>{say("dead.unknown.text")}</p>
      {signIn}
    </div>
  );
}
