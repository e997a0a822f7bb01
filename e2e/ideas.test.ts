import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { expectAccessible, linkIn, signedInPage, useJourney, waitForMailText } from "./support.js";

const OUTBOX = join(tmpdir(), `klarsvar-e2e-ideas-${process.pid}`);

describe("ideas in a real browser", () => {
  const j = useJourney({ MAIL_OUTBOX_DIR: OUTBOX, FORM_RATE_LIMIT_PER_MINUTE: "100" });
  afterAll(async () => rm(OUTBOX, { recursive: true, force: true }));

  /** A staff member gives an idea a new state with its written answer. */
  async function answer(page: Page, state: string, text: string, decidedBy: string): Promise<void> {
    await page.getByLabel("Nytt läge").selectOption({ label: state });
    await page.getByLabel("Svar", { exact: true }).fill(text);
    await page.getByLabel("Vem har bestämt?").fill(decidedBy);
    await page.getByRole("button", { name: "Spara och skicka besked" }).click();
    await page.waitForURL(/klart=state/);
  }

  const signedIn = (email: string): Promise<Page> => signedInPage(j, email);

  it("a resident submits an idea, confirms it by e-mail, sees it routed and answered; a follower gets a digest; the submitter says it helped", async () => {
    const resident = await (await j.browser.newContext()).newPage();
    await resident.goto(`${j.server.base}/forslag`);
    await expectAccessible(resident);
    await resident.getByRole("link", { name: "Skicka ett förslag" }).first().click();
    await expectAccessible(resident);
    await resident.getByLabel("Rubrik").fill("Ansök om bistånd på flera språk");
    await resident
      .getByLabel("Ditt förslag")
      .fill(
        "E-tjänsten för ekonomiskt bistånd borde finnas på arabiska och somaliska. Många i mitt område läser inte svenska.",
      );
    await resident.getByLabel("Område (om du vet)").selectOption({ label: "Ekonomiskt bistånd" });
    await resident.getByLabel("Din e-postadress").fill("amina@example.se");
    await resident.waitForTimeout(3200);
    await resident.getByRole("button", { name: "Skicka förslaget" }).click();
    await resident.waitForURL(/\/forslag\/mitt\/.+\?skickat=1$/);
    expect(await resident.locator("main").textContent()).toContain("Titta i din e-post och bekräfta det.");
    await expectAccessible(resident);

    const confirmation = await waitForMailText(OUTBOX, "amina@example.se", "Bekräfta ditt förslag");
    await resident.goto(linkIn(confirmation, "/forslag/mitt/"));
    await resident.getByRole("button", { name: "Bekräfta" }).click();
    await resident.getByRole("link", { name: "Så här ser förslaget ut för andra" }).click();
    const ideaUrl = resident.url();
    const number = /IDE-\d{4}-\d{6}/.exec(ideaUrl)?.[0] as string;
    expect(await resident.locator("main").textContent()).toContain("Förslaget gick till Ekonomiskt bistånd.");
    await expectAccessible(resident);

    // Someone else follows it, as a daily digest.
    const follower = await (await j.browser.newContext()).newPage();
    await follower.goto(ideaUrl);
    await follower.getByLabel("Din e-postadress").fill("granne@example.se");
    await follower.getByLabel("En sammanfattning om dagen").check();
    await follower.getByRole("button", { name: "Följ förslaget" }).click();
    expect(await follower.locator("main").textContent()).toContain("Titta i din e-post.");
    await expectAccessible(follower);
    await follower.goto(
      linkIn(await waitForMailText(OUTBOX, "granne@example.se", "Bekräfta att du vill följa"), "/forslag/folj/"),
    );
    await expectAccessible(follower);
    await follower.getByRole("button", { name: "Bekräfta" }).click();
    expect(await follower.locator("h1").textContent()).toBe("Du följer förslaget");

    // The unit answers.
    const staff = await signedIn("handlaggare@example.se");
    await staff.getByRole("link", { name: "Förslag", exact: true }).first().click();
    await expectAccessible(staff);
    await staff.getByRole("link", { name: number }).click();
    await expectAccessible(staff);
    await answer(
      staff,
      "Bedöms",
      "Tack för förslaget! Vi tar reda på vad det kostar att översätta e-tjänsten och svarar i mars.",
      "Enheten för ekonomiskt bistånd",
    );
    await expectAccessible(staff);

    await resident.goto(ideaUrl);
    const shown = await resident.locator("main").textContent();
    expect(shown).toContain("Nytt läge: Bedöms.");
    expect(shown).toContain("Vi tar reda på vad det kostar att översätta e-tjänsten");
    expect(shown).toContain("Beslutat av: Enheten för ekonomiskt bistånd");
    expect(await waitForMailText(OUTBOX, "amina@example.se", `Nytt besked om förslaget ${number}: Bedöms`)).toContain(
      "svarar i mars",
    );

    // The morning digest reaches the follower.
    await j.server.jobs.send("ideas.queue-digests", {});
    const digest = await waitForMailText(OUTBOX, "granne@example.se", "Nytt om förslagen du följer");
    expect(digest).toContain("Bedöms");
    // Every digest lets the follower stop, per idea or for all.
    await follower.goto(linkIn(digest, "/forslag/sluta-folja/"));
    await expectAccessible(follower);
    await follower.getByRole("button", { name: "Sluta följa" }).click();
    expect(await follower.locator("h1").textContent()).toBe("Du följer inte längre");

    // Implemented; later the submitter is asked whether it helped, and answers.
    await answer(
      staff,
      "Genomfört",
      "E-tjänsten finns nu på arabiska och somaliska.",
      "Enheten för ekonomiskt bistånd",
    );
    const ideaId = /\/arbetsyta\/forslag\/([0-9a-f-]{36})/.exec(staff.url())?.[1] as string;
    await j.server.jobs.send("ideas.ask-helped", { ideaId });
    await resident.goto(
      linkIn(await waitForMailText(OUTBOX, "amina@example.se", "Gjorde ditt förslag skillnad?"), "/forslag/mitt/"),
    );
    await expectAccessible(resident);
    await resident.getByLabel("Ja").check();
    await resident.getByLabel("Berätta gärna mer (frivilligt)").fill("Min granne kunde söka själv för första gången.");
    await resident.getByRole("button", { name: "Skicka svaret" }).click();
    await resident.goto(ideaUrl);
    const after = await resident.locator("main").textContent();
    expect(after).toContain("Gjorde det skillnad?");
    expect(after).toContain("Min granne kunde söka själv för första gången.");
    expect(after).toContain("Hur långt arbetet har kommit: 100 procent");
    await expectAccessible(resident);
  });

  it("an employee submits anonymously to an innovation group and the group answers", async () => {
    const employee = await signedIn("medarbetare@example.se");
    await employee.goto(`${j.server.base}/arbetsyta/forslag/nytt`);
    await expectAccessible(employee);
    await employee.getByLabel("Rubrik").fill("Gemensam kalender för tolkar");
    await employee
      .getByLabel("Ditt förslag")
      .fill("Vi lägger mycket tid på att ringa runt efter tolk. En gemensam kalender skulle spara tid för alla.");
    await employee
      .getByLabel("Skicka till en innovationsgrupp (frivilligt)")
      .selectOption({ label: "Innovationsgruppen Digitala tjänster – E-tjänster, digitala möten och webben" });
    await employee.getByLabel(/Skicka utan mitt namn/).check();
    await employee.getByRole("button", { name: "Skicka förslaget" }).click();
    await employee.waitForURL(/\/arbetsyta\/forslag\/mina\?skickat=IDE-/);
    expect(await employee.locator("main").textContent()).toContain("Gemensam kalender för tolkar");
    await expectAccessible(employee);

    const member = await signedIn("handlaggare@example.se");
    await member.goto(`${j.server.base}/arbetsyta/forslag`);
    await member
      .getByRole("row", { name: /Gemensam kalender för tolkar/ })
      .getByRole("link")
      .click();
    const text = await member.locator("main").textContent();
    expect(text).toContain("Anonym medarbetare");
    expect(text).not.toContain("Ali Hassan");
    await expectAccessible(member);
    await answer(
      member,
      "Beslutat",
      "Bra förslag! Vi startar en gemensam kalender för tolkar i januari.",
      "Innovationsgruppen Digitala tjänster",
    );
    expect(await waitForMailText(OUTBOX, "medarbetare@example.se", "Nytt besked om förslaget")).toContain(
      "gemensam kalender för tolkar i januari",
    );

    await employee.goto(`${j.server.base}/arbetsyta/forslag/mina`);
    await employee.getByRole("link", { name: /IDE-/ }).first().click();
    const own = await employee.locator("main").textContent();
    expect(own).toContain("Du (utan ditt namn)");
    expect(own).toContain("Nytt läge: Beslutat.");
    await expectAccessible(employee);

    // The admin's settings and the measures pass axe too.
    const admin = await signedIn("admin@example.se");
    await admin.goto(`${j.server.base}/arbetsyta/admin/forslag`);
    expect(await admin.locator("main").textContent()).toContain("Innovationsgruppen Digitala tjänster");
    await expectAccessible(admin);
    await admin.goto(`${j.server.base}/arbetsyta/forslag/matt`);
    expect(await admin.locator("main").textContent()).toContain("Andel besvarade i tid per enhet");
    await expectAccessible(admin);
  });
});
