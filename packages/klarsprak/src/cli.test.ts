import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyze } from "./analyze.js";
import { runCli } from "./cli.js";
import { loadConfigFile, validateConfig } from "./config-file.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "klarsprak-"));
  await mkdir(join(dir, "docs"));
  await writeFile(join(dir, "docs", "lätt.md"), "# Så söker du\n\nDu fyller i blanketten. Vi svarar inom en vecka.\n");
  await writeFile(
    join(dir, "docs", "svår.html"),
    "<p>Ansökan skall inkomma med erforderliga handlingar samt erhållas av nämnden.</p>",
  );
  await writeFile(join(dir, "persondata.txt"), "Ring mig, personnummer 19121212-1212.");
  await writeFile(
    join(dir, "config.yaml"),
    "rules:\n  officialese:\n    severity: error\n  s-passive: false\njargon:\n  insats: stöd\n",
  );
  await writeFile(join(dir, "bad.yaml"), "rules:\n  no-such-rule: true\n");
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

async function run(args: string[], stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    stdin: async () => stdin,
    cwd: dir,
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("klarsprak check", () => {
  it("reports scores, band and findings with line, column and an excerpt", async () => {
    const r = await run(["check", "docs/svår.html"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("docs/svår.html");
    expect(r.out).toMatch(/LIX \d+ \((Svår|Mycket svår)\)/);
    expect(r.out).toMatch(/1:\d+\s+varning\s+”inkomma med” är krångligt/);
    expect(r.out).toContain("[officialese]");
  });

  it("walks directories and expands globs", async () => {
    expect((await run(["check", "docs"])).out).toMatch(/docs\/lätt\.md[\s\S]*docs\/svår\.html/);
    const g = await run(["check", "**/*.txt"]);
    expect(g.out).toContain("persondata.txt");
    expect(g.out).not.toContain("lätt.md");
  });

  it("reads standard input", async () => {
    const r = await run(["check", "-", "--format", "json"], "Ansökan skickas.");
    const json = JSON.parse(r.out) as { file: string; findings: { ruleId: string }[] }[];
    expect(json[0]?.file).toBe("-");
    expect(json[0]?.findings.map((f) => f.ruleId)).toContain("s-passive");
  });

  it("exits 1 with --fail-on when findings reach the level, 0 otherwise", async () => {
    expect((await run(["check", "persondata.txt", "--fail-on", "error"])).code).toBe(1);
    expect((await run(["check", "docs/lätt.md", "--fail-on", "warning"])).code).toBe(0);
    expect((await run(["check", "docs/svår.html", "--fail-on", "warning"])).code).toBe(1);
    expect((await run(["check", "docs/svår.html", "--fail-on", "error"])).code).toBe(0);
  });

  it("applies a YAML configuration", async () => {
    const r = await run([
      "check",
      "docs/svår.html",
      "--config",
      "config.yaml",
      "--format",
      "json",
      "--fail-on",
      "error",
    ]);
    const [result] = JSON.parse(r.out) as { findings: { ruleId: string; severity: string }[] }[];
    expect(result?.findings.some((f) => f.ruleId === "s-passive")).toBe(false);
    expect(result?.findings.find((f) => f.ruleId === "officialese")?.severity).toBe("error");
    expect(r.code).toBe(1);
  });

  it("explains a bad configuration", async () => {
    const r = await run(["check", "docs", "--config", "bad.yaml"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown rule "no-such-rule"');
  });

  it("reports a missing or unreadable file clearly and still checks the rest", async () => {
    const r = await run(["check", "finns-inte.md", "docs/lätt.md"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("kan inte läsa finns-inte.md: filen finns inte");
    expect(r.out).toContain("docs/lätt.md");
  });

  it("explains wrong usage", async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(["check", "docs", "--fail-on", "maybe"])).err).toContain(
      "--fail-on ska vara warning eller error",
    );
  });
});

describe("configuration files", () => {
  it("reads JSON and rejects what it does not know", async () => {
    await writeFile(join(dir, "c.json"), JSON.stringify({ thresholds: { longSentence: 20 }, knownAcronyms: ["LSS"] }));
    expect((await loadConfigFile(join(dir, "c.json"))).thresholds?.longSentence).toBe(20);
    expect(() => validateConfig({ thresholds: { longSentence: -1 } })).toThrow(/positive number/);
    expect(() => validateConfig({ colour: "blue" })).toThrow(/unknown setting "colour"/);
    await expect(loadConfigFile(join(dir, "nope.json"))).rejects.toThrow(/Cannot read/);
  });
});

describe("klarsprak check --format json, written finding by finding", () => {
  it("is the analysis of each file, in order, with the file name first", async () => {
    const text =
      "Ansökan skall inkomma med erforderliga handlingar. Beslut fattas t.ex. av nämnden enl. SoL.\n\n".repeat(50);
    await writeFile(join(dir, "many.txt"), text);
    const r = await run(["check", "many.txt", "docs/lätt.md", "--format", "json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as unknown[];
    expect(json).toEqual([
      { file: "many.txt", ...JSON.parse(JSON.stringify(analyze(text, { format: "text" }))) },
      {
        file: "docs/lätt.md",
        ...JSON.parse(
          JSON.stringify(analyze(await readFile(join(dir, "docs", "lätt.md"), "utf8"), { format: "markdown" })),
        ),
      },
    ]);
    // One finding a line.
    expect(r.out.split("\n").filter((l) => l.startsWith('      {"ruleId":')).length).toBe(
      analyze(text, { format: "text" }).findings.length,
    );
  });

  it("writes an empty list when no file could be read", async () => {
    const r = await run(["check", "finns-inte.txt", "--format", "json"]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toEqual([]);
  });
});

describe("klarsprak check --max-findings", () => {
  it("lists at most N findings per file, counts all, and --fail-on still sees them all", async () => {
    const r = await run(["check", "docs/svår.html", "persondata.txt", "--format", "json", "--max-findings", "1"]);
    const json = JSON.parse(r.out) as { findings: unknown[]; counts: Record<string, number> }[];
    expect(json.map((f) => f.findings.length)).toEqual([1, 1]);
    expect(json[0]?.counts.warning).toBeGreaterThan(1);
    expect((await run(["check", "persondata.txt", "--max-findings", "0", "--fail-on", "error"])).code).toBe(1);
    expect((await run(["check", "docs", "--max-findings", "many"])).err).toContain(
      "--max-findings ska vara ett heltal",
    );
  });

  it("is a setting in the configuration file too", () => {
    expect(validateConfig({ maxFindings: 100 }).maxFindings).toBe(100);
    expect(() => validateConfig({ maxFindings: -1 })).toThrow(/maxFindings must be a whole number/);
  });
});
