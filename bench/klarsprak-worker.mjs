// One benchmark measurement in its own process (plain node, built library), so peak memory
// is this run's alone. Usage: node --expose-gc bench/klarsprak-worker.mjs MB all|lix plain|official [maxFindings]
// The library is imported from this checkout's dist (a bare "@klarsvar/klarsprak" import could
// resolve to another checkout's build through a shared node_modules), or from the directory in
// KLARSPRAK_DIST to measure another build.
import { fileURLToPath, pathToFileURL } from "node:url";
import { officialProse, swedishProse } from "./corpus.mjs";

const dist = process.env.KLARSPRAK_DIST ?? fileURLToPath(new URL("../packages/klarsprak/dist", import.meta.url));
const { analyze } = await import(pathToFileURL(`${dist}/index.js`).href);

const mb = Number(process.argv[2] ?? "10");
const mode = process.argv[3] === "lix" ? "lix" : "all";
const corpus = process.argv[4] === "official" ? "official" : "plain";
const options = {
  format: "text",
  lixOnly: mode === "lix",
  ...(process.argv[5] ? { maxFindings: Number(process.argv[5]) } : {}),
};
const text = (corpus === "official" ? officialProse : swedishProse)(mb * 1024 * 1024);
const bytes = Buffer.byteLength(text);
analyze(text.slice(0, 200_000), options); // warm-up
globalThis.gc?.();
const baselineRssMb = process.memoryUsage().rss / 1048576;
const t0 = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
const result = analyze(text, options);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
// CPU time (all threads, with GC helpers): on a shared machine it varies less than wall time.
const cpu = process.cpuUsage(cpu0);
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({
    mb,
    mode,
    corpus,
    bytes,
    ms: Math.round(ms),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    mbPerSecond: +(bytes / 1048576 / (ms / 1000)).toFixed(1),
    words: result.scores.lix.words,
    findings: result.counts.error + result.counts.warning + result.counts.suggestion,
    kept: result.findings.length,
    baselineRssMb: Math.round(baselineRssMb),
    peakRssMb: Math.round(peakRssMb),
  }),
);
