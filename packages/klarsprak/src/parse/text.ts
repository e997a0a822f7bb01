import type { Block, ExtractedText } from "./document.js";

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
    while (s < e && /\s/.test(source[s] as string)) s++;
    while (e > s && /\s/.test(source[e - 1] as string)) e--;
    if (e <= s) return;
    const slice = source.slice(s, e);
    const oneLine = !slice.includes("\n");
    const words = oneLine ? slice.split(/\s+/).length : 99;
    const heading = oneLine && words <= 10 && !TERMINAL.test(slice) && /^[\p{Lu}\d]/u.test(slice);
    blocks.push({ start: s, end: e, kind: heading ? "heading" : "paragraph" });
  };
  for (let m = blank.exec(source); m; m = blank.exec(source)) {
    push(start, m.index);
    start = m.index + m[0].length;
  }
  push(start, source.length);
  return { text: source, blocks, map: null, ignores: [] };
}
