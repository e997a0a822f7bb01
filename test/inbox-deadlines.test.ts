import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { receiveQuestion } from "../src/modules/inbox/commands/receive.js";
import { checkDeadlines } from "../src/modules/inbox/jobs/deadlines.js";
import { startTestApp, type TestApp } from "./app.js";

describe("answer-time warnings and escalation", () => {
  let t: TestApp;
  const outbox = join("data", "outbox-deadlines-test");
  beforeAll(async () => {
    await rm(outbox, { recursive: true, force: true });
    t = await startTestApp({ work: true, env: { MAIL_OUTBOX_DIR: outbox } });
  });
  afterAll(async () => {
    await t?.close();
    await rm(outbox, { recursive: true, force: true });
  });

  it("warns before the answer time and escalates to the unit's manager after it, once", async () => {
    const deps = { db: t.database.db, jobs: t.jobs, secret: t.config.sessionSecret };
    const actor = { orgId: t.org.id, userId: null, label: "test" };
    const soon = await receiveQuestion(deps, actor, {
      orgId: t.org.id,
      channel: "web",
      body: "En fråga om avgifter.",
      requester: {},
    });
    const late = await receiveQuestion(deps, actor, {
      orgId: t.org.id,
      channel: "web",
      body: "Jag är orolig för ett barn i huset, pappan slår honom.",
      requester: {},
    });
    if (!soon.ok || !late.ok) throw new Error("not received");
    const now = new Date();
    await t.database.db
      .updateTable("cases")
      .set({ first_answer_due: new Date(now.getTime() + 20 * 60_000) })
      .where("id", "=", soon.caseId)
      .execute();
    await t.database.db
      .updateTable("cases")
      .set({ first_answer_due: new Date(now.getTime() - 60_000) })
      .where("id", "=", late.caseId)
      .execute();
    // Other demo cases are not due yet; only these two move.
    const first = await checkDeadlines(t.database.db, t.jobs, now);
    expect(first.escalated).toBe(1);
    expect(first.warned).toBeGreaterThanOrEqual(1);
    const again = await checkDeadlines(t.database.db, t.jobs, now);
    expect(again).toEqual({ warned: 0, escalated: 0 });
    const events = await t.database.db
      .selectFrom("case_events")
      .select(["case_id", "type"])
      .where("type", "in", ["sla-warning", "escalated"])
      .execute();
    expect(events).toEqual(
      expect.arrayContaining([
        { case_id: soon.caseId, type: "sla-warning" },
        { case_id: late.caseId, type: "escalated" },
      ]),
    );
    // The concern report sits with the intake unit, whose manager is the demo manager.
    const end = Date.now() + 20_000;
    let mail = "";
    while (!mail && Date.now() < end) {
      for (const f of await readdir(outbox).catch(() => [])) {
        const text = await readFile(join(outbox, f), "utf8");
        if (text.includes(`escalation-${late.caseId}`)) mail = text;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const parsed = await simpleParser(mail);
    expect(parsed.subject).toBe(`Försenat svar: ${late.number}`);
    expect(JSON.stringify(parsed.to)).toContain("chef@example.se");
    expect(parsed.text).toContain("orosanmälan");
  });
});
