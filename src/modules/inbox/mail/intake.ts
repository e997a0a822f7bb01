/**
 * ReceiveMails: a batch fetched from a shared mailbox becomes cases and messages. Each e-mail
 * is stored exactly once (by Message-ID, or a hash of its bytes when it has none):
 * - a reply threads into its case — by its "+token" reply address, by In-Reply-To/References
 *   naming one of our messages, or naming an earlier message from the same requester;
 * - an automatic reply is stored on its case (or as a case of minor importance) and never
 *   answered; a mailing-list or no-reply message becomes a case that is not acknowledged;
 * - a bounce marks the message it bounced as "bounced" on the case, which opens again so
 *   someone reaches the requester another way;
 * - everything else is a new case, acknowledged by e-mail (receiveQuestions).
 */
import type { AuditActor } from "../../../platform/audit/audit.js";
import type { FetchedMail } from "../../../platform/mail/imap-reader.js";
import { addRequesterMessage, recordUndelivered } from "../commands/handle.js";
import { receiveQuestions, type IncomingQuestion, type InboxDeps } from "../commands/receive.js";
import { caseIdFromAddresses } from "../numbers.js";
import { ownMessage } from "./message-ids.js";
import { parseMail, withoutQuotedReply, type IncomingMail } from "./parse.js";

export interface MailIntakeOptions {
  readonly orgId: string;
  /** Our own Message-IDs end in @domain. */
  readonly domain: string;
  readonly mailbox: string;
  readonly maxAttachmentBytes: number;
}

export type MailOutcome =
  | { readonly uid: number; readonly outcome: "case"; readonly caseId: string; readonly number: string }
  | { readonly uid: number; readonly outcome: "thread" | "automatic-reply" | "bounce"; readonly caseId: string }
  | { readonly uid: number; readonly outcome: "duplicate"; readonly caseId: string | undefined };

async function findThread(
  deps: InboxDeps,
  options: MailIntakeOptions,
  mail: IncomingMail,
): Promise<string | undefined> {
  const { db } = deps;
  const exists = async (caseId: string | undefined) =>
    caseId
      ? (
          await db
            .selectFrom("cases")
            .select("id")
            .where("id", "=", caseId)
            .where("org_id", "=", options.orgId)
            .where("disposed_at", "is", null)
            .executeTakeFirst()
        )?.id
      : undefined;

  const byToken = await exists(caseIdFromAddresses(deps.secret, mail.recipients));
  if (byToken) return byToken;
  // Nearest first: In-Reply-To, then References from the newest.
  const named = [...new Set([...mail.inReplyTo, ...[...mail.references].reverse()])];
  for (const id of named) {
    const own = ownMessage(id, options.domain);
    if (own?.caseId) {
      const found = await exists(own.caseId);
      if (found) return found;
    }
    if (own?.messageId) {
      const m = await db
        .selectFrom("case_messages")
        .select("case_id")
        .where("id", "=", own.messageId)
        .where("org_id", "=", options.orgId)
        .executeTakeFirst();
      const found = await exists(m?.case_id);
      if (found) return found;
    }
  }
  // An earlier e-mail of the requester's own (they answered themselves, or wrote again in the thread).
  const foreign = named.filter((id) => !ownMessage(id, options.domain));
  if (foreign.length > 0 && mail.from.email) {
    const m = await db
      .selectFrom("case_messages as m")
      .innerJoin("cases as c", "c.id", "m.case_id")
      .select("c.id")
      .where("m.org_id", "=", options.orgId)
      .where("m.external_id", "in", foreign)
      .where("c.requester_email", "=", mail.from.email)
      .where("c.disposed_at", "is", null)
      .orderBy("m.created_at", "desc")
      .executeTakeFirst();
    if (m) return m.id;
  }
  return undefined;
}

/** A bounce names the message that could not be delivered: mark it, if it is one of ours. */
async function recordBounce(
  deps: InboxDeps,
  options: MailIntakeOptions,
  actor: AuditActor,
  mail: IncomingMail,
): Promise<string | undefined> {
  const details = mail.bounce;
  if (!details) return undefined;
  for (const id of details.originalIds) {
    const own = ownMessage(id, options.domain);
    if (!own) continue;
    const caseId = await recordUndelivered(deps, { ...actor, orgId: options.orgId }, own, {
      bounceId: mail.messageId,
      status: details.status,
      diagnostic: details.diagnostic,
      recipient: details.recipient,
    });
    if (caseId) return caseId;
  }
  return undefined;
}

/** The message text, with a note of what could not be read. */
function withProblems(text: string, mail: IncomingMail): string {
  return mail.problems.length > 0 ? `${text}\n\n[${mail.problems.join(" ")}]` : text;
}

function questionFrom(options: MailIntakeOptions, mail: IncomingMail, raw: Buffer): IncomingQuestion {
  const unmatchedBounce = mail.kind === "bounce";
  return {
    orgId: options.orgId,
    channel: "email",
    subject: mail.subject || undefined,
    body: withProblems(mail.text, mail),
    requester: { name: mail.from.name, email: unmatchedBounce ? undefined : mail.from.email },
    externalId: mail.messageId,
    attachments: mail.attachments,
    receivedAt: new Date(),
    rawSource: raw,
    acknowledge: mail.kind === "message",
    automatic: mail.kind === "automatic",
    minorImportance: unmatchedBounce || mail.kind === "automatic",
  };
}

export async function receiveMails(
  deps: InboxDeps,
  options: MailIntakeOptions,
  fetched: readonly FetchedMail[],
): Promise<MailOutcome[]> {
  const actor: AuditActor = { orgId: options.orgId, userId: null, label: `e-post (${options.mailbox})` };
  const parsed = await Promise.all(
    fetched.map(async (f) => ({
      f,
      mail: await parseMail(f.source, {
        truncated: f.truncated,
        size: f.size,
        maxAttachmentBytes: options.maxAttachmentBytes,
      }),
    })),
  );
  const ids = [...new Set(parsed.map((p) => p.mail.messageId))];
  const known = new Map<string, string>();
  if (ids.length > 0) {
    for (const r of await deps.db
      .selectFrom("case_messages")
      .select(["external_id", "case_id"])
      .where("org_id", "=", options.orgId)
      .where("external_id", "in", ids)
      .execute()) {
      if (r.external_id) known.set(r.external_id, r.case_id);
    }
  }

  const outcomes = new Map<number, MailOutcome>();
  const fresh: { uid: number; question: IncomingQuestion }[] = [];
  for (const { f, mail } of parsed) {
    const seenCase = known.get(mail.messageId);
    if (seenCase) {
      outcomes.set(f.uid, { uid: f.uid, outcome: "duplicate", caseId: seenCase });
      continue;
    }
    if (mail.kind === "bounce") {
      const bounced = await recordBounce(deps, options, actor, mail);
      if (bounced) {
        outcomes.set(f.uid, { uid: f.uid, outcome: "bounce", caseId: bounced });
        continue;
      }
    } else {
      const thread = await findThread(deps, options, mail);
      if (thread) {
        const automatic = mail.kind === "automatic";
        const result = await addRequesterMessage(
          deps,
          options.orgId,
          thread,
          withProblems(withoutQuotedReply(mail.text), mail),
          actor,
          {
            externalId: mail.messageId,
            rawSource: f.source,
            attachments: mail.attachments,
            automatic,
            channel: "email",
            subject: mail.subject || undefined,
          },
        );
        outcomes.set(
          f.uid,
          result.ok
            ? { uid: f.uid, outcome: automatic ? "automatic-reply" : "thread", caseId: thread }
            : { uid: f.uid, outcome: "duplicate", caseId: thread },
        );
        continue;
      }
    }
    fresh.push({ uid: f.uid, question: questionFrom(options, mail, f.source) });
  }
  const received = await receiveQuestions(
    deps,
    actor,
    fresh.map((x) => x.question),
    { externalIdsChecked: true },
  );
  received.forEach((r, i) => {
    const uid = fresh[i]?.uid as number;
    outcomes.set(
      uid,
      r.ok
        ? { uid, outcome: "case", caseId: r.caseId, number: r.number }
        : { uid, outcome: "duplicate", caseId: r.caseId },
    );
  });
  return fetched.map((f) => outcomes.get(f.uid) as MailOutcome);
}
