import { describe, expect, it } from "vitest";
import { metaSignature } from "../src/modules/social/signature.js";
import { expectAccessible, submitSignIn, useJourney } from "./support.js";

const SECRET = "meta-app-secret-for-e2e-0123456789";

describe("social channels in a real browser", () => {
  const j = useJourney({ META_APP_SECRET: SECRET, META_VERIFY_TOKEN: "verify-token-for-e2e-0123" });

  it("an admin connects a Facebook Page; a comment arrives as a case; a communicator sees the post and the moderation form", async () => {
    const admin = await (await j.browser.newContext()).newPage();
    await submitSignIn(admin, j.server.base, "admin@example.se", "klarsvar-demo-2026");
    await admin.waitForURL(`${j.server.base}/arbetsyta`);
    await admin.goto(`${j.server.base}/arbetsyta/admin/sociala-medier`);
    await expectAccessible(admin);
    await admin.getByLabel("Sorts konto").selectOption("facebook");
    await admin.getByLabel("Namn", { exact: true }).fill("Socialförvaltningen Exempelstad");
    await admin.getByLabel("Kontots id").fill("100200300");
    await admin.getByLabel("Åtkomstnyckel").fill("EAAB-e2e-page-token-0123456789");
    await admin.getByRole("button", { name: "Spara kontot" }).click();
    await admin.waitForURL(/klart=1/);
    expect(await admin.locator("main").textContent()).not.toContain("EAAB-e2e-page-token");
    await expectAccessible(admin);

    const body = Buffer.from(
      JSON.stringify({
        object: "page",
        entry: [
          {
            id: "100200300",
            time: Math.floor(Date.now() / 1000),
            changes: [
              {
                field: "feed",
                value: {
                  item: "comment",
                  verb: "add",
                  comment_id: "100200300_e2e1",
                  post_id: "100200300_1",
                  parent_id: "100200300_1",
                  from: { id: "9001", name: "Lena Exempel" },
                  message: "Hur söker jag ekonomiskt bistånd?",
                  created_time: Math.floor(Date.now() / 1000),
                },
              },
            ],
          },
        ],
      }),
    );
    const res = await fetch(`${j.server.base}/webhooks/meta`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "x-hub-signature-256": metaSignature(SECRET, body) },
    });
    expect(res.status).toBe(200);

    const staff = await (await j.browser.newContext()).newPage();
    await submitSignIn(staff, j.server.base, "kommunikator@example.se", "klarsvar-demo-2026");
    await staff.waitForURL(`${j.server.base}/arbetsyta`);
    const row = staff.locator("tr", { hasText: "Kommentar på Facebook" });
    for (let i = 0; i < 40; i++) {
      await staff.goto(`${j.server.base}/arbetsyta/inkorg`);
      if ((await row.count()) > 0) break;
      await staff.waitForTimeout(500);
    }
    expect(await row.count()).toBeGreaterThan(0);
    await row.first().getByRole("link").first().click();
    await expectAccessible(staff);
    await staff.getByRole("link", { name: "Inläggen på plattformen och moderering" }).click();
    expect(await staff.locator("main").textContent()).toContain("Hur söker jag ekonomiskt bistånd?");
    await expectAccessible(staff);
  });
});
