/**
 * Secrecy on arrival is the same on every channel: a first message (receiveQuestions) and a
 * follow-up (addRequesterMessage — follow link, e-mail reply, social thread) are judged on the
 * same text, subject and body, and a report of concern makes either secret.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, freshDatabase, type TestDatabase } from "../../../test/db.js";
import { ensureOrganisation } from "../../app/seed.js";
import type { CaseChannel } from "../../platform/db/schema.js";
import type { JobRunner } from "../../platform/jobs/jobs.js";
import { mentionText } from "../social/mastodon.js";
import { addRequesterMessage } from "./commands/handle.js";
import { receiveQuestions, type InboxDeps } from "./commands/receive.js";
import { arrivalText, assessSecrecy } from "./secrecy.js";

const CHANNELS: readonly CaseChannel[] = ["web", "email", "facebook", "instagram", "mastodon", "open311"];

describe("the text judged on arrival", () => {
  it("is the subject and the body", () => {
    expect(arrivalText("Min ansökan", "Se rubriken.")).toBe("Min ansökan\nSe rubriken.");
    expect(arrivalText(undefined, "Hej")).toBe("Hej");
    expect(arrivalText("  ", "Hej")).toBe("Hej");
    expect(assessSecrecy(arrivalText("Angående min ansökan om försörjningsstöd", "Se rubriken.")).secret).toBe(true);
  });

  it("keeps a channel's own headings and our receipt's subject public", () => {
    for (const subject of [
      "Kommentar på Facebook",
      "Meddelande på Instagram",
      "Omnämnande på Mastodon",
      "Direktmeddelande på Mastodon",
      "Fråga om Ekonomiskt bistånd",
      "Fråga om Skyddat boende",
      "Re: Vi har fått ditt meddelande [SOC-2026-000123]",
    ]) {
      expect(assessSecrecy(arrivalText(subject, "Tack för svaret!")), subject).toEqual({ secret: false, reasons: [] });
    }
  });

  it("includes a Mastodon content warning, which the writer often puts the sensitive part in", () => {
    const text = mentionText({ content: "<p>@socialtjansten Vad gör jag nu?</p>", spoiler_text: "Min sambo slår mig" });
    expect(text).toBe("Min sambo slår mig\n\nVad gör jag nu?");
    expect(assessSecrecy(text).reasons).toContain("våld");
    expect(mentionText({ content: "<p>@socialtjansten Hej</p>" })).toBe("Hej");
  });
});

describe.each(BACKENDS)("secrecy on every channel on %s", (backend) => {
  let database: TestDatabase;
  let deps: InboxDeps;
  let orgId: string;
  const actor = () => ({ orgId, userId: null, label: "test" });
  const secretOf = async (caseId: string) =>
    (await database.db.selectFrom("cases").select("secret").where("id", "=", caseId).executeTakeFirstOrThrow()).secret;

  beforeAll(async () => {
    database = await freshDatabase(backend);
    orgId = (await ensureOrganisation(database.db)).id;
    // No requester e-mail below, so no acknowledgement is queued.
    deps = {
      db: database.db,
      jobs: { sendMany: async () => {} } as unknown as JobRunner,
      secret: "test-secret-test-secret",
    };
  });
  afterAll(async () => database?.close());

  it("marks a message about one's own matter secret on each channel, and a general question on none", async () => {
    const own = "Jag har inte fått pengarna den här månaden heller och hyran ska betalas på fredag.";
    const general = "Hur lång tid tar ett beslut om ekonomiskt bistånd?";
    const results = await receiveQuestions(
      deps,
      actor(),
      CHANNELS.flatMap((channel) => [
        { orgId, channel, body: own, requester: {} },
        { orgId, channel, body: general, requester: {} },
      ]),
    );
    expect(results.map((r) => r.ok && r.secret)).toEqual(CHANNELS.flatMap(() => [true, false]));
  });

  it("judges an e-mail's subject with its body", async () => {
    const [r] = await receiveQuestions(deps, actor(), [
      {
        orgId,
        channel: "email",
        subject: "Mitt personnummer 19121212-1212",
        body: "Se rubriken, tack.",
        requester: {},
      },
    ]);
    expect(r?.ok && r.secret).toBe(true);
  });

  it("judges a follow-up as a first message: its subject, and a report of concern in it", async () => {
    const [a, b, c] = await receiveQuestions(
      deps,
      actor(),
      [1, 2, 3].map(() => ({ orgId, channel: "email" as const, body: "Vilka tider har ni öppet?", requester: {} })),
    );
    if (!a?.ok || !b?.ok || !c?.ok) throw new Error("not received");
    expect([a.secret, b.secret, c.secret]).toEqual([false, false, false]);

    // An e-mail reply whose new subject says it: "Re:" with the person's own matter.
    await addRequesterMessage(deps, orgId, a.caseId, "Se ämnesraden.", actor(), {
      channel: "email",
      subject: "Re: Öppettider – gäller min ansökan om försörjningsstöd",
    });
    expect(await secretOf(a.caseId)).toBe(true);

    // A follow-up that is a report of concern about a child, on a case that was not one.
    await addRequesterMessage(
      deps,
      orgId,
      b.caseId,
      "En sak till: grannens pojke har blåmärken igen och jag hör skrik varje kväll.",
      actor(),
      { channel: "facebook" },
    );
    expect(await secretOf(b.caseId)).toBe(true);
    const event = await database.db
      .selectFrom("case_events")
      .select("details")
      .where("case_id", "=", b.caseId)
      .where("type", "=", "secrecy")
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(event.details)).toContain("orosanmälan");

    // Thanks under our receipt stays public.
    await addRequesterMessage(deps, orgId, c.caseId, "Tack!", actor(), {
      channel: "email",
      subject: "Re: Vi har fått ditt meddelande [SOC-2026-000123]",
    });
    expect(await secretOf(c.caseId)).toBe(false);
  });
});
