/**
 * The authorisation matrix: every registered route, walked as an anonymous visitor and as
 * each role. A new route that is not in the matrix fails this test, so every module that
 * adds routes extends the matrix.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaffUser } from "../src/platform/auth/users.js";
import { ROLES, type Role } from "../src/platform/db/schema.js";
import { Browser, startTestApp, type TestApp } from "./app.js";

type Who = "anonymous" | Role;
const ALL_STAFF: readonly Role[] = ROLES;
const PUBLIC = "public" as const;
const INBOX: readonly Role[] = ["admin", "communicator", "unit_staff", "manager", "registrar"];

/** route → who may use it: "public", or the roles allowed (everyone else gets 403, anonymous 401/303). */
/** Public by policy, but refused (403) without the sender's signature or verify token — which the matrix does not have. */
const SIGNED = "signed" as const;

const MATRIX: Record<string, typeof PUBLIC | typeof SIGNED | readonly Role[]> = {
  "GET /": PUBLIC,
  "GET /tillganglighet": PUBLIC,
  "GET /personuppgifter": PUBLIC,
  "GET /sprak/:lang": PUBLIC,
  "GET /logga-in": PUBLIC,
  "POST /logga-in": PUBLIC,
  "POST /logga-ut": PUBLIC,
  "GET /logga-in/sso": PUBLIC,
  "GET /logga-in/sso/callback": PUBLIC,
  "GET /logga-in/glomt-losenord": PUBLIC,
  "POST /logga-in/glomt-losenord": PUBLIC,
  "GET /logga-in/nytt-losenord/:token": PUBLIC,
  "POST /logga-in/nytt-losenord/:token": PUBLIC,
  "GET /logga-in/inbjudan/:token": PUBLIC,
  "POST /logga-in/inbjudan/:token": PUBLIC,
  "POST /logga-in/inbjudan/:token/ny-lank": PUBLIC,
  "GET /health": PUBLIC,
  "GET /ready": PUBLIC,
  "GET /api/openapi.json": PUBLIC,
  "POST /api/v1/klarsprak/analyze": PUBLIC,
  "GET /klarsprakskollen": PUBLIC,
  "POST /klarsprakskollen": PUBLIC,
  "GET /fraga": PUBLIC,
  "POST /fraga": PUBLIC,
  "GET /arende/:token": PUBLIC,
  "POST /arende/:token": PUBLIC,
  "POST /arende/:token/hjalp": PUBLIC,
  "GET /diarium": PUBLIC,
  "GET /stod": PUBLIC,
  "GET /stod/hitta": PUBLIC,
  "GET /stod/data.json": PUBLIC,
  "GET /stod/data.csv": PUBLIC,
  "GET /stod/dcat.rdf": PUBLIC,
  "GET /stod/:slug": PUBLIC,
  "GET /stod/:slug/lattlast": PUBLIC,
  "GET /stod/:slug/sprak/:lang": PUBLIC,
  "GET /arbetsyta/admin/sociala-medier": ["admin"],
  "POST /arbetsyta/admin/sociala-medier": ["admin"],
  "POST /arbetsyta/admin/sociala-medier/:id/av": ["admin"],
  "GET /arbetsyta/socialt/:caseId": ["admin", "communicator", "unit_staff", "manager"],
  "POST /arbetsyta/socialt/:caseId/:itemId": ["admin", "communicator", "unit_staff", "manager"],
  "POST /arbetsyta/socialt/:caseId/oppna": ["admin", "communicator", "unit_staff", "manager"],
  "POST /arbetsyta/admin/sociala-medier/:id/arkiv": ["admin"],
  "GET /arbetsyta/admin/sociala-medier/arkiv/:id": ["admin"],
  "GET /webhooks/meta": SIGNED,
  "POST /webhooks/meta": SIGNED,
  "GET /forslag": PUBLIC,
  "GET /forslag/flode.rss": PUBLIC,
  "GET /forslag/flode.atom": PUBLIC,
  "GET /forslag/nytt": PUBLIC,
  "POST /forslag/nytt": PUBLIC,
  "GET /forslag/mitt/:token": PUBLIC,
  "POST /forslag/mitt/:token/bekrafta": PUBLIC,
  "POST /forslag/mitt/:token/hjalpte": PUBLIC,
  "GET /forslag/:number": PUBLIC,
  "POST /forslag/:number/folj": PUBLIC,
  "GET /forslag/folj/:token": PUBLIC,
  "POST /forslag/folj/:token": PUBLIC,
  "GET /forslag/sluta-folja/:token": PUBLIC,
  "POST /forslag/sluta-folja/:token": PUBLIC,
  "GET /arbetsyta/forslag": ALL_STAFF,
  "GET /arbetsyta/forslag/nytt": ALL_STAFF,
  "POST /arbetsyta/forslag/nytt": ALL_STAFF,
  "GET /arbetsyta/forslag/mina": ALL_STAFF,
  "GET /arbetsyta/forslag/matt": ["admin", "communicator", "manager"],
  "GET /arbetsyta/forslag/:id": ALL_STAFF,
  "GET /arbetsyta/forslag/:id/fil": ALL_STAFF,
  "POST /arbetsyta/forslag/:id/besked": ALL_STAFF,
  "POST /arbetsyta/forslag/:id/flytta": ALL_STAFF,
  "POST /arbetsyta/forslag/:id/framsteg": ALL_STAFF,
  "POST /arbetsyta/forslag/:id/lank": ALL_STAFF,
  "POST /arbetsyta/forslag/:id/granska": ALL_STAFF,
  "GET /arbetsyta/admin/forslag": ["admin"],
  "POST /arbetsyta/admin/forslag/lage": ["admin"],
  "POST /arbetsyta/admin/forslag/grupp": ["admin"],
  "POST /arbetsyta/admin/forslag/medlem": ["admin"],
  "POST /arbetsyta/admin/forslag/omrade": ["admin"],
  "GET /press": PUBLIC,
  "GET /press/rss.xml": PUBLIC,
  "GET /press/atom.xml": PUBLIC,
  "GET /press/feed.json": PUBLIC,
  "POST /press/prenumerera": PUBLIC,
  "GET /press/prenumerera/:token": PUBLIC,
  "POST /press/prenumerera/:token": PUBLIC,
  "GET /press/avsluta/:token": PUBLIC,
  "POST /press/avsluta/:token": PUBLIC,
  "GET /press/bild/:id/:file": PUBLIC,
  "GET /press/dokument/:id": PUBLIC,
  "GET /press/evenemang/:id": PUBLIC,
  "GET /press/svar/:token": PUBLIC,
  "POST /press/svar/:token": PUBLIC,
  "GET /press/embargo/:token": PUBLIC,
  "GET /press/:slug": PUBLIC,
  "GET /arbetsyta/press": ["admin", "communicator"],
  "POST /arbetsyta/press": ["admin", "communicator"],
  "GET /arbetsyta/press/:id": ["admin", "communicator"],
  "POST /arbetsyta/press/:id/text": ["admin", "communicator"],
  "POST /arbetsyta/press/:id/citat": ["admin", "communicator"],
  "POST /arbetsyta/press/:id/kontaktperson": ["admin", "communicator"],
  "POST /arbetsyta/press/:id/granskning": ["admin", "communicator"],
  "POST /arbetsyta/press/:id/dra-tillbaka": ["admin", "communicator"],
  "POST /arbetsyta/press/:id/godkann": ["admin", "communicator"],
  "POST /arbetsyta/press/:id/fraga": ["admin", "communicator"],
  "POST /arbetsyta/press/:id/bevakning": ["admin", "communicator"],
  "POST /arbetsyta/press/:id/bild": ["admin", "communicator"],
  "POST /arbetsyta/press/:id/dokument": ["admin", "communicator"],
  "POST /arbetsyta/press/:id/ta-bort/:part/:partId": ["admin", "communicator"],
  "GET /arbetsyta/press/:id/bild/:imageId/:file": ["admin", "communicator"],
  "GET /arbetsyta/press/kontakter": ["admin", "communicator"],
  "POST /arbetsyta/press/kontakter": ["admin", "communicator"],
  "POST /arbetsyta/press/kontakter/import": ["admin", "communicator"],
  "POST /arbetsyta/press/kontakter/:id/radera": ["admin", "communicator"],
  "POST /arbetsyta/press/kontakter/import/spara": ["admin", "communicator"],
  "POST /arbetsyta/press/listor": ["admin", "communicator"],
  "POST /arbetsyta/press/listor/medlem": ["admin", "communicator"],
  "GET /arbetsyta/press/evenemang": ["admin", "communicator"],
  "POST /arbetsyta/press/evenemang": ["admin", "communicator"],
  "GET /arbetsyta/press/evenemang/:id": ["admin", "communicator"],
  "POST /arbetsyta/press/evenemang/:id/bjud-in": ["admin", "communicator"],
  "GET /arbetsyta/press/bevakning": ["admin", "communicator"],
  "POST /arbetsyta/press/bevakning": ["admin", "communicator"],
  "GET /arbetsyta/press/matt": ["admin", "communicator", "manager"],
  "GET /begar-handling": PUBLIC,
  "POST /begar-handling": PUBLIC,
  "GET /handling/:token": PUBLIC,
  "GET /handling/:token/:file": PUBLIC,
  "GET /arbetsyta/begaran": ["admin", "communicator", "unit_staff", "manager"],
  "GET /arbetsyta/begaran/statistik": ["admin", "communicator", "manager"],
  "POST /arbetsyta/begaran/fran-arende/:caseId": ["admin", "communicator", "unit_staff", "manager"],
  "GET /arbetsyta/begaran/:id": ["admin", "communicator", "unit_staff", "manager"],
  "POST /arbetsyta/begaran/:id/dokument": ["admin", "communicator", "unit_staff", "manager"],
  "POST /arbetsyta/begaran/:id/dokument/fran-arendet": ["admin", "communicator", "unit_staff", "manager"],
  "POST /arbetsyta/begaran/:id/dokument/:docId/maskering": ["admin", "communicator", "unit_staff", "manager"],
  "POST /arbetsyta/begaran/:id/dokument/:docId/maskering/:maskId/ta-bort": [
    "admin",
    "communicator",
    "unit_staff",
    "manager",
  ],
  "POST /arbetsyta/begaran/:id/dokument/:docId/provning": ["admin", "communicator", "unit_staff", "manager"],
  "GET /arbetsyta/begaran/:id/dokument/:docId/original": ["admin", "communicator", "unit_staff", "manager"],
  "GET /arbetsyta/begaran/:id/dokument/:docId/utlamnad": ["admin", "communicator", "unit_staff", "manager"],
  "POST /arbetsyta/begaran/:id/delar": ["admin", "communicator", "unit_staff", "manager"],
  "POST /arbetsyta/begaran/:id/beslut": ["admin", "communicator", "unit_staff", "manager"],
  "POST /arbetsyta/begaran/:id/oppna": ["admin", "communicator", "unit_staff", "manager"],
  "POST /arbetsyta/begaran/:id/leverans-del": ["admin", "communicator", "unit_staff", "manager"],
  "POST /arbetsyta/begaran/:id/leverans": ["admin", "communicator", "unit_staff", "manager"],
  "GET /arbetsyta/stod": ["admin", "communicator", "unit_staff", "manager"],
  "GET /arbetsyta/stod/ny": ["admin", "communicator", "manager"],
  "POST /arbetsyta/stod/ny": ["admin", "communicator", "manager"],
  "GET /arbetsyta/stod/:id": ["admin", "communicator", "unit_staff", "manager"],
  "POST /arbetsyta/stod/:id": ["admin", "communicator", "unit_staff", "manager"],
  "POST /arbetsyta/stod/:id/granskad": ["admin", "communicator", "unit_staff", "manager"],
  "GET /arbetsyta/stod/:id/version/:version": ["admin", "communicator", "unit_staff", "manager"],
  "POST /arbetsyta/stod/:id/version/:version/aterstall": ["admin", "communicator", "unit_staff", "manager"],
  "POST /arbetsyta/stod/:id/sprak": ["admin", "communicator", "unit_staff", "manager"],
  "POST /arbetsyta/stod/:id/sprak/:lang/ta-bort": ["admin", "communicator", "unit_staff", "manager"],
  "GET /arbetsyta/admin/synonymer": ["admin", "communicator"],
  "POST /arbetsyta/admin/synonymer": ["admin", "communicator"],
  "POST /arbetsyta/admin/synonymer/:id/ta-bort": ["admin", "communicator"],
  "GET /open311/v2/:file": PUBLIC,
  "GET /open311/v2/:kind/:file": PUBLIC,
  "POST /open311/v2/:file": PUBLIC,
  "GET /arbetsyta/inkorg": INBOX,
  "GET /arbetsyta/inkorg/handelser": INBOX,
  "GET /arbetsyta/arenden/:id": INBOX,
  "POST /arbetsyta/arenden/:id/oppna": INBOX,
  "POST /arbetsyta/arenden/:id/svarsmall": INBOX,
  "POST /arbetsyta/arenden/:id/svar": INBOX,
  "POST /arbetsyta/arenden/:id/status": INBOX,
  "POST /arbetsyta/arenden/:id/oro": INBOX,
  "POST /arbetsyta/arenden/:id/sekretess": INBOX,
  "POST /arbetsyta/arenden/:id/ringa-betydelse": INBOX,
  "POST /arbetsyta/arenden/:id/typ": INBOX,
  "POST /arbetsyta/arenden/:id/till-forslaget": INBOX,
  "GET /arbetsyta/logga": INBOX,
  "POST /arbetsyta/logga": INBOX,
  "POST /arbetsyta/arenden/:id/flytta": INBOX,
  "POST /arbetsyta/arenden/:id/stang": INBOX,
  "POST /arbetsyta/arenden/:id/angra/:eventId": INBOX,
  "POST /arbetsyta/arenden/:id/anmalare": INBOX,
  "GET /arbetsyta/arenden/:id/filer/:fileId": INBOX,
  "GET /arbetsyta/matt": ["admin", "communicator", "manager"],
  "GET /arbetsyta/matt.json": ["admin", "communicator", "manager"],
  "GET /arbetsyta/admin/dirigering": ["admin"],
  "POST /arbetsyta/admin/dirigering": ["admin"],
  "POST /arbetsyta/admin/dirigering/:id/ta-bort": ["admin"],
  "POST /arbetsyta/admin/dirigering/automatik": ["admin"],
  "GET /arbetsyta/admin/gallring": ["admin"],
  "POST /arbetsyta/admin/gallring": ["admin"],
  "GET /arbetsyta/admin/e-post": ["admin"],
  "GET /arbetsyta": ALL_STAFF,
  "GET /arbetsyta/konto": ALL_STAFF,
  "POST /arbetsyta/konto/losenord": ALL_STAFF,
  "GET /arbetsyta/admin/personal": ["admin"],
  "GET /arbetsyta/admin/personal/ny": ["admin"],
  "POST /arbetsyta/admin/personal/ny": ["admin"],
  "GET /arbetsyta/admin/personal/:id": ["admin"],
  "POST /arbetsyta/admin/personal/:id": ["admin"],
  "POST /arbetsyta/admin/personal/:id/inbjudan": ["admin"],
  "POST /arbetsyta/admin/personal/:id/avaktivera": ["admin"],
  "POST /arbetsyta/admin/personal/:id/aktivera": ["admin"],
  "POST /arbetsyta/admin/personal/:id/sessioner/:sessionId/avsluta": ["admin"],
  "GET /arbetsyta/admin/enheter": ["admin"],
  "GET /arbetsyta/admin/enheter/ny": ["admin"],
  "POST /arbetsyta/admin/enheter/ny": ["admin"],
  "GET /arbetsyta/admin/enheter/:id": ["admin"],
  "POST /arbetsyta/admin/enheter/:id": ["admin"],
  "POST /arbetsyta/admin/enheter/:id/ta-bort": ["admin"],
  "GET /arbetsyta/admin/logg": ["admin"],
  "GET /arbetsyta/admin/jobb": ["admin"],
  "POST /arbetsyta/admin/jobb/:id/forsok-igen": ["admin"],
};

const PASSWORD = "matrisens-losenord-2026";

function concrete(url: string): string {
  return url
    .replace(":lang", "sv")
    .replace(":eventId", "1")
    .replace(":slug", "ekonomiskt-bistand")
    .replace(":version", "1")
    .replace(":sessionId", "0".repeat(64))
    .replace(":caseId", "00000000-0000-4000-8000-000000000002")
    .replace(":docId", "00000000-0000-4000-8000-000000000003")
    .replace(":maskId", "00000000-0000-4000-8000-000000000004")
    .replace(":itemId", "00000000-0000-4000-8000-000000000005")
    .replace(":id", "00000000-0000-4000-8000-000000000000")
    .replace(":fileId", "00000000-0000-4000-8000-000000000001")
    .replace(":token", "finns-inte-finns-inte-finns-inte")
    .replace(":kind", "requests")
    .replace(":number", "IDE-2099-000001")
    .replace(":imageId", "00000000-0000-4000-8000-000000000006")
    .replace(":partId", "00000000-0000-4000-8000-000000000007")
    .replace(":part", "citat")
    .replace(":file", "discovery.json");
}

describe("authorisation matrix", () => {
  let t: TestApp;
  let base = "";
  const browsers = new Map<Who, Browser>();

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_RATE_LIMIT_PER_MINUTE: "1000", RATE_LIMIT_PER_MINUTE: "10000" } });
    // Event streams never end, so they are asked over real HTTP and dropped after the headers.
    base = await t.app.listen({ port: 0, host: "127.0.0.1" });
    browsers.set("anonymous", new Browser(t.app));
    for (const role of ROLES) {
      const email = `matris-${role}@example.se`;
      const created = await createStaffUser(
        t.database.db,
        { orgId: t.org.id, userId: null, label: "test" },
        {
          orgId: t.org.id,
          email,
          name: `Matris ${role}`,
          roles: [role],
          password: PASSWORD,
        },
      );
      expect(created.ok).toBe(true);
      const b = new Browser(t.app);
      expect((await b.login(email, PASSWORD)).statusCode).toBe(303);
      browsers.set(role, b);
    }
  });
  afterAll(async () => t?.close());

  it("covers every registered route, and every route names an access rule", () => {
    const registered = t.app.klarsvar.routes.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered).toEqual(Object.keys(MATRIX).sort());
    for (const r of t.app.klarsvar.routes) {
      if (r.url.startsWith("/arbetsyta")) expect(r.access).not.toBe("public");
    }
  });

  const cases: [string, Who][] = [];
  for (const key of Object.keys(MATRIX)) for (const who of ["anonymous", ...ROLES] as Who[]) cases.push([key, who]);

  it.each(cases)("%s as %s", async (key, who) => {
    const [method, url] = key.split(" ") as [string, string];
    const rule = MATRIX[key];
    const b = browsers.get(who) as Browser;
    const path = concrete(url);
    let status: number;
    if (method === "GET" && path.endsWith("/handelser")) {
      const controller = new AbortController();
      const res = await fetch(`${base}${path}`, {
        headers: { cookie: b.cookieHeader() },
        redirect: "manual",
        signal: controller.signal,
      });
      status = res.status;
      controller.abort();
    } else if (method === "GET") {
      status = (await b.get(path)).statusCode;
    } else {
      // A valid CSRF token, so what we see is the access decision and not the CSRF check.
      const token = await b.csrfFrom(who === "anonymous" ? "/logga-in" : "/arbetsyta");
      status = (await b.post(path, { _csrf: token })).statusCode;
      // Signing out is part of the matrix; sign back in for the routes that follow.
      if (url === "/logga-ut" && who !== "anonymous")
        expect((await b.login(`matris-${who}@example.se`, PASSWORD)).statusCode).toBe(303);
    }
    if (rule === SIGNED) {
      expect(status).toBe(403);
    } else if (rule === PUBLIC) {
      expect([401, 403]).not.toContain(status);
    } else if (who === "anonymous") {
      expect(status).toBe(method === "GET" ? 303 : 401);
    } else if (rule?.includes(who)) {
      expect([401, 403]).not.toContain(status);
      expect(status).toBeLessThan(500);
    } else {
      expect(status).toBe(403);
    }
  });
});
