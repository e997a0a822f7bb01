/**
 * A burst of 1,000 Meta webhook deliveries over real HTTP (20 at a time) into Klarsvar on
 * PGlite, as `npm start` runs it: how fast they are stored and answered 200, and how long
 * the jobs take to turn them all into cases. The bar: 1,000 in 10 s without loss.
 */
import { metaSignature } from "../src/modules/social/signature.js";
import { encryptToken } from "../src/modules/social/tokens.js";
import { startTestApp } from "../test/app.js";

const SECRET = "meta-app-secret-for-bench-0123456789";

export async function benchSocial(): Promise<void> {
  await burst("pglite");
  if (process.env["TEST_DATABASE_URL"]) await burst("postgres");
}

async function burst(backend: "pglite" | "postgres"): Promise<void> {
  const t = await startTestApp({
    backend,
    work: true,
    env: { META_APP_SECRET: SECRET, META_VERIFY_TOKEN: "verify-token-for-bench-0123", RATE_LIMIT_PER_MINUTE: "100000" },
  });
  try {
    await t.database.db
      .insertInto("social_accounts")
      .values({
        org_id: t.org.id,
        platform: "facebook",
        external_id: "100200300",
        name: "Bench",
        token_encrypted: encryptToken(t.config.social.tokenKey, "x".repeat(20)),
      })
      .execute();
    const base = await t.app.listen({ port: 0, host: "127.0.0.1" });
    const bodies = Array.from({ length: 1000 }, (_, i) =>
      Buffer.from(
        JSON.stringify({
          object: "page",
          entry: [
            {
              id: "100200300",
              time: Math.floor(Date.now() / 1000),
              changes: [
                {
                  field: "feed",
                  value: {
                    item: "comment",
                    verb: "add",
                    comment_id: `100200300_b${i}`,
                    post_id: "100200300_1",
                    parent_id: "100200300_1",
                    from: { id: `9${i}`, name: `Person ${i}` },
                    message: `Fråga ${i} om öppettider i jul.`,
                    created_time: Math.floor(Date.now() / 1000),
                  },
                },
              ],
            },
          ],
        }),
      ),
    );
    const started = performance.now();
    let next = 0;
    let failed = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next < bodies.length) {
          const body = bodies[next++] as Buffer;
          const res = await fetch(`${base}/webhooks/meta`, {
            method: "POST",
            body,
            headers: { "content-type": "application/json", "x-hub-signature-256": metaSignature(SECRET, body) },
          });
          if (res.status !== 200) failed++;
          await res.arrayBuffer();
        }
      }),
    );
    const accepted = performance.now() - started;
    for (;;) {
      const pending = await t.database.db
        .selectFrom("social_events")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("status", "=", "pending")
        .executeTakeFirstOrThrow();
      if (Number(pending.n) === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const drained = performance.now() - started;
    const cases = await t.database.db
      .selectFrom("social_items")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    console.log(
      `social: 1000 Meta deliveries over HTTP (20 at a time, ${backend}): all answered in ${(accepted / 1000).toFixed(1)} s (${Math.round(1000 / (accepted / 1000))}/s, ${failed} refused); all cases made after ${(drained / 1000).toFixed(1)} s; ${cases.n} comments stored`,
    );
  } finally {
    await t.close();
  }
}

if (process.argv[1]?.endsWith("social.ts")) await benchSocial();
