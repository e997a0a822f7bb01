/** Browser journeys: a real Klarsvar, Debian's Chromium through playwright-core, axe on every page. */
import { createServer } from "node:net";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { loadConfig } from "../src/config.js";
import { startKlarsvar, type Running } from "../src/app/runtime.js";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export async function startServer(env: Record<string, string> = {}): Promise<Running & { base: string }> {
  const port = env["PORT"] ? Number(env["PORT"]) : await freePort();
  const base = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    KLARSVAR_DATA_DIR: "memory://",
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: base,
    LOG_LEVEL: "silent",
    LOGIN_RATE_LIMIT_PER_MINUTE: "1000",
    ...env,
  });
  const running = await startKlarsvar(config, { web: true, worker: true });
  return Object.assign(running, { base });
}

/** Every page we visit must have zero WCAG 2.1 A/AA violations. */
export async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = result.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary, `axe on ${page.url()}`).toEqual([]);
}

export interface Journey {
  readonly server: Awaited<ReturnType<typeof startServer>>;
  readonly browser: Browser;
}

/**
 * Starts a Klarsvar and a browser for a describe block and stops both after it.
 * Use the returned object's fields inside tests (they are set in beforeAll).
 */
export function useJourney(env: Record<string, string> = {}): Journey {
  const journey = {} as { server: Journey["server"]; browser: Browser };
  beforeAll(async () => {
    [journey.server, journey.browser] = await Promise.all([startServer(env), launchBrowser()]);
  });
  afterAll(async () => {
    await journey.browser?.close();
    await journey.server?.stop();
  });
  return journey;
}

/** Fills in the sign-in form and submits it, as a person would. */
export async function submitSignIn(page: Page, base: string, email: string, password: string): Promise<void> {
  if (!page.url().includes("/logga-in")) await page.goto(`${base}/logga-in`);
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
}

/** A new browser context signed in as a demo staff member, on the workspace start page. */
export async function signedInPage(j: Journey, email: string, password = "klarsvar-demo-2026"): Promise<Page> {
  const page = await (await j.browser.newContext()).newPage();
  await submitSignIn(page, j.server.base, email, password);
  await page.waitForURL(`${j.server.base}/arbetsyta`);
  return page;
}

/** The texts of the mails in an outbox folder to `to` whose subject starts with `subject`, oldest first. */
export async function mailTexts(outbox: string, to: string, subject: string): Promise<string[]> {
  const { readdir, readFile } = await import("node:fs/promises");
  const { join } = await import("node:path");
  const { simpleParser } = await import("mailparser");
  const found: string[] = [];
  for (const f of (await readdir(outbox).catch(() => [])).sort()) {
    const m = await simpleParser(await readFile(join(outbox, f)));
    if (((Array.isArray(m.to) ? m.to[0] : m.to)?.text ?? "") === to && (m.subject ?? "").startsWith(subject))
      found.push(m.text ?? "");
  }
  return found;
}

/** The newest such mail, waiting for the job that sends it (up to 30 seconds). */
export async function waitForMailText(outbox: string, to: string, subject: string): Promise<string> {
  for (let i = 0; i < 150; i++) {
    const all = await mailTexts(outbox, to, subject);
    if (all.length > 0) return all[all.length - 1] as string;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`No mail to ${to}: ${subject}`);
}

/** The first link in a text whose path contains `path`. */
export const linkIn = (text: string, path: string): string =>
  new RegExp(`https?://[^\\s]+${path}[^\\s]*`).exec(text)?.[0] as string;
