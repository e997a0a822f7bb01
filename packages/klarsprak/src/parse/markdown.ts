import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTable } from "micromark-extension-gfm-table";
import { IgnoreCollector, TextBuilder, type BlockKind, type ExtractedText } from "./document.js";

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const BLOCKS: Record<string, BlockKind> = { heading: "heading", paragraph: "paragraph", tableCell: "cell" };
const SKIP = new Set(["code", "inlineCode", "image", "imageReference", "definition", "thematicBreak", "yaml", "toml"]);

/**
 * Maps the characters of a decoded text node back to its source slice: most are the same,
 * escapes ("\*") and entities ("&amp;") are longer in the source.
 */
function appendAligned(b: TextBuilder, value: string, source: string, start: number, end: number): void {
  if (end - start === value.length && source.slice(start, end) === value) {
    b.append(value, start);
    return;
  }
  let si = start;
  for (let vi = 0; vi < value.length; vi++) {
    const ch = value[vi] as string;
    let found = source.indexOf(ch, si);
    if (found < 0 || found >= end) found = Math.min(si, end - 1);
    // Everything skipped in the source (a backslash, an entity) belongs to this character.
    const next = vi + 1 < value.length ? source.indexOf(value[vi + 1] as string, found + 1) : end;
    const origLen = next > found && next <= end ? (source[found] === ch ? 1 : next - found) : 1;
    b.append(ch, found, Math.max(1, origLen));
    si = found + 1;
  }
}

export function extractMarkdown(source: string): ExtractedText {
  const tree = fromMarkdown(source, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] }) as MdNode;
  const b = new TextBuilder();
  const ignores = new IgnoreCollector(source);
  const walk = (node: MdNode): void => {
    if (SKIP.has(node.type)) return;
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? start;
    if (node.type === "html") {
      const m = /^<!--([\s\S]*?)-->$/.exec((node.value ?? "").trim());
      if (m) ignores.comment(m[1] ?? "", start, end);
      return;
    }
    if (node.type === "text") {
      appendAligned(b, node.value ?? "", source, start, end);
      return;
    }
    if (node.type === "break") {
      b.appendSeparator(" ");
      return;
    }
    const kind = BLOCKS[node.type];
    if (kind) b.openBlock(kind);
    for (const child of node.children ?? []) walk(child);
    if (kind) b.closeBlock();
  };
  walk(tree);
  return b.finish(ignores.finish());
}
