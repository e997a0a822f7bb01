import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import { parseFeed } from "@rowanmanning/feed-parser";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { expectAccessible, linkIn, mailTexts, signedInPage, useJourney, waitForMailText } from "./support.js";

const OUTBOX = join(tmpdir(), `klarsvar-e2e-newsroom-${process.pid}`);

describe("the newsroom in a real browser", () => {
  const j = useJourney({ MAIL_OUTBOX_DIR: OUTBOX, FORM_RATE_LIMIT_PER_MINUTE: "100" });
  afterAll(async () => rm(OUTBOX, { recursive: true, force: true }));

  const signedIn = (email: string): Promise<Page> => signedInPage(j, email);

  it("a communicator writes a release and sees the klarspråk findings; an approver schedules it under embargo; it becomes public at the set time, the feeds update and a subscriber gets it once", async () => {
    // A reader subscribes (double opt-in).
    const reader = await (await j.browser.newContext()).newPage();
    await reader.goto(`${j.server.base}/press`);
    await expectAccessible(reader);
    await reader.getByLabel("Din e-postadress").fill("prenumerant@example.se");
    await reader.getByRole("button", { name: "Prenumerera" }).click();
    expect(await reader.locator("main").textContent()).toContain("Titta i din e-post och bekräfta");
    await reader.goto(
      linkIn(await waitForMailText(OUTBOX, "prenumerant@example.se", "Bekräfta att du vill få"), "/press/prenumerera/"),
    );
    await expectAccessible(reader);
    await reader.getByRole("button", { name: "Bekräfta" }).click();
    expect(await reader.locator("h1").textContent()).toBe("Du prenumererar");

    // The communicator writes.
    const writer = await signedIn("kommunikator@example.se");
    await writer.getByRole("link", { name: "Pressrum" }).first().click();
    await expectAccessible(writer);
    await writer.getByLabel("Rubrik").fill("Öppet hus på familjecentralen");
    await writer.getByRole("button", { name: "Börja skriva" }).click();
    await writer.waitForURL(/\/arbetsyta\/press\/[0-9a-f-]{36}$/);
    const editor = writer.url();
    await writer
      .getByLabel("Ingress")
      .fill("Den 10 december har familjecentralen öppet hus för alla föräldrar med små barn.");
    await writer
      .getByLabel("Brödtext")
      .fill(
        "## Välkommen\n\nAnmälan ska inkomma senast den 5 december. Det bjuds på fika.\n\n- Träffa personalen\n- Se lokalerna",
      );
    await writer.getByLabel("Ämne").fill("Barn och familj");
    await writer.getByRole("button", { name: "Spara texten" }).click();
    await writer.waitForURL(/klart=text/);
    const panel = await writer.locator(".ks-panel").textContent();
    expect(panel).toMatch(/inkomma/);
    await expectAccessible(writer);
    const dir = await mkdtemp(join(tmpdir(), "klarsvar-e2e-img-"));
    const file = join(dir, "familjecentralen.png");
    const canvas = createCanvas(1200, 800);
    const c = canvas.getContext("2d");
    c.fillStyle = "#2b6cb0";
    c.fillRect(0, 0, 1200, 800);
    await writeFile(file, await canvas.encode("png"));
    await writer.getByLabel("Bild", { exact: true }).setInputFiles(file);
    await writer.getByLabel("Alternativ text").fill("Familjecentralens entré med en barnvagn utanför");
    await writer.getByRole("button", { name: "Ladda upp bilden" }).click();
    await writer.waitForURL(/klart=part/);
    await rm(dir, { recursive: true, force: true });
    await writer.getByRole("button", { name: "Skicka för granskning" }).click();
    await writer.waitForURL(/klart=review/);
    await expectAccessible(writer);

    // The approver sees the warnings and approves under embargo for a journalist.
    const approver = await signedIn("admin@example.se");
    await approver.goto(editor);
    expect(await approver.locator("main").textContent()).toMatch(
      /Klarspråkskontrollen har (?:1 varning|\d+ varningar)\b/,
    );
    await expectAccessible(approver);
    await approver.getByLabel(/Under embargo/).check();
    const soon = new Date(Date.now() + 2 * 3600_000);
    const local = new Intl.DateTimeFormat("sv-SE", {
      timeZone: "Europe/Stockholm",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    })
      .format(soon)
      .replace(" ", "T");
    await approver.getByLabel("Datum och tid").fill(local);
    await approver.getByLabel("Eva Exempelsson, Exempelstads Tidning").check();
    await approver.getByRole("button", { name: "Godkänn" }).click();
    await approver.waitForURL(/klart=approved/);
    expect(await approver.locator("main").textContent()).toContain("Embargo till");
    await expectAccessible(approver);

    const slug = await approver.getByRole("link", { name: "Visa publicerat" }).count();
    expect(slug).toBe(0);
    const embargo = linkIn(
      await waitForMailText(OUTBOX, "eva.reporter@example.se", "Under embargo"),
      "/press/embargo/",
    );
    const journalist = await (await j.browser.newContext()).newPage();
    await journalist.goto(embargo);
    expect(await journalist.locator("main").textContent()).toContain("EMBARGO: får inte publiceras före");
    await expectAccessible(journalist);
    const rssBefore = await (await fetch(`${j.server.base}/press/rss.xml`)).text();
    expect(rssBefore).not.toContain("Öppet hus på familjecentralen");

    // The set time comes (moved forward here rather than waiting two hours).
    const id = editor.split("/").pop() as string;
    await j.server.database.db
      .updateTable("releases")
      .set({ publish_at: new Date(Date.now() - 1000) })
      .where("id", "=", id)
      .execute();
    await journalist.goto(embargo);
    await journalist.waitForURL(/\/press\/oppet-hus-pa-familjecentralen-[0-9a-f]{6}$/);
    expect(await journalist.locator("h1").textContent()).toBe("Öppet hus på familjecentralen");
    await expectAccessible(journalist);
    const rss = parseFeed(await (await fetch(`${j.server.base}/press/rss.xml`)).text());
    expect(rss.items[0]?.title).toBe("Öppet hus på familjecentralen");
    const atom = parseFeed(await (await fetch(`${j.server.base}/press/atom.xml`)).text());
    expect(atom.items[0]?.title).toBe("Öppet hus på familjecentralen");

    await j.server.jobs.send("newsroom.distribute-due", {});
    expect(await waitForMailText(OUTBOX, "prenumerant@example.se", "Öppet hus på familjecentralen")).toContain(
      "Den 10 december har familjecentralen öppet hus",
    );
    await j.server.jobs.send("newsroom.distribute-due", {});
    await new Promise((r) => setTimeout(r, 2000));
    expect(await mailTexts(OUTBOX, "prenumerant@example.se", "Öppet hus på familjecentralen")).toHaveLength(1);

    await reader.goto(`${j.server.base}/press`);
    await reader.getByRole("link", { name: "Öppet hus på familjecentralen" }).click();
    expect(await reader.locator("img").first().getAttribute("alt")).toBe(
      "Familjecentralens entré med en barnvagn utanför",
    );
    await expectAccessible(reader);

    // The subscriber can stop from the link in the mail.
    await reader.goto(
      linkIn(
        await waitForMailText(OUTBOX, "prenumerant@example.se", "Öppet hus på familjecentralen"),
        "/press/avsluta/",
      ),
    );
    await expectAccessible(reader);
    await reader.getByRole("button", { name: "Avsluta" }).click();
    expect(await reader.locator("h1").textContent()).toBe("Utskicken är avslutade");

    // A press conference: the invitation, the calendar file, the answer, who is coming.
    await writer.goto(`${j.server.base}/arbetsyta/press/evenemang`);
    await writer.getByLabel("Vad är det?").fill("Visning av familjecentralen för press");
    await writer.getByLabel("Plats").fill("Familjecentralen, Storgatan 1");
    await writer.getByLabel("Datum").fill(new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10));
    await writer.getByLabel("Starttid (tt:mm)").fill("09:30");
    await writer.getByLabel("Sluttid (tt:mm)").fill("10:30");
    await writer.getByRole("button", { name: "Skapa evenemanget" }).click();
    await writer.waitForURL(/\/arbetsyta\/press\/evenemang\/[0-9a-f-]{36}$/);
    await writer.getByLabel("Bjud in en lista").selectOption({ label: "Lokala medier (2)" });
    await writer.getByRole("button", { name: "Skicka inbjudan" }).click();
    await writer.waitForURL(/klart=/);
    const eventPage = writer.url().replace(/\?.*$/, "");
    await expectAccessible(writer);
    const invitation = await waitForMailText(
      OUTBOX,
      "eva.reporter@example.se",
      "Inbjudan: Visning av familjecentralen för press",
    );
    await journalist.goto(linkIn(invitation, "/press/svar/"));
    await expectAccessible(journalist);
    await journalist.getByRole("button", { name: "Ja, jag kommer" }).click();
    expect(await journalist.locator("main").textContent()).toContain("Tack för svaret!");
    const calendar = await fetch(linkIn(invitation, "/press/evenemang/"));
    expect(calendar.headers.get("content-type")).toContain("text/calendar");
    expect(await calendar.text()).toContain("SUMMARY:Visning av familjecentralen för press");
    await journalist.goto(linkIn(invitation, "/press/evenemang/").replace(/\.ics$/, ""));
    await expectAccessible(journalist);
    await writer.goto(eventPage);
    expect(await writer.locator("main").textContent()).toContain("Kommer: 1");

    // The writer's other pages pass axe too.
    for (const path of [
      "/arbetsyta/press/kontakter",
      "/arbetsyta/press/evenemang",
      "/arbetsyta/press/bevakning",
      "/arbetsyta/press/matt",
    ]) {
      await writer.goto(`${j.server.base}${path}`);
      await expectAccessible(writer);
    }
  });
});
