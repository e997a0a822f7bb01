import { describe, expect, it } from "vitest";
import {
  CatalogueIndex,
  indexService,
  parseTsvector,
  TermIndex,
  trigramSimilarity,
  trigramsInOrder,
  wordSimilarity,
} from "./search-index.js";

describe("the catalogue's search in memory", () => {
  it("reads a tsvector's words, positions and weights, quotes doubled inside", () => {
    expect(parseTsvector("'bistånd':2 'ekonomisk':1A,5B 'it''s':3C 'utan'")).toEqual([
      { lexeme: "bistånd", positions: [2], weights: [0] },
      { lexeme: "ekonomisk", positions: [1, 5], weights: [3, 2] },
      { lexeme: "it's", positions: [3], weights: [1] },
      { lexeme: "utan", positions: [], weights: [] },
    ]);
  });

  it("word similarity as pg_trgm defines it: 'word' in 'two words' is 0.8", () => {
    expect(wordSimilarity(new Set(trigramsInOrder("word")), trigramsInOrder("two words"))).toBeCloseTo(0.8, 5);
    expect(wordSimilarity(new Set(trigramsInOrder("xyz")), trigramsInOrder("two words"))).toBe(0);
  });

  it("matches stems as prefixes, all groups (AND) or any (OR), and ranks the name's words first", () => {
    const index = new CatalogueIndex([
      indexService({
        id: "1",
        slug: "a",
        name: "Ekonomiskt bistånd",
        summary: "",
        vector: "'ekonomisk':1A 'bistånd':2A",
      }),
      indexService({ id: "2", slug: "b", name: "Budget", summary: "", vector: "'budget':1A 'ekonomi':4C" }),
    ]);
    const and = index.rank({ joiner: "&", groups: [[["ekonom"]], [["bistånd"]]] }, "ekonomi bistånd", new Set(), 10);
    expect(and.map((h) => h.slug)).toEqual(["a"]);
    const or = index.rank({ joiner: "|", groups: [[["ekonom"]], [["bistånd"]]] }, "ekonomi bistånd", new Set(), 10);
    expect(or.map((h) => h.slug)).toEqual(["a", "b"]);
    expect(
      index.rank({ joiner: "|", groups: [[["ekonom"]]] }, "ekonomi", new Set(["1"]), 10).map((h) => h.slug),
    ).toEqual(["b"]);
  });
});

describe("the catalogue's words in memory", () => {
  it("finds the nearest words by trigram similarity, as pg_trgm's similarity, nearest first", () => {
    const words = new TermIndex([
      { term: "ekonomiskt", folded: "ekonomiskt" },
      { term: "ekonomi", folded: "ekonomi" },
      { term: "bistånd", folded: "bistand" },
    ]);
    expect(words.has("bistånd")).toBe(true);
    // PostgreSQL: similarity('ekonomsikt', 'ekonomiskt') 0.46666667, ('ekonomsikt', 'ekonomi') 0.46153846.
    expect(words.nearest("ekonomsikt", 0.38, 3)).toEqual(["ekonomiskt", "ekonomi"]);
    expect(trigramSimilarity(new Set(trigramsInOrder("ekonomsikt")), new Set(trigramsInOrder("ekonomi")))).toBeCloseTo(
      0.46153846,
      6,
    );
    expect(words.nearest("bistnd", 0.38, 3)).toEqual(["bistånd"]);
    expect(words.nearest("xyz", 0.38, 3)).toEqual([]);
    expect(trigramSimilarity(new Set(trigramsInOrder("word")), new Set(trigramsInOrder("word")))).toBe(1);
  });
});
