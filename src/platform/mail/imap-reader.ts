/**
 * Reads one shared mailbox over IMAP (imapflow) and hands its unseen messages, in batches, to
 * a callback that stores them. A message is marked \Seen only after the callback has returned
 * (its case is committed), so a crash in between means the message is fetched again — the
 * callback recognises it by Message-ID and stores nothing twice. Between batches the reader
 * waits in IDLE for new mail (with a slow poll as a safety net). When the server cannot be
 * reached or the connection breaks, it reconnects with exponential backoff and reports each
 * state change, so the administrators see it. Nothing in the mailbox is ever deleted or moved.
 */
import { ImapFlow } from "imapflow";

export interface MailboxAddress {
  readonly label: string;
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly user: string;
  readonly password: string;
  readonly path: string;
}

/** Parses imap://user:password@host:port/INBOX (or imaps:// for TLS from the first byte). */
export function parseMailboxUrl(value: string): MailboxAddress {
  const url = new URL(value);
  if (url.protocol !== "imap:" && url.protocol !== "imaps:") throw new Error("must start with imap:// or imaps://");
  const user = decodeURIComponent(url.username);
  if (!user || !url.password) throw new Error("must name a user and a password (imap://user:password@host/INBOX)");
  const secure = url.protocol === "imaps:";
  const path = decodeURIComponent(url.pathname.replace(/^\//, "")) || "INBOX";
  return {
    label: `${user}@${url.hostname}/${path}`,
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 993 : 143,
    secure,
    user,
    password: decodeURIComponent(url.password),
    path,
  };
}

export interface FetchedMail {
  readonly uid: number;
  /** The message as fetched: whole, or its first maxMessageBytes when it is larger. */
  readonly source: Buffer;
  /** The size the server reports for the whole message. */
  readonly size: number;
  readonly truncated: boolean;
}

export type ReaderState =
  | { readonly state: "connected" }
  | { readonly state: "batch"; readonly count: number }
  | { readonly state: "error"; readonly error: string; readonly failures: number; readonly retryInMs: number }
  | { readonly state: "stopped" };

export interface ImapReaderOptions {
  readonly mailbox: MailboxAddress;
  /** Stores the batch; must not return before the messages are committed. */
  readonly onBatch: (mails: readonly FetchedMail[]) => Promise<void>;
  readonly onState?: (state: ReaderState) => Promise<void> | void;
  readonly batchSize?: number;
  readonly maxMessageBytes?: number;
  /** First wait after a failure; doubles per failure up to maxBackoffMs. */
  readonly backoffMs?: number;
  readonly maxBackoffMs?: number;
  /** A poll in case IDLE misses something (some servers drop IDLE silently). */
  readonly pollMs?: number;
}

export class ImapReader {
  private stopped = false;
  private client: ImapFlow | undefined;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  private failures = 0;

  constructor(private readonly options: ImapReaderOptions) {}

  start(): void {
    this.stopped = false;
    this.loop ??= this.run();
  }

  /** Stops after the batch in hand is stored and marked seen. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    const client = this.client;
    // A reader waiting in IDLE or for a reconnect wakes at once.
    if (client) await client.logout().catch(() => undefined);
    await this.loop;
    this.loop = undefined;
  }

  private async report(state: ReaderState): Promise<void> {
    try {
      await this.options.onState?.(state);
    } catch {
      // A status report must never stop the reader.
    }
  }

  private async sleep(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wake = undefined;
  }

  private async run(): Promise<void> {
    const { mailbox } = this.options;
    while (!this.stopped) {
      const client = new ImapFlow({
        host: mailbox.host,
        port: mailbox.port,
        secure: mailbox.secure,
        auth: { user: mailbox.user, pass: mailbox.password },
        logger: false,
        connectionTimeout: 15_000,
        clientInfo: { name: "Klarsvar" },
        // The reader enters IDLE itself while it holds the mailbox lock (waitForMail).
        disableAutoIdle: true,
      });
      // A dropped connection must not crash the process; the loop below reconnects.
      client.on("error", () => undefined);
      this.client = client;
      try {
        await client.connect();
        const lock = await client.getMailboxLock(mailbox.path);
        try {
          this.failures = 0;
          await this.report({ state: "connected" });
          while (!this.stopped) {
            await this.drain(client);
            if (this.stopped) break;
            await this.waitForMail(client);
          }
        } finally {
          lock.release();
        }
        await client.logout().catch(() => undefined);
      } catch (error) {
        client.close();
        if (this.stopped) break;
        this.failures++;
        const base = this.options.backoffMs ?? 1000;
        const retryInMs = Math.min(base * 2 ** (this.failures - 1), this.options.maxBackoffMs ?? 300_000);
        await this.report({ state: "error", error: describe(error), failures: this.failures, retryInMs });
        await this.sleep(retryInMs);
      } finally {
        this.client = undefined;
      }
    }
    await this.report({ state: "stopped" });
  }

  /** Waits in IDLE until the server says a message arrived, the poll time passes, or stop(). */
  private async waitForMail(client: ImapFlow): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        client.off("exists", onExists);
        client.off("close", onClose);
        this.wake = undefined;
      };
      const onExists = () => {
        done();
        resolve();
      };
      const onClose = () => {
        done();
        reject(new Error("the IMAP connection closed"));
      };
      const timer = setTimeout(() => {
        done();
        resolve();
      }, this.options.pollMs ?? 60_000);
      client.on("exists", onExists);
      client.on("close", onClose);
      this.wake = () => {
        done();
        resolve();
      };
      // IDLE: the server announces new mail at once. The next command (the search in
      // drain) ends IDLE by itself.
      client.idle().catch(() => undefined);
    });
  }

  /** Fetches every unseen message in batches; each batch is stored, then marked seen. */
  private async drain(client: ImapFlow): Promise<void> {
    const batchSize = this.options.batchSize ?? 100;
    const maxBytes = this.options.maxMessageBytes ?? 26_214_400;
    for (;;) {
      const unseen = (await client.search({ seen: false }, { uid: true })) || [];
      if (unseen.length === 0 || this.stopped) return;
      const uids = [...unseen].sort((a, b) => a - b).slice(0, batchSize);
      const sizes = new Map<number, number>();
      for (const m of await client.fetchAll(uids, { uid: true, size: true }, { uid: true }))
        sizes.set(m.uid, m.size ?? 0);
      const small = uids.filter((u) => (sizes.get(u) ?? 0) <= maxBytes);
      const large = uids.filter((u) => (sizes.get(u) ?? 0) > maxBytes);
      const mails: FetchedMail[] = [];
      if (small.length > 0) {
        for (const m of await client.fetchAll(small, { uid: true, source: true }, { uid: true })) {
          if (m.source)
            mails.push({ uid: m.uid, source: m.source, size: sizes.get(m.uid) ?? m.source.length, truncated: false });
        }
      }
      for (const uid of large) {
        // Too large to keep whole: keep its beginning (headers, text); the original stays on the server.
        for (const m of await client.fetchAll(
          [uid],
          { uid: true, source: { start: 0, maxLength: maxBytes } },
          { uid: true },
        )) {
          if (m.source)
            mails.push({ uid: m.uid, source: m.source, size: sizes.get(m.uid) ?? m.source.length, truncated: true });
        }
      }
      mails.sort((a, b) => a.uid - b.uid);
      // Do not peek with \Seen: the flag is set only after the batch is committed.
      await this.options.onBatch(mails);
      await client.messageFlagsAdd(uids, ["\\Seen"], { uid: true });
      await this.report({ state: "batch", count: mails.length });
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const e = error as Error & { code?: string; responseText?: string };
    return [e.code, e.responseText ?? e.message].filter(Boolean).join(": ");
  }
  return String(error);
}
