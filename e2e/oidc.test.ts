import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestIdp, type TestIdp } from "../test/oidc-provider.js";
import { expectAccessible, freePort, launchBrowser, startServer } from "./support.js";

describe("single sign-on against a real OpenID Provider", () => {
  let idp: TestIdp;
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;

  beforeAll(async () => {
    const idpPort = await freePort();
    const appPort = await freePort();
    const appBase = `http://127.0.0.1:${appPort}`;
    idp = await startTestIdp(idpPort, `${appBase}/logga-in/sso/callback`);
    [server, browser] = await Promise.all([
      startServer({
        PORT: String(appPort),
        PUBLIC_URL: appBase,
        OIDC_ISSUER: idp.issuer,
        OIDC_CLIENT_ID: idp.clientId,
        OIDC_CLIENT_SECRET: idp.clientSecret,
        OIDC_LABEL: "Logga in med Exempelstads konto",
      }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await idp?.close();
  });

  async function signInAtIdp(login: string) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.base}/logga-in`);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Logga in med Exempelstads konto" }).click();
    await page.waitForURL(new RegExp(`^${idp.issuer}/interaction/`));
    await page.fill("input[name=login]", login);
    await page.fill("input[name=password]", "vad-som-helst");
    await page.click("button[type=submit]");
    // The provider asks for consent the first time.
    await page.waitForLoadState();
    if (page.url().startsWith(idp.issuer)) await page.click("button[type=submit]");
    await page.waitForURL((url) => url.toString().startsWith(server.base));
    return { context, page };
  }

  it("signs a known staff member in by verified e-mail and links the account", async () => {
    const { context, page } = await signInAtIdp("maria.ekholm");
    expect(page.url()).toBe(`${server.base}/arbetsyta`);
    expect(await page.locator("h1").textContent()).toBe("Hej Maria Ekholm!");
    await expectAccessible(page);
    const user = await server.database.db
      .selectFrom("staff_users")
      .select(["oidc_subject", "oidc_issuer"])
      .where("email", "=", "chef@example.se")
      .executeTakeFirstOrThrow();
    expect(user).toEqual({ oidc_subject: "maria.ekholm", oidc_issuer: idp.issuer });
    const session = await server.database.db
      .selectFrom("sessions")
      .select("auth_method")
      .where("auth_method", "=", "oidc")
      .execute();
    expect(session.length).toBeGreaterThan(0);
    await context.close();
  });

  it("refuses someone the provider knows but Klarsvar does not", async () => {
    const { context, page } = await signInAtIdp("okand.person");
    expect(page.url()).toBe(`${server.base}/logga-in?fel=sso-okand`);
    expect(await page.locator(".banner").textContent()).toContain("Det finns inget konto i Klarsvar för dig");
    await expectAccessible(page);
    await context.close();
  });
});
