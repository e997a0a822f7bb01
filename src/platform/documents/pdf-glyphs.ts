/**
 * Where pdf.js paints every glyph of a PDF page, and with which ink.
 *
 * pdf.js's text content gives runs of text with a width, but not where each character inside a
 * run stands, nor how far a glyph's ink reaches beyond its advance (italic overhang, kerning,
 * character and word spacing, accents). Masking needs exactly that, so this module replays the
 * page's operator list — the same list pdf.js's canvas renderer executes — with the same text
 * positioning rules as pdf.js's CanvasGraphics.showText, and takes each glyph's ink from its
 * outline (pdf.js hands the outlines over when font faces are disabled, as we do).
 *
 * The result is checked against the real rendering by the caller (see masking.ts): if this
 * replay ever disagrees with pdf.js, the page's text ink falls outside the predicted boxes and
 * masking refuses instead of guessing.
 */

/** A 2D affine matrix in the PDF/canvas order [a, b, c, d, e, f]. */
export type Matrix = readonly [number, number, number, number, number, number];
export interface Point {
  readonly x: number;
  readonly y: number;
}
/** An axis-aligned rectangle in page points, y growing downwards (top-left origin). */
export interface Rect {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface Glyph {
  /** The characters the glyph stands for (Unicode, NFKC like pdf.js's text content); may be empty. */
  readonly text: string;
  /** Index of the showText operation that draws it. */
  readonly op: number;
  /** Where the glyph starts on the baseline, in page points. */
  readonly origin: Point;
  /** Where the next glyph would start (advance plus character and word spacing). */
  readonly end: Point;
  /** One em along the baseline and one em upwards, in page points (direction and size of the text). */
  readonly along: Point;
  readonly up: Point;
  /** The glyph's body: its advance from the font's descent to its ascent. */
  readonly body: Rect;
  /**
   * The painted ink: the outline's bounds (widened by the stroke for stroked text), or, when the
   * ink cannot be measured, a generous box around the body. Null when nothing is painted.
   */
  readonly ink: Rect | null;
  /** False when the ink above is a conservative guess rather than a measurement. */
  readonly measured: boolean;
  /** The outlines pdf.js fills for it (glyph and accent), each with its em-to-page matrix; empty when not known. */
  readonly shapes: readonly Shape[];
}

/** An outline in pdf.js's drawing commands (see outlineBounds), placed on the page by `matrix`. */
export interface Shape {
  readonly path: ArrayLike<number>;
  readonly matrix: Matrix;
}

export interface PageGlyphs {
  readonly glyphs: readonly Glyph[];
  /** Indices of the operations that paint text, to render the page without them. */
  readonly textOps: ReadonlySet<number>;
}

/** The parts of pdf.js's API this module reads (its own types declare the font object as `any`). */
export interface OperatorList {
  readonly fnArray: readonly number[];
  readonly argsArray: readonly unknown[];
}
export interface PdfObjects {
  get(id: string): unknown;
  has(id: string): boolean;
}
interface FontObject {
  readonly loadedName?: string;
  readonly fontMatrix?: readonly number[];
  readonly bbox?: readonly number[];
  readonly ascent?: number;
  readonly descent?: number;
  readonly vertical?: boolean;
  readonly isType3Font?: boolean;
  readonly isInvalidPDFjsFont?: boolean;
  readonly missingFile?: boolean;
}
interface GlyphObject {
  readonly fontChar: string;
  readonly unicode: string;
  readonly width: number;
  readonly isSpace: boolean;
  readonly isInFont: boolean;
  readonly accent?: { readonly fontChar: string; readonly offset: { readonly x: number; readonly y: number } } | null;
}

/** pdf.js operator codes used below (pdf.js's `OPS`, passed in so this module loads no pdf.js itself). */
export interface Ops {
  readonly save: number;
  readonly restore: number;
  readonly transform: number;
  readonly setLineWidth: number;
  readonly setLineJoin: number;
  readonly setMiterLimit: number;
  readonly setGState: number;
  readonly beginText: number;
  readonly setCharSpacing: number;
  readonly setWordSpacing: number;
  readonly setHScale: number;
  readonly setLeading: number;
  readonly setFont: number;
  readonly setTextRenderingMode: number;
  readonly setTextRise: number;
  readonly moveText: number;
  readonly setLeadingMoveText: number;
  readonly setTextMatrix: number;
  readonly nextLine: number;
  readonly showText: number;
  readonly paintFormXObjectBegin: number;
  readonly paintFormXObjectEnd: number;
  readonly beginGroup: number;
  readonly endGroup: number;
  readonly beginAnnotation: number;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const FONT_IDENTITY: Matrix = [0.001, 0, 0, 0.001, 0, 0];
/** Used for the body when the font does not say (Helvetica's descender and ascender, in em). */
const DEFAULT_DESCENT = -0.21;
const DEFAULT_ASCENT = 0.72;

/** m ∘ n: apply n first, then m (what canvas `transform(n)` does to a current transform m). */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function applyTo(m: Matrix, x: number, y: number): Point {
  return { x: m[0] * x + m[2] * y + m[4], y: m[1] * x + m[3] * y + m[5] };
}

/** The page-space bounds of a rectangle given in the coordinates of m. */
function boundsOf(m: Matrix, x1: number, y1: number, x2: number, y2: number): Rect {
  const p = [applyTo(m, x1, y1), applyTo(m, x2, y1), applyTo(m, x1, y2), applyTo(m, x2, y2)];
  return {
    x1: Math.min(...p.map((q) => q.x)),
    y1: Math.min(...p.map((q) => q.y)),
    x2: Math.max(...p.map((q) => q.x)),
    y2: Math.max(...p.map((q) => q.y)),
  };
}

export function unite(a: Rect, b: Rect): Rect {
  return { x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1), x2: Math.max(a.x2, b.x2), y2: Math.max(a.y2, b.y2) };
}

function grow(r: Rect, by: number): Rect {
  return { x1: r.x1 - by, y1: r.y1 - by, x2: r.x2 + by, y2: r.y2 + by };
}

/** The largest factor by which m stretches a length (its larger singular value). */
function stretch(m: Matrix): number {
  const [a, b, c, d] = m;
  const s = a * a + b * b + c * c + d * d;
  const det = a * d - b * c;
  return Math.sqrt((s + Math.sqrt(Math.max(0, s * s - 4 * det * det))) / 2);
}

/**
 * The bounds of a glyph outline as pdf.js sends it (moveTo/lineTo/curveTo/quadraticCurveTo/
 * closePath with their points, in em). A Bézier curve lies inside the hull of its control
 * points, so the control points' bounds contain the outline.
 */
function outlineBounds(path: ArrayLike<number>): Rect | null {
  let x1 = Infinity,
    y1 = Infinity,
    x2 = -Infinity,
    y2 = -Infinity;
  const points = [1, 1, 3, 2, 0]; // points following each command: moveTo, lineTo, curveTo, quadraticCurveTo, closePath
  for (let i = 0; i < path.length;) {
    const command = path[i++] ?? 4;
    const n = points[command];
    if (n === undefined) return null; // an unknown command: the outline cannot be read safely
    for (let k = 0; k < n; k++) {
      const x = path[i++] ?? NaN;
      const y = path[i++] ?? NaN;
      if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
      x1 = Math.min(x1, x);
      y1 = Math.min(y1, y);
      x2 = Math.max(x2, x);
      y2 = Math.max(y2, y);
    }
  }
  return x1 === Infinity ? { x1: 0, y1: 0, x2: 0, y2: 0 } : { x1, y1, x2, y2 };
}

interface State {
  ctm: Matrix;
  font: FontObject | null;
  fontName: string;
  fontSize: number;
  fontDirection: number;
  fontMatrix: Matrix;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  mode: number;
  textMatrix: Matrix;
  x: number;
  y: number;
  lineX: number;
  lineY: number;
  lineWidth: number;
  lineJoin: number;
  miterLimit: number;
}

function initialState(base: Matrix): State {
  return {
    ctm: base,
    font: null,
    fontName: "",
    fontSize: 0,
    fontDirection: 1,
    fontMatrix: FONT_IDENTITY,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0,
    mode: 0,
    textMatrix: IDENTITY,
    x: 0,
    y: 0,
    lineX: 0,
    lineY: 0,
    lineWidth: 1,
    lineJoin: 0,
    miterLimit: 10,
  };
}

const num = (v: unknown, fallback = 0): number => (typeof v === "number" && Number.isFinite(v) ? v : fallback);
const matrixOf = (v: unknown): Matrix | null => {
  if (!v || typeof v !== "object" || !("length" in v)) return null;
  const a = Array.from(v as ArrayLike<unknown>, (x) => num(x, NaN));
  return a.length === 6 && a.every(Number.isFinite) ? (a as unknown as Matrix) : null;
};

/**
 * Every glyph the page's operator list shows, in the order pdf.js paints them, in page points
 * with the origin at the top left (`base` is the page's viewport transform at scale 1).
 */
export function pageGlyphs(ops: Ops, list: OperatorList, commonObjs: PdfObjects, base: Matrix): PageGlyphs {
  const glyphs: Glyph[] = [];
  const textOps = new Set<number>();
  const outlines = new Map<string, { bounds: Rect; path: ArrayLike<number> } | null>();
  const stack: State[] = [];
  let s = initialState(base);

  const fontObject = (name: string): FontObject | null => {
    try {
      return commonObjs.has(name) ? (commonObjs.get(name) as FontObject) : null;
    } catch {
      return null;
    }
  };
  const outline = (fontChar: string) => {
    const id = `${s.fontName}_path_${fontChar}`;
    if (!outlines.has(id)) {
      let found: { bounds: Rect; path: ArrayLike<number> } | null = null;
      try {
        const info = commonObjs.has(id) ? (commonObjs.get(id) as { path?: ArrayLike<number> } | null) : null;
        const bounds = info?.path ? outlineBounds(info.path) : null;
        found = bounds && info?.path ? { bounds, path: info.path } : null;
      } catch {
        found = null;
      }
      outlines.set(id, found);
    }
    return outlines.get(id) ?? null;
  };
  const setFont = (name: unknown, size: unknown) => {
    s.fontName = typeof name === "string" ? name : "";
    s.font = fontObject(s.fontName);
    const fm = matrixOf(s.font?.fontMatrix);
    s.fontMatrix = fm && fm[0] !== 0 && fm[3] !== 0 ? fm : FONT_IDENTITY;
    let fontSize = num(size);
    s.fontDirection = fontSize < 0 ? -1 : 1;
    if (fontSize < 0) fontSize = -fontSize;
    s.fontSize = fontSize;
  };
  const moveText = (x: number, y: number) => {
    s.x = s.lineX += x;
    s.y = s.lineY += y;
  };

  const showText = (op: number, items: readonly unknown[]) => {
    const font = s.font;
    textOps.add(op);
    if (!font || s.fontSize === 0) return;
    const fillStroke = s.mode & 3;
    const painted = fillStroke !== 3; // modes 3 and 7 paint nothing
    const stroked = fillStroke === 1 || fillStroke === 2;
    const hs = s.hScale * s.fontDirection;
    const fs = s.fontSize;
    // The text space at the start of this operation: CTM × Tm × translate(x, y + rise).
    const start = multiply(multiply(s.ctm, s.textMatrix), [1, 0, 0, 1, s.x, s.y + s.rise]);
    const ascent = Number.isFinite(font.ascent) && (font.ascent ?? 0) > 0 ? (font.ascent as number) : DEFAULT_ASCENT;
    const descent =
      Number.isFinite(font.descent) && (font.descent ?? 0) < 0 ? (font.descent as number) : DEFAULT_DESCENT;
    // Half the stroke, in page points, with room for mitred corners.
    const tmScale = Math.hypot(s.textMatrix[0], s.textMatrix[1]) || 1;
    const strokePad = stroked
      ? (Math.max(s.lineWidth, 0.5) / tmScale) *
        stretch(multiply(s.ctm, s.textMatrix)) *
        Math.max(1, Math.abs(hs)) *
        0.5 *
        (s.lineJoin === 0 ? Math.max(1, s.miterLimit) : 1)
      : 0;

    const push = (
      g: GlyphObject,
      em: Matrix,
      advance: number,
      ink: Rect | null,
      measured: boolean,
      shapes: readonly Shape[] = [],
    ) => {
      const body = boundsOf(em, 0, descent, advance / fs, ascent);
      const origin = applyTo(em, 0, 0);
      const onePast = applyTo(em, 1, 0);
      const oneUp = applyTo(em, 0, 1);
      glyphs.push({
        text: (g.unicode ?? "").normalize("NFKC"),
        op,
        origin,
        body,
        ink,
        measured,
        shapes,
        end: applyTo(em, advance / fs, 0),
        along: { x: onePast.x - origin.x, y: onePast.y - origin.y },
        up: { x: oneUp.x - origin.x, y: oneUp.y - origin.y },
      });
    };

    if (font.isType3Font) {
      // Type 3 glyphs are little drawings of their own; pdf.js skips invisible ones entirely
      // (not even advancing), and their ink is bounded by the font's declared box.
      if (s.mode === 3) return;
      let x = 0;
      const fm = s.fontMatrix;
      // FontBBox may be all zeros ("unknown"): then the ink is not measured.
      const b = font.bbox && font.bbox.length === 4 ? font.bbox.map((v) => num(v)) : null;
      const bbox = b && (b[2] ?? 0) > (b[0] ?? 0) && (b[3] ?? 0) > (b[1] ?? 0) ? b : null;
      for (const item of items) {
        if (typeof item === "number") {
          x += (-item * fs) / 1000;
          continue;
        }
        const g = item as GlyphObject;
        const spacing = (g.isSpace ? s.wordSpacing : 0) + s.charSpacing;
        const em = multiply(start, [hs * fs, 0, 0, s.fontDirection * fs, hs * x, 0]);
        const glyphSpace = multiply(
          multiply(start, [hs, 0, 0, s.fontDirection, hs * x, 0]),
          multiply([fs, 0, 0, fs, 0, 0], fm),
        );
        const width = (g.width * fm[0] + fm[4]) * fs + spacing; // pdf.js applies the whole font matrix to the width
        const ink = bbox
          ? grow(boundsOf(glyphSpace, bbox[0] ?? 0, bbox[1] ?? 0, bbox[2] ?? 0, bbox[3] ?? 0), strokePad)
          : null;
        push(
          g,
          em,
          width,
          ink ?? grow(boundsOf(em, -0.5, descent - 0.5, width / fs + 0.5, ascent + 0.5), strokePad),
          ink !== null,
        );
        x += width;
      }
      s.x += x * hs;
      return;
    }

    const widthScale = fs * s.fontMatrix[0];
    if (font.isInvalidPDFjsFont || font.vertical) {
      // pdf.js paints these with the system font (a broken font: the whole run at once, advancing
      // by the sum of the widths) or top to bottom (vertical writing). Their glyphs are placed
      // along the run without measured ink; masking such a glyph is refused.
      let x = 0;
      for (const item of items) {
        if (typeof item === "number") continue;
        const g = item as GlyphObject;
        const em = multiply(start, [hs * fs, 0, 0, s.fontDirection * fs, hs * x, 0]);
        const advance = g.width * widthScale;
        push(
          g,
          em,
          advance,
          painted
            ? grow(boundsOf(em, -0.5, descent - 0.5, Math.max(advance / fs, 1) + 0.5, ascent + 0.5), strokePad)
            : null,
          !painted,
        );
        x += advance;
      }
      // A vertical run moves the pen down by an amount not worked out here: later runs on the
      // same line are misplaced, which the pixel check in masking.ts then refuses.
      if (!font.vertical) s.x += x * hs;
      return;
    }
    let x = 0;
    for (const item of items) {
      if (typeof item === "number") {
        x -= (item * fs) / 1000;
        continue;
      }
      const g = item as GlyphObject;
      const spacing = (g.isSpace ? s.wordSpacing : 0) + s.charSpacing;
      const advance = g.width * widthScale + spacing * s.fontDirection;
      // One em of this glyph: pdf.js translates to (x, 0) in the horizontally scaled text space and
      // scales by the font size, flipping y for the canvas; in page terms that is the matrix below.
      const em = multiply(start, [hs * fs, 0, 0, s.fontDirection * fs, hs * x, 0]);
      const visible = painted && (g.isInFont || font.missingFile === true);
      let ink: Rect | null = null;
      let measured = !visible;
      const shapes: Shape[] = [];
      if (visible && !font.missingFile) {
        const o = outline(g.fontChar);
        const accent = g.accent ? outline(g.accent.fontChar) : null;
        if (o && (!g.accent || accent)) {
          ink = boundsOf(em, o.bounds.x1, o.bounds.y1, o.bounds.x2, o.bounds.y2);
          shapes.push({ path: o.path, matrix: em });
          if (g.accent && accent) {
            const a = multiply(em, [1, 0, 0, 1, g.accent.offset.x, g.accent.offset.y]);
            ink = unite(ink, boundsOf(a, accent.bounds.x1, accent.bounds.y1, accent.bounds.x2, accent.bounds.y2));
            shapes.push({ path: accent.path, matrix: a });
          }
          ink = grow(ink, strokePad);
          measured = true;
        }
      }
      if (visible && !measured) {
        // Painted by the system font (the PDF's own font is missing), or an outline pdf.js did not
        // hand over: the ink is not measured, so claim a generous box (masking it is refused).
        ink = grow(boundsOf(em, -0.5, descent - 0.5, Math.max(advance / fs, 1) + 0.5, ascent + 0.5), strokePad);
      }
      push(g, em, advance, ink, measured, shapes);
      x += advance;
    }
    s.x += x * hs;
  };

  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = (list.argsArray[i] ?? []) as unknown[];
    switch (fn) {
      case ops.save:
      case ops.paintFormXObjectBegin:
      case ops.beginGroup:
        stack.push({ ...s });
        if (fn === ops.paintFormXObjectBegin) {
          const m = matrixOf(args[0]);
          if (m) s.ctm = multiply(s.ctm, m);
        }
        break;
      case ops.restore:
      case ops.paintFormXObjectEnd:
      case ops.endGroup:
        s = stack.pop() ?? s;
        break;
      case ops.beginAnnotation: {
        // pdf.js draws each annotation from the page's base transform with a fresh state.
        stack.length = 0;
        s = initialState(base);
        const t = matrixOf(args[2]);
        const m = matrixOf(args[3]);
        if (t) s.ctm = multiply(s.ctm, t);
        if (m) s.ctm = multiply(s.ctm, m);
        break;
      }
      case ops.transform: {
        const m = matrixOf(args);
        if (m) s.ctm = multiply(s.ctm, m);
        break;
      }
      case ops.setLineWidth:
        s.lineWidth = num(args[0], 1);
        break;
      case ops.setLineJoin:
        s.lineJoin = num(args[0]);
        break;
      case ops.setMiterLimit:
        s.miterLimit = num(args[0], 10);
        break;
      case ops.setGState:
        for (const entry of (args[0] ?? []) as [string, unknown][]) {
          if (entry[0] === "Font" && Array.isArray(entry[1])) setFont(entry[1][0], entry[1][1]);
          else if (entry[0] === "LW") s.lineWidth = num(entry[1], 1);
          else if (entry[0] === "LJ") s.lineJoin = num(entry[1]);
          else if (entry[0] === "ML") s.miterLimit = num(entry[1], 10);
        }
        break;
      case ops.beginText:
        s.textMatrix = IDENTITY;
        s.x = s.lineX = 0;
        s.y = s.lineY = 0;
        break;
      case ops.setCharSpacing:
        s.charSpacing = num(args[0]);
        break;
      case ops.setWordSpacing:
        s.wordSpacing = num(args[0]);
        break;
      case ops.setHScale:
        s.hScale = num(args[0], 100) / 100;
        break;
      case ops.setLeading:
        s.leading = -num(args[0]);
        break;
      case ops.setFont:
        setFont(args[0], args[1]);
        break;
      case ops.setTextRenderingMode:
        s.mode = num(args[0]);
        break;
      case ops.setTextRise:
        s.rise = num(args[0]);
        break;
      case ops.moveText:
        moveText(num(args[0]), num(args[1]));
        break;
      case ops.setLeadingMoveText:
        s.leading = num(args[1]);
        moveText(num(args[0]), num(args[1]));
        break;
      case ops.setTextMatrix:
        s.textMatrix = matrixOf(args[0]) ?? matrixOf(args) ?? IDENTITY;
        s.x = s.lineX = 0;
        s.y = s.lineY = 0;
        break;
      case ops.nextLine:
        moveText(0, s.leading);
        break;
      // pdf.js's evaluator turns TJ, ' and " into showText (with nextLine and spacing operations
      // before it), so showText is the one operation that draws text.
      case ops.showText:
        showText(i, (args[0] ?? []) as unknown[]);
        break;
    }
  }
  return { glyphs, textOps };
}
