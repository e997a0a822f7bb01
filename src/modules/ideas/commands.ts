/**
 * Writes for ideas. Each command is one transaction: the row, the timeline step, the
 * notifications it causes, their jobs and the audit entry commit together or not at all, so a
 * crash never leaves a step nobody is told about, nor a message about a step that did not happen.
 */
import { isEmailAddress } from "../../platform/text.js";
import { sql } from "kysely";
import type { AuditActor } from "../../platform/audit/audit.js";
import { audit } from "../../platform/audit/audit.js";
import type { Db, Executor } from "../../platform/db/database.js";
import type { IdeaUpdateKind } from "../../platform/db/schema.js";
import type { JobRunner } from "../../platform/jobs/jobs.js";
import { workingDaysDeadline } from "../../platform/time/working-time.js";
import type { ArrivalExtensions } from "../../app/module.js";
import { COMMUNICATION_UNIT_SLUG, receiveQuestion } from "../inbox/index.js";
import { checkText } from "../klarsprak/index.js";
import { assessIdea } from "./moderation.js";
import { submitterKeyFor } from "./tokens.js";
import { sayer, type Lang } from "../../platform/i18n/messages.js";
import { invalid, ok, type FieldProblem, type Result } from "../../platform/result.js";
import { AppError } from "../../platform/errors.js";
import { messages } from "./messages.js";
import { ACTOR_LABEL, EDITED_DEFAULT_REASON, UNSUBSCRIBED_NOTE, concernSubject } from "./record-words.js";

export interface IdeaDeps {
  readonly db: Db;
  readonly jobs: JobRunner;
  readonly secret: string;
  /** What other modules know when a case arrives (passed on to the inbox). */
  readonly arrival?: ArrivalExtensions | undefined;
  /** Working days a unit has to give the first answer. */
  readonly firstAnswerDays: number;
  /** Days after "implemented" before the submitter is asked whether it helped. */
  readonly helpedAfterDays: number;
}

export type Problem = FieldProblem;
export type { Result };

/** The field errors of a failed command, for the form again; forbidden and not found become the error page. */
export function errorsOf(r: Exclude<Result<unknown>, { ok: true }>): readonly FieldProblem[] {
  if (r.kind === "invalid") return r.errors;
  throw new AppError(r.kind === "forbidden" ? "KS_FORBIDDEN" : "KS_NOT_FOUND");
}

const failed = (problems: readonly FieldProblem[]) => ({
  ok: false as const,
  kind: "invalid" as const,
  errors: problems,
});

export const LIMITS = {
  title: 150,
  description: 5000,
  answer: 5000,
  reason: 1000,
  attachmentBytes: 5 * 1024 * 1024,
} as const;

export interface NewIdea {
  readonly orgId: string;
  readonly source: "resident" | "employee";
  readonly title: string;
  readonly description: string;
  readonly categoryId: string | null;
  readonly submitterName?: string | undefined;
  readonly submitterEmail?: string | undefined;
  /** A signed-in employee. */
  readonly userId?: string | undefined;
  readonly anonymous?: boolean | undefined;
  /** An employee may send the idea straight to an innovation group. */
  readonly groupId?: string | null | undefined;
  readonly attachment?: { readonly filename: string; readonly contentType: string; readonly data: Buffer } | undefined;
  readonly receivedAt?: Date | undefined;
}

/** Checks what a person wrote; the same rules on every way in. */
export function validateIdea(i: Pick<NewIdea, "title" | "description">, lang: Lang): Problem[] {
  const say = sayer(messages, lang);
  const problems: Problem[] = [];
  const title = i.title.trim();
  const description = i.description.trim();
  if (!title) problems.push({ field: "title", message: say("error.title.missing") });
  else if (title.length > LIMITS.title)
    problems.push({ field: "title", message: say("error.title.tooLong", { max: LIMITS.title }) });
  if (!description) problems.push({ field: "description", message: say("error.description.missing") });
  else if (description.length > LIMITS.description)
    problems.push({ field: "description", message: say("error.description.tooLong", { max: LIMITS.description }) });
  else if (description.length < 10) problems.push({ field: "description", message: say("error.description.tooShort") });
  return problems;
}

/** Registration numbers for ideas, taken in their own short transaction (like a sequence). */
async function takeNumber(db: Db, orgId: string, year: number): Promise<string> {
  const row = await sql<{ last: number }>`
    insert into idea_counters (org_id, year, last) values (${orgId}, ${year}, 1)
    on conflict (org_id, year) do update set last = idea_counters.last + 1
    returning last`.execute(db);
  return `IDE-${year}-${String(row.rows[0]?.last ?? 1).padStart(6, "0")}`;
}

async function initialState(db: Executor, orgId: string): Promise<string> {
  const s = await db
    .selectFrom("idea_states")
    .select("id")
    .where("org_id", "=", orgId)
    .where("active", "=", true)
    .orderBy("is_initial", "desc")
    .orderBy("position")
    .limit(1)
    .executeTakeFirst();
  if (!s) throw new Error("No idea states are defined; an admin must add at least one");
  return s.id;
}

interface Step {
  readonly kind: IdeaUpdateKind;
  readonly stateId?: string | null;
  readonly answer?: string;
  readonly reason?: string;
  readonly decidedBy?: string;
  readonly actor?: AuditActor;
  readonly actorName?: string;
  readonly public: boolean;
  readonly notifies: boolean;
  readonly details?: Record<string, unknown>;
}

/**
 * Writes a step on the timeline. When it notifies, one notification row per recipient — the
 * submitter (always, by e-mail at once) and every confirmed follower (at once or in the daily
 * digest, as they chose) — and a job for each immediate one, keyed by the row, in the same
 * transaction.
 */
async function addStep(trx: Executor, jobs: JobRunner, orgId: string, ideaId: string, step: Step): Promise<string> {
  const u = await trx
    .insertInto("idea_updates")
    .values({
      org_id: orgId,
      idea_id: ideaId,
      kind: step.kind,
      state_id: step.stateId ?? null,
      answer: step.answer ?? "",
      reason: step.reason ?? "",
      decided_by: step.decidedBy ?? "",
      actor_id: step.actor?.userId ?? null,
      actor_name: step.actorName ?? "",
      public: step.public,
      notifies: step.notifies,
      details: JSON.stringify(step.details ?? {}),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (!step.notifies) return u.id;
  const idea = await trx
    .selectFrom("ideas")
    .select(["submitter_email", "submitter_user_id", "submitter_key", "status"])
    .where("id", "=", ideaId)
    .executeTakeFirstOrThrow();
  const immediate: string[] = [];
  if (idea.submitter_email || idea.submitter_user_id || idea.submitter_key) {
    const n = await trx
      .insertInto("idea_notifications")
      .values({
        org_id: orgId,
        idea_id: ideaId,
        update_id: u.id,
        recipient: "submitter",
        follower_id: null,
        email: idea.submitter_email,
        delivery: "immediate",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    immediate.push(n.id);
  }
  // Followers hear only about what is public, and only while the idea is public.
  if (step.public && idea.status === "open") {
    const followers = await trx
      .selectFrom("idea_followers")
      .select(["id", "email", "frequency"])
      .where("idea_id", "=", ideaId)
      .where("confirmed_at", "is not", null)
      .where("unsubscribed_at", "is", null)
      .execute();
    const submitterEmail = idea.submitter_email?.toLowerCase();
    for (const f of followers) {
      if (f.email.toLowerCase() === submitterEmail) continue; // the submitter already hears of it
      const n = await trx
        .insertInto("idea_notifications")
        .values({
          org_id: orgId,
          idea_id: ideaId,
          update_id: u.id,
          recipient: "follower",
          follower_id: f.id,
          email: f.email,
          delivery: f.frequency,
        })
        .returning(["id", "delivery"])
        .executeTakeFirstOrThrow();
      if (n.delivery === "immediate") immediate.push(n.id);
    }
  }
  for (const id of immediate)
    await jobs.send("ideas.notify", { notificationId: id }, { within: trx, idempotencyKey: id });
  return u.id;
}

/**
 * Receives an idea. A resident's idea waits for the e-mail confirmation (it is registered at
 * once: it has arrived); an employee's is confirmed by the sign-in and goes on at once.
 */
export async function submitIdea(
  deps: IdeaDeps,
  actor: AuditActor,
  i: NewIdea,
  lang: Lang,
): Promise<Result<{ id: string; number: string; status: string }>> {
  const say = sayer(messages, lang);
  const problems = validateIdea(i, lang);
  if (i.source === "resident" && !i.submitterEmail)
    problems.push({ field: "email", message: say("error.email.missing") });
  if (i.source === "employee" && !i.userId) problems.push({ field: "title", message: say("error.signIn") });
  if (i.attachment && i.attachment.data.length > LIMITS.attachmentBytes)
    problems.push({ field: "file", message: say("error.file.tooBig") });
  if (problems.length > 0) return failed(problems);
  const received = i.receivedAt ?? new Date();
  const number = await takeNumber(deps.db, i.orgId, received.getFullYear());
  const stateId = await initialState(deps.db, i.orgId);
  const anonymous = i.source === "employee" && i.anonymous === true;
  const id = await deps.db.transaction().execute(async (trx) => {
    const idea = await trx
      .insertInto("ideas")
      .values({
        org_id: i.orgId,
        number,
        title: i.title.trim(),
        description: i.description.trim(),
        category_id: i.categoryId,
        source: i.source,
        audience: i.source === "resident" ? "public" : "internal",
        submitter_name: anonymous ? null : i.submitterName?.trim() || null,
        submitter_email: anonymous || i.source === "employee" ? null : i.submitterEmail?.trim() || null,
        submitter_user_id: anonymous ? null : (i.userId ?? null),
        submitter_key: anonymous && i.userId ? submitterKeyFor(deps.secret, i.userId) : null,
        anonymous,
        status: "unconfirmed",
        state_id: stateId,
        group_id: i.groupId ?? null,
        received_at: received,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (i.attachment) {
      await trx
        .insertInto("idea_attachments")
        .values({
          org_id: i.orgId,
          idea_id: idea.id,
          filename: i.attachment.filename.slice(0, 200),
          content_type: i.attachment.contentType,
          size: i.attachment.data.length,
          data: i.attachment.data,
        })
        .execute();
    }
    await addStep(trx, deps.jobs, i.orgId, idea.id, { kind: "received", stateId, public: true, notifies: false });
    // An anonymous employee is not named in the audit log either: the entry says what, not who.
    await audit(trx, anonymous ? { ...actor, userId: null, label: ACTOR_LABEL.anonymousEmployee } : actor, {
      action: "idea.submit",
      subjectType: "idea",
      subjectId: idea.id,
      details: { number, source: i.source, anonymous },
    });
    if (i.source === "resident")
      await deps.jobs.send("ideas.send-confirmation", { ideaId: idea.id }, { within: trx, idempotencyKey: idea.id });
    return idea.id;
  });
  if (i.source === "employee") {
    const confirmed = await confirmIdea(
      deps,
      anonymous ? { ...actor, userId: null, label: ACTOR_LABEL.anonymousEmployee } : actor,
      id,
      lang,
    );
    if (!confirmed.ok) return confirmed;
    return ok({ id, number, status: confirmed.value.status });
  }
  return ok({ id, number, status: "unconfirmed" });
}

/** The unit or group an idea goes to first: the one the employee chose, else the category's owner. */
async function firstOwner(
  trx: Executor,
  orgId: string,
  ideaId: string,
): Promise<{ unitId: string | null; groupId: string | null }> {
  const i = await trx
    .selectFrom("ideas as i")
    .leftJoin("idea_categories as c", "c.id", "i.category_id")
    .select(["i.group_id", "i.unit_id", "c.unit_id as category_unit", "c.group_id as category_group"])
    .where("i.id", "=", ideaId)
    .where("i.org_id", "=", orgId)
    .executeTakeFirstOrThrow();
  if (i.group_id) return { unitId: null, groupId: i.group_id };
  if (i.unit_id) return { unitId: i.unit_id, groupId: null };
  if (i.category_group) return { unitId: null, groupId: i.category_group };
  if (i.category_unit) return { unitId: i.category_unit, groupId: null };
  // No owner known: the communication unit carries it to the right table.
  const comms = await trx
    .selectFrom("units")
    .select("id")
    .where("org_id", "=", orgId)
    .where("slug", "=", COMMUNICATION_UNIT_SLUG)
    .executeTakeFirst();
  return { unitId: comms?.id ?? null, groupId: null };
}

async function ownerName(db: Executor, owner: { unitId: string | null; groupId: string | null }): Promise<string> {
  if (owner.groupId)
    return (
      (await db.selectFrom("idea_groups").select("name").where("id", "=", owner.groupId).executeTakeFirst())?.name ?? ""
    );
  if (owner.unitId)
    return (await db.selectFrom("units").select("name").where("id", "=", owner.unitId).executeTakeFirst())?.name ?? "";
  return "";
}

/**
 * The submitter confirmed (or an employee sent it): the idea is moderated, routed with its
 * first-answer deadline, and its owners are told. Held ideas are routed too, so the unit can
 * start; they become public when a moderator clears them. A second confirmation does nothing.
 */
export async function confirmIdea(
  deps: IdeaDeps,
  actor: AuditActor,
  ideaId: string,
  lang: Lang,
): Promise<Result<{ status: string; concern: boolean }>> {
  const result = await deps.db.transaction().execute(async (trx) => {
    const idea = await trx
      .selectFrom("ideas")
      .select([
        "id",
        "org_id",
        "title",
        "description",
        "status",
        "received_at",
        "number",
        "submitter_email",
        "submitter_name",
      ])
      .where("id", "=", ideaId)
      .forUpdate()
      .executeTakeFirst();
    if (!idea) return undefined;
    if (idea.status !== "unconfirmed") return { status: idea.status, concern: false, already: true, idea };
    const moderation = assessIdea(idea.title, idea.description);
    const now = new Date();
    const owner = await firstOwner(trx, idea.org_id, idea.id);
    const status = moderation.hold ? "held" : "open";
    await trx
      .updateTable("ideas")
      .set({
        status,
        confirmed_at: now,
        hold_reasons: JSON.stringify(moderation.reasons),
        unit_id: owner.unitId,
        group_id: owner.groupId,
        first_answer_due: workingDaysDeadline(now, deps.firstAnswerDays),
        updated_at: now,
      })
      .where("id", "=", idea.id)
      .execute();
    await addStep(trx, deps.jobs, idea.org_id, idea.id, { kind: "confirmed", public: false, notifies: false });
    const name = await ownerName(trx, owner);
    const routed = await addStep(trx, deps.jobs, idea.org_id, idea.id, {
      kind: "routed",
      public: true,
      notifies: false,
      decidedBy: name,
      details: { unitId: owner.unitId, groupId: owner.groupId },
    });
    if (moderation.hold) {
      // The submitter is told why at once; the moderators see the idea on their board.
      await addStep(trx, deps.jobs, idea.org_id, idea.id, {
        kind: "held",
        public: false,
        notifies: true,
        reason: moderation.reasons.join("\n"),
      });
    }
    await deps.jobs.send(
      "ideas.notify-owner",
      { ideaId: idea.id, updateId: routed },
      { within: trx, idempotencyKey: routed },
    );
    await audit(trx, actor, {
      action: "idea.confirm",
      subjectType: "idea",
      subjectId: idea.id,
      details: { status, reasons: moderation.reasons.length },
    });
    return { status, concern: moderation.concern, already: false, idea };
  });
  if (!result) return invalid("idea", sayer(messages, lang)("error.notFound"));
  // A report of concern about a child is never an idea: it goes to the inbox's intake at once
  // (after the idea's transaction: the inbox writes through its own).
  if (result.concern && !result.already) {
    await receiveQuestion({ db: deps.db, jobs: deps.jobs, secret: deps.secret, arrival: deps.arrival }, actor, {
      orgId: result.idea.org_id,
      channel: "web",
      subject: concernSubject(result.idea.number, result.idea.title).slice(0, 200),
      body: `${result.idea.title}\n\n${result.idea.description}`,
      requester: { name: result.idea.submitter_name ?? undefined, email: result.idea.submitter_email ?? undefined },
      externalId: `idea:${result.idea.id}`,
    });
  }
  return ok({ status: result.status, concern: result.concern });
}

export interface StateChange {
  readonly stateId: string;
  readonly answer: string;
  readonly decidedBy: string;
}

/** The answer must be written, short enough, and free of what the klarspråk engine calls an error (personal data). */
export function checkAnswer(answer: string, lang: Lang): Problem[] {
  const say = sayer(messages, lang);
  const a = answer.trim();
  if (!a) return [{ field: "answer", message: say("error.answer.missing") }];
  if (a.length > LIMITS.answer)
    return [{ field: "answer", message: say("error.answer.tooLong", { max: LIMITS.answer }) }];
  const errors = checkText(a).findings.filter((f) => f.severity === "error");
  if (errors.length > 0)
    return [
      { field: "answer", message: say("error.answer.refused", { problems: errors.map((f) => f.message).join(" ") }) },
    ];
  return [];
}

/** A new state with its written answer: on the timeline, to the submitter and followers when the state notifies. */
export async function changeState(
  deps: IdeaDeps,
  actor: AuditActor & { userId: string },
  orgId: string,
  ideaId: string,
  change: StateChange,
  lang: Lang,
): Promise<Result<{ updateId: string }>> {
  const say = sayer(messages, lang);
  const problems = checkAnswer(change.answer, lang);
  if (change.decidedBy.trim().length > 200)
    problems.push({ field: "decidedBy", message: say("error.decidedBy.tooLong") });
  if (problems.length > 0) return failed(problems);
  return deps.db.transaction().execute(async (trx) => {
    const idea = await trx
      .selectFrom("ideas")
      .select(["id", "status", "state_id", "first_answered_at", "audience"])
      .where("org_id", "=", orgId)
      .where("id", "=", ideaId)
      .forUpdate()
      .executeTakeFirst();
    if (!idea || idea.status === "unconfirmed") return invalid("stateId", say("error.state.notConfirmed"));
    const state = await trx
      .selectFrom("idea_states")
      .selectAll()
      .where("org_id", "=", orgId)
      .where("id", "=", change.stateId)
      .where("active", "=", true)
      .executeTakeFirst();
    if (!state) return invalid("stateId", say("error.state.choose"));
    const user = await trx.selectFrom("staff_users").select("name").where("id", "=", actor.userId).executeTakeFirst();
    const now = new Date();
    const updateId = await addStep(trx, deps.jobs, orgId, ideaId, {
      kind: "state",
      stateId: state.id,
      answer: change.answer.trim(),
      decidedBy: change.decidedBy.trim(),
      actor,
      actorName: user?.name ?? "",
      public: state.is_public,
      notifies: state.notifies,
    });
    await trx
      .updateTable("ideas")
      .set({
        state_id: state.id,
        updated_at: now,
        ...(idea.first_answered_at ? {} : { first_answered_at: now }),
        ...(state.is_implemented ? { implemented_at: now, progress: 100 } : {}),
      })
      .where("id", "=", ideaId)
      .execute();
    if (state.is_implemented) {
      await deps.jobs.send(
        "ideas.ask-helped",
        { ideaId },
        {
          within: trx,
          idempotencyKey: ideaId,
          startAfter: new Date(now.getTime() + deps.helpedAfterDays * 86_400_000),
        },
      );
    }
    await audit(trx, actor, {
      action: "idea.state",
      subjectType: "idea",
      subjectId: ideaId,
      details: { state: state.slug, notifies: state.notifies, public: state.is_public },
    });
    return ok({ updateId });
  });
}

/** Moves an idea to another unit or innovation group, with the reason written down. */
export async function moveIdea(
  deps: IdeaDeps,
  actor: AuditActor & { userId: string },
  orgId: string,
  ideaId: string,
  to: { unitId: string | null; groupId: string | null },
  reason: string,
  lang: Lang,
): Promise<Result<{ updateId: string }>> {
  const say = sayer(messages, lang);
  const r = reason.trim();
  if (!to.unitId && !to.groupId) return invalid("owner", say("error.owner.choose"));
  if (!r) return invalid("reason", say("error.reason.missing"));
  if (r.length > LIMITS.reason) return invalid("reason", say("error.tooLong", { max: LIMITS.reason }));
  return deps.db.transaction().execute(async (trx) => {
    const idea = await trx
      .selectFrom("ideas")
      .select(["id", "unit_id", "group_id"])
      .where("org_id", "=", orgId)
      .where("id", "=", ideaId)
      .forUpdate()
      .executeTakeFirst();
    if (!idea) return invalid("owner", say("error.notFound"));
    if (idea.unit_id === to.unitId && idea.group_id === to.groupId) return invalid("owner", say("error.owner.same"));
    const exists = to.groupId
      ? await trx
          .selectFrom("idea_groups")
          .select("id")
          .where("org_id", "=", orgId)
          .where("id", "=", to.groupId)
          .where("active", "=", true)
          .executeTakeFirst()
      : await trx
          .selectFrom("units")
          .select("id")
          .where("org_id", "=", orgId)
          .where("id", "=", to.unitId as string)
          .executeTakeFirst();
    if (!exists) return invalid("owner", say("error.owner.chooseFromList"));
    const name = await ownerName(trx, to);
    const from = await ownerName(trx, { unitId: idea.unit_id, groupId: idea.group_id });
    await trx
      .updateTable("ideas")
      .set({ unit_id: to.unitId, group_id: to.groupId, updated_at: new Date() })
      .where("id", "=", ideaId)
      .execute();
    const updateId = await addStep(trx, deps.jobs, orgId, ideaId, {
      kind: "moved",
      reason: r,
      decidedBy: name,
      actor,
      public: true,
      notifies: false,
      details: { from, unitId: to.unitId, groupId: to.groupId },
    });
    await deps.jobs.send("ideas.notify-owner", { ideaId, updateId }, { within: trx, idempotencyKey: updateId });
    await audit(trx, actor, {
      action: "idea.move",
      subjectType: "idea",
      subjectId: ideaId,
      details: { from, to: name, reason: r },
    });
    return ok({ updateId });
  });
}

/** How far an idea that became work has come, 0–100 %, with a short note. */
export async function setProgress(
  deps: IdeaDeps,
  actor: AuditActor & { userId: string },
  orgId: string,
  ideaId: string,
  progress: number,
  note: string,
  lang: Lang,
): Promise<Result<null>> {
  const say = sayer(messages, lang);
  if (!Number.isInteger(progress) || progress < 0 || progress > 100) return invalid("progress", say("error.progress"));
  const n = note.trim();
  if (n.length > LIMITS.reason) return invalid("progressNote", say("error.tooLong", { max: LIMITS.reason }));
  return deps.db.transaction().execute(async (trx) => {
    const idea = await trx
      .updateTable("ideas")
      .set({ progress, progress_note: n, updated_at: new Date() })
      .where("org_id", "=", orgId)
      .where("id", "=", ideaId)
      .where("status", "in", ["open", "held"])
      .returning("id")
      .executeTakeFirst();
    if (!idea) return invalid("progress", say("error.notFound"));
    await addStep(trx, deps.jobs, orgId, ideaId, {
      kind: "progress",
      answer: n,
      actor,
      public: true,
      notifies: false,
      details: { progress },
    });
    await audit(trx, actor, { action: "idea.progress", subjectType: "idea", subjectId: ideaId, details: { progress } });
    return ok(null);
  });
}

/** A decision or a result the idea led to, as a link. */
export async function addLink(
  deps: IdeaDeps,
  actor: AuditActor & { userId: string },
  orgId: string,
  ideaId: string,
  link: { kind: string; title: string; url: string },
  lang: Lang,
): Promise<Result<null>> {
  const say = sayer(messages, lang);
  if (link.kind !== "decision" && link.kind !== "result") return invalid("linkKind", say("error.link.kind"));
  const title = link.title.trim();
  if (!title || title.length > 200) return invalid("linkTitle", say("error.link.title"));
  let url: URL;
  try {
    url = new URL(link.url.trim());
  } catch {
    return invalid("linkUrl", say("error.link.url"));
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return invalid("linkUrl", say("error.link.url"));
  const kind = link.kind;
  return deps.db.transaction().execute(async (trx) => {
    const idea = await trx
      .selectFrom("ideas")
      .select("id")
      .where("org_id", "=", orgId)
      .where("id", "=", ideaId)
      .executeTakeFirst();
    if (!idea) return invalid("linkTitle", say("error.notFound"));
    await trx
      .insertInto("idea_links")
      .values({ org_id: orgId, idea_id: ideaId, kind, title, url: url.toString(), created_by: actor.userId })
      .execute();
    await addStep(trx, deps.jobs, orgId, ideaId, {
      kind: "link",
      answer: title,
      actor,
      public: true,
      notifies: false,
      details: { kind, url: url.toString() },
    });
    await audit(trx, actor, {
      action: "idea.link",
      subjectType: "idea",
      subjectId: ideaId,
      details: { kind, url: url.toString() },
    });
    return ok(null);
  });
}

/**
 * A moderator clears a held idea (perhaps with personal data taken out of the text) or rejects
 * it. Either way the submitter is told; a rejection says why.
 */
export async function moderateIdea(
  deps: IdeaDeps,
  actor: AuditActor & { userId: string },
  orgId: string,
  ideaId: string,
  decision: { action: "clear" | "reject"; reason: string; title?: string; description?: string },
  lang: Lang,
): Promise<Result<null>> {
  const say = sayer(messages, lang);
  const reason = decision.reason.trim();
  if (decision.action === "reject" && !reason) return invalid("moderationReason", say("error.moderation.reason"));
  if (reason.length > LIMITS.reason) return invalid("moderationReason", say("error.tooLong", { max: LIMITS.reason }));
  return deps.db.transaction().execute(async (trx) => {
    const idea = await trx
      .selectFrom("ideas")
      .select(["id", "title", "description", "status"])
      .where("org_id", "=", orgId)
      .where("id", "=", ideaId)
      .forUpdate()
      .executeTakeFirst();
    if (!idea || idea.status !== "held") return invalid("moderationReason", say("error.moderation.notHeld"));
    const title = (decision.title ?? idea.title).trim();
    const description = (decision.description ?? idea.description).trim();
    if (decision.action === "clear") {
      const problems = validateIdea({ title, description }, lang);
      if (problems.length > 0) return failed(problems);
      if (assessIdea(title, description).personalData)
        return invalid("description", say("error.moderation.personalData"));
      const edited = title !== idea.title || description !== idea.description;
      await trx
        .updateTable("ideas")
        .set({ status: "open", title, description, hold_reasons: "[]", updated_at: new Date() })
        .where("id", "=", ideaId)
        .execute();
      // The text before the edit is not kept: it held what must not be published.
      if (edited)
        await addStep(trx, deps.jobs, orgId, ideaId, {
          kind: "edited",
          reason: reason || EDITED_DEFAULT_REASON,
          actor,
          public: true,
          notifies: false,
        });
      await addStep(trx, deps.jobs, orgId, ideaId, {
        kind: "cleared",
        reason,
        actor,
        public: false,
        notifies: true,
        details: { edited },
      });
    } else {
      await trx
        .updateTable("ideas")
        .set({ status: "rejected", updated_at: new Date() })
        .where("id", "=", ideaId)
        .execute();
      await addStep(trx, deps.jobs, orgId, ideaId, { kind: "rejected", reason, actor, public: false, notifies: true });
    }
    await audit(trx, actor, {
      action: `idea.${decision.action}`,
      subjectType: "idea",
      subjectId: ideaId,
      details: { reason },
    });
    return ok(null);
  });
}

/**
 * Starts following an idea: a confirmation mail first (double opt-in). Following again after
 * unsubscribing asks again; at most one confirmation mail a day per address and idea.
 */
export async function followIdea(
  deps: IdeaDeps,
  orgId: string,
  ideaId: string,
  email: string,
  frequency: "immediate" | "daily",
  lang: Lang,
): Promise<Result<{ followerId: string; alreadyFollowing: boolean }>> {
  const say = sayer(messages, lang);
  const address = email.trim().toLowerCase();
  if (!isEmailAddress(address) || address.length > 320) return invalid("followEmail", say("error.email.format"));
  return deps.db.transaction().execute(async (trx) => {
    const idea = await trx
      .selectFrom("ideas")
      .select("id")
      .where("org_id", "=", orgId)
      .where("id", "=", ideaId)
      .where("status", "=", "open")
      .where("audience", "=", "public")
      .executeTakeFirst();
    if (!idea) return invalid("followEmail", say("error.notFound"));
    const existing = await trx
      .selectFrom("idea_followers")
      .selectAll()
      .where("idea_id", "=", ideaId)
      .where("email", "=", address)
      .executeTakeFirst();
    if (existing?.confirmed_at && !existing.unsubscribed_at) {
      if (existing.frequency !== frequency)
        await trx.updateTable("idea_followers").set({ frequency }).where("id", "=", existing.id).execute();
      return ok({ followerId: existing.id, alreadyFollowing: true });
    }
    const follower = existing
      ? await trx
          .updateTable("idea_followers")
          .set({ frequency, confirmed_at: null, unsubscribed_at: null })
          .where("id", "=", existing.id)
          .returning("id")
          .executeTakeFirstOrThrow()
      : await trx
          .insertInto("idea_followers")
          .values({ org_id: orgId, idea_id: ideaId, email: address, frequency })
          .returning("id")
          .executeTakeFirstOrThrow();
    await deps.jobs.send(
      "ideas.send-follow-confirmation",
      { followerId: follower.id },
      { within: trx, idempotencyKey: `${follower.id}:${new Date().toISOString().slice(0, 10)}` },
    );
    await audit(trx, FOLLOWER, {
      action: "idea.follow",
      subjectType: "idea",
      subjectId: ideaId,
      details: { followerId: follower.id },
    });
    return ok({ followerId: follower.id, alreadyFollowing: false });
  });
}

/** The audit log's actor for what a follower does through a signed link (no account, no name). */
const FOLLOWER = { orgId: null, userId: null, label: ACTOR_LABEL.follower } as const;

export async function confirmFollow(db: Db, followerId: string): Promise<{ ideaNumber: string } | undefined> {
  const f = await db
    .updateTable("idea_followers")
    .set({ confirmed_at: new Date() })
    .where("id", "=", followerId)
    .where("unsubscribed_at", "is", null)
    .returning(["idea_id", "org_id"])
    .executeTakeFirst();
  if (!f) return undefined;
  await audit(
    db,
    { ...FOLLOWER, orgId: f.org_id },
    { action: "idea.follow.confirm", subjectType: "idea", subjectId: f.idea_id, details: { followerId } },
  );
  const i = await db.selectFrom("ideas").select("number").where("id", "=", f.idea_id).executeTakeFirstOrThrow();
  return { ideaNumber: i.number };
}

/**
 * Stops following: at once, and whatever was waiting for the digest is dropped, so no further
 * message reaches the address. `all` stops every idea the address follows.
 */
export async function unsubscribe(db: Db, followerId: string, all: boolean): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const f = await trx
      .selectFrom("idea_followers")
      .select(["id", "email", "org_id"])
      .where("id", "=", followerId)
      .executeTakeFirst();
    if (!f) return 0;
    const now = new Date();
    const ids = all
      ? (
          await trx
            .selectFrom("idea_followers")
            .select("id")
            .where("org_id", "=", f.org_id)
            .where("email", "=", f.email)
            .execute()
        ).map((r) => r.id)
      : [f.id];
    await trx
      .updateTable("idea_followers")
      .set({ unsubscribed_at: now })
      .where("id", "in", ids)
      .where("unsubscribed_at", "is", null)
      .execute();
    await trx
      .updateTable("idea_notifications")
      .set({ status: "skipped", last_error: UNSUBSCRIBED_NOTE })
      .where("follower_id", "in", ids)
      .where("status", "=", "pending")
      .execute();
    await audit(
      trx,
      { ...FOLLOWER, orgId: f.org_id },
      {
        action: "idea.follow.stop",
        subjectType: "idea_follower",
        subjectId: f.id,
        details: { all, follows: ids.length },
      },
    );
    return ids.length;
  });
}

/** The submitter's answer to "did it help?"; given once, shown on the idea. */
export async function answerHelped(
  deps: IdeaDeps,
  orgId: string,
  ideaId: string,
  helped: string,
  comment: string,
  lang: Lang,
): Promise<Result<null>> {
  const say = sayer(messages, lang);
  if (helped !== "yes" && helped !== "partly" && helped !== "no") return invalid("helped", say("error.helped.choose"));
  const c = comment.trim();
  if (c.length > LIMITS.reason) return invalid("helpedComment", say("error.tooLong", { max: LIMITS.reason }));
  if (c && assessIdea("", c).hold) return invalid("helpedComment", say("error.helped.comment"));
  return deps.db.transaction().execute(async (trx) => {
    const i = await trx
      .updateTable("ideas")
      .set({ helped, helped_comment: c, helped_at: new Date(), updated_at: new Date() })
      .where("org_id", "=", orgId)
      .where("id", "=", ideaId)
      .where("implemented_at", "is not", null)
      .where("helped", "is", null)
      .returning("id")
      .executeTakeFirst();
    if (!i) return invalid("helped", say("error.helped.already"));
    await addStep(trx, deps.jobs, orgId, ideaId, {
      kind: "helped",
      answer: c,
      public: true,
      notifies: false,
      details: { helped },
    });
    await audit(
      trx,
      { orgId, userId: null, label: ACTOR_LABEL.submitter },
      { action: "idea.helped", subjectType: "idea", subjectId: ideaId, details: { helped } },
    );
    return ok(null);
  });
}
