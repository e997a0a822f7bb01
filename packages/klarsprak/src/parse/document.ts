/**
 * The text the engine analyses, extracted from plain text, Markdown or HTML, with a map
 * back to the original input so every finding points at the original offsets.
 */
export type BlockKind = "heading" | "paragraph" | "item" | "cell";

export interface Block {
  /** Offsets in the extracted text. */
  readonly start: number;
  readonly end: number;
  readonly kind: BlockKind;
}

export interface IgnoreRange {
  /** Offsets in the original input. */
  readonly start: number;
  readonly end: number;
  /** Rule ids, or null for every rule. */
  readonly rules: ReadonlySet<string> | null;
}

/**
 * Piecewise map from extracted offsets to original offsets. Each segment maps
 * [ext, ext+len) to [orig, orig+origLen); when len === origLen the map is linear, otherwise
 * (a decoded entity) every character maps to the whole original span.
 */
export class OffsetMap {
  private readonly ext: number[] = [];
  private readonly orig: number[] = [];
  private readonly len: number[] = [];
  private readonly origLen: number[] = [];

  add(ext: number, orig: number, len: number, origLen = len): void {
    if (len <= 0) return;
    const last = this.ext.length - 1;
    // Merge with the previous segment when both are linear and touch.
    if (
      last >= 0 &&
      len === origLen &&
      this.len[last] === this.origLen[last] &&
      (this.ext[last] as number) + (this.len[last] as number) === ext &&
      (this.orig[last] as number) + (this.origLen[last] as number) === orig
    ) {
      this.len[last] = (this.len[last] as number) + len;
      this.origLen[last] = (this.origLen[last] as number) + len;
      return;
    }
    this.ext.push(ext);
    this.orig.push(orig);
    this.len.push(len);
    this.origLen.push(origLen);
  }

  private find(offset: number): number {
    let lo = 0;
    let hi = this.ext.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.ext[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Original offset of the character at an extracted offset. */
  start(offset: number): number {
    if (this.ext.length === 0) return offset;
    const i = this.find(offset);
    const ext = this.ext[i] as number;
    const len = this.len[i] as number;
    const orig = this.orig[i] as number;
    if (offset >= ext + len) return orig + (this.origLen[i] as number); // in a separator gap
    return len === this.origLen[i] ? orig + (offset - ext) : orig;
  }

  /** Original offset just after the character before an extracted end offset. */
  end(offset: number): number {
    if (this.ext.length === 0) return offset;
    const i = this.find(Math.max(0, offset - 1));
    const ext = this.ext[i] as number;
    const len = this.len[i] as number;
    const orig = this.orig[i] as number;
    const origLen = this.origLen[i] as number;
    if (offset - 1 >= ext + len) return orig + origLen;
    return len === origLen ? orig + (offset - ext) : orig + origLen;
  }
}

export interface ExtractedText {
  readonly text: string;
  readonly blocks: readonly Block[];
  /** null when extracted text and original are the same (plain text). */
  readonly map: OffsetMap | null;
  readonly ignores: readonly IgnoreRange[];
}

/** Builds the extracted text block by block; blocks are joined with a blank line. */
export class TextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private blockStart = -1;
  private kind: BlockKind = "paragraph";
  readonly blocks: Block[] = [];
  readonly map = new OffsetMap();

  openBlock(kind: BlockKind): void {
    this.closeBlock();
    this.kind = kind;
    this.blockStart = this.length;
  }

  /** Appends text taken from the original at origStart (origLen differs for decoded entities). */
  append(text: string, origStart: number, origLen = text.length): void {
    if (text.length === 0) return;
    if (this.blockStart < 0) this.openBlock("paragraph");
    this.map.add(this.length, origStart, text.length, origLen);
    this.parts.push(text);
    this.length += text.length;
  }

  /** Text that exists only in the extraction (a space between inline parts). */
  appendSeparator(text: string): void {
    if (this.blockStart < 0) return;
    this.parts.push(text);
    this.length += text.length;
  }

  closeBlock(): void {
    if (this.blockStart < 0) return;
    if (this.length > this.blockStart) {
      this.blocks.push({ start: this.blockStart, end: this.length, kind: this.kind });
      this.parts.push("\n\n");
      this.length += 2;
    }
    this.blockStart = -1;
  }

  finish(ignores: readonly IgnoreRange[]): ExtractedText {
    this.closeBlock();
    return { text: this.parts.join(""), blocks: this.blocks, map: this.map, ignores };
  }
}

const DIRECTIVE = /^\s*klarsprak-(disable-next-line|disable|enable)\b([\s\S]*)$/;

/**
 * Inline ignore comments, in Markdown and HTML:
 *   <!-- klarsprak-disable --> … <!-- klarsprak-enable -->        every rule
 *   <!-- klarsprak-disable s-passive nominalisation -->          named rules
 *   <!-- klarsprak-disable-next-line -->                          the next line only
 */
export class IgnoreCollector {
  private readonly open = new Map<string, number>();
  readonly ranges: IgnoreRange[] = [];

  constructor(private readonly source: string) {}

  comment(body: string, start: number, end: number): void {
    const m = DIRECTIVE.exec(body);
    if (!m) return;
    const names = (m[2] ?? "")
      .trim()
      .split(/[\s,]+/)
      .filter(Boolean);
    const key = names.length === 0 ? "*" : names.sort().join(",");
    if (m[1] === "disable-next-line") {
      const lineEnd = this.source.indexOf("\n", end);
      const nextEnd = lineEnd < 0 ? this.source.length : this.source.indexOf("\n", lineEnd + 1);
      this.ranges.push({
        start: end,
        end: nextEnd < 0 ? this.source.length : nextEnd,
        rules: names.length ? new Set(names) : null,
      });
    } else if (m[1] === "disable") {
      if (!this.open.has(key)) this.open.set(key, end);
    } else {
      // "enable" without names closes every open range; with names, the matching one.
      for (const [k, from] of [...this.open]) {
        if (key === "*" || k === key) {
          this.ranges.push({ start: from, end: start, rules: k === "*" ? null : new Set(k.split(",")) });
          this.open.delete(k);
        }
      }
    }
  }

  finish(): IgnoreRange[] {
    for (const [k, from] of this.open)
      this.ranges.push({ start: from, end: this.source.length, rules: k === "*" ? null : new Set(k.split(",")) });
    this.open.clear();
    return this.ranges;
  }
}
