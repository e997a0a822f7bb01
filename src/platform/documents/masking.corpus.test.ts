/**
 * The proof behind PDF masking, over a corpus of generated PDFs: every pixel of ink a masked
 * passage puts on the page lies inside a painted box in the released copy, and the released
 * copy's text layer (read by poppler's pdftotext, independent of the pdf.js we render with)
 * holds every released word and nothing of a masked one.
 *
 * The passages are drawn in pure red and everything else in black, so the passages' ink is
 * exactly the pixels with any red in them when the original is rendered — no estimate of where
 * the glyphs are comes into the check. The corpus varies the standard fonts (roman, bold,
 * italic, oblique), sizes from 6 to 36 pt, character spacing (Tc, also negative), word spacing
 * (Tw, and pdfkit's TJ-based word spacing), horizontal scaling, kerning (TJ offsets), justified
 * text, words placed one by one without space characters (as pdfTeX writes them), rules that
 * pdf.js folds when it draws, passages at line ends, wrapped over lines, hyphenated at a line
 * end, repeated, adjacent to each other and to punctuation, and one document in a Type 3 font
 * (a passage broken over a page break is in masking.test.ts). Seeded, so a failure can be
 * reproduced; the failing document's name says which one.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import PDFDocument from "pdfkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { marker, maskPdf, pdfText, renderPdfPage, type Mask } from "./masking.js";

const run = promisify(execFile);
const SEED = 0x4b1a5;
const SCALE = 2; // the released copy's pixels per point; the original is checked at the same grid
/** 32 of each kind keep the file well under a minute on two cores; set KLARSVAR_MASKING_CORPUS to search further. */
const DOCUMENTS_PER_KIND = Number(process.env["KLARSVAR_MASKING_CORPUS"] ?? 32);

/** mulberry32: small, seedable, good enough to vary a corpus. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T,
    chance: (p: number) => next() < p,
  };
}
type Random = ReturnType<typeof random>;

const FONTS = [
  "Helvetica",
  "Helvetica-Bold",
  "Helvetica-Oblique",
  "Helvetica-BoldOblique",
  "Times-Roman",
  "Times-Bold",
  "Times-Italic",
  "Times-BoldItalic",
  "Courier",
  "Courier-Bold",
  "Courier-Oblique",
  "Courier-BoldOblique",
] as const;

/** Released words: no digits, none containing a masked word. Swedish letters on purpose. */
const FILLER = (
  "anteckning handläggaren träffade familjen den mars barnen mår bra i skolan och har fått ett beslut om stöd " +
  "nästa möte är april som bor på Storgatan Exempelstad utredningen visar att vårdnadshavaren önskar insatser " +
  "från socialtjänsten enligt planen kontakt togs med förskolan läraren berättade flickan pojken är trygg " +
  "AVTAL Wyatt fjäril offentlig ärende åtgärd överens väntar yttrande kväll gården"
).split(" ");
const PUNCTUATION = [",", ".", ":", ";", ")"];

/** Passages to mask: people, numbers, places, with letters and shapes that stress the boxes. */
const PASSAGES: readonly Mask[] = [
  { text: "Tolvan Tolvansson", ground: "OSL 26:1" },
  { text: "19121212-1212", ground: "OSL 26:1" },
  { text: "Hjördis Zäkrisson", ground: "OSL 26:1" },
  { text: "Kvarngränd 17B", ground: "OSL 26:1" },
  { text: "tolvan@example.se", ground: "OSL 21:1" },
  { text: "Jyxbacka", ground: "OSL 25:1" },
  { text: "Wåglund-Pettersson", ground: "OSL 26:1" },
  { text: "fjQyffy", ground: "OSL 26:1" },
];

interface Corpus {
  readonly name: string;
  readonly data: Buffer;
  readonly masks: readonly Mask[];
  /** The released text in reading order, each passage replaced by its marker. */
  readonly released: string;
}

/* ---------- Generated directly: a small PDF writer, so every text operator is ours ---------- */

const meter = new PDFDocument({ autoFirstPage: false });
const widths = new Map<string, number>();
/** Advance of a string in 1/1000 em, with the font's kerning pairs (pdfkit reads the AFM files). */
function advance(font: string, s: string): number {
  const key = `${font}\u0000${s}`;
  let w = widths.get(key);
  if (w === undefined) {
    w = meter.font(font).fontSize(1000).widthOfString(s);
    widths.set(key, w);
  }
  return w;
}
const kern = (font: string, a: string, b: string) => advance(font, a + b) - advance(font, a) - advance(font, b);

const hex = (s: string) => [...s].map((c) => (c.codePointAt(0) ?? 63).toString(16).padStart(2, "0")).join("");

interface Style {
  font: string;
  size: number;
  charSpacing: number;
  hScale: number; // percent
  justify: boolean;
  kerning: boolean;
  /** Words placed one by one, each in a text object of its own, no space characters (as pdfTeX does). */
  positioned: boolean;
}

interface Word {
  text: string;
  /** Which passage occurrence it belongs to, or -1. */
  occurrence: number;
  /** Break the line after this word (passage at a line end, or wrapped). */
  breakAfter?: boolean;
  /** No space after: punctuation follows. */
  glued?: boolean;
}

/** Width of a word in points, as drawn with the style (advances, kerning, Tc, Tz). */
function wordWidth(style: Style, s: string): number {
  let w = 0;
  const chars = [...s];
  chars.forEach((c, i) => {
    w += (advance(style.font, c) / 1000) * style.size + style.charSpacing;
    const next = chars[i + 1];
    if (style.kerning && next) w += (kern(style.font, c, next) / 1000) * style.size;
  });
  return (w * style.hScale) / 100;
}

/** A TJ array for a string: glyphs with kerning offsets between them. */
function tj(style: Style, s: string): string {
  const parts: string[] = [];
  let chunk = "";
  const chars = [...s];
  chars.forEach((c, i) => {
    chunk += c;
    const next = chars[i + 1];
    const k = style.kerning && next ? kern(style.font, c, next) : 0;
    if (k !== 0) {
      parts.push(`<${hex(chunk)}> ${-k}`);
      chunk = "";
    }
  });
  if (chunk) parts.push(`<${hex(chunk)}>`);
  return `[${parts.join(" ")}] TJ`;
}

/** Objects 1…n of a PDF (object 1 the catalogue), with its cross-reference table. */
function serialise(bodies: readonly string[]): Buffer {
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  for (let n = 1; n < bodies.length; n++) {
    offsets[n] = Buffer.byteLength(out, "latin1");
    out += `${n} 0 obj\n${bodies[n]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${bodies.length}\n0000000000 65535 f \n${offsets
    .slice(1)
    .map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)
    .join("")}`;
  out += `trailer\n<< /Size ${bodies.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

const stream = (content: string) =>
  `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`;

/** A PDF of A4 pages with the given content streams; fonts are /F0… in `fonts` (font dictionaries). */
function writePdf(pages: readonly string[], fonts: readonly string[], extra: readonly string[] = []): Buffer {
  const bodies: string[] = [];
  const fontBase = 3;
  const pageBase = fontBase + fonts.length;
  bodies[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  bodies[2] = `<< /Type /Pages /Count ${pages.length} /Kids [${pages.map((_, i) => `${pageBase + 2 * i} 0 R`).join(" ")}] >>`;
  fonts.forEach((f, i) => (bodies[fontBase + i] = f));
  const fontDict = fonts.map((_, i) => `/F${i} ${fontBase + i} 0 R`).join(" ");
  pages.forEach((content, i) => {
    bodies[pageBase + 2 * i] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << ${fontDict} >> >> /Contents ${pageBase + 2 * i + 1} 0 R >>`;
    bodies[pageBase + 2 * i + 1] = stream(content);
  });
  bodies.push(...extra);
  return serialise(bodies);
}

const standardFont = (name: string) =>
  `<< /Type /Font /Subtype /Type1 /BaseFont /${name} /Encoding /WinAnsiEncoding >>`;

/** A paragraph's words: filler with passages dropped in, some at line ends, wrapped, hyphenated. */
function paragraphWords(
  r: Random,
  passages: readonly Mask[],
  occurrences: { mask: Mask; hyphenate: boolean }[],
): Word[] {
  const words: Word[] = [];
  const count = r.int(12, 40);
  const surely = occurrences.length === 0 ? r.int(0, count - 1) : -1; // every document masks something
  for (let i = 0; i < count; i++) {
    if (i === surely || r.chance(0.14)) {
      const mask = r.pick(passages);
      const id = occurrences.length;
      const parts = mask.text.split(" ");
      const hyphenate = r.chance(0.3) && (parts[parts.length - 1] ?? "").length >= 6;
      occurrences.push({ mask, hyphenate });
      parts.forEach((p, k) => {
        const last = k === parts.length - 1;
        // Wrapped: break between the passage's words; at a line end: break after it.
        words.push({ text: p, occurrence: id, breakAfter: (!last && r.chance(0.3)) || (last && r.chance(0.25)) });
      });
      const lastWord = words[words.length - 1] as Word;
      if (r.chance(0.3)) {
        lastWord.glued = true;
        words.push({ text: r.pick(PUNCTUATION), occurrence: -1 });
      }
      continue;
    }
    const w = r.pick(FILLER);
    words.push({ text: r.chance(0.1) ? w + r.pick(PUNCTUATION) : w, occurrence: -1 });
  }
  return words;
}

function directDocument(seed: number): Corpus {
  const r = random(seed);
  const passages = [...PASSAGES].sort(() => r.next() - 0.5).slice(0, r.int(1, 3));
  const occurrences: { mask: Mask; hyphenate: boolean }[] = [];
  const released: string[] = [];
  const pages: string[] = [];
  let content = "";
  let y = 800;
  const left = 50;
  const width = 495;
  for (let p = 0, paragraphs = r.int(2, 4); p < paragraphs; p++) {
    const size = r.chance(0.3) ? r.int(6, 10) : r.chance(0.7) ? r.int(9, 18) : r.int(18, 36);
    const style: Style = {
      font: r.pick(FONTS),
      size,
      charSpacing: r.chance(0.5) ? 0 : Number(((r.next() * 0.3 - 0.05) * size).toFixed(2)),
      hScale: r.chance(0.7) ? 100 : r.int(75, 130),
      justify: r.chance(0.5),
      kerning: r.chance(0.7),
      positioned: r.chance(0.25),
    };
    const words = paragraphWords(r, passages, occurrences);
    // Break into lines; a hyphenated passage word is split with its first part ending the line.
    const lines: Word[][] = [[]];
    const space = wordWidth(style, " ");
    let used = 0;
    const place = (w: Word) => {
      const ww = wordWidth(style, w.text);
      const line = lines[lines.length - 1] as Word[];
      if (line.length > 0 && used + space + ww > width) {
        lines.push([w]);
        used = ww;
      } else {
        line.push(w);
        used += (line.length > 1 ? space : 0) + ww;
      }
      if (w.breakAfter) {
        lines.push([]);
        used = 0;
      }
    };
    for (const w of words) {
      const o = occurrences[w.occurrence];
      const lastOfPassage = o && o.mask.text.endsWith(w.text);
      if (o?.hyphenate && lastOfPassage && !w.breakAfter) {
        const cut = Math.max(2, Math.floor(w.text.length / 2));
        place({ text: `${w.text.slice(0, cut)}-`, occurrence: w.occurrence, breakAfter: true });
        place({ ...w, text: w.text.slice(cut) });
      } else place(w);
    }
    // Released text for pdftotext: the passage (however it was broken) as one marker.
    let previous = -1;
    for (const w of words) {
      if (w.occurrence >= 0) {
        if (w.occurrence !== previous) released.push(` ${marker(occurrences[w.occurrence]?.mask.ground ?? "")}`);
      } else released.push(PUNCTUATION.includes(w.text) ? w.text : ` ${w.text}`);
      previous = w.occurrence;
    }
    released.push("\n");

    const leading = size * 1.3;
    for (const line of lines.filter((l) => l.length > 0)) {
      y -= leading;
      if (y < 50) {
        pages.push(content);
        content = "";
        y = 800 - leading;
      }
      const natural = line.reduce(
        (sum, w, i) => sum + wordWidth(style, w.text) + (i > 0 && !line[i - 1]?.glued ? space : 0),
        0,
      );
      const gaps = line.filter((w, i) => i < line.length - 1 && !w.glued).length;
      const stretch = style.justify && gaps > 0 ? Math.max(0, (width - natural) / gaps) : 0;
      const font = `/F${FONTS.indexOf(style.font as (typeof FONTS)[number])}`;
      if (style.positioned) {
        // Each word a text object of its own at its own place, no space glyphs: the gap alone
        // separates words (as pdfTeX writes). pdf.js merges runs of such objects when it draws.
        content += `${style.charSpacing} Tc ${style.hScale} Tz `;
        let x = left;
        let colour = "";
        line.forEach((w, i) => {
          const wanted = w.occurrence >= 0 ? "1 0 0" : "0 0 0";
          if (wanted !== colour) content += `${(colour = wanted)} rg `;
          content += `BT ${font} ${size} Tf 1 0 0 1 ${x.toFixed(2)} ${y.toFixed(2)} Tm ${tj(style, w.text)} ET\n`;
          x += wordWidth(style, w.text) + (w.glued || i === line.length - 1 ? 0 : space + stretch);
        });
      } else {
        // One text object per line, colour changing between runs; word spacing by Tw (it applies
        // to the single-byte space in a WinAnsi font).
        content += `BT ${font} ${size} Tf ${style.charSpacing} Tc ${style.hScale} Tz `;
        content += `${((stretch * 100) / style.hScale).toFixed(3)} Tw 1 0 0 1 ${left} ${y.toFixed(2)} Tm `;
        line.forEach((w, i) => {
          const sep = w.glued || i === line.length - 1 ? "" : " ";
          const red = w.occurrence >= 0;
          // A space inside a passage is the passage's; after it, the released text's.
          const nextInSame = red && line[i + 1]?.occurrence === w.occurrence;
          content += `${red ? "1 0 0" : "0 0 0"} rg ${tj(style, w.text)} `;
          if (sep) content += `${nextInSame ? "1 0 0" : "0 0 0"} rg ${tj(style, sep)} `;
        });
        content += "ET\n";
      }
    }
    // Sometimes a rule under the paragraph, drawn as pdfTeX and word processors do (its own
    // q/cm/re f/Q, which pdf.js folds into one operation when it draws).
    if (r.chance(0.4))
      content += `0 0 0 rg q 1 0 0 1 ${left} ${(y - leading * 0.3).toFixed(2)} cm 0 0 ${width} 0.8 re f Q\n`;
    y -= leading * 0.6;
  }
  pages.push(content);
  const masks = [...new Map(occurrences.map((o) => [o.mask.text, o.mask])).values()];
  return {
    name: `direct #${seed}`,
    data: writePdf(pages, FONTS.map(standardFont)),
    masks,
    released: released.join(""),
  };
}

/**
 * A Type 3 font: glyphs the PDF draws itself (as TeX's bitmap fonts and some scanners do), with
 * overhangs beyond the advance. Their ink can only be bounded by the font's declared box.
 */
function type3Document(): Corpus {
  const names = new Map<number, string>([
    [32, "space"],
    [46, "period"],
  ]);
  for (let c = 65; c <= 90; c++) names.set(c, String.fromCharCode(c));
  for (let c = 97; c <= 122; c++) names.set(c, String.fromCharCode(c));
  const codes = [...names.keys()];
  const widths = (c: number) => (c === 32 ? 250 : c === 46 ? 250 : 420 + (c % 7) * 40);
  const drawing = (c: number) => {
    const w = widths(c);
    if (c === 32) return `${w} 0 0 0 0 0 d1`;
    if (c === 46) return `${w} 0 60 0 190 130 d1 60 0 130 130 re f`;
    const ch = String.fromCharCode(c);
    const top = /[A-Z]|[bdfhklt]/.test(ch) ? 720 : 460;
    const bottom = /[gjpqy]/.test(ch) ? -210 : 0;
    const overhang = /[fnsv]/.test(ch) ? 140 : 0; // reaches into the next glyph, as italics do
    return `${w} 0 -60 ${bottom} ${w + overhang} ${top} d1 -60 ${bottom} 90 ${top - bottom} re f 30 ${top - 90} ${w + overhang - 30} 90 re f 30 ${bottom} ${w - 60} 80 re f`;
  };
  const first = 6; // objects: catalogue, pages, the font, the page and its content, then the glyphs
  const font =
    `<< /Type /Font /Subtype /Type3 /FontBBox [-60 -210 1000 720] /FontMatrix [0.001 0 0 0.001 0 0] ` +
    `/CharProcs << ${codes.map((c, i) => `/${names.get(c)} ${first + i} 0 R`).join(" ")} >> ` +
    `/Encoding << /Type /Encoding /Differences [32 /space 46 /period 65 ${codes
      .filter((c) => c >= 65 && c <= 90)
      .map((c) => `/${names.get(c)}`)
      .join(" ")} 97 ${codes
      .filter((c) => c >= 97)
      .map((c) => `/${names.get(c)}`)
      .join(" ")}] >> ` +
    `/FirstChar 32 /LastChar 122 /Widths [${Array.from({ length: 91 }, (_, i) => (names.has(32 + i) ? widths(32 + i) : 0)).join(" ")}] /Resources << >> >>`;
  const content = [
    "BT /F0 14 Tf 1 0 0 1 50 700 Tm 0 0 0 rg (Anteckning om ) Tj 1 0 0 rg (Tolvan Tolvansson) Tj 0 0 0 rg ( bor i Exempelstad.) Tj ET",
    "BT /F0 22 Tf 1.5 Tc 120 Tz 1 0 0 1 50 640 Tm 0 0 0 rg (Hos ) Tj 1 0 0 rg [(Tolvan) -300 (Tolvansson)] TJ 0 0 0 rg ( igen.) Tj ET",
  ].join("\n");
  return {
    name: "type 3",
    data: writePdf(
      [content],
      [font],
      codes.map((c) => stream(drawing(c))),
    ),
    masks: [{ text: "Tolvan Tolvansson", ground: "OSL 26:1" }],
    released: `Anteckning om ${marker("OSL 26:1")} bor i Exempelstad.\nHos ${marker("OSL 26:1")} igen.`,
  };
}

/* ---------- Generated with pdfkit's own layout: flowing, justified, continued text ---------- */

async function pdfkitDocument(seed: number): Promise<Corpus> {
  const r = random(seed);
  const passages = [...PASSAGES].sort(() => r.next() - 0.5).slice(0, r.int(1, 3));
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    info: { Title: "Utredning", Author: passages[0]?.text ?? "" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const used = new Map<string, Mask>();
  const released: string[] = [];
  for (let p = 0, paragraphs = r.int(2, 4); p < paragraphs; p++) {
    const size = r.chance(0.3) ? r.int(6, 10) : r.chance(0.7) ? r.int(9, 18) : r.int(18, 36);
    const options = {
      // Left or justified: pdfkit overprints continued text that is centred or right-aligned.
      align: r.pick(["left", "justify"] as const),
      characterSpacing: r.chance(0.5) ? 0 : Number(((r.next() * 0.25 - 0.04) * size).toFixed(2)),
      wordSpacing: r.chance(0.6) ? 0 : Number((r.next() * size * 0.6).toFixed(2)),
      width: 495,
    };
    doc.font(r.pick(FONTS)).fontSize(size);
    // Segments of one paragraph: black text, red passages, drawn as continued text.
    const segments: { text: string; mask: Mask | null }[] = [];
    const count = r.int(10, 35);
    const surely = used.size === 0 ? r.int(0, count - 1) : -1; // every document masks something
    for (let i = 0; i < count; i++) {
      if (i === surely || r.chance(0.15)) {
        const mask = r.pick(passages);
        used.set(mask.text, mask);
        segments.push({ text: mask.text, mask });
        segments.push({ text: r.chance(0.3) ? `${r.pick(PUNCTUATION)} ` : " ", mask: null });
      } else segments.push({ text: `${r.pick(FILLER)} `, mask: null });
    }
    segments.forEach((s, i) => {
      doc.fillColor(s.mask ? "#ff0000" : "#000000").text(s.text, { ...options, continued: i < segments.length - 1 });
    });
    released.push(segments.map((s) => (s.mask ? marker(s.mask.ground) : s.text)).join(""), "\n");
    doc.moveDown(0.5);
  }
  doc.end();
  return { name: `pdfkit #${seed}`, data: await done, masks: [...used.values()], released: released.join("") };
}

/* ---------- The checks ---------- */

const isRed = (px: Uint8ClampedArray, i: number, threshold: number) =>
  (px[i] ?? 0) - Math.max(px[i + 1] ?? 0, px[i + 2] ?? 0) > threshold;
/**
 * Words as pdftotext gives them, lower case; punctuation ending a word is a word of its own, as
 * a passage broken over lines leaves its trailing comma on the next line, after nothing.
 */
const tokens = (s: string) =>
  s
    .normalize("NFC")
    .toLowerCase()
    .replace(/([,.:;)]+)(?=\s|$)/g, " $1")
    .split(/\s+/)
    .filter(Boolean);

interface Tally {
  documents: number;
  pages: number;
  passageInk: number;
  outside: number;
  releasedWords: number;
  maskedChecks: number;
}

describe("masking a corpus of generated PDFs", () => {
  let dir = "";
  let poppler = false;
  const tally: Tally = { documents: 0, pages: 0, passageInk: 0, outside: 0, releasedWords: 0, maskedChecks: 0 };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "klarsvar-corpus-"));
    poppler = await run("pdftotext", ["-v"]).then(
      () => true,
      (e: { code?: unknown }) => e.code !== "ENOENT",
    );
    if (!poppler && process.env["KLARSVAR_REQUIRE_PDF_TOOLS"])
      throw new Error("pdftotext (poppler-utils) is required here");
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    console.log(
      `masking corpus: ${tally.documents} PDFs, ${tally.pages} pages, ${tally.passageInk} passage ink pixels checked, ${tally.outside} outside a box; ${tally.releasedWords} released words found by pdftotext, ${tally.maskedChecks} masked strings absent`,
    );
  });

  it("the corpus keeps masked words apart from released ones (else the text checks would prove nothing)", () => {
    const released = FILLER.join(" ").toLowerCase() + " maskerat enligt osl";
    for (const m of PASSAGES)
      for (const w of m.text.toLowerCase().split(/[\s-]+/)) if (w.length >= 3) expect(released).not.toContain(w);
  });

  async function check(c: Corpus) {
    const result = await maskPdf(c.data, c.masks);
    if (!result.ok) throw new Error(`${c.name}: refused ${JSON.stringify(result)}`);
    tally.documents++;
    let documentInk = 0;
    for (let n = 1; n <= (result.pages ?? 0); n++) {
      tally.pages++;
      const original = await renderPdfPage(c.data, n, SCALE);
      const copy = await renderPdfPage(result.data, n, SCALE);
      const boxes = (result.places ?? [])
        .filter((p) => p.page === n)
        .map((p) => ({
          left: Math.round(p.x * SCALE),
          top: Math.round(p.y * SCALE),
          right: Math.round((p.x + p.width) * SCALE),
          bottom: Math.round((p.y + p.height) * SCALE),
        }));
      const covered = new Uint8Array(original.width * original.height);
      for (const b of boxes)
        for (let y = b.top; y < b.bottom; y++)
          for (let x = b.left; x < b.right; x++) covered[y * original.width + x] = 1;
      // Every pixel with any of the passages' red in it lies inside a box.
      let ink = 0;
      const outside: string[] = [];
      for (let i = 0; i < original.width * original.height; i++) {
        if (!isRed(original.pixels, i * 4, 0)) continue;
        ink++;
        if (!covered[i]) outside.push(`(${i % original.width}, ${Math.floor(i / original.width)})`);
      }
      tally.passageInk += ink;
      documentInk += ink;
      tally.outside += outside.length;
      expect(outside, `${c.name} page ${n}: passage ink outside every box`).toEqual([]);
      // The boxes are solid in the released copy: dark but for the legal ground written in white,
      // and nothing red (no passage ink) anywhere on the page, inside a box or out.
      let red = 0;
      for (let i = 0; i < copy.width * copy.height; i++) if (isRed(copy.pixels, i * 4, 40)) red++;
      expect(red, `${c.name} page ${n}: red pixels in the released copy`).toBe(0);
      for (const b of boxes) {
        let dark = 0;
        let all = 0;
        for (let y = b.top + 1; y < b.bottom - 1; y++)
          for (let x = b.left + 1; x < b.right - 1; x++) {
            const i = (y * copy.width + x) * 4;
            all++;
            if ((copy.pixels[i] ?? 255) < 90 && (copy.pixels[i + 1] ?? 255) < 90 && (copy.pixels[i + 2] ?? 255) < 90)
              dark++;
          }
        expect(dark / Math.max(1, all), `${c.name} page ${n}: box at ${b.left},${b.top} is not solid`).toBeGreaterThan(
          0.6,
        );
      }
    }
    expect(documentInk, `${c.name}: no passage drawn (a broken generator would prove nothing)`).toBeGreaterThan(0);
    // The text layer: pdf.js and pdftotext find no masked string; pdftotext finds every released word.
    const layers = [await pdfText(result.data)];
    if (poppler) {
      const file = join(dir, "released.pdf");
      await writeFile(file, result.data);
      layers.push((await run("pdftotext", ["-enc", "UTF-8", file, "-"])).stdout);
    }
    for (const layer of layers) {
      const lower = layer.toLowerCase();
      const squeezed = lower.replace(/\s+/g, "");
      for (const m of c.masks) {
        const passage = m.text.toLowerCase();
        expect(squeezed, `${c.name}: "${m.text}" in the text layer`).not.toContain(passage.replace(/\s+/g, ""));
        for (const w of passage.split(/[\s-]+/))
          if (w.length >= 3) expect(lower, `${c.name}: "${w}" in the text layer`).not.toContain(w);
        tally.maskedChecks++;
      }
    }
    if (poppler) {
      // The same words, each as often, and nothing else (no stray letter of a passage); the
      // order is pdftotext's reading of the layout, which for widely justified small type
      // differs from the order of the lines, in the original as much as in the copy.
      const got = tokens(layers[1] ?? "").sort();
      const want = tokens(c.released).sort();
      expect(got, `${c.name}: pdftotext's words`).toEqual(want);
      tally.releasedWords += want.filter(
        (w) => !w.startsWith("[maskerat") && w !== "enligt" && !/^osl$|^\d+:\d+\]/.test(w),
      ).length;
    }
  }

  it("masks text in a Type 3 font (glyphs the PDF draws itself, reaching past their advance)", async () => {
    await check(type3Document());
  });

  const seeds = Array.from({ length: DOCUMENTS_PER_KIND }, (_, k) => k);
  it.each(seeds.map((k) => SEED + k))(
    "masks PDF #%i written operator by operator (Tc, Tw, Tz, kerning, positioned words)",
    async (seed) => {
      await check(directDocument(seed));
    },
  );
  it.each(seeds.map((k) => SEED + 1000 + k))(
    "masks PDF #%i laid out by pdfkit (flowing, justified, word and character spacing)",
    async (seed) => {
      await check(await pdfkitDocument(seed));
    },
  );
});
