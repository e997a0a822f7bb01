import { describe, expect, it } from "vitest";
import type { TextPredictor } from "../../platform/text-model.js";
import { arrivalModels, assessArrival, assessConcernLearned, type ArrivalModels } from "./intelligence.js";

/** Models whose report-of-concern probability is fixed: the decision rule alone is under test. */
function sayingConcern(p: number): ArrivalModels {
  const fixed = <L extends string>(labels: L[], probs: number[]): TextPredictor<L> => ({
    labels,
    predict: () => new Map(labels.map((l, i) => [l, probs[i] as number])),
  });
  return {
    concern: fixed(["no", "yes"], [1 - p, p]),
    kind: fixed(["question"], [1]),
    unit: fixed(["Socialförvaltningen"], [1]),
    size: 0,
  };
}

describe("rules and model together on a report of concern", () => {
  const weak = "Min son är 15 och skriker på mig varje morgon.";
  const firm = "Min son blir slagen av sin pappa.";
  const said = "Vi skriver om hur ni hanterar det. Jag gör en orosanmälan om ett barn i familjen.";

  it("the model sets aside a weak rule's finding only when it is all but sure (p < 0.01)", () => {
    expect(assessConcernLearned(weak, {}, sayingConcern(0.005)).concern).toBe(false);
    expect(assessConcernLearned(weak, {}, sayingConcern(0.02)).concern).toBe(true);
  });

  it("never a strong rule's finding, nor a report in so many words from a journalist", () => {
    expect(assessConcernLearned(firm, {}, sayingConcern(0)).concern).toBe(true);
    expect(assessConcernLearned(said, { journalist: true }, sayingConcern(0)).concern).toBe(true);
  });

  it("a journalist naming abuse is set aside when the model is all but sure it is no report", () => {
    const press = "Vi skriver om en misshandel av ett barn som prövas i tingsrätten och vill ha en kommentar.";
    expect(assessConcernLearned(press, { journalist: true }, sayingConcern(0.001)).concern).toBe(false);
    expect(assessConcernLearned(press, { journalist: true }, sayingConcern(0.05)).concern).toBe(true);
  });

  it("the model adds a report the rules did not see at p ≥ 0.2, and says so", () => {
    const quiet = "Ungarna på trean har varit ensamma sedan fredag.";
    const r = assessConcernLearned(quiet, {}, sayingConcern(0.25));
    expect(r.concern).toBe(true);
    expect(r.reasons.at(-1)).toMatch(/liknar orosanmälningar/);
  });

  it("with the shipped models: a parent asking for support is not a report; a child hit at home is", () => {
    const models = arrivalModels();
    expect(models).not.toBeNull();
    expect(
      assessConcernLearned(
        "Min son är 15 och skolkar nästan varje dag och skriker på mig när jag väcker honom. Finns det föräldrastöd?",
        {},
        models,
      ).concern,
    ).toBe(false);
    expect(assessConcernLearned("Gatlampan är trasig och min son blir slagen av sin pappa", {}, models).concern).toBe(
      true,
    );
  });

  it("a question sent with a chosen category is never moved to the communicators on the model's word alone", () => {
    const models: ArrivalModels = {
      ...sayingConcern(0),
      kind: {
        labels: ["media", "question"],
        predict: () =>
          new Map([
            ["media", 0.9],
            ["question", 0.1],
          ]),
      },
    };
    const text = "Hur gör jag en budget för hushållet med hyra och el?";
    expect(assessArrival(text, { sender: null }, models).kind).toBe("media");
    expect(assessArrival(text, { sender: null, chosenCategory: true }, models).kind).toBe("question");
  });
});
