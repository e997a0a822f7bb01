/**
 * The kind of an incoming message, on every channel: from its words and its sender. A report
 * of concern is decided apart (concern.ts) and always wins; this says whether the rest is a
 * question, a journalist's inquiry, a request for public documents, a complaint, thanks, the
 * writer's own matter or of no importance. Staff can change the kind with one click.
 */
import { unicodeEdges } from "../../platform/text.js";
import { KIND_SIGNALS, NEWS_DOMAINS, POLITE_THANKS, type SignalKind } from "./kind-rules.js";

export type ArrivalKind = "question" | SignalKind;

export interface KindAssessment {
  readonly kind: ArrivalKind;
  /** How sure, 0–1: the winning kind's share of the evidence (1 when the sender alone decides). */
  readonly confidence: number;
  /** Reason keys ("journalist", "documents", …) for the staff member who checks. */
  readonly reasons: readonly string[];
}

export interface KindContext {
  /** The sender's e-mail address, when there is one. */
  readonly sender?: string | null | undefined;
  /** The sender is a known journalist (the newsroom's media contacts). */
  readonly knownJournalist?: boolean | undefined;
  /** The channel says the kind (a form for requests for documents, say). */
  readonly channelKind?: ArrivalKind | undefined;
  /** The writer chose what it is about on the form (a category): the model alone moves it nowhere else. */
  readonly chosenCategory?: boolean | undefined;
}

/** When two kinds have the same evidence, the one with more at stake for the writer wins. */
const PRIORITY: readonly SignalKind[] = ["document_request", "media", "complaint", "own_matter", "praise", "minor"];
/** Evidence needed before a message is anything but a question. */
const THRESHOLD = 2;

const SIGNALS = KIND_SIGNALS.map((s) => ({ ...s, pattern: unicodeEdges(s.pattern) }));

export function isNewsDomain(email: string | null | undefined): boolean {
  const domain = email?.toLowerCase().split("@")[1]?.trim();
  if (!domain) return false;
  return NEWS_DOMAINS.some((d) => domain === d || domain.endsWith(`.${d}`));
}

export function detectKind(text: string, context: KindContext = {}): KindAssessment {
  if (context.channelKind) return { kind: context.channelKind, confidence: 1, reasons: ["channel"] };
  const score = new Map<SignalKind, number>();
  const reasons = new Set<string>();
  const add = (kind: SignalKind, weight: number, reason: string) => {
    score.set(kind, (score.get(kind) ?? 0) + weight);
    reasons.add(reason);
  };
  const journalistSender = context.knownJournalist === true || isNewsDomain(context.sender);
  if (journalistSender) add("media", 4, context.knownJournalist ? "knownJournalist" : "newsDomain");
  const body = text.replace(POLITE_THANKS, " ");
  for (const s of SIGNALS) if (s.pattern.test(body)) add(s.kind, s.weight, s.reason);

  // Thanks in a message that mostly asks something is politeness.
  const questions = (body.match(/\?/g) ?? []).length;
  if (questions > 0 && (score.get("praise") ?? 0) > 0) score.set("praise", (score.get("praise") ?? 0) - 2 * questions);
  // A journalist asking for documents is still a request for documents (the clock runs), but
  // a journalist's question about numbers or a case is a media inquiry, whatever its words.
  if (journalistSender && (score.get("document_request") ?? 0) < 4) {
    score.set("complaint", 0);
    score.set("own_matter", 0);
    score.set("praise", 0);
  }
  // Praise beside a complaint is sarcasm ("Toppen.", "fantastisk service verkligen").
  if ((score.get("complaint") ?? 0) >= 2 && (score.get("praise") ?? 0) > 0)
    score.set("complaint", (score.get("complaint") ?? 0) + (score.get("praise") ?? 0));
  // A request for documents in so many words is one, whoever asks (the same-day clock runs).
  if ((score.get("document_request") ?? 0) >= 4 && !journalistSender) score.set("media", 0);
  if ((score.get("document_request") ?? 0) >= 4 && journalistSender)
    score.set("document_request", Math.max(score.get("document_request") ?? 0, (score.get("media") ?? 0) + 1));
  // Explicit thanks outweigh the case details that come with them.
  if ((score.get("praise") ?? 0) >= 3 && questions === 0)
    score.set("own_matter", Math.min(score.get("own_matter") ?? 0, 2));
  let best: SignalKind | undefined;
  let bestScore = 0;
  let total = 0;
  for (const kind of PRIORITY) {
    const s = score.get(kind) ?? 0;
    if (s <= 0) continue;
    total += s;
    if (s > bestScore) {
      best = kind;
      bestScore = s;
    }
  }
  if (!best || bestScore < THRESHOLD) {
    return { kind: "question", confidence: total === 0 ? 0.9 : Math.max(0.5, 1 - total / 6), reasons: [] };
  }
  return {
    kind: best,
    confidence: Math.min(1, bestScore / (total + 1)),
    reasons: [...reasons].filter((r) => r !== "minor" || best === "minor"),
  };
}
