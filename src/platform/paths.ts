import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, found the same way from src/ (tsx) and dist/src/ (built). */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "klarsvar") {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("Could not find the Klarsvar root (package.json)");
    dir = parent;
  }
}

export const rootDir = findRoot();
export const migrationsDir = join(rootDir, "migrations");
export const publicDir = join(rootDir, "public");
