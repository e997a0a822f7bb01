import { describe, expect, it } from "vitest";
import { expectAccessible, useJourney } from "./support.js";

const HARD =
  "Med anledning av ovanstående skall den sökande inkomma med erforderliga handlingar samt tillse att ansökan erhålls av nämnden i syfte att möjliggöra en skyndsam handläggning av ärendet. Beslut fattas därefter av nämnden efter beredning.";
const EASY = "Du kan få hjälp av oss. Ring oss i dag. Vi svarar på en gång. Det kostar inget.";

describe("Klarspråkskollen in a real browser", () => {
  const j = useJourney();

  it("a hard official text lands in the hard band with officialese suggestions; an easy text in the easy band — live while typing", async () => {
    const context = await j.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${j.server.base}/klarsprakskollen`);
    await expectAccessible(page);
    await page.getByLabel("Din text", { exact: true }).fill(HARD);
    // No button pressed: the panel updates by itself after a short pause.
    await page.waitForSelector('[data-module="klarsprak-editor"][data-state="updated"]');
    const panel = page.locator("[data-ks-panel]");
    await expect.poll(() => panel.locator(".ks-score__band").textContent()).toMatch(/^(Svår|Mycket svår)$/);
    const panelText = (await panel.textContent()) ?? "";
    expect(panelText).toContain("Skriv hellre ”ska”");
    expect(panelText).toContain("Skriv hellre ”se till”");
    await expectAccessible(page);

    await page.getByLabel("Din text", { exact: true }).fill(EASY);
    await expect
      .poll(() => panel.locator(".ks-score__band").textContent(), { timeout: 5000 })
      .toMatch(/^(Mycket lätt|Lätt)$/);
    await expectAccessible(page);

    // Granska still works with the script present, and shows the text with markings.
    await page.getByLabel("Din text", { exact: true }).fill(HARD);
    await page.getByRole("button", { name: "Granska" }).click();
    await page.waitForSelector(".ks-highlighted");
    expect(await page.locator(".ks-mark").count()).toBeGreaterThan(3);
    await expectAccessible(page);
    await context.close();
  });

  it("works without JavaScript: Granska re-renders the page with the result", async () => {
    const context = await j.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${j.server.base}/klarsprakskollen`);
    await page.getByLabel("Din text", { exact: true }).fill(HARD);
    await page.getByRole("button", { name: "Granska" }).click();
    await page.waitForURL(`${j.server.base}/klarsprakskollen`);
    expect(await page.locator(".ks-score__band").textContent()).toMatch(/^(Svår|Mycket svår)$/);
    expect(await page.locator(".ks-findings").textContent()).toContain("Skriv hellre ”ska”");
    expect(await page.getByLabel("Din text", { exact: true }).inputValue()).toBe(HARD);
    await context.close();
  });
});
