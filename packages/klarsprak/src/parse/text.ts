import type { Block, ExtractedText } from "./document.js";

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xa0 || c === 12 || c === 11;
}

const TERMINAL = /[.!?:;…"”»)]\s*$/;

/**
 * Plain text: paragraphs are separated by blank lines. A paragraph of one short line without
 * final punctuation is taken as a heading ("Så ansöker du"), as writers do in e-mails.
 */
export function extractText(source: string): ExtractedText {
  const blocks: Block[] = [];
  const blank = /\n[ \t\r]*\n/g;
  let start = 0;
  const push = (from: number, to: number) => {
    let s = from;
    let e = to;
    while (s < e && isSpace(source.charCodeAt(s))) s++;
    while (e > s && isSpace(source.charCodeAt(e - 1))) e--;
    if (e <= s) return;
    // Only a short block can be a heading; long ones are never sliced or split.
    let heading = false;
    if (e - s <= 120) {
      const slice = source.slice(s, e);
      heading =
        !slice.includes("\n") && slice.split(/\s+/).length <= 10 && !TERMINAL.test(slice) && /^[\p{Lu}\d]/u.test(slice);
    }
    blocks.push({ start: s, end: e, kind: heading ? "heading" : "paragraph" });
  };
  for (let m = blank.exec(source); m; m = blank.exec(source)) {
    push(start, m.index);
    start = m.index + m[0].length;
  }
  push(start, source.length);
  return { text: source, blocks, map: null, ignores: [] };
}
