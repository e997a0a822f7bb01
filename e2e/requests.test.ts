import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { pdfText } from "../src/platform/documents/masking.js";
import { expectAccessible, submitSignIn, useJourney } from "./support.js";

const run = promisify(execFile);
const PNR = "19121212-1212";
const NAME = "Tolvan Tolvansson";

function notePdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 56 });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.fontSize(12).text(`Uppföljning av familjehemmet i Norrby. Placerat barn: ${NAME}, ${PNR}.`);
  doc.moveDown().text("Familjehemmet har haft handledning varje månad. Nämnden bedömer att placeringen fungerar väl.");
  doc.end();
  return done;
}

describe("request for public documents in a real browser", () => {
  const j = useJourney({ FORM_RATE_LIMIT_PER_MINUTE: "100" });

  it("a journalist asks anonymously; the registrar masks a name and a personal identity number, releases in part with a decision; the released PDF holds neither", async () => {
    const journalist = await (await j.browser.newContext()).newPage();
    await journalist.goto(`${j.server.base}/begar-handling`);
    await expectAccessible(journalist);
    expect(await journalist.locator("main").textContent()).toContain(
      "Du behöver inte tala om vem du är eller varför du vill ha handlingarna.",
    );
    await journalist
      .getByLabel("Vilka handlingar vill du ha?")
      .fill("Uppföljningar av familjehemmet i Norrby under 2026.");
    await journalist.getByLabel("Hur vill du få handlingarna?").selectOption("download");
    await journalist.getByLabel(/^E-post/).fill("redaktionen@example.se");
    await journalist.waitForTimeout(3200);
    await journalist.getByRole("button", { name: "Skicka begäran" }).click();
    await journalist.waitForURL(/\/arende\/[\w-]+\?ny=1$/);
    const number = /SOC-\d{4}-\d{6}/.exec((await journalist.locator("main").textContent()) ?? "")?.[0] as string;
    expect(number).toBeTruthy();

    const registrar = await (await j.browser.newContext()).newPage();
    await submitSignIn(registrar, j.server.base, "kommunikator@example.se", "klarsvar-demo-2026");
    await registrar.waitForURL(`${j.server.base}/arbetsyta`);
    await registrar.getByRole("link", { name: "Begäran om handling" }).first().click();
    await expectAccessible(registrar);
    await registrar.getByRole("link", { name: number }).click();
    expect(await registrar.locator("h1").textContent()).toBe(`Begäran ${number}`);
    await expectAccessible(registrar);

    const dir = await mkdtemp(join(tmpdir(), "klarsvar-e2e-"));
    try {
      const file = join(dir, "uppfoljning.pdf");
      await writeFile(file, await notePdf());
      await registrar.getByLabel("Vad handlingen heter").fill("Uppföljning familjehem 2026-03");
      await registrar.getByLabel("Fil", { exact: true }).setInputFiles(file);
      await registrar.getByRole("button", { name: "Ladda upp" }).click();
      await registrar.waitForURL(/klart=dokument/);
      for (const passage of [PNR, NAME]) {
        await registrar.getByLabel("Text som ska maskeras").fill(passage);
        await registrar.locator('select[name="ground"]').selectOption("OSL 26:1");
        await registrar.getByRole("button", { name: "Lägg till maskering" }).click();
        await registrar.waitForURL(/klart=maskering/);
      }
      await registrar.getByLabel("Lämnas ut med maskering").check();
      await registrar.getByLabel("Skäl med egna ord").fill("Anteckningen innehåller uppgifter om ett placerat barn.");
      await registrar.getByRole("button", { name: "Spara prövningen" }).click();
      await registrar.waitForURL(/klart=provning/);
      await expectAccessible(registrar);
      await registrar
        .getByLabel("Skäl för beslutet")
        .fill("Uppgifterna om barnet omfattas av sekretess inom socialtjänsten.");
      await registrar.getByRole("button", { name: "Besluta" }).click();
      await registrar.waitForURL(/klart=beslut/);
      const decision = (await registrar.locator("pre.decision").textContent()) ?? "";
      expect(decision).toContain("26 kap. 1 § offentlighets- och sekretesslagen (2009:400)");
      expect(decision).toContain("kammarrätten");
      expect(decision).toContain("inom tre veckor");
      await expectAccessible(registrar);
      await registrar.getByLabel("Hur?").selectOption("download");
      await registrar.getByRole("button", { name: "Skicka", exact: true }).click();
      const link = ((await registrar.locator("code").textContent()) ?? "").trim();
      expect(link).toMatch(/\/handling\/[\w-]+$/);
      await expectAccessible(registrar);

      await journalist.goto(link);
      await expectAccessible(journalist);
      const href = await journalist.getByRole("link", { name: "Uppföljning familjehem 2026-03" }).getAttribute("href");
      const res = await journalist.request.get(`${j.server.base}${href}`);
      const released = await res.body();
      const releasedFile = join(dir, "utlamnad.pdf");
      await writeFile(releasedFile, released);
      const { stdout } = await run("pdftotext", [releasedFile, "-"]).catch((error: { code?: unknown }) => {
        if (error.code === "ENOENT" && !process.env["KLARSVAR_REQUIRE_PDF_TOOLS"]) return { stdout: "" };
        throw error;
      });
      for (const s of [PNR, "Tolvansson"]) {
        expect(stdout).not.toContain(s);
        expect(await pdfText(released)).not.toContain(s);
      }
      const decisionHref = await journalist.getByRole("link", { name: /Beslutet/ }).getAttribute("href");
      expect((await journalist.request.get(`${j.server.base}${decisionHref}`)).headers()["content-type"]).toContain(
        "application/pdf",
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
