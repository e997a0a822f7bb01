/**
 * The sign-in module's words: a forgotten password, choosing a password through a link (reset
 * or invitation), a link that no longer works, and the mails with the links. The sign-in page
 * and the own-account page still use the platform's words (login.*, account.*).
 */
import { defineMessages } from "../../platform/i18n/messages.js";

export const messages = defineMessages(
  "auth",
  {
    back: "Tillbaka till inloggningen",

    "forgot.title": "Glömt lösenordet?",
    "forgot.lead": "Skriv e-postadressen du loggar in med. Vi skickar en länk där du väljer ett nytt lösenord.",
    "forgot.email.label": "E-postadress",
    "forgot.email.missing": "Skriv din e-postadress",
    "forgot.email.invalid": "Skriv e-postadressen som namn@exempel.se",
    "forgot.submit": "Skicka länken",
    "forgot.sso":
      "Loggar du in med kommunens konto? Då har du inget eget lösenord här. Använd knappen för kommunens konto på sidan för inloggning.",

    "sent.title": "Titta i din e-post",
    "sent.text":
      "Om adressen finns hos oss har vi skickat en länk till den. Länken gäller i en timme och fungerar en gång.",
    "sent.spam": "Har inget kommit? Titta bland skräpposten, eller fråga din administratör.",

    "choose.invitation.title": "Välj ditt lösenord",
    "choose.invitation.heading": "Välkommen till Klarsvar, {name}",
    "choose.invitation.lead": "Välj ett lösenord för ditt konto {email}. Sedan är du inloggad.",
    "choose.reset.title": "Välj ett nytt lösenord",
    "choose.reset.lead": "För kontot {email}. När du har sparat loggas du ut på alla andra ställen där du är inloggad.",
    "choose.password.label": "Nytt lösenord",
    "choose.password.hint": "Minst 12 tecken. Ett par ord i följd är lätt att minnas och svårt att gissa.",
    "choose.password.tooShort": "Skriv ett lösenord med minst 12 tecken",
    "choose.confirm.label": "Skriv lösenordet en gång till",
    "choose.confirm.mismatch": "Skriv samma lösenord i båda fälten",
    "choose.submit": "Spara lösenordet och logga in",

    "renewed.banner": "Vi har skickat en ny länk till din e-post.",
    "renewed.text":
      "Använd länken i det nya meddelandet. Den gäller i tre dygn och fungerar en gång. Äldre länkar fungerar inte längre.",

    "dead.unknown.title": "Länken fungerar inte",
    "dead.unknown.text":
      "Kontrollera att du har fått med hela länken från e-postmeddelandet. Fungerar den ändå inte kan du be din administratör om en ny inbjudan.",
    "dead.gone.title": "Länken fungerar inte längre",
    "dead.reset.text":
      "En länk för att byta lösenord gäller i en timme och fungerar bara en gång. Be om en ny länk, så skickar vi den till din e-post.",
    "dead.hasPassword.title": "Du har redan ett lösenord",
    "dead.hasPassword.text": "Länken i inbjudan är redan använd. Logga in med din e-postadress och ditt lösenord.",
    "dead.expired.title": "Länken gäller inte längre",
    "dead.expired.text":
      "Länken i en inbjudan gäller i tre dygn och fungerar bara en gång. Vi kan skicka en ny länk till din e-post.",
    "dead.renew": "Skicka en ny länk",
    "dead.signIn": "Gå till inloggningen",
    "dead.forgot": "Be om en länk för att byta lösenord",

    "mail.greeting": "Hej {name}!",
    "mail.invitation.subject": "Välj ditt lösenord till Klarsvar",
    "mail.invitation.createdBy":
      "{invitedBy} har skapat ett konto åt dig i Klarsvar hos {org}. Du loggar in med den här e-postadressen.",
    "mail.invitation.createdByAdmin":
      "En administratör har skapat ett konto åt dig i Klarsvar hos {org}. Du loggar in med den här e-postadressen.",
    "mail.invitation.link": "Välj ditt lösenord här: {link}",
    "mail.invitation.expires":
      "Länken fungerar en gång och gäller till {expires, date, stamp}. Har tiden gått ut kan du be om en ny länk på samma sida.",
    "mail.invitation.unexpected": "Har du inte väntat dig det här? Då kan du strunta i meddelandet.",
    "mail.reset.subject": "Byt lösenord i Klarsvar",
    "mail.reset.request": "Vi har fått en begäran om att byta lösenordet till ditt konto i Klarsvar.",
    "mail.reset.link": "Välj ett nytt lösenord här: {link}",
    "mail.reset.expires":
      "Länken fungerar en gång och gäller i en timme. När du har bytt lösenord loggas du ut överallt där du är inloggad.",
    "mail.reset.unexpected":
      "Har du inte bett om det? Då kan du strunta i meddelandet. Ditt lösenord är kvar som förut.",
    "audit.mailActor": "utgående e-post",
  },
  {
    back: "Back to sign in",

    "forgot.title": "Forgotten your password?",
    "forgot.lead": "Enter the email address you sign in with. We will send you a link where you choose a new password.",
    "forgot.email.label": "Email address",
    "forgot.email.missing": "Enter your email address",
    "forgot.email.invalid": "Enter the email address like name@example.com",
    "forgot.submit": "Send the link",
    "forgot.sso":
      "Do you sign in with your municipality account? Then you have no password of your own here. Use the button for the municipality account on the sign-in page.",

    "sent.title": "Check your email",
    "sent.text": "If we have the address, we have sent a link to it. The link works for one hour and only once.",
    "sent.spam": "No message? Look in your spam folder, or ask your administrator.",

    "choose.invitation.title": "Choose your password",
    "choose.invitation.heading": "Welcome to Klarsvar, {name}",
    "choose.invitation.lead": "Choose a password for your account {email}. Then you are signed in.",
    "choose.reset.title": "Choose a new password",
    "choose.reset.lead": "For the account {email}. When you have saved, you are signed out everywhere else.",
    "choose.password.label": "New password",
    "choose.password.hint": "At least 12 characters. A few words in a row are easy to remember and hard to guess.",
    "choose.password.tooShort": "Enter a password of at least 12 characters",
    "choose.confirm.label": "Type the password once more",
    "choose.confirm.mismatch": "Enter the same password in both fields",
    "choose.submit": "Save the password and sign in",

    "renewed.banner": "We have sent a new link to your email.",
    "renewed.text":
      "Use the link in the new message. It works for three days and only once. Older links no longer work.",

    "dead.unknown.title": "The link does not work",
    "dead.unknown.text":
      "Check that you have the whole link from the email. If it still does not work, ask your administrator for a new invitation.",
    "dead.gone.title": "The link no longer works",
    "dead.reset.text":
      "A link to change your password works for one hour and only once. Ask for a new link and we will send it to your email.",
    "dead.hasPassword.title": "You already have a password",
    "dead.hasPassword.text":
      "The link in the invitation has already been used. Sign in with your email address and your password.",
    "dead.expired.title": "The link no longer works",
    "dead.expired.text":
      "The link in an invitation works for three days and only once. We can send a new link to your email.",
    "dead.renew": "Send a new link",
    "dead.signIn": "Go to sign in",
    "dead.forgot": "Ask for a link to change your password",

    "mail.greeting": "Hello {name},",
    "mail.invitation.subject": "Choose your password for Klarsvar",
    "mail.invitation.createdBy":
      "{invitedBy} has created a Klarsvar account for you at {org}. You sign in with this email address.",
    "mail.invitation.createdByAdmin":
      "An administrator has created a Klarsvar account for you at {org}. You sign in with this email address.",
    "mail.invitation.link": "Choose your password here: {link}",
    "mail.invitation.expires":
      "The link works once and is valid until {expires, date, stamp}. If the time has run out, you can ask for a new link on the same page.",
    "mail.invitation.unexpected": "Were you not expecting this? Then you can ignore the message.",
    "mail.reset.subject": "Change your password in Klarsvar",
    "mail.reset.request": "We have received a request to change the password of your Klarsvar account.",
    "mail.reset.link": "Choose a new password here: {link}",
    "mail.reset.expires":
      "The link works once and is valid for one hour. When you have changed your password, you are signed out everywhere you are signed in.",
    "mail.reset.unexpected":
      "Did you not ask for this? Then you can ignore the message. Your password stays as it was.",
    "audit.mailActor": "outgoing email",
  },
);
