import { escapeHtml } from "@kitajs/html";
/** Pages for choosing a password through a link: a forgotten password, an invitation, and a link that no longer works. */
import type { AccountTokenPurpose } from "../../../platform/db/schema.js";
import { Banner, Button, ErrorSummary, Form, TextField } from "../../../views/components.js";
import type { FieldError, PageContext } from "../../../views/context.js";

const tr = (ctx: PageContext, sv: string, en: string): string => (ctx.lang === "sv" ? sv : en);

export function ForgotPasswordPage(p: { ctx: PageContext; email: string; errors: readonly FieldError[]; sso: boolean }): JSX.Element {
  const { ctx } = p;
  return (
    <div class="narrow">
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <h1 safe>{tr(ctx, "Glömt lösenordet?", "Forgotten your password?")}</h1>
      <p class="lead" safe>{tr(ctx, "Skriv e-postadressen du loggar in med. Vi skickar en länk där du väljer ett nytt lösenord.", "Enter the email address you sign in with. We will send you a link where you choose a new password.")}</p>
      <Form ctx={ctx} action="/logga-in/glomt-losenord">
        <TextField name="email" type="email" autocomplete="username" label={tr(ctx, "E-postadress", "Email address")} value={p.email} error={p.errors.find((e) => e.field === "email")?.message} />
        <Button>{escapeHtml(tr(ctx, "Skicka länken", "Send the link"))}</Button>
      </Form>
      {p.sso ? <p safe>{tr(ctx, "Loggar du in med kommunens konto? Då har du inget eget lösenord här. Använd knappen för kommunens konto på sidan för inloggning.", "Do you sign in with your municipality account? Then you have no password of your own here. Use the button for the municipality account on the sign-in page.")}</p> : ""}
      <p><a href="/logga-in" safe>{tr(ctx, "Tillbaka till inloggningen", "Back to sign in")}</a></p>
    </div>
  );
}

/** The same page whether the address exists or not. */
export function ResetSentPage(p: { ctx: PageContext }): JSX.Element {
  const { ctx } = p;
  return (
    <div class="narrow">
      <h1 safe>{tr(ctx, "Titta i din e-post", "Check your email")}</h1>
      <p safe>{tr(ctx, "Om adressen finns hos oss har vi skickat en länk till den. Länken gäller i en timme och fungerar en gång.", "If we have the address, we have sent a link to it. The link works for one hour and only once.")}</p>
      <p safe>{tr(ctx, "Har inget kommit? Titta bland skräpposten, eller fråga din administratör.", "No message? Look in your spam folder, or ask your administrator.")}</p>
      <p><a href="/logga-in" safe>{tr(ctx, "Tillbaka till inloggningen", "Back to sign in")}</a></p>
    </div>
  );
}

export function ChoosePasswordPage(p: {
  ctx: PageContext; purpose: AccountTokenPurpose; action: string; name: string; email: string; errors: readonly FieldError[];
}): JSX.Element {
  const { ctx } = p;
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  const invitation = p.purpose === "invitation";
  return (
    <div class="narrow">
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <h1 safe>{invitation ? tr(ctx, `Välkommen till Klarsvar, ${p.name}`, `Welcome to Klarsvar, ${p.name}`) : tr(ctx, "Välj ett nytt lösenord", "Choose a new password")}</h1>
      <p class="lead" safe>
        {invitation
          ? tr(ctx, `Välj ett lösenord för ditt konto ${p.email}. Sedan är du inloggad.`, `Choose a password for your account ${p.email}. Then you are signed in.`)
          : tr(ctx, `För kontot ${p.email}. När du har sparat loggas du ut på alla andra ställen där du är inloggad.`, `For the account ${p.email}. When you have saved, you are signed out everywhere else.`)}
      </p>
      <Form ctx={ctx} action={p.action}>
        <input type="hidden" name="username" autocomplete="username" value={p.email} />
        <TextField name="password" type="password" autocomplete="new-password" label={tr(ctx, "Nytt lösenord", "New password")}
          hint={tr(ctx, "Minst 12 tecken. Ett par ord i följd är lätt att minnas och svårt att gissa.", "At least 12 characters. A few words in a row are easy to remember and hard to guess.")} error={err("password")} />
        <TextField name="confirm" type="password" autocomplete="new-password" label={tr(ctx, "Skriv lösenordet en gång till", "Type the password once more")} error={err("confirm")} />
        <Button>{escapeHtml(tr(ctx, "Spara lösenordet och logga in", "Save the password and sign in"))}</Button>
      </Form>
    </div>
  );
}

/** After "Skicka en ny länk" on an expired invitation. */
export function InvitationRenewedPage(p: { ctx: PageContext }): JSX.Element {
  const { ctx } = p;
  return (
    <div class="narrow">
      <Banner kind="success"><p safe>{tr(ctx, "Vi har skickat en ny länk till din e-post.", "We have sent a new link to your email.")}</p></Banner>
      <h1 safe>{tr(ctx, "Titta i din e-post", "Check your email")}</h1>
      <p safe>{tr(ctx, "Använd länken i det nya meddelandet. Den gäller i tre dygn och fungerar en gång. Äldre länkar fungerar inte längre.", "Use the link in the new message. It works for three days and only once. Older links no longer work.")}</p>
      <p><a href="/logga-in" safe>{tr(ctx, "Tillbaka till inloggningen", "Back to sign in")}</a></p>
    </div>
  );
}

export type DeadLink = "unknown" | "used" | "expired" | "has_password";

/** A link that does not work (any more): why, and the way to a new one. */
export function DeadLinkPage(p: { ctx: PageContext; purpose: AccountTokenPurpose; why: DeadLink; renewAction?: string | undefined }): JSX.Element {
  const { ctx } = p;
  const signIn = <p><a href="/logga-in" safe>{tr(ctx, "Gå till inloggningen", "Go to sign in")}</a></p>;
  const forgot = <p><a href="/logga-in/glomt-losenord" safe>{tr(ctx, "Be om en länk för att byta lösenord", "Ask for a link to change your password")}</a></p>;
  if (p.purpose === "password_reset") {
    return (
      <div class="narrow">
        <h1 safe>{tr(ctx, "Länken fungerar inte längre", "The link no longer works")}</h1>
        <p safe>{tr(ctx, "En länk för att byta lösenord gäller i en timme och fungerar bara en gång. Be om en ny länk, så skickar vi den till din e-post.", "A link to change your password works for one hour and only once. Ask for a new link and we will send it to your email.")}</p>
        {forgot}
        {signIn}
      </div>
    );
  }
  if (p.why === "used" || p.why === "has_password") {
    return (
      <div class="narrow">
        <h1 safe>{tr(ctx, "Du har redan ett lösenord", "You already have a password")}</h1>
        <p safe>{tr(ctx, "Länken i inbjudan är redan använd. Logga in med din e-postadress och ditt lösenord.", "The link in the invitation has already been used. Sign in with your email address and your password.")}</p>
        {signIn}
        {forgot}
      </div>
    );
  }
  if (p.why === "expired" && p.renewAction) {
    return (
      <div class="narrow">
        <h1 safe>{tr(ctx, "Länken gäller inte längre", "The link no longer works")}</h1>
        <p safe>{tr(ctx, "Länken i en inbjudan gäller i tre dygn och fungerar bara en gång. Vi kan skicka en ny länk till din e-post.", "The link in an invitation works for three days and only once. We can send a new link to your email.")}</p>
        <Form ctx={ctx} action={p.renewAction}>
          <Button>{escapeHtml(tr(ctx, "Skicka en ny länk", "Send a new link"))}</Button>
        </Form>
      </div>
    );
  }
  return (
    <div class="narrow">
      <h1 safe>{tr(ctx, "Länken fungerar inte", "The link does not work")}</h1>
      <p safe>{tr(ctx, "Kontrollera att du har fått med hela länken från e-postmeddelandet. Fungerar den ändå inte kan du be din administratör om en ny inbjudan.", "Check that you have the whole link from the email. If it still does not work, ask your administrator for a new invitation.")}</p>
      {signIn}
    </div>
  );
}
