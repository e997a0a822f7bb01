import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, startTestApp, type TestApp } from "./app.js";

const HARD =
  "Med anledning av ovanstående skall den sökande inkomma med erforderliga handlingar samt tillse att ansökan erhålls av nämnden i syfte att möjliggöra en skyndsam handläggning av ärendet.";
const EASY = "Du kan få hjälp av oss. Ring oss i dag. Vi svarar på en gång.";

describe("klarspråk in the platform", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: "10000" } });
  });
  afterAll(async () => t?.close());

  it("POST /api/v1/klarsprak/analyze returns scores, band and findings", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/v1/klarsprak/analyze", payload: { text: HARD } });
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      lix: { band: string; explanation: string };
      findings: { ruleId: string; text: string; suggestion: string | null }[];
    };
    expect(["hard", "very-hard"]).toContain(body.lix.band);
    expect(body.lix.explanation).toMatch(/Svår|Mycket svår/);
    expect(body.findings.filter((f) => f.ruleId === "officialese").map((f) => f.text)).toEqual(
      expect.arrayContaining(["skall", "inkomma med", "erforderliga", "samt", "tillse"]),
    );
    const easy = (
      await t.app.inject({ method: "POST", url: "/api/v1/klarsprak/analyze", payload: { text: EASY, lang: "en" } })
    ).json() as { lix: { band: string; explanation: string } };
    expect(easy.lix.band).toBe("very-easy");
    expect(easy.lix.explanation).toContain("Very easy");
  });

  it("rejects bad input with a clear JSON error, and an oversized body with 413", async () => {
    const bad = await t.app.inject({
      method: "POST",
      url: "/api/v1/klarsprak/analyze",
      payload: { text: "Hej", format: "pdf" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: "KS_VALIDATION" } });
    const missing = await t.app.inject({ method: "POST", url: "/api/v1/klarsprak/analyze", payload: {} });
    expect(missing.statusCode).toBe(400);
    const huge = await t.app.inject({
      method: "POST",
      url: "/api/v1/klarsprak/analyze",
      payload: { text: "ord ".repeat(300_000) },
    });
    expect(huge.statusCode).toBe(413);
  });

  it("is described in the OpenAPI document", async () => {
    const doc = (await t.app.inject({ url: "/api/openapi.json" })).json() as {
      paths: Record<string, { post?: { requestBody?: unknown; responses?: Record<string, unknown> } }>;
    };
    const op = doc.paths["/api/v1/klarsprak/analyze"]?.post;
    expect(op?.requestBody).toBeTruthy();
    expect(Object.keys(op?.responses ?? {})).toEqual(expect.arrayContaining(["200", "400", "413", "429"]));
  });

  it("Klarspråkskollen works without JavaScript: Granska re-renders with scores, explanation and highlights", async () => {
    const b = new Browser(t.app);
    const empty = await b.get("/klarsprakskollen");
    expect(empty.body).toContain('data-module="klarsprak-editor"');
    expect(empty.body).toContain('<script type="module" src="/static/js/klarsprak-editor.js"></script>');
    const token = await b.csrfFrom("/klarsprakskollen");
    const res = await b.post("/klarsprakskollen", {
      _csrf: token,
      text: `${HARD} <script>alert(1)</script>`,
      format: "text",
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/class="ks-score ks-score--(hard|very-hard)"/);
    expect(res.body).toContain("Skriv hellre ”ska”");
    expect(res.body).toContain('<mark class="ks-mark ks-mark--warning"');
    expect(res.body).not.toContain("<script>alert(1)</script>");
    expect(res.body).toContain("&lt;script>alert(1)&lt;/script>");
  });

  it("asks for a text when none was given, keeping the choice of format", async () => {
    const b = new Browser(t.app);
    const token = await b.csrfFrom("/klarsprakskollen");
    const res = await b.post("/klarsprakskollen", { _csrf: token, text: "   ", format: "markdown" });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Fel: Klarspråkskollen");
    expect(res.body).toContain('<a href="#text">Skriv eller klistra in en text</a>');
    expect(res.body).toMatch(/value="markdown" checked/);
  });

  it("rate-limits the API", async () => {
    const limited = await startTestApp();
    try {
      const codes: number[] = [];
      for (let i = 0; i < 62; i++)
        codes.push(
          (await limited.app.inject({ method: "POST", url: "/api/v1/klarsprak/analyze", payload: { text: "Hej." } }))
            .statusCode,
        );
      expect(codes.slice(0, 60).every((c) => c === 200)).toBe(true);
      expect(codes.slice(60)).toEqual([429, 429]);
    } finally {
      await limited.close();
    }
  });
});
