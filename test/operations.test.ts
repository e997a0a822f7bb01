/** Start-up, shutdown, the CLI, and backup and restore on both backends. */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { startKlarsvar } from "../src/app/runtime.js";
import type { KlarsvarModule } from "../src/app/module.js";
import { MODULES } from "../src/app/modules.js";
import { DEMO_USERS } from "../src/platform/auth/demo.js";
import { openDatabase } from "../src/platform/db/database.js";
import { Browser } from "./app.js";
import { freshDatabase } from "./db.js";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "..");
const dirs: string[] = [];

async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), "klarsvar-test-"));
  dirs.push(d);
  return d;
}

afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** Runs a TypeScript entry point the way a person would, returning code and output. */
async function runTs(file: string, args: string[], env: Record<string, string>, input?: string) {
  const cleanEnv = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !["DATABASE_URL", "NODE_ENV", "KLARSVAR_DATA_DIR"].includes(k)),
  );
  try {
    const child = run(process.execPath, ["--import", "tsx", file, ...args], {
      cwd: ROOT,
      env: { ...cleanEnv, LOG_LEVEL: "silent", ...env },
      timeout: 60_000,
    });
    if (input !== undefined) {
      child.child.stdin?.end(input);
    } else {
      child.child.stdin?.end();
    }
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

describe("starting Klarsvar", () => {
  it("stops with a clear message and a non-zero code when the database is down", async () => {
    const r = await runTs("src/main.ts", [], { DATABASE_URL: "postgres://klarsvar@127.0.0.1:1/klarsvar" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Klarsvar could not start.");
    expect(r.stderr).toContain("Cannot reach the database at postgres://klarsvar@127.0.0.1:1/klarsvar");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses to start in production with the default secret, naming the variable", async () => {
    const r = await runTs("src/main.ts", [], { NODE_ENV: "production", KLARSVAR_DATA_DIR: await tempDir() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("SESSION_SECRET");
  });

  it("never seeds demo users in production, and disables demo logins left from a demo", async () => {
    const dir = await tempDir();
    const base = { KLARSVAR_DATA_DIR: dir, PORT: "0", LOG_LEVEL: "silent" };
    const demo = await startKlarsvar(loadConfig(base), { web: true, worker: false, listen: false });
    expect(
      await demo.database.db.selectFrom("staff_users").select("email").where("active", "=", true).execute(),
    ).toHaveLength(DEMO_USERS.length);
    await demo.stop();

    const fresh = await startKlarsvar(
      loadConfig({
        ...base,
        KLARSVAR_DATA_DIR: await tempDir(),
        NODE_ENV: "production",
        SESSION_SECRET: "x".repeat(40),
      }),
      { web: true, worker: false, listen: false },
    );
    expect(await fresh.database.db.selectFrom("staff_users").select("email").execute()).toHaveLength(0);
    await fresh.stop();

    const prod = await startKlarsvar(loadConfig({ ...base, NODE_ENV: "production", SESSION_SECRET: "x".repeat(40) }), {
      web: true,
      worker: false,
      listen: false,
    });
    try {
      expect(
        await prod.database.db.selectFrom("staff_users").select("email").where("active", "=", true).execute(),
      ).toHaveLength(0);
      const b = new Browser(prod.app!);
      expect((await b.login("admin@example.se")).statusCode).toBe(401);
    } finally {
      await prod.stop();
    }
  });

  it("drains running jobs before it stops (graceful shutdown)", async () => {
    const finished: string[] = [];
    let started = false;
    const slow: KlarsvarModule = {
      name: "slow",
      jobs: () => [
        {
          name: "test.slow",
          handler: async () => {
            started = true;
            await new Promise((r) => setTimeout(r, 1500));
            finished.push("slow");
          },
        },
      ],
    };
    const running = await startKlarsvar(loadConfig({ KLARSVAR_DATA_DIR: await tempDir(), LOG_LEVEL: "silent" }), {
      web: false,
      worker: true,
      modules: [...MODULES, slow],
    });
    await running.jobs.send("test.slow", {});
    const end = Date.now() + 20_000;
    while (!started && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    expect(started).toBe(true);
    await running.stop();
    expect(finished).toEqual(["slow"]);
  });
});

describe("klarsvar CLI", () => {
  it("creates the first admin with a generated password that works", async () => {
    const dir = await tempDir();
    const env = { KLARSVAR_DATA_DIR: dir, NODE_ENV: "production", SESSION_SECRET: "y".repeat(40) };
    const r = await runTs(
      "src/cli.ts",
      ["user", "create", "--email", "Forsta.Admin@example.se", "--name", "Första Admin", "--role", "admin"],
      env,
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Created forsta.admin@example.se (admin)");
    const password = /shown once[^:]*: (\S+)/.exec(r.stdout)?.[1];
    expect(password?.length).toBeGreaterThanOrEqual(20);
    const again = await runTs(
      "src/cli.ts",
      ["user", "create", "--email", "forsta.admin@example.se", "--name", "X", "--role", "admin"],
      env,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists");

    const running = await startKlarsvar(loadConfig({ ...env, LOG_LEVEL: "silent" }), {
      web: true,
      worker: false,
      listen: false,
    });
    try {
      const b = new Browser(running.app!);
      expect((await b.login("forsta.admin@example.se", password)).statusCode).toBe(303);
      expect((await b.get("/arbetsyta/admin/logg")).body).toContain("user.create");
    } finally {
      await running.stop();
    }
  });

  it("reads the password from stdin and explains bad input", async () => {
    const dir = await tempDir();
    const ok = await runTs(
      "src/cli.ts",
      ["user", "create", "--email", "k@example.se", "--name", "K", "--role", "communicator", "--password-stdin"],
      { KLARSVAR_DATA_DIR: dir },
      "ett-tillrackligt-langt-losenord\n",
    );
    expect(ok.code).toBe(0);
    expect(ok.stdout).not.toContain("shown once");
    const badRole = await runTs(
      "src/cli.ts",
      ["user", "create", "--email", "x@example.se", "--name", "X", "--role", "superuser"],
      { KLARSVAR_DATA_DIR: dir },
    );
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain("Unknown role: superuser");
    const migrate = await runTs("src/cli.ts", ["migrate"], { KLARSVAR_DATA_DIR: dir });
    expect(migrate.stdout).toContain("up to date");
  });
});

describe("backup and restore", () => {
  it("embedded database: klarsvar backup and restore bring back the data", async () => {
    const dir = await tempDir();
    const file = join(await tempDir(), "backup.tar.gz");
    expect((await runTs("src/cli.ts", ["seed"], { KLARSVAR_DATA_DIR: dir })).code).toBe(0);
    const b = await runTs("src/cli.ts", ["backup", "--out", file], { KLARSVAR_DATA_DIR: dir });
    expect(b.stderr).toBe("");
    expect(b.stdout).toContain("Backup written");
    const target = join(await tempDir(), "restored");
    const r = await runTs("src/cli.ts", ["restore", "--from", file], { KLARSVAR_DATA_DIR: target });
    expect(r.stdout).toContain("Restored");
    const db = await openDatabase({ dataDir: target });
    try {
      const users = await db.db.selectFrom("staff_users").select("email").orderBy("email").execute();
      expect(users.map((u) => u.email)).toContain("kommunikator@example.se");
    } finally {
      await db.close();
    }
    const refused = await runTs("src/cli.ts", ["restore", "--from", file], { KLARSVAR_DATA_DIR: target });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("is not empty");
  });

  it.runIf(process.env["TEST_DATABASE_URL"])(
    "Postgres: pg_dump and pg_restore, as docs/OPERATIONS.md says",
    async () => {
      const source = await freshDatabase("postgres");
      const target = await freshDatabase("postgres", { migrate: false });
      const file = join(await tempDir(), "klarsvar.dump");
      try {
        await source.db.insertInto("organisations").values({ slug: "backup-test", name: "Backupkommun" }).execute();
        await run("pg_dump", ["--format=custom", "--no-owner", `--file=${file}`, source.url as string]);
        await run("pg_restore", ["--no-owner", "--exit-on-error", `--dbname=${target.url as string}`, file]);
        const org = await target.db
          .selectFrom("organisations")
          .select("name")
          .where("slug", "=", "backup-test")
          .executeTakeFirst();
        expect(org?.name).toBe("Backupkommun");
        const mig = await target.db
          .selectFrom("kysely_migration" as never)
          .selectAll()
          .execute();
        expect(mig.length).toBeGreaterThan(0);
      } finally {
        await source.close();
        await target.close();
      }
    },
  );
});

describe("web and worker apart", () => {
  it.runIf(process.env["TEST_DATABASE_URL"])(
    "a job sent by the web process is done by the worker process (shared Postgres)",
    async () => {
      const db = await freshDatabase("postgres", { migrate: false });
      const done: string[] = [];
      const probe: KlarsvarModule = {
        name: "probe",
        jobs: () => [{ name: "test.split", handler: async (data: { n: string }) => void done.push(data.n) }],
      };
      const env = { DATABASE_URL: db.url as string, LOG_LEVEL: "silent", PORT: "0" };
      const worker = await startKlarsvar(loadConfig(env), { web: false, worker: true, modules: [...MODULES, probe] });
      const web = await startKlarsvar(loadConfig(env), {
        web: true,
        worker: false,
        modules: [...MODULES, probe],
        listen: false,
      });
      try {
        expect((await web.app!.inject({ url: "/ready" })).statusCode).toBe(200);
        await web.jobs.send("test.split", { n: "från webben" });
        const end = Date.now() + 20_000;
        while (done.length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
        expect(done).toEqual(["från webben"]);
      } finally {
        await web.stop();
        await worker.stop();
        await db.close();
      }
    },
  );
});
