/** Structured data for search engines (schema.org JSON-LD) in a page's head. */

/** JSON that cannot close the script element it stands in: "<", ">", "&" and the line separators escaped. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export function JsonLd(p: { data: unknown }): JSX.Element {
  return `<script type="application/ld+json">${jsonForScript(p.data)}</script>`;
}
