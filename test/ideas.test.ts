/**
 * Ideas through HTTP and the real job runner, on both databases: a resident submits and
 * confirms, the idea is routed and answered; every state change that notifies reaches the
 * submitter exactly once; followers confirm, get their messages at once or as a digest, and
 * never hear again after unsubscribing; "did it help?"; moderation; an employee's anonymous
 * idea to an innovation group; deadlines; search and feeds; bad input.
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { parseFeed } from "@rowanmanning/feed-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formStamp } from "../src/platform/http/form-guard.js";
import { ideaJobs } from "../src/modules/ideas/jobs.js";
import type { JobDefinition } from "../src/platform/jobs/jobs.js";
import type { Mailer } from "../src/platform/mail/mailer.js";
import { ideasModule } from "../src/modules/ideas/module.js";
import { Browser, startTestApp, type TestApp } from "./app.js";
import { BACKENDS } from "./db.js";
import { parsedMails as mails, until } from "./outbox.js";

function multipart(
  fields: Record<string, string>,
  file?: { name: string; type: string; data: Buffer },
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = "----klarsvar-ideas-boundary";
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from("\r\n"),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

describe.each(BACKENDS)("ideas on %s", (backend) => {
  let t: TestApp;
  const outbox = join("data", `outbox-ideas-${backend}`);
  const job = (name: string) =>
    (ideasModule.jobs?.(t.app.klarsvar.context) ?? []).find((j) => j.name === name) as unknown as JobDefinition<
      Record<string, unknown>
    >;
  const ctx = { id: "test", name: "test", retryCount: 0 };

  beforeAll(async () => {
    await rm(outbox, { recursive: true, force: true });
    t = await startTestApp({
      backend,
      work: true,
      env: { LOGIN_RATE_LIMIT_PER_MINUTE: "1000", FORM_RATE_LIMIT_PER_MINUTE: "1000", MAIL_OUTBOX_DIR: outbox },
    });
  });
  afterAll(async () => {
    await t?.close();
    await rm(outbox, { recursive: true, force: true });
  });

  async function submit(
    b: Browser,
    fields: Record<string, string>,
    file?: { name: string; type: string; data: Buffer },
  ) {
    const token = await b.csrfFrom("/forslag/nytt");
    const body = multipart(
      { _csrf: token, stamp: formStamp(t.config.sessionSecret, Date.now() - 10_000), ...fields },
      file,
    );
    return t.app.inject({
      method: "POST",
      url: "/forslag/nytt",
      payload: body.payload,
      headers: { ...body.headers, cookie: b.cookieHeader() },
    });
  }

  const categoryId = async (slug: string) =>
    (await t.database.db.selectFrom("idea_categories").select("id").where("slug", "=", slug).executeTakeFirstOrThrow())
      .id;
  const stateId = async (slug: string) =>
    (await t.database.db.selectFrom("idea_states").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
  const ideaByTitle = async (title: string) =>
    t.database.db.selectFrom("ideas").selectAll().where("title", "=", title).executeTakeFirstOrThrow();

  it("refuses empty, huge and unsafe submissions with clear messages and keeps what was written", async () => {
    const b = new Browser(t.app);
    const empty = await submit(b, { title: "", description: "", email: "" });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Skriv en rubrik för ditt förslag");
    expect(empty.body).toContain("Beskriv ditt förslag");
    expect(empty.body).toContain("Skriv e-postadressen som namn@exempel.se");
    const huge = await submit(b, {
      title: "Ett långt förslag",
      description: "ord ".repeat(2000),
      email: "a@example.se",
    });
    expect(huge.statusCode).toBe(400);
    expect(huge.body).toContain("Beskrivningen är för lång. Skriv högst 5000 tecken.");
    expect(huge.body).toContain("Ett långt förslag");
    const notAnImage = await submit(
      b,
      { title: "Bild", description: "Se bilden jag har bifogat.", email: "a@example.se" },
      { name: "bild.png", type: "image/png", data: Buffer.from("<script>alert(1)</script>") },
    );
    expect(notAnImage.statusCode).toBe(400);
    expect(notAnImage.body).toContain("Filen bild.png går inte att ta emot");
    expect(
      await t.database.db
        .selectFrom("ideas")
        .select("id")
        .where("title", "in", ["Ett långt förslag", "Bild"])
        .execute(),
    ).toEqual([]);
  });

  it("a resident submits, confirms by e-mail, the idea is routed, answered and every notifying state change reaches the submitter exactly once", async () => {
    const resident = new Browser(t.app);
    const title = "Ansökan om ekonomiskt bistånd med e-legitimation";
    const res = await submit(resident, {
      title,
      description: "Det borde gå att söka ekonomiskt bistånd digitalt med e-legitimation, så slipper man papper.",
      email: "stina@example.se",
      category: await categoryId("ekonomiskt-bistand"),
    });
    expect(res.statusCode).toBe(303);
    const myPage = res.headers.location as string;
    expect(myPage).toMatch(/^\/forslag\/mitt\/[0-9a-f-]{36}\.[\w-]{24}\?skickat=1$/);
    const idea = await ideaByTitle(title);
    expect(idea.status).toBe("unconfirmed");
    expect(idea.number).toMatch(/^IDE-\d{4}-\d{6}$/);
    expect((await resident.get(`/forslag/${idea.number}`)).statusCode).toBe(404);

    const confirmation = await until(async () =>
      (await mails(outbox)).find((m) => m.messageId === `<idea-confirm-${idea.id}@${t.config.mail.domain}>`),
    );
    expect(confirmation.to).toBe("stina@example.se");
    const link = /\/forslag\/mitt\/[\w.-]+/.exec(confirmation.text)?.[0] as string;
    expect(myPage.startsWith(link)).toBe(true);
    const page = await resident.get(link);
    expect(page.body).toContain("Bekräfta förslaget");
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] as string;
    expect((await resident.post(`${link}/bekrafta`, { _csrf: csrf })).statusCode).toBe(303);
    expect((await resident.post(`${link}/bekrafta`, { _csrf: csrf })).statusCode).toBe(303); // twice: nothing new

    const routed = await ideaByTitle(title);
    expect(routed.status).toBe("open");
    const unit = await t.database.db
      .selectFrom("units")
      .select(["id", "name"])
      .where("slug", "=", "ekonomiskt-bistand")
      .executeTakeFirstOrThrow();
    expect(routed.unit_id).toBe(unit.id);
    expect(routed.first_answer_due).not.toBeNull();
    const publicPage = await resident.get(`/forslag/${idea.number}`);
    expect(publicPage.statusCode).toBe(200);
    expect(publicPage.body).toContain(`Förslaget gick till ${unit.name}.`);
    // The unit hears of it.
    await until(async () =>
      (await mails(outbox)).find((m) => m.to === "handlaggare@example.se" && m.subject.includes(idea.number)),
    );

    // Followers: one at once, one daily; neither counts until confirmed.
    const follower = new Browser(t.app);
    const fcsrf = await follower.csrfFrom(`/forslag/${idea.number}`);
    expect(
      (
        await follower.post(`/forslag/${idea.number}/folj`, {
          _csrf: fcsrf,
          followEmail: "nu@example.se",
          frequency: "immediate",
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await follower.post(`/forslag/${idea.number}/folj`, {
          _csrf: fcsrf,
          followEmail: "dag@example.se",
          frequency: "daily",
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await follower.post(`/forslag/${idea.number}/folj`, {
          _csrf: fcsrf,
          followEmail: "inte-en-adress",
          frequency: "daily",
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await follower.post(`/forslag/${idea.number}/folj`, {
          _csrf: fcsrf,
          followEmail: "aldrig@example.se",
          frequency: "immediate",
        })
      ).statusCode,
    ).toBe(303);
    for (const address of ["nu@example.se", "dag@example.se"]) {
      const m = await until(async () =>
        (await mails(outbox)).find((x) => x.to === address && x.subject.startsWith("Bekräfta att du vill följa")),
      );
      const followLink = /\/forslag\/folj\/[\w.-]+/.exec(m.text)?.[0] as string;
      const confirmPage = await follower.get(followLink);
      expect(confirmPage.statusCode).toBe(200);
      const c = /name="_csrf" value="([^"]+)"/.exec(confirmPage.body)?.[1] as string;
      expect((await follower.post(followLink, { _csrf: c })).statusCode).toBe(200);
    }

    // Staff answer: a notifying state, an internal one, bad answers, then "implemented".
    const staff = new Browser(t.app);
    expect((await staff.login("handlaggare@example.se")).statusCode).toBe(303);
    const scsrf = await staff.csrfFrom(`/arbetsyta/forslag/${idea.id}`);
    const answer = async (slug: string, text: string) =>
      staff.post(`/arbetsyta/forslag/${idea.id}/besked`, {
        _csrf: scsrf,
        stateId: await stateId(slug),
        answer: text,
        decidedBy: "Enheten för ekonomiskt bistånd",
      });
    const noAnswer = await answer("bedoms", "  ");
    expect(noAnswer.statusCode).toBe(400);
    expect(noAnswer.body).toContain("Skriv ett svar. Den som lämnade förslaget ska alltid få veta varför.");
    const personal = await answer("bedoms", "Vi har pratat med Tolvan, 19121212-1212, om saken.");
    expect(personal.statusCode).toBe(400);
    expect(personal.body).toContain("Svaret kan inte skickas");
    expect(
      (await answer("bedoms", "Tack! Vi tittar på vilka e-tjänster som finns och återkommer i maj.")).statusCode,
    ).toBe(303);
    expect((await answer("utreds-internt", "Internt: vi räknar på kostnaden.")).statusCode).toBe(303);
    expect(
      (await answer("genomfort", "Nu kan du söka ekonomiskt bistånd med e-legitimation på vår webbplats.")).statusCode,
    ).toBe(303);

    const toSubmitter = async () =>
      (await mails(outbox)).filter((m) => m.to === "stina@example.se" && m.messageId.startsWith("<idea-notification-"));
    const sent = await until(async () => {
      const list = await toSubmitter();
      return list.length >= 2 && list;
    });
    // A retried job finds its row sent and sends nothing: give every notification a second job.
    const rows = await t.database.db
      .selectFrom("idea_notifications")
      .select(["id", "recipient", "status", "delivery"])
      .where("idea_id", "=", idea.id)
      .execute();
    for (const r of rows) await t.jobs.send("ideas.notify", { notificationId: r.id });
    for (const r of rows.filter((x) => x.recipient === "submitter"))
      await job("ideas.notify").handler({ notificationId: r.id }, ctx);
    await new Promise((r) => setTimeout(r, 1500));
    const after = await toSubmitter();
    expect(after.length).toBe(2);
    expect(sent.map((m) => m.subject).sort()).toEqual([
      `Nytt besked om förslaget ${idea.number}: Bedöms`,
      `Nytt besked om förslaget ${idea.number}: Genomfört`,
    ]);
    expect(after.some((m) => m.text.includes("Internt: vi räknar"))).toBe(false);
    const submitterRows = rows.filter((r) => r.recipient === "submitter");
    expect(submitterRows).toHaveLength(2);

    // The immediate follower got both public steps, with a one-click unsubscribe header; the never-confirmed address nothing.
    const now = await until(async () => {
      const l = (await mails(outbox)).filter(
        (m) => m.to === "nu@example.se" && m.messageId.startsWith("<idea-notification-"),
      );
      return l.length >= 2 && l;
    });
    expect(now).toHaveLength(2);
    const raw = now[0]?.raw ?? "";
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(raw).toMatch(/^List-Unsubscribe: <http:\/\/[^>]+\/forslag\/sluta-folja\/[\w.-]+>$/m);
    expect(
      (await mails(outbox)).filter((m) => m.to === "aldrig@example.se" && !m.subject.startsWith("Bekräfta")),
    ).toEqual([]);

    // The daily follower gets one digest with both steps.
    await job("ideas.queue-digests").handler({}, ctx);
    const digest = await until(async () =>
      (await mails(outbox)).find(
        (m) => m.to === "dag@example.se" && m.subject.startsWith("Nytt om förslagen du följer"),
      ),
    );
    expect(digest.text).toContain("Bedöms");
    expect(digest.text).toContain("Genomfört");
    expect(digest.text).not.toContain("Internt");
    await job("ideas.queue-digests").handler({}, ctx);
    await new Promise((r) => setTimeout(r, 1000));
    expect(
      (await mails(outbox)).filter((m) => m.to === "dag@example.se" && m.subject.startsWith("Nytt om förslagen")),
    ).toHaveLength(1);

    // Unsubscribing: one-click for the daily follower, the page for the other. Then nothing more.
    const oneClick = /^List-Unsubscribe: <([^>]+)>$/m.exec(digest.raw)?.[1] as string;
    const path = new URL(oneClick).pathname;
    const res1 = await t.app.inject({
      method: "POST",
      url: path,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "List-Unsubscribe=One-Click",
    });
    expect(res1.statusCode).toBe(200);
    const unsubscribeLink = /\/forslag\/sluta-folja\/[\w.-]+/.exec(now[0]?.text ?? "")?.[0] as string;
    const stopPage = await follower.get(unsubscribeLink);
    expect(stopPage.body).toContain("Sluta följa");
    const c2 = /name="_csrf" value="([^"]+)"/.exec(stopPage.body)?.[1] as string;
    expect((await follower.post(unsubscribeLink, { _csrf: c2 })).statusCode).toBe(200);
    expect((await answer("pagar", "Vi bygger vidare på e-tjänsten med fler språk.")).statusCode).toBe(303);
    await job("ideas.queue-digests").handler({}, ctx);
    await until(async () => (await toSubmitter()).length === 3);
    await new Promise((r) => setTimeout(r, 1500));
    expect(
      (await mails(outbox)).filter(
        (m) => (m.to === "nu@example.se" || m.to === "dag@example.se") && m.text.includes("fler språk"),
      ),
    ).toEqual([]);

    const followLog = (
      await t.database.db
        .selectFrom("audit_log")
        .select("action")
        .where("subject_id", "=", idea.id)
        .where("action", "like", "idea.%")
        .execute()
    ).map((r) => r.action);
    expect(followLog).toEqual(
      expect.arrayContaining(["idea.submit", "idea.confirm", "idea.follow", "idea.follow.confirm", "idea.state"]),
    );
    expect(
      await t.database.db.selectFrom("audit_log").select("action").where("action", "=", "idea.follow.stop").execute(),
    ).toHaveLength(2);
    // "Did it help?": the job asks, the submitter answers once, the answer shows on the idea.
    await job("ideas.ask-helped").handler({ ideaId: idea.id }, ctx);
    expect(
      (await mails(outbox)).filter(
        (m) => m.to === "stina@example.se" && m.subject.startsWith("Gjorde ditt förslag skillnad?"),
      ),
    ).toHaveLength(0); // state is no longer "implemented"
    expect((await answer("genomfort", "Klart: e-tjänsten finns nu på fem språk.")).statusCode).toBe(303);
    await job("ideas.ask-helped").handler({ ideaId: idea.id }, ctx);
    await job("ideas.ask-helped").handler({ ideaId: idea.id }, ctx);
    const ask = (await mails(outbox)).filter(
      (m) => m.to === "stina@example.se" && m.subject.startsWith("Gjorde ditt förslag skillnad?"),
    );
    expect(ask).toHaveLength(1);
    const helpedPage = await resident.get(link);
    expect(helpedPage.body).toContain("Gjorde förslaget skillnad?");
    const hcsrf = /name="_csrf" value="([^"]+)"/.exec(helpedPage.body)?.[1] as string;
    expect(
      (await resident.post(`${link}/hjalpte`, { _csrf: hcsrf, helpedComment: "Jag sökte på en kvart." })).statusCode,
    ).toBe(400);
    expect(
      (await resident.post(`${link}/hjalpte`, { _csrf: hcsrf, helped: "yes", helpedComment: "Jag sökte på en kvart." }))
        .statusCode,
    ).toBe(303);
    expect((await resident.post(`${link}/hjalpte`, { _csrf: hcsrf, helped: "no" })).statusCode).toBe(400);
    const shown = await resident.get(`/forslag/${idea.number}`);
    expect(shown.body).toContain("Gjorde det skillnad?");
    expect(shown.body).toContain("Jag sökte på en kvart.");
    expect(shown.body).toContain("Hur långt arbetet har kommit: 100 procent");
  });

  it("holds ideas with personal data, tells the submitter why, and publishes only what a moderator cleared", async () => {
    const resident = new Browser(t.app);
    const title = "Bättre svar i telefon";
    expect(
      (
        await submit(resident, {
          title,
          description: "Ring mig gärna på 070-174 06 12 så berättar jag mer om hur det var när jag ringde.",
          email: "held@example.se",
        })
      ).statusCode,
    ).toBe(303);
    const idea = await ideaByTitle(title);
    const confirmation = await until(async () =>
      (await mails(outbox)).find((m) => m.messageId === `<idea-confirm-${idea.id}@${t.config.mail.domain}>`),
    );
    const link = /\/forslag\/mitt\/[\w.-]+/.exec(confirmation.text)?.[0] as string;
    const csrf = await resident.csrfFrom(link);
    await resident.post(`${link}/bekrafta`, { _csrf: csrf });
    expect((await ideaByTitle(title)).status).toBe("held");
    expect((await resident.get(`/forslag/${idea.number}`)).statusCode).toBe(404);
    expect((await resident.get(link)).body).toContain("ett telefonnummer");
    const told = await until(async () =>
      (await mails(outbox)).find((m) => m.to === "held@example.se" && m.subject.startsWith("Vi läser ditt förslag")),
    );
    expect(told.text).toContain("ett telefonnummer");

    const moderator = new Browser(t.app);
    await moderator.login("kommunikator@example.se");
    const mcsrf = await moderator.csrfFrom(`/arbetsyta/forslag/${idea.id}`);
    const still = await moderator.post(`/arbetsyta/forslag/${idea.id}/granska`, {
      _csrf: mcsrf,
      action: "clear",
      title,
      description: "Ring mig på 070-174 06 12.",
      moderationReason: "",
    });
    expect(still.statusCode).toBe(400);
    expect(still.body).toContain("Texten innehåller fortfarande personuppgifter");
    const cleared = await moderator.post(`/arbetsyta/forslag/${idea.id}/granska`, {
      _csrf: mcsrf,
      action: "clear",
      title,
      description: "Jag berättar gärna mer om hur det var när jag ringde.",
      moderationReason: "Vi tog bort ditt telefonnummer innan förslaget visades.",
    });
    expect(cleared.statusCode).toBe(303);
    const page = await resident.get(`/forslag/${idea.number}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain("070-174 06 12");
    expect(page.body).toContain("Texten ändrades före publicering.");
    await until(async () =>
      (await mails(outbox)).find((m) => m.to === "held@example.se" && m.subject.startsWith("Ditt förslag visas nu")),
    );
  });

  it("sends what reads like a report of concern about a child to the inbox's intake, never to the public", async () => {
    const resident = new Browser(t.app);
    const title = "Grannens pojke";
    await submit(resident, {
      title,
      description: "Jag är orolig för grannens pojke. Han är ensam hemma på nätterna och får ingen mat.",
      email: "granne@example.se",
    });
    const idea = await ideaByTitle(title);
    const link = `/forslag/mitt/${(await import("../src/modules/ideas/tokens.js")).tokenFor(t.config.sessionSecret, "idea", idea.id)}`;
    await resident.post(`${link}/bekrafta`, { _csrf: await resident.csrfFrom(link) });
    expect((await ideaByTitle(title)).status).toBe("held");
    const c = await t.database.db
      .selectFrom("cases")
      .select(["concern_report", "unit_id"])
      .where("subject", "like", `Från förslag ${idea.number}%`)
      .executeTakeFirstOrThrow();
    expect(c.concern_report).toBe(true);
  });

  it("an employee submits anonymously to an innovation group; the group answers; nobody handling it sees who", async () => {
    const employee = new Browser(t.app);
    expect((await employee.login("medarbetare@example.se")).statusCode).toBe(303);
    const group = await t.database.db
      .selectFrom("idea_groups")
      .select("id")
      .where("slug", "=", "digitala-tjanster")
      .executeTakeFirstOrThrow();
    const csrf = await employee.csrfFrom("/arbetsyta/forslag/nytt");
    const body = multipart({
      _csrf: csrf,
      title: "Digitala möten med tolk",
      description: "Vi borde kunna boka tolk direkt i det digitala mötet, så slipper vi ringa runt.",
      group: group.id,
      anonymous: "1",
    });
    const res = await t.app.inject({
      method: "POST",
      url: "/arbetsyta/forslag/nytt",
      payload: body.payload,
      headers: { ...body.headers, cookie: employee.cookieHeader() },
    });
    expect(res.statusCode).toBe(303);
    const idea = await ideaByTitle("Digitala möten med tolk");
    expect(idea).toMatchObject({
      status: "open",
      audience: "internal",
      anonymous: true,
      submitter_user_id: null,
      submitter_email: null,
      submitter_name: null,
      group_id: group.id,
    });
    const mine = await employee.get("/arbetsyta/forslag/mina");
    expect(mine.body).toContain("Digitala möten med tolk");
    const audit = await t.database.db
      .selectFrom("audit_log")
      .select(["actor_id", "actor_label"])
      .where("action", "=", "idea.submit")
      .where("subject_id", "=", idea.id)
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ actor_id: null, actor_label: "anonym medarbetare" });

    const member = new Browser(t.app);
    await member.login("handlaggare@example.se");
    const board = await member.get("/arbetsyta/forslag");
    expect(board.body).toContain("Digitala möten med tolk");
    const page = await member.get(`/arbetsyta/forslag/${idea.id}`);
    expect(page.body).toContain("Anonym medarbetare");
    expect(page.body).not.toContain("Ali Hassan");
    expect(page.body).not.toContain("medarbetare@example.se");
    const mcsrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] as string;
    expect(
      (
        await member.post(`/arbetsyta/forslag/${idea.id}/besked`, {
          _csrf: mcsrf,
          stateId: await stateId("beslutat"),
          answer: "Bra idé! Vi testar tolk i digitala möten från april.",
          decidedBy: "Innovationsgruppen Digitala tjänster",
        })
      ).statusCode,
    ).toBe(303);
    const mail = await until(async () =>
      (await mails(outbox)).find((m) => m.to === "medarbetare@example.se" && m.subject.includes(idea.number)),
    );
    expect(mail.text).toContain("Vi testar tolk i digitala möten från april.");

    // A manager outside the group does not see it; the public does not either.
    const outsider = new Browser(t.app);
    await outsider.login("chef@example.se");
    expect((await outsider.get(`/arbetsyta/forslag/${idea.id}`)).statusCode).toBe(404);
    expect((await new Browser(t.app).get(`/forslag/${idea.number}`)).statusCode).toBe(404);
  });

  it("flags ideas without a first answer in time to the unit's managers, once, and on the board", async () => {
    const b = new Browser(t.app);
    await submit(b, {
      title: "Föräldragrupp på kvällstid",
      description: "Gruppen för nyblivna föräldrar borde träffas på kvällen, så att fler kan komma.",
      email: "sen@example.se",
      category: await categoryId("barn-och-familj"),
    });
    const idea = await ideaByTitle("Föräldragrupp på kvällstid");
    const link = `/forslag/mitt/${(await import("../src/modules/ideas/tokens.js")).tokenFor(t.config.sessionSecret, "idea", idea.id)}`;
    await b.post(`${link}/bekrafta`, { _csrf: await b.csrfFrom(link) });
    await t.database.db
      .updateTable("ideas")
      .set({ first_answer_due: new Date(Date.now() - 86_400_000) })
      .where("id", "=", idea.id)
      .execute();
    await job("ideas.check-deadlines").handler({}, ctx);
    await job("ideas.check-deadlines").handler({}, ctx);
    const late = await until(async () =>
      (await mails(outbox)).find((m) => m.to === "chef@example.se" && m.subject === `Försenat förslag: ${idea.number}`),
    );
    expect(late.text).toContain("har inte fått något första svar");
    await new Promise((r) => setTimeout(r, 1000));
    expect((await mails(outbox)).filter((m) => m.subject === `Försenat förslag: ${idea.number}`)).toHaveLength(1);
    const communicator = new Browser(t.app);
    await communicator.login("kommunikator@example.se");
    const board = await communicator.get("/arbetsyta/forslag?vy=overdue");
    expect(board.body).toContain(idea.number);
    expect(board.body).toContain("har inte fått sitt första svar i tid");
    const start = await communicator.get("/arbetsyta");
    expect(start.body).toMatch(/Förslag som inte har fått sitt första svar i tid: [1-9]/);
  });

  it("finds ideas with Swedish full-text search and serves RSS and Atom per category and unit that a feed parser reads", async () => {
    const b = new Browser(t.app);
    const search = await b.get(`/forslag?q=${encodeURIComponent("blanketter lätt")}`);
    expect(search.body).toContain("Blanketten för ekonomiskt bistånd på lätt svenska");
    const prefix = await b.get(`/forslag?q=${encodeURIComponent("kvällsöpp")}`);
    expect(prefix.body).toContain("Kvällsöppet en dag i veckan");
    const none = await b.get(`/forslag?q=${encodeURIComponent("zebrafink")}`);
    expect(none.body).toContain("Inga förslag matchar");
    const rss = await b.get("/forslag/flode.rss?kategori=ekonomiskt-bistand");
    expect(rss.headers["content-type"]).toContain("application/rss+xml");
    const feed = parseFeed(rss.body);
    expect(feed.meta.type).toBe("rss");
    expect(feed.items.map((i) => i.title).join("\n")).toContain("Blanketten för ekonomiskt bistånd på lätt svenska");
    expect(feed.items.map((i) => i.title).join("\n")).not.toContain("Kvällsöppet");
    const atom = parseFeed((await b.get("/forslag/flode.atom?enhet=digitala-tjanster")).body);
    expect(atom.meta.type).toBe("atom");
    expect(atom.items.map((i) => i.title).join("\n")).toContain("Påminnelse med sms innan ett möte");
    expect(atom.items.every((i) => i.url?.includes("/forslag/IDE-"))).toBe(true);
  });

  it("shows delivery failures on the idea: a refused address is marked, a server that does not answer is retried", async () => {
    const idea = await ideaByTitle("Lekhörna i väntrummet");
    const staff = new Browser(t.app);
    await staff.login("kommunikator@example.se");
    await staff.post(`/arbetsyta/forslag/${idea.id}/besked`, {
      _csrf: await staff.csrfFrom(`/arbetsyta/forslag/${idea.id}`),
      stateId: await stateId("bedoms"),
      answer: "Vi ser över väntrummet i vår.",
      decidedBy: "Enheten Barn och familj",
    });
    // The app's own worker delivers the notice first; only then is it made pending again for
    // the failing mailer below, so the two never race.
    const n = await until(async () => {
      const row = await t.database.db
        .selectFrom("idea_notifications")
        .select(["id", "status"])
        .where("idea_id", "=", idea.id)
        .where("recipient", "=", "submitter")
        .orderBy("created_at", "desc")
        .executeTakeFirst();
      return row?.status === "sent" ? row : undefined;
    });
    await t.database.db
      .updateTable("idea_notifications")
      .set({ status: "pending", attempts: 0, last_error: null })
      .where("id", "=", n.id)
      .execute();
    let calls = 0;
    const failing: Mailer = {
      send: async () => {
        calls++;
        if (calls === 1) throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:25"), { code: "ECONNREFUSED" });
        throw Object.assign(new Error("550 5.1.1 No such user"), {
          responseCode: 550,
          response: "550 5.1.1 No such user",
        });
      },
      close: () => undefined,
    };
    const notify = ideaJobs(t.database.db, failing, t.config, t.jobs).find(
      (j) => j.name === "ideas.notify",
    ) as unknown as JobDefinition<{ notificationId: string }>;
    await expect(notify.handler({ notificationId: n.id }, ctx)).rejects.toThrow("ECONNREFUSED");
    const retried = await t.database.db
      .selectFrom("idea_notifications")
      .select(["status", "attempts", "last_error"])
      .where("id", "=", n.id)
      .executeTakeFirstOrThrow();
    expect(retried).toMatchObject({ status: "pending", attempts: 1 });
    expect((await staff.get(`/arbetsyta/forslag/${idea.id}`)).body).toContain("Försöker igen (1 försök)");
    await notify.handler({ notificationId: n.id }, ctx);
    const failed = await t.database.db
      .selectFrom("idea_notifications")
      .select(["status", "attempts", "last_error"])
      .where("id", "=", n.id)
      .executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ status: "failed", attempts: 2, last_error: "550 5.1.1 No such user" });
    expect((await staff.get(`/arbetsyta/forslag/${idea.id}`)).body).toContain("Kom inte fram");
  });

  it("lets admins define states, groups and categories, and shows measures per unit", async () => {
    const admin = new Browser(t.app);
    await admin.login("admin@example.se");
    const csrf = await admin.csrfFrom("/arbetsyta/admin/forslag");
    expect(
      (await admin.post("/arbetsyta/admin/forslag/lage", { _csrf: csrf, nameSv: "", nameEn: "" })).statusCode,
    ).toBe(400);
    expect(
      (
        await admin.post("/arbetsyta/admin/forslag/lage", [
          ["_csrf", csrf],
          ["nameSv", "Skickat till nämnden"],
          ["nameEn", "Sent to the board"],
          ["isPublic", "1"],
          ["notifies", "1"],
          ["active", "1"],
          ["position", "35"],
        ])
      ).statusCode,
    ).toBe(303);
    const s = await t.database.db
      .selectFrom("idea_states")
      .selectAll()
      .where("name_sv", "=", "Skickat till nämnden")
      .executeTakeFirstOrThrow();
    expect(s).toMatchObject({ is_public: true, notifies: true, is_closed: false, position: 35 });
    expect(
      (
        await admin.post("/arbetsyta/admin/forslag/grupp", {
          _csrf: csrf,
          groupName: "Innovationsgruppen Arbetsmiljö",
          groupTheme: "Arbetsmiljö och schema",
        })
      ).statusCode,
    ).toBe(303);
    const g = await t.database.db
      .selectFrom("idea_groups")
      .select("id")
      .where("name", "=", "Innovationsgruppen Arbetsmiljö")
      .executeTakeFirstOrThrow();
    const u = await t.database.db
      .selectFrom("staff_users")
      .select("id")
      .where("email", "=", "medarbetare@example.se")
      .executeTakeFirstOrThrow();
    expect(
      (await admin.post("/arbetsyta/admin/forslag/medlem", { _csrf: csrf, groupId: g.id, userId: u.id, action: "add" }))
        .statusCode,
    ).toBe(303);
    expect(
      (
        await admin.post("/arbetsyta/admin/forslag/omrade", {
          _csrf: csrf,
          categoryName: "Arbetsmiljö",
          categoryNameEn: "Work environment",
          categoryOwner: `group:${g.id}`,
        })
      ).statusCode,
    ).toBe(303);
    const settings = await admin.get("/arbetsyta/admin/forslag");
    expect(settings.body).toContain("Innovationsgruppen Arbetsmiljö");
    expect(settings.body).toContain("Ali Hassan");
    const measures = await admin.get("/arbetsyta/forslag/matt");
    expect(measures.statusCode).toBe(200);
    expect(measures.body).toContain("Andel besvarade i tid per enhet");
    expect(measures.body).toContain("Enheten för ekonomiskt bistånd".slice(0, 0) || "Ekonomiskt bistånd");
  });
});
