#!/usr/bin/env node
/**
 * The `klarsvar` command: migrate, seed, user create, web, worker, backup, restore.
 * Run with `npm run klarsvar -- <command>` or, once built, `node dist/src/cli.js <command>`.
 */
import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { DatabaseUnavailableError, openDatabase } from "./platform/db/database.js";
import { MigrationError, migrateToLatest } from "./platform/db/migrate.js";
import { createStaffUser, isRole } from "./platform/auth/users.js";
import { ROLES, type Role } from "./platform/db/schema.js";
import { prepareDatabase } from "./app/runtime.js";
import { seedDemo } from "./app/seed.js";
import { DEMO_PASSWORD } from "./platform/auth/demo.js";
import { run } from "./main.js";

const USAGE = `Usage: klarsvar <command> [options]

Commands:
  migrate                       Run database migrations to the latest version
  seed                          Add the demo organisation and demo logins (not in production)
  user create --email E --name N --role R [--role R2] [--unit SLUG] [--password-stdin]
                                Create a staff account (e.g. the first admin in production).
                                Without --password-stdin a strong password is generated and
                                printed once. Roles: ${ROLES.join(", ")}
  web                           Run only the web server
  worker                        Run only the background worker
  archive --year YYYY --out FILE
                                Export a year's cases for the archive: cases.json, each
                                message as .eml and the attachments, in one ZIP file
  models                        Train the inbox's learned models and keep them on disk, so the
                                first start does not train them (npm run build does this)
  backup --out FILE             Embedded database only: write a backup (tar.gz)
  restore --from FILE           Embedded database only: restore into an empty data directory
`;

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

async function userCreate(config: Config, argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string", multiple: true },
      unit: { type: "string", multiple: true },
      "password-stdin": { type: "boolean", default: false },
    },
  });
  const roles = values.role ?? [];
  const unknown = roles.filter((r) => !isRole(r));
  if (!values.email || !values.name || roles.length === 0 || unknown.length > 0) {
    console.error(
      unknown.length > 0
        ? `Unknown role: ${unknown.join(", ")}. Roles: ${ROLES.join(", ")}`
        : "user create needs --email, --name and at least one --role",
    );
    return 2;
  }
  const generated = !values["password-stdin"];
  const password = generated ? randomBytes(18).toString("base64url") : await readStdinLine();
  const { database, org } = await prepareDatabase(config);
  try {
    const unitIds: string[] = [];
    for (const slug of values.unit ?? []) {
      const unit = await database.db
        .selectFrom("units")
        .select("id")
        .where("org_id", "=", org.id)
        .where("slug", "=", slug)
        .executeTakeFirst();
      if (!unit) {
        console.error(`No unit with the slug ${slug}`);
        return 2;
      }
      unitIds.push(unit.id);
    }
    const result = await createStaffUser(
      database.db,
      { orgId: org.id, userId: null, label: "cli" },
      {
        orgId: org.id,
        email: values.email,
        name: values.name,
        roles: roles as Role[],
        password,
        unitIds,
      },
    );
    if (!result.ok) {
      const messages = {
        invalid_email: "The e-mail address is not valid",
        weak_password: "The password must be at least 12 characters",
        no_role: "Give at least one role",
        exists: "A user with that e-mail address already exists",
      };
      console.error(messages[result.error]);
      return 1;
    }
    console.log(`Created ${result.value.email} (${result.value.roles.join(", ")}).`);
    if (generated) console.log(`Password (shown once; change it after the first sign-in): ${password}`);
    return 0;
  } finally {
    await database.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help") {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const config = loadConfig();
  switch (command) {
    case "migrate": {
      const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
      try {
        const result = await migrateToLatest(database.db);
        const applied = result.results?.filter((r) => r.status === "Success").map((r) => r.migrationName) ?? [];
        console.log(applied.length > 0 ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
      } finally {
        await database.close();
      }
      return 0;
    }
    case "seed": {
      if (!config.demo) {
        console.error("Demo data is only for demo mode (not NODE_ENV=production, not KLARSVAR_DEMO=false).");
        return 1;
      }
      const { database, org } = await prepareDatabase(config);
      try {
        await seedDemo(database.db, org, DEMO_PASSWORD);
        console.log("Demo organisation and logins are in place.");
      } finally {
        await database.close();
      }
      return 0;
    }
    case "user":
      if (rest[0] !== "create") {
        console.error(USAGE);
        return 2;
      }
      return userCreate(config, rest.slice(1));
    case "web":
      await run({ web: true, worker: false });
      return -1;
    case "worker":
      await run({ web: false, worker: true });
      return -1;
    case "archive": {
      const { values } = parseArgs({ args: rest, options: { year: { type: "string" }, out: { type: "string" } } });
      const year = Number(values.year);
      if (!values.out || !Number.isInteger(year) || year < 2000 || year > 2100)
        return usage("archive needs --year YYYY and --out FILE");
      const { database, org } = await prepareDatabase(config);
      try {
        const { exportYear } = await import("./modules/inbox/archive.js");
        const result = await exportYear(database.db, { orgId: org.id, userId: null, label: "cli" }, year, values.out, {
          orgAddress: config.mail.from,
          domain: config.mail.domain,
          onProgress: (done, total) => {
            if (done === total || done % 500 === 0) process.stdout.write(`${done}/${total} ärenden\n`);
          },
        });
        console.log(
          `Archive written to ${values.out}: ${result.cases} cases, ${result.messages} messages, ${result.attachments} attachments.`,
        );
      } finally {
        await database.close();
      }
      return 0;
    }
    case "models": {
      const started = Date.now();
      const { arrivalModels } = await import("./modules/inbox/index.js");
      const models = arrivalModels();
      console.log(
        models
          ? `Inbox models ready: learnt from ${models.size} labelled messages (${Date.now() - started} ms).`
          : "The inbox's labelled set is missing: kinds and reports of concern are decided by the rules alone.",
      );
      return 0;
    }
    case "backup": {
      const { values } = parseArgs({ args: rest, options: { out: { type: "string" } } });
      if (!values.out) return usage("backup needs --out FILE");
      if (config.databaseUrl) return usage("With DATABASE_URL, back up with pg_dump (see docs/OPERATIONS.md).");
      const database = await openDatabase({ dataDir: config.dataDir });
      try {
        const dump = await database.pglite?.dumpDataDir("gzip");
        if (!dump) throw new Error("No embedded database");
        await writeFile(values.out, Buffer.from(await dump.arrayBuffer()));
        console.log(`Backup written to ${values.out} (${dump.size} bytes).`);
      } finally {
        await database.close();
      }
      return 0;
    }
    case "restore": {
      const { values } = parseArgs({ args: rest, options: { from: { type: "string" } } });
      if (!values.from) return usage("restore needs --from FILE");
      if (config.databaseUrl) return usage("With DATABASE_URL, restore with pg_restore (see docs/OPERATIONS.md).");
      const { readdir } = await import("node:fs/promises");
      // The demo's own secret (made when the configuration was read) is not data.
      const existing = (await readdir(config.dataDir).catch(() => [])).filter((f) => f !== ".session-secret");
      if (existing.length > 0) return usage(`${config.dataDir} is not empty. Move it away first, then restore.`);
      const blob = new Blob([await readFile(values.from)]);
      const database = await openDatabase({ dataDir: config.dataDir, loadDataDir: blob });
      await database.close();
      console.log(`Restored ${values.from} into ${config.dataDir}.`);
      return 0;
    }
    default:
      return usage(`Unknown command: ${command}`);
  }
}

function usage(message: string): number {
  console.error(`${message}\n\n${USAGE}`);
  return 2;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code >= 0) process.exit(code);
    },
    (error: unknown) => {
      if (
        error instanceof ConfigError ||
        error instanceof DatabaseUnavailableError ||
        error instanceof MigrationError
      ) {
        console.error(error.message);
        process.exit(1);
      }
      console.error(error);
      process.exit(1);
    },
  );
}
