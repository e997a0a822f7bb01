/**
 * Sign-in throttling with growing delays. Three counters are kept for every failed attempt:
 * the account from this address, the address, and the account from anywhere. Each lets a few
 * failures through freely; after that every further failure makes the next try wait longer
 * (30 s, 1 min, 2 min … up to `maxDelayMinutes`). The same answer is given whether the account
 * exists or not — the counters are keyed by what was typed, hashed — and nobody can lock
 * someone else out for long: the victim's own address has its own counter, and the
 * account-wide one allows many failures before it slows anyone down.
 */
import { createHash } from "node:crypto";
import { sql } from "kysely";
import type { Db } from "../db/database.js";

export interface ThrottlePolicy {
  /** Failures of one account from one address before delays start. */
  readonly freeFailures: number;
  /** The longest wait. */
  readonly maxDelayMinutes: number;
}

/** Free failures per kind of counter, as multiples of the account-and-address allowance. */
const SCALE = { pair: 1, address: 4, account: 10 } as const;
const FIRST_DELAY_MS = 30_000;
/** A counter forgets after a quiet day. */
const FORGET_AFTER_MS = 24 * 3_600_000;

function keysFor(email: string, ip: string): Record<keyof typeof SCALE, string> {
  const h = (s: string) => createHash("sha256").update(s).digest("base64url");
  const account = email.trim().toLowerCase();
  return { pair: `p:${h(`${account}\n${ip}`)}`, address: `a:${h(ip)}`, account: `u:${h(account)}` };
}

/** How long until this account may be tried from this address (0: now). */
export async function waitBeforeSignIn(db: Db, email: string, ip: string, now = new Date()): Promise<number> {
  const keys = Object.values(keysFor(email, ip));
  const rows = await db
    .selectFrom("login_throttle")
    .select(["blocked_until"])
    .where("key", "in", keys)
    .where("blocked_until", ">", now)
    .execute();
  const until = Math.max(0, ...rows.map((r) => new Date(r.blocked_until as Date).getTime()));
  return Math.max(0, until - now.getTime());
}

/** Counts a failed attempt on every counter and sets each one's wait. */
export async function recordFailedSignIn(
  db: Db,
  email: string,
  ip: string,
  policy: ThrottlePolicy,
  now = new Date(),
): Promise<void> {
  const maxMs = policy.maxDelayMinutes * 60_000;
  for (const [kind, key] of Object.entries(keysFor(email, ip)) as [keyof typeof SCALE, string][]) {
    const free = policy.freeFailures * SCALE[kind];
    const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS);
    await sql`
      insert into login_throttle (key, failures, last_failure_at, blocked_until) values (${key}, 1, ${now}, null)
      on conflict (key) do update set
        failures = case when login_throttle.last_failure_at < ${forgetBefore} then 1 else login_throttle.failures + 1 end,
        last_failure_at = ${now}`.execute(db);
    await sql`
      update login_throttle set blocked_until = case when failures > ${free}
        then ${now}::timestamptz + make_interval(secs => least(${maxMs}::float8, ${FIRST_DELAY_MS}::float8 * power(2, least(failures - ${free} - 1, 30))) / 1000)
        else null end
      where key = ${key}`.execute(db);
  }
}

/** A successful sign-in clears the account's counters (the address keeps its own). */
export async function clearSignInFailures(db: Db, email: string, ip: string): Promise<void> {
  const keys = keysFor(email, ip);
  await db.deleteFrom("login_throttle").where("key", "in", [keys.pair, keys.account]).execute();
}

/** Counters quiet for a day are forgotten (run with the session clean-up). */
export async function forgetOldSignInFailures(db: Db, now = new Date()): Promise<number> {
  const r = await db
    .deleteFrom("login_throttle")
    .where("last_failure_at", "<", new Date(now.getTime() - FORGET_AFTER_MS))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
