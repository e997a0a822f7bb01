/** Demo: one open request from the local paper, with a case note to review. Idempotent. */
import type { ModuleContext } from "../../app/module.js";
import { SYSTEM_ACTOR } from "../../platform/audit/audit.js";
import { receiveQuestion } from "../inbox/index.js";
import { addUploadedDocument, createRequest } from "./commands.js";

const NOTE = [
  "Journalanteckning 2026-03-03, Familjehemsenheten",
  "",
  "Uppföljningsbesök i familjehemmet i Norrby. Placerat barn: Kim Exempelsson, 19121212-1212.",
  "Familjehemmet har haft handledning varje månad sedan januari. Kim går i skolan och trivs.",
  "Nästa uppföljning är i maj.",
].join("\n");

export async function seedRequestsDemo(ctx: ModuleContext): Promise<void> {
  const db = ctx.database.db;
  const orgId = ctx.org.id;
  const any = await db
    .selectFrom("document_requests")
    .select("id")
    .where("org_id", "=", orgId)
    .limit(1)
    .executeTakeFirst();
  if (any) return;
  const actor = { ...SYSTEM_ACTOR, orgId, label: "demo seed" };
  const received = await receiveQuestion(
    { db, jobs: ctx.jobs, secret: ctx.config.sessionSecret, arrival: ctx.extensions },
    actor,
    {
      orgId,
      channel: "email",
      kind: "media",
      subject: "Begäran om allmän handling",
      body: "Hej! Jag vill ta del av uppföljningarna av familjehemmet i Norrby under 2026. Med vänliga hälsningar, redaktionen på Exempelstads Tidning",
      requester: { name: "Exempelstads Tidning", email: "redaktion@example.se" },
    },
  );
  if (!received.ok) return;
  const created = await createRequest(
    db,
    actor,
    orgId,
    received.caseId,
    "Uppföljningarna av familjehemmet i Norrby under 2026",
    "sv",
  );
  if (!created.ok) return;
  await addUploadedDocument(
    db,
    actor,
    orgId,
    created.value.id,
    {
      title: "Journalanteckning 2026-03-03",
      filename: "journalanteckning-2026-03-03.txt",
      data: Buffer.from(NOTE, "utf8"),
    },
    "sv",
  );
}
