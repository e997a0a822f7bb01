/**
 * Swedish search in the help catalogue. PostgreSQL's Swedish stemmer is weak on compounds and
 * definite forms, and residents misspell, so every search word becomes a group of
 * alternatives before it reaches the full-text index:
 *   - the word itself as a prefix ("familjehem" → familjehemmet, familjehemsplacerade),
 *   - the catalogue words nearest to it by trigram similarity when it is not a catalogue word
 *     ("ekonomsikt" → ekonomiskt),
 *   - the longest catalogue word it starts with, for compounds the catalogue does not
 *     have ("familjehemsfrågor" → familjehems…),
 *   - the expansions staff wrote ("soc" → socialtjänsten, "bidrag" → ekonomiskt bistånd).
 * All words must match (AND); when that finds fewer than three services, services matching
 * any word follow, ranked lower. Ranking: weighted cover density (name A, keywords and summary
 * B, the rest C) plus how close the query is to the service's name.
 */
import { sql, type Kysely } from "kysely";
import type { DB } from "../../platform/db/schema.js";
import type { Executor as Db } from "../../platform/db/database.js";
import { changeVersion, noteTablesRead } from "../../platform/db/changes.js";
import { CatalogueIndex, indexService, parseTsvector, TermIndex, type StemQuery } from "./search-index.js";

export interface SearchHit {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly summary: string;
  readonly score: number;
}

export interface SearchResult {
  readonly hits: readonly SearchHit[];
  /** Words that were read as other catalogue words: shown as "Vi sökte också på …". */
  readonly corrections: readonly { from: string; to: string }[];
}

const MAX_TOKENS = 8;
const MAX_HITS = 50;
/** A misspelt word must be at least this close (pg_trgm similarity) to a catalogue word. */
const MIN_SIMILARITY = 0.38;
const MIN_COMPOUND_PART = 5;
/** Letters compared without their marks when matching misspellings. */
const FOLD_FROM = "åäöéèüæø";
const FOLD_TO = "aaoeeuao";

/** Lowercase words of letters and digits; anything else separates words. */
export function tokenize(query: string): string[] {
  const words = query
    .normalize("NFC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && w.length <= 40);
  return [...new Set(words)].slice(0, MAX_TOKENS);
}

/** One word in tsquery syntax, or null when it holds nothing the index knows. */
function lexeme(word: string): string | null {
  const clean = word.replace(/[^\p{L}\p{N}]/gu, "");
  return clean ? `${clean}:*` : null;
}

export interface Synonym {
  readonly term: string;
  readonly expansion: string;
}

interface Group {
  readonly token: string;
  readonly alternatives: readonly string[][];
}

/** Each query word → its alternatives (each alternative is one or more words that must all match). */
export function groupsFor(
  tokens: readonly string[],
  synonyms: readonly Synonym[],
  nearby: ReadonlyMap<string, readonly string[]>,
): Group[] {
  const synonymMap = new Map(synonyms.map((s) => [s.term.toLowerCase(), tokenize(s.expansion)]));
  const groups: Group[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    // A two-word synonym ("ekonomiskt stöd") consumes both words.
    const pair = i + 1 < tokens.length ? `${token} ${tokens[i + 1]}` : undefined;
    if (pair && synonymMap.has(pair)) {
      groups.push({ token: pair, alternatives: [[token, tokens[i + 1] as string], synonymMap.get(pair) as string[]] });
      i++;
      continue;
    }
    const alternatives: string[][] = [[token], ...(nearby.get(token) ?? []).map((w) => [w])];
    const expansion = synonymMap.get(token);
    if (expansion && expansion.length > 0) alternatives.push(expansion);
    groups.push({ token, alternatives });
  }
  return groups;
}

/** tsquery text: alternatives OR-ed within a group, groups joined by `joiner`. Only letters and digits reach it. */
export function tsqueryFor(groups: readonly Group[], joiner: "&" | "|"): string | null {
  const parts = groups
    .map((g) => {
      const alts = g.alternatives
        .map((words) => words.map(lexeme).filter((w): w is string => w !== null))
        .filter((words) => words.length > 0)
        .map((words) => (words.length === 1 ? (words[0] as string) : `(${words.join(" & ")})`));
      return alts.length === 0 ? null : `(${[...new Set(alts)].join(" | ")})`;
    })
    .filter((p): p is string => p !== null);
  return parts.length === 0 ? null : parts.join(` ${joiner} `);
}

/** What the database said about one search word. */
interface WordFacts {
  /** A Swedish stop word ("jag", "för"). */
  readonly stop: boolean;
  /** A word the catalogue has: no misspelling lookup. */
  readonly known: boolean;
  /** The catalogue words it may have meant, nearest first, and the compound part it starts with. */
  readonly alternatives: readonly string[];
}

/**
 * Search words and synonyms kept in memory for a while. Searches are seldom the same twice, but
 * their words are: "ekonomsikt", "hyra" and "skuld" come back in many searches. With every word
 * known, a search never seen before asks the database nothing (the ranking runs in memory,
 * search-index.ts). Kept `WORD_MEMO_MS`, and forgotten at once in this process when the catalogue's
 * words or synonyms change (`forgetSearchWords`); another process (the worker's nightly word
 * list) is seen within that time, and a stale entry only costs a misspelling suggestion.
 */
const WORD_MEMO_MS = 60_000;
const WORD_MEMO_MAX = 50_000;
const wordMemo = new Map<string, { facts: WordFacts; at: number }>();
const synonymMemo = new Map<string, { synonyms: readonly Synonym[]; at: number }>();
const indexMemo = new Map<
  string,
  { index: Promise<{ pages: CatalogueIndex; words: TermIndex }>; at: number; versions: string }
>();
/** What the search keeps copies of: a change to any of them (seen by the change clock) makes the copies old. */
const SEARCH_TABLES = ["catalogue_services", "catalogue_terms", "catalogue_synonyms"] as const;
const searchVersions = () => SEARCH_TABLES.map(changeVersion).join(",");
/** Each word's PostgreSQL stem (null: a stop word; "complex": the parser reads it as several words). */
const stemMemo = new Map<string, string | null | "complex">();
const STEM_MEMO_MAX = 100_000;

/** The published pages and the catalogue's words, searchable in memory; read again after `WORD_MEMO_MS` or a change here. */
function catalogueIndex(db: Db, orgId: string): Promise<{ pages: CatalogueIndex; words: TermIndex }> {
  const now = Date.now();
  const versions = searchVersions();
  const hit = indexMemo.get(orgId);
  if (hit && now - hit.at <= WORD_MEMO_MS && hit.versions === versions) return hit.index;
  const index = Promise.all([
    db
      .selectFrom("catalogue_services")
      .select(["id", "slug", "name", "summary", sql<string>`search::text`.as("vector")])
      .where("org_id", "=", orgId)
      .where("published", "=", true)
      .execute(),
    db.selectFrom("catalogue_terms").select(["term", "folded"]).where("org_id", "=", orgId).execute(),
  ]).then(([pages, words]) => ({ pages: new CatalogueIndex(pages.map(indexService)), words: new TermIndex(words) }));
  // A failed read is not kept: the next search asks again.
  index.catch(() => indexMemo.delete(orgId));
  indexMemo.set(orgId, { index, at: now, versions });
  return index;
}

/** The stems of the words, from memory or in one statement for the words not seen before. */
async function stemsOf(db: Db, words: readonly string[]): Promise<Map<string, string | null | "complex">> {
  const missing = [...new Set(words.filter((w) => !stemMemo.has(w)))];
  if (missing.length > 0) {
    const rows = await sql<{ w: string; v: string }>`
      select w, to_tsvector('swedish', w)::text as v from unnest(${missing}::text[]) as w`.execute(db);
    for (const r of rows.rows) {
      const lexemes = parseTsvector(r.v).map((e) => e.lexeme);
      if (stemMemo.size >= STEM_MEMO_MAX) stemMemo.delete(stemMemo.keys().next().value as string);
      stemMemo.set(r.w, lexemes.length === 0 ? null : lexemes.length === 1 ? (lexemes[0] as string) : "complex");
    }
  }
  return new Map(words.map((w) => [w, stemMemo.get(w) ?? null]));
}

/** The groups as stems, as `to_tsquery` would read them (stop words dropped); null when a word is not one stem. */
async function stemQuery(db: Db, groups: readonly Group[], joiner: "&" | "|"): Promise<StemQuery | null> {
  const words = groups.flatMap((g) =>
    g.alternatives.flatMap((alt) => alt.map((w) => w.replace(/[^\p{L}\p{N}]/gu, "")).filter(Boolean)),
  );
  const stems = await stemsOf(db, words);
  if ([...stems.values()].includes("complex")) return null;
  return {
    joiner,
    groups: groups.map((g) =>
      g.alternatives
        .map((alt) =>
          alt
            .map((w) => stems.get(w.replace(/[^\p{L}\p{N}]/gu, "")))
            .filter((stem): stem is string => typeof stem === "string" && stem !== "complex"),
        )
        .filter((alt) => alt.length > 0),
    ),
  };
}

/** Forget what was kept about the organisation's search words and synonyms (after they change). */
export function forgetSearchWords(orgId: string): void {
  synonymMemo.delete(orgId);
  indexMemo.delete(orgId);
  for (const key of wordMemo.keys()) if (key.startsWith(`${orgId}:`)) wordMemo.delete(key);
}

function remembered(orgId: string, token: string, now: number): WordFacts | undefined {
  const key = `${orgId}:${token}`;
  const hit = wordMemo.get(key);
  if (!hit) return undefined;
  if (now - hit.at > WORD_MEMO_MS) {
    wordMemo.delete(key);
    return undefined;
  }
  return hit.facts;
}

function remember(orgId: string, token: string, facts: WordFacts, now: number): void {
  // The oldest entry makes room (a Map keeps insertion order).
  if (wordMemo.size >= WORD_MEMO_MAX) wordMemo.delete(wordMemo.keys().next().value as string);
  wordMemo.set(`${orgId}:${token}`, { facts, at: now });
}

/** The catalogue words a search word may have meant (misspellings and compound parts). */
async function nearbyTerms(
  db: Db,
  orgId: string,
  tokens: readonly string[],
  /** Ask PostgreSQL, past what is kept (the tests compare the two). */
  fromDatabase = false,
): Promise<{ nearby: Map<string, string[]>; stop: Set<string> }> {
  const nearby = new Map<string, string[]>();
  const stop = new Set<string>();
  const now = Date.now();
  const known = new Map<string, WordFacts>();
  if (fromDatabase) for (const [tok, facts] of await lookUpWords(db, orgId, tokens)) known.set(tok, facts);
  for (const tok of tokens) {
    const facts = known.get(tok) ?? remembered(orgId, tok, now);
    if (facts) known.set(tok, facts);
  }
  const unknown = tokens.filter((t) => !known.has(t));
  if (unknown.length > 0) {
    for (const [tok, facts] of await lookUpWordsInMemory(db, orgId, unknown)) {
      known.set(tok, facts);
      remember(orgId, tok, facts, now);
    }
  }
  for (const [tok, facts] of known) {
    if (facts.stop) stop.add(tok);
    if (facts.alternatives.length > 0) nearby.set(tok, [...facts.alternatives]);
  }
  return { nearby, stop };
}

/**
 * The words' facts from the catalogue's words in memory (`TermIndex`) and their stems (one
 * statement, for words never seen): what `lookUpWords` asks PostgreSQL, without the
 * transaction its index trick needs. Candidates equally near are taken in the words' order,
 * where PostgreSQL takes them in the order it happens to find them.
 */
async function lookUpWordsInMemory(db: Db, orgId: string, tokens: readonly string[]): Promise<Map<string, WordFacts>> {
  const [{ words }, stems] = await Promise.all([catalogueIndex(db, orgId), stemsOf(db, tokens)]);
  const fold = (w: string) => [...w].map((ch) => FOLD_TO[FOLD_FROM.indexOf(ch)] ?? ch).join("");
  const facts = new Map<string, WordFacts>();
  for (const tok of tokens) {
    const known = words.has(tok);
    const stop = stems.get(tok) === null;
    let alternatives: string[] = [];
    if (!known) {
      const near = tok.length >= 4 ? words.nearest(fold(tok), MIN_SIMILARITY, 3) : [];
      const parts = Array.from({ length: Math.max(0, tok.length - MIN_COMPOUND_PART) }, (_, i) =>
        tok.slice(0, MIN_COMPOUND_PART + i),
      )
        .filter((p) => words.has(p))
        .sort((a, b) => b.length - a.length);
      alternatives = [...new Set([...near, ...parts.slice(0, 1)].filter((w) => w !== tok))];
    }
    facts.set(tok, { stop, known, alternatives });
  }
  return facts;
}

/** One statement for the words not kept in memory: stop word or not, known or not, and what a misspelling may have meant. */
async function lookUpWords(db: Db, orgId: string, tokens: readonly string[]): Promise<Map<string, WordFacts>> {
  // One block per word. A word the catalogue has needs no fuzzy match; for the others the
  // trigram lookup must go through the GIN index (about 5 ms over 40,000 words). The planner
  // prices that index above scanning the organisation's words and computing a similarity for
  // each (about 50 ms), so for this one statement plain scans are off and the lookup sits
  // behind an OFFSET 0 fence with the trigram condition alone: a bitmap scan of the GIN index
  // is the only way left. (Measured: sequential scans off alone still chose the primary key at
  // 16,000 words.)
  const fold = (w: string) => [...w].map((ch) => FOLD_TO[FOLD_FROM.indexOf(ch)] ?? ch).join("");
  const blocks = tokens.map((tok) => {
    const prefixes = Array.from({ length: Math.max(0, tok.length - MIN_COMPOUND_PART) }, (_, i) =>
      tok.slice(0, MIN_COMPOUND_PART + i),
    );
    const folded = fold(tok);
    const known = sql`exists (select 1 from catalogue_terms k where k.org_id = ${orgId} and k.term = ${tok}::text)`;
    return sql`select ${tok}::text as tok,
      to_tsvector('swedish', ${tok}::text) = ''::tsvector as stop,
      ${known} as known,
      ${
        tok.length >= 4
          ? sql`case when not ${known} then (select array_agg(x.term order by x.sim desc) from (
         select m.term, m.sim from (
           select k.term, k.org_id, similarity(k.folded, ${folded}::text) as sim from catalogue_terms k
           where k.folded % ${folded}::text offset 0) m
         where m.org_id = ${orgId} order by m.sim desc limit 3) x where x.sim >= ${MIN_SIMILARITY}) end`
          : sql`null::text[]`
      } as near,
      ${
        prefixes.length > 0
          ? sql`case when not ${known} then (select array_agg(k.term order by length(k.term) desc) from catalogue_terms k
         where k.org_id = ${orgId} and k.term = any(${prefixes}::text[])) end`
          : sql`null::text[]`
      } as parts`;
  });
  const query = sql<{
    tok: string;
    stop: boolean;
    known: boolean;
    near: string[] | null;
    parts: string[] | null;
  }>`${sql.join(blocks, sql` union all `)}`;
  const rows = await runWithoutSeqScan(db, (trx) => query.execute(trx));
  const facts = new Map<string, WordFacts>();
  for (const r of rows.rows) {
    const alternatives = r.known
      ? []
      : [...new Set([...(r.near ?? []), ...(r.parts ?? []).slice(0, 1)].filter((w) => w !== r.tok))];
    facts.set(r.tok, { stop: r.stop, known: r.known, alternatives });
  }
  return facts;
}

/** Only which words are stop words (no misspelling lookup): a word without a stem is one. */
async function stopWords(
  db: Db,
  tokens: readonly string[],
): Promise<{ nearby: Map<string, string[]>; stop: Set<string> }> {
  const stems = await stemsOf(db, tokens);
  return { nearby: new Map(), stop: new Set(tokens.filter((t) => stems.get(t) === null)) };
}

/** Runs one read with sequential and plain index scans off, leaving bitmap scans (inside a transaction, so only this statement is affected). */
async function runWithoutSeqScan<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) {
    return work(db);
  }
  return (db as Kysely<DB>).transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    await sql`set local enable_indexscan = off`.execute(trx);
    return work(trx);
  });
}

export async function loadSynonyms(db: Db, orgId: string): Promise<Synonym[]> {
  return db.selectFrom("catalogue_synonyms").select(["term", "expansion"]).where("org_id", "=", orgId).execute();
}

/** The synonyms, kept in memory like the search words (`WORD_MEMO_MS`, forgotten when they change). */
async function rememberedSynonyms(db: Db, orgId: string): Promise<readonly Synonym[]> {
  const now = Date.now();
  const hit = synonymMemo.get(orgId);
  if (hit && now - hit.at <= WORD_MEMO_MS) return hit.synonyms;
  const synonyms = await loadSynonyms(db, orgId);
  synonymMemo.set(orgId, { synonyms, at: now });
  return synonyms;
}

async function ranked(
  db: Db,
  orgId: string,
  tsquery: string,
  raw: string,
  exclude: readonly string[],
  limit: number,
): Promise<SearchHit[]> {
  const rows = await sql<{ id: string; slug: string; name: string; summary: string; score: number }>`
    select s.id, s.slug, s.name, s.summary,
      (ts_rank_cd('{0.1, 0.3, 0.6, 1.0}', s.search, q, 1) + 0.5 * word_similarity(${raw}, lower(s.name)))::float8 as score
    from catalogue_services s, to_tsquery('swedish', ${tsquery}) q
    where s.org_id = ${orgId} and s.published and s.search @@ q
      ${exclude.length > 0 ? sql`and s.id <> all(${exclude as string[]}::uuid[])` : sql``}
    order by score desc, s.name
    limit ${limit}
  `.execute(db);
  return rows.rows;
}

/** Searches published services. Never throws on odd input: an empty or wordless query finds nothing. */
export async function searchServices(
  db: Db,
  orgId: string,
  query: string,
  options: {
    limit?: number;
    synonyms?: readonly Synonym[];
    /** false: no misspelling lookup (routing a long message, where the learned models carry typos). */
    typos?: boolean;
    /** "database": look the words up and rank with PostgreSQL itself (the tests compare the two). */
    ranking?: "memory" | "database";
  } = {},
): Promise<SearchResult> {
  const limit = Math.min(options.limit ?? MAX_HITS, MAX_HITS);
  const all = tokenize(query);
  if (all.length === 0) return { hits: [], corrections: [] };
  // Read from copies in memory: a page kept with these results goes when the catalogue changes.
  noteTablesRead(SEARCH_TABLES);
  // Another process's save or synonym is seen here within the change clock's poll (250 ms).
  const kept = indexMemo.get(orgId);
  if (kept && kept.versions !== searchVersions()) forgetSearchWords(orgId);
  const [{ nearby, stop }, synonyms] = await Promise.all([
    options.typos === false ? stopWords(db, all) : nearbyTerms(db, orgId, all, options.ranking === "database"),
    options.synonyms ? Promise.resolve(options.synonyms) : rememberedSynonyms(db, orgId),
  ]);
  // Stop words ("jag", "för", "min") carry no meaning, unless they are all there is.
  const tokens = all.filter((t) => !stop.has(t) || synonyms.some((s) => s.term === t));
  const groups = groupsFor(tokens.length > 0 ? tokens : all, synonyms, nearby);
  const raw = all.join(" ");
  const andQuery = tsqueryFor(groups, "&");
  if (!andQuery) return { hits: [], corrections: [] };
  // In memory when every word is one stem (nearly always); the database otherwise.
  const [{ pages: index }, andStems] = await Promise.all([catalogueIndex(db, orgId), stemQuery(db, groups, "&")]);
  const rank = async (joiner: "&" | "|", exclude: readonly string[], max: number): Promise<SearchHit[]> => {
    const stems =
      options.ranking === "database" ? null : joiner === "&" ? andStems : await stemQuery(db, groups, joiner);
    if (stems) return index.rank(stems, raw, new Set(exclude), max);
    return ranked(db, orgId, tsqueryFor(groups, joiner) as string, raw, exclude, max);
  };
  const hits = await rank("&", [], limit);
  if (hits.length < 3 && groups.length > 1) {
    const more = await rank(
      "|",
      hits.map((h) => h.id),
      limit - hits.length,
    );
    // Services that match only some words rank below every service that matched them all.
    hits.push(...more.map((h) => ({ ...h, score: h.score / 10 })));
  }
  const corrections = [...nearby.entries()]
    .filter(([token]) => tokens.includes(token))
    .map(([from, to]) => ({ from, to: to[0] as string }));
  return { hits, corrections };
}

const WORDS_OF = sql`regexp_split_to_table(lower(s.name || ' ' || s.keywords || ' ' || s.summary || ' ' || s.for_whom || ' ' || s.what_you_get || ' ' || s.easy_read), '[^[:alpha:][:digit:]]+')`;

/** Inserts the words of the published services the filter selects. */
async function insertTerms(db: Db, orgId: string, which: ReturnType<typeof sql<boolean>>): Promise<void> {
  await sql`
    insert into catalogue_terms (org_id, term, folded)
    select distinct ${orgId}::uuid, w, translate(w, ${FOLD_FROM}, ${FOLD_TO})
    from catalogue_services s, ${WORDS_OF} as w
    where ${which} and s.published and length(w) between 3 and 40
    on conflict do nothing
  `.execute(db);
}

/**
 * Adds one service's words to the word list misspellings are matched against (after a save:
 * a few milliseconds, where rebuilding the list for 5,000 services takes a second or two).
 */
export async function addTerms(db: Db, orgId: string, serviceId: string): Promise<void> {
  await insertTerms(db, orgId, sql<boolean>`s.id = ${serviceId}`);
  forgetSearchWords(orgId);
}

/**
 * Rebuilds the whole word list: words no page uses any more are dropped. Nightly (a stale word
 * only costs a search a candidate that matches nothing) and after the demo seed.
 */
export async function rebuildTerms(db: Db, orgId: string): Promise<void> {
  await sql`delete from catalogue_terms where org_id = ${orgId}`.execute(db);
  await insertTerms(db, orgId, sql<boolean>`s.org_id = ${orgId}`);
  forgetSearchWords(orgId);
}
