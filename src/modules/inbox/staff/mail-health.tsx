/**
 * Admins see whether e-mail works: each shared mailbox's reader (connected, or down since
 * when and why, and when it tries again), outgoing mail waiting for another try because the
 * SMTP server did not answer, and answers that bounced.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import type { Db } from "../../../platform/db/database.js";
import { formatDateTime } from "../../../platform/i18n/i18n.js";
import type { PageContext } from "../../../views/context.js";
import { Banner, Table, Tag } from "../../../views/components.js";

interface MailboxRow {
  mailbox: string;
  state: "connected" | "error" | "stopped";
  last_error: string | null;
  last_error_at: Date | null;
  failures: number;
  last_batch_at: Date | null;
  received: string;
  updated_at: Date;
}
interface WaitingMail {
  name: string;
  retryCount: number;
  startAfter: Date;
  error: string;
}
interface BouncedMail {
  case_id: string;
  number: string;
  created_at: Date;
  delivery_status: string | null;
}

const JOB_LABEL: Record<string, string> = {
  "inbox.send-acknowledgement": "Mottagningsbekräftelse",
  "inbox.send-reply": "Svar",
  "inbox.send-mention": "Meddelande till kollega",
};

/** Mailboxes that cannot be read now, for the admin's start page. */
export async function mailboxesDown(db: Db, orgId: string): Promise<number> {
  const row = await db
    .selectFrom("mailbox_status")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("org_id", "=", orgId)
    .where("state", "=", "error")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function mailHealthRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const db = ctx.database.db;
  app.get(
    "/arbetsyta/admin/e-post",
    { config: { access: "inbox.viewMailHealth" }, schema: { querystring: z.object({}).passthrough() } },
    async (request, reply) => {
      const [mailboxes, retrying, bounced] = await Promise.all([
        db
          .selectFrom("mailbox_status")
          .select([
            "mailbox",
            "state",
            "last_error",
            "last_error_at",
            "failures",
            "last_batch_at",
            "received",
            "updated_at",
          ])
          .where("org_id", "=", ctx.org.id)
          .orderBy("mailbox")
          .execute(),
        ctx.jobs.retryingJobs(100),
        db
          .selectFrom("case_messages as m")
          .innerJoin("cases as c", "c.id", "m.case_id")
          .select(["c.id as case_id", "c.number", "m.created_at", "m.delivery_status"])
          .where("m.org_id", "=", ctx.org.id)
          .where("m.delivery_status", "in", ["bounced", "failed"])
          .orderBy("m.created_at", "desc")
          .limit(50)
          .execute(),
      ]);
      const waiting: WaitingMail[] = retrying
        .filter((j) => j.name in JOB_LABEL)
        .map((j) => ({
          name: j.name,
          retryCount: j.retryCount,
          startAfter: j.startAfter,
          error:
            j.output && typeof j.output === "object" && "message" in j.output
              ? String(j.output.message).slice(0, 200)
              : "",
        }));
      const configured = ctx.config.mail.imapMailboxes.map((m) => m.label);
      return sendPage(request, reply, { title: "E-post", side: "staff" }, (page) => (
        <MailHealthPage
          ctx={page}
          configured={configured}
          mailboxes={mailboxes}
          waiting={waiting}
          bounced={bounced}
          smtp={Boolean(ctx.config.mail.smtpUrl)}
        />
      ));
    },
  );
}

function MailHealthPage(p: {
  ctx: PageContext;
  configured: readonly string[];
  mailboxes: readonly MailboxRow[];
  waiting: readonly WaitingMail[];
  bounced: readonly BouncedMail[];
  smtp: boolean;
}): JSX.Element {
  const when = (d: Date | null) => (d ? formatDateTime(new Date(d), p.ctx.lang) : "–");
  const errorLine = (m: MailboxRow): string => (m.last_error ? `${when(m.last_error_at)}: ${m.last_error}` : "–");
  const down = p.mailboxes.filter((m) => m.state === "error");
  const status = (m: MailboxRow) =>
    m.state === "connected" ? (
      <Tag tone="green">Fungerar</Tag>
    ) : m.state === "error" ? (
      <Tag tone="red">Går inte att nå</Tag>
    ) : (
      <Tag>Stoppad</Tag>
    );
  return (
    <>
      <h1>E-post</h1>
      <p class="lead">
        Här ser du om Klarsvar kan läsa de delade e-postlådorna och skicka e-post. Klarsvar försöker igen av sig själv
        när något inte fungerar. Inget meddelande försvinner.
      </p>
      {down.length > 0 ? (
        <Banner kind="warning">
          <p
            safe
          >{`${down.length === 1 ? "En e-postlåda" : `${down.length} e-postlådor`} går inte att läsa just nu. Klarsvar försöker igen. Kontakta den som sköter e-postservern om felet finns kvar.`}</p>
        </Banner>
      ) : (
        ""
      )}
      <h2>Inkommande e-post</h2>
      {p.configured.length === 0 ? (
        <p>Klarsvar läser ingen e-postlåda. Den som driftar Klarsvar ställer in lådorna med IMAP_MAILBOXES.</p>
      ) : (
        <Table
          caption="E-postlådor som Klarsvar läser"
          rows={p.configured.map(
            (label) =>
              p.mailboxes.find((m) => m.mailbox === label) ?? {
                mailbox: label,
                state: "stopped" as const,
                last_error: null,
                last_error_at: null,
                failures: 0,
                last_batch_at: null,
                received: "0",
                updated_at: new Date(0),
              },
          )}
          columns={[
            { header: "E-postlåda", cell: (m: MailboxRow) => <span safe>{m.mailbox}</span> },
            { header: "Läge", cell: status },
            { header: "Senast hämtat", cell: (m: MailboxRow) => <span safe>{when(m.last_batch_at)}</span> },
            { header: "Hämtade", numeric: true, cell: (m: MailboxRow) => <span safe>{String(m.received)}</span> },
            { header: "Senaste fel", cell: (m: MailboxRow) => <span safe>{errorLine(m)}</span> },
            { header: "Fel i rad", numeric: true, cell: (m: MailboxRow) => <span safe>{String(m.failures)}</span> },
          ]}
        />
      )}
      <h2>Utgående e-post som väntar</h2>
      {!p.smtp ? (
        <p>Ingen e-postserver är inställd (SMTP_URL). Klarsvar sparar utgående e-post som filer i stället.</p>
      ) : (
        ""
      )}
      {p.waiting.length === 0 ? (
        <p>Ingen utgående e-post väntar.</p>
      ) : (
        <Table
          caption="E-post som Klarsvar försöker skicka igen"
          rows={p.waiting}
          columns={[
            { header: "Vad", cell: (w: WaitingMail) => <span safe>{JOB_LABEL[w.name] ?? w.name}</span> },
            { header: "Försök", numeric: true, cell: (w: WaitingMail) => <span safe>{String(w.retryCount)}</span> },
            { header: "Nästa försök", cell: (w: WaitingMail) => <span safe>{when(w.startAfter)}</span> },
            { header: "Fel", cell: (w: WaitingMail) => <span safe>{w.error || "–"}</span> },
          ]}
        />
      )}
      <p>
        E-post som inte gick att skicka efter alla försök finns bland{" "}
        <a href="/arbetsyta/admin/jobb">misslyckade jobb</a>.
      </p>
      <h2>Svar som inte kom fram</h2>
      {p.bounced.length === 0 ? (
        <p>Alla svar har kommit fram.</p>
      ) : (
        <Table
          caption="Svar som studsade eller inte gick att skicka"
          rows={p.bounced}
          columns={[
            {
              header: "Ärende",
              cell: (b: BouncedMail) => (
                <a href={`/arbetsyta/arenden/${b.case_id}`} safe>
                  {b.number}
                </a>
              ),
            },
            { header: "Skrivet", cell: (b: BouncedMail) => <span safe>{when(b.created_at)}</span> },
            {
              header: "Läge",
              cell: (b: BouncedMail) =>
                b.delivery_status === "bounced" ? (
                  <Tag tone="red">Studsade</Tag>
                ) : (
                  <Tag tone="red">Gick inte att skicka</Tag>
                ),
            },
          ]}
        />
      )}
    </>
  );
}
