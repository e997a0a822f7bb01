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
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "../src/platform/auth/sessions.js";
import { findOrLinkOidcUser } from "../src/platform/auth/users.js";
import { Browser, startTestApp, type TestApp } from "./app.js";
import { BACKENDS } from "./db.js";
import { parsedMails, until, type ParsedMail } from "./outbox.js";

const PASSWORD = "ett långt och bra lösenord";

describe.each(BACKENDS)("account administration on %s", (backend) => {
  let t: TestApp;
  const outbox = join("data", `outbox-people-${backend}`);

  beforeAll(async () => {
    await rm(outbox, { recursive: true, force: true });
    t = await startTestApp({ backend, work: true, demoContent: false, env: { LOGIN_RATE_LIMIT_PER_MINUTE: "1000", MAIL_OUTBOX_DIR: outbox } });
  });
  afterAll(async () => {
    await t?.close();
    await rm(outbox, { recursive: true, force: true });
  });

  const db = () => t.database.db;
  const mailTo = (to: string, subject: string) => until(async () => (await parsedMails(outbox)).filter((m) => m.to === to && m.subject.startsWith(subject)).at(-1));
  const linkIn = (mail: ParsedMail, path: string) => new RegExp(`https?://[^\\s]+${path}[\\w-]+`).exec(mail.text)?.[0] as string;
  const pathOf = (url: string) => new URL(url).pathname;
  const auditOf = async (action: string) => db().selectFrom("audit_log").selectAll().where("action", "=", action).orderBy("id").execute();

  async function form(b: Browser, page: string, action: string, fields: Record<string, string> | [string, string][]) {
    const token = await b.csrfFrom(page);
    const pairs: [string, string][] = Array.isArray(fields) ? fields : Object.entries(fields);
    return b.post(action, [["_csrf", token], ...pairs]);
  }

  describe("single sign-on accounts on first sign-in", () => {
    const issuer = "https://idp.exempelstad.se";
    const actor = () => ({ orgId: t.org.id, ip: "127.0.0.1", requestId: "test" });
    const signIn = (claims: { subject: string; email?: string; emailVerified?: boolean; name?: string }, allowedDomains = ["exempelstad.se"]) =>
      findOrLinkOidcUser(db(), actor(), t.org.id, { issuer, ...claims }, { allowedDomains });

    it("creates an employee with no units for a verified address in an allowed domain, audited", async () => {
      const user = await signIn({ subject: "sub-ny-1", email: "Ny.Person@Exempelstad.se", emailVerified: true, name: "Ny Person" });
      expect(user).toMatchObject({ email: "ny.person@exempelstad.se", name: "Ny Person", roles: ["employee"], secrecy_right: false, oidc_subject: "sub-ny-1", password_hash: null });
      expect(await db().selectFrom("unit_memberships").select("unit_id").where("user_id", "=", user?.id as string).execute()).toEqual([]);
      const entry = (await auditOf("user.create")).find((e) => e.subject_id === user?.id);
      expect(entry?.details).toMatchObject({ via: "sso", roles: ["employee"], domain: "exempelstad.se" });
      // The second sign-in finds the same account by its subject.
      expect((await signIn({ subject: "sub-ny-1", email: "ny.person@exempelstad.se", emailVerified: true }))?.id).toBe(user?.id);
    });

    it("creates nobody for another domain, a look-alike domain, an unverified address, or when no domain is allowed", async () => {
      expect(await signIn({ subject: "sub-2", email: "someone@example.com", emailVerified: true })).toBeNull();
      expect(await signIn({ subject: "sub-3", email: "someone@exempelstad.se.example.com", emailVerified: true })).toBeNull();
      expect(await signIn({ subject: "sub-4", email: "someone@sub.exempelstad.se", emailVerified: true })).toBeNull();
      expect(await signIn({ subject: "sub-5", email: "unverified@exempelstad.se", emailVerified: false })).toBeNull();
      expect(await signIn({ subject: "sub-6", email: "unknown-verification@exempelstad.se" })).toBeNull();
      expect(await signIn({ subject: "sub-7", email: "nobody-allowed@exempelstad.se", emailVerified: true }, [])).toBeNull();
      const created = await db().selectFrom("staff_users").select("email").where("email", "in", ["someone@example.com", "unverified@exempelstad.se", "unknown-verification@exempelstad.se", "nobody-allowed@exempelstad.se"]).execute();
      expect(created).toEqual([]);
    });

    it("never lets a deactivated account in, by its subject or by a new address", async () => {
      const user = await signIn({ subject: "sub-leaver", email: "leaver@exempelstad.se", emailVerified: true });
      await db().updateTable("staff_users").set({ active: false }).where("id", "=", user?.id as string).execute();
      expect(await signIn({ subject: "sub-leaver", email: "leaver@exempelstad.se", emailVerified: true })).toBeNull();
      expect(await signIn({ subject: "sub-leaver", email: "leaver.new@exempelstad.se", emailVerified: true })).toBeNull();
      expect(await signIn({ subject: "sub-other", email: "leaver@exempelstad.se", emailVerified: true })).toBeNull();
    });
  });

  describe("a forgotten password", () => {
    it("answers the same for a known and an unknown address, and mails only the known one", async () => {
      const b = new Browser(t.app);
      const known = await form(b, "/logga-in/glomt-losenord", "/logga-in/glomt-losenord", { email: "Medarbetare@example.se" });
      const unknown = await form(b, "/logga-in/glomt-losenord", "/logga-in/glomt-losenord", { email: "finns-inte@example.se" });
      expect(known.statusCode).toBe(303);
      expect(unknown.statusCode).toBe(303);
      expect(known.headers.location).toBe(unknown.headers.location);
      const page = await b.get(known.headers.location as string);
      expect(page.body).toContain("Om adressen finns hos oss har vi skickat en länk");
      const mail = await mailTo("medarbetare@example.se", "Byt lösenord i Klarsvar");
      expect(mail.text).toContain("gäller i en timme");
      await until(async () => (await auditOf("auth.password.reset.request")).some((e) => (e.details as { outcome?: string }).outcome === "unknown"));
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
      const stored = await db().selectFrom("account_tokens").select(["token_hash", "expires_at", "created_at"]).where("token_hash", "=", hashToken(token)).executeTakeFirstOrThrow();
      expect(JSON.stringify(await db().selectFrom("account_tokens").selectAll().execute())).not.toContain(token);
      expect(new Date(stored.expires_at).getTime() - new Date(stored.created_at).getTime()).toBe(3_600_000);

      expect((await b.get(link)).body).toContain("Välj ett nytt lösenord");
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
      const reuse = await form(new Browser(t.app), "/logga-in", link, { password: "ett annat långt lösenord", confirm: "ett annat långt lösenord" });
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
      await db().updateTable("account_tokens").set({ expires_at: new Date(Date.now() - 1000) }).where("token_hash", "=", hashToken(link.split("/").pop() as string)).execute();
      expect((await b.get(link)).statusCode).toBe(410);
      const late = await form(b, "/logga-in", link, { password: PASSWORD, confirm: PASSWORD });
      expect(late.statusCode).toBe(410);
      expect((await new Browser(t.app).login("handlaggare@example.se", PASSWORD)).statusCode).toBe(401);
    });

    it("sends nothing to a deactivated account, and at most three links an hour to one address", async () => {
      const user = await db().selectFrom("staff_users").select("id").where("email", "=", "registrator@example.se").executeTakeFirstOrThrow();
      await db().updateTable("staff_users").set({ active: false }).where("id", "=", user.id).execute();
      const b = new Browser(t.app);
      await form(b, "/logga-in/glomt-losenord", "/logga-in/glomt-losenord", { email: "registrator@example.se" });
      await until(async () => (await auditOf("auth.password.reset.request")).some((e) => e.subject_id === user.id && (e.details as { outcome?: string }).outcome === "inactive"));
      await db().updateTable("staff_users").set({ active: true }).where("id", "=", user.id).execute();
      // Three links in the last hour already: the fourth request sends nothing.
      const org = t.org.id;
      for (let i = 0; i < 3; i++) {
        await db().insertInto("account_tokens").values({ id: crypto.randomUUID(), org_id: org, user_id: user.id, purpose: "password_reset", token_hash: `x${i}${backend}`, expires_at: new Date(Date.now() + 60_000) }).execute();
      }
      await t.jobs.send("auth.request-password-reset", { email: "registrator@example.se", ip: null, requestId: null });
      await until(async () => (await auditOf("auth.password.reset.request")).some((e) => e.subject_id === user.id && (e.details as { outcome?: string }).outcome === "limited"));
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
