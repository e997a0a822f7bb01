/**
 * Release text: Markdown (marked) turned into HTML and then sanitised (sanitize-html) with a
 * short allow-list — headings, paragraphs, lists, emphasis, quotes, tables and links to http,
 * https and mailto. Script, style, event handlers, iframes and javascript: links never survive.
 */
import { marked } from "marked";
import sanitizeHtml from "sanitize-html";

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    "h2",
    "h3",
    "h4",
    "p",
    "br",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "b",
    "i",
    "blockquote",
    "a",
    "code",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
  ],
  allowedAttributes: { a: ["href", "title"], th: ["scope"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // A heading in the text is never the page's h1.
  transformTags: { h1: "h2" },
};

export function renderMarkdown(md: string): string {
  const html = marked.parse(md, { async: false, gfm: true, breaks: false });
  return sanitizeHtml(html, ALLOWED);
}

/** Plain text of a release body (for feeds' summaries and mail). */
export function markdownToText(md: string): string {
  return sanitizeHtml(renderMarkdown(md), { allowedTags: [], allowedAttributes: {} })
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
