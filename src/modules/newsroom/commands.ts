/**
 * Writes for the newsroom. A release goes draft → in review → approved (by someone other than
 * the writer) with a publishing time; it is public from that time (the queries decide, so the
 * page and the feeds change at the minute even if no job has run). Distribution is a job.
 * After publication every change carries a correction note that is shown openly.
 */
import { DateTime } from "luxon";
import type { ArrivalExtensions } from "../../app/module.js";
import type { AuditActor } from "../../platform/audit/audit.js";
import { audit } from "../../platform/audit/audit.js";
import type { Db, Executor } from "../../platform/db/database.js";
import type { JobRunner } from "../../platform/jobs/jobs.js";
import { isEmailAddress, slugify } from "../../platform/text.js";
import { ZONE } from "../../platform/time/working-time.js";
import { checkText } from "../klarsprak/index.js";
import { invalid, ok, type FieldProblem, type Result } from "../../platform/result.js";
import { processImage } from "./images.js";
import { renderMarkdown } from "./markdown.js";
import type { NewsroomSay } from "./messages.js";
import { DISTRIBUTION_ACTOR_LABEL, FALLBACK_SLUG } from "./newsroom-words.js";

export interface NewsroomDeps {
  readonly db: Db;
  readonly jobs: JobRunner;
  readonly secret: string;
  /** What other modules know when a case arrives (passed on to the inbox). */
  readonly arrival?: ArrivalExtensions | undefined;
}

export type Actor = AuditActor & { userId: string };

/** Several field problems found at once, as one invalid Result (the form shows them all). */
export function invalidAll(problems: readonly FieldProblem[]): ReturnType<typeof invalid> {
  const [first, ...more] = problems;
  return first ? invalid(first.field, first.message, ...more) : invalid("", "");
}

/** Public now: approved and its time has come. */
export function isPublic(r: { status: string; publish_at: Date | string | null }, now = new Date()): boolean {
  return r.status === "approved" && r.publish_at !== null && new Date(r.publish_at).getTime() <= now.getTime();
}

export async function createRelease(
  deps: NewsroomDeps,
  actor: Actor,
  orgId: string,
  input: { title: string; kind: string },
  say: NewsroomSay,
): Promise<Result<{ id: string }>> {
  const title = input.title.trim();
  if (!title) return invalid("title", say("error.title.missing"));
  if (title.length > 200) return invalid("title", say("error.title.long"));
  const kind = input.kind === "news" ? "news" : "press_release";
  return deps.db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto("releases")
      .values({ org_id: orgId, slug: "tmp", kind, title, created_by: actor.userId })
      .returning("id")
      .executeTakeFirstOrThrow();
    // The permalink: the title as it was first written, and a piece of the id. It never changes.
    await trx
      .updateTable("releases")
      .set({ slug: `${slugify(title, 70) || FALLBACK_SLUG}-${r.id.slice(0, 6)}` })
      .where("id", "=", r.id)
      .execute();
    await audit(trx, actor, { action: "release.create", subjectType: "release", subjectId: r.id, details: { title } });
    return ok({ id: r.id });
  });
}

export interface ReleaseText {
  readonly title: string;
  readonly lead: string;
  readonly body: string;
  readonly topic: string;
  readonly unitId: string | null;
  readonly kind: string;
  /** Required once the release is public: what was changed and why, shown on the release. */
  readonly correction: string;
}

/** The plain-language gate: errors (personal data, for example) stop review and approval; warnings go to the approver. */
export function languageCheck(r: { title: string; lead: string; body_md: string }): {
  errors: string[];
  warnings: string[];
} {
  const text = `# ${r.title}\n\n${r.lead}\n\n${r.body_md}`;
  const findings = checkText(text, "markdown").findings;
  const line = (f: { message: string; text: string }) =>
    `${f.message} ("${f.text.length > 60 ? `${f.text.slice(0, 57)}…` : f.text}")`;
  return {
    errors: findings.filter((f) => f.severity === "error").map(line),
    warnings: findings.filter((f) => f.severity === "warning").map(line),
  };
}

export async function saveText(
  deps: NewsroomDeps,
  actor: Actor,
  orgId: string,
  id: string,
  t: ReleaseText,
  say: NewsroomSay,
): Promise<Result<{ corrected: boolean }>> {
  const problems: FieldProblem[] = [];
  const title = t.title.trim();
  if (!title) problems.push({ field: "title", message: say("error.title.missing") });
  else if (title.length > 200) problems.push({ field: "title", message: say("error.title.long") });
  if (t.lead.length > 1000) problems.push({ field: "lead", message: say("error.lead.long") });
  if (t.body.length > 50_000) problems.push({ field: "body", message: say("error.body.long") });
  if (t.topic.length > 80) problems.push({ field: "topic", message: say("error.topic.long") });
  if (problems.length > 0) return invalidAll(problems);
  return deps.db.transaction().execute(async (trx) => {
    const r = await trx
      .selectFrom("releases")
      .selectAll()
      .where("org_id", "=", orgId)
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!r) return invalid("title", say("error.release.missing"));
    const published = isPublic(r);
    const correction = t.correction.trim();
    const changed =
      r.title !== title ||
      r.lead !== t.lead.trim() ||
      r.body_md !== t.body.trim() ||
      r.topic !== t.topic.trim() ||
      r.unit_id !== t.unitId ||
      r.kind !== (t.kind === "news" ? "news" : "press_release");
    if (published && changed && !correction) return invalid("correction", say("error.correction.missing"));
    if (correction.length > 500) return invalid("correction", say("error.correction.long"));
    // Changing what was sent for review or approved sends it back to draft: the approver approves what is published.
    const status = !published && (r.status === "in_review" || r.status === "approved") && changed ? "draft" : r.status;
    await trx
      .updateTable("releases")
      .set({
        title,
        lead: t.lead.trim(),
        body_md: t.body.trim(),
        body_html: renderMarkdown(t.body.trim()),
        topic: t.topic.trim(),
        unit_id: t.unitId,
        kind: t.kind === "news" ? "news" : "press_release",
        status,
        updated_at: new Date(),
        version: r.version + (changed ? 1 : 0),
        ...(status === "draft" && r.status !== "draft"
          ? { approved_by: null, approved_at: null, publish_at: null }
          : {}),
      })
      .where("id", "=", id)
      .execute();
    if (published && changed)
      await trx
        .insertInto("release_corrections")
        .values({ org_id: orgId, release_id: id, note: correction, created_by: actor.userId })
        .execute();
    await audit(trx, actor, {
      action: published && changed ? "release.correct" : "release.save",
      subjectType: "release",
      subjectId: id,
      details: { version: r.version + (changed ? 1 : 0), ...(published && changed ? { correction } : {}) },
    });
    return ok({ corrected: published && changed });
  });
}

async function editable(trx: Executor, orgId: string, id: string) {
  return trx
    .selectFrom("releases")
    .select(["id", "status", "publish_at"])
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function addQuote(
  deps: NewsroomDeps,
  actor: Actor,
  orgId: string,
  id: string,
  q: { quote: string; person: string; title: string },
  say: NewsroomSay,
): Promise<Result<null>> {
  const quote = q.quote.trim();
  const person = q.person.trim();
  if (!quote || quote.length > 1500) return invalid("quote", say("error.quote"));
  if (!person || person.length > 120) return invalid("person", say("error.person"));
  return deps.db.transaction().execute(async (trx) => {
    if (!(await editable(trx, orgId, id))) return invalid("quote", say("error.release.missing"));
    await trx
      .insertInto("release_quotes")
      .values({
        org_id: orgId,
        release_id: id,
        quote,
        person,
        person_title: q.title.trim().slice(0, 160),
        position: Date.now() % 1_000_000_000,
      })
      .execute();
    await audit(trx, actor, {
      action: "release.quote.add",
      subjectType: "release",
      subjectId: id,
      details: { person },
    });
    return ok(null);
  });
}

export async function addContactPerson(
  deps: NewsroomDeps,
  actor: Actor,
  orgId: string,
  id: string,
  c: { name: string; role: string; phone: string; email: string },
  say: NewsroomSay,
): Promise<Result<null>> {
  const name = c.name.trim();
  if (!name || name.length > 120) return invalid("contactName", say("error.contactName"));
  if (!c.phone.trim() && !c.email.trim()) return invalid("contactPhone", say("error.contactReach"));
  if (c.email.trim() && !isEmailAddress(c.email.trim())) return invalid("contactEmail", say("error.email"));
  return deps.db.transaction().execute(async (trx) => {
    if (!(await editable(trx, orgId, id))) return invalid("contactName", say("error.release.missing"));
    await trx
      .insertInto("release_contacts")
      .values({
        org_id: orgId,
        release_id: id,
        name,
        role: c.role.trim().slice(0, 160),
        phone: c.phone.trim().slice(0, 40),
        email: c.email.trim().slice(0, 320),
        position: Date.now() % 1_000_000_000,
      })
      .execute();
    await audit(trx, actor, {
      action: "release.contact.add",
      subjectType: "release",
      subjectId: id,
      details: { name },
    });
    return ok(null);
  });
}

export async function removePart(
  deps: NewsroomDeps,
  actor: Actor,
  orgId: string,
  id: string,
  table: "release_quotes" | "release_contacts" | "release_images" | "release_documents",
  partId: string,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom(table)
      .where("org_id", "=", orgId)
      .where("release_id", "=", id)
      .where("id", "=", partId)
      .execute();
    await audit(trx, actor, {
      action: `release.${table.replace("release_", "")}.remove`,
      subjectType: "release",
      subjectId: id,
      details: { partId },
    });
  });
}

export async function addImage(
  deps: NewsroomDeps,
  actor: Actor,
  orgId: string,
  id: string,
  img: { data: Buffer; alt: string; caption: string; photographer: string },
  say: NewsroomSay,
): Promise<Result<{ imageId: string }>> {
  const alt = img.alt.trim();
  if (!alt) return invalid("alt", say("error.alt.missing"));
  if (alt.length > 300) return invalid("alt", say("error.alt.long"));
  const processed = await processImage(img.data, say);
  if (!processed.ok) return invalid("image", processed.reason);
  return deps.db.transaction().execute(async (trx) => {
    if (!(await editable(trx, orgId, id))) return invalid("image", say("error.release.missing"));
    const p = processed.image;
    const row = await trx
      .insertInto("release_images")
      .values({
        org_id: orgId,
        release_id: id,
        alt,
        caption: img.caption.trim().slice(0, 500),
        photographer: img.photographer.trim().slice(0, 120),
        content_type: p.contentType,
        width: p.width,
        height: p.height,
        data: img.data,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const s of p.sizes)
      await trx
        .insertInto("release_image_sizes")
        .values({ image_id: row.id, width: s.width, height: s.height, data: s.data })
        .execute();
    await audit(trx, actor, {
      action: "release.image.add",
      subjectType: "release",
      subjectId: id,
      details: { imageId: row.id, width: p.width, height: p.height },
    });
    return ok({ imageId: row.id });
  });
}

const DOCUMENT_KINDS = ["fact_sheet", "statistics", "background", "document"] as const;

export async function addDocument(
  deps: NewsroomDeps,
  actor: Actor,
  orgId: string,
  id: string,
  d: { kind: string; title: string; filename: string; contentType: string; data: Buffer },
  say: NewsroomSay,
): Promise<Result<null>> {
  const kind = DOCUMENT_KINDS.find((k) => k === d.kind);
  if (!kind) return invalid("documentKind", say("error.documentKind"));
  const title = d.title.trim();
  if (!title || title.length > 200) return invalid("documentTitle", say("error.documentTitle"));
  return deps.db.transaction().execute(async (trx) => {
    if (!(await editable(trx, orgId, id))) return invalid("documentTitle", say("error.release.missing"));
    await trx
      .insertInto("release_documents")
      .values({
        org_id: orgId,
        release_id: id,
        kind,
        title,
        filename: d.filename.slice(0, 200),
        content_type: d.contentType,
        size: d.data.length,
        data: d.data,
      })
      .execute();
    await audit(trx, actor, {
      action: "release.document.add",
      subjectType: "release",
      subjectId: id,
      details: { kind, title },
    });
    return ok(null);
  });
}

/** Sends the release for review. The plain-language gate runs first: errors must be fixed. */
export async function submitForReview(
  deps: NewsroomDeps,
  actor: Actor,
  orgId: string,
  id: string,
  say: NewsroomSay,
): Promise<Result<{ warnings: string[] }>> {
  return deps.db.transaction().execute(async (trx) => {
    const r = await trx
      .selectFrom("releases")
      .selectAll()
      .where("org_id", "=", orgId)
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!r) return invalid("review", say("error.release.missing"));
    if (r.status !== "draft") return invalid("review", say("error.review.already"));
    if (!r.lead.trim() || !r.body_md.trim()) return invalid("review", say("error.review.empty"));
    const check = languageCheck(r);
    if (check.errors.length > 0) return invalid("review", say("error.language", { errors: check.errors.join(" ") }));
    await trx
      .updateTable("releases")
      .set({ status: "in_review", submitted_by: actor.userId, submitted_at: new Date(), updated_at: new Date() })
      .where("id", "=", id)
      .execute();
    await audit(trx, actor, {
      action: "release.submit",
      subjectType: "release",
      subjectId: id,
      details: { warnings: check.warnings.length },
    });
    return ok({ warnings: check.warnings });
  });
}

export interface Approval {
  readonly mode: "now" | "scheduled" | "embargo";
  /** "2026-12-01T09:00" in Stockholm time, for scheduled and embargo. */
  readonly at: string;
  /** The writer saw that the time had passed and wants it out now. */
  readonly confirmPast: boolean;
  readonly listIds: readonly string[];
  readonly toSubscribers: boolean;
  readonly embargoContactIds: readonly string[];
}

/**
 * Approves and schedules. The approver is not the writer. A time that has passed is asked
 * about again ("pastTime"), never silently published. Embargo: the chosen journalists get the
 * release now with the embargo notice; everyone else at the time.
 */
export async function approveRelease(
  deps: NewsroomDeps,
  actor: Actor,
  orgId: string,
  id: string,
  a: Approval,
  say: NewsroomSay,
  now = new Date(),
): Promise<Result<{ publishAt: Date }> | (ReturnType<typeof invalid> & { readonly pastTime: true })> {
  let publishAt = now;
  if (a.mode !== "now") {
    const t = DateTime.fromISO(a.at, { zone: ZONE });
    if (!a.at || !t.isValid) return invalid("publishAt", say("error.publishAt"));
    publishAt = t.toJSDate();
    if (publishAt.getTime() <= now.getTime()) {
      if (a.mode === "embargo" || !a.confirmPast) {
        const message = say(a.mode === "embargo" ? "error.embargo.past" : "error.publishAt.past");
        return { ...invalid("publishAt", message), pastTime: true };
      }
      publishAt = now;
    }
  }
  if (a.mode === "embargo" && a.embargoContactIds.length === 0)
    return invalid("embargoContacts", say("error.embargoContacts"));
  return deps.db.transaction().execute(async (trx) => {
    const r = await trx
      .selectFrom("releases")
      .selectAll()
      .where("org_id", "=", orgId)
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!r) return invalid("approve", say("error.release.missing"));
    if (r.status !== "in_review") return invalid("approve", say("error.approve.notInReview"));
    if (r.submitted_by === actor.userId || r.created_by === actor.userId)
      return invalid("approve", say("error.approve.own"));
    const check = languageCheck(r);
    if (check.errors.length > 0) return invalid("approve", say("error.language", { errors: check.errors.join(" ") }));
    const lists =
      a.listIds.length > 0
        ? await trx
            .selectFrom("media_lists")
            .select("id")
            .where("org_id", "=", orgId)
            .where("id", "in", [...a.listIds])
            .execute()
        : [];
    await trx
      .updateTable("releases")
      .set({
        status: "approved",
        approved_by: actor.userId,
        approved_at: now,
        publish_at: publishAt,
        embargo: a.mode === "embargo",
        list_ids: lists.map((l) => l.id),
        send_to_subscribers: a.toSubscribers,
        updated_at: now,
      })
      .where("id", "=", id)
      .execute();
    if (a.mode === "embargo") {
      const contacts = await trx
        .selectFrom("media_contacts")
        .select("id")
        .where("org_id", "=", orgId)
        .where("id", "in", [...a.embargoContactIds])
        .where("unsubscribed_at", "is", null)
        .execute();
      for (const c of contacts) {
        await trx
          .insertInto("release_embargo_recipients")
          .values({ release_id: id, contact_id: c.id })
          .onConflict((oc) => oc.doNothing())
          .execute();
        await deps.jobs.send(
          "newsroom.send-embargo",
          { releaseId: id, contactId: c.id },
          { within: trx, idempotencyKey: `${id}:${c.id}` },
        );
      }
    }
    // Distribution when the time comes (the minute job catches it too, should this one be lost).
    await deps.jobs.send(
      "newsroom.distribute",
      { releaseId: id },
      { within: trx, idempotencyKey: `${id}:${publishAt.toISOString()}`, startAfter: publishAt },
    );
    await audit(trx, actor, {
      action: "release.approve",
      subjectType: "release",
      subjectId: id,
      details: {
        mode: a.mode,
        publishAt: publishAt.toISOString(),
        lists: lists.length,
        warnings: check.warnings.length,
      },
    });
    return ok({ publishAt });
  });
}

/** Takes back an approved release that is not public yet. */
export async function withdrawRelease(
  deps: NewsroomDeps,
  actor: Actor,
  orgId: string,
  id: string,
  say: NewsroomSay,
): Promise<Result<null>> {
  return deps.db.transaction().execute(async (trx) => {
    const r = await trx
      .selectFrom("releases")
      .select(["status", "publish_at"])
      .where("org_id", "=", orgId)
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!r || r.status !== "approved") return invalid("withdraw", say("error.withdraw.notApproved"));
    if (isPublic(r)) return invalid("withdraw", say("error.withdraw.public"));
    await trx
      .updateTable("releases")
      .set({
        status: "draft",
        approved_by: null,
        approved_at: null,
        publish_at: null,
        embargo: false,
        updated_at: new Date(),
      })
      .where("id", "=", id)
      .execute();
    await audit(trx, actor, { action: "release.withdraw", subjectType: "release", subjectId: id });
    return ok(null);
  });
}

/**
 * When a release has become public: one delivery per address (list members who have not
 * opted out, confirmed subscribers), each with its own send job. Runs once per release.
 */
export async function distribute(deps: NewsroomDeps, releaseId: string, now = new Date()): Promise<number> {
  return deps.db.transaction().execute(async (trx) => {
    const r = await trx
      .selectFrom("releases")
      .select(["id", "org_id", "status", "publish_at", "distributed_at", "list_ids", "send_to_subscribers"])
      .where("id", "=", releaseId)
      .forUpdate()
      .executeTakeFirst();
    if (!r || r.distributed_at || !isPublic(r, now)) return 0;
    const contacts =
      r.list_ids.length > 0
        ? await trx
            .selectFrom("media_list_members as m")
            .innerJoin("media_contacts as c", "c.id", "m.contact_id")
            .select(["c.id", "c.email"])
            .distinct()
            .where("m.list_id", "in", r.list_ids)
            .where("c.unsubscribed_at", "is", null)
            .execute()
        : [];
    const subscribers = r.send_to_subscribers
      ? await trx
          .selectFrom("newsroom_subscribers")
          .select(["id", "email"])
          .where("org_id", "=", r.org_id)
          .where("confirmed_at", "is not", null)
          .where("unsubscribed_at", "is", null)
          .execute()
      : [];
    let created = 0;
    const seen = new Set<string>();
    for (const to of [
      ...contacts.map((c) => ({ email: c.email, contact_id: c.id, subscriber_id: null })),
      ...subscribers.map((s) => ({ email: s.email, contact_id: null, subscriber_id: s.id })),
    ]) {
      const key = to.email.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const d = await trx
        .insertInto("release_deliveries")
        .values({ org_id: r.org_id, release_id: r.id, ...to })
        .onConflict((oc) => oc.doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!d) continue;
      await deps.jobs.send("newsroom.send-release", { deliveryId: d.id }, { within: trx, idempotencyKey: d.id });
      created++;
    }
    await trx.updateTable("releases").set({ distributed_at: now }).where("id", "=", r.id).execute();
    await audit(
      trx,
      { orgId: r.org_id, userId: null, label: DISTRIBUTION_ACTOR_LABEL },
      { action: "release.distribute", subjectType: "release", subjectId: r.id, details: { recipients: created } },
    );
    return created;
  });
}

export async function linkInquiry(
  deps: NewsroomDeps,
  actor: Actor,
  orgId: string,
  releaseId: string,
  caseId: string,
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("release_inquiries")
      .values({ release_id: releaseId, case_id: caseId })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await audit(trx, actor, {
      action: "release.inquiry.link",
      subjectType: "release",
      subjectId: releaseId,
      details: { caseId },
    });
  });
}

export async function addCoverage(
  deps: NewsroomDeps,
  actor: Actor,
  orgId: string,
  c: { releaseId: string | null; topic: string; outlet: string; date: string; url: string; tone: string; note: string },
  say: NewsroomSay,
): Promise<Result<null>> {
  const problems: FieldProblem[] = [];
  if (!c.outlet.trim() || c.outlet.length > 160) problems.push({ field: "outlet", message: say("error.outlet") });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(c.date) || !DateTime.fromISO(c.date).isValid)
    problems.push({ field: "date", message: say("error.date") });
  if (!["positive", "neutral", "negative"].includes(c.tone))
    problems.push({ field: "tone", message: say("error.tone") });
  if (c.url.trim() && !/^https?:\/\/\S+$/.test(c.url.trim()))
    problems.push({ field: "url", message: say("error.url") });
  if (!c.releaseId && !c.topic.trim()) problems.push({ field: "topic", message: say("error.coverageTopic") });
  if (problems.length > 0) return invalidAll(problems);
  return deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("coverage")
      .values({
        org_id: orgId,
        release_id: c.releaseId,
        topic: c.topic.trim().slice(0, 120),
        outlet: c.outlet.trim(),
        published_on: c.date,
        url: c.url.trim(),
        tone: c.tone as "positive" | "neutral" | "negative",
        note: c.note.trim().slice(0, 1000),
        created_by: actor.userId,
      })
      .execute();
    await audit(trx, actor, {
      action: "coverage.add",
      subjectType: "release",
      subjectId: c.releaseId ?? undefined,
      details: { outlet: c.outlet.trim(), tone: c.tone },
    });
    return ok(null);
  });
}
