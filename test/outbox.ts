/** Mail written to the outbox folder (no SMTP server in these tests): read it, or wait for it. */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

export async function mailsContaining(outbox: string, text: string): Promise<string[]> {
  const found: string[] = [];
  for (const f of await readdir(outbox).catch(() => [])) {
    const mail = await readFile(join(outbox, f), "utf8");
    if (mail.includes(text)) found.push(mail);
  }
  return found;
}

/** The first mail that contains `text`, waiting for the job that sends it (up to ten seconds). */
export async function waitForMail(outbox: string, text: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const [mail] = await mailsContaining(outbox, text);
    if (mail) return mail;
    await new Promise((r) => setTimeout(r, 100));
  }
  return "";
}
