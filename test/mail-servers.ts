/**
 * Real mail servers for tests: Postfix (SMTP) delivering over LMTP into Dovecot (IMAP), both
 * from Debian, each run from its own temporary folder on free ports and stopped afterwards.
 * `.ci/run` installs the packages; `mailServersInstalled()` tells whether this machine has them.
 *
 * Domains: klarsvar.test (the department: the shared mailbox inkorg@, and reply@ whose
 * "+token" addresses land in inkorg) and example.test (residents). Every user's password is
 * MAIL_PASSWORD; any address in those domains has a mailbox.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ImapFlow } from "imapflow";
import { simpleParser, type ParsedMail } from "mailparser";

export const MAIL_PASSWORD = "hemligt-test-2026";
export const SHARED_MAILBOX = "inkorg@klarsvar.test";
export const REPLY_ADDRESS = "reply@klarsvar.test";

const DOVECOT = "/usr/sbin/dovecot";
const POSTFIX = "/usr/sbin/postfix";
const POSTFIX_MASTER = "/usr/lib/postfix/sbin/master";

export function mailServersInstalled(): boolean {
  return [DOVECOT, POSTFIX, POSTFIX_MASTER].every((p) => existsSync(p));
}

export interface MailServers {
  readonly smtpPort: number;
  readonly imapPort: number;
  readonly smtpUrl: string;
  /** imap:// URL for a user's INBOX, as IMAP_MAILBOXES takes it. */
  imapUrl(user: string): string;
  /** Stops Postfix (so SMTP is down) until startSmtp() is called again. */
  stopSmtp(): Promise<void>;
  startSmtp(): Promise<void>;
  stopImap(): Promise<void>;
  startImap(): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function waitForPort(port: number, up: boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open === up) return;
    if (Date.now() > deadline) throw new Error(`port ${port} did not ${up ? "open" : "close"} in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function uidOf(user: string): number {
  const r = spawnSync("id", ["-u", user], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`system user ${user} is missing (is Dovecot/Postfix installed?)`);
  return Number(r.stdout.trim());
}

/** Stops a server and every process it started (its process group), at once if need be. */
function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const pid = child.pid;
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-pid, s);
    } catch {
      /* already gone */
    }
  };
  return new Promise((resolve) => {
    const timer = setTimeout(() => signal("SIGKILL"), 1000);
    child.once("exit", () => {
      clearTimeout(timer);
      // Children that outlive the master (an IMAP process in IDLE) go with it.
      signal("SIGKILL");
      resolve();
    });
    signal("SIGTERM");
  });
}

export async function startMailServers(): Promise<MailServers> {
  if (!mailServersInstalled())
    throw new Error(
      "Dovecot and Postfix are not installed: run `apt-get install -y dovecot-imapd dovecot-lmtpd postfix` (.ci/run does)",
    );
  const dir = await mkdtemp(join(tmpdir(), "klarsvar-mail-"));
  await chmod(dir, 0o755);
  const [smtpPort, imapPort, lmtpPort] = [await freePort(), await freePort(), await freePort()];
  const mailUid = uidOf("mail");
  const postfixUid = uidOf("postfix");
  for (const d of ["dovecot/run", "dovecot/state", "mail", "postfix/queue", "postfix/data"])
    await mkdir(join(dir, d), { recursive: true });
  await chown(join(dir, "mail"), mailUid, mailUid);
  await chown(join(dir, "postfix/data"), postfixUid, postfixUid);

  const dovecotConf = join(dir, "dovecot/dovecot.conf");
  await writeFile(
    dovecotConf,
    `
base_dir = ${dir}/dovecot/run
state_dir = ${dir}/dovecot/state
log_path = ${dir}/dovecot/dovecot.log
protocols = imap lmtp
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/%d/%n
first_valid_uid = ${mailUid}
recipient_delimiter = +
passdb {
  driver = static
  args = password=${MAIL_PASSWORD}
}
userdb {
  driver = static
  args = uid=${mailUid} gid=${mailUid} home=${dir}/mail/%d/%n allow_all_users=yes
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${imapPort}
  }
  inet_listener imaps {
    port = 0
  }
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = ${lmtpPort}
  }
}
protocol imap {
  mail_max_userip_connections = 50
}
`,
  );

  const pf = join(dir, "postfix");
  await writeFile(
    join(pf, "main.cf"),
    `
compatibility_level = 3.6
config_directory = ${pf}
queue_directory = ${pf}/queue
data_directory = ${pf}/data
mail_owner = postfix
inet_interfaces = loopback-only
inet_protocols = ipv4
myhostname = mx.klarsvar.test
mydomain = klarsvar.test
mydestination =
mynetworks = 127.0.0.0/8
alias_maps =
alias_database =
recipient_delimiter = +
virtual_mailbox_domains = klarsvar.test, example.test, example.se
virtual_transport = lmtp:inet:127.0.0.1:${lmtpPort}
virtual_alias_maps = inline:{ ${REPLY_ADDRESS}=${SHARED_MAILBOX} }
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
# studsar.example.test: accepted, then undeliverable — Postfix sends a real delivery report (bounce).
transport_maps = inline:{ { studsar.example.test = error:5.1.1 Mailbox does not exist } }
smtpd_reject_unlisted_recipient = no
# avvisar.example.test: refused at once, during the SMTP dialogue.
smtpd_recipient_restrictions = check_recipient_access inline:{ { avvisar.example.test = 550 5.1.1 Mailbox unavailable } }, permit_mynetworks, reject_unauth_destination
maillog_file_prefixes = ${dir}
maillog_file = ${pf}/maillog
message_size_limit = 52428800
biff = no
# Mail deferred while Dovecot was down (a test stops it) is tried again within seconds.
queue_run_delay = 1s
minimal_backoff_time = 1s
maximal_backoff_time = 2s
`,
  );
  const service = (name: string, type: string, priv: string, maxproc: string, command: string) =>
    `${name} ${type} ${priv} - n - ${maxproc} ${command}`;
  await writeFile(
    join(pf, "master.cf"),
    [
      `127.0.0.1:${smtpPort} inet n - n - - smtpd`,
      service("pickup", "unix", "n", "1", "pickup"),
      service("cleanup", "unix", "n", "0", "cleanup"),
      service("qmgr", "unix", "n", "1", "qmgr"),
      service("rewrite", "unix", "-", "-", "trivial-rewrite"),
      service("bounce", "unix", "-", "0", "bounce"),
      service("defer", "unix", "-", "0", "bounce"),
      service("trace", "unix", "-", "0", "bounce"),
      service("verify", "unix", "-", "1", "verify"),
      service("flush", "unix", "n", "0", "flush"),
      service("proxymap", "unix", "-", "-", "proxymap"),
      service("proxywrite", "unix", "-", "1", "proxymap"),
      service("smtp", "unix", "-", "-", "smtp"),
      service("relay", "unix", "-", "-", "smtp"),
      service("showq", "unix", "n", "-", "showq"),
      service("error", "unix", "-", "-", "error"),
      service("retry", "unix", "-", "-", "error"),
      service("discard", "unix", "-", "-", "discard"),
      service("lmtp", "unix", "-", "-", "lmtp"),
      service("anvil", "unix", "-", "1", "anvil"),
      service("scache", "unix", "-", "1", "scache"),
      service("postlog", "unix-dgram", "n", "1", "postlogd"),
      "",
    ].join("\n"),
  );
  // `postfix check` creates the queue folders with the right owners.
  const check = spawnSync(POSTFIX, ["-c", pf, "check"], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`postfix check failed (see ${pf}/maillog): ${check.stderr}`);

  let dovecot: ChildProcess | undefined;
  let postfix: ChildProcess | undefined;
  const startImap = async () => {
    dovecot = spawn(DOVECOT, ["-F", "-c", dovecotConf], { stdio: "ignore", detached: true });
    await waitForPort(imapPort, true);
    await waitForPort(lmtpPort, true);
    // Deliver at once what Postfix deferred while Dovecot was down.
    if (postfix) spawnSync("/usr/sbin/postqueue", ["-c", pf, "-f"], { stdio: "ignore" });
  };
  const startSmtp = async () => {
    postfix = spawn(POSTFIX_MASTER, ["-c", pf, "-d"], { stdio: "ignore", detached: true });
    await waitForPort(smtpPort, true);
  };
  const stopImap = async () => {
    await stopChild(dovecot);
    await waitForPort(imapPort, false);
  };
  const stopSmtp = async () => {
    await stopChild(postfix);
    await waitForPort(smtpPort, false);
  };
  try {
    await startImap();
    await startSmtp();
  } catch (error) {
    await stopChild(postfix);
    await stopChild(dovecot);
    throw error;
  }
  return {
    smtpPort,
    imapPort,
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    imapUrl: (user) =>
      `imap://${encodeURIComponent(user)}:${encodeURIComponent(MAIL_PASSWORD)}@127.0.0.1:${imapPort}/INBOX`,
    stopSmtp,
    startSmtp,
    stopImap,
    startImap,
    stop: async () => {
      await stopChild(postfix);
      await stopChild(dovecot);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Every message in a user's INBOX, parsed, with its \Seen flag: what their mail program would show. */
export async function readMailbox(
  servers: MailServers,
  user: string,
): Promise<{ mail: ParsedMail; seen: boolean; uid: number }[]> {
  const client = new ImapFlow({
    host: "127.0.0.1",
    port: servers.imapPort,
    secure: false,
    auth: { user, pass: MAIL_PASSWORD },
    logger: false,
  });
  await client.connect();
  try {
    const lock = await client.getMailboxLock("INBOX");
    try {
      const status = await client.status("INBOX", { messages: true });
      if (!status || !status.messages) return [];
      const list = await client.fetchAll("1:*", { uid: true, source: true, flags: true });
      // A message still being delivered can be listed before its body is readable: leave it for the next look.
      return Promise.all(
        list
          .filter((m) => m.source)
          .map(async (m) => ({
            mail: await simpleParser(m.source as Buffer),
            seen: m.flags?.has("\\Seen") ?? false,
            uid: m.uid,
          })),
      );
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}
