/**
 * `npm run bench`: benchmarks that prove the speeds the issues name. Each measurement runs in
 * its own process (one core) so memory is measured alone. Not a test: it prints numbers.
 * `npx tsx bench/run.ts klarsprak` runs the klarspråk rows only.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const worker = join(import.meta.dirname, "klarsprak-worker.mjs");
const runs: (readonly [number, string, string?])[] = [
  [1, "all"],
  [10, "all"],
  [50, "all"],
  [1, "lix"],
  [10, "lix"],
  [50, "lix"],
];
for (const corpus of ["plain", "official"]) {
  console.log(`klarsprak: analysing ${corpus} Swedish prose (every rule on / LIX only)`);
  console.log("size   mode  time      speed        CPU time   peak RSS (process baseline)  words      findings");
  // The last official row keeps only the first 1000 findings (maxFindings): memory without the list.
  const rows = corpus === "official" ? [...runs, [50, "all", "1000"] as const] : runs;
  for (const [mb, mode, max] of rows) {
    const out = execFileSync(process.execPath, ["--expose-gc", worker, String(mb), mode, corpus, max ?? ""], {
      encoding: "utf8",
    });
    const r = JSON.parse(out) as {
      ms: number;
      cpuMs: number;
      mbPerSecond: number;
      peakRssMb: number;
      baselineRssMb: number;
      words: number;
      findings: number;
      kept: number;
    };
    console.log(
      `${String(mb).padStart(3)} MB  ${mode.padEnd(4)}  ${String(r.ms).padStart(6)} ms  ${String(r.mbPerSecond).padStart(6)} MB/s  ${String(r.cpuMs).padStart(6)} ms  ${String(r.peakRssMb).padStart(5)} MB (${r.baselineRssMb} MB)          ${String(r.words).padStart(9)}  ${r.findings}${r.kept < r.findings ? ` (${r.kept} kept: maxFindings)` : ""}`,
    );
  }
}
{
  const out = execFileSync(process.execPath, [join(import.meta.dirname, "klarsprak-cli.mjs"), "10"], {
    encoding: "utf8",
  });
  const r = JSON.parse(out) as { ms: number; jsonBytes: number; peakRssMb: number };
  console.log("klarsprak CLI: check --format json on 10 MB of official prose");
  console.log(
    `  ${r.ms} ms, ${(r.jsonBytes / 1048576).toFixed(1)} MB of JSON, peak RSS ${r.peakRssMb} MB (the CLI process)`,
  );
}
if (process.argv[2] === "klarsprak") process.exit(0);

// The platform's benchmarks load the app; imported here so the klarspråk rows need only the package.
const { benchCatalogue } = await import("./catalogue.js");
const { benchSocial } = await import("./social.js");
const { benchInbox } = await import("./inbox.js");
const { benchAcknowledgements } = await import("./acks.js");
const { benchHttp } = await import("./http.js");
const { benchJobs } = await import("./jobs.js");
await benchHttp(process.env["BENCH_BASELINE"]);
await benchJobs();
await benchCatalogue();
await benchSocial();
await benchInbox();
await benchAcknowledgements();
