/**
 * The help catalogue's search ranking in process memory, so a search nobody has made before
 * does not queue for the database: the published pages' search vectors (PostgreSQL's Swedish
 * `tsvector`, weights and positions) are read once a minute and searched here.
 *
 * It does what the SQL in search.ts does, in the same terms:
 * - a query word is the PostgreSQL stem of the word as a prefix (`to_tsvector('swedish', w)`,
 *   asked once per word and kept), and a page matches when the groups of alternatives hold, as
 *   `search @@ to_tsquery(…)` would;
 * - the rank is PostgreSQL's `ts_rank_cd` with weights {0.1, 0.3, 0.6, 1.0} and normalisation 1
 *   (cover density: each shortest stretch of the page that satisfies the query adds its
 *   words' weights, less for words in between; divided by the log of the page's length), plus
 *   half of pg_trgm's `word_similarity` between the query and the page's name: the share of the
 *   query's trigrams found in the best stretch of the name.
 * The tests compare it with the database on the search test set (search.test / catalogue-search).
 */

/** A page's word: its stem, and where in the page it stands (position and weight class, D 0 … A 3). */
interface Entry {
  readonly lexeme: string;
  readonly positions: readonly number[];
  readonly weights: readonly number[];
}

export interface IndexedService {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly summary: string;
  readonly entries: readonly Entry[];
  /** PostgreSQL's `cnt_length`: every position counted, a word without positions as one. */
  readonly length: number;
  /** The name's trigrams in order (pg_trgm's padding), for the name's share of the score. */
  readonly nameTrigrams: readonly string[];
}

/** Reads a `tsvector` as text: `'bistånd':2 'ekonomisk':1A,5B 'it''s':3`. */
export function parseTsvector(text: string): Entry[] {
  const entries: Entry[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] !== "'") {
      i++;
      continue;
    }
    let lexeme = "";
    i++;
    while (i < text.length) {
      if (text[i] === "'") {
        if (text[i + 1] === "'") {
          lexeme += "'";
          i += 2;
          continue;
        }
        i++;
        break;
      }
      lexeme += text[i];
      i++;
    }
    const positions: number[] = [];
    const weights: number[] = [];
    if (text[i] === ":") {
      i++;
      const m = /^[0-9A-D,]+/.exec(text.slice(i, i + 4096));
      const list = m?.[0] ?? "";
      i += list.length;
      for (const part of list.split(",")) {
        const pm = /^(\d+)([A-D]?)$/.exec(part);
        if (!pm) continue;
        positions.push(Number(pm[1]));
        weights.push(pm[2] === "A" ? 3 : pm[2] === "B" ? 2 : pm[2] === "C" ? 1 : 0);
      }
    }
    entries.push({ lexeme, positions, weights });
  }
  return entries;
}

/** pg_trgm's trigrams of a text, in order: each word of letters and digits padded "  word ". */
export function trigramsInOrder(text: string): string[] {
  const out: string[] = [];
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    const padded = [..." ", ..." ", ...word, ..." "];
    for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3).join(""));
  }
  return out;
}

/**
 * The greatest similarity between the query's trigrams and any unbroken stretch of the name's:
 * shared / (query's + stretch's − shared), as pg_trgm's `word_similarity` defines it.
 */
export function wordSimilarity(queryTrigrams: ReadonlySet<string>, nameTrigrams: readonly string[]): number {
  if (queryTrigrams.size === 0 || nameTrigrams.length === 0) return 0;
  let best = 0;
  for (let start = 0; start < nameTrigrams.length; start++) {
    if (!queryTrigrams.has(nameTrigrams[start] as string)) continue;
    const seen = new Set<string>();
    let shared = 0;
    for (let end = start; end < nameTrigrams.length; end++) {
      const t = nameTrigrams[end] as string;
      if (seen.has(t)) continue;
      seen.add(t);
      if (queryTrigrams.has(t)) {
        shared++;
        const s = shared / (queryTrigrams.size + seen.size - shared);
        if (s > best) best = s;
      }
    }
  }
  return Math.fround(best);
}

export function indexService(row: {
  id: string;
  slug: string;
  name: string;
  summary: string;
  vector: string;
}): IndexedService {
  const entries = parseTsvector(row.vector);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    summary: row.summary,
    entries,
    length: entries.reduce((n, e) => n + Math.max(1, e.positions.length), 0),
    nameTrigrams: trigramsInOrder(row.name),
  };
}

/** A query: groups of alternatives, each alternative stems that must all be there, the groups joined by AND or OR. */
export interface StemQuery {
  readonly groups: readonly (readonly (readonly string[])[])[];
  readonly joiner: "&" | "|";
}

/** Query operands, each a stem read as a prefix; the tree over them. */
interface Compiled {
  readonly stems: readonly string[];
  readonly test: (has: (operand: number) => boolean) => boolean;
}

function compile(query: StemQuery): Compiled | null {
  const stems: string[] = [];
  const operand = (stem: string): number => {
    const at = stems.indexOf(stem);
    if (at >= 0) return at;
    stems.push(stem);
    return stems.length - 1;
  };
  const groups = query.groups
    .map((alternatives) => alternatives.map((words) => words.map(operand)).filter((words) => words.length > 0))
    .filter((alternatives) => alternatives.length > 0);
  if (groups.length === 0) return null;
  const groupHolds = (alternatives: readonly (readonly number[])[], has: (o: number) => boolean) =>
    alternatives.some((words) => words.every(has));
  return {
    stems,
    test:
      query.joiner === "&"
        ? (has) => groups.every((g) => groupHolds(g, has))
        : (has) => groups.some((g) => groupHolds(g, has)),
  };
}

/** The weights {D 0.1, C 0.3, B 0.6, A 1.0}, inverted as ts_rank_cd uses them. */
const INVERSE_WEIGHTS = [1 / 0.1, 1 / 0.3, 1 / 0.6, 1 / 1.0];

/** PostgreSQL's `ts_rank_cd(weights, vector, query, 1)` for one page, as a float4. */
function coverDensity(doc: IndexedService, compiled: Compiled, matches: readonly (readonly number[])[]): number {
  // The page's words that some operand matches, one item per (position, word), in order.
  const items: { pos: number; weight: number; entry: number; operands: Set<number> }[] = [];
  const byKey = new Map<string, (typeof items)[number]>();
  matches.forEach((entryIndexes, op) => {
    for (const e of entryIndexes) {
      const entry = doc.entries[e] as Entry;
      const positions = entry.positions.length > 0 ? entry.positions : [0];
      positions.forEach((pos, k) => {
        const key = `${pos}:${e}`;
        const found = byKey.get(key);
        if (found) found.operands.add(op);
        else {
          const item = { pos, weight: entry.weights[k] ?? 0, entry: e, operands: new Set([op]) };
          byKey.set(key, item);
          items.push(item);
        }
      });
    }
  });
  if (items.length === 0) return 0;
  items.sort((a, b) => a.pos - b.pos || a.entry - b.entry);
  let wdoc = 0;
  let from = 0;
  const present = new Set<number>();
  const holds = () => compiled.test((o) => present.has(o));
  while (from < items.length) {
    // The cover's upper end: the first item from `from` on where the query holds.
    present.clear();
    let endAt = -1;
    for (let i = from; i < items.length; i++) {
      for (const o of (items[i] as (typeof items)[number]).operands) present.add(o);
      if (holds()) {
        endAt = i;
        break;
      }
    }
    if (endAt < 0) break;
    // Its lower end: walking back from there, the first item where the query holds again.
    present.clear();
    let beginAt = -1;
    let i = endAt;
    for (; i >= from; i--) {
      for (const o of (items[i] as (typeof items)[number]).operands) present.add(o);
      if (holds()) {
        beginAt = i;
        break;
      }
    }
    if (beginAt < 0) {
      from++;
      continue;
    }
    let inverse = 0;
    for (let k = beginAt; k <= endAt; k++)
      inverse += INVERSE_WEIGHTS[(items[k] as (typeof items)[number]).weight] ?? 10;
    const span = endAt - beginAt;
    const cpos = (span + 1) / inverse;
    const p = (items[beginAt] as (typeof items)[number]).pos;
    const q = (items[endAt] as (typeof items)[number]).pos;
    let noise = q - p - span;
    if (noise < 0) noise = Math.trunc(span / 2);
    wdoc += cpos / (1 + noise);
    from = i + 1;
  }
  if (doc.entries.length > 0) wdoc /= Math.log(doc.length + 1);
  return Math.fround(wdoc);
}

export interface RankedHit {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly summary: string;
  readonly score: number;
}

/** pg_trgm's `similarity` of two single words: shared trigrams over all trigrams (a float4). */
export function trigramSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  const all = a.size + b.size - shared;
  return all === 0 ? 0 : Math.fround(shared / all);
}

/**
 * The catalogue's words (`catalogue_terms`) with a trigram index: what the GIN trigram index
 * does for search.ts's misspelling lookup, in memory.
 */
export class TermIndex {
  private readonly terms: readonly string[];
  private readonly folded: readonly ReadonlySet<string>[];
  private readonly known: ReadonlySet<string>;
  private readonly byTrigram = new Map<string, number[]>();

  constructor(rows: readonly { term: string; folded: string }[]) {
    this.terms = rows.map((r) => r.term);
    this.known = new Set(this.terms);
    this.folded = rows.map((r, i) => {
      const set = new Set(trigramsInOrder(r.folded));
      for (const t of set) {
        const list = this.byTrigram.get(t);
        if (list) list.push(i);
        else this.byTrigram.set(t, [i]);
      }
      return set;
    });
  }

  has(word: string): boolean {
    return this.known.has(word);
  }

  /** The (at most `max`) words most like `folded`, at least `min` similar, nearest first (ties by the word). */
  nearest(folded: string, min: number, max: number): string[] {
    const mine = new Set(trigramsInOrder(folded));
    const seen = new Set<number>();
    const found: { term: string; sim: number }[] = [];
    for (const t of mine)
      for (const i of this.byTrigram.get(t) ?? []) {
        if (seen.has(i)) continue;
        seen.add(i);
        const sim = trigramSimilarity(mine, this.folded[i] as ReadonlySet<string>);
        if (sim >= min) found.push({ term: this.terms[i] as string, sim });
      }
    found.sort((a, b) => b.sim - a.sim || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
    return found.slice(0, max).map((f) => f.term);
  }
}

export class CatalogueIndex {
  readonly services: readonly IndexedService[];
  /** Every stem in the catalogue, sorted, with the pages and words it appears in. */
  private readonly lexemes: readonly { lexeme: string; postings: readonly [number, number][] }[];

  constructor(services: readonly IndexedService[]) {
    this.services = services;
    const postings = new Map<string, [number, number][]>();
    services.forEach((s, d) =>
      s.entries.forEach((e, k) => {
        const list = postings.get(e.lexeme);
        if (list) list.push([d, k]);
        else postings.set(e.lexeme, [[d, k]]);
      }),
    );
    this.lexemes = [...postings.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([lexeme, list]) => ({ lexeme, postings: list }));
  }

  /** Every (page, word) whose stem starts with `prefix` (a binary search over the sorted stems). */
  private withPrefix(prefix: string): [number, number][] {
    let lo = 0;
    let hi = this.lexemes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.lexemes[mid] as { lexeme: string }).lexeme < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: [number, number][] = [];
    for (let i = lo; i < this.lexemes.length; i++) {
      const l = this.lexemes[i] as { lexeme: string; postings: readonly [number, number][] };
      if (!l.lexeme.startsWith(prefix)) break;
      out.push(...l.postings);
    }
    return out;
  }

  /** The pages the query matches, best first (score, then name), as the SQL ranking orders them. */
  rank(query: StemQuery, raw: string, exclude: ReadonlySet<string>, limit: number): RankedHit[] {
    const compiled = compile(query);
    if (!compiled) return [];
    // Per page: for each operand, the page's words it matches.
    const perDoc = new Map<number, number[][]>();
    compiled.stems.forEach((stem, op) => {
      for (const [d, k] of this.withPrefix(stem)) {
        let m = perDoc.get(d);
        if (!m) perDoc.set(d, (m = compiled.stems.map(() => [])));
        (m[op] as number[]).push(k);
      }
    });
    const queryTrigrams = new Set(trigramsInOrder(raw));
    const hits: RankedHit[] = [];
    for (const [d, matches] of perDoc) {
      const doc = this.services[d] as IndexedService;
      if (exclude.has(doc.id)) continue;
      if (!compiled.test((o) => (matches[o] as number[]).length > 0)) continue;
      const score = coverDensity(doc, compiled, matches) + 0.5 * wordSimilarity(queryTrigrams, doc.nameTrigrams);
      hits.push({ id: doc.id, slug: doc.slug, name: doc.name, summary: doc.summary, score });
    }
    hits.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, "sv"));
    return hits.slice(0, limit);
  }
}
