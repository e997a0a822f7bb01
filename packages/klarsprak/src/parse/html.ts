import { decodeHTML } from "entities";
import { Parser } from "htmlparser2";
import { IgnoreCollector, TextBuilder, type BlockKind, type ExtractedText } from "./document.js";

const BLOCK_TAGS: Record<string, BlockKind> = {
  h1: "heading",
  h2: "heading",
  h3: "heading",
  h4: "heading",
  h5: "heading",
  h6: "heading",
  p: "paragraph",
  div: "paragraph",
  section: "paragraph",
  article: "paragraph",
  main: "paragraph",
  header: "paragraph",
  footer: "paragraph",
  aside: "paragraph",
  nav: "paragraph",
  blockquote: "paragraph",
  figcaption: "paragraph",
  caption: "cell",
  dd: "paragraph",
  dt: "paragraph",
  address: "paragraph",
  li: "item",
  td: "cell",
  th: "cell",
  summary: "heading",
  legend: "heading",
  label: "paragraph",
  form: "paragraph",
  body: "paragraph",
  ul: "paragraph",
  ol: "paragraph",
  table: "paragraph",
  tr: "paragraph",
  details: "paragraph",
};
const IGNORED = new Set([
  "script",
  "style",
  "code",
  "pre",
  "template",
  "noscript",
  "svg",
  "math",
  "kbd",
  "samp",
  "head",
  "textarea",
  "select",
]);
const ENTITY = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);?/gi;

function appendDecoded(b: TextBuilder, raw: string, origStart: number): void {
  let last = 0;
  ENTITY.lastIndex = 0;
  for (let m = ENTITY.exec(raw); m; m = ENTITY.exec(raw)) {
    const decoded = decodeHTML(m[0]);
    if (decoded === m[0]) continue;
    b.append(raw.slice(last, m.index), origStart + last);
    b.append(decoded, origStart + m.index, m[0].length);
    last = m.index + m[0].length;
  }
  b.append(raw.slice(last), origStart + last);
}

export function extractHtml(source: string): ExtractedText {
  const b = new TextBuilder();
  const ignores = new IgnoreCollector(source);
  let ignoreDepth = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (IGNORED.has(name)) ignoreDepth++;
        else if (name === "br") b.appendSeparator(" ");
        else {
          const kind = BLOCK_TAGS[name];
          if (kind && ignoreDepth === 0) b.openBlock(kind);
        }
      },
      onclosetag(name) {
        if (IGNORED.has(name)) ignoreDepth = Math.max(0, ignoreDepth - 1);
        else if (BLOCK_TAGS[name] && ignoreDepth === 0) b.closeBlock();
      },
      ontext(text) {
        if (ignoreDepth > 0) return;
        appendDecoded(b, text, parser.startIndex);
      },
      oncomment(data) {
        ignores.comment(data, parser.startIndex, parser.endIndex + 1);
      },
    },
    { decodeEntities: false, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(source);
  parser.end();
  return b.finish(ignores.finish());
}
