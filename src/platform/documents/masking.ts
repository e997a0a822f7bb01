/**
 * Masking (maskering) for releasing public documents in part: passages covered by secrecy are
 * removed from the released copy for real. Text and e-mail: the passage is replaced by a
 * marker naming the legal ground. PDF: every page is rendered to pixels, the passages are
 * painted over (with the legal ground written in the box) and a new PDF is built from the
 * images alone — no text layer, no original objects under a black box, no metadata of the
 * original survive.
 *
 * Masking never fails open: a passage that cannot be found, a PDF that cannot be read, or a
 * PDF whose text cannot be located (a scan) is refused, and nothing is released.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import PDFDocument from "pdfkit";
import PostalMime from "postal-mime";

export interface Mask {
  /** The passage as it stands in the document (case and spacing need not match). */
  readonly text: string;
  /** Legal ground, e.g. "OSL 26:1". Written where the passage was. */
  readonly ground: string;
}

export type MaskError =
  | { readonly error: "not_found"; readonly passages: readonly string[] }
  | { readonly error: "unparseable"; readonly reason: string }
  | { readonly error: "no_text" }
  | { readonly error: "unsupported"; readonly contentType: string };

export interface Masked {
  readonly data: Buffer;
  readonly contentType: string;
  /** How many places each passage was masked. */
  readonly counts: readonly { text: string; ground: string; count: number }[];
  readonly pages?: number;
  /** PDF only: where each box was painted, in points from the page's top left. */
  readonly places?: readonly Place[];
}

export interface Place {
  readonly page: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly ground: string;
}

export type MaskResult = ({ ok: true } & Masked) | ({ ok: false } & MaskError);

/** What the released text shows where a passage was. The same for every passage, so lengths are not given away. */
export function marker(ground: string): string {
  return `[maskerat enligt ${ground}]`;
}

/** A search pattern for a passage: case-insensitive, any run of spaces matches any run of spaces. */
function patternFor(passage: string): RegExp {
  const parts = passage.trim().split(/\s+/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(parts.join("\\s+"), "giu");
}

function checkMasks(masks: readonly Mask[]): string | null {
  if (masks.length === 0) return "no passages";
  for (const m of masks) {
    if (m.text.trim().length < 2) return "a passage is shorter than two characters";
    if (!m.ground.trim()) return "a passage has no legal ground";
  }
  return null;
}

/** Masks a plain text. Every passage must occur at least once. */
export function maskText(text: string, masks: readonly Mask[]): { ok: true; text: string; counts: Masked["counts"] } | ({ ok: false } & MaskError) {
  const invalid = checkMasks(masks);
  if (invalid) return { ok: false, error: "unparseable", reason: invalid };
  let out = text;
  const counts = [];
  const missing: string[] = [];
  // Longest first, so "Tolvan Tolvansson" is masked whole before "Tolvan" alone.
  for (const m of [...masks].sort((a, b) => b.text.length - a.text.length)) {
    let count = 0;
    out = out.replace(patternFor(m.text), () => {
      count++;
      return marker(m.ground);
    });
    if (count === 0 && !patternFor(m.text).test(text)) missing.push(m.text);
    counts.push({ text: m.text, ground: m.ground, count });
  }
  if (missing.length > 0) return { ok: false, error: "not_found", passages: missing };
  return { ok: true, text: out, counts };
}

const require = createRequire(import.meta.url);
const PDFJS_ROOT = dirname(require.resolve("pdfjs-dist/package.json"));
const STANDARD_FONTS = `${join(PDFJS_ROOT, "standard_fonts")}/`;

/** Pixels per PDF point in the released copy: 2 = 144 dpi, sharp enough to read and print. */
const SCALE = 2;
const JPEG_QUALITY = 90;
/** Points added around each painted box, so no edge of a glyph shows. */
const PAD = 1.5;

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
  fontName?: string;
}

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  ground: string;
}

/** A text run's width in the font the page uses, to find where inside a run a passage starts and ends. */
function measureWith(ctx: SKRSContext2D, family: string) {
  ctx.font = `100px ${family}`;
  return (s: string) => ctx.measureText(s).width;
}

async function loadPdf(data: Buffer) {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  return getDocument({ data: new Uint8Array(data), standardFontDataUrl: STANDARD_FONTS, isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
}

/**
 * Masks a PDF. The released copy is image-only (A4 at 144 dpi, JPEG).
 */
export async function maskPdf(data: Buffer, masks: readonly Mask[]): Promise<MaskResult> {
  const invalid = checkMasks(masks);
  if (invalid) return { ok: false, error: "unparseable", reason: invalid };
  let doc;
  try {
    doc = await loadPdf(data);
  } catch (error) {
    return { ok: false, error: "unparseable", reason: (error as Error).message };
  }
  try {
    const counts = new Map(masks.map((m) => [m, 0]));
    const rendered: { image: Buffer; width: number; height: number }[] = [];
    const places: Place[] = [];
    let anyText = false;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: SCALE });
      const content = await page.getTextContent();
      const items = content.items.filter((i): i is TextItemLike & typeof i => "str" in i) as unknown as TextItemLike[];
      // The page's text as one string, and where each run sits in it.
      let pageText = "";
      const spans: { item: TextItemLike; start: number; end: number }[] = [];
      for (const item of items) {
        const start = pageText.length;
        pageText += item.str;
        spans.push({ item, start, end: pageText.length });
        pageText += item.hasEOL ? "\n" : "";
      }
      if (pageText.trim()) anyText = true;
      const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      const ctx = canvas.getContext("2d");
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      // pdf.js takes a DOM canvas; @napi-rs/canvas implements the part it uses (pdf.js's own Node path).
      await page.render({ canvasContext: ctx, viewport, canvas } as unknown as Parameters<typeof page.render>[0]).promise;
      const boxes: Box[] = [];
      for (const m of masks) {
        for (const match of pageText.matchAll(patternFor(m.text))) {
          counts.set(m, (counts.get(m) ?? 0) + 1);
          const from = match.index;
          const to = from + match[0].length;
          for (const span of spans) {
            if (span.end <= from || span.start >= to) continue;
            const item = span.item;
            const style = item.fontName ? (content.styles as Record<string, { fontFamily?: string }>)[item.fontName] : undefined;
            const measure = measureWith(ctx, style?.fontFamily ?? "sans-serif");
            const full = measure(item.str) || 1;
            const a = Math.max(0, from - span.start);
            const b = Math.min(item.str.length, to - span.start);
            const [sx, , , sy, x, y] = item.transform as [number, number, number, number, number, number];
            const size = Math.max(Math.abs(sy), item.height, 1);
            const x1 = x + (measure(item.str.slice(0, a)) / full) * item.width;
            const x2 = x + (measure(item.str.slice(0, b)) / full) * item.width;
            // A rotated or skewed run cannot be measured safely: cover the whole run.
            const straight = Math.abs(item.transform[1] ?? 0) < 1e-6 && Math.abs(item.transform[2] ?? 0) < 1e-6 && sx > 0;
            boxes.push(straight
              ? { x1: x1 - PAD, x2: x2 + PAD, y1: y - size * 0.3 - PAD, y2: y + size * 0.95 + PAD, ground: m.ground }
              : { x1: x - size * 2, x2: x + item.width + size * 2, y1: y - size * 2 - item.width, y2: y + size * 2 + item.width, ground: m.ground });
          }
        }
      }
      for (const box of boxes) {
        const [l, t, r, btm] = viewport.convertToViewportRectangle([box.x1, box.y1, box.x2, box.y2]) as [number, number, number, number];
        const left = Math.floor(Math.min(l, r));
        const top = Math.floor(Math.min(t, btm));
        const w = Math.ceil(Math.abs(r - l));
        const h = Math.ceil(Math.abs(btm - t));
        ctx.fillStyle = "#000000";
        ctx.fillRect(left, top, w, h);
        places.push({ page: n, x: left / SCALE, y: top / SCALE, width: w / SCALE, height: h / SCALE, ground: box.ground });
        // Where and why: the legal ground in the box, when it fits.
        ctx.font = `${Math.max(8, Math.floor(h * 0.55))}px sans-serif`;
        if (ctx.measureText(box.ground).width < w - 4) {
          ctx.fillStyle = "#ffffff";
          ctx.textBaseline = "middle";
          ctx.fillText(box.ground, left + 2, top + h / 2);
        }
      }
      // JPEG at quality 90: as legible as PNG at this resolution, four times faster to make and
      // embed (pdfkit copies JPEG as it is; an RGBA PNG it splits and compresses again).
      rendered.push({ image: await canvas.encode("jpeg", JPEG_QUALITY), width: viewport.width / SCALE, height: viewport.height / SCALE });
      page.cleanup();
    }
    if (!anyText) return { ok: false, error: "no_text" };
    const missing = masks.filter((m) => (counts.get(m) ?? 0) === 0).map((m) => m.text);
    if (missing.length > 0) return { ok: false, error: "not_found", passages: missing };
    return {
      ok: true,
      data: await imagesToPdf(rendered),
      contentType: "application/pdf",
      counts: masks.map((m) => ({ text: m.text, ground: m.ground, count: counts.get(m) ?? 0 })),
      pages: rendered.length,
      places,
    };
  } finally {
    await doc.destroy();
  }
}

/** A new PDF with one image per page and nothing else: no text, no metadata of the original. */
function imagesToPdf(pages: readonly { image: Buffer; width: number; height: number }[]): Promise<Buffer> {
  const pdf = new PDFDocument({ autoFirstPage: false, info: { Title: "Utlämnad handling", Producer: "Klarsvar", Creator: "Klarsvar" } });
  const chunks: Buffer[] = [];
  pdf.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  for (const p of pages) {
    pdf.addPage({ size: [p.width, p.height], margin: 0 });
    pdf.image(p.image, 0, 0, { width: p.width, height: p.height });
  }
  pdf.end();
  return done;
}

/** One page of a PDF as RGBA pixels at 72 dpi × scale (previews of a released copy, and tests). */
export async function renderPdfPage(data: Buffer, pageNumber: number, scale = 1): Promise<{ width: number; height: number; pixels: Uint8ClampedArray }> {
  const doc = await loadPdf(data);
  try {
    const page = await doc.getPage(pageNumber);
    const viewport = page.getViewport({ scale });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const ctx = canvas.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvasContext: ctx, viewport, canvas } as unknown as Parameters<typeof page.render>[0]).promise;
    return { width: canvas.width, height: canvas.height, pixels: ctx.getImageData(0, 0, canvas.width, canvas.height).data };
  } finally {
    await doc.destroy();
  }
}

/** All text a PDF holds in its text layer (for tests and for checking a released copy). */
export async function pdfText(data: Buffer): Promise<string> {
  const doc = await loadPdf(data);
  try {
    let out = "";
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      out += content.items.map((i) => ("str" in i ? i.str : "")).join(" ") + "\n";
    }
    return out;
  } finally {
    await doc.destroy();
  }
}

/** A text as a simple PDF (A4, readable type), for released e-mail and text documents. */
export function textToPdf(title: string, text: string): Promise<Buffer> {
  const pdf = new PDFDocument({ size: "A4", margin: 56, info: { Title: title, Producer: "Klarsvar", Creator: "Klarsvar" } });
  const chunks: Buffer[] = [];
  pdf.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  pdf.fontSize(11).text(text, { lineGap: 2 });
  pdf.end();
  return done;
}

/**
 * Masks an e-mail (.eml): the released copy is the message as read — sender, recipients, date,
 * subject and text — masked, as a PDF. Attachments are separate documents and reviewed as such.
 */
export async function maskEmail(eml: Buffer, masks: readonly Mask[]): Promise<MaskResult> {
  let parsed;
  try {
    parsed = await PostalMime.parse(eml);
  } catch (error) {
    return { ok: false, error: "unparseable", reason: (error as Error).message };
  }
  const who = (a: { name?: string; address?: string } | undefined) => (a ? [a.name, a.address ? `<${a.address}>` : ""].filter(Boolean).join(" ") : "");
  const lines = [
    `Från: ${who(parsed.from as { name?: string; address?: string } | undefined)}`,
    `Till: ${(parsed.to ?? []).map((a) => who(a as { name?: string; address?: string })).join(", ")}`,
    `Datum: ${parsed.date ?? ""}`,
    `Ämne: ${parsed.subject ?? ""}`,
    "",
    parsed.text ?? (parsed.html ?? "").replace(/<[^>]+>/g, " "),
  ];
  if ((parsed.attachments ?? []).length > 0) lines.push("", `Bilagor (granskas var för sig): ${(parsed.attachments ?? []).map((a) => a.filename ?? "namnlös").join(", ")}`);
  const result = maskText(lines.join("\n"), masks);
  if (!result.ok) return result;
  return { ok: true, data: await textToPdf(parsed.subject ?? "E-post", result.text), contentType: "application/pdf", counts: result.counts };
}

export const MASKABLE_TYPES = ["text/plain", "message/rfc822", "application/pdf"] as const;

/** Masks a document of a supported type; anything else is refused with the type named. */
export async function maskDocument(data: Buffer, contentType: string, masks: readonly Mask[]): Promise<MaskResult> {
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "application/pdf") return maskPdf(data, masks);
  if (type === "message/rfc822") return maskEmail(data, masks);
  if (type === "text/plain") {
    const r = maskText(data.toString("utf8"), masks);
    return r.ok ? { ok: true, data: Buffer.from(r.text, "utf8"), contentType: "text/plain; charset=utf-8", counts: r.counts } : r;
  }
  return { ok: false, error: "unsupported", contentType: type };
}

/** Pages of a PDF, or null when it cannot be read. */
export async function pdfPageCount(data: Buffer): Promise<number | null> {
  try {
    const doc = await loadPdf(data);
    const n = doc.numPages;
    await doc.destroy();
    return n;
  } catch {
    return null;
  }
}

/**
 * The type of a document someone hands in for review, from its bytes (and the name for text):
 * PDF, an e-mail (.eml), or plain UTF-8 text. Anything else is not maskable here.
 */
export function documentType(data: Buffer, filename: string): "application/pdf" | "message/rfc822" | "text/plain" | null {
  if (data.subarray(0, 5).toString("latin1") === "%PDF-") return "application/pdf";
  const head = data.subarray(0, 4096).toString("utf8");
  if (data.includes(0)) return null;
  const valid = Buffer.from(data.toString("utf8"), "utf8").equals(data);
  if (!valid) return null;
  if (/\.eml$/i.test(filename) || (/^(from|received|return-path|message-id|date|subject|mime-version):/im.test(head) && /^from:/im.test(head) && /\r?\n\r?\n/.test(head))) return "message/rfc822";
  if (/\.(txt|text|csv|md)$/i.test(filename)) return "text/plain";
  return null;
}
