/**
 * Secrecy grounds and the written decision when a request for public documents is refused or
 * granted only in part. The decision states what was refused, on which provision, and how to
 * appeal: to the administrative court of appeal (kammarrätten), lodged with the authority
 * within three weeks of receiving the decision (OSL 6 kap. 7 §, förvaltningslagen 44 §).
 * The words are in messages.ts; the registered decision is written in Swedish.
 */
import { sayer, type Lang } from "../../platform/i18n/messages.js";
import { messages } from "./messages.js";

/** The grounds a document may be masked or refused on, by their short form ("OSL 26:1"). */
export const SECRECY_GROUND_CODES = ["OSL 26:1", "OSL 26:5", "OSL 21:1", "OSL 21:3", "OSL 39:3", "OSL 19:3"] as const;
export type SecrecyGroundCode = (typeof SECRECY_GROUND_CODES)[number];

export interface SecrecyGround {
  /** Short form used on masks and in lists: "OSL 26:1". */
  readonly code: SecrecyGroundCode;
  /** As written in a decision. */
  readonly provision: string;
  /** What it protects, in plain words. */
  readonly protects: string;
}

export function isGroundCode(code: string): code is SecrecyGroundCode {
  return (SECRECY_GROUND_CODES as readonly string[]).includes(code);
}

/** The grounds, worded in one language. */
export function secrecyGrounds(lang: Lang): SecrecyGround[] {
  const say = sayer(messages, lang);
  return SECRECY_GROUND_CODES.map((code) => ({
    code,
    provision: say(`ground.${code}.provision`),
    protects: say(`ground.${code}.protects`),
  }));
}

export function groundByCode(code: string, lang: Lang = "sv"): SecrecyGround | undefined {
  return isGroundCode(code) ? secrecyGrounds(lang).find((g) => g.code === code) : undefined;
}

export type Outcome = "full" | "partial" | "refused";

export interface DecisionInput {
  readonly organisation: string;
  readonly caseNumber: string;
  readonly decidedAt: Date;
  readonly decidedBy: string;
  readonly requester: string | null;
  readonly requested: string;
  readonly outcome: Outcome;
  /** Per document: its title, and for a refused or masked document the grounds used. */
  readonly documents: readonly {
    title: string;
    outcome: "release" | "partial" | "refuse";
    grounds: readonly string[];
  }[];
  readonly reason: string;
}

/** How to appeal, as plain text lines. */
export function appealText(lang: Lang = "sv"): string {
  const say = sayer(messages, lang);
  return [
    say("appeal.title"),
    say("appeal.court"),
    say("appeal.what"),
    say("appeal.where"),
    say("appeal.anonymous"),
    say("appeal.review"),
  ].join("\n");
}

/** The written decision as plain text (shown, sent and registered as a document; in Swedish unless told). */
export function decisionText(d: DecisionInput, lang: Lang = "sv"): string {
  if (d.outcome === "full") throw new Error("A request released in full needs no written decision");
  const say = sayer(messages, lang);
  const grounds = [...new Set(d.documents.flatMap((doc) => doc.grounds))]
    .map((code) => groundByCode(code, lang))
    .filter((g): g is SecrecyGround => g !== undefined);
  const perDocument = d.documents.map((doc) =>
    say(`decision.doc.${doc.outcome}`, { title: doc.title, grounds: doc.grounds.join(", ") }),
  );
  return [
    say("decision.title"),
    d.organisation,
    say("decision.case", { number: d.caseNumber }),
    say("decision.date", { when: d.decidedAt }),
    "",
    say("decision.to", { name: d.requester ?? say("decision.anonymous") }),
    say("decision.requested", { requested: d.requested }),
    "",
    say("decision.heading"),
    say(d.outcome === "refused" ? "decision.refused" : "decision.partial"),
    ...perDocument,
    "",
    say("decision.reasons"),
    d.reason.trim(),
    ...grounds.map((g) => say("decision.ground", { provision: g.provision, protects: g.protects })),
    "",
    appealText(lang),
    "",
    say("decision.decidedBy", { name: d.decidedBy }),
  ].join("\n");
}
