/** `npm start`: web and worker in one process, on the embedded database unless DATABASE_URL is set. */
import { pathToFileURL } from "node:url";
import { ConfigError, loadConfig } from "./config.js";
import { DatabaseUnavailableError } from "./platform/db/database.js";
import { MigrationError } from "./platform/db/migrate.js";
import { startKlarsvar, type Running } from "./app/runtime.js";
import { DEMO_PASSWORD, DEMO_USERS } from "./platform/auth/demo.js";

export async function run(mode: { web: boolean; worker: boolean }): Promise<void> {
  const started = Date.now();
  let running: Running;
  try {
    const config = loadConfig();
    running = await startKlarsvar(config, mode);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DatabaseUnavailableError || error instanceof MigrationError) {
      console.error(`Klarsvar could not start.\n${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const { config, database } = running;
  const lines = [
    "",
    `Klarsvar is running (${mode.web && mode.worker ? "web and worker" : mode.web ? "web" : "worker"}) in ${Date.now() - started} ms.`,
    `Database: ${database.kind === "pglite" ? `embedded PGlite in ${database.location}` : database.location}`,
  ];
  if (running.url) lines.push(`Open ${config.publicUrl} (listening on ${running.url})`);
  if (config.demo) {
    lines.push("", "Demo mode: the organisation and people are made up. Sign in at /logga-in with:");
    for (const u of DEMO_USERS) lines.push(`  ${u.roles[0]?.padEnd(13)} ${u.email}`);
    lines.push(`  password      ${DEMO_PASSWORD}`);
  }
  console.log(lines.join("\n"));

  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`${signal} received: finishing running work, then stopping.`);
    const force = setTimeout(() => {
      console.error("Shutdown took too long; exiting.");
      process.exit(1);
    }, 30_000);
    force.unref();
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("Shutdown failed:", error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

// Run only when this file is the entry point (the CLI imports run() instead).
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const role = process.env["KLARSVAR_ROLE"] ?? "all";
  await run({ web: role !== "worker", worker: role !== "web" });
}
