import { describe, expect, it } from "vitest";
import { expectAccessible, submitSignIn, useJourney } from "./support.js";

describe("inbox journey in a real browser", () => {
  const j = useJourney({ FORM_RATE_LIMIT_PER_MINUTE: "100" });

  it("a resident asks; a communicator routes and answers with a saved answer; the resident's follow link shows the answer", async () => {
    // A communicator has the board open before the question arrives.
    const staff = await (await j.browser.newContext()).newPage();
    await submitSignIn(staff, j.server.base, "kommunikator@example.se", "klarsvar-demo-2026");
    await staff.waitForURL(`${j.server.base}/arbetsyta`);
    await staff.getByRole("link", { name: "Obesvarat" }).first().click();
    await expectAccessible(staff);

    const resident = await (await j.browser.newContext()).newPage();
    await resident.goto(`${j.server.base}/fraga`);
    await expectAccessible(resident);
    await resident.getByLabel(/Pengar och ekonomiskt bistånd/).check();
    await resident
      .getByLabel("Din fråga")
      .fill("Hej! Kan jag få hjälp att göra en budget? Räkningarna blir för många.");
    await resident.getByLabel(/^E-post/).fill("resident.e2e@example.se");
    // The form refuses answers sent within a few seconds (bots); a person takes longer.
    await resident.waitForTimeout(3200);
    await resident.getByRole("button", { name: "Skicka frågan" }).click();
    await resident.waitForURL(/\/arende\/[\w-]+\?ny=1$/);
    const receipt = (await resident.locator(".banner").first().textContent()) ?? "";
    const number = /SOC-\d{4}-\d{6}/.exec(receipt)?.[0];
    expect(number).toBeTruthy();
    expect(await resident.locator("main").textContent()).toContain("Du får svar senast");
    await expectAccessible(resident);
    const followUrl = resident.url().replace("?ny=1", "");

    // The open board shows the new case without a reload.
    await staff.waitForSelector('[data-module="live-board"][data-state="updated"]', { timeout: 15_000 });
    await staff.getByRole("link", { name: number as string }).click();
    expect(await staff.locator("h1").textContent()).toBe(`Ärende ${number}`);
    await expectAccessible(staff);

    await staff.getByLabel("Enhet", { exact: true }).selectOption({ label: "Ekonomiskt bistånd" });
    await staff.getByLabel("Varför?").fill("Gäller budgetrådgivning");
    await staff.getByRole("button", { name: "Flytta", exact: true }).click();
    await staff.waitForURL(/klart=flyttad/);
    await staff.getByLabel("Svarsmall").selectOption({ label: "Budgetrådgivning" });
    await staff.getByRole("button", { name: "Använd svarsmallen" }).click();
    expect(await staff.getByLabel("Ditt svar", { exact: true }).inputValue()).toContain(
      "Du kan boka tid för budgetrådgivning.",
    );
    await expectAccessible(staff);
    await staff.getByRole("button", { name: "Skicka svaret" }).click();
    await staff.waitForURL(/klart=svar/);
    expect(await staff.locator(".banner").first().textContent()).toContain("Svaret är skickat.");
    await expectAccessible(staff);

    await resident.goto(followUrl);
    const thread = (await resident.locator(".thread").textContent()) ?? "";
    expect(thread).toContain("Vi svarade");
    expect(thread).toContain("Du kan boka tid för budgetrådgivning.");
    await expectAccessible(resident);
  });
});
