/**
 * Masking removes for real: the released PDF is read back by poppler's pdftotext (a PDF text
 * extractor independent of the pdf.js we render with) and by pdf.js, and neither finds the
 * masked strings — nor the original's metadata. The painted boxes are checked in the pixels.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import PDFDocument from "pdfkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maskDocument, maskEmail, maskPdf, maskText, pdfText, renderPdfPage } from "./masking.js";

const run = promisify(execFile);
const PNR = "19121212-1212"; // Skatteverket's published test person
const NAME = "Tolvan Tolvansson";

/** A two-page PDF like a case note: the name and number in running text, in the metadata, and once in white (hidden) text. */
function casePdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 56, info: { Title: `Utredning om ${NAME}`, Author: NAME, Subject: PNR } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.fontSize(12).text(`Anteckning om ${NAME}, personnummer ${PNR}, som bor på Storgatan 1 i Exempelstad.`);
  doc.moveDown().text("Handläggaren träffade familjen den 3 mars. Barnen mår bra i skolan.");
  doc.addPage();
  doc.text(`Uppföljning: ${NAME} har fått ett beslut om stöd.`);
  doc.fillColor("#ffffff").text(`Dold rad: ${PNR}`).fillColor("#000000");
  doc.text("Nästa möte är i april.");
  doc.end();
  return done;
}

async function hasTool(name: string): Promise<boolean> {
  try {
    await run(name, ["-v"]);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code !== "ENOENT";
  }
}

const MASKS = [
  { text: NAME, ground: "OSL 26:1" },
  { text: PNR, ground: "OSL 26:1" },
];

describe("masking", () => {
  let dir = "";
  let poppler = false;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "klarsvar-mask-"));
    poppler = (await hasTool("pdftotext")) && (await hasTool("pdfinfo"));
    if (!poppler && process.env["KLARSVAR_REQUIRE_PDF_TOOLS"]) throw new Error("pdftotext/pdfinfo (poppler-utils) are required here");
    if (!poppler) console.warn("poppler-utils missing: the released PDF is read back with pdf.js only");
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("a released PDF holds neither masked string in any text layer or metadata, and black boxes where they stood", async () => {
    const original = await casePdf();
    expect(await pdfText(original)).toContain(PNR);
    const result = await maskPdf(original, MASKS);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.pages).toBe(2);
    expect(result.counts).toEqual([{ text: NAME, ground: "OSL 26:1", count: 2 }, { text: PNR, ground: "OSL 26:1", count: 2 }]);
    // pdf.js: no text at all survives (the pages are images).
    expect((await pdfText(result.data)).trim()).toBe("");
    const raw = result.data.toString("latin1");
    for (const s of [NAME, PNR, "Tolvansson"]) expect(raw).not.toContain(s);
    if (poppler) {
      const file = join(dir, "released.pdf");
      await writeFile(file, result.data);
      const { stdout: text } = await run("pdftotext", [file, "-"]);
      expect(text).not.toContain(PNR);
      expect(text).not.toContain("Tolvansson");
      const { stdout: info } = await run("pdfinfo", [file]);
      expect(info).not.toContain("Tolvansson");
      expect(info).not.toContain(PNR);
      expect(info).toMatch(/Pages:\s+2\n/);
    }
    // Each box is black in the released pixels; the text beside it is still there to read.
    const page1 = await renderPdfPage(result.data, 1, 1);
    const dark = (x: number, y: number) => {
      const i = (Math.round(y) * page1.width + Math.round(x)) * 4;
      return (page1.pixels[i] ?? 255) < 60 && (page1.pixels[i + 1] ?? 255) < 60 && (page1.pixels[i + 2] ?? 255) < 60;
    };
    const boxes = (result.places ?? []).filter((p) => p.page === 1);
    expect(boxes.length).toBe(2);
    for (const b of boxes) {
      expect(b.width).toBeGreaterThan(20);
      // Corners and middle of the box (inside by 1 pt): no glyph edge left uncovered.
      for (const [fx, fy] of [[0.05, 0.15], [0.5, 0.5], [0.95, 0.85]] as const) expect(dark(b.x + b.width * fx, b.y + b.height * fy)).toBe(true);
    }
    let inked = 0;
    for (let y = 0; y < page1.height; y++) for (let x = 0; x < page1.width; x++) if (dark(x, y) && !boxes.some((b) => x >= b.x - 1 && x <= b.x + b.width + 1 && y >= b.y - 1 && y <= b.y + b.height + 1)) inked++;
    expect(inked).toBeGreaterThan(200);
  });

  it("fails closed: a passage that is not in the PDF, a PDF that cannot be read, a scan without text, an unknown type", async () => {
    const original = await casePdf();
    const missing = await maskPdf(original, [...MASKS, { text: "Sven Svensson", ground: "OSL 26:1" }]);
    expect(missing).toEqual({ ok: false, error: "not_found", passages: ["Sven Svensson"] });
    const broken = await maskPdf(Buffer.from("%PDF-1.7\nthis is not a pdf"), MASKS);
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.error).toBe("unparseable");
    // A scan: pages that are only a picture hold no text to find the passages in.
    const scan = await maskPdf(original, MASKS).then((r) => (r.ok ? r.data : Buffer.alloc(0)));
    expect(await maskPdf(scan, MASKS)).toEqual({ ok: false, error: "no_text" });
    expect(await maskDocument(Buffer.from("x"), "application/vnd.ms-excel", MASKS)).toEqual({ ok: false, error: "unsupported", contentType: "application/vnd.ms-excel" });
    expect((await maskPdf(original, [{ text: NAME, ground: "" }])).ok).toBe(false);
  });

  it("masks plain text everywhere it occurs, across line breaks and case, with the legal ground in place of the passage", () => {
    const text = `Anmälan gäller ${NAME}.\nTOLVAN\nTOLVANSSON ringde igen. Personnummer ${PNR}.`;
    const r = maskText(text, MASKS);
    if (!r.ok) throw new Error("not masked");
    expect(r.text).toBe("Anmälan gäller [maskerat enligt OSL 26:1].\n[maskerat enligt OSL 26:1] ringde igen. Personnummer [maskerat enligt OSL 26:1].");
    expect(maskText(text, [{ text: "Sven", ground: "OSL 26:1" }])).toEqual({ ok: false, error: "not_found", passages: ["Sven"] });
  });

  it("masks an e-mail: sender, text and subject, released as a PDF without the strings", async () => {
    const eml = Buffer.from([
      `From: ${NAME} <tolvan@example.se>`, "To: Socialtjänsten <inkorg@example.se>", "Subject: Angående Tolvan Tolvansson",
      "Date: Tue, 3 Mar 2026 10:00:00 +0100", "Message-ID: <a1@example.se>", "Content-Type: text/plain; charset=utf-8", "",
      `Hej, jag heter ${NAME} och har personnummer ${PNR}. Jag vill veta när mitt beslut kommer.`, "",
    ].join("\r\n"));
    const r = await maskEmail(eml, [...MASKS, { text: "tolvan@example.se", ground: "OSL 26:1" }]);
    if (!r.ok) throw new Error(JSON.stringify(r));
    const text = await pdfText(r.data);
    expect(text).toContain("Jag vill veta när mitt beslut kommer.");
    expect(text).toContain("maskerat enligt OSL 26:1");
    for (const s of ["Tolvansson", PNR, "tolvan@example.se"]) expect(text).not.toContain(s);
  });
});
