/**
 * Requests for public documents through HTTP: an anonymous request on the web form, the
 * registrar's list with its clock, a PDF masked and released in part with a written decision,
 * delivery by link and by e-mail, and every refusal to fail open.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import PDFDocument from "pdfkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formStamp } from "../src/platform/http/form-guard.js";
import { pdfText } from "../src/platform/documents/masking.js";
import { Browser, startTestApp, type TestApp } from "./app.js";
import { BACKENDS } from "./db.js";
import { waitForMail } from "./outbox.js";

const run = promisify(execFile);
const PNR = "19121212-1212";
const NAME = "Tolvan Tolvansson";

function notePdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 56, info: { Title: `Anteckning ${NAME}` } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.fontSize(12).text(`Familjehemmet i Norrby. Anteckning om ${NAME} (${PNR}).`);
  doc.moveDown().text("Familjehemmet har fått handledning varje månad sedan januari.");
  doc.end();
  return done;
}

function multipart(
  fields: Record<string, string>,
  file: { name: string; type: string; data: Buffer },
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = "----klarsvar-requests-boundary";
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
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

describe.each(BACKENDS)("requests for public documents on %s", (backend) => {
  let t: TestApp;
  let dir = "";
  const outbox = join("data", `outbox-requests-${backend}`);
  beforeAll(async () => {
    await rm(outbox, { recursive: true, force: true });
    dir = await mkdtemp(join(tmpdir(), "klarsvar-requests-"));
    t = await startTestApp({
      backend,
      work: true,
      env: { LOGIN_RATE_LIMIT_PER_MINUTE: "1000", FORM_RATE_LIMIT_PER_MINUTE: "1000", MAIL_OUTBOX_DIR: outbox },
    });
  });
  afterAll(async () => {
    await t?.close();
    await rm(outbox, { recursive: true, force: true });
    await rm(dir, { recursive: true, force: true });
  });

  async function ask(b: Browser, fields: Record<string, string>) {
    const token = await b.csrfFrom("/begar-handling");
    return b.post("/begar-handling", {
      _csrf: token,
      stamp: formStamp(t.config.sessionSecret, Date.now() - 10_000),
      ...fields,
    });
  }

  async function upload(
    staff: Browser,
    requestId: string,
    title: string,
    file: { name: string; type: string; data: Buffer },
  ) {
    const token = await staff.csrfFrom(`/arbetsyta/begaran/${requestId}`);
    const { payload, headers } = multipart({ _csrf: token, title }, file);
    return t.app.inject({
      method: "POST",
      url: `/arbetsyta/begaran/${requestId}/dokument`,
      payload,
      headers: { ...headers, cookie: staff.cookieHeader() },
    });
  }

  const latestRequest = async () =>
    t.database.db
      .selectFrom("document_requests")
      .select(["id", "case_id"])
      .orderBy("created_at", "desc")
      .executeTakeFirstOrThrow();

  it("has a demo request to practise on: a note with a name and a personal identity number the engine suggests masking", async () => {
    const staff = new Browser(t.app);
    expect((await staff.login("kommunikator@example.se")).statusCode).toBe(303);
    const demo = await t.database.db
      .selectFrom("document_requests")
      .select("id")
      .orderBy("created_at")
      .executeTakeFirstOrThrow();
    const page = await staff.get(`/arbetsyta/begaran/${demo.id}`);
    expect(page.body).toContain("Journalanteckning 2026-03-03");
    expect(page.body).toContain("Klarspråksmotorn hittade personuppgifter som kanske ska maskeras");
    expect(page.body).toContain("19121212-1212");
  });

  it("takes an anonymous request, never asks why, and refuses a form without what is asked for", async () => {
    const b = new Browser(t.app);
    const form = await b.get("/begar-handling");
    expect(form.body).toContain("Du behöver inte tala om vem du är eller varför du vill ha handlingarna.");
    expect(form.body).not.toMatch(/name="(why|varfor|syfte|personnummer)"/);
    const empty = await ask(b, { requested: "", delivery: "download", email: "" });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Skriv vilka handlingar du vill ha");
    const res = await ask(b, {
      requested: "Anteckningar om familjehemmet i Norrby från mars 2026",
      delivery: "download",
      email: "redaktionen@example.se",
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/arende\/[\w-]+\?ny=1$/);
    const r = await latestRequest();
    const c = await t.database.db
      .selectFrom("cases")
      .select(["requester_name", "subject", "channel"])
      .where("id", "=", r.case_id)
      .executeTakeFirstOrThrow();
    expect(c).toEqual({ requester_name: null, subject: "Begäran om allmän handling", channel: "web" });
    const events = await t.database.db
      .selectFrom("case_events")
      .select("type")
      .where("case_id", "=", r.case_id)
      .execute();
    expect(events.map((e) => e.type)).toContain("request.registered");
  });

  it("masks a name and a personal identity number in a PDF, releases it in part with a written decision, and delivers it by an expiring link", async () => {
    const staff = new Browser(t.app);
    expect((await staff.login("kommunikator@example.se")).statusCode).toBe(303);
    const r = await latestRequest();
    expect((await staff.get("/arbetsyta")).body).toMatch(/Begäran om allmän handling som väntar på beslut: [1-9]/);
    const list = await staff.get("/arbetsyta/begaran");
    expect(list.body).toContain(`/arbetsyta/begaran/${r.id}`);
    expect(list.body).toMatch(/Har väntat [\d,]+ tim(?:me|mar)/);

    // Bad files are refused with a message and nothing is added.
    const png = await upload(staff, r.id, "Bild", {
      name: "bild.png",
      type: "image/png",
      data: Buffer.from("89504e470d0a1a0a0000", "hex"),
    });
    expect(png.statusCode).toBe(400);
    expect(png.body).toContain("Filen går inte att granska här");
    const broken = await upload(staff, r.id, "Trasig", {
      name: "trasig.pdf",
      type: "application/pdf",
      data: Buffer.from("%PDF-1.4\nnot really"),
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.body).toContain("Pdf-filen går inte att läsa. Skriv ut den till pdf igen, eller skriv av texten.");

    const added = await upload(staff, r.id, "Anteckning 2026-03-03", {
      name: "anteckning.pdf",
      type: "application/pdf",
      data: await notePdf(),
    });
    expect(added.statusCode).toBe(303);
    const doc = await t.database.db
      .selectFrom("request_documents")
      .select("id")
      .where("request_id", "=", r.id)
      .executeTakeFirstOrThrow();
    const base = `/arbetsyta/begaran/${r.id}/dokument/${doc.id}`;
    let token = await staff.csrfFrom(`/arbetsyta/begaran/${r.id}`);

    // A passage that is not in the document stops the release: masking never fails open.
    expect(
      (await staff.post(`${base}/maskering`, { _csrf: token, passage: "Sven Svensson", ground: "OSL 26:1" }))
        .statusCode,
    ).toBe(303);
    const notFound = await staff.post(`${base}/provning`, {
      _csrf: token,
      outcome: "partial",
      reason: "Uppgifter om enskilda.",
    });
    expect(notFound.statusCode).toBe(400);
    expect(notFound.body).toContain("Vi hittade inte ”Sven Svensson” i handlingen");
    const stillOpen = await t.database.db
      .selectFrom("request_documents")
      .select(["review_outcome", "released_data"])
      .where("id", "=", doc.id)
      .executeTakeFirstOrThrow();
    expect(stillOpen).toEqual({ review_outcome: null, released_data: null });
    const wrong = await t.database.db
      .selectFrom("request_masks")
      .select("id")
      .where("document_id", "=", doc.id)
      .executeTakeFirstOrThrow();
    expect((await staff.post(`${base}/maskering/${wrong.id}/ta-bort`, { _csrf: token })).statusCode).toBe(303);

    expect(
      (await staff.post(`${base}/maskering`, { _csrf: token, passage: NAME, ground: "OSL 26:1" })).statusCode,
    ).toBe(303);
    expect((await staff.post(`${base}/maskering`, { _csrf: token, passage: PNR, ground: "OSL 26:1" })).statusCode).toBe(
      303,
    );
    const noGround = await staff.post(`${base}/maskering`, { _csrf: token, passage: "Norrby", ground: "" });
    expect(noGround.statusCode).toBe(400);
    expect(
      (
        await staff.post(`${base}/provning`, {
          _csrf: token,
          outcome: "partial",
          reason: "Anteckningen innehåller uppgifter om en enskild persons personliga förhållanden.",
        })
      ).statusCode,
    ).toBe(303);

    // The copy to be released: read back by pdf.js and by poppler's pdftotext, neither string survives.
    const released = await staff.get(`${base}/utlamnad`);
    expect(released.headers["content-type"]).toContain("application/pdf");
    const releasedPdf = released.rawPayload;
    expect(await pdfText(releasedPdf)).not.toContain("Tolvansson");
    const file = join(dir, `released-${backend}.pdf`);
    await writeFile(file, releasedPdf);
    try {
      const { stdout } = await run("pdftotext", [file, "-"]);
      expect(stdout).not.toContain("Tolvansson");
      expect(stdout).not.toContain(PNR);
    } catch (error) {
      if ((error as { code?: unknown }).code !== "ENOENT" || process.env["KLARSVAR_REQUIRE_PDF_TOOLS"]) throw error;
    }
    // Opening the original is logged.
    await staff.get(`${base}/original`);
    const reads = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("subject_id", "=", doc.id)
      .where("action", "=", "request.document.read")
      .execute();
    expect(reads).toHaveLength(1);

    token = await staff.csrfFrom(`/arbetsyta/begaran/${r.id}`);
    const noReason = await staff.post(`/arbetsyta/begaran/${r.id}/beslut`, { _csrf: token, reason: "" });
    expect(noReason.statusCode).toBe(400);
    expect(
      (
        await staff.post(`/arbetsyta/begaran/${r.id}/beslut`, {
          _csrf: token,
          reason: "Uppgifterna om den enskilda personen omfattas av sekretess.",
        })
      ).statusCode,
    ).toBe(303);
    const decided = await t.database.db
      .selectFrom("document_requests")
      .select(["status", "outcome", "decision_text"])
      .where("id", "=", r.id)
      .executeTakeFirstOrThrow();
    expect(decided.status).toBe("decided");
    expect(decided.outcome).toBe("partial");
    expect(decided.decision_text).toContain("26 kap. 1 § offentlighets- och sekretesslagen (2009:400)");
    expect(decided.decision_text).toContain("kammarrätten");
    expect(decided.decision_text).toContain("inom tre veckor");
    expect(decided.decision_text).toContain("(anonym)");
    const events = await t.database.db
      .selectFrom("case_events")
      .select("type")
      .where("case_id", "=", r.case_id)
      .execute();
    expect(events.map((e) => e.type)).toContain("request.decided");

    const delivered = await staff.post(`/arbetsyta/begaran/${r.id}/leverans`, { _csrf: token, method: "download" });
    expect(delivered.statusCode).toBe(200);
    const link = /\/handling\/([\w-]{20,64})/.exec(delivered.body)?.[1] as string;
    expect(link).toBeTruthy();
    const answer = await t.database.db
      .selectFrom("case_messages")
      .select("body")
      .where("case_id", "=", r.case_id)
      .where("direction", "=", "out")
      .execute();
    expect(answer.map((m) => m.body).join("\n")).toContain(`/handling/${link}`);
    const answered = await t.database.db
      .selectFrom("cases")
      .select("status")
      .where("id", "=", r.case_id)
      .executeTakeFirstOrThrow();
    expect(answered.status).toBe("answered");
    const anyone = new Browser(t.app);
    const page = await anyone.get(`/handling/${link}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Anteckning 2026-03-03");
    const fetched = await anyone.get(`/handling/${link}/${doc.id}`);
    expect(fetched.rawPayload.equals(releasedPdf)).toBe(true);
    expect((await anyone.get(`/handling/${link}/beslut`)).headers["content-type"]).toContain("application/pdf");
    await t.database.db
      .updateTable("request_downloads")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("request_id", "=", r.id)
      .execute();
    expect((await anyone.get(`/handling/${link}`)).statusCode).toBe(404);
    expect((await anyone.get("/handling/finns-inte-finns-inte-finns-inte")).statusCode).toBe(404);
  });

  it("turns an inbox case into a request, releases an e-mail in full and sends it by e-mail with no fee", async () => {
    const { receiveQuestion } = await import("../src/modules/inbox/commands/receive.js");
    const rq = await receiveQuestion(
      { db: t.database.db, jobs: t.jobs, secret: t.config.sessionSecret },
      { orgId: t.org.id, userId: null, label: "test" },
      {
        orgId: t.org.id,
        channel: "email",
        kind: "media",
        body: "Hej! Jag vill ta del av nämndens protokoll från oktober.",
        requester: { name: "Eva Reporter", email: "eva@example.se" },
      },
    );
    if (!rq.ok) throw new Error("not received");
    const staff = new Browser(t.app);
    expect((await staff.login("kommunikator@example.se")).statusCode).toBe(303);
    const casePage = await staff.get(`/arbetsyta/arenden/${rq.caseId}`);
    expect(casePage.body).toContain("Gör till en begäran om allmän handling");
    let token = /name="_csrf" value="([^"]+)"/.exec(casePage.body)?.[1] as string;
    const made = await staff.post(`/arbetsyta/begaran/fran-arende/${rq.caseId}`, { _csrf: token });
    expect(made.statusCode).toBe(303);
    const id = /\/arbetsyta\/begaran\/([0-9a-f-]+)/.exec(made.headers.location as string)?.[1] as string;
    token = await staff.csrfFrom(`/arbetsyta/begaran/${id}`);
    const txt = await upload(staff, id, "Protokoll oktober", {
      name: "protokoll.txt",
      type: "text/plain",
      data: Buffer.from("Socialnämndens protokoll 2026-10-14. Paragraf 1: Budget.", "utf8"),
    });
    expect(txt.statusCode).toBe(303);
    const doc = await t.database.db
      .selectFrom("request_documents")
      .select("id")
      .where("request_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(
      (
        await staff.post(`/arbetsyta/begaran/${id}/dokument/${doc.id}/provning`, {
          _csrf: token,
          outcome: "release",
          reason: "",
        })
      ).statusCode,
    ).toBe(303);
    expect((await staff.post(`/arbetsyta/begaran/${id}/beslut`, { _csrf: token, reason: "" })).statusCode).toBe(303);
    const decided = await t.database.db
      .selectFrom("document_requests")
      .select(["outcome", "decision_text"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(decided).toEqual({ outcome: "full", decision_text: null });
    expect((await staff.post(`/arbetsyta/begaran/${id}/leverans`, { _csrf: token, method: "email" })).statusCode).toBe(
      303,
    );
    const fee = await t.database.db
      .selectFrom("document_requests")
      .select(["fee_amount", "delivery_method"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(Number(fee.fee_amount)).toBe(0);
    const mail = await waitForMail(outbox, `documents-${id}`);
    expect(mail).toContain("To: eva@example.se");
    expect(mail).toContain("01-Protokoll oktober.txt");
    expect(mail).toContain("Content-Disposition: attachment");
    const diarium = await new Browser(t.app).get("/diarium");
    expect(diarium.body).toContain("Begäran om allmän handling");
    const stats = await staff.get("/arbetsyta/begaran/statistik");
    expect(stats.statusCode).toBe(200);
    expect(stats.body).toMatch(/\d{4}-\d{2}/);
  });

  it("releases a large request in parts: the requester is told when, the finished documents go ahead, documents of another registered case can be linked", async () => {
    const { receiveQuestion } = await import("../src/modules/inbox/commands/receive.js");
    const deps = { db: t.database.db, jobs: t.jobs, secret: t.config.sessionSecret };
    const actor = { orgId: t.org.id, userId: null, label: "test" };
    const older = await receiveQuestion(deps, actor, {
      orgId: t.org.id,
      channel: "web",
      body: "Fråga om öppettider på Träffpunkten under julen.",
      requester: {},
    });
    const rq = await receiveQuestion(deps, actor, {
      orgId: t.org.id,
      channel: "email",
      kind: "media",
      body: "Jag vill ha alla frågor om Träffpunkten i år.",
      requester: { name: "Eva Reporter", email: "eva.delar@example.se" },
    });
    if (!older.ok || !rq.ok) throw new Error("not received");
    const staff = new Browser(t.app);
    expect((await staff.login("kommunikator@example.se")).statusCode).toBe(303);
    let token = await staff.csrfFrom(`/arbetsyta/arenden/${rq.caseId}`);
    const made = await staff.post(`/arbetsyta/begaran/fran-arende/${rq.caseId}`, { _csrf: token });
    const id = /\/arbetsyta\/begaran\/([0-9a-f-]+)/.exec(made.headers.location as string)?.[1] as string;
    // Another registered case, by its number.
    const page = await staff.get(`/arbetsyta/begaran/${id}?fran=${older.number}`);
    expect(page.body).toContain(`Lägg till från ${older.number}`);
    const option = new RegExp(`value="(message:[0-9a-f-]+)"`).exec(page.body)?.[1] as string;
    token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] as string;
    expect(
      (
        await staff.post(`/arbetsyta/begaran/${id}/dokument/fran-arendet`, {
          _csrf: token,
          case: older.number,
          source: option,
        })
      ).statusCode,
    ).toBe(303);
    expect((await staff.get(`/arbetsyta/begaran/${id}?fran=SOC-1999-000001`)).body).toContain(
      "Det finns inget ärende med det numret",
    );
    const linked = await t.database.db
      .selectFrom("request_documents")
      .select(["id", "title", "content_type"])
      .where("request_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(linked.title).toContain(older.number);
    expect(linked.content_type).toBe("text/plain");
    // Nothing is ready before a review; then the reviewed document goes ahead by e-mail.
    const early = await staff.post(`/arbetsyta/begaran/${id}/leverans-del`, { _csrf: token, partMethod: "email" });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain("Ingen handling är klar än");
    expect(
      (
        await staff.post(`/arbetsyta/begaran/${id}/dokument/${linked.id}/provning`, {
          _csrf: token,
          outcome: "release",
          reason: "",
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await staff.post(`/arbetsyta/begaran/${id}/delar`, {
          _csrf: token,
          parts: "Del 1 i dag, resten senast fredag.",
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (await staff.post(`/arbetsyta/begaran/${id}/leverans-del`, { _csrf: token, partMethod: "email" })).statusCode,
    ).toBe(303);
    const told = await t.database.db
      .selectFrom("case_messages")
      .select("body")
      .where("case_id", "=", rq.caseId)
      .where("direction", "=", "out")
      .execute();
    expect(told.map((m) => m.body)).toContain("Vi lämnar ut handlingarna i delar. Del 1 i dag, resten senast fredag.");
    const part = await waitForMail(outbox, `documents-${id}-part-`);
    expect(part).toContain("To: eva.delar@example.se");
    expect(part).toContain("en f=C3=B6rsta del");
    const after = await t.database.db
      .selectFrom("request_documents")
      .select("delivered_at")
      .where("id", "=", linked.id)
      .executeTakeFirstOrThrow();
    expect(after.delivered_at).not.toBeNull();
  });
});
