/** Sending released documents by e-mail: a job with retries; the idempotency key is the request. */
import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Config } from "../../config.js";
import type { Db } from "../../platform/db/database.js";
import { textToPdf } from "../../platform/documents/masking.js";
import type { JobDefinition } from "../../platform/jobs/jobs.js";
import type { Mailer } from "../../platform/mail/mailer.js";
import { sayer } from "../../platform/i18n/messages.js";
import { caseRequester } from "../inbox/index.js";
import { messages } from "./messages.js";

const EXT: Record<string, string> = {
  "application/pdf": "pdf",
  "text/plain; charset=utf-8": "txt",
  "text/plain": "txt",
  "message/rfc822": "eml",
};

export function requestJobs(db: Db, mailer: Mailer, config: Config, orgId: string): JobDefinition<never>[] {
  const send: JobDefinition<{ requestId: string; documentIds?: string[]; final?: boolean }> = {
    name: "requests.send-documents",
    retryLimit: 5,
    retryDelaySeconds: config.mail.retryDelaySeconds,
    retryBackoff: true,
    handler: async ({ requestId, documentIds, final }) => {
      const r = await db
        .selectFrom("document_requests")
        .select(["id", "case_id", "decision_text", "outcome"])
        .where("id", "=", requestId)
        .executeTakeFirst();
      if (!r) return;
      const c = await caseRequester(db, orgId, r.case_id);
      if (!c?.email) return;
      let q = db
        .selectFrom("request_documents")
        .select(["title", "released_data", "released_type"])
        .where("request_id", "=", requestId)
        .where("released_data", "is not", null);
      if (documentIds) q = documentIds.length > 0 ? q.where("id", "in", documentIds) : q.where(sql<boolean>`false`);
      const docs = await q.orderBy("created_at").execute();
      const isPart = final !== true && documentIds !== undefined;
      // The requester wrote in Swedish to a Swedish authority: the e-mail and the decision are in Swedish.
      const say = sayer(messages, "sv");
      const attachments = docs.map((d, i) => ({
        filename: `${String(i + 1).padStart(2, "0")}-${
          d.title
            .replace(/[^\p{L}\p{N} _-]/gu, "")
            .trim()
            .slice(0, 60) || say("mail.document")
        }.${EXT[d.released_type ?? ""] ?? "bin"}`,
        content: d.released_data as Buffer,
        contentType: d.released_type ?? "application/octet-stream",
      }));
      if (!isPart && r.decision_text)
        attachments.push({
          filename: "beslut.pdf",
          content: await textToPdf(say("mail.decisionTitle", { number: c.number }), r.decision_text),
          contentType: "application/pdf",
        });
      const lines: string[] = [
        say("mail.greeting"),
        isPart ? say("mail.part", { number: c.number }) : say("mail.all", { number: c.number }),
        isPart ? "" : r.outcome === "full" ? say("mail.full") : say("mail.partial"),
        say("mail.signature", { org: config.organisation.name }),
      ];
      if (docs.length === 0 && !r.decision_text) return;
      await mailer.send({
        to: c.email,
        subject: say("mail.subject", { number: c.number }),
        text: lines.filter(Boolean).join("\n\n"),
        html: lines
          .filter(Boolean)
          .map((l) => `<p>${l.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`)
          .join(""),
        messageId: `<documents-${requestId}${
          isPart
            ? `-part-${createHash("sha256")
                .update((documentIds ?? []).join(","))
                .digest("hex")
                .slice(0, 12)}`
            : ""
        }@${config.mail.domain}>`,
        attachments,
      });
    },
  };
  return [send];
}
