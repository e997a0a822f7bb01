/**
 * Account administration through HTTP and the real job runner, on both databases: units
 * (tree, cycles refused, only an empty unit deleted), staff invited by e-mail with a
 * single-use link that expires, roles and memberships that take effect on the next request,
 * the secrecy right with a written reason, deactivation that ends every session at once,
 * the last admin protected, the forgotten password (the same answer for every address, a
 * single-use link valid one hour), sign-in history, single sign-on accounts only for allowed
 * domains — and every change in the audit log.
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deactivateStaff, updateStaff } from "../src/modules/people/commands/staff.js";
import { messages } from "../src/modules/people/messages.js";
import { sayer } from "../src/platform/i18n/messages.js";
import { hashToken, SESSION_COOKIE } from "../src/platform/auth/sessions.js";
import { createStaffUser, findOrLinkOidcUser } from "../src/platform/auth/users.js";
import { Browser, startTestApp, type TestApp } from "./app.js";
import { BACKENDS } from "./db.js";
import { parsedMails, until, type ParsedMail } from "./outbox.js";

const PASSWORD = "ett långt och bra lösenord";

describe.each(BACKENDS)("account administration on %s", (backend) => {
  let t: TestApp;
  const outbox = join("data", `outbox-people-${backend}`);

  beforeAll(async () => {
    await rm(outbox, { recursive: true, force: true });
    t = await startTestApp({
      backend,
      work: true,
      demoContent: false,
      env: { LOGIN_RATE_LIMIT_PER_MINUTE: "1000", MAIL_OUTBOX_DIR: outbox },
    });
  });
  afterAll(async () => {
    await t?.close();
    await rm(outbox, { recursive: true, force: true });
  });

  const db = () => t.database.db;
  const mailTo = (to: string, subject: string) =>
    until(async () => (await parsedMails(outbox)).filter((m) => m.to === to && m.subject.startsWith(subject)).at(-1));
  const linkIn = (mail: ParsedMail, path: string) =>
    new RegExp(`https?://[^\\s]+${path}[\\w-]+`).exec(mail.text)?.[0] as string;
  const pathOf = (url: string) => new URL(url).pathname;
  const auditOf = async (action: string) =>
    db().selectFrom("audit_log").selectAll().where("action", "=", action).orderBy("id").execute();

  async function admin(email = "admin@example.se", password?: string): Promise<Browser> {
    const b = new Browser(t.app);
    expect((await b.login(email, password)).statusCode).toBe(303);
    return b;
  }

  const userId = async (email: string) =>
    (await db().selectFrom("staff_users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
  const unitId = async (slug: string) =>
    (await db().selectFrom("units").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
  const unitByName = async (name: string) =>
    db().selectFrom("units").selectAll().where("name", "=", name).executeTakeFirst();

  async function form(b: Browser, page: string, action: string, fields: Record<string, string> | [string, string][]) {
    const token = await b.csrfFrom(page);
    const pairs: [string, string][] = Array.isArray(fields) ? fields : Object.entries(fields);
    return b.post(action, [["_csrf", token], ...pairs]);
  }

  describe("units", () => {
    it("creates a unit under another, shows it in the tree, and keeps what was typed when something is missing", async () => {
      const b = await admin();
      const parent = await unitId("vuxen");
      const empty = await form(b, "/arbetsyta/admin/enheter/ny", "/arbetsyta/admin/enheter/ny", {
        name: "",
        description: "Stöd till vuxna utan bostad.",
        parent,
      });
      expect(empty.statusCode).toBe(400);
      expect(empty.body).toContain('href="#name"');
      expect(empty.body).toContain("Stöd till vuxna utan bostad.");
      const res = await form(b, "/arbetsyta/admin/enheter/ny", "/arbetsyta/admin/enheter/ny", {
        name: "Bostad först",
        description: "Stöd till vuxna utan bostad.",
        parent,
      });
      expect(res.statusCode).toBe(303);
      const unit = await unitByName("Bostad först");
      expect(unit).toMatchObject({
        slug: "bostad-forst",
        parent_id: parent,
        description: "Stöd till vuxna utan bostad.",
        receives_concern_reports: false,
      });
      expect(res.headers.location).toBe(`/arbetsyta/admin/enheter/${unit?.id}?klart=skapad`);
      const tree = await b.get("/arbetsyta/admin/enheter");
      expect(tree.body).toMatch(/Vuxen<\/a>[\s\S]*<ul>[\s\S]*Bostad först/);
      expect((await auditOf("unit.create")).at(-1)).toMatchObject({
        subject_id: unit?.id,
        actor_label: "Karin Lindqvist <admin@example.se>",
      });
    });

    it("shows a unit's members and managers", async () => {
      const b = await admin();
      const page = await b.get(`/arbetsyta/admin/enheter/${await unitId("mottagningen-barn")}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain("Chef: Maria Ekholm.");
      expect(page.body).toContain("Tar emot orosanmälningar");
      expect((await b.get("/arbetsyta/admin/enheter")).body).toContain("Chef: Maria Ekholm");
    });

    it("refuses to move a unit under itself or under one of its own units", async () => {
      const b = await admin();
      const family = await unitId("barn-och-familj");
      const intake = await unitId("mottagningen-barn");
      const page = `/arbetsyta/admin/enheter/${family}`;
      const before = await unitByName("Barn och familj");
      for (const target of [intake, family]) {
        const res = await form(b, page, page, { name: "Barn och familj", description: "", parent: target });
        expect(res.statusCode).toBe(400);
        expect(res.body).toContain("En enhet kan inte ligga under sig själv eller under en av sina egna underenheter");
        expect(res.body).toContain('href="#parent"');
      }
      expect((await unitByName("Barn och familj"))?.parent_id).toBe(before?.parent_id);
      // The list of choices does not offer them either.
      expect((await b.get(page)).body).not.toContain(`<option value="${intake}"`);
      // A real move is saved and audited.
      const moved = await form(b, page, page, {
        name: "Barn och familj",
        description: "Stöd till barn, unga och föräldrar.",
        parent: await unitId("vuxen"),
      });
      expect(moved.statusCode).toBe(303);
      expect((await unitByName("Barn och familj"))?.parent_id).toBe(await unitId("vuxen"));
      expect((await auditOf("unit.update")).at(-1)?.details).toMatchObject({
        parent: { from: before?.parent_id, to: await unitId("vuxen") },
      });
      await form(b, page, page, {
        name: "Barn och familj",
        description: "Stöd till barn, unga och föräldrar.",
        parent: before?.parent_id as string,
      });
    });

    it("keeps one unit receiving reports of concern", async () => {
      const b = await admin();
      const intake = `/arbetsyta/admin/enheter/${await unitId("mottagningen-barn")}`;
      const unmark = await form(b, intake, intake, {
        name: "Mottagningen barn och familj",
        description: "Tar emot orosanmälningar och ansökningar.",
        parent: await unitId("barn-och-familj"),
      });
      expect(unmark.statusCode).toBe(400);
      expect(unmark.body).toContain("Någon enhet måste ta emot orosanmälningar");
      const jour = `/arbetsyta/admin/enheter/${await unitId("socialjouren")}`;
      expect(
        (
          await form(b, jour, jour, {
            name: "Socialjouren",
            description: "",
            parent: await unitId("socialforvaltningen"),
            intake: "ja",
          })
        ).statusCode,
      ).toBe(303);
      expect(
        (
          await form(b, intake, intake, {
            name: "Mottagningen barn och familj",
            description: "",
            parent: await unitId("barn-och-familj"),
          })
        ).statusCode,
      ).toBe(303);
      expect((await unitByName("Mottagningen barn och familj"))?.receives_concern_reports).toBe(false);
      // And back, as the demo expects.
      expect(
        (
          await form(b, intake, intake, {
            name: "Mottagningen barn och familj",
            description: "Tar emot orosanmälningar och ansökningar.",
            parent: await unitId("barn-och-familj"),
            intake: "ja",
          })
        ).statusCode,
      ).toBe(303);
      expect(
        (
          await form(b, jour, jour, {
            name: "Socialjouren",
            description: "Svarar när förvaltningen har stängt.",
            parent: await unitId("socialforvaltningen"),
          })
        ).statusCode,
      ).toBe(303);
      const changes = (await auditOf("unit.update"))
        .map((e) => (e.details as { intake?: unknown }).intake)
        .filter(Boolean);
      expect(changes).toHaveLength(4);
    });

    it("deletes only an empty unit: not one with members, units under it, or cases", async () => {
      const b = await admin();
      const tryDelete = async (id: string) =>
        form(b, `/arbetsyta/admin/enheter/${id}`, `/arbetsyta/admin/enheter/${id}/ta-bort`, {});
      const withMembers = await tryDelete(await unitId("kommunikation"));
      expect(withMembers.statusCode).toBe(400);
      expect(withMembers.body).toContain("Enheten har 1 medarbetare. Ta bort dem från enheten först.");
      const withChildren = await tryDelete(await unitId("vuxen"));
      expect(withChildren.body).toContain("Enheten har underenheter");

      const res = await form(b, "/arbetsyta/admin/enheter/ny", "/arbetsyta/admin/enheter/ny", {
        name: "Tillfällig enhet",
        description: "",
        parent: "",
      });
      const temp = (await unitByName("Tillfällig enhet"))?.id as string;
      expect(res.statusCode).toBe(303);
      // A case in the unit: the database refuses, and the page says why in plain words.
      const c = await db()
        .insertInto("cases")
        .values({
          org_id: t.org.id,
          number: `SOC-2099-${backend === "pglite" ? "000001" : "000002"}`,
          channel: "web",
          subject: "Fråga",
          follow_token_hash: `people-${backend}`,
          unit_id: temp,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const withCase = await tryDelete(temp);
      expect(withCase.statusCode).toBe(400);
      expect(withCase.body).toContain("Enheten går inte att ta bort, eftersom den har ärenden.");
      expect(await unitByName("Tillfällig enhet")).toBeDefined();
      await db().updateTable("cases").set({ unit_id: null }).where("id", "=", c.id).execute();

      const ok = await tryDelete(temp);
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toBe("/arbetsyta/admin/enheter?klart=borttagen");
      expect(await unitByName("Tillfällig enhet")).toBeUndefined();
      expect((await auditOf("unit.delete")).map((e) => e.subject_id)).toEqual([temp]);
    });

    it("is for admins only", async () => {
      const b = await admin("chef@example.se");
      expect((await b.get("/arbetsyta/admin/enheter")).statusCode).toBe(403);
      expect((await b.get("/arbetsyta/admin/personal")).statusCode).toBe(403);
    });
  });

  describe("staff accounts", () => {
    const invite = async (b: Browser, fields: [string, string][]) =>
      form(b, "/arbetsyta/admin/personal/ny", "/arbetsyta/admin/personal/ny", fields);

    it("invites by e-mail: a single-use link where the person chooses a password and is signed in", async () => {
      const b = await admin();
      const res = await invite(b, [
        ["name", "Eva Nordin"],
        ["email", "Eva.Nordin@example.se"],
        ["roles", "unit_staff"],
        ["roles", "employee"],
        ["units", await unitId("ekonomiskt-bistand")],
      ]);
      expect(res.statusCode).toBe(303);
      const id = await userId("eva.nordin@example.se");
      expect(res.headers.location).toBe(`/arbetsyta/admin/personal/${id}?klart=inbjuden`);
      const user = await db().selectFrom("staff_users").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
      expect(user).toMatchObject({
        name: "Eva Nordin",
        roles: ["unit_staff", "employee"],
        password_hash: null,
        active: true,
        secrecy_right: false,
      });
      const page = await b.get(res.headers.location as string);
      expect(page.body).toContain("Inbjudan är skickad.");
      expect(page.body).toContain("Inbjuden");

      const mail = await mailTo("eva.nordin@example.se", "Välj ditt lösenord till Klarsvar");
      expect(mail.text).toContain("Karin Lindqvist har skapat ett konto åt dig");
      const link = pathOf(linkIn(mail, "/logga-in/inbjudan/"));
      const token = link.split("/").pop() as string;
      const row = await db()
        .selectFrom("account_tokens")
        .selectAll()
        .where("user_id", "=", id)
        .executeTakeFirstOrThrow();
      expect(row.token_hash).toBe(hashToken(token));
      expect(new Date(row.expires_at).getTime() - new Date(row.created_at).getTime()).toBe(72 * 3_600_000);

      const person = new Browser(t.app);
      expect((await person.get(link)).body).toContain("Välkommen till Klarsvar, Eva Nordin");
      const chosen = await form(person, link, link, { password: PASSWORD, confirm: PASSWORD });
      expect(chosen.statusCode).toBe(303);
      expect(chosen.headers.location).toBe("/arbetsyta");
      expect((await person.get("/arbetsyta")).body).toContain("Hej Eva Nordin!");
      expect((await person.get("/arbetsyta/konto")).body).toContain("Ekonomiskt bistånd");

      // Used once: the link now says so, and does not set another password.
      const again = await new Browser(t.app).get(link);
      expect(again.statusCode).toBe(410);
      expect(again.body).toContain("Du har redan ett lösenord");
      const reuse = await form(new Browser(t.app), "/logga-in", link, {
        password: "ett helt annat lösenord",
        confirm: "ett helt annat lösenord",
      });
      expect(reuse.statusCode).toBe(410);
      expect((await new Browser(t.app).login("eva.nordin@example.se", "ett helt annat lösenord")).statusCode).toBe(401);
      expect((await new Browser(t.app).login("eva.nordin@example.se", PASSWORD)).statusCode).toBe(303);

      expect((await auditOf("user.invite")).find((e) => e.subject_id === id)?.details).toMatchObject({
        email: "eva.nordin@example.se",
        roles: ["unit_staff", "employee"],
      });
      expect((await auditOf("user.invitation.accept")).some((e) => e.subject_id === id)).toBe(true);
      expect(
        (await auditOf("auth.login")).some(
          (e) => e.subject_id === id && (e.details as { via?: string }).via === "invitation",
        ),
      ).toBe(true);
    });

    it("an expired invitation says so and sends a new link on request; the old link stays dead", async () => {
      const b = await admin();
      await invite(b, [
        ["name", "Olle Berg"],
        ["email", "olle.berg@example.se"],
        ["roles", "employee"],
      ]);
      const id = await userId("olle.berg@example.se");
      const old = pathOf(linkIn(await mailTo("olle.berg@example.se", "Välj ditt lösenord"), "/logga-in/inbjudan/"));
      await db()
        .updateTable("account_tokens")
        .set({ expires_at: new Date(Date.now() - 1000), created_at: new Date(Date.now() - 73 * 3_600_000) })
        .where("user_id", "=", id)
        .execute();
      const person = new Browser(t.app);
      const dead = await person.get(old);
      expect(dead.statusCode).toBe(410);
      expect(dead.body).toContain("Länken gäller inte längre");
      expect((await form(person, old, old, { password: PASSWORD, confirm: PASSWORD })).statusCode).toBe(410);
      const renew = await form(person, old, `${old}/ny-lank`, {});
      expect(renew.statusCode).toBe(303);
      expect((await person.get(renew.headers.location as string)).body).toContain(
        "Vi har skickat en ny länk till din e-post.",
      );
      const fresh = await until(async () => {
        const mails = (await parsedMails(outbox)).filter((m) => m.to === "olle.berg@example.se");
        return mails.length === 2 ? pathOf(linkIn(mails[1] as ParsedMail, "/logga-in/inbjudan/")) : undefined;
      });
      expect(fresh).not.toBe(old);
      expect((await person.get(old)).statusCode).toBe(410);
      expect((await form(person, fresh, fresh, { password: PASSWORD, confirm: PASSWORD })).statusCode).toBe(303);
      expect((await auditOf("user.invitation.renew")).map((e) => e.subject_id)).toContain(id);
    });

    it("an unknown link is a clear page, not an error", async () => {
      const res = await new Browser(t.app).get(`/logga-in/inbjudan/${"A".repeat(43)}`);
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain("Länken fungerar inte");
    });

    it("asks again for what is missing and keeps what was typed", async () => {
      const b = await admin();
      const res = await invite(b, [
        ["name", ""],
        ["email", "admin@example.se"],
        ["secrecy", "ja"],
        ["reason", ""],
      ]);
      expect(res.statusCode).toBe(400);
      for (const field of ["name", "email", "roles", "reason"]) expect(res.body).toContain(`href="#${field}"`);
      expect(res.body).toContain("Det finns redan ett konto med den e-postadressen");
      expect(res.body).toContain('value="admin@example.se"');
      expect(res.body).toMatch(/id="secrecy" name="secrecy" value="ja" checked/);
      const badUnit = await invite(b, [
        ["name", "X"],
        ["email", "x@example.se"],
        ["roles", "employee"],
        ["units", "00000000-0000-4000-8000-000000000000"],
      ]);
      expect(badUnit.body).toContain("Välj enheterna i listan");
      const badRole = await invite(b, [
        ["name", "X"],
        ["email", "x@example.se"],
        ["roles", "superuser"],
      ]);
      expect(badRole.body).toContain("Välj minst en roll i listan");
      expect(
        await db().selectFrom("staff_users").select("id").where("email", "=", "x@example.se").executeTakeFirst(),
      ).toBeUndefined();
    });

    it("changes roles and units, which count from the person's next request", async () => {
      const person = await admin("medarbetare@example.se");
      expect((await person.get("/arbetsyta/admin/personal")).statusCode).toBe(403);
      const b = await admin();
      const id = await userId("medarbetare@example.se");
      const page = `/arbetsyta/admin/personal/${id}`;
      const res = await form(b, page, page, [
        ["name", "Ali Hassan"],
        ["roles", "registrar"],
        ["roles", "employee"],
        ["units", await unitId("kommunikation")],
      ]);
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`${page}?klart=sparat`);
      const account = await person.get("/arbetsyta/konto");
      expect(account.body).toContain("Registrator");
      expect(account.body).toContain("Kommunikation");
      expect(account.body).not.toContain("Funktionsstöd");
      const entry = (await auditOf("user.update")).at(-1);
      expect(entry?.details).toMatchObject({
        roles: { from: ["employee"], to: ["registrar", "employee"] },
        units: { added: [await unitId("kommunikation")], removed: [await unitId("funktionsstod")] },
      });
      await form(b, page, page, [
        ["name", "Ali Hassan"],
        ["roles", "admin"],
        ["roles", "employee"],
        ["units", await unitId("funktionsstod")],
      ]);
      expect((await person.get("/arbetsyta/admin/personal")).statusCode).toBe(200);
      await form(b, page, page, [
        ["name", "Ali Hassan"],
        ["roles", "employee"],
        ["units", await unitId("funktionsstod")],
      ]);
      expect((await person.get("/arbetsyta/admin/personal")).statusCode).toBe(403);
    });

    it("gives and takes the secrecy right only with a written reason, kept in the audit log", async () => {
      const b = await admin();
      const id = await userId("handlaggare@example.se");
      const page = `/arbetsyta/admin/personal/${id}`;
      const base: [string, string][] = [
        ["name", "Johan Bergström"],
        ["roles", "unit_staff"],
        ["roles", "employee"],
        ["units", await unitId("ekonomiskt-bistand")],
      ];
      const noReason = await form(b, page, page, [...base, ["secrecy", "ja"]]);
      expect(noReason.statusCode).toBe(400);
      expect(noReason.body).toContain("Skriv varför personen ska få sekretessbehörighet");
      expect(
        (await db().selectFrom("staff_users").select("secrecy_right").where("id", "=", id).executeTakeFirstOrThrow())
          .secrecy_right,
      ).toBe(false);
      expect(
        (await form(b, page, page, [...base, ["secrecy", "ja"], ["reason", "Förvaltningens jurist under hösten"]]))
          .statusCode,
      ).toBe(303);
      expect(
        (await db().selectFrom("staff_users").select("secrecy_right").where("id", "=", id).executeTakeFirstOrThrow())
          .secrecy_right,
      ).toBe(true);
      expect((await auditOf("user.secrecy_right.grant")).at(-1)).toMatchObject({
        subject_id: id,
        details: { reason: "Förvaltningens jurist under hösten" },
      });
      expect((await b.get("/arbetsyta/admin/logg?handelse=user.secrecy")).body).toContain(
        "Förvaltningens jurist under hösten",
      );
      expect((await form(b, page, page, base)).statusCode).toBe(400);
      expect((await form(b, page, page, [...base, ["reason", "Uppdraget är slut"]])).statusCode).toBe(303);
      expect((await auditOf("user.secrecy_right.revoke")).at(-1)).toMatchObject({
        subject_id: id,
        details: { reason: "Uppdraget är slut" },
      });
    });

    it("deactivates with a reason: every session ends at once, and neither password nor reset lets the person in; reactivates", async () => {
      const b = await admin();
      await invite(b, [
        ["name", "Lisa Ek"],
        ["email", "lisa.ek@example.se"],
        ["roles", "unit_staff"],
      ]);
      const link = pathOf(linkIn(await mailTo("lisa.ek@example.se", "Välj ditt lösenord"), "/logga-in/inbjudan/"));
      const person = new Browser(t.app);
      await form(person, link, link, { password: PASSWORD, confirm: PASSWORD });
      const phone = await admin("lisa.ek@example.se", PASSWORD);
      expect((await person.get("/arbetsyta")).statusCode).toBe(200);
      const id = await userId("lisa.ek@example.se");
      const page = `/arbetsyta/admin/personal/${id}`;
      expect((await b.get(page)).body).toContain("Inloggningar som pågår");

      const noReason = await form(b, page, `${page}/avaktivera`, { reason: " " });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.body).toContain('href="#deactivate-reason"');
      const res = await form(b, page, `${page}/avaktivera`, { reason: "Har slutat sin anställning" });
      expect(res.statusCode).toBe(303);
      // The very next request of both her browsers is signed out.
      const next = await person.get("/arbetsyta/konto");
      expect(next.statusCode).toBe(303);
      expect(next.headers.location).toBe("/logga-in?nasta=%2Farbetsyta%2Fkonto");
      expect((await phone.get("/arbetsyta")).statusCode).toBe(303);
      expect(await db().selectFrom("sessions").select("id").where("user_id", "=", id).execute()).toEqual([]);
      expect((await new Browser(t.app).login("lisa.ek@example.se", PASSWORD)).statusCode).toBe(401);
      const entry = (await auditOf("user.deactivate")).at(-1);
      expect(entry).toMatchObject({
        subject_id: id,
        details: { reason: "Har slutat sin anställning", sessionsEnded: 2 },
      });
      const shown = await b.get(page);
      expect(shown.body).toContain("Avstängd");
      expect(shown.body).toContain("Kontot stängdes av");
      expect(shown.body).toContain("Skäl: Har slutat sin anställning");
      expect((await b.get("/arbetsyta/admin/personal?visa=avstangda")).body).toContain("Lisa Ek");
      const again = await invite(b, [
        ["name", "Lisa Ek"],
        ["email", "lisa.ek@example.se"],
        ["roles", "unit_staff"],
      ]);
      expect(again.body).toContain(
        "Det finns ett avstängt konto med den e-postadressen. Aktivera det på personens sida.",
      );
      expect((await b.get("/arbetsyta/admin/personal")).body).not.toContain("Lisa Ek");

      expect((await form(b, page, `${page}/aktivera`, { reason: "Tillbaka efter föräldraledighet" })).statusCode).toBe(
        303,
      );
      expect((await new Browser(t.app).login("lisa.ek@example.se", PASSWORD)).statusCode).toBe(303);
      expect((await auditOf("user.reactivate")).at(-1)).toMatchObject({
        subject_id: id,
        details: { reason: "Tillbaka efter föräldraledighet" },
      });
    });

    it("never lets an admin deactivate themselves or take away their own admin role, and always keeps one active admin", async () => {
      const b = await admin();
      const self = await userId("admin@example.se");
      const page = `/arbetsyta/admin/personal/${self}`;
      expect((await b.get(page)).body).toContain("Du kan inte stänga av ditt eget konto");
      const selfOff = await form(b, page, `${page}/avaktivera`, { reason: "Test" });
      expect(selfOff.statusCode).toBe(400);
      const demote = await form(b, page, page, [
        ["name", "Karin Lindqvist"],
        ["roles", "employee"],
        ["units", await unitId("socialforvaltningen")],
      ]);
      expect(demote.statusCode).toBe(400);
      expect(demote.body).toContain("Du kan inte ta bort din egen roll som administratör");

      // Two admins remove each other at the same moment: one of them stays.
      const second = await createStaffUser(
        db(),
        { orgId: t.org.id, userId: null, label: "test" },
        {
          orgId: t.org.id,
          email: `admin2-${backend}@example.se`,
          name: "Andra Admin",
          roles: ["admin"],
          password: PASSWORD,
        },
      );
      if (!second.ok) throw new Error(second.error);
      const actor = (id: string, label: string) => ({ orgId: t.org.id, userId: id, label, ip: null, requestId: null });
      const deps = { db: db(), jobs: t.jobs, secret: t.config.sessionSecret };
      const say = sayer(messages, "sv");
      const results = await Promise.all([
        deactivateStaff(deps, actor(self, "Karin"), second.value.id, "Test", say),
        updateStaff(
          deps,
          actor(second.value.id, "Andra"),
          self,
          {
            name: "Karin Lindqvist",
            roles: ["employee"],
            unitIds: [],
            secrecyRight: false,
            reason: "",
          },
          say,
        ),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const refused = results.find((r) => !r.ok);
      expect(refused && !refused.ok && refused.kind === "invalid" ? refused.errors[0]?.message : "").toContain(
        "den enda aktiva administratören",
      );
      const admins = await db()
        .selectFrom("staff_users")
        .select("id")
        .where("active", "=", true)
        .where(sql<boolean>`'admin' = any(roles)`)
        .execute();
      expect(admins).toHaveLength(1);
      // Put things back as they were.
      await db()
        .updateTable("staff_users")
        .set({ roles: ["admin", "employee"] })
        .where("id", "=", self)
        .execute();
    });

    it("ends one session of a person; their other sessions go on", async () => {
      const laptop = await admin("chef@example.se");
      const phone = new Browser(t.app);
      expect((await phone.login("chef@example.se")).statusCode).toBe(303);
      const b = await admin();
      const id = await userId("chef@example.se");
      const page = `/arbetsyta/admin/personal/${id}`;
      const phoneSession = hashToken(phone.cookie(SESSION_COOKIE) as string);
      expect((await b.get(page)).body).toContain(`/sessioner/${phoneSession}/avsluta`);
      const res = await form(b, page, `${page}/sessioner/${phoneSession}/avsluta`, {});
      expect(res.statusCode).toBe(303);
      expect((await phone.get("/arbetsyta")).statusCode).toBe(303);
      expect((await laptop.get("/arbetsyta")).statusCode).toBe(200);
      expect((await auditOf("auth.session.end")).at(-1)).toMatchObject({
        subject_id: id,
        actor_label: "Karin Lindqvist <admin@example.se>",
      });
      expect((await form(b, page, `${page}/sessioner/${phoneSession}/avsluta`, {})).statusCode).toBe(404);
    });

    it("shows the sign-in history: sign-ins, wrong passwords, password resets, deactivation", async () => {
      const b = await admin();
      const id = await userId("lisa.ek@example.se");
      expect((await new Browser(t.app).login("lisa.ek@example.se", "fel lösenord igen")).statusCode).toBe(401);
      const page = await b.get(`/arbetsyta/admin/personal/${id}`);
      for (const text of [
        "Bjöds in",
        "Valde lösenord med inbjudan",
        "Loggade in",
        "med inbjudan",
        "med lösenord",
        "Skrev fel lösenord",
        "Kontot stängdes av",
        "Kontot aktiverades igen",
      ]) {
        expect(page.body, text).toContain(text);
      }
      expect(page.body).toContain("127.0.0.1");
    });

    it("lists, searches and pages the staff", async () => {
      const b = await admin();
      for (let i = 0; i < 55; i++) {
        await db()
          .insertInto("staff_users")
          .values({
            org_id: t.org.id,
            email: `person${String(i).padStart(2, "0")}@example.se`,
            name: `Person ${String(i).padStart(2, "0")}`,
            roles: ["employee"],
          })
          .execute();
      }
      const first = await b.get("/arbetsyta/admin/personal?q=person");
      expect(first.body).toContain("Personal: 55 personer");
      expect(first.body).toMatch(/href="\/arbetsyta\/admin\/personal\?q=person&(?:amp;)?sida=2"/);
      const second = await b.get("/arbetsyta/admin/personal?q=person&sida=2");
      expect(second.body).toContain("Person 54");
      expect(second.body).not.toContain("Person 00");
      const one = await b.get("/arbetsyta/admin/personal?q=Holmgren");
      expect(one.body).toContain("kommunikator@example.se");
      expect(one.body).toContain("Personal: 1 person<");
      expect((await b.get("/arbetsyta/admin/personal?visa=inbjudna")).body).toContain("Person 07");
      expect((await b.get(`/arbetsyta/admin/personal/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    });
  });

  describe("single sign-on accounts on first sign-in", () => {
    const issuer = "https://idp.exempelstad.se";
    const actor = () => ({ orgId: t.org.id, ip: "127.0.0.1", requestId: "test" });
    const signIn = (
      claims: { subject: string; email?: string; emailVerified?: boolean; name?: string },
      allowedDomains = ["exempelstad.se"],
    ) => findOrLinkOidcUser(db(), actor(), t.org.id, { issuer, ...claims }, { allowedDomains });

    it("creates an employee with no units for a verified address in an allowed domain, audited", async () => {
      const user = await signIn({
        subject: "sub-ny-1",
        email: "Ny.Person@Exempelstad.se",
        emailVerified: true,
        name: "Ny Person",
      });
      expect(user).toMatchObject({
        email: "ny.person@exempelstad.se",
        name: "Ny Person",
        roles: ["employee"],
        secrecy_right: false,
        oidc_subject: "sub-ny-1",
        password_hash: null,
      });
      expect(
        await db()
          .selectFrom("unit_memberships")
          .select("unit_id")
          .where("user_id", "=", user?.id as string)
          .execute(),
      ).toEqual([]);
      const entry = (await auditOf("user.create")).find((e) => e.subject_id === user?.id);
      expect(entry?.details).toMatchObject({ via: "sso", roles: ["employee"], domain: "exempelstad.se" });
      // The second sign-in finds the same account by its subject.
      expect((await signIn({ subject: "sub-ny-1", email: "ny.person@exempelstad.se", emailVerified: true }))?.id).toBe(
        user?.id,
      );
    });

    it("creates nobody for another domain, a look-alike domain, an unverified address, or when no domain is allowed", async () => {
      expect(await signIn({ subject: "sub-2", email: "someone@example.com", emailVerified: true })).toBeNull();
      expect(
        await signIn({ subject: "sub-3", email: "someone@exempelstad.se.example.com", emailVerified: true }),
      ).toBeNull();
      expect(await signIn({ subject: "sub-4", email: "someone@sub.exempelstad.se", emailVerified: true })).toBeNull();
      expect(await signIn({ subject: "sub-5", email: "unverified@exempelstad.se", emailVerified: false })).toBeNull();
      expect(await signIn({ subject: "sub-6", email: "unknown-verification@exempelstad.se" })).toBeNull();
      expect(
        await signIn({ subject: "sub-7", email: "nobody-allowed@exempelstad.se", emailVerified: true }, []),
      ).toBeNull();
      const created = await db()
        .selectFrom("staff_users")
        .select("email")
        .where("email", "in", [
          "someone@example.com",
          "unverified@exempelstad.se",
          "unknown-verification@exempelstad.se",
          "nobody-allowed@exempelstad.se",
        ])
        .execute();
      expect(created).toEqual([]);
    });

    it("links an invited person who signs in through the provider first, and closes the waiting invitation", async () => {
      const b = await admin();
      await form(b, "/arbetsyta/admin/personal/ny", "/arbetsyta/admin/personal/ny", [
        ["name", "Tove Sund"],
        ["email", "tove.sund@example.se"],
        ["roles", "manager"],
      ]);
      const linked = await signIn({ subject: "sub-tove", email: "tove.sund@example.se", emailVerified: true }, []);
      expect(linked).toMatchObject({ email: "tove.sund@example.se", roles: ["manager"], oidc_subject: "sub-tove" });
      const links = await db()
        .selectFrom("account_tokens")
        .select(["revoked_at", "used_at"])
        .where("user_id", "=", linked?.id as string)
        .execute();
      expect(links).toHaveLength(1);
      expect(links[0]?.revoked_at).not.toBeNull();
      expect((await auditOf("auth.oidc.link")).some((e) => e.subject_id === linked?.id)).toBe(true);
    });

    it("never lets a deactivated account in, by its subject or by a new address", async () => {
      const user = await signIn({ subject: "sub-leaver", email: "leaver@exempelstad.se", emailVerified: true });
      await db()
        .updateTable("staff_users")
        .set({ active: false })
        .where("id", "=", user?.id as string)
        .execute();
      expect(await signIn({ subject: "sub-leaver", email: "leaver@exempelstad.se", emailVerified: true })).toBeNull();
      expect(
        await signIn({ subject: "sub-leaver", email: "leaver.new@exempelstad.se", emailVerified: true }),
      ).toBeNull();
      expect(await signIn({ subject: "sub-other", email: "leaver@exempelstad.se", emailVerified: true })).toBeNull();
    });
  });

  describe("a forgotten password", () => {
    it("answers the same for a known and an unknown address, and mails only the known one", async () => {
      const b = new Browser(t.app);
      const known = await form(b, "/logga-in/glomt-losenord", "/logga-in/glomt-losenord", {
        email: "Medarbetare@example.se",
      });
      const unknown = await form(b, "/logga-in/glomt-losenord", "/logga-in/glomt-losenord", {
        email: "finns-inte@example.se",
      });
      expect(known.statusCode).toBe(303);
      expect(unknown.statusCode).toBe(303);
      expect(known.headers.location).toBe(unknown.headers.location);
      const page = await b.get(known.headers.location as string);
      expect(page.body).toContain("Om adressen finns hos oss har vi skickat en länk");
      const mail = await mailTo("medarbetare@example.se", "Byt lösenord i Klarsvar");
      expect(mail.text).toContain("gäller i en timme");
      await until(async () =>
        (await auditOf("auth.password.reset.request")).some(
          (e) => (e.details as { outcome?: string }).outcome === "unknown",
        ),
      );
      expect((await parsedMails(outbox)).some((m) => m.to.includes("finns-inte"))).toBe(false);
    });

    it("sets a new password once through the link, ends the other sessions and signs in; the link then stops working", async () => {
      const elsewhere = new Browser(t.app);
      expect((await elsewhere.login("kommunikator@example.se")).statusCode).toBe(303);
      const b = new Browser(t.app);
      await form(b, "/logga-in/glomt-losenord", "/logga-in/glomt-losenord", { email: "kommunikator@example.se" });
      const link = pathOf(linkIn(await mailTo("kommunikator@example.se", "Byt lösenord"), "/logga-in/nytt-losenord/"));
      // Only the hash of the token is stored.
      const token = link.split("/").pop() as string;
      const stored = await db()
        .selectFrom("account_tokens")
        .select(["token_hash", "expires_at", "created_at"])
        .where("token_hash", "=", hashToken(token))
        .executeTakeFirstOrThrow();
      expect(JSON.stringify(await db().selectFrom("account_tokens").selectAll().execute())).not.toContain(token);
      expect(new Date(stored.expires_at).getTime() - new Date(stored.created_at).getTime()).toBe(3_600_000);

      const shown = await b.get(link);
      expect(shown.body).toContain("Välj ett nytt lösenord");
      expect(shown.headers["cache-control"]).toBe("no-store");
      const short = await form(b, link, link, { password: "kort", confirm: "kort" });
      expect(short.statusCode).toBe(400);
      expect(short.body).toContain('href="#password"');
      const mismatch = await form(b, link, link, { password: PASSWORD, confirm: `${PASSWORD}!` });
      expect(mismatch.body).toContain("Skriv samma lösenord i båda fälten");
      const ok = await form(b, link, link, { password: PASSWORD, confirm: PASSWORD });
      expect(ok.statusCode).toBe(303);
      expect(ok.headers.location).toBe("/arbetsyta");
      expect((await b.get("/arbetsyta")).body).toContain("Hej Sara Holmgren!");
      // The other browser is signed out at its next request.
      expect((await elsewhere.get("/arbetsyta")).statusCode).toBe(303);

      // Single use: the same link again shows why it does not work, and the way to a new one.
      const again = await new Browser(t.app).get(link);
      expect(again.statusCode).toBe(410);
      expect(again.body).toContain("Länken fungerar inte längre");
      expect(again.body).toContain('href="/logga-in/glomt-losenord"');
      const reuse = await form(new Browser(t.app), "/logga-in", link, {
        password: "ett annat långt lösenord",
        confirm: "ett annat långt lösenord",
      });
      expect(reuse.statusCode).toBe(410);
      expect((await new Browser(t.app).login("kommunikator@example.se", PASSWORD)).statusCode).toBe(303);
      const entry = (await auditOf("auth.password.reset")).at(-1);
      expect(entry?.actor_label).toContain("kommunikator@example.se");
      expect((entry?.details as { sessionsEnded?: number }).sessionsEnded).toBe(1);
    });

    it("does not accept a link after its hour", async () => {
      const b = new Browser(t.app);
      await form(b, "/logga-in/glomt-losenord", "/logga-in/glomt-losenord", { email: "handlaggare@example.se" });
      const link = pathOf(linkIn(await mailTo("handlaggare@example.se", "Byt lösenord"), "/logga-in/nytt-losenord/"));
      await db()
        .updateTable("account_tokens")
        .set({ expires_at: new Date(Date.now() - 1000) })
        .where("token_hash", "=", hashToken(link.split("/").pop() as string))
        .execute();
      expect((await b.get(link)).statusCode).toBe(410);
      const late = await form(b, "/logga-in", link, { password: PASSWORD, confirm: PASSWORD });
      expect(late.statusCode).toBe(410);
      expect((await new Browser(t.app).login("handlaggare@example.se", PASSWORD)).statusCode).toBe(401);
    });

    it("sends nothing to a deactivated account, and at most three links an hour to one address", async () => {
      const user = await db()
        .selectFrom("staff_users")
        .select("id")
        .where("email", "=", "registrator@example.se")
        .executeTakeFirstOrThrow();
      await db().updateTable("staff_users").set({ active: false }).where("id", "=", user.id).execute();
      const b = new Browser(t.app);
      await form(b, "/logga-in/glomt-losenord", "/logga-in/glomt-losenord", { email: "registrator@example.se" });
      await until(async () =>
        (await auditOf("auth.password.reset.request")).some(
          (e) => e.subject_id === user.id && (e.details as { outcome?: string }).outcome === "inactive",
        ),
      );
      await db().updateTable("staff_users").set({ active: true }).where("id", "=", user.id).execute();
      // Three links in the last hour already: the fourth request sends nothing.
      const org = t.org.id;
      for (let i = 0; i < 3; i++) {
        await db()
          .insertInto("account_tokens")
          .values({
            id: crypto.randomUUID(),
            org_id: org,
            user_id: user.id,
            purpose: "password_reset",
            token_hash: `x${i}${backend}`,
            expires_at: new Date(Date.now() + 60_000),
          })
          .execute();
      }
      await t.jobs.send("auth.request-password-reset", { email: "registrator@example.se", ip: null, requestId: null });
      await until(async () =>
        (await auditOf("auth.password.reset.request")).some(
          (e) => e.subject_id === user.id && (e.details as { outcome?: string }).outcome === "limited",
        ),
      );
      expect((await parsedMails(outbox)).filter((m) => m.to === "registrator@example.se")).toEqual([]);
    });

    it("asks for an address, and keeps what was typed", async () => {
      const b = new Browser(t.app);
      const empty = await form(b, "/logga-in/glomt-losenord", "/logga-in/glomt-losenord", { email: "" });
      expect(empty.statusCode).toBe(400);
      expect(empty.body).toContain("<title>Fel: ");
      expect(empty.body).toContain('href="#email"');
      const bad = await form(b, "/logga-in/glomt-losenord", "/logga-in/glomt-losenord", { email: "inte-en-adress" });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('value="inte-en-adress"');
    });
  });
});

describe("a forgotten password, from one address and for one address", () => {
  let t: TestApp;
  const outbox = join("data", "outbox-people-limits");
  beforeAll(async () => {
    await rm(outbox, { recursive: true, force: true });
    t = await startTestApp({
      work: true,
      demoContent: false,
      env: { LOGIN_RATE_LIMIT_PER_MINUTE: "3", MAIL_OUTBOX_DIR: outbox },
    });
  });
  afterAll(async () => {
    await t?.close();
    await rm(outbox, { recursive: true, force: true });
  });

  it("sends one link however often one address is asked for, and slows down one computer that asks too often", async () => {
    const b = new Browser(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const token = await b.csrfFrom("/logga-in/glomt-losenord");
      statuses.push((await b.post("/logga-in/glomt-losenord", { _csrf: token, email: "chef@example.se" })).statusCode);
    }
    expect(statuses).toEqual([303, 303, 303, 429]);
    await until(async () => (await parsedMails(outbox)).length > 0);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await parsedMails(outbox)).filter((m) => m.to === "chef@example.se")).toHaveLength(1);
    expect(await t.database.db.selectFrom("account_tokens").select("id").execute()).toHaveLength(1);
  });
});
