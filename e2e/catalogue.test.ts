import { describe, expect, it } from "vitest";
import { expectAccessible, submitSignIn, useJourney } from "./support.js";

describe("help catalogue journeys in a real browser", () => {
  const j = useJourney();

  it("a resident searches with a typo and finds the right service, then opens its easy-to-read version", async () => {
    const page = await (await j.browser.newContext()).newPage();
    await page.goto(`${j.server.base}/`);
    await page.getByRole("link", { name: "Stöd och hjälp" }).first().click();
    await page.waitForURL(`${j.server.base}/stod`);
    await expectAccessible(page);
    await page.getByLabel("Sök stöd och hjälp").fill("ekonomsikt bistånd");
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await page.waitForURL(/\/stod\?q=/);
    await expectAccessible(page);
    const first = page.locator(".service-list__link").first();
    expect(await first.textContent()).toBe("Ekonomiskt bistånd");
    await first.click();
    await page.waitForURL(`${j.server.base}/stod/ekonomiskt-bistand`);
    expect(await page.locator("h1").textContent()).toBe("Ekonomiskt bistånd");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Lättläst" }).click();
    await page.waitForURL(`${j.server.base}/stod/ekonomiskt-bistand/lattlast`);
    expect(await page.locator("main").textContent()).toContain("Har du inga pengar till mat och hyra?");
    await expectAccessible(page);
    await page.goto(`${j.server.base}/stod/ekonomiskt-bistand/sprak/en`);
    expect(await page.locator("h1").textContent()).toBe("Financial assistance");
    await expectAccessible(page);
  });

  it("a resident walks the finder on a phone without JavaScript and gets a short, sensible list", async () => {
    // Walked with JavaScript off; axe (which needs JavaScript) then checks every page seen, on the same phone size.
    const phone = { width: 360, height: 740 };
    const page = await (await j.browser.newContext({ javaScriptEnabled: false, viewport: phone })).newPage();
    const seen: string[] = [];
    await page.goto(`${j.server.base}/stod`);
    await page.getByRole("link", { name: /Vilken hjälp passar mig\?/ }).click();
    seen.push(page.url());
    // Going on without an answer says what is missing.
    await page.getByRole("button", { name: "Nästa fråga" }).click();
    expect(await page.locator(".error-summary").textContent()).toContain("Välj det som passar bäst");
    seen.push(page.url());
    await page.getByLabel(/Våld eller hot från någon nära/).check();
    await page.getByRole("button", { name: "Nästa fråga" }).click();
    seen.push(page.url());
    await page.getByLabel("Mig själv", { exact: true }).check();
    await page.getByRole("button", { name: "Visa stöd som passar" }).click();
    seen.push(page.url());
    const names = await page.locator(".service-list__link").allTextContents();
    expect(names[0]).toBe("Stöd till dig som utsätts för våld");
    expect(names.length).toBeGreaterThanOrEqual(2);
    expect(names.length).toBeLessThanOrEqual(6);
    expect(await page.locator("main").textContent()).toContain("Ring 112 vid akut fara.");
    await page.locator(".service-list__link").first().click();
    seen.push(page.url());
    expect(await page.locator("h1").textContent()).toBe("Stöd till dig som utsätts för våld");

    const checker = await (await j.browser.newContext({ viewport: phone })).newPage();
    for (const url of seen) {
      await checker.goto(url);
      await expectAccessible(checker);
      // Nothing wider than the phone: no sideways scrolling.
      expect(await checker.evaluate("document.documentElement.scrollWidth"), url).toBeLessThanOrEqual(phone.width);
    }
  });

  it("a communicator edits a page with the klarspråk check, and the public page shows the change", async () => {
    const staff = await (await j.browser.newContext()).newPage();
    await submitSignIn(staff, j.server.base, "kommunikator@example.se", "klarsvar-demo-2026");
    await staff.waitForURL(`${j.server.base}/arbetsyta`);
    await staff.goto(`${j.server.base}/arbetsyta/stod`);
    await expectAccessible(staff);
    await staff.getByRole("link", { name: "Träffpunkten – en mötesplats för vuxna" }).click();
    await expectAccessible(staff);
    await staff
      .getByLabel("Vad får man?")
      .fill("Ett öppet café, promenader och spelkvällar. Nu också stickcafé på tisdagar.");
    await staff.getByLabel("Vad ändrade du?").fill("Stickcafé");
    await staff.getByRole("button", { name: "Spara", exact: true }).click();
    await staff.waitForURL(/sparad=1/);
    expect(await staff.locator(".banner").first().textContent()).toContain("version 2");
    await expectAccessible(staff);
    const page = await (await j.browser.newContext()).newPage();
    await page.goto(`${j.server.base}/stod?q=stickcaf%C3%A9`);
    expect(await page.locator(".service-list__link").first().textContent()).toBe(
      "Träffpunkten – en mötesplats för vuxna",
    );
  });
});
