import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assessConcern } from "./concern.js";

function evaluate(file: string) {
  const lines = readFileSync(join(import.meta.dirname, "test-data", file), "utf8")
    .split("\n")
    .filter((l) => /^[01]\t/.test(l));
  let tp = 0,
    fp = 0,
    fn = 0;
  const mistakes: string[] = [];
  for (const line of lines) {
    const [label, text = ""] = line.split("\t");
    const predicted = assessConcern(text).concern;
    const actual = label === "1";
    if (predicted && actual) tp++;
    else if (predicted) {
      fp++;
      mistakes.push(`false alarm: ${text}`);
    } else if (actual) {
      fn++;
      mistakes.push(`MISSED: ${text}`);
    }
  }
  return { n: lines.length, recall: tp / (tp + fn), precision: tp / (tp + fp), mistakes: mistakes.join("\n") };
}

// Figures reported in the issue note. concern.txt and the first two hold-out sets were used
// while writing the rules; concern-holdout3.txt was written after and measures unseen text.
describe("reports of concern about a child are recognised", () => {
  it.each([
    ["concern.txt", 58, 1, 0.95],
    ["concern-holdout.txt", 20, 1, 0.8],
    ["concern-holdout2.txt", 20, 1, 0.9],
    ["concern-holdout3.txt", 20, 0.9, 0.85],
  ] as const)("%s: recall ≥ %s… ", (file, n, minRecall, minPrecision) => {
    const e = evaluate(file);
    expect(e.n).toBe(n);
    expect(e.recall, e.mistakes).toBeGreaterThanOrEqual(minRecall);
    expect(e.precision, e.mistakes).toBeGreaterThanOrEqual(minPrecision);
  });

  it("say why, in plain Swedish", () => {
    expect(assessConcern("Jag tror att grannens pojke far illa.").reasons).toContain("säger att någon far illa");
    expect(assessConcern("Hur ansöker jag om bistånd?")).toEqual({
      concern: false,
      reasons: [],
      strong: false,
      saysReport: false,
    });
  });
});

describe("reports the first rules missed (an attacker's review)", () => {
  it.each([
    "Jag skulle vilja göra en orosanmälan angående en elev.",
    "Jag behöver göra en orosanmälan om min systerdotter.",
    "Min granne slår sin dotter. Han är 40 och dricker mycket.",
    "Vad händer om man gör en orosanmälan? Jag är orolig för min brorson som är 6 år, hans pappa dricker varje kväll och skriker på honom.",
    "Jag vet inte hur många gånger polisen har varit hemma hos grannen. Barnen gråter och pappan skriker på dem.",
    "Min tjej på 9 år säger att hennes styvpappa slår henne.",
    "Ett övergrepp har skett mot min brorson.",
  ])("%s", (text) => {
    expect(assessConcern(text).concern).toBe(true);
  });

  it("a question about reporting, and an adult son, are not reports", () => {
    expect(assessConcern("Hur gör man en orosanmälan?").concern).toBe(false);
    expect(assessConcern("Kan man göra en orosanmälan anonymt? Undrar allmänt.").concern).toBe(false);
    expect(
      assessConcern("Ni lovade att ringa om min son som inte kommit hem, men ingen har ringt. Han är 19.").concern,
    ).toBe(false);
  });
});

describe("how firm a finding is", () => {
  it("abuse named outright, a report in so many words and a child with concrete harm are firm; worry near a child is not", () => {
    expect(assessConcern("Min son blir slagen av sin pappa.").strong).toBe(true);
    expect(assessConcern("Jag gör en orosanmälan om grannens barn.")).toMatchObject({ strong: true, saysReport: true });
    expect(assessConcern("Grannens barn har blåmärken.").strong).toBe(true);
    const weak = assessConcern("Min son är 15 och skriker på mig varje morgon.");
    expect(weak.concern).toBe(true);
    expect(weak.strong).toBe(false);
  });
});
