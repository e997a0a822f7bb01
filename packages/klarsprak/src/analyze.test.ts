import { describe, expect, it } from "vitest";
import { analyze, detectFormat, lixBand, ovix } from "./analyze.js";
import { classifyIdentityNumber, findPersonalData, luhnValid } from "./personal-data.js";
import { compileOfficialese } from "./lexicon/officialese.js";

const sentences = (text: string, format: "text" | "markdown" | "html" = "text") =>
  analyze(text, { format, scoresOnly: true }).scores.lix.sentences;
const rule = (text: string, id: string, config = {}) =>
  analyze(text, { format: "text", ...config })
    .findings.filter((f) => f.ruleId === id)
    .map((f) => f.text);

describe("LIX", () => {
  it("is words per sentence plus the percentage of long words", () => {
    // 10 words, 2 sentences, 1 long word ("meningar", 8 letters): 10/2 + 100·1/10 = 15
    const r = analyze("Det här är en kort text. Den har två meningar.");
    expect(r.scores.lix).toMatchObject({
      words: 10,
      sentences: 2,
      longWords: 1,
      value: 15,
      band: "very-easy",
      bandLabel: "Mycket lätt",
    });
  });

  it("counts a word with exactly 6 letters as short and 7 as long; hyphens are not letters", () => {
    const r = analyze("Ansöka ansökan ID-kort e-post barn-och-familj.");
    // ansöka 6 short, ansökan 7 long, ID-kort 6 letters short, e-post 5 short, barn-och-familj 13 long
    expect(r.scores.lix.words).toBe(5);
    expect(r.scores.lix.longWords).toBe(2);
  });

  it("splits before sentences that start with Å, Ä and Ö", () => {
    expect(sentences("Vi ringer dig. Återbesök bokas senare. Ärendet är klart. Öppettiderna ändras i juli.")).toBe(4);
  });

  it("ends sentences at . ! ? and : and at block ends, but not after abbreviations, decimals, dates or ordinals", () => {
    expect(sentences("Ta med t.ex. ID-kort och bl.a. hyreskontrakt. Kom kl. 9 på måndag.")).toBe(2);
    expect(sentences("Räntan är 3.5 procent och 2,5 procent. Mötet är 2026-11-26 kl. 10.30.")).toBe(2);
    expect(sentences("1. Fyll i blanketten. 2. Skicka den till oss.")).toBe(2);
    expect(sentences("Vad gör du? Ring oss! Du behöver: ett intyg")).toBe(4);
    expect(sentences("Hjälp med ekonomin\n\nDu kan få stöd")).toBe(2);
    expect(sentences("Vi ses den 3:e maj. Ta med mat m.m. Sedan går vi hem.")).toBe(3);
  });

  it("agrees with a hand count of ordinary prose", () => {
    const text =
      "Socialtjänsten hjälper dig som behöver stöd. Du kan ringa oss eller skicka ett brev. " +
      "Vi svarar inom två arbetsdagar. Om det är bråttom kan du ringa Socialjouren på kvällen.";
    // words 6 + 8 + 5 + 10 = 29; sentences 4; more than 6 letters: Socialtjänsten, hjälper,
    // behöver, arbetsdagar, bråttom, Socialjouren, kvällen = 7
    const r = analyze(text).scores.lix;
    expect(r.words).toBe(29);
    expect(r.sentences).toBe(4);
    expect(r.longWords).toBe(7);
    expect(r.value).toBeCloseTo(29 / 4 + (100 * 7) / 29, 6);
  });

  it("agrees with the published example of the lix-index npm package (18.79)", () => {
    const text =
      "Dette er en lang tekst. Den har noen, men ikke så mange, kjempevanskelige ord. Her er et eksempel på et slikt ord: onomatopoetikon.";
    expect(Math.round((analyze(text).scores.lix.value ?? 0) * 100) / 100).toBe(18.79);
  });

  it("has the documented bands", () => {
    expect([29.9, 30, 39.9, 40, 50, 60, 60.1].map((v) => lixBand(v).band)).toEqual([
      "very-easy",
      "easy",
      "easy",
      "medium",
      "hard",
      "hard",
      "very-hard",
    ]);
  });

  it("returns null for an empty text", () => {
    const r = analyze("   ");
    expect(r.scores.lix.value).toBeNull();
    expect(r.findings).toEqual([]);
  });
});

describe("OVIX", () => {
  it("follows log(N) / log(2 − log(U)/log(N)) and is undefined when every word differs", () => {
    expect(ovix(100, 50)).toBeCloseTo(Math.log(100) / Math.log(2 - Math.log(50) / Math.log(100)), 10);
    expect(ovix(5, 5)).toBeNull();
  });

  it("reports the whole text and fixed windows, and says which", () => {
    const text = Array.from({ length: 120 }, (_, i) => `Vi hjälper familj nummer ${i % 7} med stöd.`).join(" ");
    const r = analyze(text, { thresholds: { ovixWindow: 100 } }).scores.ovix;
    expect(r.tokens).toBe(840);
    expect(r.windowed.windowSize).toBe(100);
    expect(r.windowed.windows).toBe(8);
    expect(r.windowed.mean).not.toBeNull();
    expect(r.whole).not.toBeNull();
  });
});

describe("findings", () => {
  it("finds s-passives but not deponents, genitives or nouns in -s", () => {
    expect(rule("Ansökan skickas till nämnden. Beslut fattades i går. Det ska göras i dag.", "s-passive")).toEqual([
      "skickas",
      "fattades",
      "göras",
    ]);
    expect(
      rule("Vi hoppas att du trivs. Det finns en plats. Kommunens process. Vi lyckades minnas allt.", "s-passive"),
    ).toEqual([]);
  });

  it("warns when a sentence has several passives", () => {
    expect(rule("Ansökan tas emot, registreras och skickas vidare.", "many-passives")).toHaveLength(1);
  });

  it("finds nominalisations and suggests the verb", () => {
    const r = analyze("Utredningen visar att en bedömning behövs.", { format: "text" });
    const n = r.findings.filter((f) => f.ruleId === "nominalisation");
    expect(n.map((f) => [f.text, f.suggestion])).toEqual([
      ["Utredningen", "utreda"],
      ["bedömning", "bedöma"],
    ]);
  });

  it("finds officialese in every inflection, and phrases, with category and suggestion", () => {
    const found = analyze(
      "Du erhåller svar. Hon erhöll pengar. Vi har erhållit din ansökan. Du ska inkomma med intyg. Vi gör en bedömning. Ej samt icke.",
      { format: "text" },
    ).findings.filter((f) => f.ruleId === "officialese");
    expect(found.map((f) => f.text)).toEqual([
      "erhåller",
      "erhöll",
      "erhållit",
      "inkomma med",
      "gör en bedömning",
      "Ej",
      "samt",
      "icke",
    ]);
    expect(found[0]).toMatchObject({ suggestion: "få", category: "verb" });
    expect(found[3]).toMatchObject({ suggestion: "skicka in, lämna", category: "fras" });
  });

  it("has at least 250 officialese entries", () => {
    expect(compileOfficialese().size).toBeGreaterThanOrEqual(250);
  });

  it("asks for acronyms to be explained at first use only", () => {
    expect(rule("Enligt LSS har du rätt till stöd. LSS gäller även barn.", "acronym-unexplained")).toEqual(["LSS"]);
    expect(rule("Lagen om stöd och service (LSS) ger rätt till stöd. LSS gäller barn.", "acronym-unexplained")).toEqual(
      [],
    );
    expect(rule("Anmälan går till IVO. Vi följer SoL och EU:s regler.", "acronym-unexplained")).toEqual(["IVO", "SoL"]);
  });

  it("asks for abbreviations to be written out", () => {
    const f = analyze("Ta med t.ex. hyresavtal, bl.a. för att visa kostnader m.m.", { format: "text" }).findings.filter(
      (x) => x.ruleId === "abbreviation",
    );
    expect(f.map((x) => [x.text, x.suggestion])).toEqual([
      ["t.ex.", "till exempel"],
      ["bl.a.", "bland annat"],
      ["m.m.", "med mera"],
    ]);
  });

  it("flags personal data as errors", () => {
    const f = analyze("Personnummer 19121212-1212, ring 070-174 06 05 eller mejla anna.svensson@example.se.", {
      format: "text",
    }).findings.filter((x) => x.ruleId === "personal-data");
    expect(f.map((x) => [x.text, x.severity])).toEqual([
      ["19121212-1212", "error"],
      ["070-174 06 05", "error"],
      ["anna.svensson@example.se", "error"],
    ]);
    expect(rule("Numret 19121212-1213 är inte giltigt.", "personal-data")).toEqual([]);
    expect(
      rule("Ring växeln 070-174 06 05 eller kontakt@example.se.", "personal-data", {
        allowPersonalData: ["0701740605", "@example.se"],
      }),
    ).toEqual([]);
  });

  it("validates identity numbers with the Luhn checksum and the date", () => {
    expect(luhnValid("1212121212")).toBe(true);
    expect(classifyIdentityNumber("191212121212")).toBe("personnummer");
    expect(classifyIdentityNumber("1212121213")).toBeNull();
    expect(classifyIdentityNumber("1213121212")).toBeNull();
    expect(findPersonalData("Saldo 2026 kr, 12 st, år 2025-2026.")).toEqual([]);
  });

  it("flags organisation jargon from configuration, in its inflections", () => {
    const f = analyze("Du kan få en insats. Insatsen beviljas av nämnden. Brukarna är nöjda.", {
      format: "text",
      jargon: { insats: "stöd eller hjälp", brukare: "de som får stöd" },
    }).findings.filter((x) => x.ruleId === "jargon");
    expect(f.map((x) => x.text)).toEqual(["insats", "Insatsen", "Brukarna"]);
  });

  it("suggests du instead of den sökande and man", () => {
    expect(rule("Den sökande ska skicka intyg. Man kan ansöka i appen. En man kom in.", "impersonal-address")).toEqual([
      "Den sökande",
      "Man",
    ]);
  });

  it("flags long sentences, more strongly when very long", () => {
    const long = `Ord ${Array.from({ length: 29 }, () => "ord").join(" ")}.`;
    const veryLong = `Ord ${Array.from({ length: 39 }, () => "ord").join(" ")}.`;
    const r = analyze(`${long} ${veryLong}`, { format: "text" }).findings.filter((f) => f.ruleId === "long-sentence");
    expect(r.map((f) => f.severity)).toEqual(["suggestion", "warning"]);
    expect(rule(long, "long-sentence", { thresholds: { longSentence: 40 } })).toEqual([]);
  });

  it("notices a long text without headings", () => {
    const body = Array.from({ length: 80 }, () => "Vi hjälper dig med det du behöver.").join(" ");
    expect(rule(body, "no-headings")).toHaveLength(1);
    expect(
      analyze(`# Rubrik\n\n${body}`, { format: "markdown" }).findings.filter((f) => f.ruleId === "no-headings"),
    ).toEqual([]);
  });
});

describe("input formats and positions", () => {
  it("points into the original Markdown, ignoring code and keeping structure", () => {
    const md =
      "# Så söker du\n\n- Ansökan **skickas** till oss\n- Du får svar\n\n```\nkod skickas inte\n```\n\nText med `skickas` i kod.";
    const r = analyze(md, { format: "markdown" });
    const passives = r.findings.filter((f) => f.ruleId === "s-passive");
    expect(passives).toHaveLength(1);
    const p = passives[0];
    expect(p?.text).toBe("skickas");
    expect(md.slice(p?.span.start, p?.span.end)).toBe("skickas");
    expect([p?.span.line, p?.span.column]).toEqual([3, 13]);
    // heading and two list items are their own sentences; code is not counted
    expect(r.scores.lix.sentences).toBe(4);
  });

  it("ends sentences at Markdown table cells and list items", () => {
    const md = "| Stöd | Kostnad |\n|---|---|\n| Budgetrådgivning | Gratis |\n\n- Ring oss\n- Skriv till oss";
    const r = analyze(md, { format: "markdown" });
    // four cells and two list items, six sentences; the delimiter row is not text
    expect(r.scores.lix.sentences).toBe(6);
    expect(r.scores.lix.words).toBe(9);
  });

  it("points into the original HTML, decoding entities and skipping script and style", () => {
    const html =
      "<h1>Ans&ouml;kan</h1><p>Blanketten &amp; intyget skickas in.</p><script>var skickas = 1</script><style>p{}</style><ul><li>Ett</li><li>Två</li></ul>";
    const r = analyze(html, { format: "html" });
    const p = r.findings.find((f) => f.ruleId === "s-passive");
    expect(p?.text).toBe("skickas");
    expect(html.slice(p?.span.start, p?.span.end)).toBe("skickas");
    expect(r.scores.lix.sentences).toBe(4);
    expect(r.scores.lix.words).toBe(7);
  });

  it("honours inline ignore comments", () => {
    const md =
      "Ansökan skickas.\n\n<!-- klarsprak-disable s-passive -->\n\nBeslut fattades.\n\n<!-- klarsprak-enable -->\n\nHon erhöll svar som skickades.";
    const found = analyze(md, { format: "markdown" }).findings.map((f) => `${f.ruleId}:${f.text}`);
    expect(found).toContain("s-passive:skickas");
    expect(found).not.toContain("s-passive:fattades");
    expect(found).toContain("s-passive:skickades");
    const html = "<p><!-- klarsprak-disable-next-line -->\nErhålla skickas.</p>\n<p>Erhålla.</p>";
    expect(analyze(html, { format: "html" }).findings.filter((f) => f.ruleId === "officialese")).toHaveLength(1);
  });

  it("detects the format", () => {
    expect(detectFormat("<p>Hej</p>")).toBe("html");
    expect(detectFormat("# Rubrik\n\nText")).toBe("markdown");
    expect(detectFormat("Bara text.")).toBe("text");
  });
});

describe("configuration and result", () => {
  it("turns rules off and changes severities", () => {
    const r = analyze("Ansökan skickas. Du erhåller svar.", {
      format: "text",
      rules: { "s-passive": false, officialese: { severity: "error" } },
    });
    expect(r.findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual(["officialese:error"]);
    expect(r.counts).toEqual({ error: 1, warning: 0, suggestion: 0 });
  });

  it("takes extra officialese and ignore words", () => {
    expect(
      rule("Vi nyttjar lokalen och verkställer planen.", "officialese", { officialese: { lokalen: "rummet" } }),
    ).toEqual(["nyttjar", "lokalen", "verkställer"]);
    expect(rule("Utredningen är klar.", "nominalisation", { ignoreWords: ["utredningen"] })).toEqual([]);
  });

  it("returns a deeply frozen result that survives JSON", () => {
    const r = analyze("Ansökan skickas.");
    expect(Object.isFrozen(r)).toBe(true);
    expect(Object.isFrozen(r.findings)).toBe(true);
    expect(Object.isFrozen(r.findings[0]?.span)).toBe(true);
    expect(() => {
      (r.scores.lix as { value: number | null }).value = 0;
    }).toThrow(TypeError);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it("computes LIX alone when asked, with no findings", () => {
    const r = analyze("Ansökan skickas. Du erhåller svar.", { lixOnly: true });
    expect(r.findings).toEqual([]);
    expect(r.scores.lix.words).toBe(5);
    expect(r.scores.ovix.whole).toBeNull();
  });
});

describe("maxFindings", () => {
  const text = [
    "Ring 070-174 06 05 om ansökan skall inkomma. Beslut fattas t.ex. av nämnden enl. SoL och meddelas sökanden.",
    "<!-- klarsprak-disable s-passive -->",
    "Handlingarna skickas och diarieförs, varefter ärendet handläggs i enlighet med riktlinjerna.",
    "<!-- klarsprak-enable -->",
    "Utredningen genomförs och beslutet fattas. Mejla handlaggare@exempelstad.se vid frågor om utbetalningen.",
  ].join("\n\n");
  const all = analyze(text, { format: "markdown" });

  it("keeps the first findings by position and counts every one", () => {
    expect(all.findings.length).toBeGreaterThan(10);
    for (const max of [0, 1, 3, 7, all.findings.length - 1, all.findings.length, all.findings.length + 5]) {
      const r = analyze(text, { format: "markdown", maxFindings: max });
      expect(r.findings).toEqual(all.findings.slice(0, max));
      expect(r.counts).toEqual(all.counts);
      expect(r.scores).toEqual(all.scores);
    }
  });

  it("must be a whole number, 0 or more", () => {
    expect(() => analyze(text, { maxFindings: -1 })).toThrow(RangeError);
    expect(() => analyze(text, { maxFindings: 1.5 })).toThrow(RangeError);
  });
});
