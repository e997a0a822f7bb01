/**
 * ReceiveQuestion / ReceiveQuestions: every incoming question on every channel becomes a case
 * — case, message, attachments, registration (the case number), history and audit — with its
 * acknowledgement job queued in the same transaction. Messages are taken in batches (an IMAP
 * fetch, an import) with multi-row inserts; a single question is a batch of one. A message
 * whose external id (e-mail Message-ID) was seen before never becomes a second case.
 */
// Time-ordered ids (UUIDv7): new rows land at the end of each index instead of on a random
// page of a million-row B-tree, which at that size halves the write cost of intake.
import { v7 as uuidv7 } from "uuid";
import { sql } from "kysely";
import type { ArrivalExtensions, CaseArrival } from "../../../app/module.js";
import type { AuditActor } from "../../../platform/audit/audit.js";
import type { Db } from "../../../platform/db/database.js";
import type { CaseChannel, CaseKind } from "../../../platform/db/schema.js";
import type { JobRunner } from "../../../platform/jobs/jobs.js";
import { isEmailAddress } from "../../../platform/text.js";
import { historyClassifier, stemsOfMany } from "../classifier.js";
import { assessArrival, assessConcernLearned, unitPrior } from "../intelligence.js";
import { isNewsDomain } from "../kind.js";
import { arrivalText, assessSecrecy } from "../secrecy.js";
import { followTokenFor, hashFollowToken } from "../numbers.js";
import type { RuleCandidate } from "../routing.js";
import { arrivalUnit, suggestUnitAsking, type UnitSuggestion } from "../suggest-unit.js";
import { firstAnswerDue } from "../sla.js";

export const INTAKE_UNIT_SLUG = "mottagningen-barn";
export const COMMUNICATION_UNIT_SLUG = "kommunikation";
/** The department as a whole: the registry, for requests for documents and what no unit claims. */
export const REGISTRY_UNIT_SLUG = "socialforvaltningen";

export interface IncomingAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly data: Buffer;
}

export interface IncomingQuestion {
  readonly orgId: string;
  readonly channel: CaseChannel;
  readonly body: string;
  readonly subject?: string | undefined;
  /** The kind the channel or a person already knows (a form for requests, a logged call); detected otherwise. */
  readonly kind?: CaseKind | undefined;
  readonly categoryId?: string | undefined;
  /** The unit the person chose by asking from its service page (the help catalogue). */
  readonly unitId?: string | null | undefined;
  readonly requester: {
    readonly name?: string | undefined;
    readonly email?: string | undefined;
    readonly phone?: string | undefined;
  };
  readonly externalId?: string | undefined;
  readonly attachments?: readonly IncomingAttachment[];
  readonly receivedAt?: Date;
  /** The e-mail as received, kept for the archive. */
  readonly rawSource?: Buffer | undefined;
  /** False for messages that must not be answered automatically (auto-replies, bounces, lists). */
  readonly acknowledge?: boolean | undefined;
  /** An automatic message (out of office): stored and registered, never answered. */
  readonly automatic?: boolean | undefined;
  /** A public comment on a social-media post: answered within 4 working hours. */
  readonly publicComment?: boolean | undefined;
  /** Obviously of minor importance (advertising, an unmatched bounce): registered as such, closed. */
  readonly minorImportance?: boolean | undefined;
  /** The staff member who logged a call, letter or visit. */
  readonly loggedBy?: string | undefined;
  /**
   * The answer staff gave there and then (a logged call or visit): stored with the case in the
   * same transaction, as given — never sent. On a report of concern it is an internal note, and
   * the case waits for the intake like any other report.
   */
  readonly givenAnswer?: string | undefined;
}

export type ReceiveResult =
  | {
      ok: true;
      caseId: string;
      number: string;
      followToken: string;
      due: Date;
      concern: boolean;
      secret: boolean;
      unitId: string | null;
      kind: CaseKind;
      minor: boolean;
      suggestion: UnitSuggestion | null;
    }
  | { ok: false; error: "duplicate"; caseId: string };

/** A logged call or visit answered there and then (a report of concern never is: the intake answers it). */
function answeredInPerson(p: { q: IncomingQuestion; concern: { concern: boolean } }): boolean {
  return Boolean(p.q.givenAnswer?.trim()) && !p.concern.concern;
}

function subjectFrom(body: string): string {
  const first = body.trim().split(/\n/)[0] ?? "";
  return first.length > 80 ? `${first.slice(0, 77).trimEnd()}…` : first || "(utan text)";
}

/**
 * The requester's address, when it is one plain address. Every channel checks at its edge; this
 * is the last line: anything else ("a@x, b@y", a CR/LF) is never stored, so never written to.
 */
function requesterEmail(q: IncomingQuestion): string | null {
  const email = q.requester.email?.trim().toLowerCase();
  return email && isEmailAddress(email) ? email : null;
}

export interface InboxDeps {
  readonly db: Db;
  readonly jobs: JobRunner;
  /** Server secret, for follow-link tokens. */
  readonly secret: string;
  /** What other modules know on arrival (registers, the catalogue, journalists); absent in bare tests and seeds. */
  readonly arrival?: ArrivalExtensions | undefined;
}

/** What answering needs besides: which module, if any, sends answers on a case's channel (an extension point). */
export interface ReplyDeps extends InboxDeps {
  readonly replyChannel: (channel: string) => { readonly job: string } | undefined;
}

export async function receiveQuestion(deps: InboxDeps, actor: AuditActor, q: IncomingQuestion): Promise<ReceiveResult> {
  const [result] = await receiveQuestions(deps, actor, [q]);
  if (!result) throw new Error("unreachable: one question gives one result");
  return result;
}

/** Case numbers for a year, taken in their own short transaction (like a sequence). */
async function takeNumbers(db: Db, orgId: string, year: number, count: number): Promise<string[]> {
  const row = await sql<{ last: number }>`
    insert into case_counters (org_id, year, last) values (${orgId}, ${year}, ${count})
    on conflict (org_id, year) do update set last = case_counters.last + ${count}
    returning last`.execute(db);
  const last = row.rows[0]?.last ?? count;
  return Array.from({ length: count }, (_, i) => `SOC-${year}-${String(last - count + 1 + i).padStart(6, "0")}`);
}

export async function receiveQuestions(
  deps: InboxDeps,
  actor: AuditActor,
  questions: readonly IncomingQuestion[],
  /** The caller has just looked the external ids up (the e-mail intake): skip the second look. The unique index still decides. */
  options: { externalIdsChecked?: boolean } = {},
): Promise<ReceiveResult[]> {
  const { db } = deps;
  if (questions.length === 0) return [];
  const orgId = questions[0]?.orgId as string;
  if (questions.some((q) => q.orgId !== orgId)) throw new Error("A batch belongs to one organisation");

  // Seen before, or twice in this batch: a duplicate, never a second case.
  const externalIds = [...new Set(questions.map((q) => q.externalId).filter((x): x is string => Boolean(x)))];
  const seen = new Map<string, string>();
  if (externalIds.length > 0 && !options.externalIdsChecked) {
    for (const r of await db
      .selectFrom("case_messages")
      .select(["external_id", "case_id"])
      .where("org_id", "=", orgId)
      .where("external_id", "in", externalIds)
      .execute()) {
      if (r.external_id) seen.set(r.external_id, r.case_id);
    }
  }

  const [units, rules, categories, org] = await Promise.all([
    db
      .selectFrom("units")
      .select(["id", "slug", "name", "receives_concern_reports"])
      .where("org_id", "=", orgId)
      .orderBy("created_at")
      .execute(),
    db
      .selectFrom("routing_rules")
      .select(["category_id", "channel", "keywords", "unit_id"])
      .where("org_id", "=", orgId)
      .orderBy("position")
      .orderBy("created_at")
      .execute(),
    db.selectFrom("categories").select(["id", "unit_id"]).where("org_id", "=", orgId).execute(),
    db.selectFrom("organisations").select("auto_route_threshold").where("id", "=", orgId).executeTakeFirst(),
  ]);
  const unitBySlug = new Map(units.map((u) => [u.slug, u.id]));
  const unitByName = new Map(units.map((u) => [u.name, u.id]));
  const fixedUnits = {
    // The unit marked as the child-welfare intake; the demo's slug where none is marked yet.
    intake: units.find((u) => u.receives_concern_reports)?.id ?? unitBySlug.get(INTAKE_UNIT_SLUG) ?? null,
    communication: unitBySlug.get(COMMUNICATION_UNIT_SLUG) ?? null,
    registry: unitBySlug.get(REGISTRY_UNIT_SLUG) ?? null,
  };
  // A category with a unit is a rule of its own: the person chose it on the form.
  const candidates: RuleCandidate[] = [
    ...rules,
    ...categories.flatMap((c) =>
      c.unit_id ? [{ category_id: c.id, channel: null, keywords: [], unit_id: c.unit_id }] : [],
    ),
  ];
  const threshold = org?.auto_route_threshold ?? null;
  const categoryUnit = new Map(categories.map((c) => [c.id, c.unit_id]));

  type Planned = {
    q: IncomingQuestion;
    caseId: string;
    received: Date;
    kind: CaseKind;
    kindConfidence: number | null;
    kindReasons: readonly string[];
    minor: boolean;
    concern: ReturnType<typeof assessConcernLearned>;
    secrecy: ReturnType<typeof assessSecrecy>;
    unitId: string | null;
    suggestion: UnitSuggestion | null;
  };
  const fresh: { q: IncomingQuestion; caseId: string; text: string }[] = [];
  const results: (ReceiveResult | Planned | number)[] = [];
  const firstInBatch = new Map<string, string>();
  for (const q of questions) {
    const dup = q.externalId ? (seen.get(q.externalId) ?? firstInBatch.get(q.externalId)) : undefined;
    if (dup) {
      results.push({ ok: false, error: "duplicate", caseId: dup });
      continue;
    }
    const caseId = uuidv7();
    if (q.externalId) firstInBatch.set(q.externalId, caseId);
    results.push(fresh.length);
    fresh.push({ q, caseId, text: arrivalText(q.subject, q.body) });
  }

  // What the other modules and the history know, asked once per batch where they can be.
  const senders = [...new Set(fresh.map((f) => requesterEmail(f.q)).filter((e): e is string => e !== null))];
  const needsUnit = (q: IncomingQuestion) => !q.unitId && !q.minorImportance && !q.automatic;
  // What other modules know helps; it never stops a message from being stored.
  const [journalists, classifier] = await Promise.all([
    (deps.arrival?.knownJournalists(db, orgId, senders) ?? Promise.resolve(new Set<string>())).catch(
      () => new Set<string>(),
    ),
    fresh.some((f) => needsUnit(f.q))
      ? historyClassifier(db, orgId).catch(() => undefined)
      : Promise.resolve(undefined),
  ]);
  const noStems = () => fresh.map((): string[] => []);
  const stems =
    classifier && classifier.size > 0
      ? await stemsOfMany(
          db,
          fresh.map((f) => f.text),
        ).catch(noStems)
      : noStems();

  const planned: Planned[] = [];
  for (const [i, { q, caseId, text }] of fresh.entries()) {
    const sender = requesterEmail(q);
    const given = q.kind ?? (q.minorImportance || q.automatic ? "question" : undefined);
    const assessed = given
      ? null
      : assessArrival(text, {
          sender,
          knownJournalist: sender !== null && journalists.has(sender),
          chosenCategory: q.categoryId !== undefined && q.categoryId !== null,
        });
    const detected = assessed
      ? { kind: assessed.kind, confidence: assessed.kindConfidence, reasons: assessed.kindReasons }
      : { kind: given as CaseKind, confidence: null, reasons: [] as readonly string[] };
    const journalist = sender !== null && (journalists.has(sender) || isNewsDomain(sender));
    const concern = assessed?.concern ?? assessConcernLearned(text, { journalist });
    // Only the channel says "no answer needed" (an auto-reply, a bounce): a message that merely
    // looks minor stays on the board, is acknowledged and is counted, for a person to judge.
    const minor = q.minorImportance === true;
    const kind: CaseKind = detected.kind === "minor" ? "other" : detected.kind;
    const kindReasons = detected.kind === "minor" ? [...detected.reasons, "likelyMinor"] : detected.reasons;
    const chosenCategoryUnit = q.categoryId ? (categoryUnit.get(q.categoryId) ?? null) : null;
    const secrecy = assessSecrecy(text, { concern: concern.concern });
    let suggestion: UnitSuggestion | null = null;
    let unitId: string | null;
    if (q.unitId && !concern.concern) unitId = q.unitId;
    else if (chosenCategoryUnit && !concern.concern && kind !== "media" && kind !== "document_request" && !minor)
      // The person chose a category that belongs to a unit: their choice, not a guess.
      unitId = chosenCategoryUnit;
    else {
      if (needsUnit(q) && !concern.concern && kind !== "media" && kind !== "document_request" && !minor) {
        suggestion = await suggestUnitAsking(
          { categoryId: q.categoryId ?? null, channel: q.channel, text },
          {
            rules: candidates,
            history: classifier?.suggest(stems[i] ?? []) ?? [],
            historySize: classifier?.size ?? 0,
            prior: unitPrior(text, unitByName),
          },
          () => (deps.arrival?.unitEvidence(db, orgId, text) ?? Promise.resolve([])).catch(() => []),
        );
      }
      const fixed = arrivalUnit(minor ? "minor" : kind, concern.concern, suggestion, fixedUnits);
      // Kinds with a fixed unit go there; a suggestion routes only at or above the admin's
      // threshold, and never a secret case: a wrong guess would let another unit read it, so the
      // registrar routes those (the suggestion is on the case for them, from the inside).
      const fixedKind = concern.concern || minor || kind === "media" || kind === "document_request";
      unitId = fixedKind
        ? fixed.unitId
        : suggestion && !secrecy.secret && threshold !== null && suggestion.confidence >= threshold
          ? suggestion.unitId
          : null;
    }
    const p: Planned = {
      q,
      caseId,
      received: q.receivedAt ?? new Date(),
      kind,
      kindConfidence: detected.confidence,
      kindReasons,
      minor,
      concern,
      secrecy,
      unitId,
      suggestion,
    };
    planned.push(p);
  }
  for (const [i, r] of results.entries()) if (typeof r === "number") results[i] = planned[r] as Planned;

  if (planned.length === 0) return results as ReceiveResult[];
  const settled = results as (ReceiveResult | Planned)[];

  // Numbers per year, first: a rolled-back batch leaves a gap, never a duplicate number.
  const numbers = new Map<Planned, string>();
  const byYear = new Map<number, Planned[]>();
  for (const p of planned) {
    const year = Number(p.received.toISOString().slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), p]);
  }
  for (const [year, list] of byYear) {
    const taken = await takeNumbers(db, orgId, year, list.length);
    list.forEach((p, i) => numbers.set(p, taken[i] as string));
  }

  const done = new Map<Planned, ReceiveResult>();
  try {
    await db.transaction().execute(async (trx) => {
      const rows = planned.map((p) => {
        const followToken = followTokenFor(deps.secret, p.caseId);
        const due = firstAnswerDue(p.received, p.kind, p.concern.concern, undefined, p.q.publicComment === true);
        done.set(p, {
          ok: true,
          caseId: p.caseId,
          number: numbers.get(p) as string,
          followToken,
          due,
          concern: p.concern.concern,
          secret: p.secrecy.secret,
          unitId: p.unitId,
          kind: p.kind,
          minor: p.minor,
          suggestion: p.suggestion,
        });
        return {
          id: p.caseId,
          org_id: orgId,
          number: numbers.get(p) as string,
          channel: p.q.channel,
          kind: p.kind,
          category_id: p.q.categoryId ?? null,
          unit_id: p.unitId,
          // Obviously minor (said by the channel) is closed at once; an answer given in person answers it.
          status: p.q.minorImportance
            ? ("closed" as const)
            : answeredInPerson(p)
              ? ("answered" as const)
              : ("new" as const),
          first_answered_at: answeredInPerson(p) ? p.received : null,
          minor_importance: p.minor,
          closed_at: p.q.minorImportance ? p.received : null,
          secret: p.secrecy.secret,
          priority: p.concern.concern ? ("urgent" as const) : ("normal" as const),
          concern_report: p.concern.concern,
          concern_reasons: [...p.concern.reasons],
          subject: p.q.subject?.trim() || subjectFrom(p.q.body),
          requester_name: p.q.requester.name?.trim() || null,
          requester_email: requesterEmail(p.q),
          requester_phone: p.q.requester.phone?.trim() || null,
          follow_token_hash: hashFollowToken(followToken),
          received_at: p.received,
          first_answer_due: due,
          kind_confidence: p.kindConfidence,
          kind_reasons: [...p.kindReasons],
          suggested_unit_id: p.suggestion?.unitId ?? null,
          suggestion_confidence: p.suggestion?.confidence ?? null,
          suggestion_sources: [...(p.suggestion?.sources ?? [])],
          logged_by: p.q.loggedBy ?? null,
        };
      });
      await trx.insertInto("cases").values(rows).execute();
      const messages = planned.map((p) => ({
        id: uuidv7(),
        org_id: orgId,
        case_id: p.caseId,
        direction: "in" as const,
        channel: p.q.channel,
        body: p.q.body,
        external_id: p.q.externalId ?? null,
        raw_source: p.q.rawSource ?? null,
        automatic: p.q.automatic ?? false,
        created_at: p.received,
      }));
      const given = planned.flatMap((p) =>
        p.q.givenAnswer?.trim()
          ? [
              {
                id: uuidv7(),
                org_id: orgId,
                case_id: p.caseId,
                direction: answeredInPerson(p) ? ("out" as const) : ("note" as const),
                channel: answeredInPerson(p) ? p.q.channel : "internal",
                author_id: p.q.loggedBy ?? null,
                body: p.q.givenAnswer.trim(),
                external_id: null,
                raw_source: null,
                automatic: false,
                created_at: p.received,
              },
            ]
          : [],
      );
      await trx
        .insertInto("case_messages")
        .values([...messages, ...given])
        .execute();
      const files = planned.flatMap((p, i) =>
        (p.q.attachments ?? []).map((a) => ({
          org_id: orgId,
          case_id: p.caseId,
          message_id: messages[i]?.id ?? null,
          filename: a.filename,
          content_type: a.contentType,
          size: a.data.length,
          data: a.data,
        })),
      );
      if (files.length > 0) await trx.insertInto("attachments").values(files).execute();
      await trx
        .insertInto("case_events")
        .values(
          planned.map((p) => ({
            org_id: orgId,
            case_id: p.caseId,
            type: "received",
            details: JSON.stringify({
              channel: p.q.channel,
              kind: p.kind,
              kindReasons: p.kindReasons,
              concern: p.concern.concern,
              reasons: p.concern.reasons,
              unitId: p.unitId,
              suggestion: p.suggestion
                ? { unitId: p.suggestion.unitId, confidence: p.suggestion.confidence, sources: p.suggestion.sources }
                : null,
              loggedBy: p.q.loggedBy ?? null,
              secret: p.secrecy.secret,
              secrecyReasons: p.secrecy.reasons,
              automatic: p.q.automatic ?? false,
              minor: p.minor,
            }),
          })),
        )
        .execute();
      const givenEvents = planned.flatMap((p) =>
        p.q.givenAnswer?.trim()
          ? [
              {
                org_id: orgId,
                case_id: p.caseId,
                actor_id: p.q.loggedBy ?? null,
                type: answeredInPerson(p) ? "reply" : "note",
                details: JSON.stringify({ givenInPerson: true }),
              },
            ]
          : [],
      );
      if (givenEvents.length > 0) await trx.insertInto("case_events").values(givenEvents).execute();
      await trx
        .insertInto("audit_log")
        .values(
          planned.map((p) => ({
            org_id: actor.orgId,
            actor_id: actor.userId,
            actor_label: actor.label,
            action: "case.receive",
            subject_type: "case",
            subject_id: p.caseId,
            ip: actor.ip ?? null,
            request_id: actor.requestId ?? null,
            details: JSON.stringify({
              number: numbers.get(p),
              channel: p.q.channel,
              kind: p.kind,
              concern: p.concern.concern,
              secret: p.secrecy.secret,
            }),
          })),
        )
        .execute();
      await deps.jobs.sendMany(
        planned
          .filter((p) => requesterEmail(p.q) !== null && p.q.acknowledge !== false && !p.q.automatic && !p.minor)
          .map((p) => ({
            name: "inbox.send-acknowledgement",
            data: { caseId: p.caseId },
            idempotencyKey: `ack:${p.caseId}`,
          })),
        { within: trx },
      );
      // The registers other modules keep for a kind (requests for documents), in this transaction.
      const byKind = new Map<string, CaseArrival[]>();
      for (const p of planned) {
        if (p.concern.concern || p.minor) continue;
        byKind.set(p.kind, [
          ...(byKind.get(p.kind) ?? []),
          {
            orgId,
            caseId: p.caseId,
            number: numbers.get(p) as string,
            receivedAt: p.received,
            text: arrivalText(p.q.subject, p.q.body),
            unitId: p.unitId,
          },
        ]);
      }
      // A register that fails must not lose the message: its part is rolled back to a savepoint,
      // the case says so in its history, and staff register it from the case page.
      for (const [kind, arrivals] of byKind) {
        const register = deps.arrival?.arrivalRegister(kind);
        if (!register) continue;
        await sql`savepoint arrival_register`.execute(trx);
        try {
          await register.register(trx, actor, arrivals);
          await sql`release savepoint arrival_register`.execute(trx);
        } catch (error) {
          await sql`rollback to savepoint arrival_register`.execute(trx);
          await trx
            .insertInto("case_events")
            .values(
              arrivals.map((a) => ({
                org_id: orgId,
                case_id: a.caseId,
                type: "register-failed",
                details: JSON.stringify({ kind, error: error instanceof Error ? error.message.slice(0, 200) : "" }),
              })),
            )
            .execute();
        }
      }
    });
  } catch (error) {
    // Another reader committed the same message meanwhile: take the batch one by one.
    if ((error as { code?: string }).code === "23505" && planned.length > 1) {
      const out: ReceiveResult[] = [];
      for (const r of settled) out.push("q" in r ? await receiveQuestion(deps, actor, r.q) : r);
      return out;
    }
    if ((error as { code?: string }).code === "23505" && planned[0]?.q.externalId) {
      const again = await db
        .selectFrom("case_messages")
        .select("case_id")
        .where("org_id", "=", orgId)
        .where("external_id", "=", planned[0].q.externalId)
        .executeTakeFirst();
      if (again)
        return settled.map((r) =>
          "q" in r ? { ok: false as const, error: "duplicate" as const, caseId: again.case_id } : r,
        );
    }
    throw error;
  }
  return settled.map((r) => ("q" in r ? (done.get(r) as ReceiveResult) : r));
}
