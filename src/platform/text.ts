/** Small text rules several modules share: slugs, e-mail addresses, Swedish full-text prefix queries. */

/** A slug from a name: "Stöd vid våld" → "stod-vid-vald". Empty when the name has no letters or digits. */
export function slugify(name: string, maxLength = 80): string {
  return name
    .toLowerCase()
    .replace(/[åä]/g, "a")
    .replace(/ö/g, "o")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/, "");
}

/**
 * One address someone can be written to: name@domain.tld (a top-level domain of two letters or
 * more). The local part is RFC 5322 `atext` (letters may be any script), so nothing that a mail
 * library reads as a list (",", ";"), a display name ("<", "\"") or a header break (CR, LF) passes.
 */
export function isEmailAddress(s: string): boolean {
  return (
    s.length <= 254 &&
    /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$/u.test(
      s,
    )
  );
}

/**
 * A Swedish `to_tsquery` from what a person typed: every word as a prefix (so "kväll" finds
 * "kvällsöppet", and "mötesplats" finds "mötesplatsen", which the stemmer cuts differently).
 * Only letters and digits reach the query, so nothing typed can break its syntax. `all`: every
 * word required (a search box) or any of them (finding related texts).
 */
export function swedishPrefixQuery(
  text: string,
  options: { all?: boolean; minLength?: number; maxWords?: number } = {},
): string | null {
  const { all = true, minLength = 2, maxWords = 8 } = options;
  const words = [
    ...new Set(
      (
        text
          .toLowerCase()
          .normalize("NFC")
          .match(/[\p{L}\p{N}]+/gu) ?? []
      ).filter((w) => w.length >= minLength),
    ),
  ].slice(0, maxWords);
  return words.length > 0 ? words.map((w) => `${w}:*`).join(all ? " & " : " | ") : null;
}

/**
 * The first `max` UTF-16 units of a text, never half a character: a surrogate pair (an emoji,
 * a rare CJK character) is kept whole or left out. Cutting one in two leaves a string that
 * cannot be encoded or put in a link.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

/** A preview of at most `max` characters, with "…" where it was cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${clip(text, max - 1).trimEnd()}…`;
}

/** Text as it may be stored: lone surrogates (half characters) become U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

/**
 * JavaScript's \b knows only ASCII letters, so /\bärende/ never matches after a space and
 * /\b(?:övergrepp)/ never matches at all. Rules are written with \b; this makes every \b a
 * Unicode word edge.
 */
export function unicodeEdges(re: RegExp): RegExp {
  const W = "[\\p{L}\\p{N}_]";
  const edge = `(?:(?<=${W})(?!${W})|(?<!${W})(?=${W}))`;
  const source = re.source.replace(/(?<!\\)((?:\\\\)*)\\b/g, `$1${edge}`);
  return new RegExp(source, re.flags.includes("u") ? re.flags : `${re.flags}u`);
}
