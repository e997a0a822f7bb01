/**
 * Masking (maskering) for releasing public documents in part: passages covered by secrecy are
 * removed from the released copy for real. Text and e-mail: the passage is replaced by a
 * marker naming the legal ground. PDF: every page is rendered to pixels, the passages are
 * painted over (with the legal ground written in the box), and a new PDF is built from the
 * pictures with an invisible text layer of what is released — no original objects under a
 * black box, no metadata of the original, no text the original hid.
 *
 * Masking never fails open: a passage that cannot be found, a PDF that cannot be read, a PDF
 * whose text cannot be located (a scan), or a page whose text cannot be measured exactly is
 * refused, and nothing is released.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import PDFDocument from "pdfkit";
import PostalMime from "postal-mime";
import { pageGlyphs, unite, type Glyph, type Matrix, type OperatorList, type Rect } from "./pdf-glyphs.js";

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
  const parts = passage
    .trim()
    .split(/\s+/)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
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
export function maskText(
  text: string,
  masks: readonly Mask[],
): { ok: true; text: string; counts: Masked["counts"] } | ({ ok: false } & MaskError) {
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
/**
 * Points added around each box: a couple of points, more for large type, so that no edge of a
 * glyph (nor the anti-aliased fringe around it) shows beside the box.
 */
const marginFor = (size: number) => 1 + 0.1 * size;
/** A pixel whose colour differs by more than this between two renderings is visibly different. */
const VISIBLE_DIFFERENCE = 48;
/** Narrowest horizontal scaling for text-layer runs; narrower, and pdftotext runs the words together. */
const MIN_TEXT_SCALE = 0.25;

const pdfjsModule = () => import("pdfjs-dist/legacy/build/pdf.mjs");

async function loadPdf(data: Buffer) {
  const { getDocument } = await pdfjsModule();
  // Without font faces pdf.js draws every glyph from an outline it hands over to this side;
  // fontExtraProperties keeps those outlines after drawing, so masking can measure the ink.
  return getDocument({
    data: new Uint8Array(data),
    standardFontDataUrl: STANDARD_FONTS,
    isEvalSupported: false,
    disableFontFace: true,
    fontExtraProperties: true,
    verbosity: 0,
  }).promise;
}

type PdfDocument = Awaited<ReturnType<typeof loadPdf>>;
type PdfPage = Awaited<ReturnType<PdfDocument["getPage"]>>;
type PageViewport = ReturnType<PdfPage["getViewport"]>;

/** One page rendered at `viewport` onto a white canvas, optionally without some operations. */
async function renderPage(page: PdfPage, viewport: PageViewport, operationsFilter?: (index: number) => boolean) {
  const { AnnotationMode } = await pdfjsModule();
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  // pdf.js takes a DOM canvas; @napi-rs/canvas implements the part it uses (pdf.js's own Node path).
  // Annotations (form fields too) are drawn into the picture, so they are part of what is checked.
  const params = {
    canvasContext: ctx,
    viewport,
    canvas,
    annotationMode: AnnotationMode.ENABLE,
    ...(operationsFilter ? { operationsFilter } : {}),
  };
  const task = page.render(params as unknown as Parameters<typeof page.render>[0]);
  await task.promise;
  // The operator list this drawing executed. getOperatorList() gives the list unoptimised,
  // while drawing merges some operations (runs of text objects, paths, images), so only this
  // list's indices are the ones `operationsFilter` sees. pdf.js keeps it on the task's inner
  // object (its own RenderTask getters read it there); without it, masking refuses.
  const drawn = (
    task as unknown as {
      _internalRenderTask?: { operatorList?: { fnArray?: unknown; argsArray?: unknown; lastChunk?: unknown } };
    }
  )._internalRenderTask?.operatorList;
  const list =
    drawn && Array.isArray(drawn.fnArray) && Array.isArray(drawn.argsArray) && drawn.lastChunk === true
      ? (drawn as OperatorList)
      : null;
  return { canvas, ctx, list };
}

/** The page's text as one string, with spaces and line breaks worked out from where glyphs stand. */
interface PageText {
  readonly text: string;
  /** For each UTF-16 unit of `text`, the glyph it comes from (-1: a space or line break inferred from positions). */
  readonly owner: Int32Array;
  /** Per glyph: 0 follows the previous glyph, 1 after a gap (a space), 2 on a new line. */
  readonly breakBefore: Uint8Array;
}

const isBlank = (s: string) => s.trim() === "";

/** How glyph b stands to glyph a before it: on the same line, after a gap, or on another line. */
function separation(a: Glyph, b: Glyph): 0 | 1 | 2 {
  const size = Math.hypot(a.up.x, a.up.y) || 1;
  const length = Math.hypot(a.along.x, a.along.y) || 1;
  const ux = a.along.x / length;
  const uy = a.along.y / length;
  const dx = b.origin.x - a.end.x;
  const dy = b.origin.y - a.end.y;
  const forward = dx * ux + dy * uy;
  const across = dy * ux - dx * uy;
  const turn = (a.along.x * b.along.x + a.along.y * b.along.y) / (length * (Math.hypot(b.along.x, b.along.y) || 1));
  if (turn < 0.98 || Math.abs(across) > 0.5 * size || forward < -0.5 * size) return 2;
  // pdf.js's text content counts a gap of about a tenth of an em as a space; a little more here
  // because character spacing is already part of each glyph's advance.
  return forward > 0.15 * size ? 1 : 0;
}

function textOf(glyphs: readonly Glyph[]): PageText {
  let text = "";
  const owner: number[] = [];
  const breakBefore = new Uint8Array(glyphs.length);
  glyphs.forEach((g, i) => {
    const previous = glyphs[i - 1];
    if (previous) {
      breakBefore[i] = separation(previous, g);
      if (breakBefore[i]) {
        text += breakBefore[i] === 2 ? "\n" : " ";
        owner.push(-1);
      }
    }
    text += g.text;
    for (let k = 0; k < g.text.length; k++) owner.push(i);
  });
  return { text, owner: Int32Array.from(owner), breakBefore };
}

/**
 * A search pattern for a passage in a PDF page's text. Spaces in the passage and between its
 * letters are optional (a PDF often positions letters instead of writing spaces, and our
 * inferred spaces can be wrong), and the passage may be broken over lines, with or without a
 * hyphen at the line end ("Tolvans-\nson"). A looser pattern only masks more. The lookahead
 * finds overlapping occurrences too.
 */
function pdfPatternFor(passage: string): RegExp {
  const between = "[\\s\\u00AD]*(?:[-\\u2010\\u2011][\\s\\u00AD]*\\n[\\s\\u00AD]*)?";
  const letters = [...passage].filter((c) => !isBlank(c)).map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`(?=(${letters.join(between)}))`, "giu");
}

/** Which passage each glyph of a page is masked for: the mask (by index) and the occurrence (numbered over the document); -1 where released. */
interface Claims {
  readonly mask: Int32Array;
  readonly occurrence: Int32Array;
}

interface Fragment {
  /** Glyph indices, consecutive, on one line. */
  readonly from: number;
  readonly to: number;
  readonly ground: string;
  readonly occurrence: number;
  /** The first line of its passage: the text layer's marker goes here. */
  readonly first: boolean;
}

/** Masked glyphs, one fragment per line and passage occurrence; `seen` holds the occurrences met on earlier pages. */
function fragmentsOf(claims: Claims, grounds: readonly string[], text: PageText, seen: Set<number>): Fragment[] {
  const out: Fragment[] = [];
  for (let i = 0; i < claims.mask.length; i++) {
    const m = claims.mask[i] ?? -1;
    if (m < 0) continue;
    const occurrence = claims.occurrence[i] ?? -1;
    const last = out[out.length - 1];
    if (last && last.to === i - 1 && last.occurrence === occurrence && text.breakBefore[i] !== 2)
      out[out.length - 1] = { ...last, to: i };
    else {
      out.push({ from: i, to: i, ground: grounds[m] ?? "", occurrence, first: !seen.has(occurrence) });
      seen.add(occurrence);
    }
  }
  return out;
}

/** Pixel rectangle (left, top, right, bottom; right and bottom exclusive) of a rectangle in points. */
function pixelsOf(r: Rect, width: number, height: number, pad = 0) {
  return {
    left: Math.max(0, Math.floor(r.x1 * SCALE) - pad),
    top: Math.max(0, Math.floor(r.y1 * SCALE) - pad),
    right: Math.min(width, Math.ceil(r.x2 * SCALE) + pad),
    bottom: Math.min(height, Math.ceil(r.y2 * SCALE) + pad),
  };
}

interface InkCheck {
  /** Per glyph: its ink shows on the page (so it may go into the text layer). */
  readonly visible: readonly boolean[];
  /** Text pixels found outside every glyph's measured ink: where the replay disagrees with pdf.js. */
  readonly stray: number;
}

/** Share of a glyph's own shape that must show on the page for it to count as visible. */
const VISIBLE_SHARE = 0.3;

/** Fills a glyph's outlines (pdf.js's drawing commands) at `p`, to see which pixels are its own. */
function coverageOf(
  scratch: SKRSContext2D,
  g: Glyph,
  p: { left: number; top: number; right: number; bottom: number },
): Uint8ClampedArray | null {
  const w = p.right - p.left;
  const h = p.bottom - p.top;
  if (w <= 0 || h <= 0 || w > scratch.canvas.width || h > scratch.canvas.height) return null;
  scratch.setTransform(1, 0, 0, 1, 0, 0);
  scratch.clearRect(0, 0, w, h);
  for (const { path, matrix: m } of g.shapes) {
    scratch.setTransform(
      SCALE * m[0],
      SCALE * m[1],
      SCALE * m[2],
      SCALE * m[3],
      SCALE * m[4] - p.left,
      SCALE * m[5] - p.top,
    );
    scratch.beginPath();
    for (let i = 0; i < path.length;) {
      const a = (k: number) => path[i + k] ?? 0;
      switch (path[i++]) {
        case 0:
          scratch.moveTo(a(0), a(1));
          i += 2;
          break;
        case 1:
          scratch.lineTo(a(0), a(1));
          i += 2;
          break;
        case 2:
          scratch.bezierCurveTo(a(0), a(1), a(2), a(3), a(4), a(5));
          i += 6;
          break;
        case 3:
          scratch.quadraticCurveTo(a(0), a(1), a(2), a(3));
          i += 4;
          break;
        default:
          scratch.closePath();
      }
    }
    scratch.fill();
  }
  return scratch.getImageData(0, 0, w, h).data;
}

/**
 * Compares the page rendered with and without its text. Every pixel the text changes must lie in
 * some glyph's measured ink (else glyph positions are not known well enough to mask: refuse), and
 * a glyph counts as visible only where its own ink visibly changed the page: white text, text
 * under a box drawn later, or invisible text never enters the released text layer.
 */
function checkInk(
  glyphs: readonly Glyph[],
  full: Uint8ClampedArray,
  bare: Uint8ClampedArray,
  width: number,
  height: number,
): InkCheck {
  const size = width * height;
  const difference = new Uint8Array(size);
  for (let i = 0, j = 0; i < size; i++, j += 4) {
    difference[i] = Math.max(
      Math.abs((full[j] ?? 0) - (bare[j] ?? 0)),
      Math.abs((full[j + 1] ?? 0) - (bare[j + 1] ?? 0)),
      Math.abs((full[j + 2] ?? 0) - (bare[j + 2] ?? 0)),
    );
  }
  // How many glyphs' ink (grown by a pixel for anti-aliasing) may have touched each pixel: 0, 1, or 2 for more.
  const cover = new Uint8Array(size);
  const areas = glyphs.map((g) => (g.ink ? pixelsOf(g.ink, width, height, 1) : null));
  for (const p of areas) {
    if (!p) continue;
    for (let y = p.top; y < p.bottom; y++)
      for (let i = y * width + p.left, e = y * width + p.right; i < e; i++)
        if ((cover[i] ?? 0) < 2) cover[i] = (cover[i] ?? 0) + 1;
  }
  let stray = 0;
  for (let i = 0; i < size; i++) if (cover[i] === 0 && (difference[i] ?? 0) > 0) stray++;
  let scratch: SKRSContext2D | null = null;
  const visible = glyphs.map((g, k) => {
    if (isBlank(g.text)) return true;
    const p = areas[k];
    if (!p) return false;
    // A changed pixel only this glyph's ink can reach is this glyph showing (no pixel is stray).
    let alone = 0;
    let anyInk = 0;
    for (let y = p.top; y < p.bottom; y++) {
      for (let i = y * width + p.left, e = y * width + p.right; i < e; i++) {
        if ((difference[i] ?? 0) <= VISIBLE_DIFFERENCE) continue;
        anyInk++;
        if (cover[i] === 1) alone++;
      }
    }
    if (alone > 0) return true;
    if (anyInk === 0) return false;
    // Its ink changed only pixels other glyphs could have changed too (tight italics): compare
    // with the glyph's own shape.
    scratch ??= createCanvas(512, 512).getContext("2d");
    const coverage = g.shapes.length > 0 ? coverageOf(scratch, g, p) : null;
    if (!coverage) return true;
    let own = 0;
    let shown = 0;
    for (let y = p.top; y < p.bottom; y++) {
      for (let x = p.left; x < p.right; x++) {
        if ((coverage[((y - p.top) * (p.right - p.left) + (x - p.left)) * 4 + 3] ?? 0) < 160) continue;
        own++;
        if ((difference[y * width + x] ?? 0) > VISIBLE_DIFFERENCE) shown++;
      }
    }
    return own > 0 ? shown >= VISIBLE_SHARE * own : true;
  });
  return { visible, stray };
}

/**
 * For text that paints nothing (the recognised text laid over a scanned picture): the box is
 * placed from the invisible text, then grown over the picture's dark pixels — sideways across
 * gaps narrower than `reach` (the space between letters, not between words), up and down while
 * its edge touches any — so that letters the recognised text places a little off are covered
 * whole. It grows by at most `limit` pixels on each side.
 */
function growOverInk(
  box: { left: number; top: number; right: number; bottom: number },
  pixels: Uint8ClampedArray,
  width: number,
  height: number,
  reach: number,
  limit: number,
) {
  const dark = (x: number, y: number) => {
    const i = (y * width + x) * 4;
    return 0.3 * (pixels[i] ?? 255) + 0.59 * (pixels[i + 1] ?? 255) + 0.11 * (pixels[i + 2] ?? 255) < 160;
  };
  const b = { ...box };
  const column = (x: number) => {
    for (let y = b.top; y < b.bottom; y++) if (dark(x, y)) return true;
    return false;
  };
  const row = (y: number) => {
    for (let x = b.left; x < b.right; x++) if (dark(x, y)) return true;
    return false;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (let x = b.right; x < Math.min(width, b.right + reach, box.right + limit); x++) {
      if (column(x)) {
        b.right = x + 1;
        changed = true;
        break;
      }
    }
    for (let x = b.left - 1; x >= Math.max(0, b.left - reach, box.left - limit); x--) {
      if (column(x)) {
        b.left = x;
        changed = true;
        break;
      }
    }
    if (b.bottom < Math.min(height, box.bottom + limit) && row(b.bottom)) {
      b.bottom++;
      changed = true;
    }
    if (b.top > Math.max(0, box.top - limit) && row(b.top - 1)) {
      b.top--;
      changed = true;
    }
  }
  // The pale anti-aliased edge of the last dark pixels.
  return {
    left: Math.max(0, b.left - 2),
    top: Math.max(0, b.top - 2),
    right: Math.min(width, b.right + 2),
    bottom: Math.min(height, b.bottom + 2),
  };
}

/** A piece of the released text layer: text to be laid invisibly along a baseline. */
interface TextRun {
  readonly text: string;
  /** Start of the baseline, in points from the page's top left. */
  readonly origin: { x: number; y: number };
  /** The baseline's direction, in degrees clockwise from the x axis. */
  readonly angle: number;
  readonly size: number;
  /** How long the run is on the page, in points. */
  readonly width: number;
}

function runOf(glyphs: readonly Glyph[], from: number, to: number, text: string): TextRun | null {
  const first = glyphs[from];
  const last = glyphs[to];
  if (!first || !last) return null;
  const length = Math.hypot(first.along.x, first.along.y) || 1;
  const width =
    ((last.end.x - first.origin.x) * first.along.x + (last.end.y - first.origin.y) * first.along.y) / length;
  return {
    text,
    origin: first.origin,
    angle: (Math.atan2(first.along.y, first.along.x) * 180) / Math.PI,
    size: Math.hypot(first.up.x, first.up.y),
    width,
  };
}

/**
 * The text layer of a released page, from the glyphs alone: visible, unmasked glyphs as they
 * stand, each masked passage as its marker where it began, and nothing else. Nothing of a masked
 * glyph (nor of the original's objects) is carried over.
 */
function textRuns(
  glyphs: readonly Glyph[],
  text: PageText,
  fragments: readonly Fragment[],
  visible: readonly boolean[],
): TextRun[] {
  const runs: TextRun[] = [];
  const fragmentAt = new Map(fragments.map((f) => [f.from, f]));
  const masked = new Uint8Array(glyphs.length);
  for (const f of fragments) masked.fill(1, f.from, f.to + 1);
  let from = -1;
  const flush = (to: number) => {
    if (from >= 0 && to >= from) {
      const run = runOf(
        glyphs,
        from,
        to,
        glyphs
          .slice(from, to + 1)
          .map((g) => g.text)
          .join(""),
      );
      if (run && run.width > 0) runs.push(run);
    }
    from = -1;
  };
  for (let i = 0; i < glyphs.length; i++) {
    const g = glyphs[i] as Glyph;
    if (text.breakBefore[i]) flush(i - 1);
    if (masked[i]) {
      flush(i - 1);
      // One marker per masked passage, on its first line; the lines it continues on get none.
      const fragment = fragmentAt.get(i);
      if (fragment?.first) {
        const run = runOf(glyphs, fragment.from, fragment.to, marker(fragment.ground));
        if (run && run.width > 0) runs.push(run);
      }
      continue;
    }
    // Words go in one by one, each stretched to where it stands: a space (often widened by
    // justification) stays a gap, which is how text extractors find the word breaks anyway.
    if (!visible[i] || isBlank(g.text)) {
      flush(i - 1);
      continue;
    }
    const head = glyphs[from];
    if (
      head &&
      Math.abs(Math.hypot(g.up.x, g.up.y) - Math.hypot(head.up.x, head.up.y)) > 0.1 * Math.hypot(head.up.x, head.up.y)
    )
      flush(i - 1);
    if (from < 0) from = i;
  }
  flush(glyphs.length - 1);
  return runs;
}

interface ReleasedPage {
  readonly image: Buffer;
  readonly width: number;
  readonly height: number;
  readonly runs: readonly TextRun[];
}

/** The same glyphs in the same places (the operator lists of reading and drawing differ only in grouping). */
function sameGlyphs(a: readonly Glyph[], b: readonly Glyph[]): boolean {
  return (
    a.length === b.length &&
    a.every((g, i) => {
      const h = b[i] as Glyph;
      return g.text === h.text && Math.abs(g.origin.x - h.origin.x) < 0.01 && Math.abs(g.origin.y - h.origin.y) < 0.01;
    })
  );
}

/** A page's glyphs and text, read before anything is drawn. */
interface ReadPage {
  readonly glyphs: readonly Glyph[];
  readonly text: PageText;
}

/**
 * Every page's glyphs, from the operator list pdf.js will draw. The fonts (and the glyph outlines
 * that come with them) are loaded asynchronously on this side; wait for those the list depends on.
 */
async function readPage(page: PdfPage): Promise<ReadPage> {
  const { OPS, AnnotationMode } = await pdfjsModule();
  const list = await page.getOperatorList({ annotationMode: AnnotationMode.ENABLE });
  const fonts = new Set<string>();
  list.fnArray.forEach((fn, i) => {
    if (fn !== OPS.dependency) return;
    for (const id of (list.argsArray[i] ?? []) as unknown[])
      if (typeof id === "string" && id.startsWith("g_")) fonts.add(id);
  });
  await Promise.all([...fonts].map((id) => new Promise((resolve) => page.commonObjs.get(id, resolve))));
  const { glyphs } = pageGlyphs(
    OPS,
    list,
    page.commonObjs,
    page.getViewport({ scale: 1 }).transform as unknown as Matrix,
  );
  // The page's pictures are decoded again when it is drawn; holding them for every page at once
  // would take the memory of a long scanned document many times over.
  page.cleanup();
  return { glyphs, text: textOf(glyphs) };
}

/**
 * Masks a PDF. Each page of the released copy is a picture (144 dpi, JPEG) with the passages
 * painted over, under an invisible text layer holding the page's released text — searchable,
 * copyable and readable by screen readers — with the marker in place of each passage.
 *
 * Where the boxes go is measured, not estimated: every glyph's position and ink come from a
 * replay of pdf.js's own text drawing (pdf-glyphs.ts), and each page is rendered once more
 * without its text to prove that the replay accounts for every pixel the text paints.
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
    // First every page's text, so that a passage broken over a page break (its first part at
    // the foot of one page, the rest at the head of the next) is found and masked on both.
    const pages: ReadPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) pages.push(await readPage(await doc.getPage(n)));
    if (pages.every((p) => isBlank(p.text.text))) return { ok: false, error: "no_text" };
    let all = "";
    const unitPage: number[] = [];
    const unitGlyph: number[] = [];
    pages.forEach((p, n) => {
      if (n > 0) {
        all += "\n";
        unitPage.push(-1);
        unitGlyph.push(-1);
      }
      all += p.text.text;
      for (const o of p.text.owner) {
        unitPage.push(o < 0 ? -1 : n);
        unitGlyph.push(o);
      }
    });

    // Longest first, so "Tolvan Tolvansson" is masked whole (under its ground) before "Tolvan" alone.
    const order = [...masks].sort((a, b) => b.text.length - a.text.length);
    const grounds = order.map((m) => m.ground);
    const claims: Claims[] = pages.map((p) => ({
      mask: new Int32Array(p.glyphs.length).fill(-1),
      occurrence: new Int32Array(p.glyphs.length).fill(-1),
    }));
    const counts = new Map(order.map((m) => [m, 0]));
    const found = new Set<Mask>();
    let occurrences = 0;
    order.forEach((m, k) => {
      let countedUntil = -1;
      for (const match of all.matchAll(pdfPatternFor(m.text))) {
        const start = match.index;
        const end = start + (match[1] ?? "").length;
        // Every glyph from the passage's first to its last on each page it touches, in drawing
        // order, is masked — also one standing for no character (an unmapped glyph in the name).
        const span = new Map<number, { first: number; last: number }>();
        for (let u = start; u < end; u++) {
          const n = unitPage[u] ?? -1;
          const g = unitGlyph[u] ?? -1;
          if (n < 0 || g < 0) continue;
          const s = span.get(n);
          span.set(n, s ? { first: Math.min(s.first, g), last: Math.max(s.last, g) } : { first: g, last: g });
        }
        if (span.size === 0) continue;
        found.add(m);
        const occurrence = occurrences++;
        let fresh = false;
        for (const [n, { first, last }] of span) {
          const c = claims[n] as Claims;
          for (let g = first; g <= last; g++) {
            if ((c.mask[g] ?? -1) >= 0) continue;
            c.mask[g] = k;
            c.occurrence[g] = occurrence;
            fresh = true;
          }
        }
        if (fresh && start >= countedUntil) {
          counts.set(m, (counts.get(m) ?? 0) + 1);
          countedUntil = end;
        }
      }
    });
    const missing = masks.filter((m) => !found.has(m)).map((m) => m.text);
    if (missing.length > 0) return { ok: false, error: "not_found", passages: missing };

    const seen = new Set<number>();
    const fragments = pages.map((p, n) => fragmentsOf(claims[n] as Claims, grounds, p.text, seen));
    for (const [n, list] of fragments.entries()) {
      for (const f of list) {
        for (let i = f.from; i <= f.to; i++) {
          if (!(pages[n]?.glyphs[i] as Glyph).measured)
            return {
              ok: false,
              error: "unparseable",
              reason: `page ${n + 1}: a masked passage is drawn with a font whose glyphs cannot be measured`,
            };
        }
      }
    }

    const { OPS } = await pdfjsModule();
    const released: ReleasedPage[] = [];
    const places: Place[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const { text } = pages[n - 1] as ReadPage;
      const pageFragments = fragments[n - 1] ?? [];
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: SCALE });
      const { canvas, ctx, list } = await renderPage(page, viewport);
      // The glyphs again, from the list just drawn: the same glyphs as read before (else refuse),
      // with the indices of the operations that draw them in this list.
      const drawn = list
        ? pageGlyphs(OPS, list, page.commonObjs, page.getViewport({ scale: 1 }).transform as unknown as Matrix)
        : null;
      if (!drawn || !sameGlyphs(drawn.glyphs, (pages[n - 1] as ReadPage).glyphs))
        return { ok: false, error: "unparseable", reason: `page ${n}: the text could not be read the same way twice` };
      const { glyphs, textOps } = drawn;
      const bare = await renderPage(page, viewport, (i) => !textOps.has(i));
      if (bare.list !== list)
        return { ok: false, error: "unparseable", reason: `page ${n}: drawn from two different operator lists` };
      const width = canvas.width;
      const height = canvas.height;
      const pixels = ctx.getImageData(0, 0, width, height).data;
      const ink = checkInk(glyphs, pixels, bare.ctx.getImageData(0, 0, width, height).data, width, height);
      if (ink.stray > 0)
        return {
          ok: false,
          error: "unparseable",
          reason: `page ${n}: text drawn where its glyphs could not be located (${ink.stray} pixels)`,
        };

      const boxes: { left: number; top: number; right: number; bottom: number; ground: string }[] = [];
      for (const f of pageFragments) {
        let area: Rect | null = null;
        let size = 0;
        let invisible = false;
        for (let i = f.from; i <= f.to; i++) {
          const g = glyphs[i] as Glyph;
          if (!g.ink && !isBlank(g.text)) invisible = true;
          const own = g.ink ? unite(g.body, g.ink) : g.body;
          area = area ? unite(area, own) : own;
          size = Math.max(size, Math.hypot(g.up.x, g.up.y));
        }
        if (!area) continue;
        const margin = marginFor(size) + (invisible ? 0.25 * size : 0);
        let box = pixelsOf(
          { x1: area.x1 - margin, y1: area.y1 - margin, x2: area.x2 + margin, y2: area.y2 + margin },
          width,
          height,
        );
        if (invisible)
          box = growOverInk(box, pixels, width, height, Math.ceil(0.12 * size * SCALE), Math.ceil(size * SCALE));
        boxes.push({ ...box, ground: f.ground });
      }
      for (const box of boxes) {
        const w = box.right - box.left;
        const h = box.bottom - box.top;
        ctx.fillStyle = "#000000";
        ctx.fillRect(box.left, box.top, w, h);
        places.push({
          page: n,
          x: box.left / SCALE,
          y: box.top / SCALE,
          width: w / SCALE,
          height: h / SCALE,
          ground: box.ground,
        });
        // Where and why: the legal ground in the box, when it fits.
        ctx.font = `${Math.max(8, Math.floor(h * 0.55))}px sans-serif`;
        if (ctx.measureText(box.ground).width < w - 4) {
          ctx.fillStyle = "#ffffff";
          ctx.textBaseline = "middle";
          ctx.fillText(box.ground, box.left + 2, box.top + h / 2);
        }
      }
      // JPEG at quality 90: as legible as PNG at this resolution, four times faster to make and
      // embed (pdfkit copies JPEG as it is; an RGBA PNG it splits and compresses again).
      released.push({
        image: await canvas.encode("jpeg", JPEG_QUALITY),
        width: viewport.width / SCALE,
        height: viewport.height / SCALE,
        runs: textRuns(glyphs, text, pageFragments, ink.visible),
      });
      page.cleanup();
    }
    return {
      ok: true,
      data: await releasedPdf(released),
      contentType: "application/pdf",
      counts: masks.map((m) => ({ text: m.text, ground: m.ground, count: counts.get(m) ?? 0 })),
      pages: released.length,
      places,
    };
  } finally {
    await doc.destroy();
  }
}

/** Characters the standard fonts can write (WinAnsi); others are spelled without accents or as "?". */
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
const inWinAnsi = (c: string) => {
  const code = c.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(c);
};
function winAnsi(s: string): string {
  let out = "";
  for (const c of s) {
    if (inWinAnsi(c)) out += c;
    else if (isBlank(c)) out += " ";
    else {
      const plain = c.normalize("NFKD").replace(/\p{M}/gu, "");
      out += plain && [...plain].every(inWinAnsi) ? plain : "?";
    }
  }
  return out;
}

/**
 * A new PDF with one picture per page and an invisible text layer over it, and nothing else of
 * the original: no objects, no metadata.
 */
function releasedPdf(pages: readonly ReleasedPage[]): Promise<Buffer> {
  const pdf = new PDFDocument({
    autoFirstPage: false,
    info: { Title: "Utlämnad handling", Producer: "Klarsvar", Creator: "Klarsvar" },
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  for (const p of pages) {
    pdf.addPage({ size: [p.width, p.height], margin: 0 });
    pdf.image(p.image, 0, 0, { width: p.width, height: p.height });
    pdf.save();
    // Render mode 3 (neither fill nor stroke): the text is there for search, copying and screen
    // readers — pdftotext and pdf.js read it — but never painted over the picture.
    pdf.addContent("3 Tr");
    pdf.font("Helvetica");
    for (const run of p.runs) {
      const text = winAnsi(run.text);
      pdf.fontSize(run.size);
      const natural = pdf.widthOfString(text);
      if (natural <= 0 || !(run.size > 0)) continue;
      // Stretch or squeeze the run to the width it has on the page, so selections match the picture;
      // below a quarter, shrink the type instead, or text extractors run the words together.
      let scale = run.width / natural;
      if (scale < MIN_TEXT_SCALE) {
        pdf.fontSize((run.size * scale) / MIN_TEXT_SCALE);
        scale = MIN_TEXT_SCALE;
      }
      pdf.save();
      if (Math.abs(run.angle) > 0.01) pdf.rotate(run.angle, { origin: [run.origin.x, run.origin.y] });
      const options = { lineBreak: false, baseline: "alphabetic" as const, horizontalScaling: scale * 100 };
      pdf.text(text, run.origin.x, run.origin.y, options);
      pdf.restore();
    }
    pdf.restore();
  }
  pdf.end();
  return done;
}

/** One page of a PDF as RGBA pixels at 72 dpi × scale (previews of a released copy, and tests). */
export async function renderPdfPage(
  data: Buffer,
  pageNumber: number,
  scale = 1,
): Promise<{ width: number; height: number; pixels: Uint8ClampedArray }> {
  const doc = await loadPdf(data);
  try {
    const page = await doc.getPage(pageNumber);
    const viewport = page.getViewport({ scale });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const ctx = canvas.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvasContext: ctx, viewport, canvas } as unknown as Parameters<typeof page.render>[0]).promise;
    return {
      width: canvas.width,
      height: canvas.height,
      pixels: ctx.getImageData(0, 0, canvas.width, canvas.height).data,
    };
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
  const pdf = new PDFDocument({
    size: "A4",
    margin: 56,
    info: { Title: title, Producer: "Klarsvar", Creator: "Klarsvar" },
  });
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
  const who = (a: { name?: string; address?: string } | undefined) =>
    a ? [a.name, a.address ? `<${a.address}>` : ""].filter(Boolean).join(" ") : "";
  const lines = [
    `Från: ${who(parsed.from as { name?: string; address?: string } | undefined)}`,
    `Till: ${(parsed.to ?? []).map((a) => who(a as { name?: string; address?: string })).join(", ")}`,
    `Datum: ${parsed.date ?? ""}`,
    `Ämne: ${parsed.subject ?? ""}`,
    "",
    parsed.text ?? (parsed.html ?? "").replace(/<[^>]+>/g, " "),
  ];
  if ((parsed.attachments ?? []).length > 0)
    lines.push(
      "",
      `Bilagor (granskas var för sig): ${(parsed.attachments ?? []).map((a) => a.filename ?? "namnlös").join(", ")}`,
    );
  const result = maskText(lines.join("\n"), masks);
  if (!result.ok) return result;
  return {
    ok: true,
    data: await textToPdf(parsed.subject ?? "E-post", result.text),
    contentType: "application/pdf",
    counts: result.counts,
  };
}

export const MASKABLE_TYPES = ["text/plain", "message/rfc822", "application/pdf"] as const;

/** Masks a document of a supported type; anything else is refused with the type named. */
export async function maskDocument(data: Buffer, contentType: string, masks: readonly Mask[]): Promise<MaskResult> {
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "application/pdf") return maskPdf(data, masks);
  if (type === "message/rfc822") return maskEmail(data, masks);
  if (type === "text/plain") {
    const r = maskText(data.toString("utf8"), masks);
    return r.ok
      ? { ok: true, data: Buffer.from(r.text, "utf8"), contentType: "text/plain; charset=utf-8", counts: r.counts }
      : r;
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
export function documentType(
  data: Buffer,
  filename: string,
): "application/pdf" | "message/rfc822" | "text/plain" | null {
  if (data.subarray(0, 5).toString("latin1") === "%PDF-") return "application/pdf";
  const head = data.subarray(0, 4096).toString("utf8");
  if (data.includes(0)) return null;
  const valid = Buffer.from(data.toString("utf8"), "utf8").equals(data);
  if (!valid) return null;
  if (
    /\.eml$/i.test(filename) ||
    (/^(from|received|return-path|message-id|date|subject|mime-version):/im.test(head) &&
      /^from:/im.test(head) &&
      /\r?\n\r?\n/.test(head))
  )
    return "message/rfc822";
  if (/\.(txt|text|csv|md)$/i.test(filename)) return "text/plain";
  return null;
}
