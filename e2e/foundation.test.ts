import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible, submitSignIn, useJourney } from "./support.js";

describe("foundation journeys in a real browser", () => {
  const j = useJourney();

  async function newPage(
    options: { javaScriptEnabled?: boolean } = {},
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await j.browser.newContext({
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      locale: "sv-SE",
    });
    return { context, page: await context.newPage() };
  }

  it("public pages pass axe, and the language switch changes text and lang", async () => {
    const { context, page } = await newPage();
    for (const path of ["/", "/tillganglighet", "/personuppgifter", "/logga-in", "/finns-inte"]) {
      await page.goto(`${j.server.base}${path}`);
      expect(await page.getAttribute("html", "lang")).toBe("sv");
      await expectAccessible(page);
    }
    await page.goto(`${j.server.base}/tillganglighet`);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Tillgänglighet för Klarsvar");
    expect(await page.locator("a[href='https://www.digg.se/tdosanmalan']").count()).toBe(1);
    await page.getByRole("link", { name: "In English" }).click();
    await page.waitForURL(`${j.server.base}/tillganglighet`);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.locator("h1").textContent()).toBe("Accessibility of Klarsvar");
    await expectAccessible(page);
    await page.getByRole("link", { name: "På svenska" }).click();
    expect(await page.getAttribute("html", "lang")).toBe("sv");
    await context.close();
  });

  it("a wrong password shows the error summary, keeps the e-mail, and passes axe", async () => {
    const { context, page } = await newPage();
    await submitSignIn(page, j.server.base, "kommunikator@example.se", "inte-ratt-losenord");
    expect(await page.title()).toBe("Fel: Logga in – Klarsvar");
    const summary = page.locator(".error-summary");
    expect(await summary.textContent()).toContain("E-postadressen eller lösenordet är fel");
    expect(await page.getByLabel("E-postadress").inputValue()).toBe("kommunikator@example.se");
    await expectAccessible(page);
    await context.close();
  });

  it("signs in as the demo communicator, sees the workspace and account, and signs out", async () => {
    const { context, page } = await newPage();
    await page.goto(`${j.server.base}/arbetsyta`);
    await page.waitForURL(/\/logga-in\?nasta=/);
    await submitSignIn(page, j.server.base, "kommunikator@example.se", "klarsvar-demo-2026");
    await page.waitForURL(`${j.server.base}/arbetsyta`);
    expect(await page.locator("h1").textContent()).toBe("Hej Sara Holmgren!");
    await expectAccessible(page);
    // A communicator does not see admin pages in the menu.
    expect(await page.getByRole("link", { name: "Händelselogg" }).count()).toBe(0);
    await page.getByRole("link", { name: "Mitt konto" }).first().click();
    expect(await page.locator("h1").textContent()).toBe("Mitt konto");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Logga ut" }).click();
    await page.waitForURL(`${j.server.base}/logga-in?utloggad=1`);
    expect(await page.locator(".banner").textContent()).toContain("Du är utloggad.");
    await expectAccessible(page);
    await page.goto(`${j.server.base}/arbetsyta`);
    await page.waitForURL(/\/logga-in/);
    await context.close();
  });

  it("everything works with JavaScript turned off: sign in, change language, sign out", async () => {
    // axe needs JavaScript, so this journey checks behaviour only; the others check axe.
    const { context, page } = await newPage({ javaScriptEnabled: false });
    await submitSignIn(page, j.server.base, "handlaggare@example.se", "klarsvar-demo-2026");
    await page.waitForURL(`${j.server.base}/arbetsyta`);
    expect(await page.locator("h1").textContent()).toBe("Hej Johan Bergström!");
    await page.getByRole("link", { name: "In English" }).click();
    expect(await page.locator("h1").textContent()).toBe("Hello Johan Bergström!");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${j.server.base}/logga-in?utloggad=1`);
    expect(await page.locator(".banner").textContent()).toContain("You are signed out.");
    await context.close();
  });

  it("an admin browses the audit log and the failed jobs, in English too", async () => {
    const { context, page } = await newPage();
    await submitSignIn(page, j.server.base, "admin@example.se", "klarsvar-demo-2026");
    await page.waitForURL(`${j.server.base}/arbetsyta`);
    await page.getByRole("link", { name: "Händelselogg" }).click();
    expect(await page.locator("h1").textContent()).toBe("Händelselogg");
    expect(await page.locator("table").textContent()).toContain("auth.login");
    await expectAccessible(page);
    await page.getByLabel("Händelse", { exact: true }).fill("auth.");
    await page.getByLabel("Från och med datum").fill("i förrgår");
    await page.getByRole("button", { name: "Visa" }).click();
    expect(await page.title()).toMatch(/^Fel: /);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Misslyckade jobb" }).click();
    expect(await page.locator("h1").textContent()).toBe("Misslyckade jobb");
    await expectAccessible(page);
    await page.getByRole("link", { name: "In English" }).click();
    expect(await page.locator("h1").textContent()).toBe("Failed jobs");
    await expectAccessible(page);
    await page.goto(`${j.server.base}/arbetsyta`);
    expect(await page.locator("h1").textContent()).toBe("Hello Karin Lindqvist!");
    await expectAccessible(page);
    await context.close();
  });
});
