/**
 * The help catalogue end to end through HTTP: public pages, search, the finder, open data,
 * caching, the staff editor with versions, review reminders, synonyms, and the inbox links.
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { RdfXmlParser } from "rdfxml-streaming-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueReviewReminders } from "../src/modules/catalogue/jobs/review.js";
import { Browser, startTestApp, type TestApp } from "./app.js";
import { BACKENDS } from "./db.js";
import { mailsContaining, waitForMail } from "./outbox.js";

function jsonLdOf(html: string): Record<string, unknown> {
  const m = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  if (!m?.[1]) throw new Error("no JSON-LD");
  return JSON.parse(m[1]) as Record<string, unknown>;
}

async function triples(rdf: string): Promise<{ s: string; p: string; o: string }[]> {
  const out: { s: string; p: string; o: string }[] = [];
  const parser = new RdfXmlParser();
  await new Promise<void>((resolve, reject) => {
    parser.on("data", (q: { subject: { value: string }; predicate: { value: string }; object: { value: string } }) =>
      out.push({ s: q.subject.value, p: q.predicate.value, o: q.object.value }),
    );
    parser.on("error", reject);
    parser.on("end", () => resolve());
    parser.write(rdf);
    parser.end();
  });
  return out;
}

const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const DCAT = "http://www.w3.org/ns/dcat#";

describe.each(BACKENDS)("help catalogue on %s", (backend) => {
  let t: TestApp;
  const outbox = join("data", `outbox-catalogue-${backend}`);
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

  const idOf = async (slug: string) =>
    (
      await t.database.db
        .selectFrom("catalogue_services")
        .select("id")
        .where("slug", "=", slug)
        .executeTakeFirstOrThrow()
    ).id;

  it("shows every published service on the start page, grouped by life situation, with at least 25 demo services", async () => {
    const count = await t.database.db
      .selectFrom("catalogue_services")
      .select((e) => e.fn.countAll<string>().as("n"))
      .where("published", "=", true)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBeGreaterThanOrEqual(25);
    const res = await new Browser(t.app).get("/stod");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Pengarna räcker inte");
    expect(res.body).toContain('href="/stod/ekonomiskt-bistand"');
    expect(res.body).toContain('href="/stod/hitta"');
  });

  it("finds the right service with a typo, says which words it also searched for, and pages long result lists", async () => {
    const b = new Browser(t.app);
    const res = await b.get(`/stod?q=${encodeURIComponent("ekonomsikt bistånd")}`);
    expect(res.statusCode).toBe(200);
    const first = /class="service-list__link" href="\/stod\/([a-z0-9-]+)"/.exec(res.body)?.[1];
    expect(first).toBe("ekonomiskt-bistand");
    expect(res.body).toContain("Vi sökte också på");
    expect(res.body).toContain("ekonomiskt (för ekonomsikt)");
    // "stöd" is on almost every page: more than ten hits, so there is a second page.
    const many = await b.get("/stod?q=st%C3%B6d");
    expect(many.body).toMatch(/\d+ stöd passar/);
    expect(many.body).toContain("sida=2");
    const page2 = await b.get("/stod?q=st%C3%B6d&sida=2");
    expect(page2.statusCode).toBe(200);
    const none = await b.get("/stod?q=xyzzyqwerty");
    expect(none.body).toContain("Vi hittade inget stöd");
    // The query is shown escaped; inside the quoted value attribute "<" is inert.
    const xss = await b.get("/stod?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    expect(xss.body).toContain("”&lt;script>alert(1)&lt;/script>”");
    expect(xss.body.replace(/value="[^"]*"/g, "")).not.toContain("<script>alert(1)");
  });

  it("renders a service page with GovernmentService JSON-LD, related services, other versions, and an ETag that answers 304", async () => {
    const b = new Browser(t.app);
    const res = await b.get("/stod/ekonomiskt-bistand");
    expect(res.statusCode).toBe(200);
    const ld = jsonLdOf(res.body);
    expect(ld["@type"]).toBe("GovernmentService");
    expect(ld["name"]).toBe("Ekonomiskt bistånd");
    expect((ld["provider"] as { name: string }).name).toContain("Exempelstad");
    expect(res.body).toContain('href="/stod/budget-och-skuldradgivning"');
    expect(res.body).toContain('href="/stod/ekonomiskt-bistand/lattlast"');
    expect(res.body).toContain('href="/stod/ekonomiskt-bistand/sprak/en"');
    expect(res.body).toContain('href="/fraga?stod=ekonomiskt-bistand"');
    const etag = res.headers["etag"] as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(res.headers["cache-control"]).toContain("public");
    const again = await b.get("/stod/ekonomiskt-bistand", { "if-none-match": etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    expect((await b.get("/stod/finns-inte")).statusCode).toBe(404);
    expect((await b.get("/stod/ekonomiskt-bistand/sprak/so")).statusCode).toBe(404);
    expect((await b.get("/stod/jobbtorget/lattlast")).statusCode).toBe(404);
  });

  it("shows the easy-to-read version and a translation in its own language", async () => {
    const b = new Browser(t.app);
    const easy = await b.get("/stod/stod-vid-vald/lattlast");
    expect(easy.statusCode).toBe(200);
    expect(easy.body).toContain("Slår någon dig?");
    const en = await b.get("/stod/ekonomiskt-bistand/sprak/en");
    expect(en.body).toContain('<article class="service" lang="en" dir="ltr">');
    expect(en.body).toContain("Financial assistance");
  });

  it("walks the finder in two questions, stores nothing, and says what is wrong with a bad answer", async () => {
    const b = new Browser(t.app);
    const step1 = await b.get("/stod/hitta");
    expect(step1.body).toContain("Fråga 1 av 2");
    expect(step1.headers["cache-control"]).toBe("no-store");
    const step2 = await b.get("/stod/hitta?situation=beroende");
    expect(step2.body).toContain("Fråga 2 av 2");
    const result = await b.get("/stod/hitta?situation=beroende&vem=anhorig");
    expect(result.statusCode).toBe(200);
    const slugs = [...result.body.matchAll(/class="service-list__link" href="\/stod\/([a-z0-9-]+)"/g)].map((m) => m[1]);
    expect(slugs).toContain("stod-till-anhoriga-beroende");
    expect(slugs.length).toBeLessThanOrEqual(6);
    const child = await b.get("/stod/hitta?situation=barn&vem=barn");
    expect(child.body).toContain("Ring 112");
    expect(child.body).toContain("/stod/orosanmalan");
    const bad = await b.get("/stod/hitta?situation=nonsens");
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Välj det som passar bäst");
    const badWho = await b.get("/stod/hitta?situation=pengar&vem=alla");
    expect(badWho.statusCode).toBe(400);
    expect(badWho.body).toContain("Välj vem det gäller");
  });

  it("publishes the catalogue as JSON, CSV and a DCAT-AP-SE description that parses as RDF", async () => {
    const b = new Browser(t.app);
    const json = await b.get("/stod/data.json");
    expect(json.headers["content-type"]).toContain("application/json");
    const data = JSON.parse(json.body) as {
      count: number;
      services: { id: string; url: string; decisionNeeded: boolean }[];
    };
    expect(data.count).toBe(data.services.length);
    expect(data.services.find((s) => s.id === "ekonomiskt-bistand")?.decisionNeeded).toBe(true);
    const csv = await b.get("/stod/data.csv");
    expect(csv.headers["content-type"]).toContain("text/csv");
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .split("\r\n")
      .filter(Boolean);
    expect(lines[0]?.startsWith("id,url,name,summary")).toBe(true);
    expect(csv.body).toContain("Budget- och skuldrådgivning");
    const rdf = await b.get("/stod/dcat.rdf");
    expect(rdf.headers["content-type"]).toContain("application/rdf+xml");
    const ts = await triples(rdf.body);
    const typed = (type: string) => ts.filter((x) => x.p === RDF_TYPE && x.o === `${DCAT}${type}`).map((x) => x.s);
    expect(typed("Catalog")).toHaveLength(1);
    const [dataset] = typed("Dataset");
    expect(dataset).toBeDefined();
    const distributions = ts.filter((x) => x.s === dataset && x.p === `${DCAT}distribution`).map((x) => x.o);
    expect(distributions.sort()).toEqual([
      `${t.config.publicUrl}/stod/data.csv`,
      `${t.config.publicUrl}/stod/data.json`,
    ]);
    for (const d of distributions) {
      expect(ts.some((x) => x.s === d && x.p === "http://purl.org/dc/terms/license")).toBe(true);
      expect(ts.some((x) => x.s === d && x.p === `${DCAT}accessURL`)).toBe(true);
    }
    expect(ts.some((x) => x.s === dataset && x.p === `${DCAT}contactPoint`)).toBe(true);
    expect(ts.some((x) => x.s === dataset && x.p === "http://purl.org/dc/terms/publisher")).toBe(true);
  });

  it("lets a communicator create and edit a page: errors keep the text, every save is a version, an old form cannot overwrite a newer save", async () => {
    const b = new Browser(t.app);
    expect((await b.login("kommunikator@example.se")).statusCode).toBe(303);
    const token = await b.csrfFrom("/arbetsyta/stod/ny");
    const empty = await b.post("/arbetsyta/stod/ny", [
      ["_csrf", token],
      ["name", "Stöd för nyblivna pensionärer"],
      ["summary", ""],
      ["forWhom", "Alla som nyss gått i pension"],
    ]);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("Skriv en kort sammanfattning av stödet");
    expect(empty.body).toContain("Alla som nyss gått i pension");
    const form: [string, string][] = [
      ["_csrf", token],
      ["name", "Samtalsgrupp för nyblivna pensionärer"],
      ["summary", "En grupp där du träffar andra som just har gått i pension."],
      ["forWhom", "Du som har gått i pension det senaste året."],
      ["whatYouGet", "Sex träffar med samtal och fika. Du får nya vänner."],
      ["cost", "Gratis."],
      ["access", "direct"],
      ["phone", "070-174 06 40"],
      ["webForm", "1"],
      ["situations", "ensam"],
      ["audiences", "vuxen"],
      ["keywords", "pensionär pension"],
      ["reviewMonths", "12"],
      ["published", "1"],
      ["note", "Ny grupp"],
      ["version", ""],
    ];
    const created = await b.post("/arbetsyta/stod/ny", form);
    expect(created.statusCode).toBe(303);
    const id = /\/arbetsyta\/stod\/([0-9a-f-]+)/.exec(created.headers.location as string)?.[1] as string;
    const page = await b.get(`/arbetsyta/stod/${id}?sparad=1`);
    expect(page.body).toContain("Det här är version 1");
    expect(page.body).toMatch(/LIX \d+/);
    expect((await b.get("/stod/samtalsgrupp-for-nyblivna-pensionarer")).statusCode).toBe(200);
    // The new words are searchable at once, typo included.
    const found = await b.get("/stod?q=pensionarer");
    expect(found.body).toContain('href="/stod/samtalsgrupp-for-nyblivna-pensionarer"');
    const edit = form.map(([k, v]): [string, string] =>
      k === "version"
        ? [k, "1"]
        : k === "whatYouGet"
          ? [k, "Sex träffar med samtal, fika och en promenad."]
          : k === "note"
            ? [k, "Lade till promenad"]
            : [k, v],
    );
    expect((await b.post(`/arbetsyta/stod/${id}`, edit)).statusCode).toBe(303);
    const stale = await b.post(`/arbetsyta/stod/${id}`, edit);
    expect(stale.statusCode).toBe(400);
    expect(stale.body).toContain("Någon annan sparade sidan");
    const versions = await t.database.db
      .selectFrom("catalogue_versions")
      .select(["version", "note"])
      .where("service_id", "=", id)
      .orderBy("version")
      .execute();
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[1]?.note).toBe("Lade till promenad");
    const v1 = await b.get(`/arbetsyta/stod/${id}/version/1`);
    expect(v1.body).toContain("Sex träffar med samtal och fika.");
    const restoreToken = /name="_csrf" value="([^"]+)"/.exec(v1.body)?.[1] as string;
    expect((await b.post(`/arbetsyta/stod/${id}/version/1/aterstall`, { _csrf: restoreToken })).statusCode).toBe(303);
    const restored = await t.database.db
      .selectFrom("catalogue_services")
      .select(["what_you_get", "version"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(restored).toEqual({ what_you_get: "Sex träffar med samtal och fika. Du får nya vänner.", version: 3 });
    const audits = await t.database.db.selectFrom("audit_log").select("action").where("subject_id", "=", id).execute();
    expect(audits.map((a) => a.action).sort()).toEqual([
      "catalogue.service.create",
      "catalogue.service.update",
      "catalogue.service.update",
    ]);
    const history = await t.database.db
      .selectFrom("catalogue_versions")
      .select("note")
      .where("service_id", "=", id)
      .where("version", "=", 3)
      .executeTakeFirstOrThrow();
    expect(history.note).toBe("Återställd från version 1");
  });

  it("lets unit staff edit their own unit's pages but not another unit's", async () => {
    const b = new Browser(t.app);
    expect((await b.login("handlaggare@example.se")).statusCode).toBe(303);
    expect((await b.get(`/arbetsyta/stod/${await idOf("budget-och-skuldradgivning")}`)).statusCode).toBe(200);
    expect((await b.get(`/arbetsyta/stod/${await idOf("familjebehandling")}`)).statusCode).toBe(403);
    const token = await b.csrfFrom("/arbetsyta/stod");
    expect(
      (await b.post(`/arbetsyta/stod/${await idOf("familjebehandling")}/granskad`, { _csrf: token })).statusCode,
    ).toBe(403);
  });

  it("reminds the person responsible once per review period, and marking the page reviewed clears it", async () => {
    const id = await idOf("jobbtorget");
    const responsible = new Browser(t.app);
    expect((await responsible.login("handlaggare@example.se")).statusCode).toBe(303);
    expect((await responsible.get("/arbetsyta")).body).toContain("Sidor i Stöd och hjälp som du ska granska: 1");
    const b = new Browser(t.app);
    expect((await b.login("kommunikator@example.se")).statusCode).toBe(303);
    const list = await b.get("/arbetsyta/stod?granska=1");
    expect(list.body).toContain("Stöd att komma i arbete");
    expect(list.body).toContain("Behöver granskas");
    expect(await queueReviewReminders(t.database.db, t.jobs, t.org.id)).toBeGreaterThanOrEqual(1);
    await queueReviewReminders(t.database.db, t.jobs, t.org.id);
    expect(await waitForMail(outbox, id)).not.toBe("");
    // A second reminder would have been sent by now.
    await new Promise((r) => setTimeout(r, 1000));
    const all = await mailsContaining(outbox, id);
    expect(all).toHaveLength(1);
    expect(all[0]).toContain("handlaggare@example.se");
    const token = await b.csrfFrom(`/arbetsyta/stod/${id}`);
    expect((await b.post(`/arbetsyta/stod/${id}/granskad`, { _csrf: token })).statusCode).toBe(303);
    const after = await b.get("/arbetsyta/stod?granska=1");
    expect(after.body).not.toContain("Stöd att komma i arbete");
    expect((await responsible.get("/arbetsyta")).body).not.toContain("som du ska granska");
  });

  it("lets staff add a synonym that search uses at once, and refuses nonsense", async () => {
    const b = new Browser(t.app);
    expect((await b.login("admin@example.se")).statusCode).toBe(303);
    const before = await b.get("/stod?q=gamblingproblem");
    expect(before.body).not.toContain('href="/stod/stod-vid-spelproblem"');
    const token = await b.csrfFrom("/arbetsyta/admin/synonymer");
    expect(
      (await b.post("/arbetsyta/admin/synonymer", { _csrf: token, term: "gamblingproblem", expansion: "spelproblem" }))
        .statusCode,
    ).toBe(303);
    const after = await b.get("/stod?q=gamblingproblem");
    expect(after.body).toContain('href="/stod/stod-vid-spelproblem"');
    const bad = await b.post("/arbetsyta/admin/synonymer", { _csrf: token, term: "<b>", expansion: "" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Skriv ett eller två ord");
    expect(bad.body).toContain('value="<b>"');
    // A translation with a missing text keeps what was written.
    const id = await idOf("traffpunkt");
    const tok = await b.csrfFrom(`/arbetsyta/stod/${id}`);
    const noBody = await b.post(`/arbetsyta/stod/${id}/sprak`, {
      _csrf: tok,
      lang: "fi",
      tname: "Kohtaamispaikka",
      tsummary: "Tule juomaan kahvia.",
      tbody: "",
    });
    expect(noBody.statusCode).toBe(400);
    expect(noBody.body).toContain("Skriv texten på språket");
    expect(noBody.body).toContain('value="Kohtaamispaikka"');
    expect(noBody.body).toContain("Tule juomaan kahvia.");
    const ok = await b.post(`/arbetsyta/stod/${id}/sprak`, {
      _csrf: tok,
      lang: "fi",
      tname: "Kohtaamispaikka",
      tsummary: "Tule juomaan kahvia.",
      tbody: "Avoin kahvila aikuisille.",
    });
    expect(ok.statusCode).toBe(303);
    const fi = await new Browser(t.app).get("/stod/traffpunkt/sprak/fi");
    expect(fi.body).toContain('lang="fi"');
    expect(fi.body).toContain("Avoin kahvila aikuisille.");
  });

  it("routes a question asked from a service page to its unit, and suggests service pages in the reply composer", async () => {
    const b = new Browser(t.app);
    const form = await b.get("/fraga?stod=budget-och-skuldradgivning");
    expect(form.body).toContain("Din fråga gäller: ");
    expect(form.body).toContain("Budget- och skuldrådgivning");
    const caseId = await (async () => {
      const { receiveQuestion } = await import("../src/modules/inbox/commands/receive.js");
      const unit = await t.database.db
        .selectFrom("units")
        .select("id")
        .where("slug", "=", "ekonomiskt-bistand")
        .executeTakeFirstOrThrow();
      const r = await receiveQuestion(
        { db: t.database.db, jobs: t.jobs, secret: t.config.sessionSecret },
        { orgId: t.org.id, userId: null, label: "test" },
        {
          orgId: t.org.id,
          channel: "web",
          body: "Vad kan man göra när skulderna växer och Kronofogden har hört av sig?",
          requester: {},
          unitId: unit.id,
          subject: "Fråga om Budget- och skuldrådgivning",
        },
      );
      if (!r.ok) throw new Error("not received");
      expect(r.unitId).toBe(unit.id);
      return r.caseId;
    })();
    const staff = new Browser(t.app);
    expect((await staff.login("kommunikator@example.se")).statusCode).toBe(303);
    const page = await staff.get(`/arbetsyta/arenden/${caseId}`);
    expect(page.body).toContain("Stöd som kan passa");
    expect(page.body).toContain('value="budget-och-skuldradgivning"');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] as string;
    const added = await staff.post(`/arbetsyta/arenden/${caseId}/svar`, {
      _csrf: token,
      body: "Hej! Vi kan hjälpa dig.",
      typ: "svar",
      stod: "budget-och-skuldradgivning",
    });
    expect(added.statusCode).toBe(200);
    expect(added.body).toContain(
      `Hej! Vi kan hjälpa dig.\n\nLäs mer om Budget- och skuldrådgivning: ${t.config.publicUrl}/stod/budget-och-skuldradgivning`,
    );
    const sent = await t.database.db
      .selectFrom("case_messages")
      .select("id")
      .where("case_id", "=", caseId)
      .where("direction", "=", "out")
      .execute();
    expect(sent).toHaveLength(0);
  });
});
