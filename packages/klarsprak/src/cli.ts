#!/usr/bin/env node
/**
 * klarsprak check <files…|->  [--format text|json] [--fail-on warning|error] [--config FILE]
 *                             [--max-findings N]
 *
 * Directories are searched for .md, .markdown, .html, .htm and .txt files; globs are
 * expanded. A file that cannot be read is reported and the rest are still checked.
 * Exit codes: 0 fine, 1 findings at or above --fail-on, 2 a file or the command was wrong.
 */
import { once } from "node:events";
import { readFile, stat } from "node:fs/promises";
import { extname, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { glob } from "tinyglobby";
import { analyze, excerptOf } from "./analyze.js";
import { ConfigFileError, loadConfigFile } from "./config-file.js";
import type { AnalysisResult, Finding, InputFormat, KlarsprakConfig, Severity } from "./types.js";

const USAGE = `Användning: klarsprak check <filer, mappar eller -> [val]

  --format text|json        rapport för människor (standard) eller JSON
  --fail-on warning|error   avsluta med kod 1 om det finns fynd på den nivån eller högre
  --config FIL              inställningar i JSON eller YAML
  --input-format text|markdown|html   tvinga ett format (annars efter filändelse)
  --max-findings N          visa högst N fynd per fil (de första i texten; antalen räknar alla)

Koder: 0 inga fynd över gränsen, 1 fynd över gränsen, 2 fel på filer eller kommandot.`;

const EXTENSIONS: Record<string, InputFormat> = {
  ".md": "markdown",
  ".markdown": "markdown",
  ".html": "html",
  ".htm": "html",
  ".txt": "text",
};
const RANK: Record<Severity, number> = { suggestion: 0, warning: 1, error: 2 };
const LABEL: Record<Severity, string> = { error: "fel", warning: "varning", suggestion: "förslag" };

export interface CliIo {
  /** Writes lines (a newline follows each call). A promise it returns is waited for (a full pipe). */
  readonly stdout: (s: string) => unknown;
  readonly stderr: (s: string) => void;
  readonly stdin: () => Promise<string>;
  readonly cwd: string;
}

async function expand(inputs: readonly string[], cwd: string, io: CliIo): Promise<{ files: string[]; failed: number }> {
  const files: string[] = [];
  let failed = 0;
  for (const input of inputs) {
    if (input === "-") {
      files.push("-");
      continue;
    }
    if (/[*?[\]{}]/.test(input)) {
      const matched = await glob(input, { cwd, absolute: true });
      if (matched.length === 0) {
        io.stderr(`klarsprak: inga filer matchar ${input}`);
        failed++;
      }
      files.push(...matched.sort());
      continue;
    }
    const path = resolve(cwd, input);
    try {
      const s = await stat(path);
      if (s.isDirectory()) {
        files.push(
          ...(
            await glob("**/*.{md,markdown,html,htm,txt}", { cwd: path, absolute: true, ignore: ["**/node_modules/**"] })
          ).sort(),
        );
      } else {
        files.push(path);
      }
    } catch (error) {
      io.stderr(`klarsprak: kan inte läsa ${input}: ${describe(error)}`);
      failed++;
    }
  }
  return { files, failed };
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "filen finns inte";
  if (code === "EACCES") return "behörighet saknas";
  if (code === "EISDIR") return "det är en mapp";
  return error instanceof Error ? error.message : String(error);
}

function round(n: number | null, digits = 0): string {
  return n === null ? "–" : n.toFixed(digits);
}

export function formatReport(name: string, r: AnalysisResult, source: string): string {
  return [...reportLines(name, r, source)].join("\n");
}

/** The text report, line by line. */
function* reportLines(name: string, r: AnalysisResult, source: string): Generator<string> {
  const s = r.scores;
  yield* [
    `${name}`,
    `  LIX ${round(s.lix.value)} (${s.lix.bandLabel ?? "–"}) · ${s.lix.words} ord · ${s.lix.sentences} meningar · ${round(s.wordsPerSentence, 1)} ord per mening · ${round((s.longWordShare ?? 0) * 100)} % långa ord`,
    `  OVIX ${round(s.ovix.whole)} (hela texten)${s.ovix.windowed.mean !== null ? ` · ${round(s.ovix.windowed.mean)} (medel per ${s.ovix.windowed.windowSize} ord)` : ""} · nominaliseringar ${round(s.nominalisationsPer100Words, 1)} per 100 ord · passiver ${round(s.passivesPerSentence, 2)} per mening`,
  ];
  for (const f of r.findings) {
    yield `  ${f.span.line}:${f.span.column}  ${LABEL[f.severity].padEnd(8)} ${f.message}  [${f.ruleId}]`;
    yield `      ${excerptOf(source, f.span)}`;
  }
  yield `  ${r.counts.error} fel, ${r.counts.warning} varningar, ${r.counts.suggestion} förslag`;
}

/**
 * One file's JSON object, line by line, without its closing brace (the caller writes "}" or
 * "}," once it knows whether another file follows). The same shape as
 * JSON.stringify({ file, ...result }, null, 2) inside the array, except that each finding is
 * written on one line: a large file's findings are written one at a time, never held as one
 * string, and the output is less than half the size.
 */
function* jsonLines(file: string, r: AnalysisResult): Generator<string> {
  yield "  {";
  const entries: [string, unknown][] = [["file", file], ...Object.entries(r)];
  for (let k = 0; k < entries.length; k++) {
    const [key, value] = entries[k] as [string, unknown];
    const comma = k < entries.length - 1 ? "," : "";
    if (key === "findings" && Array.isArray(value) && value.length > 0) {
      yield `    "findings": [`;
      const quote = quoter();
      for (let i = 0; i < value.length; i++)
        yield `      ${findingJson(value[i] as Finding, quote)}${i < value.length - 1 ? "," : ""}`;
      yield `    ]${comma}`;
    } else {
      yield `    ${JSON.stringify(key)}: ${JSON.stringify(value, null, 2).replace(/\n/g, "\n    ")}${comma}`;
    }
  }
}

/**
 * JSON.stringify for strings, remembering short ones: a report repeats the same messages,
 * words and rule ids many thousand times, and quoting text with ” and å is not free.
 */
function quoter(): (s: string) => string {
  const quoted = new Map<string, string>();
  return (s) => {
    let q = quoted.get(s);
    if (q === undefined) {
      q = JSON.stringify(s);
      if (s.length <= 200 && quoted.size < 100_000) quoted.set(s, q);
    }
    return q;
  };
}

/** JSON.stringify(finding), written out for the finding's fixed keys (see analyze()'s add). */
function findingJson(f: Finding, quote: (s: string) => string): string {
  const p = f.span;
  let json = `{"ruleId":${quote(f.ruleId)},"severity":${quote(f.severity)},"message":${quote(f.message)},"text":${quote(f.text)},"span":{"start":${p.start},"end":${p.end},"line":${p.line},"column":${p.column},"endLine":${p.endLine},"endColumn":${p.endColumn}}`;
  if (f.suggestion !== undefined) json += `,"suggestion":${quote(f.suggestion)}`;
  if (f.category !== undefined) json += `,"category":${quote(f.category)}`;
  return `${json}}`;
}

/** Writes lines in chunks of about 16 000 characters (whole lines), waiting when the output asks to. */
class LineWriter {
  private lines: string[] = [];
  private size = 0;
  constructor(private readonly io: CliIo) {}

  async write(lines: Iterable<string>): Promise<void> {
    for (const line of lines) {
      this.lines.push(line);
      this.size += line.length + 1;
      // Small enough to stay out of V8's large-object space, which only a full GC frees.
      if (this.size >= 16384) await this.flush();
    }
  }

  async flush(): Promise<void> {
    if (this.lines.length === 0) return;
    const chunk = this.lines.join("\n");
    this.lines = [];
    this.size = 0;
    await this.io.stdout(chunk);
  }
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: "string", default: "text" },
        "fail-on": { type: "string" },
        config: { type: "string" },
        "input-format": { type: "string" },
        "max-findings": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    io.stderr(`klarsprak: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(USAGE);
    return 0;
  }
  const [command, ...inputs] = positionals;
  if (command !== "check" || inputs.length === 0) {
    io.stderr(USAGE);
    return 2;
  }
  if (!["text", "json"].includes(values.format)) return usage(io, "--format ska vara text eller json");
  const failOn = values["fail-on"];
  if (failOn !== undefined && failOn !== "warning" && failOn !== "error")
    return usage(io, "--fail-on ska vara warning eller error");
  const forced = values["input-format"];
  if (forced !== undefined && !["text", "markdown", "html"].includes(forced))
    return usage(io, "--input-format ska vara text, markdown eller html");

  const maxFindings = values["max-findings"];
  if (maxFindings !== undefined && !/^\d+$/.test(maxFindings))
    return usage(io, "--max-findings ska vara ett heltal, 0 eller mer");

  let config: KlarsprakConfig = {};
  if (values.config) {
    try {
      config = await loadConfigFile(resolve(io.cwd, values.config));
    } catch (error) {
      io.stderr(`klarsprak: ${error instanceof ConfigFileError ? error.message : String(error)}`);
      return 2;
    }
  }

  if (maxFindings !== undefined) config = { ...config, maxFindings: Number(maxFindings) };

  const { files, failed: expandFailed } = await expand(inputs, io.cwd, io);
  let failed = expandFailed;
  // Each file's report is written as soon as it is analysed, and nothing of it is kept.
  const out = new LineWriter(io);
  const json = values.format === "json";
  const limit = failOn ? RANK[failOn as Severity] : Infinity;
  let reported = 0;
  let overLimit = false;
  for (const file of files) {
    let text: string;
    try {
      text = file === "-" ? await io.stdin() : await readFile(file, "utf8");
    } catch (error) {
      io.stderr(`klarsprak: kan inte läsa ${relative(io.cwd, file) || file}: ${describe(error)}`);
      failed++;
      continue;
    }
    const format =
      (forced as InputFormat | undefined) ??
      config.format ??
      (file === "-" ? undefined : EXTENSIONS[extname(file).toLowerCase()]);
    const result = analyze(text, { ...config, ...(format ? { format } : {}) });
    const name = file === "-" ? "-" : relative(io.cwd, file) || file;
    if (json) {
      await out.write([reported === 0 ? "[" : "  },"]);
      await out.write(jsonLines(name, result));
    } else await out.write(reportLines(name, result, text));
    reported++;
    // From the counts: with --max-findings not every finding is in the list.
    if (failOn && !overLimit)
      overLimit = (Object.keys(RANK) as Severity[]).some((k) => RANK[k] >= limit && result.counts[k] > 0);
  }
  if (json) await out.write(reported === 0 ? ["[]"] : ["  }", "]"]);
  await out.flush();

  if (failed > 0) return 2;
  if (overLimit) return 1;
  return 0;
}

function usage(io: CliIo, message: string): number {
  io.stderr(`klarsprak: ${message}\n\n${USAGE}`);
  return 2;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  runCli(process.argv.slice(2), {
    stdout: (s) => (process.stdout.write(`${s}\n`) ? undefined : once(process.stdout, "drain")),
    stderr: (s) => process.stderr.write(`${s}\n`),
    stdin: readStdin,
    cwd: process.cwd(),
  }).then((code) => {
    process.exitCode = code;
  });
}
