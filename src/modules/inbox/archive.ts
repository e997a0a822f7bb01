/**
 * Archive export: a year's cases in open formats — cases.json (registry entry, history,
 * messages and attachments listed), every message as an .eml file (RFC 5322) and the
 * attachments as they arrived — in one ZIP file for the archive (arkivlagen).
 */
import { createWriteStream } from "node:fs";
import { ZipArchive } from "archiver";
import MailComposer from "nodemailer/lib/mail-composer/index.js";
import { audit, type AuditActor } from "../../platform/audit/audit.js";
import type { Db } from "../../platform/db/database.js";

function eml(options: ConstructorParameters<typeof MailComposer>[0]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    new MailComposer(options).compile().build((err, message) => (err ? reject(err) : resolve(message)));
  });
}

export async function exportYear(
  db: Db,
  actor: AuditActor & { orgId: string },
  year: number,
  outPath: string,
  options: { orgAddress: string; domain: string; onProgress?: (done: number, total: number) => void },
): Promise<{ cases: number; messages: number; attachments: number }> {
  const from = new Date(Date.UTC(year, 0, 1) - 3_600_000);
  const to = new Date(Date.UTC(year + 1, 0, 1) - 3_600_000);
  const cases = await db
    .selectFrom("cases as c")
    .leftJoin("units as u", "u.id", "c.unit_id")
    .leftJoin("categories as k", "k.id", "c.category_id")
    .selectAll("c")
    .select(["u.name as unit_name", "k.name_sv as category_name"])
    .where("c.org_id", "=", actor.orgId)
    .where("c.received_at", ">=", from)
    .where("c.received_at", "<", to)
    .orderBy("c.number")
    .execute();
  const zip = new ZipArchive({ zlib: { level: 9 } });
  const out = createWriteStream(outPath);
  const finished = new Promise<void>((resolve, reject) => {
    out.on("close", () => resolve());
    zip.on("error", reject);
    out.on("error", reject);
  });
  zip.pipe(out);
  const index: unknown[] = [];
  let messageCount = 0;
  let attachmentCount = 0;
  for (const [i, c] of cases.entries()) {
    const [messages, events, attachments] = await Promise.all([
      db.selectFrom("case_messages").selectAll().where("case_id", "=", c.id).orderBy("created_at").execute(),
      db
        .selectFrom("case_events")
        .select(["type", "details", "created_at"])
        .where("case_id", "=", c.id)
        .orderBy("id")
        .execute(),
      db.selectFrom("attachments").selectAll().where("case_id", "=", c.id).orderBy("created_at").execute(),
    ]);
    const files = [];
    for (const [n, m] of messages.entries()) {
      const name = `${c.number}/meddelande-${String(n + 1).padStart(3, "0")}-${m.direction}.eml`;
      const requester = c.requester_email ?? `okand@${options.domain}`;
      // An e-mail that came in is archived as it was received; everything else is written out.
      const body = m.raw_source
        ? Buffer.from(m.raw_source)
        : await eml({
            from: m.direction === "in" ? requester : options.orgAddress,
            to: m.direction === "in" ? options.orgAddress : requester,
            subject: `${c.subject} [${c.number}]`,
            text: m.body,
            date: new Date(m.created_at),
            messageId: m.external_id ?? `<archive-${m.id}@${options.domain}>`,
            headers: { "X-Klarsvar-Case": c.number, "X-Klarsvar-Direction": m.direction },
          });
      zip.append(body, { name });
      files.push({ direction: m.direction, createdAt: new Date(m.created_at).toISOString(), file: name });
      messageCount++;
    }
    const attached = attachments.map((a) => {
      const name = `${c.number}/bilagor/${a.id}-${a.filename.replace(/[^\w.\-åäöÅÄÖ ]/g, "_")}`;
      zip.append(a.data, { name });
      attachmentCount++;
      return { filename: a.filename, contentType: a.content_type, size: a.size, file: name };
    });
    index.push({
      registry: {
        number: c.number,
        received: new Date(c.received_at).toISOString(),
        sender: c.secret ? null : c.requester_name,
        description: c.subject,
        category: c.category_name,
        unit: c.unit_name,
      },
      channel: c.channel,
      kind: c.kind,
      status: c.status,
      secret: c.secret,
      concernReport: c.concern_report,
      firstAnswerDue: c.first_answer_due,
      firstAnsweredAt: c.first_answered_at,
      closedAt: c.closed_at,
      disposedAt: c.disposed_at,
      messages: files,
      attachments: attached,
      history: events.map((e) => ({ type: e.type, at: new Date(e.created_at).toISOString(), details: e.details })),
    });
    options.onProgress?.(i + 1, cases.length);
  }
  zip.append(
    JSON.stringify({ organisation: actor.orgId, year, exportedAt: new Date().toISOString(), cases: index }, null, 2),
    { name: "cases.json" },
  );
  await zip.finalize();
  await finished;
  await audit(db, actor, {
    action: "archive.export",
    details: { year, cases: cases.length, messages: messageCount, attachments: attachmentCount },
  });
  return { cases: cases.length, messages: messageCount, attachments: attachmentCount };
}
