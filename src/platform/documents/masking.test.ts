/**
 * Masking removes for real: the released PDF is read back by poppler's pdftotext (a PDF text
 * extractor independent of the pdf.js we render with) and by pdf.js, and neither finds the
 * masked strings — nor the original's metadata, nor text the original hid — while the released
 * words are all there to search and copy. The painted boxes are checked in the pixels (and over
 * a whole generated corpus in masking.corpus.test.ts).
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createCanvas } from "@napi-rs/canvas";
import PDFDocument from "pdfkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maskDocument, maskEmail, maskPdf, maskText, pdfText, renderPdfPage } from "./masking.js";

const run = promisify(execFile);
const PNR = "19121212-1212"; // Skatteverket's published test person
const NAME = "Tolvan Tolvansson";

/** A PDF drawn by `draw` with pdfkit. */
function pdf(draw: (doc: PDFKit.PDFDocument) => void, info: PDFKit.DocumentInfo = {}): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 56, info });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  return done;
}

/** A two-page PDF like a case note: the name and number in running text, in the metadata, and once in white (hidden) text. */
function casePdf(): Promise<Buffer> {
  return pdf(
    (doc) => {
      doc.fontSize(12).text(`Anteckning om ${NAME}, personnummer ${PNR}, som bor på Storgatan 1 i Exempelstad.`);
      doc.moveDown().text("Handläggaren träffade familjen den 3 mars. Barnen mår bra i skolan.");
      doc.addPage();
      doc.text(`Uppföljning: ${NAME} har fått ett beslut om stöd.`);
      doc.fillColor("#ffffff").text(`Dold rad: ${PNR}`).fillColor("#000000");
      doc.text("Nästa möte är i april.");
    },
    { Title: `Utredning om ${NAME}`, Author: NAME, Subject: PNR },
  );
}

/** Page 1 of a PDF as a picture, in a new PDF with nothing else: what a scanner gives. */
async function scanOf(original: Buffer, draw: (doc: PDFKit.PDFDocument) => void = () => {}): Promise<Buffer> {
  const page = await renderPdfPage(original, 1, 2);
  const canvas = createCanvas(page.width, page.height);
  const image = canvas.getContext("2d").createImageData(page.width, page.height);
  image.data.set(page.pixels);
  canvas.getContext("2d").putImageData(image, 0, 0);
  const png = await canvas.encode("png");
  return pdf((doc) => {
    doc.image(png, 0, 0, { width: doc.page.width, height: doc.page.height });
    draw(doc);
  });
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
    if (!poppler && process.env["KLARSVAR_REQUIRE_PDF_TOOLS"])
      throw new Error("pdftotext/pdfinfo (poppler-utils) are required here");
    if (!poppler) console.warn("poppler-utils missing: the released PDF is read back with pdf.js only");
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it("a released PDF holds neither masked string in any text layer or metadata, and black boxes where they stood", async () => {
    const original = await casePdf();
    expect(await pdfText(original)).toContain(PNR);
    const result = await maskPdf(original, MASKS);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.pages).toBe(2);
    expect(result.counts).toEqual([
      { text: NAME, ground: "OSL 26:1", count: 2 },
      { text: PNR, ground: "OSL 26:1", count: 2 },
    ]);
    // The text layer (pdf.js and pdftotext): what is released, with the marker for each passage,
    // and nothing of the passages, the metadata or the line hidden in white.
    const layer = await pdfText(result.data);
    expect(layer).toContain("[maskerat enligt OSL 26:1]");
    for (const s of [NAME, PNR, "Tolvansson", "Dold"]) expect(layer).not.toContain(s);
    const raw = result.data.toString("latin1");
    for (const s of [NAME, PNR, "Tolvansson"]) expect(raw).not.toContain(s);
    if (poppler) {
      const file = join(dir, "released.pdf");
      await writeFile(file, result.data);
      const { stdout: text } = await run("pdftotext", ["-enc", "UTF-8", file, "-"]);
      expect(text).not.toContain(PNR);
      expect(text).not.toContain("Tolvansson");
      expect(text).not.toContain("Dold");
      const words = text.split(/\s+/);
      for (const w of [
        "Anteckning",
        "om",
        "personnummer",
        "Storgatan",
        "Exempelstad.",
        "Handläggaren",
        "träffade",
        "skolan.",
        "Uppföljning:",
        "stöd.",
        "Nästa",
        "möte",
        "är",
        "april.",
      ])
        expect(words).toContain(w);
      expect(text).toMatch(
        /Anteckning om \[maskerat enligt OSL 26:1\], personnummer \[maskerat enligt OSL 26:1\], som bor på\s+Storgatan\s+1\s+i\s+Exempelstad\./,
      );
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
      for (const [fx, fy] of [
        [0.05, 0.15],
        [0.5, 0.5],
        [0.95, 0.85],
      ] as const)
        expect(dark(b.x + b.width * fx, b.y + b.height * fy)).toBe(true);
    }
    let inked = 0;
    for (let y = 0; y < page1.height; y++)
      for (let x = 0; x < page1.width; x++)
        if (
          dark(x, y) &&
          !boxes.some((b) => x >= b.x - 1 && x <= b.x + b.width + 1 && y >= b.y - 1 && y <= b.y + b.height + 1)
        )
          inked++;
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
    expect(await maskPdf(await scanOf(original), MASKS)).toEqual({ ok: false, error: "no_text" });
    // A released copy holds its released text only: the passages are not there to mask again.
    const released = await maskPdf(original, MASKS).then((r) => (r.ok ? r.data : Buffer.alloc(0)));
    expect(await maskPdf(released, MASKS)).toEqual({ ok: false, error: "not_found", passages: [NAME, PNR] });
    expect(await maskDocument(Buffer.from("x"), "application/vnd.ms-excel", MASKS)).toEqual({
      ok: false,
      error: "unsupported",
      contentType: "application/vnd.ms-excel",
    });
    expect((await maskPdf(original, [{ text: NAME, ground: "" }])).ok).toBe(false);
  });

  /** Every red pixel of the original (the passages are drawn red) lies in a box, and the released copy shows no red. */
  async function expectCovered(
    original: Buffer,
    result: {
      data: Buffer;
      pages?: number;
      places?: readonly { page: number; x: number; y: number; width: number; height: number }[];
    },
  ) {
    const red = (px: Uint8ClampedArray, i: number, threshold: number) =>
      (px[i] ?? 0) - Math.max(px[i + 1] ?? 0, px[i + 2] ?? 0) > threshold;
    let ink = 0;
    for (let n = 1; n <= (result.pages ?? 0); n++) {
      const before = await renderPdfPage(original, n, 2);
      const after = await renderPdfPage(result.data, n, 2);
      const boxes = (result.places ?? []).filter((p) => p.page === n);
      const outside: [number, number][] = [];
      for (let i = 0; i < before.width * before.height; i++) {
        if (!red(before.pixels, i * 4, 0)) continue;
        ink++;
        const x = (i % before.width) / 2;
        const y = Math.floor(i / before.width) / 2;
        if (!boxes.some((b) => x >= b.x && x + 0.5 <= b.x + b.width && y >= b.y && y + 0.5 <= b.y + b.height))
          outside.push([x, y]);
      }
      expect(outside, `page ${n}`).toEqual([]);
      let left = 0;
      for (let i = 0; i < after.width * after.height; i++) if (red(after.pixels, i * 4, 40)) left++;
      expect(left, `page ${n}`).toBe(0);
    }
    expect(ink).toBeGreaterThan(100);
  }

  it("masks a passage on every line and page it occupies: across a page break, and hyphenated at a line end", async () => {
    const original = await pdf((doc) => {
      doc
        .fontSize(12)
        .text("Anmälan gäller ", 56, 770, { continued: true, lineBreak: false })
        .fillColor("#ff0000")
        .text("Tolvan", { lineBreak: false });
      doc.addPage();
      doc
        .fillColor("#ff0000")
        .text("Tolvansson", 56, 56, { continued: true, lineBreak: false })
        .fillColor("#000000")
        .text(" har flyttat. Även ", { continued: true, lineBreak: false })
        .fillColor("#ff0000")
        .text("Tolvans-", { lineBreak: false });
      doc
        .text("son", 56, 72, { continued: true, lineBreak: false })
        .fillColor("#000000")
        .text(" ringde i går.", { lineBreak: false });
    });
    const result = await maskPdf(original, [
      { text: NAME, ground: "OSL 26:1" },
      { text: "Tolvansson", ground: "OSL 26:1" },
    ]);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.counts).toEqual([
      { text: NAME, ground: "OSL 26:1", count: 1 },
      { text: "Tolvansson", ground: "OSL 26:1", count: 1 },
    ]);
    expect((result.places ?? []).map((p) => p.page)).toEqual([1, 2, 2, 2]);
    await expectCovered(original, result);
    const layer = await pdfText(result.data);
    expect(layer).not.toMatch(/tolv|son\b/i);
    expect(layer).toContain("ringde i går.");
    if (poppler) {
      const file = join(dir, "broken.pdf");
      await writeFile(file, result.data);
      const { stdout } = await run("pdftotext", ["-enc", "UTF-8", file, "-"]);
      expect(stdout).not.toMatch(/tolv|son\b/i);
      // One marker per passage, where it began.
      expect(stdout.match(/\[maskerat enligt OSL 26:1\]/g)).toHaveLength(2);
      expect(stdout).toContain("har flyttat. Även [maskerat enligt OSL 26:1]");
    }
  });

  it("keeps out of the text layer what the original hides: white text, text under a drawn box, invisible text", async () => {
    const original = await pdf((doc) => {
      doc.fontSize(12).text(`Anteckning om ${NAME} i Exempelstad.`, 56, 56);
      doc.fillColor("#ffffff").text("Vithemlighet på vitt papper.", 56, 80).fillColor("#000000");
      // A botched redaction: a black box drawn over text that is still in the file.
      doc.text("Svartmålad hemlighet under rutan.", 56, 104);
      doc.rect(50, 100, 250, 20).fill("#000000");
      doc.save();
      doc.addContent("3 Tr");
      doc.fillColor("#000000").text("Osynlighemlighet i läge tre.", 56, 128);
      doc.restore();
      doc.fillColor("#000000").text("Barnen mår bra i skolan.", 56, 152);
    });
    const result = await maskPdf(original, [{ text: NAME, ground: "OSL 26:1" }]);
    if (!result.ok) throw new Error(JSON.stringify(result));
    const layers = [await pdfText(result.data)];
    if (poppler) {
      const file = join(dir, "hidden.pdf");
      await writeFile(file, result.data);
      layers.push((await run("pdftotext", ["-enc", "UTF-8", file, "-"])).stdout);
    }
    for (const layer of layers) {
      expect(layer).toContain("Barnen mår bra i skolan.");
      expect(layer).toContain("Exempelstad.");
      expect(layer).not.toMatch(/hemlighet|tolv/i);
    }
  });

  it("masks a scan with recognised text: boxes from the invisible text layer grow over the letters in the picture", async () => {
    const typed = await pdf((doc) => {
      doc
        .fontSize(14)
        .text("Anteckning om ", 56, 56, { continued: true })
        .fillColor("#ff0000")
        .text(NAME, { continued: true })
        .fillColor("#000000")
        .text(" i Exempelstad.");
    });
    // The recognised text sits a little off the letters, as it does from OCR: shifted and narrower.
    const scan = await scanOf(typed, (doc) => {
      doc.save();
      doc.addContent("3 Tr");
      doc.font("Helvetica").fontSize(13).text(`Anteckning om ${NAME} i Exempelstad.`, 58, 57, { lineBreak: false });
      doc.restore();
    });
    const result = await maskPdf(scan, [{ text: NAME, ground: "OSL 26:1" }]);
    if (!result.ok) throw new Error(JSON.stringify(result));
    await expectCovered(scan, result);
    expect(await pdfText(result.data)).not.toMatch(/tolv/i);
  });

  it("masks a filled-in form field like the page's text: its value is drawn into the picture", async () => {
    const original = await pdf((doc) => {
      doc.fontSize(12).text("Ansökan. Sökande:", 56, 56);
      doc.initForm();
      doc.formText("sokande", 56, 100, 300, 20, { value: NAME });
    });
    const result = await maskPdf(original, [{ text: NAME, ground: "OSL 26:1" }]);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.counts).toEqual([{ text: NAME, ground: "OSL 26:1", count: 1 }]);
    // Every dark pixel inside the field (its value) lies in a box.
    const page = await renderPdfPage(original, 1, 2);
    let ink = 0;
    for (let y = 200; y < 240; y++) {
      for (let x = 112; x < 712; x++) {
        if ((page.pixels[(y * page.width + x) * 4] ?? 255) > 128) continue;
        ink++;
        expect(
          (result.places ?? []).some(
            (b) => x / 2 >= b.x && x / 2 < b.x + b.width && y / 2 >= b.y && y / 2 < b.y + b.height,
          ),
          `(${x}, ${y})`,
        ).toBe(true);
      }
    }
    expect(ink).toBeGreaterThan(50);
    expect(await pdfText(result.data)).not.toMatch(/tolv/i);
  });

  it("masks plain text everywhere it occurs, across line breaks and case, with the legal ground in place of the passage", () => {
    const text = `Anmälan gäller ${NAME}.\nTOLVAN\nTOLVANSSON ringde igen. Personnummer ${PNR}.`;
    const r = maskText(text, MASKS);
    if (!r.ok) throw new Error("not masked");
    expect(r.text).toBe(
      "Anmälan gäller [maskerat enligt OSL 26:1].\n[maskerat enligt OSL 26:1] ringde igen. Personnummer [maskerat enligt OSL 26:1].",
    );
    expect(maskText(text, [{ text: "Sven", ground: "OSL 26:1" }])).toEqual({
      ok: false,
      error: "not_found",
      passages: ["Sven"],
    });
  });

  it("masks an e-mail: sender, text and subject, released as a PDF without the strings", async () => {
    const eml = Buffer.from(
      [
        `From: ${NAME} <tolvan@example.se>`,
        "To: Socialtjänsten <inkorg@example.se>",
        "Subject: Angående Tolvan Tolvansson",
        "Date: Tue, 3 Mar 2026 10:00:00 +0100",
        "Message-ID: <a1@example.se>",
        "Content-Type: text/plain; charset=utf-8",
        "",
        `Hej, jag heter ${NAME} och har personnummer ${PNR}. Jag vill veta när mitt beslut kommer.`,
        "",
      ].join("\r\n"),
    );
    const r = await maskEmail(eml, [...MASKS, { text: "tolvan@example.se", ground: "OSL 26:1" }]);
    if (!r.ok) throw new Error(JSON.stringify(r));
    const text = await pdfText(r.data);
    expect(text).toContain("Jag vill veta när mitt beslut kommer.");
    expect(text).toContain("maskerat enligt OSL 26:1");
    for (const s of ["Tolvansson", PNR, "tolvan@example.se"]) expect(text).not.toContain(s);
  });
});
