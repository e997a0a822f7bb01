/**
 * Facebook and Instagram in through Meta's webhook, as Meta sends it: the handshake, signed
 * deliveries (good, bad, missing, replayed), page comments, Messenger threads, Instagram
 * comments, deliveries we cannot use, and a restart in the middle of a burst.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replyToCase, inboxDepsFor } from "../src/modules/inbox/index.js";
import { computeMeasures } from "../src/modules/inbox/measures.js";
import { pollMastodon } from "../src/modules/social/mastodon.js";
import { metaSignature } from "../src/modules/social/signature.js";
import { decryptToken, encryptToken } from "../src/modules/social/tokens.js";
import { Browser, startTestApp, type TestApp } from "./app.js";
import { BACKENDS, freshDatabase, type TestDatabase } from "./db.js";
import { FakeGraph } from "./fakes/graph.js";
import { FakeMastodon } from "./fakes/mastodon.js";

const SECRET = "meta-app-secret-for-tests-0123456789";
const VERIFY = "verify-token-for-tests-0123456789";
const PAGE = "100200300";
const IG = "178414000111";
const ENV = { META_APP_SECRET: SECRET, META_VERIFY_TOKEN: VERIFY, RATE_LIMIT_PER_MINUTE: "10000" };

let seq = 0;
function pageComment(
  opts: { id?: string; parent?: string; from?: string; name?: string; text?: string; page?: string } = {},
) {
  const id = opts.id ?? `${PAGE}_${++seq}00${Date.now() % 100000}`;
  return {
    object: "page",
    entry: [
      {
        id: opts.page ?? PAGE,
        time: Math.floor(Date.now() / 1000),
        changes: [
          {
            field: "feed",
            value: {
              item: "comment",
              verb: "add",
              comment_id: id,
              post_id: `${PAGE}_555`,
              parent_id: opts.parent ?? `${PAGE}_555`,
              from: { id: opts.from ?? "900001", name: opts.name ?? "Lena Exempel" },
              message: opts.text ?? "När öppnar budgetrådgivningen efter jul?",
              created_time: Math.floor(Date.now() / 1000),
            },
          },
        ],
      },
    ],
  };
}

function messenger(mid: string, from: string, text: string, echo = false) {
  return {
    object: "page",
    entry: [
      {
        id: PAGE,
        time: Date.now(),
        messaging: [
          {
            sender: { id: echo ? PAGE : from },
            recipient: { id: echo ? from : PAGE },
            timestamp: Date.now(),
            message: { mid, text, ...(echo ? { is_echo: true } : {}) },
          },
        ],
      },
    ],
  };
}

describe.each(BACKENDS)("Meta webhook on %s", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ backend, work: true, env: ENV });
    await addAccounts(t);
  });
  afterAll(async () => t?.close());

  async function deliver(payload: unknown, signature?: string | null) {
    const body = Buffer.from(typeof payload === "string" ? payload : JSON.stringify(payload));
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (signature !== null) headers["x-hub-signature-256"] = signature ?? metaSignature(SECRET, body);
    return t.app.inject({ method: "POST", url: "/webhooks/meta", payload: body, headers });
  }

  async function settled() {
    for (let i = 0; i < 200; i++) {
      const pending = await t.database.db
        .selectFrom("social_events")
        .select("id")
        .where("status", "=", "pending")
        .execute();
      if (pending.length === 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("events still pending");
  }

  const caseOf = async (externalId: string) =>
    t.database.db
      .selectFrom("social_items as i")
      .innerJoin("cases as c", "c.id", "i.case_id")
      .select(["c.id", "c.channel", "c.subject", "c.requester_name", "c.received_at", "c.first_answer_due"])
      .where("i.external_id", "=", externalId)
      .executeTakeFirst();

  it("lets an admin connect an account: the token is stored encrypted and never shown or logged", async () => {
    const admin = new Browser(t.app);
    expect((await admin.login("admin@example.se")).statusCode).toBe(303);
    const page = await admin.get("/arbetsyta/admin/sociala-medier");
    expect(page.body).toContain("/webhooks/meta");
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] as string;
    const bad = await admin.post("/arbetsyta/admin/sociala-medier", {
      _csrf: token,
      platform: "mastodon",
      name: "Mastodon",
      externalId: "1",
      baseUrl: "ftp://x",
      token: "kort",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Skriv instansens adress");
    expect(bad.body).toContain("Klistra in kontots åtkomstnyckel");
    const secret = "EAAB-page-token-very-secret-123456";
    expect(
      (
        await admin.post("/arbetsyta/admin/sociala-medier", {
          _csrf: token,
          platform: "facebook",
          name: "Familjehemsenheten",
          externalId: "100200399",
          baseUrl: "",
          token: secret,
        })
      ).statusCode,
    ).toBe(303);
    const row = await t.database.db
      .selectFrom("social_accounts")
      .select(["id", "token_encrypted"])
      .where("external_id", "=", "100200399")
      .executeTakeFirstOrThrow();
    expect(row.token_encrypted).not.toContain(secret);
    expect(decryptToken(t.config.social.tokenKey, row.token_encrypted)).toBe(secret);
    const after = await admin.get("/arbetsyta/admin/sociala-medier");
    expect(after.body).toContain("Familjehemsenheten");
    expect(after.body).not.toContain(secret);
    const logged = await t.database.db
      .selectFrom("audit_log")
      .select("details")
      .where("subject_id", "=", row.id)
      .execute();
    expect(JSON.stringify(logged)).not.toContain(secret);
    expect((await new Browser(t.app).get("/arbetsyta/admin/sociala-medier")).statusCode).toBe(303);
  });

  it("answers the subscription handshake only with the right verify token", async () => {
    const ok = await t.app.inject({
      url: `/webhooks/meta?hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=1158201444`,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe("1158201444");
    expect(
      (await t.app.inject({ url: "/webhooks/meta?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1" }))
        .statusCode,
    ).toBe(403);
  });

  it("refuses a wrong or missing signature and stores nothing; a good one is stored before the 200", async () => {
    const before = await t.database.db.selectFrom("social_events").select("id").execute();
    expect((await deliver(pageComment(), "sha256=" + "0".repeat(64))).statusCode).toBe(403);
    expect((await deliver(pageComment(), null)).statusCode).toBe(403);
    expect(
      (await deliver(pageComment(), metaSignature("another-secret-0123456789", Buffer.from("{}")))).statusCode,
    ).toBe(403);
    expect((await t.database.db.selectFrom("social_events").select("id").execute()).length).toBe(before.length);
    const res = await deliver(pageComment());
    expect(res.statusCode).toBe(200);
    expect((await t.database.db.selectFrom("social_events").select("id").execute()).length).toBe(before.length + 1);
  });

  it("turns a page comment into a case answered within 4 working hours; a replayed delivery creates nothing new", async () => {
    const payload = pageComment({
      id: `${PAGE}_7001`,
      name: "Lena Exempel",
      text: "Hur ansöker man om ekonomiskt bistånd?",
    });
    expect((await deliver(payload)).statusCode).toBe(200);
    expect((await deliver(payload)).statusCode).toBe(200);
    await settled();
    const c = await caseOf(`${PAGE}_7001`);
    expect(c).toMatchObject({ channel: "facebook", subject: "Kommentar på Facebook", requester_name: "Lena Exempel" });
    const cases = await t.database.db
      .selectFrom("case_messages")
      .select("case_id")
      .where("external_id", "=", `meta:facebook:${PAGE}_7001`)
      .execute();
    expect(cases).toHaveLength(1);
    // A reply under that comment continues the same case.
    await deliver(pageComment({ id: `${PAGE}_7002`, parent: `${PAGE}_7001`, text: "Och hur lång tid tar det?" }));
    await settled();
    expect((await caseOf(`${PAGE}_7002`))?.id).toBe(c?.id);
    // Our own comment (from the page) is not a question.
    await deliver(pageComment({ id: `${PAGE}_7003`, from: PAGE, text: "Hej Lena! Vi svarar i Messenger." }));
    await settled();
    expect(await caseOf(`${PAGE}_7003`)).toBeUndefined();
  });

  it("keeps a Messenger conversation in one case and ignores our own echoes", async () => {
    await deliver(messenger("m_1", "2400001", "Hej, jag behöver prata med någon om min ekonomi."));
    await new Promise((r) => setTimeout(r, 5));
    await deliver(messenger("m_2", "2400001", "Kan ni ringa mig i morgon?"));
    await deliver(messenger("m_3", "2400001", "Vi ringer dig i morgon förmiddag.", true));
    await settled();
    const first = await caseOf("m_1");
    expect(first).toMatchObject({ channel: "facebook", subject: "Meddelande i Messenger" });
    expect((await caseOf("m_2"))?.id).toBe(first?.id);
    expect(await caseOf("m_3")).toBeUndefined();
    // Deliveries may be worked in any order; the conversation reads in the order it was written.
    const messages = await t.database.db
      .selectFrom("case_messages")
      .select("body")
      .where("case_id", "=", first?.id as string)
      .where("direction", "=", "in")
      .orderBy("created_at")
      .execute();
    expect(messages.map((m) => m.body)).toEqual([
      "Hej, jag behöver prata med någon om min ekonomi.",
      "Kan ni ringa mig i morgon?",
    ]);
  });

  it("turns an Instagram comment into a case", async () => {
    await deliver({
      object: "instagram",
      entry: [
        {
          id: IG,
          time: Math.floor(Date.now() / 1000),
          changes: [
            {
              field: "comments",
              value: {
                id: "17865799348089039",
                text: "Finns det stöd för unga som mår dåligt?",
                from: { id: "17841401", username: "exempel.ung" },
                media: { id: "18000111", media_product_type: "FEED" },
              },
            },
          ],
        },
      ],
    });
    await settled();
    expect(await caseOf("17865799348089039")).toMatchObject({
      channel: "instagram",
      subject: "Kommentar på Instagram",
      requester_name: "exempel.ung",
    });
  });

  it("lets staff mark a comment as needing no answer: off the board, counted for itself in the measures", async () => {
    await deliver(pageComment({ id: `${PAGE}_7101`, text: "Tack för all hjälp, ni är fantastiska!" }));
    await settled();
    const c = await caseOf(`${PAGE}_7101`);
    const staff = new Browser(t.app);
    expect((await staff.login("kommunikator@example.se")).statusCode).toBe(303);
    const token = await staff.csrfFrom(`/arbetsyta/arenden/${c?.id}`);
    expect(
      (await staff.post(`/arbetsyta/arenden/${c?.id}/ringa-betydelse`, { _csrf: token, ringa: "ja" })).statusCode,
    ).toBe(303);
    const m = await computeMeasures(
      t.database.db,
      t.org.id,
      new Date(Date.now() - 86_400_000),
      new Date(Date.now() + 86_400_000),
    );
    expect(m.noAnswerNeeded).toBeGreaterThanOrEqual(1);
    expect((await staff.get("/arbetsyta/inkorg")).body).not.toContain(`/arbetsyta/arenden/${c?.id}"`);
  });

  it("answers 200 to what it cannot use and does nothing with it: malformed JSON, unknown events, pages we do not manage", async () => {
    const casesBefore = await t.database.db.selectFrom("cases").select("id").execute();
    expect((await deliver("{ not json")).statusCode).toBe(200);
    expect((await deliver({ object: "whatsapp_business_account", entry: [] })).statusCode).toBe(200);
    expect(
      (
        await deliver({
          object: "page",
          entry: [
            { id: PAGE, changes: [{ field: "feed", value: { item: "reaction", verb: "add", reaction_type: "like" } }] },
          ],
        })
      ).statusCode,
    ).toBe(200);
    expect((await deliver(pageComment({ page: "999999", id: "999999_1" }))).statusCode).toBe(200);
    await settled();
    expect((await t.database.db.selectFrom("cases").select("id").execute()).length).toBe(casesBefore.length);
    const notes = await t.database.db
      .selectFrom("social_events")
      .select(["status", "note"])
      .where("status", "=", "ignored")
      .execute();
    expect(notes.map((n) => n.note)).toEqual(
      expect.arrayContaining(["Felaktig JSON", "Ingen kommentar eller inget meddelande i leveransen"]),
    );
  });
});

async function addAccounts(t: TestApp): Promise<void> {
  await t.database.db
    .insertInto("social_accounts")
    .values([
      {
        org_id: t.org.id,
        platform: "facebook",
        external_id: PAGE,
        name: "Socialförvaltningen Exempelstad",
        token_encrypted: encryptToken(t.config.social.tokenKey, "page-token-fb"),
      },
      {
        org_id: t.org.id,
        platform: "instagram",
        external_id: IG,
        name: "@socialforvaltningen",
        token_encrypted: encryptToken(t.config.social.tokenKey, "page-token-ig"),
      },
    ])
    .onConflict((oc) => oc.doNothing())
    .execute();
}

describe.each(BACKENDS)("a burst of Meta deliveries and a restart on %s", (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await freshDatabase(backend);
  });
  afterAll(async () => database?.close());

  it("absorbs 300 deliveries, stops in the middle of working them, and after the restart has every comment once", async () => {
    const first = await startTestApp({ database, work: true, env: ENV });
    await addAccounts(first);
    const ids = Array.from({ length: 300 }, (_, i) => `${PAGE}_burst${i}`);
    const started = Date.now();
    for (const id of ids) {
      const body = Buffer.from(JSON.stringify(pageComment({ id, text: `Fråga nummer ${id} om öppettider.` })));
      const res = await first.app.inject({
        method: "POST",
        url: "/webhooks/meta",
        payload: body,
        headers: { "content-type": "application/json", "x-hub-signature-256": metaSignature(SECRET, body) },
      });
      expect(res.statusCode).toBe(200);
    }
    const burstMs = Date.now() - started;
    // Every delivery is stored before its 200 …
    expect((await database.db.selectFrom("social_events").select("id").execute()).length).toBe(300);
    // … and the process stops while the jobs are still being worked.
    await first.close();
    const done = await database.db.selectFrom("social_items").select("id").execute();
    console.log(`${backend}: 300 deliveries accepted in ${burstMs} ms; ${done.length} worked before the stop`);

    const second = await startTestApp({ database, work: true, env: ENV });
    try {
      // Meta redelivers some of them after the restart, too.
      for (const id of ids.slice(0, 20)) {
        const body = Buffer.from(JSON.stringify(pageComment({ id, text: `Fråga nummer ${id} om öppettider.` })));
        await second.app.inject({
          method: "POST",
          url: "/webhooks/meta",
          payload: body,
          headers: { "content-type": "application/json", "x-hub-signature-256": metaSignature(SECRET, body) },
        });
      }
      for (let i = 0; i < 600; i++) {
        const pending = await database.db
          .selectFrom("social_events")
          .select("id")
          .where("status", "=", "pending")
          .execute();
        if (pending.length === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const items = await database.db
        .selectFrom("social_items")
        .select(["external_id", "case_id"])
        .where("external_id", "like", `${PAGE}_burst%`)
        .execute();
      expect(items).toHaveLength(300);
      expect(new Set(items.map((i) => i.case_id)).size).toBe(300);
      const messages = await database.db
        .selectFrom("case_messages")
        .select("external_id")
        .where("external_id", "like", `meta:facebook:${PAGE}_burst%`)
        .execute();
      expect(messages).toHaveLength(300);
    } finally {
      await second.close();
    }
  }, 180_000);
});

describe.each(BACKENDS)("answers going back to Facebook and Instagram on %s", (backend) => {
  let t: TestApp;
  const graph = new FakeGraph(new Set(["page-token-fb", "page-token-ig"]));
  beforeAll(async () => {
    await graph.start();
    t = await startTestApp({
      backend,
      work: true,
      env: { ...ENV, META_GRAPH_URL: graph.url, MAIL_RETRY_DELAY_SECONDS: "1" },
    });
    await addAccounts(t);
  });
  afterAll(async () => {
    await t?.close();
    await graph.stop();
  });

  async function deliver(payload: unknown) {
    const body = Buffer.from(JSON.stringify(payload));
    const res = await t.app.inject({
      method: "POST",
      url: "/webhooks/meta",
      payload: body,
      headers: { "content-type": "application/json", "x-hub-signature-256": metaSignature(SECRET, body) },
    });
    expect(res.statusCode).toBe(200);
    for (let i = 0; i < 200; i++) {
      const pending = await t.database.db
        .selectFrom("social_events")
        .select("id")
        .where("status", "=", "pending")
        .execute();
      if (pending.length === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function answer(externalId: string, text: string) {
    const item = await t.database.db
      .selectFrom("social_items")
      .select("case_id")
      .where("external_id", "=", externalId)
      .executeTakeFirstOrThrow();
    const staff = await t.database.db
      .selectFrom("staff_users")
      .select("id")
      .where("email", "=", "kommunikator@example.se")
      .executeTakeFirstOrThrow();
    const result = await replyToCase(
      inboxDepsFor(t.app.klarsvar.context),
      { orgId: t.org.id, userId: staff.id, label: "test" },
      item.case_id as string,
      text,
    );
    expect(result.ok).toBe(true);
    const message = await t.database.db
      .selectFrom("case_messages")
      .select("id")
      .where("case_id", "=", item.case_id as string)
      .where("direction", "=", "out")
      .orderBy("created_at", "desc")
      .executeTakeFirstOrThrow();
    for (let i = 0; i < 200; i++) {
      const m = await t.database.db
        .selectFrom("case_messages")
        .select("delivery_status")
        .where("id", "=", message.id)
        .executeTakeFirstOrThrow();
      if (m.delivery_status !== "queued") break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const events = await t.database.db
      .selectFrom("case_events")
      .select(["type", "details"])
      .where("case_id", "=", item.case_id as string)
      .execute();
    const final = await t.database.db
      .selectFrom("case_messages")
      .select("delivery_status")
      .where("id", "=", message.id)
      .executeTakeFirstOrThrow();
    return {
      caseId: item.case_id as string,
      status: final.delivery_status,
      failure: events.find((e) => e.type === "delivery-failed")?.details as { reason?: string } | undefined,
    };
  }

  it("answers a page comment publicly under it, with the page's token", async () => {
    await deliver(pageComment({ id: `${PAGE}_8001`, text: "Var kan jag få hjälp med budget?" }));
    const r = await answer(`${PAGE}_8001`, "Hej! Ring budgetrådgivningen på 070-174 06 11.");
    expect(r.status).toBe("sent");
    expect(graph.calls.at(-1)).toEqual({
      path: `/${PAGE}_8001/comments`,
      token: "page-token-fb",
      body: { message: "Hej! Ring budgetrådgivningen på 070-174 06 11." },
    });
    const out = await t.database.db
      .selectFrom("social_items")
      .select(["direction", "kind", "parent_external_id"])
      .where("case_id", "=", r.caseId)
      .where("direction", "=", "out")
      .executeTakeFirstOrThrow();
    expect(out).toEqual({ direction: "out", kind: "reply", parent_external_id: `${PAGE}_8001` });
  });

  it("answers Messenger within 24 hours as a RESPONSE, and says why not after 24 hours", async () => {
    await deliver(messenger("m_8101", "2400555", "Hej, vad gäller för försörjningsstöd?"));
    const r = await answer("m_8101", "Hej! Du kan läsa om det på vår webbplats.");
    expect(r.status).toBe("sent");
    expect(graph.calls.at(-1)).toEqual({
      path: `/${PAGE}/messages`,
      token: "page-token-fb",
      body: {
        recipient: { id: "2400555" },
        messaging_type: "RESPONSE",
        message: { text: "Hej! Du kan läsa om det på vår webbplats." },
      },
    });
    await deliver(messenger("m_8102", "2400666", "Hej, en fråga om kontaktfamilj."));
    await t.database.db
      .updateTable("social_items")
      .set({ created_at: new Date(Date.now() - 25 * 3_600_000) })
      .where("external_id", "=", "m_8102")
      .execute();
    const calls = graph.calls.length;
    const late = await answer("m_8102", "Hej! Förlåt att vi svarar sent.");
    expect(late.status).toBe("failed");
    expect(late.failure?.reason).toContain("bara svar inom 24 timmar");
    expect(graph.calls.length).toBe(calls);
  });

  it("answers an Instagram comment under it", async () => {
    await deliver({
      object: "instagram",
      entry: [
        {
          id: IG,
          time: Math.floor(Date.now() / 1000),
          changes: [
            {
              field: "comments",
              value: {
                id: "17865799348089999",
                text: "Vilka öppettider har träffpunkten?",
                from: { id: "17841402", username: "exempel.vuxen" },
                media: { id: "18000222" },
              },
            },
          ],
        },
      ],
    });
    const r = await answer("17865799348089999", "Måndag–fredag 10–15, torsdagar till 19.");
    expect(r.status).toBe("sent");
    expect(graph.calls.at(-1)).toMatchObject({ path: "/17865799348089999/replies", token: "page-token-ig" });
  });

  it("moderates an obviously criminal comment: reason required, snapshot archived and audited before the platform call, the comment kept in our archive", async () => {
    await deliver(
      pageComment({
        id: `${PAGE}_8301`,
        name: "Anonym Profil",
        text: "Jag vet var handläggaren bor och jag ska hämta henne.",
      }),
    );
    const item = await t.database.db
      .selectFrom("social_items")
      .select(["id", "case_id"])
      .where("external_id", "=", `${PAGE}_8301`)
      .executeTakeFirstOrThrow();
    const staff = new Browser(t.app);
    expect((await staff.login("kommunikator@example.se")).statusCode).toBe(303);
    const casePage = await staff.get(`/arbetsyta/arenden/${item.case_id}`);
    expect(casePage.body).toContain(`/arbetsyta/socialt/${item.case_id}`);
    const token = await staff.csrfFrom(`/arbetsyta/socialt/${item.case_id}`);
    const noReason = await staff.post(`/arbetsyta/socialt/${item.case_id}/${item.id}`, {
      _csrf: token,
      action: "remove",
      reason: "olaga-hot",
      explanation: "",
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain("Skriv kort vad i kommentaren som gör det");
    expect(
      await t.database.db.selectFrom("social_moderation").select("id").where("item_id", "=", item.id).execute(),
    ).toHaveLength(0);
    const done = await staff.post(`/arbetsyta/socialt/${item.case_id}/${item.id}`, {
      _csrf: token,
      action: "remove",
      reason: "olaga-hot",
      explanation: "Hotar en anställd till livet.",
    });
    expect(done.statusCode).toBe(303);
    let m = await t.database.db
      .selectFrom("social_moderation")
      .select(["status", "snapshot", "reason"])
      .where("item_id", "=", item.id)
      .executeTakeFirstOrThrow();
    for (let i = 0; i < 100 && m.status === "queued"; i++) {
      await new Promise((r) => setTimeout(r, 50));
      m = await t.database.db
        .selectFrom("social_moderation")
        .select(["status", "snapshot", "reason"])
        .where("item_id", "=", item.id)
        .executeTakeFirstOrThrow();
    }
    expect(m.status).toBe("done");
    expect(m.snapshot).toMatchObject({
      platform: "facebook",
      comment: `${PAGE}_8301`,
      author: { name: "Anonym Profil" },
      text: "Jag vet var handläggaren bor och jag ska hämta henne.",
    });
    expect(m.reason).toBe("Olaga hot: Hotar en anställd till livet.");
    expect(graph.calls.at(-1)).toMatchObject({ path: `/${PAGE}_8301`, token: "page-token-fb" });
    const kept = await t.database.db
      .selectFrom("social_items")
      .select(["text", "removed_at"])
      .where("id", "=", item.id)
      .executeTakeFirstOrThrow();
    expect(kept.text).toContain("Jag vet var handläggaren bor");
    expect(kept.removed_at).not.toBeNull();
    const audited = await t.database.db
      .selectFrom("audit_log")
      .select("action")
      .where("subject_id", "=", item.id)
      .execute();
    expect(audited.map((a) => a.action)).toContain("social.comment.remove");
    // The half-year archive holds the comment, its moderation, and a checksum.
    const admin = new Browser(t.app);
    expect((await admin.login("admin@example.se")).statusCode).toBe(303);
    const account = await t.database.db
      .selectFrom("social_accounts")
      .select("id")
      .where("external_id", "=", PAGE)
      .executeTakeFirstOrThrow();
    const adminToken = await admin.csrfFrom("/arbetsyta/admin/sociala-medier");
    const today = new Date();
    const from = new Date(today.getTime() - 86_400_000).toISOString().slice(0, 10);
    const to = new Date(today.getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
    const made = await admin.post(`/arbetsyta/admin/sociala-medier/${account.id}/arkiv`, {
      _csrf: adminToken,
      fran: from,
      till: to,
    });
    expect(made.statusCode).toBe(303);
    const file = await admin.get(made.headers.location as string);
    const doc = JSON.parse(file.body) as {
      format: string;
      items: { external_id: string; removed_at: string | null }[];
      moderation: { action: string }[];
    };
    expect(doc.format).toBe("klarsvar-social-archive/1");
    expect(doc.items.find((i) => i.external_id === `${PAGE}_8301`)?.removed_at).not.toBeNull();
    expect(doc.moderation.map((x) => x.action)).toContain("remove");
    expect(createHash("sha256").update(file.rawPayload).digest("hex")).toBe(file.headers["x-checksum-sha256"]);
  });

  it("retries when Meta limits the rate, and explains an expired token or a deleted comment without retrying", async () => {
    await deliver(pageComment({ id: `${PAGE}_8201`, text: "Fråga ett" }));
    graph.failNext(new RegExp(`${PAGE}_8201/comments`), {
      status: 400,
      error: { message: "(#4) Application request limit reached", type: "OAuthException", code: 4 },
    });
    const retried = await answer(`${PAGE}_8201`, "Svar ett");
    expect(retried.status).toBe("sent");
    expect(graph.calls.filter((c) => c.path === `/${PAGE}_8201/comments`)).toHaveLength(2);

    await deliver(pageComment({ id: `${PAGE}_8202`, text: "Fråga två" }));
    graph.failNext(
      new RegExp(`${PAGE}_8202/comments`),
      {
        status: 400,
        error: {
          message: "Error validating access token: Session has expired",
          type: "OAuthException",
          code: 190,
          error_subcode: 463,
        },
      },
      5,
    );
    const expired = await answer(`${PAGE}_8202`, "Svar två");
    expect(expired.status).toBe("failed");
    expect(expired.failure?.reason).toContain("nyckel har gått ut");
    expect(graph.calls.filter((c) => c.path === `/${PAGE}_8202/comments`)).toHaveLength(1);

    await deliver(pageComment({ id: `${PAGE}_8203`, text: "Fråga tre" }));
    graph.failNext(new RegExp(`${PAGE}_8203/comments`), {
      status: 400,
      error: {
        message: "Unsupported post request. Object with ID does not exist",
        type: "GraphMethodException",
        code: 100,
        error_subcode: 33,
      },
    });
    const gone = await answer(`${PAGE}_8203`, "Svar tre");
    expect(gone.status).toBe("failed");
    expect(gone.failure?.reason).toContain("finns inte längre");
  });
});

describe.each(BACKENDS)("Mastodon mentions and answers on %s", (backend) => {
  let t: TestApp;
  const self = { id: "110000001", acct: "socialforvaltningen", display_name: "Socialförvaltningen Exempelstad" };
  const masto = new FakeMastodon("mastodon-token-123456", self);
  let accountId = "";
  beforeAll(async () => {
    await masto.start();
    t = await startTestApp({ backend, work: true, env: { ...ENV, MAIL_RETRY_DELAY_SECONDS: "1" } });
    const row = await t.database.db
      .insertInto("social_accounts")
      .values({
        org_id: t.org.id,
        platform: "mastodon",
        external_id: self.id,
        name: "@socialforvaltningen",
        base_url: masto.url,
        token_encrypted: encryptToken(t.config.social.tokenKey, "mastodon-token-123456"),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    accountId = row.id;
  });
  afterAll(async () => {
    await t?.close();
    await masto.stop();
  });

  const deps = () => inboxDepsFor(t.app.klarsvar.context);
  const caseOf = async (statusId: string) =>
    (
      await t.database.db
        .selectFrom("social_items")
        .select("case_id")
        .where("external_id", "=", statusId)
        .executeTakeFirst()
    )?.case_id ?? null;

  async function answer(caseId: string, text: string) {
    const staff = await t.database.db
      .selectFrom("staff_users")
      .select("id")
      .where("email", "=", "kommunikator@example.se")
      .executeTakeFirstOrThrow();
    expect((await replyToCase(deps(), { orgId: t.org.id, userId: staff.id, label: "test" }, caseId, text)).ok).toBe(
      true,
    );
    const message = await t.database.db
      .selectFrom("case_messages")
      .select("id")
      .where("case_id", "=", caseId)
      .where("direction", "=", "out")
      .orderBy("created_at", "desc")
      .executeTakeFirstOrThrow();
    for (let i = 0; i < 200; i++) {
      const m = await t.database.db
        .selectFrom("case_messages")
        .select("delivery_status")
        .where("id", "=", message.id)
        .executeTakeFirstOrThrow();
      if (m.delivery_status !== "queued") return { id: message.id, status: m.delivery_status };
      await new Promise((r) => setTimeout(r, 50));
    }
    return { id: message.id, status: "queued" };
  }

  it("reads mentions in order from the cursor, once, and answers each with the same visibility, in reply, with an Idempotency-Key", async () => {
    const lena = { id: "220001", acct: "lena@mastodon.example", display_name: "Lena" };
    const first = masto.mention(lena, "Hej! Var hittar jag info om föräldrakurser?");
    const direct = masto.mention(
      { id: "220002", acct: "anon@social.example", display_name: "" },
      "Kan jag få prata med någon i förtroende?",
      { visibility: "direct" },
    );
    expect(await pollMastodon(deps(), t.config.social.tokenKey, t.org.id, accountId)).toBe(2);
    expect(await pollMastodon(deps(), t.config.social.tokenKey, t.org.id, accountId)).toBe(0);
    const publicCase = await caseOf(first);
    const directCase = await caseOf(direct);
    expect(publicCase).not.toBeNull();
    expect(directCase).not.toBe(publicCase);
    const c = await t.database.db
      .selectFrom("cases")
      .select(["channel", "subject", "requester_name"])
      .where("id", "=", publicCase as string)
      .executeTakeFirstOrThrow();
    expect(c).toEqual({ channel: "mastodon", subject: "Omnämnande på Mastodon", requester_name: "Lena" });
    const body = await t.database.db
      .selectFrom("case_messages")
      .select("body")
      .where("case_id", "=", publicCase as string)
      .executeTakeFirstOrThrow();
    expect(body.body).toBe("Hej! Var hittar jag info om föräldrakurser?");

    const sent = await answer(publicCase as string, "Hej Lena! Läs mer på /stod/foraldrakurs.");
    expect(sent.status).toBe("sent");
    expect(masto.posted.at(-1)).toMatchObject({
      idempotencyKey: sent.id,
      body: {
        status: "@lena@mastodon.example Hej Lena! Läs mer på /stod/foraldrakurs.",
        in_reply_to_id: first,
        visibility: "public",
      },
    });
    const sentDirect = await answer(directCase as string, "Hej! Ring oss på 070-174 06 32.");
    expect(sentDirect.status).toBe("sent");
    expect(masto.posted.at(-1)?.body).toMatchObject({ in_reply_to_id: direct, visibility: "direct" });

    // Lena answers our reply: the same case.
    const ours = masto.posted.find((p) => p.body["in_reply_to_id"] === first)?.status.id as string;
    const followUp = masto.mention(lena, "Tack! Behöver jag anmäla mig?", { inReplyTo: ours });
    await pollMastodon(deps(), t.config.social.tokenKey, t.org.id, accountId);
    expect(await caseOf(followUp)).toBe(publicCase);
  });

  it("reads a burst of 100 mentions across pages without gaps", async () => {
    const ids = Array.from({ length: 100 }, (_, i) =>
      masto.mention({ id: `3300${i}`, acct: `person${i}@mastodon.example`, display_name: `Person ${i}` }, `Fråga ${i}`),
    );
    expect(await pollMastodon(deps(), t.config.social.tokenKey, t.org.id, accountId)).toBe(100);
    const items = await t.database.db
      .selectFrom("social_items")
      .select("external_id")
      .where("external_id", "in", ids)
      .execute();
    expect(items).toHaveLength(100);
  });
});
