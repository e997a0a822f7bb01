#!/usr/bin/env node
/**
 * How far the code keeps the module kit's shape (docs/ADDING-A-MODULE.md), as numbers:
 * lines over 120 characters, casts of request input, hand-written UUID patterns, words written
 * outside a catalogue (sv ? … : … ternaries), and the import rules broken (dependency-cruiser).
 * `npm run kit-metrics`; CI enforces the rules themselves through `npm run lint`.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const sources = files("src");
const count = (re) => sources.reduce((n, f) => n + (readFileSync(f, "utf8").match(re)?.length ?? 0), 0);
const longLines = sources.reduce(
  (n, f) =>
    n +
    readFileSync(f, "utf8")
      .split("\n")
      .filter((l) => l.length > 120).length,
  0,
);

const violations = {};
let out;
try {
  out = execFileSync("npx", ["depcruise", "src", "--config", ".dependency-cruiser.cjs", "--output-type", "json"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
} catch (error) {
  // depcruise may exit non-zero when rules are broken; the JSON is still on stdout.
  out = error.stdout ?? "{}";
}
for (const v of JSON.parse(out || "{}").summary?.violations ?? [])
  violations[v.rule.name] = (violations[v.rule.name] ?? 0) + 1;
const report = {
  files: sources.length,
  "lines over 120 characters": longLines,
  "request.body/params/query casts": count(/request\.(?:body|params|query)\s+as\b/g),
  "hand-written UUID patterns": count(/\[0-9a-f-\]\{36\}|\[0-9a-f\]\{8\}-/g),
  "sv ? … : … ternaries": count(/\bsv\s*\?\s*["`]/g),
  "import rules broken": violations,
};
console.log(JSON.stringify(report, null, 2));
