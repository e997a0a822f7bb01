/** Small text rules several modules share: slugs, e-mail addresses, Swedish full-text prefix queries. */

/** A slug from a name: "Stöd vid våld" → "stod-vid-vald". Empty when the name has no letters or digits. */
export function slugify(name: string, maxLength = 80): string {
  return name
    .toLowerCase()
    .replace(/[åä]/g, "a").replace(/ö/g, "o")
    .normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/, "");
}

/** An address someone can be written to: name@domain.tld (a top-level domain of two letters or more). */
export function isEmailAddress(s: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(s);
}

/**
 * A Swedish `to_tsquery` from what a person typed: every word as a prefix (so "kväll" finds
 * "kvällsöppet", and "mötesplats" finds "mötesplatsen", which the stemmer cuts differently).
 * Only letters and digits reach the query, so nothing typed can break its syntax. `all`: every
 * word required (a search box) or any of them (finding related texts).
 */
export function swedishPrefixQuery(text: string, options: { all?: boolean; minLength?: number; maxWords?: number } = {}): string | null {
  const { all = true, minLength = 2, maxWords = 8 } = options;
  const words = [...new Set((text.toLowerCase().normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= minLength))].slice(0, maxWords);
  return words.length > 0 ? words.map((w) => `${w}:*`).join(all ? " & " : " | ") : null;
}
