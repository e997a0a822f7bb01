// Proves that two builds of the klarspråk engine give the same results: analyze() on official
// and everyday prose (text, Markdown with ignore comments, HTML with entities), with a
// configuration, and on the labelled test data, compared as JSON.
// Usage: node bench/klarsprak-compare.mjs OLD_DIST [NEW_DIST]   (NEW_DIST: this checkout's dist)
// A copy of an old dist needs node_modules beside it (a symlink to this checkout's will do).
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { officialProse, swedishProse } from "./corpus.mjs";

const [oldDist, newDist = join(import.meta.dirname, "..", "packages", "klarsprak", "dist")] = process.argv.slice(2);
if (!oldDist) {
  console.error("Usage: node bench/klarsprak-compare.mjs OLD_DIST [NEW_DIST]");
  process.exit(2);
}
const load = async (dist) => (await import(pathToFileURL(join(resolve(dist), "index.js")).href)).analyze;
const [before, after] = [await load(oldDist), await load(newDist)];

const official = officialProse(1 << 20);
const paragraphs = officialProse(1 << 18).split("\n\n");
const phones = Array.from(
  { length: 300 },
  (_, i) =>
    `Ring 070-174 06 ${String(i % 100).padStart(2, "0")} eller mejla handlaggare${i}@exempelstad.se, tel 08-123 456 ${i % 100}. Skicka ${i} st. t.ex. till EU.`,
).join("\n\n");
const inputs = [
  ["official prose, 1 MB", official, { format: "text" }],
  ["everyday prose, 1 MB", swedishProse(1 << 20), { format: "text" }],
  [
    "official Markdown with ignore comments",
    paragraphs
      .map((p, i) =>
        i % 5 === 1
          ? `<!-- klarsprak-disable s-passive officialese -->\n\n${p}`
          : i % 5 === 3
            ? `<!-- klarsprak-enable -->\n\n${p}`
            : i % 7 === 0
              ? `<!-- klarsprak-disable-next-line -->\n${p}`
              : p,
      )
      .join("\n\n"),
    { format: "markdown" },
  ],
  ["official Markdown without headings", paragraphs.join("\n\n"), { format: "markdown" }],
  [
    "official HTML with entities",
    `<p>${paragraphs.join("</p><p>").replace(/ och /g, " &amp; och ")}</p>`,
    { format: "html" },
  ],
  [
    "official prose with a configuration",
    paragraphs.join("\n\n"),
    {
      format: "text",
      jargon: { insats: "stöd", handläggare: "den som har hand om ärendet" },
      ignoreWords: ["utredning"],
      knownAcronyms: ["LSS"],
      thresholds: { longSentence: 20 },
      allowPersonalData: ["@exempelstad.se"],
    },
  ],
  ["personal data", phones, { format: "text" }],
  ["official prose, scores only", official, { format: "text", scoresOnly: true }],
  ["official prose, LIX only", official, { format: "text", lixOnly: true }],
];
const testData = join(import.meta.dirname, "..", "packages", "klarsprak", "test-data");
for (const f of readdirSync(testData)) inputs.push([`test-data/${f}`, readFileSync(join(testData, f), "utf8"), {}]);

const hash = (s) => createHash("sha256").update(s).digest("hex").slice(0, 12);
let different = 0;
for (const [name, text, config] of inputs) {
  const a = JSON.stringify(before(text, config));
  const b = JSON.stringify(after(text, config));
  const findings = JSON.parse(a).findings.length;
  console.log(`${a === b ? "same" : "DIFFERENT"}  ${name}: ${findings} findings, ${hash(a)} ${hash(b)}`);
  if (a !== b) different++;
}
process.exit(different ? 1 : 0);
