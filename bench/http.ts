/**
 * Public pages under load, side by side with the framework's own limit (issue 19). Starts
 * Klarsvar as its own process (embedded PGlite, then PostgreSQL when BENCH_DATABASE_URL or
 * TEST_DATABASE_URL names a server) and a bare Fastify app that answers each path with the
 * very bytes Klarsvar sent, then drives both with autocannon in alternating rounds in one run
 * and prints the ratios. Then overload: 500 connections, what is served and how fast, what is
 * refused with 503, whether `/ready` says so, and whether questions posted meanwhile are all
 * stored or honestly refused.
 *
 *   npx tsx bench/http.ts                 this checkout
 *   npx tsx bench/http.ts --baseline REF  the same bench against an earlier commit too
 *   BENCH_HTTP_SECONDS=5 BENCH_HTTP_ROUNDS=3 (defaults)
 *
 * Not a test: it prints numbers. Two cores: the server gets one, the load generator the other.
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
  symlinkSync,
  cpSync,
  readdirSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import pg from "pg";
import { sql } from "kysely";
import { openDatabase } from "../src/platform/db/database.js";
import { request as httpRequest, type ClientRequest } from "node:http";
import { DEMO_PASSWORD } from "../src/platform/auth/demo.js";
import { benchServerUrl } from "./postgres.js";

const SECONDS = Number(process.env["BENCH_HTTP_SECONDS"] ?? 5);
const ROUNDS = Number(process.env["BENCH_HTTP_ROUNDS"] ?? 3);
/** Only the throughput rows whose name has this text (no boards, no overload): for one question at a time. */
const ONLY = process.env["BENCH_HTTP_ONLY"];
const ROOT = resolve(import.meta.dirname, "..");

/** Misspelt and plain searches a resident might type; the search row cycles through them. */
const SEARCHES = [
  "ekonomsikt bistånd",
  "ekonomiskt bistand",
  "försörjningsstöd",
  "forsorjningsstod",
  "skuldrådgivning",
  "skuld radgivning",
  "våld i nära relation",
  "vald nara relationer",
  "missbruk",
  "missbrk",
  "familjehem",
  "famlijehem",
  "boende",
  "bostad akut",
  "äldre ensam",
  "aldreomsorg",
  "hemtjänst",
  "hemtjanst",
  "barn orolig",
  "orosanmälan",
  "oros anmalan",
  "budget",
  "alkohol",
  "spel om pengar",
  "socialjouren",
  "kontaktperson",
  "god man",
  "ensamkommande",
  "fältassistent",
  "faltassistenter",
  "stöd till anhöriga",
  "anhorig",
  "LSS",
  "personlig assistans",
  "ansöka om bistånd",
  "ansoka bidrag",
  "hyra skuld",
  "vräkning",
  "vrakning",
  "mat kris",
];

interface Page {
  readonly name: string;
  readonly paths: readonly string[];
  /** Every request a search never made before: the yardstick answers them all with one page's bytes. */
  readonly unique?: boolean;
}

/** Words residents search with; never-seen searches are made of one to three of them, often misspelt. */
const SEARCH_WORDS = [
  ...new Set(
    SEARCHES.join(" ")
      .split(" ")
      .filter((w) => w.length >= 3),
  ),
  "pengar",
  "hjälp",
  "barn",
  "ungdom",
  "stöd",
  "samtal",
  "familj",
  "skola",
  "hemlös",
  "ansöka",
  "mat",
  "akut",
  "boendestöd",
  "ledsagare",
  "assistans",
  "anhörig",
  "spelberoende",
  "droger",
  "skyddat",
  "hot",
  "kvinnojour",
  "kris",
  "ensam",
  "äldre",
  "pension",
  "räkningar",
  "el",
  "tandvård",
];

/** `count` different searches (deterministic): one to three words, half of them with a typing error. */
function neverSeenSearches(count: number): string[] {
  let seed = 19;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  const misspell = (w: string): string => {
    if (w.length < 4 || rand() < 0.5) return w;
    const i = 1 + Math.floor(rand() * (w.length - 2));
    return rand() < 0.5 ? w.slice(0, i) + w.slice(i + 1) : w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  };
  const seen = new Set<string>();
  while (seen.size < count) {
    const n = 1 + Math.floor(rand() * 3);
    const words = Array.from({ length: n }, () =>
      misspell(SEARCH_WORDS[Math.floor(rand() * SEARCH_WORDS.length)] as string),
    );
    seen.add(words.join(" "));
  }
  return [...seen];
}

interface Sample {
  reqPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

interface Server {
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function pct(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))] ?? 0;
}

async function startProcess(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  ready: RegExp,
): Promise<Server> {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`no start in 120 s:\n${out}`)), 120_000);
    const seen = (chunk: Buffer) => {
      out += chunk.toString();
      const m = ready.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        ok(m[1]);
      }
    };
    child.stdout?.on("data", seen);
    child.stderr?.on("data", (c: Buffer) => (out += c.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`exited ${code}:\n${out}`));
    });
  });
  child.stdout?.resume();
  child.stderr?.resume();
  return {
    url: url.replace("0.0.0.0", "127.0.0.1"),
    child,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once("exit", () => done());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 20_000).unref();
      }),
  };
}

function startKlarsvar(dir: string, database: { dataDir: string } | { url: string }): Promise<Server> {
  return startProcess(
    join(dir, "node_modules", ".bin", "tsx"),
    ["src/main.ts"],
    dir,
    {
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "silent",
      NODE_ENV: "development",
      RATE_LIMIT_PER_MINUTE: "100000000",
      FORM_RATE_LIMIT_PER_MINUTE: "100000000",
      LOGIN_RATE_LIMIT_PER_MINUTE: "100000000",
      ...("dataDir" in database
        ? { KLARSVAR_DATA_DIR: database.dataDir, DATABASE_URL: "" }
        : { DATABASE_URL: database.url }),
    },
    /listening on (http:\/\/[^\s)]+)/,
  );
}

function load(
  url: string,
  paths: readonly string[],
  connections: number,
  seconds: number,
  cursor = { i: 0 },
): Promise<Sample> {
  return new Promise((ok, fail) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        requests: [
          {
            setupRequest: (req) => ({ ...req, path: paths[cursor.i++ % paths.length] ?? "/" }),
          },
        ],
      },
      (error, result) => {
        if (error) return fail(error);
        ok({
          reqPerSec: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          non2xx: result.non2xx,
          errors: result.errors + result.timeouts,
        });
      },
    );
    void instance;
  });
}

async function fetchText(url: string): Promise<{ status: number; body: string }> {
  const r = await fetch(url, { redirect: "manual" });
  return { status: r.status, body: await r.text() };
}

async function discoverPages(url: string): Promise<Page[]> {
  const first = async (listPath: string, pattern: RegExp): Promise<string | undefined> => {
    const { body } = await fetchText(url + listPath);
    return pattern.exec(body)?.[1];
  };
  const idea = await first("/forslag", /href="(\/forslag\/(?!nytt|flode)[^"?/]+)"/);
  const release = await first(
    "/press",
    /href="(\/press\/(?!prenumerera|evenemang|bild|dokument|embargo|svar|avsluta|rss|atom)[a-z0-9-]+)"/,
  );
  const pages: Page[] = [
    { name: "start /", paths: ["/"] },
    { name: "help page /stod/ekonomiskt-bistand", paths: ["/stod/ekonomiskt-bistand"] },
    { name: "help list /stod", paths: ["/stod"] },
    { name: "search /stod?q=ekonomsikt+bistånd", paths: [`/stod?q=${encodeURIComponent("ekonomsikt bistånd")}`] },
    {
      name: `search, ${SEARCHES.length} queries in turn`,
      paths: SEARCHES.map((q) => `/stod?q=${encodeURIComponent(q)}`),
    },
    {
      name: "search, never-seen queries",
      // More than any run sends (≈ 3,000 req/s for 16 s): no search is made twice.
      paths: neverSeenSearches(100_000).map((q) => `/stod?q=${encodeURIComponent(q)}`),
      unique: true,
    },
    { name: "ideas /forslag", paths: ["/forslag"] },
    ...(idea ? [{ name: "one idea", paths: [idea] }] : []),
    { name: "press /press", paths: ["/press"] },
    ...(release ? [{ name: "one press release", paths: [release] }] : []),
    { name: "diarium /diarium", paths: ["/diarium"] },
    { name: "Klarspråkskollen", paths: ["/klarsprakskollen"] },
  ];
  return pages;
}

function ms(n: number): string {
  return `${Math.round(n).toLocaleString("en-US")} ms`;
}

function fmt(n: number, width: number): string {
  return String(Math.round(n).toLocaleString("en-US")).padStart(width);
}

interface Row {
  page: string;
  bytes: number;
  project: Sample;
  bare: Sample;
}

async function throughput(label: string, klarsvar: Server, work: string): Promise<Row[]> {
  const pages = (await discoverPages(klarsvar.url)).filter((p) => !ONLY || p.name.includes(ONLY));
  // The yardstick answers every path with the bytes Klarsvar sent for it.
  const bodies: Record<string, string> = {};
  const uniqueBytes: Record<string, number> = {};
  for (const p of pages) {
    if (p.unique) {
      // One never-seen search stands for all of them; the rest must reach Klarsvar unseen.
      const sample = await fetchText(`${klarsvar.url}/stod?q=${encodeURIComponent("hjälp med hyran bench")}`);
      if (sample.status !== 200) throw new Error(`a search answered ${sample.status}`);
      bodies["*"] = sample.body;
      uniqueBytes[p.name] = Buffer.byteLength(sample.body);
      continue;
    }
    for (const path of p.paths) {
      const r = await fetchText(klarsvar.url + path);
      if (r.status !== 200) throw new Error(`${path} answered ${r.status}`);
      bodies[path] = r.body;
    }
  }
  const file = join(work, "pages.json");
  writeFileSync(file, JSON.stringify(bodies));
  const bare = await startProcess(
    process.execPath,
    [join(ROOT, "bench", "bare-server.mjs"), file],
    ROOT,
    {},
    /listening (\S+)/,
  );
  const rows: Row[] = [];
  try {
    for (const page of pages) {
      const ours: Sample[] = [];
      const theirs: Sample[] = [];
      // Each round goes on where the last stopped: never-seen searches stay never seen.
      const cursor = { i: 0 };
      await load(klarsvar.url, page.paths, 50, 1, cursor); // warm-up
      await load(bare.url, page.paths, 50, 1);
      for (let round = 0; round < ROUNDS; round++) {
        ours.push(await load(klarsvar.url, page.paths, 50, SECONDS, cursor));
        theirs.push(await load(bare.url, page.paths, 50, SECONDS));
      }
      const pick = (s: Sample[]): Sample => ({
        reqPerSec: median(s.map((x) => x.reqPerSec)),
        p50: median(s.map((x) => x.p50)),
        p99: median(s.map((x) => x.p99)),
        non2xx: s.reduce((a, x) => a + x.non2xx, 0),
        errors: s.reduce((a, x) => a + x.errors, 0),
      });
      const bytes =
        uniqueBytes[page.name] ??
        Math.round(page.paths.reduce((a, p) => a + Buffer.byteLength(bodies[p] ?? ""), 0) / page.paths.length);
      const row = { page: page.name, bytes, project: pick(ours), bare: pick(theirs) };
      rows.push(row);
      printRow(label, row);
    }
  } finally {
    await bare.stop();
  }
  return rows;
}

function printHeader(): void {
  console.log(
    `${"backend".padEnd(13)} ${"page".padEnd(38)} ${"bytes".padStart(6)} ${"req/s".padStart(8)} ${"p50".padStart(5)} ${"p99".padStart(6)} ${"non2xx".padStart(7)} ${"bare req/s".padStart(10)} ${"ratio".padStart(6)}  goal`,
  );
}

function printRow(label: string, r: Row): void {
  const ratio = r.project.reqPerSec / r.bare.reqPerSec;
  const search = r.page.startsWith("search");
  const ok = ratio >= 0.3 && r.project.p99 < 50 && (!search || r.project.reqPerSec >= 1000) && r.project.non2xx === 0;
  console.log(
    `${label.padEnd(13)} ${r.page.padEnd(38)} ${fmt(r.bytes, 6)} ${fmt(r.project.reqPerSec, 8)} ${fmt(r.project.p50, 3)}ms ${fmt(r.project.p99, 4)}ms ${fmt(r.project.non2xx + r.project.errors, 7)} ${fmt(r.bare.reqPerSec, 10)} ${r.bare.reqPerSec ? ratio.toFixed(2).padStart(6) : "     -"}  ${ok ? "met" : "NOT met"}`,
  );
}

/** 500 connections on the public pages while a resident posts questions through the form. */
async function overload(label: string, klarsvar: Server): Promise<{ marker: string; stored: number }> {
  // The same pages as the throughput rows, never-seen searches aside (their cost is the row above).
  const pages = (await discoverPages(klarsvar.url)).filter((p) => !p.unique);
  const paths = pages.flatMap((p) => p.paths);
  const served: number[] = [];
  const refused: number[] = [];
  const other = new Map<number, number>();
  const ready = new Map<number, number>();
  let stopReady = false;
  const readyLoop = (async () => {
    while (!stopReady) {
      const t0 = Date.now();
      const status = await fetch(`${klarsvar.url}/ready`)
        .then((r) => r.status)
        .catch(() => 0);
      ready.set(status, (ready.get(status) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, Math.max(0, 250 - (Date.now() - t0))));
    }
  })();
  const posting = postQuestionsMeanwhile(klarsvar.url);
  await new Promise<void>((ok, fail) => {
    let i = 0;
    const instance = autocannon(
      {
        url: klarsvar.url,
        connections: 500,
        duration: 15,
        timeout: 30,
        requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] ?? "/" }) }],
      },
      (error) => (error ? fail(error) : ok()),
    );
    instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (status < 400) served.push(ms);
      else if (status === 503) refused.push(ms);
      else other.set(status, (other.get(status) ?? 0) + 1);
    });
  });
  stopReady = true;
  await readyLoop;
  const posts = await posting.stop();
  const stored = await countQuestions(posts.marker);
  console.log(
    `${label.padEnd(13)} overload, 500 connections, 15 s: served ${served.length.toLocaleString("en-US")} (p50 ${ms(pct(served, 0.5))}, p99 ${ms(pct(served, 0.99))}, max ${ms(pct(served, 1))}; goal p99 < 500 ms: ${pct(served, 0.99) < 500 ? "met" : "NOT met"}) · 503 ${refused.length.toLocaleString("en-US")} (p99 ${ms(pct(refused, 0.99))})${other.size ? ` · other ${[...other].map(([s, n]) => `${s}×${n}`).join(" ")}` : ""}`,
  );
  console.log(
    `${"".padEnd(13)} /ready meanwhile: ${[...ready].map(([s, n]) => `${s}×${n}`).join(" ")} · questions posted ${posts.sent}: answered stored ${posts.stored}${stored === undefined ? "" : ` (found ${stored} in the database)`}, refused honestly ${posts.refused}, other ${posts.other}`,
  );
  return { marker: posts.marker, stored: posts.stored };
}

/** Signs in as a demo communicator: a session cookie of its own. */
async function signIn(base: string): Promise<string> {
  const form = await fetch(`${base}/logga-in`);
  const jar = new Map(
    form.headers.getSetCookie().map((c) => (c.split(";")[0] ?? "").split("=", 2) as [string, string]),
  );
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? "";
  const r = await fetch(`${base}/logga-in`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
    },
    body: new URLSearchParams({ _csrf: token, email: "kommunikator@example.se", password: DEMO_PASSWORD }).toString(),
  });
  await r.arrayBuffer();
  for (const c of r.headers.getSetCookie()) {
    const [k, v] = (c.split(";")[0] ?? "").split("=", 2) as [string, string];
    jar.set(k, v);
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}

/** 1,000 open live boards (250 signed-in communicators, four tabs each): do public pages slow down? */
async function boards(label: string, klarsvar: Server): Promise<void> {
  const paths = ["/", "/stod/ekonomiskt-bistand", "/forslag"];
  const before = await load(klarsvar.url, paths, 50, SECONDS);
  const streams: ClientRequest[] = [];
  let open = 0;
  const url = new URL(klarsvar.url);
  for (let s = 0; s < 250; s++) {
    const cookie = await signIn(klarsvar.url);
    for (let tab = 0; tab < 4; tab++) {
      await new Promise<void>((ok) => {
        const req = httpRequest(
          {
            host: url.hostname,
            port: url.port,
            path: "/arbetsyta/inkorg/handelser",
            headers: { cookie, accept: "text/event-stream" },
          },
          (res) => {
            if (res.statusCode === 200) open++;
            res.resume();
            ok();
          },
        );
        req.on("error", () => ok());
        req.end();
        streams.push(req);
      });
    }
  }
  // Signing in wrote sessions, users and the audit log: pages that read those tables are made
  // afresh until the change has settled (1.5 s). Measure the boards, not the sign-ins.
  await new Promise((r) => setTimeout(r, 2000));
  const during = await load(klarsvar.url, paths, 50, SECONDS);
  for (const r of streams) r.destroy();
  const change = during.p50 / Math.max(before.p50, 0.001) - 1;
  console.log(
    `${label.padEnd(13)} ${open} live boards open: public p50 ${before.p50} → ${during.p50} ms, ${Math.round(before.reqPerSec).toLocaleString("en-US")} → ${Math.round(during.reqPerSec).toLocaleString("en-US")} req/s (goal: p50 within 20 %: ${Math.abs(change) <= 0.2 || during.p50 - before.p50 <= 1 ? "met" : "NOT met"})`,
  );
}

/** Posts questions through the public form, as a resident would, until stopped. */
function postQuestionsMeanwhile(base: string): {
  marker: string;
  stop(): Promise<{ marker: string; sent: number; stored: number; refused: number; other: number }>;
} {
  const marker = `bench-${randomBytes(4).toString("hex")}`;
  let running = true;
  const counts = { sent: 0, stored: 0, refused: 0, other: 0 };
  // Five residents writing at once, each taking the guard's three seconds to write.
  const resident = async () => {
    while (running) {
      try {
        const form = await fetch(`${base}/fraga`);
        const cookies = form.headers
          .getSetCookie()
          .map((c) => c.split(";")[0])
          .join("; ");
        const html = await form.text();
        const fields = new FormData();
        for (const m of html.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
          const name = /name="([^"]+)"/.exec(m[0])?.[1];
          const value = /value="([^"]*)"/.exec(m[0])?.[1];
          if (name) fields.set(name, (value ?? "").replaceAll("&amp;", "&").replaceAll("&quot;", '"'));
        }
        fields.set("question", `Hej! Hur ansöker jag om ekonomiskt bistånd? (${marker} ${counts.sent})`);
        // The form guard refuses answers faster than a person could type.
        await new Promise((r) => setTimeout(r, 3100));
        counts.sent++;
        const r = await fetch(`${base}/fraga`, {
          method: "POST",
          redirect: "manual",
          headers: { cookie: cookies },
          body: fields,
        });
        await r.arrayBuffer().catch(() => undefined);
        if (r.status === 303) counts.stored++;
        else if (r.status === 503) counts.refused++;
        else {
          counts.other++;
        }
      } catch {
        counts.other++;
      }
    }
  };
  const loop = Promise.all(Array.from({ length: 5 }, resident));
  return {
    marker,
    stop: async () => {
      running = false;
      await loop;
      return { marker, ...counts };
    },
  };
}

/** Counted through the database when it is a server; the embedded one belongs to the process. */
let countDatabaseUrl: string | undefined;
async function countQuestions(marker: string): Promise<number | undefined> {
  if (!countDatabaseUrl) return undefined;
  const client = new pg.Client({ connectionString: countDatabaseUrl });
  await client.connect();
  try {
    const r = await client.query<{ n: string }>("select count(*) as n from case_messages where body like $1", [
      `%${marker}%`,
    ]);
    return Number(r.rows[0]?.n ?? 0);
  } catch {
    return undefined;
  } finally {
    await client.end();
  }
}

async function benchCheckout(label: string, dir: string): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "klarsvar-http-"));
  try {
    countDatabaseUrl = undefined;
    let posted: { marker: string; stored: number } | undefined;
    const embedded = await startKlarsvar(dir, { dataDir: join(work, "data") });
    try {
      await throughput(`${label} PGlite`, embedded, work);
      if (!ONLY) {
        await boards(`${label} PGlite`, embedded);
        posted = await overload(`${label} PGlite`, embedded);
      }
    } finally {
      await embedded.stop();
    }
    if (posted) {
      // The embedded database belongs to its process: counted once the process has stopped.
      const database = await openDatabase({ dataDir: join(work, "data") });
      try {
        const r = await sql<{
          n: string;
        }>`select count(*) as n from case_messages where body like ${`%${posted.marker}%`}`.execute(database.db);
        console.log(
          `${"".padEnd(13)} questions answered "stored" during the overload: ${posted.stored}; found in the embedded database afterwards: ${r.rows[0]?.n ?? 0}`,
        );
      } finally {
        await database.close();
      }
    }
    const adminUrl = benchServerUrl();
    if (!adminUrl) {
      console.log("PostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)");
      return;
    }
    const name = `klarsvar_http_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const u = new URL(adminUrl);
    u.pathname = `/${name}`;
    countDatabaseUrl = u.toString();
    try {
      const server = await startKlarsvar(dir, { url: u.toString() });
      try {
        await throughput(`${label} PG`, server, work);
        if (!ONLY) {
          await boards(`${label} PG`, server);
          await overload(`${label} PG`, server);
        }
      } finally {
        await server.stop();
      }
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** An earlier commit in a throw-away worktree, with this checkout's installed packages. */
function checkoutBaseline(ref: string): string {
  const dir = mkdtempSync(join(tmpdir(), "klarsvar-baseline-"));
  execFileSync("git", ["worktree", "add", "--detach", dir, ref], { cwd: ROOT, stdio: "ignore" });
  const lock = (d: string) => readFileSync(join(d, "package-lock.json"), "utf8");
  if (lock(dir) === lock(ROOT)) {
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
    for (const pkg of readdirSync(join(ROOT, "packages"))) {
      const dist = join(ROOT, "packages", pkg, "dist");
      if (existsSync(dist)) cpSync(dist, join(dir, "packages", pkg, "dist"), { recursive: true });
    }
  } else {
    // Other dependencies then: the earlier commit gets its own.
    console.log(`(installing ${ref}'s own dependencies)`);
    execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: dir, stdio: "ignore" });
    execFileSync("npm", ["run", "build:packages"], { cwd: dir, stdio: "ignore" });
  }
  return dir;
}

export async function benchHttp(baseline?: string): Promise<void> {
  console.log(
    `\nhttp: public pages at 50 connections, ${ROUNDS} alternating rounds of ${SECONDS} s against bare Fastify sending the same bytes (goal: ratio ≥ 0.30, p99 < 50 ms, search ≥ 1,000 req/s)`,
  );
  printHeader();
  if (baseline) {
    const dir = checkoutBaseline(baseline);
    try {
      await benchCheckout("before", dir);
    } finally {
      execFileSync("git", ["worktree", "remove", "--force", dir], { cwd: ROOT, stdio: "ignore" });
    }
  }
  await benchCheckout("now", ROOT);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf("--baseline");
  await benchHttp(i > 0 ? process.argv[i + 1] : undefined);
}
