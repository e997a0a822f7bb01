import type { ParsedMail } from "mailparser";
import nodemailer from "nodemailer";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  REPLY_ADDRESS,
  SHARED_MAILBOX,
  mailServersInstalled,
  readMailbox,
  startMailServers,
  type MailServers,
} from "../test/mail-servers.js";
import { expectAccessible, launchBrowser, startServer, submitSignIn } from "./support.js";

const run = mailServersInstalled() || process.env["KLARSVAR_REQUIRE_MAIL_SERVERS"] === "1";

async function inbox(servers: MailServers, user: string): Promise<ParsedMail[]> {
  return (await readMailbox(servers, user)).map((m) => m.mail);
}

async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.runIf(run)("e-mail journey: real Postfix and Dovecot, a real browser", () => {
  let servers: MailServers;
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;

  beforeAll(async () => {
    servers = await startMailServers();
    [server, browser] = await Promise.all([
      startServer({
        SMTP_URL: servers.smtpUrl,
        MAIL_FROM: `Socialförvaltningen i Exempelstad <${SHARED_MAILBOX}>`,
        MAIL_DOMAIN: "klarsvar.test",
        MAIL_REPLY_ADDRESS: REPLY_ADDRESS,
        IMAP_MAILBOXES: servers.imapUrl(SHARED_MAILBOX),
      }),
      launchBrowser(),
    ]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await servers?.stop();
  });

  it("an e-mail becomes a case with an acknowledgement; the answer from the board threads back in the requester's mailbox, and so does their reply", async () => {
    const requester = "sara.exempel@example.test";
    const smtp = nodemailer.createTransport(servers.smtpUrl);
    const question = await smtp.sendMail({
      from: `Sara Exempel <${requester}>`,
      to: SHARED_MAILBOX,
      subject: "Telefontider",
      text: "Hej! När kan man ringa till mottagningen för ekonomiskt bistånd?",
    });

    const ack = await eventually("the acknowledgement", async () =>
      (await inbox(servers, requester)).find((m) => m.subject?.startsWith("Vi har fått")),
    );
    const number = /SOC-\d{4}-\d{6}/.exec(ack.subject ?? "")?.[0] as string;
    expect(number).toBeTruthy();
    expect(ack.inReplyTo).toBe(question.messageId);

    const staff = await (await browser.newContext()).newPage();
    await submitSignIn(staff, server.base, "kommunikator@example.se", "klarsvar-demo-2026");
    await staff.waitForURL(`${server.base}/arbetsyta`);
    await staff.goto(`${server.base}/arbetsyta/inkorg?kanal=email`);
    await expectAccessible(staff);
    await staff.getByRole("link", { name: number }).click();
    expect(await staff.locator("h1").textContent()).toBe(`Ärende ${number}`);
    expect(await staff.locator(".thread").textContent()).toContain("När kan man ringa till mottagningen");
    await expectAccessible(staff);
    await staff
      .getByLabel("Ditt svar", { exact: true })
      .fill("Hej Sara! Du kan ringa oss vardagar klockan 9–11 på 070-174 06 20.");
    await staff.getByRole("button", { name: "Skicka svaret" }).click();
    await staff.waitForURL(/klart=svar/);

    const answer = await eventually("the answer", async () =>
      (await inbox(servers, requester)).find((m) => m.subject?.startsWith("Svar från")),
    );
    expect(answer.subject).toBe(`Svar från Socialförvaltningen, Exempelstads kommun [${number}]`);
    expect(answer.inReplyTo).toBe(question.messageId);
    expect(answer.references).toContain(ack.messageId);
    expect(answer.text).toContain("vardagar klockan 9–11");

    // The requester answers from their mail program: it threads into the same case.
    await smtp.sendMail({
      from: requester,
      to: answer.replyTo?.value[0]?.address as string,
      subject: `Re: ${answer.subject}`,
      inReplyTo: answer.messageId,
      references: [question.messageId as string, answer.messageId as string],
      text: "Tack, då ringer jag i morgon.",
    });
    smtp.close();
    await eventually("the reply on the case page", async () => {
      await staff.reload();
      return ((await staff.locator(".thread").textContent()) ?? "").includes("Tack, då ringer jag i morgon.")
        ? true
        : undefined;
    });
    await expectAccessible(staff);
    // Still one acknowledgement: a reply in the thread is not a new case.
    expect((await inbox(servers, requester)).filter((m) => m.subject?.startsWith("Vi har fått"))).toHaveLength(1);
  });
  it("a journalist's e-mail lands as a media inquiry with the communicators, a request for documents by e-mail is in the register with its clock, and a phone call is logged and counted", async () => {
    const smtp = nodemailer.createTransport(servers.smtpUrl);
    await smtp.sendMail({
      from: "Ada Granskare <ada.granskare@svt.se>",
      to: SHARED_MAILBOX,
      subject: "Kostnader för placeringar",
      text: "Hej! Jag gör en granskning av vad kommunens placeringar av barn på HVB kostar. Vad kostade de 2025, och finns någon som kan ställa upp på en intervju i veckan?",
    });
    await smtp.sendMail({
      from: "Lisa Medborgare <lisa.medborgare@example.test>",
      to: SHARED_MAILBOX,
      subject: "Protokoll",
      text: "Hej. Jag begär att få ut protokollet från socialnämndens sammanträde i oktober, som allmän handling. Skicka det gärna som pdf.",
    });
    smtp.close();
    const staff = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    await submitSignIn(staff, server.base, "kommunikator@example.se", "klarsvar-demo-2026");
    await staff.waitForURL(`${server.base}/arbetsyta`);

    // The journalist: a media inquiry, with the communicators, on the board's media filter.
    await eventually("the journalist's case on the board", async () => {
      await staff.goto(`${server.base}/arbetsyta/inkorg?typ=media`);
      return (await staff.locator("tr", { hasText: "Kostnader för placeringar" }).count()) > 0 ? true : undefined;
    });
    await expectAccessible(staff);
    await staff.locator("tr", { hasText: "Kostnader för placeringar" }).getByRole("link").first().click();
    const summary = (await staff.locator(".summary-list").textContent()) ?? "";
    expect(summary).toContain("Journalistfråga, E-post");
    expect(summary).toContain("Kommunikation");
    expect(await staff.locator(".banner").count()).toBe(0);
    await expectAccessible(staff);

    // The request for documents: in the register at once, its same-day clock running.
    const number = await eventually("the request in the register", async () => {
      await staff.goto(`${server.base}/arbetsyta/begaran`);
      const row = staff.locator("tr", { hasText: "protokollet" });
      return (await row.count()) > 0 ? ((await row.first().textContent()) ?? "") : undefined;
    });
    expect(number).toMatch(/I tid|Sen/);
    await expectAccessible(staff);

    // A phone call, logged from the menu, answered on the spot and counted under its channel.
    await staff.goto(`${server.base}/arbetsyta`);
    await staff.getByRole("link", { name: "Logga samtal" }).first().click();
    await expectAccessible(staff);
    await staff.getByRole("button", { name: "Registrera" }).click();
    await staff.getByText("Skriv vad frågan gällde").first().waitFor();
    await expectAccessible(staff);
    await staff.getByRole("radio", { name: "Telefon" }).check();
    await staff.getByLabel("Vad gällde det?").fill("Ringde och undrade när budgetrådgivningen har öppet.");
    await staff.getByLabel("Svaret du gav (om du svarade direkt)").fill("Tisdagar och torsdagar kl. 9–12.");
    await staff.getByRole("button", { name: "Registrera" }).click();
    await staff.getByText(/Frågan är registrerad som SOC-\d{4}-\d{6}\./).waitFor();
    await staff.goto(`${server.base}/arbetsyta/matt`);
    const measures = (await staff.locator("main").textContent()) ?? "";
    expect(measures).toContain("Telefon");
    await expectAccessible(staff);
  });
});
