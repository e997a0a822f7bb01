// The CLI on 10 MB of official prose: `klarsprak check FILE --format json` in its own process,
// its standard output counted (not kept). Prints time, bytes of JSON and the child's peak RSS
// (from /usr/bin/time, GNU time's %M in KB). Usage: node bench/klarsprak-cli.mjs [MB]
// KLARSPRAK_DIST=dir measures another build.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { officialProse } from "./corpus.mjs";

const mb = Number(process.argv[2] ?? "10");
const cli = join(
  process.env.KLARSPRAK_DIST ?? join(import.meta.dirname, "..", "packages", "klarsprak", "dist"),
  "cli.js",
);
const dir = await mkdtemp(join(tmpdir(), "klarsprak-bench-"));
try {
  const file = join(dir, "official.txt");
  const text = officialProse(mb * 1024 * 1024);
  await writeFile(file, text);
  const rssFile = join(dir, "rss");
  const t0 = process.hrtime.bigint();
  const child = spawn(
    "/usr/bin/time",
    ["-f", "%M", "-o", rssFile, process.execPath, cli, "check", file, "--format", "json"],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let jsonBytes = 0;
  child.stdout.on("data", (chunk) => {
    jsonBytes += chunk.length;
  });
  const code = await new Promise((done) => child.on("close", done));
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const peakRssMb = Number((await readFile(rssFile, "utf8")).trim().split("\n").pop()) / 1024;
  console.log(
    JSON.stringify({
      mb,
      bytes: Buffer.byteLength(text),
      code,
      ms: Math.round(ms),
      jsonBytes,
      peakRssMb: Math.round(peakRssMb),
    }),
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
