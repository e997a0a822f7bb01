/**
 * E-mail in and out against real servers: Postfix takes the mail over SMTP and delivers it
 * into Dovecot, which Klarsvar reads over IMAP (IDLE); the requester's side is a mailbox of
 * its own on the same servers. Nothing of our mail code is replaced by a fake.
 */
import { ImapFlow } from "imapflow";
import { inboxDepsFor } from "../src/modules/inbox/index.js";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replyToCase } from "../src/modules/inbox/commands/handle.js";
import { receiveMails } from "../src/modules/inbox/mail/intake.js";
import { replyAddressFor } from "../src/modules/inbox/numbers.js";
import { ImapReader, parseMailboxUrl, type FetchedMail } from "../src/platform/mail/imap-reader.js";
import { Browser, startTestApp, type TestApp } from "./app.js";
import { BACKENDS } from "./db.js";
import {
  MAIL_PASSWORD,
  REPLY_ADDRESS,
  SHARED_MAILBOX,
  mailServersInstalled,
  readMailbox,
  startMailServers,
  type MailServers,
} from "./mail-servers.js";

const required = process.env["KLARSVAR_REQUIRE_MAIL_SERVERS"] === "1";
const run = mailServersInstalled() || required;
if (!run) console.warn("Skipping the e-mail tests: Dovecot and Postfix are not installed (.ci/run installs them).");

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Puts a raw message straight into a mailbox (as a server-side filter or a migration would). */
async function append(servers: MailServers, user: string, raw: string | Buffer): Promise<void> {
  const client = new ImapFlow({
    host: "127.0.0.1",
    port: servers.imapPort,
    secure: false,
    auth: { user, pass: MAIL_PASSWORD },
    logger: false,
  });
  await client.connect();
  await client.append("INBOX", raw);
  await client.logout();
}

describe.runIf(run).each(BACKENDS)("e-mail over real SMTP and IMAP servers on %s", (backend) => {
  let servers: MailServers;
  let t: TestApp;
  let smtp: nodemailer.Transporter;
  const resident = (name: string) => `${name}@example.test`;

  beforeAll(async () => {
    servers = await startMailServers();
    smtp = nodemailer.createTransport(servers.smtpUrl);
    t = await startTestApp({
      backend,
      work: true,
      services: true,
      env: {
        SMTP_URL: servers.smtpUrl,
        MAIL_FROM: `Socialförvaltningen i Exempelstad <${SHARED_MAILBOX}>`,
        MAIL_DOMAIN: "klarsvar.test",
        MAIL_REPLY_ADDRESS: REPLY_ADDRESS,
        IMAP_MAILBOXES: servers.imapUrl(SHARED_MAILBOX),
        IMAP_POLL_SECONDS: "2",
        MAIL_RETRY_DELAY_SECONDS: "1",
      },
    });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    smtp?.close();
    await servers?.stop();
  });

  const caseOf = (externalId: string) =>
    t.database.db
      .selectFrom("case_messages as m")
      .innerJoin("cases as c", "c.id", "m.case_id")
      .select([
        "c.id",
        "c.number",
        "c.status",
        "c.secret",
        "c.minor_importance",
        "c.requester_email",
        "c.subject",
        "c.channel",
      ])
      .where("m.external_id", "=", externalId)
      .executeTakeFirst();

  it("an e-mail to the shared mailbox becomes a case, is acknowledged, and the reply threads back in the requester's mailbox", async () => {
    const me = resident("anna.exempel");
    const sent = await smtp.sendMail({
      from: `Anna Exempel <${me}>`,
      to: SHARED_MAILBOX,
      subject: "Öppettider i jul",
      text: "Hej! Har ni öppet mellan jul och nyår? Vänliga hälsningar, Anna",
    });
    const c = await waitFor("the case", () => caseOf(sent.messageId));
    expect(c).toMatchObject({
      channel: "email",
      status: "new",
      secret: false,
      requester_email: me,
      subject: "Öppettider i jul",
    });
    expect(c.number).toMatch(/^SOC-\d{4}-\d{6}$/);

    // Marked seen in the shared mailbox (only after the case was committed).
    await waitFor(
      "the \\Seen flag",
      async () => (await readMailbox(servers, SHARED_MAILBOX)).find((m) => m.mail.messageId === sent.messageId)?.seen,
    );

    // The acknowledgement arrives in the requester's own mailbox.
    const ack = await waitFor("the acknowledgement", async () =>
      (await readMailbox(servers, me)).find((m) => m.mail.subject?.includes(c.number)),
    );
    expect(ack.mail.subject).toBe(`Vi har fått ditt meddelande [${c.number}]`);
    expect(ack.mail.inReplyTo).toBe(sent.messageId);
    expect(ack.mail.text).toContain("Du får svar senast");
    expect(ack.mail.text).toContain("Ring 112 vid akut fara");
    expect(ack.mail.html).toContain(c.number);
    const replyTo = (ack.mail.replyTo?.value[0]?.address ?? "").toLowerCase();
    expect(replyTo).toBe(replyAddressFor(REPLY_ADDRESS, t.config.sessionSecret, c.id));

    // Staff answer; the answer threads under the question in the requester's mailbox.
    const staff = await t.database.db
      .selectFrom("staff_users")
      .select(["id"])
      .where("email", "=", "kommunikator@example.se")
      .executeTakeFirstOrThrow();
    expect(
      await replyToCase(
        inboxDepsFor(t.app.klarsvar.context),
        { orgId: t.org.id, userId: staff.id, label: "kommunikator@example.se" },
        c.id,
        "Hej Anna! Vi har öppet alla vardagar utom julafton och nyårsafton.",
      ),
    ).toEqual({ ok: true });
    const answer = await waitFor("the answer", async () =>
      (await readMailbox(servers, me)).find((m) => m.mail.subject?.startsWith("Svar från")),
    );
    expect(answer.mail.subject).toBe(`Svar från Socialförvaltningen, Exempelstads kommun [${c.number}]`);
    expect(answer.mail.inReplyTo).toBe(sent.messageId);
    expect(answer.mail.references).toEqual([sent.messageId, ack.mail.messageId]);
    expect(answer.mail.text).toContain("Vi har öppet alla vardagar");
    const out = await waitFor("delivery status", () =>
      t.database.db
        .selectFrom("case_messages")
        .select(["delivery_status", "external_id"])
        .where("case_id", "=", c.id)
        .where("direction", "=", "out")
        .where("delivery_status", "=", "sent")
        .executeTakeFirst(),
    );
    expect(out.external_id).toBe(answer.mail.messageId);

    // The requester answers the answer, as a mail program does: to Reply-To, with In-Reply-To.
    const again = await smtp.sendMail({
      from: me,
      to: replyTo,
      subject: `Re: ${answer.mail.subject}`,
      inReplyTo: answer.mail.messageId,
      references: [sent.messageId as string, answer.mail.messageId as string],
      text: "Tack! Gäller det även trettondagen?\n\nDen 1 dec. 2026 skrev Socialförvaltningen:\n> Hej Anna! Vi har öppet alla vardagar",
    });
    const threaded = await waitFor("the threaded reply", () => caseOf(again.messageId));
    expect(threaded.id).toBe(c.id);
    expect(threaded.status).toBe("open");
    const msg = await t.database.db
      .selectFrom("case_messages")
      .select(["body", "raw_source"])
      .where("external_id", "=", again.messageId)
      .executeTakeFirstOrThrow();
    expect(msg.body).toBe("Tack! Gäller det även trettondagen?");
    expect(Buffer.from(msg.raw_source as Buffer).toString()).toContain("> Hej Anna!");
    // One case, one acknowledgement.
    expect((await readMailbox(servers, me)).filter((m) => m.mail.subject?.startsWith("Vi har fått"))).toHaveLength(1);
  });

  it("threads by the reply address alone, and by In-Reply-To alone", async () => {
    const me = resident("bo.prov");
    const first = await smtp.sendMail({
      from: me,
      to: SHARED_MAILBOX,
      subject: "Färdtjänst",
      text: "Var ansöker man om färdtjänst?",
    });
    const c = await waitFor("the case", () => caseOf(first.messageId));
    const ack = await waitFor("the acknowledgement", async () =>
      (await readMailbox(servers, me)).find((m) => m.mail.subject?.includes(c.number)),
    );
    // A new message (no threading headers) to the reply address.
    const byToken = await smtp.sendMail({
      from: me,
      to: ack.mail.replyTo?.value[0]?.address as string,
      subject: "En sak till",
      text: "Jag glömde fråga om ledsagare.",
    });
    expect((await waitFor("by token", () => caseOf(byToken.messageId))).id).toBe(c.id);
    // A reply to the acknowledgement, sent to the shared address rather than Reply-To.
    const byHeader = await smtp.sendMail({
      from: me,
      to: SHARED_MAILBOX,
      subject: "Re: kvittens",
      inReplyTo: ack.mail.messageId,
      text: "Och om bilstöd?",
    });
    expect((await waitFor("by In-Reply-To", () => caseOf(byHeader.messageId))).id).toBe(c.id);
    // A forged reply address (right shape, wrong MAC) is a new case.
    const forged = await smtp.sendMail({
      from: resident("mallory"),
      to: `reply+${c.id.replace(/-/g, "")}-0000000000000000@klarsvar.test`,
      subject: "Hej",
      text: "Vad står det i ärendet?",
    });
    expect((await waitFor("forged", () => caseOf(forged.messageId))).id).not.toBe(c.id);
  });

  it("a message about the sender's own matter is secret on arrival", async () => {
    const sent = await smtp.sendMail({
      from: resident("cilla"),
      to: SHARED_MAILBOX,
      subject: "Min ansökan",
      text: "Hej, min handläggare har inte svarat om min ansökan om försörjningsstöd.",
    });
    const c = await waitFor("the case", () => caseOf(sent.messageId));
    expect(c.secret).toBe(true);
  });

  it("automatic replies are stored and never answered; a bounce marks the reply and reopens the case", async () => {
    const me = resident("dan.franvaro");
    const first = await smtp.sendMail({
      from: me,
      to: SHARED_MAILBOX,
      subject: "Hemtjänst",
      text: "Hur får man hemtjänst?",
    });
    const c = await waitFor("the case", () => caseOf(first.messageId));
    const ack = await waitFor("the acknowledgement", async () =>
      (await readMailbox(servers, me)).find((m) => m.mail.subject?.includes(c.number)),
    );
    // The requester's out-of-office answers our acknowledgement.
    const ooo = await smtp.sendMail({
      from: me,
      to: ack.mail.replyTo?.value[0]?.address as string,
      subject: `Automatiskt svar: ${ack.mail.subject}`,
      inReplyTo: ack.mail.messageId,
      headers: { "Auto-Submitted": "auto-replied" },
      text: "Jag är ledig till den 7 januari.",
    });
    const stored = await waitFor("the out-of-office", () =>
      t.database.db
        .selectFrom("case_messages")
        .select(["case_id", "automatic"])
        .where("external_id", "=", ooo.messageId)
        .executeTakeFirst(),
    );
    expect(stored).toEqual({ case_id: c.id, automatic: true });
    expect((await caseOf(first.messageId))?.status).toBe("new");
    // An out-of-office that matches no case is registered as of minor importance, unanswered.
    const stray = await smtp.sendMail({
      from: resident("eva.borta"),
      to: SHARED_MAILBOX,
      subject: "Out of Office: Nyhetsbrev",
      headers: { "Auto-Submitted": "auto-replied" },
      text: "Jag är borta.",
    });
    expect(await waitFor("the stray out-of-office", () => caseOf(stray.messageId))).toMatchObject({
      minor_importance: true,
      status: "closed",
    });

    // A reply to an address that does not exist: Postfix sends a real delivery report back.
    const gone = "finns.inte@studsar.example.test";
    const bouncing = await smtp.sendMail({
      from: gone,
      to: SHARED_MAILBOX,
      subject: "Bostad",
      text: "Kan ni hjälpa mig med bostad?",
    });
    const b = await waitFor("the case", () => caseOf(bouncing.messageId));
    const staff = await t.database.db
      .selectFrom("staff_users")
      .select(["id"])
      .where("email", "=", "kommunikator@example.se")
      .executeTakeFirstOrThrow();
    await replyToCase(
      inboxDepsFor(t.app.klarsvar.context),
      { orgId: t.org.id, userId: staff.id, label: "kommunikator" },
      b.id,
      "Hej! Ring oss på 070-174 06 10.",
    );
    const bounced = await waitFor(
      "the bounce",
      () =>
        t.database.db
          .selectFrom("case_messages")
          .select(["delivery_status"])
          .where("case_id", "=", b.id)
          .where("direction", "=", "out")
          .where("delivery_status", "=", "bounced")
          .executeTakeFirst(),
      30_000,
    );
    expect(bounced.delivery_status).toBe("bounced");
    const event = await t.database.db
      .selectFrom("case_events")
      .select(["details"])
      .where("case_id", "=", b.id)
      .where("type", "=", "bounced")
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(event.details)).toContain("5.1.1");
    expect((await caseOf(bouncing.messageId))?.status).toBe("open");
    // The case page says so, next to the answer and in the history.
    const comm = new Browser(t.app);
    await comm.login("kommunikator@example.se");
    const casePage = (await comm.get(`/arbetsyta/arenden/${b.id}`)).body;
    expect(casePage).toContain("kom inte fram. Nå frågeställaren på annat sätt");
    expect(casePage).toContain("e-post kom inte fram (X-Postfix; Mailbox does not exist)");
    // An address the SMTP server refuses at once: no retries, the answer is marked and the case reopens.
    const refused = await smtp.sendMail({
      from: "ingen@avvisar.example.test",
      to: SHARED_MAILBOX,
      subject: "Boende",
      text: "Vem kan jag prata med om boende?",
    });
    const r = await waitFor("the case", () => caseOf(refused.messageId));
    await replyToCase(
      inboxDepsFor(t.app.klarsvar.context),
      { orgId: t.org.id, userId: staff.id, label: "kommunikator" },
      r.id,
      "Hej! Ring oss gärna.",
    );
    await waitFor("the refusal", () =>
      t.database.db
        .selectFrom("case_messages")
        .select("id")
        .where("case_id", "=", r.id)
        .where("direction", "=", "out")
        .where("delivery_status", "=", "bounced")
        .executeTakeFirst(),
    );
    expect((await caseOf(refused.messageId))?.status).toBe("open");
    // No case for the bounce itself, and nothing was sent to the mailer-daemon.
    const cases = await t.database.db
      .selectFrom("cases")
      .select(["requester_email"])
      .where("requester_email", "like", "mailer-daemon%")
      .execute();
    expect(cases).toHaveLength(0);
  });

  it("malformed mail is stored as well as it can be and never stops the reader", async () => {
    const broken = [
      // No Message-ID, no From, an unknown charset, a broken base64 part.
      "Subject: =?x-unknown?B?w6XDpMO2?=\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\nContent-Type: text/plain; charset=x-unknown\r\n\r\nHej fr\xe5n en trasig klient\r\n--XX\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n%%%not base64%%%\r\n",
      // Only headers, no body at all.
      "From: tom@example.test\r\nMessage-ID: <empty-body@example.test>\r\nSubject: Tomt\r\n\r\n",
    ];
    for (const raw of broken) await append(servers, SHARED_MAILBOX, Buffer.from(raw, "latin1"));
    const good = await smtp.sendMail({
      from: resident("frida"),
      to: SHARED_MAILBOX,
      subject: "Efter de trasiga",
      text: "Kommer den här fram?",
    });
    await waitFor("the good message after the broken ones", () => caseOf(good.messageId));
    expect(await caseOf("<empty-body@example.test>")).toMatchObject({ subject: "Tomt" });
    const noId = await t.database.db
      .selectFrom("case_messages")
      .select(["body", "external_id"])
      .where("external_id", "like", "<sha256-%")
      .execute();
    expect(noId.length).toBeGreaterThanOrEqual(1);
    expect(noId.some((m) => m.body.includes("Hej fr"))).toBe(true);
    // Everything was marked seen: the reader went past the broken ones.
    await waitFor("all seen", async () => (await readMailbox(servers, SHARED_MAILBOX)).every((m) => m.seen));
  });

  it("a crash between commit and \\Seen fetches the message again without a second case; two readers never duplicate", async () => {
    const sent = await smtp.sendMail({
      from: resident("gustav"),
      to: "inkorg2@klarsvar.test",
      subject: "Dubbel?",
      text: "Får ni det här två gånger?",
    });
    const url = parseMailboxUrl(servers.imapUrl("inkorg2@klarsvar.test"));
    const deps = { db: t.database.db, jobs: t.jobs, secret: t.config.sessionSecret };
    const options = { orgId: t.org.id, domain: "klarsvar.test", mailbox: url.label, maxAttachmentBytes: 10_485_760 };
    await waitFor("delivery", async () => (await readMailbox(servers, "inkorg2@klarsvar.test")).length === 1);
    // "Crash": the batch is committed, but the reader dies before it sets \Seen.
    const first = new ImapReader({
      mailbox: url,
      onBatch: async (mails: readonly FetchedMail[]) => {
        await receiveMails(deps, options, mails);
        throw new Error("crash after commit");
      },
      backoffMs: 60_000,
    });
    first.start();
    await waitFor("the case", () => caseOf(sent.messageId));
    await first.stop();
    expect((await readMailbox(servers, "inkorg2@klarsvar.test"))[0]?.seen).toBe(false);
    // Two readers start on the same mailbox: the message is taken again, stored once.
    const readers = [1, 2].map(
      () =>
        new ImapReader({
          mailbox: url,
          onBatch: async (mails) => {
            await receiveMails(deps, options, mails);
          },
          pollMs: 500,
        }),
    );
    for (const r of readers) r.start();
    await waitFor("seen", async () => (await readMailbox(servers, "inkorg2@klarsvar.test"))[0]?.seen);
    for (const r of readers) await r.stop();
    const rows = await t.database.db
      .selectFrom("case_messages")
      .select("id")
      .where("external_id", "=", sent.messageId)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it("IMAP down: the reader retries with backoff, shows it to admins, and catches up", async () => {
    await servers.stopImap();
    const status = await waitFor(
      "the error state",
      () => t.database.db.selectFrom("mailbox_status").selectAll().where("state", "=", "error").executeTakeFirst(),
      30_000,
    );
    expect(status.last_error).toBeTruthy();
    expect(status.failures).toBeGreaterThanOrEqual(1);
    // The admins see it: on their start page and on the e-mail page.
    const admin = new Browser(t.app);
    await admin.login("admin@example.se");
    expect((await admin.get("/arbetsyta")).body).toContain("e-postlåda går inte att läsa");
    const page = await admin.get("/arbetsyta/admin/e-post");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Går inte att nå");
    expect(page.body).toContain("inkorg@klarsvar.test@127.0.0.1/INBOX");
    await servers.startImap();
    await append(
      servers,
      SHARED_MAILBOX,
      `From: hanna@example.test\r\nTo: ${SHARED_MAILBOX}\r\nMessage-ID: <after-outage@example.test>\r\nSubject: Efter avbrottet\r\n\r\nHej igen.\r\n`,
    );
    await waitFor("the message after the outage", () => caseOf("<after-outage@example.test>"), 40_000);
    const back = await t.database.db.selectFrom("mailbox_status").selectAll().executeTakeFirstOrThrow();
    expect(back).toMatchObject({ state: "connected", failures: 0 });
  }, 90_000);

  it("SMTP down: an answer waits and is retried; nothing is lost", async () => {
    const sent = await smtp.sendMail({
      from: resident("ida"),
      to: SHARED_MAILBOX,
      subject: "Ledsagning",
      text: "Hur bokar jag ledsagning?",
    });
    const c = await waitFor("the case", () => caseOf(sent.messageId));
    await waitFor("the acknowledgement", async () => (await readMailbox(servers, resident("ida"))).length === 1);
    await servers.stopSmtp();
    const staff = await t.database.db
      .selectFrom("staff_users")
      .select(["id"])
      .where("email", "=", "kommunikator@example.se")
      .executeTakeFirstOrThrow();
    await replyToCase(
      inboxDepsFor(t.app.klarsvar.context),
      { orgId: t.org.id, userId: staff.id, label: "kommunikator" },
      c.id,
      "Du bokar ledsagning hos kundtjänst.",
    );
    const job = await waitFor(
      "a failed try",
      async () => {
        const r = await t.database.db
          .selectFrom("case_messages")
          .select(["id", "delivery_status"])
          .where("case_id", "=", c.id)
          .where("direction", "=", "out")
          .executeTakeFirst();
        const state = r ? await t.jobs.stateOf("inbox.send-reply", `reply:${r.id}`) : undefined;
        // Waiting for its third try (4 s away with a 1 s first delay): time to look at it.
        return state && state.state === "retry" && state.retryCount >= 2 ? { ...r, ...state } : undefined;
      },
      60_000,
    );
    expect(job.delivery_status).toBe("queued");
    const admin = new Browser(t.app);
    await admin.login("admin@example.se");
    const page = await admin.get("/arbetsyta/admin/e-post");
    expect(page.body).toContain("E-post som Klarsvar försöker skicka igen");
    expect(page.body).toContain("ECONNREFUSED");
    await servers.startSmtp();
    await waitFor(
      "the answer after SMTP is back",
      async () => (await readMailbox(servers, resident("ida"))).find((m) => m.mail.subject?.startsWith("Svar från")),
      60_000,
    );
  }, 120_000);
});
