/**
 * Media contacts (GDPR: each with its legal basis and where it came from), lists, the CSV
 * import (preview, then the good rows; bad rows reported with their line numbers), newsroom
 * subscribers (double opt-in) and invitations to press events.
 */
import { isEmailAddress } from "../../platform/text.js";
import { parse } from "csv-parse/sync";
import { DateTime } from "luxon";
import { audit } from "../../platform/audit/audit.js";
import type { Executor } from "../../platform/db/database.js";
import { invalid, ok, type FieldProblem, type Result } from "../../platform/result.js";
import { ZONE } from "../../platform/time/working-time.js";
import { invalidAll, type Actor, type NewsroomDeps } from "./commands.js";
import type { NewsroomSay } from "./messages.js";
import {
  BASIS_VALUES,
  BASIS_WORDS,
  CSV_COLUMNS,
  NOT_FOR_AUTHORITIES,
  SUBSCRIBER_ACTOR_LABEL,
  type LegalBasis,
} from "./newsroom-words.js";

export type { LegalBasis };

/**
 * The legal bases a public authority can use for its press work (GDPR art. 6.1): a task in the
 * public interest (e, the usual one), a legal obligation (c), or consent (a). Legitimate
 * interest (f) does not apply to an authority's own tasks (art. 6.1, last paragraph).
 */
const BASIS = BASIS_WORDS;

/** The legal bases the contact form offers, in the page's language. */
export function basisOptions(say: NewsroomSay): { value: string; label: string }[] {
  return BASIS_VALUES.map(([value, basis]) => ({ value, label: say(`basisOption.${basis}`) }));
}

export interface ContactInput {
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly outlet: string;
  readonly beats: readonly string[];
  readonly basis: string;
  readonly source: string;
}

export function validateContact(c: ContactInput, say: NewsroomSay): FieldProblem[] {
  const p: FieldProblem[] = [];
  if (!c.name.trim() || c.name.length > 120) p.push({ field: "name", message: say("error.contact.name") });
  if (!isEmailAddress(c.email.trim())) p.push({ field: "email", message: say("error.email") });
  const basis = c.basis.trim().toLowerCase();
  if (NOT_FOR_AUTHORITIES.includes(basis)) p.push({ field: "basis", message: say("error.basis.legitimate") });
  else if (!BASIS[basis]) p.push({ field: "basis", message: say("error.basis.unknown") });
  if (!c.source.trim()) p.push({ field: "source", message: say("error.source") });
  if (c.phone.length > 40 || c.outlet.length > 160) p.push({ field: "phone", message: say("error.phoneOutlet") });
  return p;
}

async function outletId(trx: Executor, orgId: string, name: string): Promise<string | null> {
  const n = name.trim();
  if (!n) return null;
  await trx
    .insertInto("media_outlets")
    .values({ org_id: orgId, name: n })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return (
    await trx
      .selectFrom("media_outlets")
      .select("id")
      .where("org_id", "=", orgId)
      .where("name", "=", n)
      .executeTakeFirstOrThrow()
  ).id;
}

/** Adds a contact or updates the one with the same e-mail address. */
async function upsertContact(trx: Executor, orgId: string, c: ContactInput): Promise<{ id: string; created: boolean }> {
  const email = c.email.trim();
  const values = {
    name: c.name.trim(),
    phone: c.phone.trim(),
    outlet_id: await outletId(trx, orgId, c.outlet),
    beats: [...new Set(c.beats.map((b) => b.trim()).filter(Boolean))].slice(0, 20),
    basis: BASIS[c.basis.trim().toLowerCase()] as LegalBasis,
    source: c.source.trim().slice(0, 300),
    updated_at: new Date(),
  };
  const existing = await trx
    .selectFrom("media_contacts")
    .select("id")
    .where("org_id", "=", orgId)
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
    .executeTakeFirst();
  if (existing) {
    await trx.updateTable("media_contacts").set(values).where("id", "=", existing.id).execute();
    return { id: existing.id, created: false };
  }
  const row = await trx
    .insertInto("media_contacts")
    .values({ org_id: orgId, email, ...values })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, created: true };
}

export async function saveContact(
  deps: NewsroomDeps,
  actor: Actor,
  orgId: string,
  c: ContactInput,
  say: NewsroomSay,
): Promise<Result<{ id: string }>> {
  const problems = validateContact(c, say);
  if (problems.length > 0) return invalidAll(problems);
  return deps.db.transaction().execute(async (trx) => {
    const r = await upsertContact(trx, orgId, c);
    await audit(trx, actor, {
      action: r.created ? "media-contact.create" : "media-contact.update",
      subjectType: "media_contact",
      subjectId: r.id,
      details: { basis: c.basis, source: c.source },
    });
    return ok({ id: r.id });
  });
}

export interface ImportRow {
  readonly line: number;
  readonly contact: ContactInput;
}
export interface ImportError {
  readonly line: number;
  readonly message: string;
}
export interface ImportPreview {
  readonly rows: readonly ImportRow[];
  readonly errors: readonly ImportError[];
}

const COLUMNS: Record<string, keyof ContactInput> = CSV_COLUMNS;

/**
 * Reads a CSV of contacts (comma or semicolon, as Excel writes it in Sweden; a BOM is fine).
 * Line numbers are the file's, header included, so a person can find the row.
 */
export function previewImport(csv: string, say: NewsroomSay): ImportPreview {
  const text = csv.replace(/^\uFEFF/, "");
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
      relax_quotes: true,
    }) as string[][];
  } catch (e) {
    return {
      rows: [],
      errors: [
        {
          line: Number((e as { lines?: number }).lines ?? 1),
          message: say("error.csv.unreadable"),
        },
      ],
    };
  }
  const header = (records[0] ?? []).map((h) => COLUMNS[h.trim().toLowerCase()]);
  if (!header.includes("name") || !header.includes("email"))
    return {
      rows: [],
      errors: [
        {
          line: 1,
          message: say("error.csv.header"),
        },
      ],
    };
  const rows: ImportRow[] = [];
  const errors: ImportError[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach((rec, i) => {
    const line = i + 2;
    if (rec.every((v) => !v.trim())) return;
    const get = (k: keyof ContactInput) => {
      const idx = header.indexOf(k);
      return idx >= 0 ? (rec[idx] ?? "").trim() : "";
    };
    const contact: ContactInput = {
      name: get("name"),
      email: get("email"),
      phone: get("phone"),
      outlet: get("outlet"),
      beats: get("beats").split(/[|,]/),
      basis: get("basis"),
      source: get("source"),
    };
    const problems = validateContact(contact, say);
    const dup = seen.get(contact.email.toLowerCase());
    if (dup) problems.push({ field: "email", message: say("error.csv.duplicate", { line: String(dup) }) });
    if (problems.length > 0) errors.push({ line, message: problems.map((p) => p.message).join(". ") });
    else {
      rows.push({ line, contact });
      seen.set(contact.email.toLowerCase(), line);
    }
  });
  return { rows, errors };
}

/** Imports the good rows of a preview in one transaction; returns how many were new and how many updated. */
export async function importContacts(
  deps: NewsroomDeps,
  actor: Actor,
  orgId: string,
  rows: readonly ImportRow[],
): Promise<{ created: number; updated: number }> {
  return deps.db.transaction().execute(async (trx) => {
    let created = 0;
    let updated = 0;
    for (const r of rows) {
      const res = await upsertContact(trx, orgId, r.contact);
      if (res.created) created++;
      else updated++;
    }
    await audit(trx, actor, {
      action: "media-contact.import",
      subjectType: "media_contact",
      details: { created, updated },
    });
    return { created, updated };
  });
}

export async function createList(
  deps: NewsroomDeps,
  actor: Actor,
  orgId: string,
  name: string,
  description: string,
  say: NewsroomSay,
): Promise<Result<null>> {
  const n = name.trim();
  if (!n || n.length > 120) return invalid("listName", say("error.listName"));
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("media_lists")
      .values({ org_id: orgId, name: n, description: description.trim().slice(0, 300) })
      .onConflict((oc) => oc.doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!row) return invalid("listName", say("error.listName.taken"));
    await audit(trx, actor, {
      action: "media-list.create",
      subjectType: "media_list",
      subjectId: row.id,
      details: { name: n },
    });
    return ok(null);
  });
}

export async function setListMember(
  deps: NewsroomDeps,
  actor: Actor,
  orgId: string,
  listId: string,
  contactId: string,
  member: boolean,
  say: NewsroomSay,
): Promise<Result<null>> {
  return deps.db.transaction().execute(async (trx) => {
    const list = await trx
      .selectFrom("media_lists")
      .select("id")
      .where("org_id", "=", orgId)
      .where("id", "=", listId)
      .executeTakeFirst();
    const contact = await trx
      .selectFrom("media_contacts")
      .select("id")
      .where("org_id", "=", orgId)
      .where("id", "=", contactId)
      .executeTakeFirst();
    if (!list || !contact) return invalid(list ? "contactId" : "listId", say("error.chooseInList"));
    if (member)
      await trx
        .insertInto("media_list_members")
        .values({ list_id: list.id, contact_id: contact.id })
        .onConflict((oc) => oc.doNothing())
        .execute();
    else
      await trx
        .deleteFrom("media_list_members")
        .where("list_id", "=", list.id)
        .where("contact_id", "=", contact.id)
        .execute();
    await audit(trx, actor, {
      action: member ? "media-list.add" : "media-list.remove",
      subjectType: "media_list",
      subjectId: list.id,
      details: { contactId },
    });
    return ok(null);
  });
}

/** A newsroom subscription: a confirmation mail first; asking again resends at most once a day. */
export async function subscribe(
  deps: NewsroomDeps,
  orgId: string,
  email: string,
  say: NewsroomSay,
): Promise<Result<null>> {
  const address = email.trim().toLowerCase();
  if (!isEmailAddress(address) || address.length > 320) return invalid("subscribeEmail", say("error.email"));
  await deps.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("newsroom_subscribers")
      .selectAll()
      .where("org_id", "=", orgId)
      .where((eb) => eb(eb.fn("lower", ["email"]), "=", address))
      .executeTakeFirst();
    if (existing?.confirmed_at && !existing.unsubscribed_at) return;
    const row = existing
      ? await trx
          .updateTable("newsroom_subscribers")
          .set({ confirmed_at: null, unsubscribed_at: null })
          .where("id", "=", existing.id)
          .returning("id")
          .executeTakeFirstOrThrow()
      : await trx
          .insertInto("newsroom_subscribers")
          .values({ org_id: orgId, email: address })
          .returning("id")
          .executeTakeFirstOrThrow();
    await deps.jobs.send(
      "newsroom.send-subscribe-confirmation",
      { subscriberId: row.id },
      { within: trx, idempotencyKey: `${row.id}:${new Date().toISOString().slice(0, 10)}` },
    );
    await audit(
      trx,
      { orgId, userId: null, label: SUBSCRIBER_ACTOR_LABEL },
      { action: "newsroom.subscribe", subjectType: "newsroom_subscriber", subjectId: row.id },
    );
  });
  return ok(null);
}

export async function createEvent(
  deps: NewsroomDeps,
  actor: Actor,
  orgId: string,
  e: {
    title: string;
    description: string;
    location: string;
    date: string;
    start: string;
    end: string;
    releaseId: string | null;
  },
  say: NewsroomSay,
): Promise<Result<{ id: string }>> {
  const problems: FieldProblem[] = [];
  if (!e.title.trim() || e.title.length > 200) problems.push({ field: "eventTitle", message: say("error.eventTitle") });
  if (!e.location.trim()) problems.push({ field: "location", message: say("error.location") });
  const starts = DateTime.fromISO(`${e.date}T${e.start}`, { zone: ZONE });
  const ends = DateTime.fromISO(`${e.date}T${e.end}`, { zone: ZONE });
  if (!starts.isValid) problems.push({ field: "date", message: say("error.eventStart") });
  else if (starts.toMillis() < Date.now()) problems.push({ field: "date", message: say("error.eventPast") });
  if (!ends.isValid || (starts.isValid && ends <= starts))
    problems.push({ field: "end", message: say("error.eventEnd") });
  if (problems.length > 0) return invalidAll(problems);
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("press_events")
      .values({
        org_id: orgId,
        release_id: e.releaseId,
        title: e.title.trim(),
        description: e.description.trim().slice(0, 4000),
        location: e.location.trim().slice(0, 300),
        starts_at: starts.toJSDate(),
        ends_at: ends.toJSDate(),
        created_by: actor.userId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, actor, {
      action: "press-event.create",
      subjectType: "press_event",
      subjectId: row.id,
      details: { title: e.title.trim() },
    });
    return ok({ id: row.id });
  });
}

/** Invites every contact on a list who has not opted out; a contact is invited once. */
export async function inviteList(
  deps: NewsroomDeps,
  actor: Actor,
  orgId: string,
  eventId: string,
  listId: string,
  say: NewsroomSay,
): Promise<Result<{ invited: number }>> {
  return deps.db.transaction().execute(async (trx) => {
    const event = await trx
      .selectFrom("press_events")
      .select("id")
      .where("org_id", "=", orgId)
      .where("id", "=", eventId)
      .executeTakeFirst();
    if (!event) return invalid("listId", say("error.event.missing"));
    const members = await trx
      .selectFrom("media_list_members as m")
      .innerJoin("media_contacts as c", "c.id", "m.contact_id")
      .select("c.id")
      .where("m.list_id", "=", listId)
      .where("c.org_id", "=", orgId)
      .where("c.unsubscribed_at", "is", null)
      .execute();
    if (members.length === 0) return invalid("listId", say("error.invite.empty"));
    let invited = 0;
    for (const m of members) {
      const inv = await trx
        .insertInto("event_invitations")
        .values({ org_id: orgId, event_id: eventId, contact_id: m.id })
        .onConflict((oc) => oc.doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!inv) continue;
      await deps.jobs.send(
        "newsroom.send-invitation",
        { invitationId: inv.id },
        { within: trx, idempotencyKey: inv.id },
      );
      invited++;
    }
    if (invited === 0) return invalid("listId", say("error.invite.all"));
    await audit(trx, actor, {
      action: "press-event.invite",
      subjectType: "press_event",
      subjectId: eventId,
      details: { listId, invited },
    });
    return ok({ invited });
  });
}
