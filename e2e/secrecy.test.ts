/**
 * Secrecy and reports of concern in a real browser, with axe on every page: a neighbour
 * reports worry about a child on a phone; the intake sees it first and opens it with a purpose;
 * a communicator sees only that it exists and its clock; the registrar routes an unrouted
 * secret question without being able to read it afterwards; the case officer opens it; the
 * audit log shows every opening with its purpose.
 */
import { devices } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible, signedInPage, useJourney } from "./support.js";

describe("secrecy and reports of concern in a real browser", () => {
  const j = useJourney({ FORM_RATE_LIMIT_PER_MINUTE: "100" });

  it("a neighbour reports, the intake sees it first, a communicator sees only the clock, the registrar routes a secret question, the case officer opens it", async () => {
    // A worried neighbour on a phone.
    const phone = await (await j.browser.newContext({ ...devices["Pixel 7"] })).newPage();
    await phone.goto(`${j.server.base}/fraga`);
    await phone
      .getByLabel("Din fråga")
      .fill(
        "Jag är orolig för pojken i lägenheten bredvid. Hans pappa skriker och slår honom, jag hör det nästan varje kväll.",
      );
    await phone.waitForTimeout(3200);
    await phone.getByRole("button", { name: "Skicka frågan" }).click();
    await phone.waitForURL(/\/arende\/[\w-]+\?ny=1$/);
    const receipt = (await phone.locator("main").textContent()) ?? "";
    expect(receipt).toContain("Vi har tagit emot din orosanmälan");
    expect(receipt).not.toContain("Du får svar senast");
    expect(await phone.locator('a[href="tel:112"]').count()).toBeGreaterThan(0);
    expect(await phone.locator('a[href^="tel:+46"]').count()).toBeGreaterThan(0);
    const number = /SOC-\d{4}-\d{6}/.exec(receipt)?.[0] as string;
    await expectAccessible(phone);

    // Someone writes about their own matter without choosing a category: nobody owns it yet.
    const resident = await (await j.browser.newContext()).newPage();
    await resident.goto(`${j.server.base}/fraga`);
    await resident
      .getByLabel("Din fråga")
      .fill(
        "Jag har fått avslag på min ansökan om försörjningsstöd och vill veta varför. Min handläggare svarar inte.",
      );
    await resident.waitForTimeout(3200);
    await resident.getByRole("button", { name: "Skicka frågan" }).click();
    await resident.waitForURL(/\/arende\/[\w-]+\?ny=1$/);
    const secretNumber = /SOC-\d{4}-\d{6}/.exec((await resident.locator("main").textContent()) ?? "")?.[0] as string;

    // The intake: the report is first on the board, without its words; opened with a purpose.
    const intake = await signedInPage(j, "chef@example.se");
    await intake.goto(`${j.server.base}/arbetsyta/inkorg`);
    const rows = await intake.locator("tbody tr").allTextContents();
    const ours = rows.findIndex((r) => r.includes(number));
    expect(rows[ours]).toContain("Orosanmälan");
    expect(rows[ours]).not.toContain("pappa");
    // Reports of concern first: every row above ours is one too.
    expect(rows.slice(0, ours).every((r) => r.includes("Orosanmälan"))).toBe(true);
    await expectAccessible(intake);
    await intake.getByRole("link", { name: number }).click();
    expect(await intake.locator("main").textContent()).not.toContain("pappa skriker");
    await intake.getByLabel("Varför öppnar du ärendet?").selectOption({ label: "Arbeta med ärendet" });
    await intake.getByRole("button", { name: "Öppna ärendet" }).click();
    await intake.waitForURL(/klart=oppnat/);
    expect(await intake.locator(".thread").textContent()).toContain("pappa skriker");
    await expectAccessible(intake);

    // The communicator: that it exists and its clock, nothing more, and no buttons.
    const comm = await signedInPage(j, "kommunikator@example.se");
    await comm.goto(`${j.server.base}/arbetsyta/inkorg`);
    await comm.getByRole("link", { name: number }).click();
    const seen = (await comm.locator("main").textContent()) ?? "";
    expect(seen).toContain("Orosanmälan om ett barn");
    expect(seen).toContain("Svar senast");
    expect(seen).not.toContain("pappa");
    expect(await comm.getByRole("button").count()).toBe(
      await comm.locator("header button, footer button, nav button").count(),
    );
    await expectAccessible(comm);

    // The registrar routes the unowned secret question, and may not read it afterwards.
    const registrar = await signedInPage(j, "registrator@example.se");
    await registrar.goto(`${j.server.base}/arbetsyta/inkorg`);
    await registrar.getByLabel("Enhet", { exact: true }).selectOption({ label: "Inte fördelade (att fördela)" });
    await registrar.getByRole("button", { name: "Visa" }).click();
    await registrar.getByRole("link", { name: secretNumber }).click();
    await registrar.getByLabel("Varför öppnar du ärendet?").selectOption({ label: "Fördela ärendet till rätt enhet" });
    await registrar.getByRole("button", { name: "Öppna ärendet" }).click();
    await registrar.waitForURL(/klart=oppnat/);
    expect(await registrar.locator(".thread").textContent()).toContain("avslag på min ansökan");
    expect(await registrar.getByRole("button", { name: "Skicka svaret" }).count()).toBe(0);
    await expectAccessible(registrar);
    await registrar.getByLabel("Enhet", { exact: true }).selectOption({ label: "Ekonomiskt bistånd" });
    await registrar.getByLabel("Varför?").fill("Gäller försörjningsstöd");
    await registrar.getByRole("button", { name: "Flytta", exact: true }).click();
    await registrar.waitForURL(/klart=flyttad/);
    expect(await registrar.locator("main").textContent()).not.toContain("avslag på min ansökan");
    await expectAccessible(registrar);

    // The case officer at Ekonomiskt bistånd opens it (audited) and sees it.
    const officer = await signedInPage(j, "handlaggare@example.se");
    await officer.goto(`${j.server.base}/arbetsyta/inkorg`);
    await officer.getByRole("link", { name: secretNumber }).click();
    await officer.getByLabel("Varför öppnar du ärendet?").selectOption({ label: "Arbeta med ärendet" });
    await officer.getByRole("button", { name: "Öppna ärendet" }).click();
    await officer.waitForURL(/klart=oppnat/);
    expect(await officer.locator(".thread").textContent()).toContain("avslag på min ansökan");
    await expectAccessible(officer);

    // The admin reads every opening in the audit log, with its purpose.
    const admin = await signedInPage(j, "admin@example.se");
    await admin.goto(`${j.server.base}/arbetsyta/admin/logg?handelse=case.secret.open`);
    const log = (await admin.locator("main").textContent()) ?? "";
    for (const who of ["chef@example.se", "registrator@example.se", "handlaggare@example.se"])
      expect(log).toContain(who);
    expect(log).toContain("Fördela ärendet till rätt enhet");
    await expectAccessible(admin);
  });
});
