/**
 * The newsroom through HTTP and the job runner, on both databases: writing with the
 * plain-language gate, unsafe Markdown stripped, images checked and resized, approval by
 * someone else, a past time asked about again, embargo, publication at the set time with
 * feeds and NewsArticle data, distribution once per person, corrections shown openly, the
 * CSV import, invitations with iCalendar and answers, coverage and media inquiries.
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { createCanvas } from "@napi-rs/canvas";
import { parseFeed } from "@rowanmanning/feed-parser";
import ICAL from "ical.js";
import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { receiveQuestion } from "../src/modules/inbox/index.js";
import { newsroomModule } from "../src/modules/newsroom/module.js";
import type { JobDefinition } from "../src/platform/jobs/jobs.js";
import { Browser, startTestApp, type TestApp } from "./app.js";
import { BACKENDS } from "./db.js";
import { parsedMails as mails, until, type ParsedMail as Mail } from "./outbox.js";

function multipart(
  fields: Record<string, string>,
  file?: { field: string; name: string; type: string; data: Buffer },
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = "----klarsvar-newsroom-boundary";
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from("\r\n"),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] as string;

describe.each(BACKENDS)("the newsroom on %s", (backend) => {
  let t: TestApp;
  const outbox = join("data", `outbox-newsroom-${backend}`);
  const job = (name: string) =>
    (newsroomModule.jobs?.(t.app.klarsvar.context) ?? []).find((j) => j.name === name) as unknown as JobDefinition<
      Record<string, unknown>
    >;
  const ctx = { id: "test", name: "test", retryCount: 0 };
  let writer: Browser;
  let approver: Browser;

  beforeAll(async () => {
    await rm(outbox, { recursive: true, force: true });
    t = await startTestApp({
      backend,
      work: true,
      env: { LOGIN_RATE_LIMIT_PER_MINUTE: "1000", FORM_RATE_LIMIT_PER_MINUTE: "1000", MAIL_OUTBOX_DIR: outbox },
    });
    writer = new Browser(t.app);
    expect((await writer.login("kommunikator@example.se")).statusCode).toBe(303);
    approver = new Browser(t.app);
    expect((await approver.login("admin@example.se")).statusCode).toBe(303);
  });
  afterAll(async () => {
    await t?.close();
    await rm(outbox, { recursive: true, force: true });
  });

  async function upload(
    b: Browser,
    url: string,
    fields: Record<string, string>,
    file?: { field: string; name: string; type: string; data: Buffer },
  ) {
    const body = multipart(
      {
        _csrf: await b.csrfFrom(
          url.replace(/\/(bild|dokument|import)$/, "").replace(/\/kontakter\/import$/, "/kontakter"),
        ),
        ...fields,
      },
      file,
    );
    return t.app.inject({
      method: "POST",
      url,
      payload: body.payload,
      headers: { ...body.headers, cookie: b.cookieHeader() },
    });
  }

  it("imports contacts from a CSV: a preview, the good rows imported, the bad ones reported with line numbers", async () => {
    const csv = [
      "namn;e-post;telefon;redaktion;bevakning;rättslig grund;källa",
      "Anna Reporter;anna@example.se;070-174 06 40;Exempelstads Tidning;socialtjänst|skola;allmänt intresse;Redaktionens webbplats",
      "Utan Adress;;070-174 06 41;Radio Exempel;;samtycke;Mässa 2026",
      "Bo Granskare;bo@example.se;;Tv Exempel;;kanske;Tips",
      "Anna Igen;ANNA@example.se;;;;samtycke;Mejl",
      "Cilla Frilans;cilla@example.se;;Frilans;välfärd;samtycke;Anmälde sig på presskonferens",
      "Dan Berättigad;dan@example.se;;Tv Exempel;;berättigat intresse;Tips",
    ].join("\n");
    const preview = await upload(
      writer,
      "/arbetsyta/press/kontakter/import",
      {},
      { field: "csv", name: "kontakter.csv", type: "text/csv", data: Buffer.from(`\uFEFF${csv}`, "utf8") },
    );
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain("2 rader kan importeras. 4 rader har fel och importeras inte.");
    // A public authority cannot rest its press work on legitimate interest (GDPR art. 6.1).
    expect(preview.body).toMatch(
      /<td class="table__cell--numeric">7<\/td><td><span>En myndighet kan inte använda berättigat intresse/,
    );
    expect(preview.body).toMatch(
      /<td class="table__cell--numeric">3<\/td><td><span>Skriv e-postadressen som namn@exempel.se/,
    );
    expect(preview.body).toMatch(/<td class="table__cell--numeric">4<\/td><td><span>Skriv den rättsliga grunden/);
    expect(preview.body).toContain("Samma e-postadress som på rad 2");
    expect(
      await t.database.db
        .selectFrom("media_contacts")
        .select("id")
        .where("email", "=", "cilla@example.se")
        .executeTakeFirst(),
    ).toBeUndefined();
    const saved = await writer.post("/arbetsyta/press/kontakter/import/spara", {
      _csrf: csrfOf(preview.body),
      csv: `\uFEFF${csv}`,
    });
    expect(saved.statusCode).toBe(303);
    const rows = await t.database.db
      .selectFrom("media_contacts")
      .select(["email", "basis", "source", "beats"])
      .where("email", "in", ["anna@example.se", "cilla@example.se", "bo@example.se"])
      .orderBy("email")
      .execute();
    expect(rows).toEqual([
      {
        email: "anna@example.se",
        basis: "public_interest",
        source: "Redaktionens webbplats",
        beats: ["socialtjänst", "skola"],
      },
      { email: "cilla@example.se", basis: "consent", source: "Anmälde sig på presskonferens", beats: ["välfärd"] },
    ]);
    const csrf = await writer.csrfFrom("/arbetsyta/press/kontakter");
    expect(
      (await writer.post("/arbetsyta/press/listor", { _csrf: csrf, listName: "Välfärdsreportrar" })).statusCode,
    ).toBe(303);
    const list = await t.database.db
      .selectFrom("media_lists")
      .select("id")
      .where("name", "=", "Välfärdsreportrar")
      .executeTakeFirstOrThrow();
    // Erasure on request: the contact is gone, and so is its place on lists.
    const erase = await t.database.db
      .selectFrom("media_contacts")
      .select("id")
      .where("email", "=", "cilla@example.se")
      .executeTakeFirstOrThrow();
    await writer.post("/arbetsyta/press/listor/medlem", {
      _csrf: csrf,
      listId: list.id,
      contactId: erase.id,
      action: "add",
    });
    expect((await writer.post(`/arbetsyta/press/kontakter/${erase.id}/radera`, { _csrf: csrf })).statusCode).toBe(303);
    expect(
      await t.database.db
        .selectFrom("media_list_members")
        .select("contact_id")
        .where("contact_id", "=", erase.id)
        .execute(),
    ).toEqual([]);
    await writer.post("/arbetsyta/press/kontakter", {
      _csrf: csrf,
      name: "Cilla Frilans",
      email: "cilla@example.se",
      phone: "",
      outlet: "Frilans",
      beats: "välfärd",
      basis: "samtycke",
      source: "Anmälde sig på presskonferens",
    });
    for (const email of ["anna@example.se", "cilla@example.se", "eva.reporter@example.se"]) {
      const c = await t.database.db
        .selectFrom("media_contacts")
        .select("id")
        .where("email", "=", email)
        .executeTakeFirstOrThrow();
      expect(
        (
          await writer.post("/arbetsyta/press/listor/medlem", {
            _csrf: csrf,
            listId: list.id,
            contactId: c.id,
            action: "add",
          })
        ).statusCode,
      ).toBe(303);
    }
  });

  it("writes, gates, approves under embargo, publishes at the set time, feeds and distributes once per person, and corrects openly", async () => {
    // A subscriber with double opt-in.
    const reader = new Browser(t.app);
    expect(
      (
        await reader.post("/press/prenumerera", {
          _csrf: await reader.csrfFrom("/press"),
          subscribeEmail: "lasare@example.se",
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await reader.post("/press/prenumerera", {
          _csrf: await reader.csrfFrom("/press"),
          subscribeEmail: "ingen-adress",
        })
      ).statusCode,
    ).toBe(400);
    const confirm = await until(async () => (await mails(outbox)).find((m) => m.to === "lasare@example.se"));
    const confirmLink = /\/press\/prenumerera\/[\w.-]+/.exec(confirm.text)?.[0] as string;
    expect((await reader.post(confirmLink, { _csrf: await reader.csrfFrom(confirmLink) })).statusCode).toBe(200);
    // Someone on the list who also subscribes gets the release once.
    const both = new Browser(t.app);
    await both.post("/press/prenumerera", { _csrf: await both.csrfFrom("/press"), subscribeEmail: "anna@example.se" });
    const bothMail = await until(async () =>
      (await mails(outbox)).find((m) => m.to === "anna@example.se" && m.subject.startsWith("Bekräfta")),
    );
    const bothLink = /\/press\/prenumerera\/[\w.-]+/.exec(bothMail.text)?.[0] as string;
    await both.post(bothLink, { _csrf: await both.csrfFrom(bothLink) });

    const created = await writer.post("/arbetsyta/press", {
      _csrf: await writer.csrfFrom("/arbetsyta/press"),
      title: "Ny mötesplats för unga vuxna",
      kind: "press_release",
    });
    expect(created.statusCode).toBe(303);
    const editor = created.headers.location as string;
    const id = editor.split("/").pop() as string;
    const csrf = await writer.csrfFrom(editor);
    const unsafe =
      "Vi öppnar en mötesplats.\n\n<script>alert(1)</script><img src=x onerror=alert(1)>\n\n[Läs mer](javascript:alert(1)) och [om oss](https://example.se/om).\n\nKontakta Tolvan på 19121212-1212.";
    const saved = await writer.post(`${editor}/text`, {
      _csrf: csrf,
      title: "Ny mötesplats för unga vuxna",
      lead: "Den 1 december öppnar en mötesplats för unga vuxna i centrum.",
      body: unsafe,
      topic: "Vuxen",
      unitId: "",
      kind: "press_release",
    });
    expect(saved.statusCode).toBe(303);
    const row = await t.database.db
      .selectFrom("releases")
      .select(["body_html", "slug"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.body_html).not.toMatch(/<script|onerror|javascript:|<img/);
    expect(row.body_html).toContain('<a href="https://example.se/om">om oss</a>');
    expect(row.slug).toMatch(/^ny-motesplats-for-unga-vuxna-[0-9a-f]{6}$/);

    // The plain-language gate: personal data is an error that stops review.
    const blocked = await writer.post(`${editor}/granskning`, { _csrf: csrf });
    expect(blocked.statusCode).toBe(400);
    expect(blocked.body).toContain("Klarspråkskontrollen hittade fel som måste rättas");
    await writer.post(`${editor}/text`, {
      _csrf: csrf,
      title: "Ny mötesplats för unga vuxna",
      lead: "Den 1 december öppnar en mötesplats för unga vuxna i centrum.",
      body: "Vi öppnar en mötesplats. Ansökan ska inkomma senast i november.\n\n[Om oss](https://example.se/om)",
      topic: "Vuxen",
      unitId: "",
      kind: "press_release",
    });

    // Images: not an image, no alt text, then a real one in three sizes.
    const png = await createCanvas(2000, 1200).encode("png");
    expect(
      (
        await upload(
          writer,
          `${editor}/bild`,
          { alt: "En bild" },
          { field: "image", name: "bild.png", type: "image/png", data: Buffer.from("GIF89a nope") },
        )
      ).body,
    ).toContain("Filen är ingen bild som vi kan visa");
    expect(
      (
        await upload(
          writer,
          `${editor}/bild`,
          { alt: "" },
          { field: "image", name: "bild.png", type: "image/png", data: png },
        )
      ).body,
    ).toContain("Beskriv bilden med en alternativ text");
    expect(
      (
        await upload(
          writer,
          `${editor}/bild`,
          { alt: "Fyra unga vuxna vid ett bord i den nya mötesplatsen", photographer: "Kim Fotograf" },
          { field: "image", name: "bild.png", type: "image/png", data: png },
        )
      ).statusCode,
    ).toBe(303);
    const sizes = await t.database.db
      .selectFrom("release_image_sizes as s")
      .innerJoin("release_images as i", "i.id", "s.image_id")
      .select(["s.width", "s.height", "s.image_id"])
      .where("i.release_id", "=", id)
      .orderBy("s.width")
      .execute();
    expect(sizes.map((s) => [s.width, s.height])).toEqual([
      [320, 192],
      [800, 480],
      [1600, 960],
    ]);
    expect(
      (
        await upload(
          writer,
          `${editor}/dokument`,
          { documentKind: "fact_sheet", documentTitle: "Fakta om mötesplatsen" },
          { field: "document", name: "fakta.pdf", type: "application/pdf", data: Buffer.from("%PDF-1.4\n%fakta\n") },
        )
      ).statusCode,
    ).toBe(303);
    await writer.post(`${editor}/citat`, {
      _csrf: csrf,
      quote: "Unga vuxna ska ha någonstans att gå.",
      person: "Maria Ekholm",
      personTitle: "enhetschef",
    });

    expect((await writer.post(`${editor}/granskning`, { _csrf: csrf })).statusCode).toBe(303);
    // The writer may not approve their own release.
    const own = await writer.post(`${editor}/godkann`, { _csrf: csrf, mode: "now" });
    expect(own.statusCode).toBe(400);
    expect(own.body).toContain("Någon annan än den som skrev pressmeddelandet måste godkänna det");

    // The approver's start page says a release waits for them; the writer's does not.
    expect((await approver.get("/arbetsyta")).body).toMatch(
      /Pressmeddelanden som väntar på att du granskar dem: [1-9]/,
    );
    expect((await writer.get("/arbetsyta")).body).not.toMatch(/Pressmeddelanden som väntar på att du granskar dem/);
    // The approver sees the warnings; a time that has passed is asked about again.
    const page = await approver.get(editor);
    expect(page.body).toContain("Klarspråkskontrollen har");
    const acsrf = csrfOf(page.body);
    const past = await approver.post(editor + "/godkann", {
      _csrf: acsrf,
      mode: "scheduled",
      publishAt: "2020-01-01T09:00",
    });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain("Tiden har redan varit. Vill du publicera nu i stället?");
    expect(past.body).toContain('name="confirmPast"');
    expect(
      (await t.database.db.selectFrom("releases").select("status").where("id", "=", id).executeTakeFirstOrThrow())
        .status,
    ).toBe("in_review");

    // Embargo: Eva reads it now, everyone else at the time.
    const eva = await t.database.db
      .selectFrom("media_contacts")
      .select("id")
      .where("email", "=", "eva.reporter@example.se")
      .executeTakeFirstOrThrow();
    const list = await t.database.db
      .selectFrom("media_lists")
      .select("id")
      .where("name", "=", "Välfärdsreportrar")
      .executeTakeFirstOrThrow();
    const future = new Date(Date.now() + 3 * 86_400_000);
    const local = new Intl.DateTimeFormat("sv-SE", {
      timeZone: "Europe/Stockholm",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    })
      .format(future)
      .replace(" ", "T");
    const ok = await approver.post(editor + "/godkann", [
      ["_csrf", acsrf],
      ["mode", "embargo"],
      ["publishAt", local],
      ["toSubscribers", "1"],
      ["listIds", list.id],
      ["embargoContactIds", eva.id],
    ]);
    expect(ok.statusCode).toBe(303);
    const embargoMail = await until(async () =>
      (await mails(outbox)).find((m) => m.to === "eva.reporter@example.se" && m.subject.startsWith("Under embargo")),
    );
    expect(embargoMail.text).toContain("EMBARGO: får inte publiceras före");
    const embargoLink = new URL(/https?:\/\/\S+\/press\/embargo\/\S+/.exec(embargoMail.text)?.[0] as string);
    const slug = row.slug;
    const anyone = new Browser(t.app);
    expect((await anyone.get(`/press/${slug}`)).statusCode).toBe(404);
    expect((await anyone.get(`/press/bild/${sizes[1]?.image_id}/800.jpg`)).statusCode).toBe(404);
    const embargoPage = await anyone.get(embargoLink.pathname + embargoLink.search);
    expect(embargoPage.statusCode).toBe(200);
    expect(embargoPage.body).toContain("EMBARGO: får inte publiceras före");
    const imgUrl = /src="(\/press\/bild\/[^"]+)"/.exec(embargoPage.body)?.[1]?.replace(/&amp;/g, "&") as string;
    expect((await anyone.get(imgUrl)).statusCode).toBe(200);
    expect((await anyone.get(`${embargoLink.pathname}?k=fel`)).statusCode).toBe(404);
    expect((await anyone.get("/press/rss.xml")).body).not.toContain("Ny mötesplats för unga vuxna");
    await job("newsroom.distribute-due").handler({}, ctx);
    expect(
      await t.database.db.selectFrom("release_deliveries").select("id").where("release_id", "=", id).execute(),
    ).toEqual([]);

    // The time comes (moved forward here): public at once, feeds updated, distributed once.
    await t.database.db
      .updateTable("releases")
      .set({ publish_at: new Date(Date.now() - 1000) })
      .where("id", "=", id)
      .execute();
    const pub = await anyone.get(`/press/${slug}`);
    expect(pub.statusCode).toBe(200);
    const ld = JSON.parse(
      /<script type="application\/ld\+json">([^<]+)<\/script>/.exec(pub.body)?.[1] as string,
    ) as Record<string, unknown>;
    expect(ld).toMatchObject({
      "@type": "NewsArticle",
      headline: "Ny mötesplats för unga vuxna",
      url: `${t.config.publicUrl}/press/${slug}`,
    });
    expect(pub.body).toContain('<meta property="og:title" content="Ny mötesplats för unga vuxna"/>');
    expect(pub.body).toContain('<meta property="og:image" content=');
    expect(pub.body).toContain('alt="Fyra unga vuxna vid ett bord i den nya mötesplatsen"');
    expect(pub.body).toContain("Faktablad: Fakta om mötesplatsen");
    const rss = parseFeed((await anyone.get("/press/rss.xml")).body);
    expect(rss.meta.type).toBe("rss");
    expect(rss.items[0]?.title).toBe("Ny mötesplats för unga vuxna");
    const atom = parseFeed((await anyone.get("/press/atom.xml?amne=Vuxen")).body);
    expect(atom.meta.type).toBe("atom");
    expect(atom.items.map((i) => i.title)).toEqual(["Ny mötesplats för unga vuxna"]);
    const json = JSON.parse((await anyone.get("/press/feed.json")).body) as {
      version: string;
      items: { id: string; url: string; title: string; content_html: string }[];
    };
    expect(json.version).toMatch(/^https:\/\/jsonfeed\.org\/version\/1/);
    expect(json.items[0]).toMatchObject({
      url: `${t.config.publicUrl}/press/${slug}`,
      title: "Ny mötesplats för unga vuxna",
    });

    await job("newsroom.distribute-due").handler({}, ctx);
    await job("newsroom.distribute-due").handler({}, ctx);
    await job("newsroom.distribute").handler({ releaseId: id }, ctx);
    const deliveries = await t.database.db
      .selectFrom("release_deliveries")
      .select(["email", "status"])
      .where("release_id", "=", id)
      .orderBy("email")
      .execute();
    expect(deliveries.map((d) => d.email)).toEqual([
      "anna@example.se",
      "cilla@example.se",
      "eva.reporter@example.se",
      "lasare@example.se",
    ]);
    await until(
      async () =>
        (
          await t.database.db
            .selectFrom("release_deliveries")
            .select("status")
            .where("release_id", "=", id)
            .where("status", "=", "sent")
            .execute()
        ).length === 4,
    );
    const sent = (await mails(outbox)).filter((m) => m.subject === "Ny mötesplats för unga vuxna");
    expect(sent.map((m) => m.to).sort()).toEqual([
      "anna@example.se",
      "cilla@example.se",
      "eva.reporter@example.se",
      "lasare@example.se",
    ]);
    const toReader = sent.find((m) => m.to === "lasare@example.se") as Mail;
    expect(toReader.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    const stop = new URL(/^List-Unsubscribe: <([^>]+)>$/m.exec(toReader.raw)?.[1] as string);
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: stop.pathname,
          headers: { "content-type": "application/x-www-form-urlencoded" },
          payload: "List-Unsubscribe=One-Click",
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await t.database.db
          .selectFrom("newsroom_subscribers")
          .select("unsubscribed_at")
          .where("email", "=", "lasare@example.se")
          .executeTakeFirstOrThrow()
      ).unsubscribed_at,
    ).not.toBeNull();

    // A change after publication needs a correction note, which is shown.
    const c2 = await writer.csrfFrom(editor);
    const silent = await writer.post(`${editor}/text`, {
      _csrf: c2,
      title: "Ny mötesplats för unga vuxna",
      lead: "Den 2 december öppnar en mötesplats för unga vuxna i centrum.",
      body: "Vi öppnar en mötesplats.\n\n[Om oss](https://example.se/om)",
      topic: "Vuxen",
      unitId: "",
      kind: "press_release",
      correction: "",
    });
    expect(silent.statusCode).toBe(400);
    expect(silent.body).toContain("Pressmeddelandet är publicerat. Skriv vad du har ändrat och varför.");
    expect(
      (
        await writer.post(`${editor}/text`, {
          _csrf: c2,
          title: "Ny mötesplats för unga vuxna",
          lead: "Den 2 december öppnar en mötesplats för unga vuxna i centrum.",
          body: "Vi öppnar en mötesplats.\n\n[Om oss](https://example.se/om)",
          topic: "Vuxen",
          unitId: "",
          kind: "press_release",
          correction: "Mötesplatsen öppnar den 2 december, inte den 1 december.",
        })
      ).statusCode,
    ).toBe(303);
    const corrected = await anyone.get(`/press/${slug}`);
    expect(corrected.body).toMatch(
      /Rättat \d{1,2} \w+ \d{4}:<\/strong> <span>Mötesplatsen öppnar den 2 december, inte den 1 december.<\/span>/,
    );
    expect((await anyone.get("/press")).body).toContain("Rättat");

    // A media inquiry in the inbox appears on the release; coverage is logged; the measures count both.
    const q = await receiveQuestion(
      { db: t.database.db, jobs: t.jobs, secret: t.config.sessionSecret },
      { orgId: t.org.id, userId: null, label: "test" },
      {
        orgId: t.org.id,
        channel: "email",
        kind: "media",
        subject: "Fråga om mötesplatsen",
        body: "Hej! Hur många platser har mötesplatsen? Mvh Eva, Exempelstads Tidning",
        requester: { email: "eva.reporter@example.se" },
      },
    );
    if (!q.ok) throw new Error("not received");
    expect((await writer.get(editor)).body).toMatch(
      new RegExp(`Frågor i inkorgen som kanske gäller det här:.*${q.number}: Fråga om mötesplatsen`, "s"),
    );
    expect((await writer.post(`${editor}/fraga`, { _csrf: c2, caseNumber: q.number })).statusCode).toBe(303);
    expect((await writer.post(`${editor}/fraga`, { _csrf: c2, caseNumber: "SOC-1999-000001" })).statusCode).toBe(400);
    expect(
      (
        await writer.post(`${editor}/bevakning`, {
          _csrf: c2,
          outlet: "Exempelstads Tidning",
          date: "2026-11-27",
          url: "https://example.se/artikel",
          tone: "positive",
          note: "Stort uppslag",
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (
        await writer.post(`${editor}/bevakning`, {
          _csrf: c2,
          outlet: "",
          date: "igår",
          url: "inte en länk",
          tone: "glad",
        })
      ).statusCode,
    ).toBe(400);
    const editorPage = await writer.get(editor);
    expect(editorPage.body).toContain(`${q.number}: Fråga om mötesplatsen`);
    expect(editorPage.body).toContain("Exempelstads Tidning (positiv): Stort uppslag");
    const measures = await writer.get("/arbetsyta/press/matt");
    expect(measures.statusCode).toBe(200);
    expect(measures.body).toContain("Publicerade pressmeddelanden och nyheter per månad");
    expect(measures.body).toContain("Frågor från medier det senaste året: 1");
  });

  it("invites journalists to a press conference with an .ics a calendar parser reads, and shows who is coming", async () => {
    const csrf = await writer.csrfFrom("/arbetsyta/press/evenemang");
    const past = await writer.post("/arbetsyta/press/evenemang", {
      _csrf: csrf,
      eventTitle: "Presskonferens",
      location: "Stadshuset",
      date: "2020-01-01",
      start: "10:00",
      end: "11:00",
    });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain("Tiden har redan varit");
    const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const created = await writer.post("/arbetsyta/press/evenemang", {
      _csrf: csrf,
      eventTitle: "Presskonferens om hemlöshet",
      description: "Vi presenterar årets kartläggning.",
      location: "Stadshuset, sal 2",
      date: day,
      start: "10:00",
      end: "11:00",
    });
    expect(created.statusCode).toBe(303);
    const page = created.headers.location as string;
    const eventId = page.split("/").pop() as string;
    const list = await t.database.db
      .selectFrom("media_lists")
      .select("id")
      .where("name", "=", "Lokala medier")
      .executeTakeFirstOrThrow();
    expect((await writer.post(`${page}/bjud-in`, { _csrf: csrf, listId: list.id })).statusCode).toBe(303);
    expect((await writer.post(`${page}/bjud-in`, { _csrf: csrf, listId: list.id })).statusCode).toBe(400); // everyone on it is invited already
    const invitation = await until(async () =>
      (await mails(outbox)).find(
        (m) => m.to === "nils.radio@example.se" && m.subject === "Inbjudan: Presskonferens om hemlöshet",
      ),
    );
    const attached = invitation.attachments.find((a) => a.filename === "inbjudan.ics");
    const ics = (await new Browser(t.app).get(`/press/evenemang/${eventId}.ics`)).body;
    for (const text of [attached?.content.toString("utf8") ?? "", ics]) {
      const cal = new ICAL.Component(ICAL.parse(text));
      const ev = new ICAL.Event(cal.getFirstSubcomponent("vevent") as ICAL.Component);
      expect(ev.summary).toBe("Presskonferens om hemlöshet");
      expect(ev.location).toBe("Stadshuset, sal 2");
      expect(ev.startDate.toJSDate().toISOString()).toBe(
        DateTime.fromISO(`${day}T10:00`, { zone: "Europe/Stockholm" }).toJSDate().toISOString(),
      );
      expect(ev.uid).toBe(`press-event-${eventId}@${new URL(t.config.publicUrl).hostname}`);
    }
    const rsvp = /\/press\/svar\/[\w.-]+/.exec(invitation.text)?.[0] as string;
    const journalist = new Browser(t.app);
    const form = await journalist.get(rsvp);
    expect(form.body).toContain("Kommer du till Presskonferens om hemlöshet?");
    expect((await journalist.post(rsvp, { _csrf: csrfOf(form.body), response: "yes" })).body).toContain(
      "Tack för svaret!",
    );
    const organiser = await writer.get(page);
    expect(organiser.body).toContain("Kommer: 1");
    expect(organiser.body).toMatch(/Nils Påhittad.*Kommer/s);
    const logged = (
      await t.database.db
        .selectFrom("audit_log")
        .select("action")
        .where("action", "in", [
          "newsroom.subscribe",
          "newsroom.subscribe.confirm",
          "newsroom.unsubscribe",
          "press-event.answer",
          "release.approve",
          "release.correct",
          "media-contact.import",
        ])
        .execute()
    ).map((r) => r.action);
    expect(new Set(logged)).toEqual(
      new Set([
        "newsroom.subscribe",
        "newsroom.subscribe.confirm",
        "newsroom.unsubscribe",
        "press-event.answer",
        "release.approve",
        "release.correct",
        "media-contact.import",
      ]),
    );
  });
});
