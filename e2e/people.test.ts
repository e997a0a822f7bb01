/**
 * Account administration in a real browser, with axe on every page: an admin creates a unit,
 * invites a person (the link read from the outbox), the person chooses a password and is
 * signed in, the admin changes roles and units, reads the sign-in history and deactivates
 * the person, whose open page is signed out at the next click; a forgotten password is reset
 * through a single-use link; a colleague in an allowed domain gets an account at the first
 * single sign-on, and is refused once deactivated.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestIdp, type TestIdp } from "../test/oidc-provider.js";
import {
  expectAccessible,
  freePort,
  launchBrowser,
  linkIn,
  signedInPage,
  startServer,
  waitForMailText,
  type Journey,
} from "./support.js";

describe("people and units in a real browser", () => {
  let idp: TestIdp;
  let outbox: string;
  const j = {} as { server: Journey["server"]; browser: Browser };

  beforeAll(async () => {
    outbox = await mkdtemp(join(tmpdir(), "klarsvar-people-outbox-"));
    const [idpPort, appPort] = [await freePort(), await freePort()];
    const appBase = `http://127.0.0.1:${appPort}`;
    idp = await startTestIdp(idpPort, `${appBase}/logga-in/sso/callback`);
    [j.server, j.browser] = await Promise.all([
      startServer({
        PORT: String(appPort),
        PUBLIC_URL: appBase,
        MAIL_OUTBOX_DIR: outbox,
        OIDC_ISSUER: idp.issuer,
        OIDC_CLIENT_ID: idp.clientId,
        OIDC_CLIENT_SECRET: idp.clientSecret,
        OIDC_LABEL: "Logga in med Exempelstads konto",
        OIDC_ALLOWED_DOMAINS: "exempelstad.se",
      }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await j.browser?.close();
    await j.server?.stop();
    await idp?.close();
    await rm(outbox, { recursive: true, force: true });
  });

  const base = () => j.server.base;
  const text = async (l: Locator): Promise<string> => (await l.first().textContent()) ?? "";
  const newPage = async (): Promise<Page> => (await j.browser.newContext()).newPage();

  it("an admin creates a unit, invites a person who chooses a password, changes roles, reads the history and deactivates; the person's open page is signed out at the next click", async () => {
    const admin = await signedInPage(j, "admin@example.se");

    // A new unit under Vuxen.
    await admin.getByRole("link", { name: "Enheter", exact: true }).click();
    await admin.waitForURL(`${base()}/arbetsyta/admin/enheter`);
    expect(await text(admin.locator("h1"))).toBe("Enheter");
    await expectAccessible(admin);
    await admin.getByRole("link", { name: "Ny enhet", exact: true }).click();
    await admin.waitForURL(/\/enheter\/ny$/);
    await expectAccessible(admin);
    await admin.getByRole("button", { name: "Skapa enheten" }).click();
    await admin.locator(".error-summary").waitFor();
    expect(await admin.title()).toMatch(/^Fel: /);
    expect(await admin.locator(".error-summary").textContent()).toContain("Skriv enhetens namn");
    await expectAccessible(admin);
    await admin.getByLabel("Namn").fill("Hemlöshet");
    await admin.getByLabel("Beskrivning").fill("Stöd till den som saknar bostad.");
    await admin.getByLabel("Ligger under").selectOption({ label: "– Vuxen" });
    await admin.getByRole("button", { name: "Skapa enheten" }).click();
    await admin.waitForURL(/klart=skapad/);
    expect(await text(admin.locator(".banner"))).toContain("Enheten är skapad.");
    await expectAccessible(admin);

    // An invitation.
    await admin.getByRole("link", { name: "Personal", exact: true }).first().click();
    await admin.waitForURL(`${base()}/arbetsyta/admin/personal`);
    await expectAccessible(admin);
    await admin.getByRole("link", { name: "Bjud in en person" }).click();
    await admin.waitForURL(/\/personal\/ny$/);
    await expectAccessible(admin);
    await admin.getByLabel("Namn").fill("Nora Lind");
    await admin.getByLabel("E-postadress").fill("nora.lind@example.se");
    await admin.getByRole("checkbox", { name: /^Handläggare/ }).check();
    await admin.getByRole("checkbox", { name: /^Hemlöshet/ }).check();
    await admin.getByRole("button", { name: "Skicka inbjudan" }).click();
    await admin.waitForURL(/klart=inbjuden/);
    expect(await text(admin.locator("main"))).toContain("Inbjuden");
    await expectAccessible(admin);
    const personUrl = admin.url().replace(/\?.*$/, "");

    // The person chooses a password through the link and is signed in.
    const mail = await waitForMailText(outbox, "nora.lind@example.se", "Välj ditt lösenord");
    const link = linkIn(mail, "/logga-in/inbjudan/");
    const person = await newPage();
    await person.goto(link);
    expect(await text(person.locator("h1"))).toBe("Välkommen till Klarsvar, Nora Lind");
    await expectAccessible(person);
    await person.getByLabel("Nytt lösenord").fill("kort");
    await person.getByLabel("Skriv lösenordet en gång till").fill("kort");
    await person.getByRole("button", { name: "Spara lösenordet och logga in" }).click();
    await person.locator(".error-summary").waitFor();
    expect(await text(person.locator(".error-summary"))).toContain("minst 12 tecken");
    await expectAccessible(person);
    await person.getByLabel("Nytt lösenord").fill("mitt eget långa lösenord");
    await person.getByLabel("Skriv lösenordet en gång till").fill("mitt eget långa lösenord");
    await person.getByRole("button", { name: "Spara lösenordet och logga in" }).click();
    await person.waitForURL(`${base()}/arbetsyta`);
    expect(await text(person.locator("h1"))).toBe("Hej Nora Lind!");
    await expectAccessible(person);
    // The link has been used.
    const used = await newPage();
    await used.goto(link);
    expect(await text(used.locator("h1"))).toBe("Du har redan ett lösenord");
    await expectAccessible(used);

    // The admin makes her a manager of the unit; it counts from her next click.
    await admin.goto(personUrl);
    await admin.getByRole("checkbox", { name: /^Chef/ }).check();
    await admin.getByRole("checkbox", { name: /^Beroende/ }).check();
    await admin.getByRole("button", { name: "Spara ändringarna" }).click();
    await admin.waitForURL(/klart=sparat/);
    await expectAccessible(admin);
    await person.getByRole("link", { name: "Mitt konto" }).click();
    await person.waitForURL(`${base()}/arbetsyta/konto`);
    expect(await text(person.locator("main"))).toContain("Chef");
    expect(await text(person.locator("main"))).toContain("Beroende, Hemlöshet");
    await admin.getByRole("link", { name: "Enheter", exact: true }).click();
    await admin.waitForURL(`${base()}/arbetsyta/admin/enheter`);
    await admin.getByRole("link", { name: "Hemlöshet" }).click();
    await admin.waitForURL(/\/enheter\/[0-9a-f-]{36}$/);
    expect(await text(admin.locator("main"))).toContain("Chef: Nora Lind.");
    await expectAccessible(admin);

    // The sign-in history and the session she has open.
    await admin.goto(personUrl);
    const history = admin.locator("section", { has: admin.locator("#history-title") });
    expect(await text(history)).toContain("Valde lösenord med inbjudan");
    expect(await text(history)).toContain("Loggade in");
    expect(await text(admin.locator("section", { has: admin.locator("#sessions-title") }))).toContain("Chrome");
    await expectAccessible(admin);

    // Deactivated: her open page is signed out at the next click, and she cannot sign in again.
    await admin.getByLabel("Varför stängs kontot av?").fill("Har slutat sin anställning");
    await admin.getByRole("button", { name: "Stäng av kontot" }).click();
    await admin.waitForURL(/klart=avstangd/);
    expect(await text(admin.locator(".banner"))).toContain("Kontot är avstängt.");
    expect(await text(admin.locator("main"))).toContain("Kontot stängdes av");
    await expectAccessible(admin);
    await person.getByRole("link", { name: "Översikt" }).first().click();
    await person.waitForURL(/\/logga-in\?nasta=/);
    await expectAccessible(person);
    await person.getByLabel("E-postadress").fill("nora.lind@example.se");
    await person.getByLabel("Lösenord").fill("mitt eget långa lösenord");
    await person.getByRole("button", { name: "Logga in" }).click();
    await person.locator(".error-summary").waitFor();
    expect(await text(person.locator(".error-summary"))).toContain("E-postadressen eller lösenordet är fel");
  });

  it("a forgotten password: the same answer for any address, a link that works once", async () => {
    const page = await newPage();
    await page.goto(`${base()}/logga-in`);
    await page.getByRole("link", { name: "Glömt lösenordet?" }).click();
    await page.waitForURL(`${base()}/logga-in/glomt-losenord`);
    expect(await text(page.locator("h1"))).toBe("Glömt lösenordet?");
    await expectAccessible(page);
    await page.getByLabel("E-postadress").fill("handlaggare@example.se");
    await page.getByRole("button", { name: "Skicka länken" }).click();
    await page.waitForURL(/skickat=1/);
    expect(await text(page.locator("h1"))).toBe("Titta i din e-post");
    await expectAccessible(page);
    const answer = await text(page.locator("main"));
    const stranger = await newPage();
    await stranger.goto(`${base()}/logga-in/glomt-losenord`);
    await stranger.getByLabel("E-postadress").fill("finns-inte@example.se");
    await stranger.getByRole("button", { name: "Skicka länken" }).click();
    await stranger.waitForURL(/skickat=1/);
    expect(await text(stranger.locator("main"))).toBe(answer);

    const link = linkIn(
      await waitForMailText(outbox, "handlaggare@example.se", "Byt lösenord"),
      "/logga-in/nytt-losenord/",
    );
    await page.goto(link);
    expect(await text(page.locator("h1"))).toBe("Välj ett nytt lösenord");
    await expectAccessible(page);
    await page.getByLabel("Nytt lösenord").fill("ett nytt lösenord för johan");
    await page.getByLabel("Skriv lösenordet en gång till").fill("ett nytt lösenord för johan");
    await page.getByRole("button", { name: "Spara lösenordet och logga in" }).click();
    await page.waitForURL(`${base()}/arbetsyta`);
    expect(await text(page.locator("h1"))).toBe("Hej Johan Bergström!");

    const again = await newPage();
    await again.goto(link);
    expect(await text(again.locator("h1"))).toBe("Länken fungerar inte längre");
    await expectAccessible(again);
    await again.getByRole("link", { name: "Be om en länk för att byta lösenord" }).click();
    await again.waitForURL(`${base()}/logga-in/glomt-losenord`);
    expect(await text(again.locator("h1"))).toBe("Glömt lösenordet?");
  });

  it("a colleague in an allowed domain gets an account at the first single sign-on, and is refused once deactivated", async () => {
    const signInAtIdp = async (): Promise<Page> => {
      const page = await newPage();
      await page.goto(`${base()}/logga-in`);
      await page.getByRole("link", { name: "Logga in med Exempelstads konto" }).click();
      await page.waitForURL(new RegExp(`^${idp.issuer}/interaction/`));
      await page.fill("input[name=login]", "ny.kollega");
      await page.fill("input[name=password]", "vad-som-helst");
      await page.click("button[type=submit]");
      await page.waitForLoadState();
      if (page.url().startsWith(idp.issuer)) await page.click("button[type=submit]");
      await page.waitForURL((url) => url.toString().startsWith(base()));
      return page;
    };
    const colleague = await signInAtIdp();
    expect(colleague.url()).toBe(`${base()}/arbetsyta`);
    expect(await text(colleague.locator("h1"))).toBe("Hej Nils Kollega!");
    await expectAccessible(colleague);
    const account = await j.server.database.db
      .selectFrom("staff_users")
      .select(["roles", "oidc_subject"])
      .where("email", "=", "ny.kollega@exempelstad.se")
      .executeTakeFirstOrThrow();
    expect(account).toEqual({ roles: ["employee"], oidc_subject: "ny.kollega" });

    const admin = await signedInPage(j, "admin@example.se");
    await admin.goto(`${base()}/arbetsyta/admin/personal?q=kollega`);
    await admin.getByRole("link", { name: "Nils Kollega" }).click();
    await admin.waitForURL(/\/personal\/[0-9a-f-]{36}$/);
    expect(await text(admin.locator("main"))).toContain("Kommunens konto");
    await admin.getByLabel("Varför stängs kontot av?").fill("Fel person");
    await admin.getByRole("button", { name: "Stäng av kontot" }).click();
    await admin.waitForURL(/klart=avstangd/);
    await colleague.reload();
    expect(colleague.url()).toContain("/logga-in?nasta=");

    const refused = await signInAtIdp();
    expect(refused.url()).toBe(`${base()}/logga-in?fel=sso-okand`);
    await expectAccessible(refused);
  });
});
