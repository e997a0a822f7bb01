/**
 * Writes for the newsroom. A release goes draft → in review → approved (by someone other than
 * the writer) with a publishing time; it is public from that time (the queries decide, so the
 * page and the feeds change at the minute even if no job has run). Distribution is a job.
 * After publication every change carries a correction note that is shown openly.
 */
import { DateTime } from "luxon";
import type { AuditActor } from "../../platform/audit/audit.js";
import { audit } from "../../platform/audit/audit.js";
import type { Db, Executor } from "../../platform/db/database.js";
import type { JobRunner } from "../../platform/jobs/jobs.js";
import { isEmailAddress, slugify } from "../../platform/text.js";
import { ZONE } from "../../platform/time/working-time.js";
import { checkText } from "../klarsprak/index.js";
import { processImage } from "./images.js";
import { renderMarkdown } from "./markdown.js";

export interface NewsroomDeps {
  readonly db: Db;
  readonly jobs: JobRunner;
  readonly secret: string;
}

export type Actor = AuditActor & { userId: string };
export type Problem = { readonly field: string; readonly message: string };
export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };
const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = (field: string, message: string): { ok: false; problems: Problem[] } => ({
  ok: false,
  problems: [{ field, message }],
});

/** Public now: approved and its time has come. */
export function isPublic(r: { status: string; publish_at: Date | string | null }, now = new Date()): boolean {
  return r.status === "approved" && r.publish_at !== null && new Date(r.publish_at).getTime() <= now.getTime();
}

export async function createRelease(
  deps: NewsroomDeps,
  actor: Actor,
  orgId: string,
  input: { title: string; kind: string },
): Promise<Result<{ id: string }>> {
  const title = input.title.trim();
  if (!title) return fail("title", "Skriv en rubrik");
  if (title.length > 200) return fail("title", "Rubriken får vara högst 200 tecken");
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
      .set({ slug: `${slugify(title, 70) || "nyhet"}-${r.id.slice(0, 6)}` })
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
  const say = (f: { message: string; text: string }) =>
    `${f.message} ("${f.text.length > 60 ? `${f.text.slice(0, 57)}…` : f.text}")`;
  return {
    errors: findings.filter((f) => f.severity === "error").map(say),
    warnings: findings.filter((f) => f.severity === "warning").map(say),
  };
}

export async function saveText(
  deps: NewsroomDeps,
  actor: Actor,
  orgId: string,
  id: string,
  t: ReleaseText,
): Promise<Result<{ corrected: boolean }>> {
  const problems: Problem[] = [];
  const title = t.title.trim();
  if (!title) problems.push({ field: "title", message: "Skriv en rubrik" });
  else if (title.length > 200) problems.push({ field: "title", message: "Rubriken får vara högst 200 tecken" });
  if (t.lead.length > 1000) problems.push({ field: "lead", message: "Ingressen får vara högst 1000 tecken" });
  if (t.body.length > 50_000) problems.push({ field: "body", message: "Texten får vara högst 50 000 tecken" });
  if (t.topic.length > 80) problems.push({ field: "topic", message: "Ämnet får vara högst 80 tecken" });
  if (problems.length > 0) return { ok: false, problems };
  return deps.db.transaction().execute(async (trx) => {
    const r = await trx
      .selectFrom("releases")
      .selectAll()
      .where("org_id", "=", orgId)
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!r) return fail("title", "Pressmeddelandet finns inte");
    const published = isPublic(r);
    const correction = t.correction.trim();
    const changed =
      r.title !== title ||
      r.lead !== t.lead.trim() ||
      r.body_md !== t.body.trim() ||
      r.topic !== t.topic.trim() ||
      r.unit_id !== t.unitId ||
      r.kind !== (t.kind === "news" ? "news" : "press_release");
    if (published && changed && !correction)
      return fail(
        "correction",
        "Pressmeddelandet är publicerat. Skriv vad du har ändrat och varför. Det visas som en rättelse.",
      );
    if (correction.length > 500) return fail("correction", "Skriv rättelsen med högst 500 tecken");
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
): Promise<Result<null>> {
  const quote = q.quote.trim();
  const person = q.person.trim();
  if (!quote || quote.length > 1500) return fail("quote", "Skriv citatet, högst 1500 tecken");
  if (!person || person.length > 120) return fail("person", "Skriv vem som säger det");
  return deps.db.transaction().execute(async (trx) => {
    if (!(await editable(trx, orgId, id))) return fail("quote", "Pressmeddelandet finns inte");
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
): Promise<Result<null>> {
  const name = c.name.trim();
  if (!name || name.length > 120) return fail("contactName", "Skriv kontaktpersonens namn");
  if (!c.phone.trim() && !c.email.trim()) return fail("contactPhone", "Skriv ett telefonnummer eller en e-postadress");
  if (c.email.trim() && !isEmailAddress(c.email.trim()))
    return fail("contactEmail", "Skriv e-postadressen som namn@exempel.se");
  return deps.db.transaction().execute(async (trx) => {
    if (!(await editable(trx, orgId, id))) return fail("contactName", "Pressmeddelandet finns inte");
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
): Promise<Result<{ imageId: string }>> {
  const alt = img.alt.trim();
  if (!alt) return fail("alt", "Beskriv bilden med en alternativ text. Den läses upp för den som inte ser bilden.");
  if (alt.length > 300) return fail("alt", "Skriv den alternativa texten med högst 300 tecken");
  const processed = await processImage(img.data);
  if (!processed.ok) return fail("image", processed.reason);
  return deps.db.transaction().execute(async (trx) => {
    if (!(await editable(trx, orgId, id))) return fail("image", "Pressmeddelandet finns inte");
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
): Promise<Result<null>> {
  const kind = DOCUMENT_KINDS.find((k) => k === d.kind);
  if (!kind) return fail("documentKind", "Välj vad det är för material");
  const title = d.title.trim();
  if (!title || title.length > 200) return fail("documentTitle", "Skriv vad materialet heter, högst 200 tecken");
  return deps.db.transaction().execute(async (trx) => {
    if (!(await editable(trx, orgId, id))) return fail("documentTitle", "Pressmeddelandet finns inte");
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
): Promise<Result<{ warnings: string[] }>> {
  return deps.db.transaction().execute(async (trx) => {
    const r = await trx
      .selectFrom("releases")
      .selectAll()
      .where("org_id", "=", orgId)
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!r) return fail("review", "Pressmeddelandet finns inte");
    if (r.status !== "draft") return fail("review", "Pressmeddelandet är redan skickat för granskning");
    if (!r.lead.trim() || !r.body_md.trim())
      return fail("review", "Skriv en ingress och en text innan du skickar för granskning");
    const check = languageCheck(r);
    if (check.errors.length > 0)
      return fail("review", `Klarspråkskontrollen hittade fel som måste rättas: ${check.errors.join(" ")}`);
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
  now = new Date(),
): Promise<Result<{ publishAt: Date }> | { ok: false; pastTime: true; problems: Problem[] }> {
  let publishAt = now;
  if (a.mode !== "now") {
    const t = DateTime.fromISO(a.at, { zone: ZONE });
    if (!a.at || !t.isValid) return fail("publishAt", "Skriv datum och tid, till exempel 2026-12-01 09:00");
    publishAt = t.toJSDate();
    if (publishAt.getTime() <= now.getTime()) {
      if (a.mode === "embargo" || !a.confirmPast) {
        return {
          ok: false,
          pastTime: true,
          problems: [
            {
              field: "publishAt",
              message:
                a.mode === "embargo"
                  ? "Tiden för embargot har redan varit. Välj en tid framåt."
                  : "Tiden har redan varit. Vill du publicera nu i stället? Kryssa i rutan och godkänn igen, eller välj en ny tid.",
            },
          ],
        };
      }
      publishAt = now;
    }
  }
  if (a.mode === "embargo" && a.embargoContactIds.length === 0)
    return fail("embargoContacts", "Välj vilka journalister som får läsa före embargot släpps");
  return deps.db.transaction().execute(async (trx) => {
    const r = await trx
      .selectFrom("releases")
      .selectAll()
      .where("org_id", "=", orgId)
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!r) return fail("approve", "Pressmeddelandet finns inte");
    if (r.status !== "in_review") return fail("approve", "Pressmeddelandet väntar inte på godkännande");
    if (r.submitted_by === actor.userId || r.created_by === actor.userId)
      return fail("approve", "Någon annan än den som skrev pressmeddelandet måste godkänna det");
    const check = languageCheck(r);
    if (check.errors.length > 0)
      return fail("approve", `Klarspråkskontrollen hittade fel som måste rättas: ${check.errors.join(" ")}`);
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
): Promise<Result<null>> {
  return deps.db.transaction().execute(async (trx) => {
    const r = await trx
      .selectFrom("releases")
      .select(["status", "publish_at"])
      .where("org_id", "=", orgId)
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!r || r.status !== "approved") return fail("withdraw", "Pressmeddelandet är inte godkänt");
    if (isPublic(r)) return fail("withdraw", "Pressmeddelandet är redan publicerat. Skriv en rättelse i stället.");
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
      { orgId: r.org_id, userId: null, label: "utskick" },
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
): Promise<Result<null>> {
  const problems: Problem[] = [];
  if (!c.outlet.trim() || c.outlet.length > 160)
    problems.push({ field: "outlet", message: "Skriv vilken tidning, kanal eller sajt det var" });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(c.date) || !DateTime.fromISO(c.date).isValid)
    problems.push({ field: "date", message: "Skriv datumet som 2026-11-27" });
  if (!["positive", "neutral", "negative"].includes(c.tone))
    problems.push({ field: "tone", message: "Välj hur vi framställdes" });
  if (c.url.trim() && !/^https?:\/\/\S+$/.test(c.url.trim()))
    problems.push({ field: "url", message: "Skriv en hel webbadress som börjar med https://" });
  if (!c.releaseId && !c.topic.trim())
    problems.push({ field: "topic", message: "Skriv vilket ämne det gällde, eller gör det från pressmeddelandet" });
  if (problems.length > 0) return { ok: false, problems };
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
