import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseChannel, CaseKind } from "../src/platform/db/schema.js";
import { receiveQuestion } from "../src/modules/inbox/commands/receive.js";
import { computeMeasures, type Measures } from "../src/modules/inbox/measures.js";
import { targetFor } from "../src/modules/inbox/sla.js";
import { Browser, startTestApp, type TestApp } from "./app.js";
import { BACKENDS } from "./db.js";

/** Stockholm wall-clock time as an instant. */
function local(s: string): Date {
  const utc = new Date(`${s}:00Z`);
  const offset =
    new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Stockholm", timeZoneName: "shortOffset" })
      .formatToParts(utc)
      .find((p) => p.type === "timeZoneName")?.value ?? "GMT+1";
  return new Date(utc.getTime() - Number(offset.replace("GMT", "")) * 3_600_000);
}

const PLAIN = "En vanlig fråga om avgifter.";
const CONCERN = "Jag vill göra en orosanmälan. Pappan slår sin son Elias, 7 år, och pojken är rädd att gå hem.";

describe("first-answer targets", () => {
  it("gives each kind its own target", () => {
    const minutes = (kind: CaseKind, concern = false, publicComment = false) =>
      targetFor(kind, concern, undefined, publicComment).minutes;
    expect(minutes("question", true)).toBe(60);
    expect(minutes("media", true)).toBe(60);
    expect(minutes("media")).toBe(240);
    expect(minutes("document_request")).toBe(240);
    expect(minutes("question", false, true)).toBe(240);
    for (const kind of ["question", "complaint", "own_matter", "praise", "other"] as const) {
      expect(minutes(kind)).toBe(510); // 08:00–16:30
    }
    expect(targetFor("media", false).label).toBe("sla.target.fourHours");
  });
});

describe.each(BACKENDS)("inbox measures per kind on %s", (backend) => {
  let t: TestApp;
  let m: Measures;
  // Monday 9 – Friday 13 November 2026: no public holidays.
  const from = local("2026-11-09T00:00");
  const to = local("2026-11-16T00:00");
  const now = local("2026-11-12T12:00");

  beforeAll(async () => {
    t = await startTestApp({ backend, demoContent: false });
  });
  afterAll(async () => t?.close());

  async function arrive(
    p: { kind: CaseKind; channel?: CaseChannel; body?: string; minor?: boolean },
    received: string,
    answered: string | null,
  ) {
    const r = await receiveQuestion(
      { db: t.database.db, jobs: t.jobs, secret: t.config.sessionSecret },
      { orgId: t.org.id, userId: null, label: "test" },
      {
        orgId: t.org.id,
        channel: p.channel ?? "web",
        kind: p.kind,
        body: p.body ?? PLAIN,
        requester: {},
        receivedAt: local(received),
        ...(p.minor ? { minorImportance: true } : {}),
      },
    );
    if (!r.ok) throw new Error("not received");
    if (answered !== null) {
      await t.database.db
        .updateTable("cases")
        .set({ first_answered_at: local(answered), status: "answered" })
        .where("id", "=", r.caseId)
        .execute();
    }
    return r;
  }

  it("counts each kind against its own target, with reports of concern as their own row", async () => {
    const concern = await arrive({ kind: "question", body: CONCERN }, "2026-11-09T09:00", "2026-11-09T11:00");
    expect(concern.concern).toBe(true);
    await arrive({ kind: "question" }, "2026-11-09T09:00", "2026-11-09T11:00"); // 2 h of 1 day: in time
    await arrive({ kind: "question" }, "2026-11-12T11:00", null); // not yet due: not counted
    await arrive({ kind: "question", channel: "phone" }, "2026-11-10T09:00", "2026-11-10T10:00");
    await arrive({ kind: "question", channel: "reception" }, "2026-11-10T10:00", "2026-11-10T10:30");
    await arrive({ kind: "media" }, "2026-11-09T09:00", "2026-11-09T12:00"); // 3 h of 4: in time
    await arrive({ kind: "media" }, "2026-11-09T10:00", "2026-11-09T15:00"); // 5 h: late
    await arrive({ kind: "document_request" }, "2026-11-09T09:00", "2026-11-09T13:00"); // 4 h: in time
    await arrive({ kind: "document_request" }, "2026-11-09T13:00", "2026-11-10T10:00"); // 3.5 h + 2 h: late
    await arrive({ kind: "complaint" }, "2026-11-09T09:00", null); // past its day, no answer: late
    await arrive({ kind: "complaint" }, "2026-11-09T14:00", "2026-11-10T13:00"); // 2.5 h + 5 h: in time
    await arrive({ kind: "praise", minor: true }, "2026-11-09T09:00", null); // minor importance: left out
    await arrive({ kind: "own_matter" }, "2026-11-09T09:00", null); // past due, no answer: late
    const waiting = await arrive({ kind: "own_matter" }, "2026-11-09T09:00", null);
    await t.database.db // waiting for the requester: its clock is paused, not counted
      .updateTable("cases")
      .set({ status: "waiting", waiting_since: local("2026-11-09T10:00") })
      .where("id", "=", waiting.caseId)
      .execute();

    m = await computeMeasures(t.database.db, t.org.id, from, to, now);
    const row = (key: string) => m.byKind.find((k) => k.key === key);
    expect(m.byKind.map((k) => k.key)).toEqual([
      "concern",
      "question",
      "media",
      "complaint",
      "praise",
      "other",
      "document_request",
      "own_matter",
    ]);
    expect(row("concern")).toMatchObject({
      label: "Orosanmälan",
      target: "1 arbetstimme",
      counted: 1,
      withinTarget: 0,
      share: 0,
    });
    expect(row("question")).toMatchObject({ label: "Fråga", target: "1 arbetsdag", counted: 3, withinTarget: 3 });
    expect(row("media")).toMatchObject({ target: "4 arbetstimmar", counted: 2, withinTarget: 1, share: 0.5 });
    expect(row("document_request")).toMatchObject({ target: "4 arbetstimmar", counted: 2, withinTarget: 1 });
    expect(row("complaint")).toMatchObject({ target: "1 arbetsdag", counted: 2, withinTarget: 1 });
    expect(row("praise")).toMatchObject({ counted: 0, withinTarget: 0, share: null });
    expect(row("own_matter")).toMatchObject({ label: "Om eget ärende", counted: 1, withinTarget: 0, share: 0 });
    expect(row("other")).toMatchObject({ counted: 0, share: null });
  });

  it("finds a report of concern late after 2 working hours, a question answered as fast in time", () => {
    expect(m.byKind.find((k) => k.key === "concern")).toMatchObject({ counted: 1, withinTarget: 0 });
    expect(m.byKind.find((k) => k.key === "question")?.withinTarget).toBe(3);
  });

  it("shows logged channels under their own names, like any other channel", () => {
    expect(m.kkik.byChannel.find((s) => s.key === "phone")).toMatchObject({
      label: "Telefon",
      counted: 1,
      withinOneDay: 1,
    });
    expect(m.kkik.byChannel.find((s) => s.key === "reception")).toMatchObject({
      label: "Receptionen",
      counted: 1,
      withinOneDay: 1,
    });
  });

  it("keeps the KKiK measure at one working day for every kind but media", () => {
    // Its own definition: questions 3 (+1 concern), document requests 2, complaints 2, own matters 2 (waiting
    // or not, past their first day), all answered within a day but one complaint and the own matters.
    expect(m.kkik.all).toMatchObject({ counted: 10, withinOneDay: 7 });
    expect(m.mediaInquiries).toMatchObject({ counted: 2, withinOneDay: 2 });
  });

  it("shows the per-kind table on the staff page and in the JSON", async () => {
    const b = new Browser(t.app);
    await b.login("kommunikator@example.se");
    const page = await b.get("/arbetsyta/matt?dagar=365");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Per typ av ärende");
    expect(page.body).toContain('<th scope="col" class="table__cell--numeric">Svar i tid</th>');
    expect(page.body).toContain("1 arbetstimme");
    const json = await b.get("/arbetsyta/matt.json?dagar=365");
    expect(json.json()).toMatchObject({
      byKind: expect.arrayContaining([
        expect.objectContaining({ key: "concern", target: "1 arbetstimme", targetOfficeMinutes: 60 }),
      ]),
    });
  });
});
