import { escapeHtml } from "@kitajs/html";
/**
 * Admins see whether e-mail works: each shared mailbox's reader (connected, or down since
 * when and why, and when it tries again), outgoing mail waiting for another try because the
 * SMTP server did not answer, and answers that bounced.
 */
import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import type { TypedApp } from "../../../platform/http/typed.js";
import { sayer } from "../../../platform/i18n/messages.js";
import type { Db } from "../../../platform/db/database.js";
import { formatDateTime } from "../../../platform/i18n/i18n.js";
import type { PageContext } from "../../../views/context.js";
import { Banner, Table, Tag } from "../../../views/components.js";
import { isInboxKey } from "../labels.js";
import { messages } from "../messages.js";
import { AnyQuery } from "../schema.js";

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

/** The mail jobs shown here; each has its name in the catalogue ("mail.job.<job>"). */
const MAIL_JOBS: readonly string[] = ["inbox.send-acknowledgement", "inbox.send-reply", "inbox.send-mention"];

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

export function mailHealthRoutes(app: TypedApp, ctx: ModuleContext): void {
  const db = ctx.database.db;
  app.get(
    "/arbetsyta/admin/e-post",
    { config: { access: "inbox.viewMailHealth" }, schema: { querystring: AnyQuery } },
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
        .filter((j) => MAIL_JOBS.includes(j.name))
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
      return sendPage(request, reply, { title: sayer(messages, request.lang)("mail.title"), side: "staff" }, (page) => (
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
  const say = sayer(messages, p.ctx.lang);
  const when = (d: Date | null) => (d ? formatDateTime(new Date(d), p.ctx.lang) : say("mail.none"));
  const errorLine = (m: MailboxRow): string =>
    m.last_error ? say("mail.errorLine", { when: when(m.last_error_at), error: m.last_error }) : say("mail.none");
  const jobName = (name: string): string => {
    const key = `mail.job.${name}`;
    return isInboxKey(key) ? say(key) : name;
  };
  const down = p.mailboxes.filter((m) => m.state === "error");
  const status = (m: MailboxRow) =>
    m.state === "connected" ? (
      <Tag tone="green">{escapeHtml(say("mail.state.connected"))}</Tag>
    ) : m.state === "error" ? (
      <Tag tone="red">{escapeHtml(say("mail.state.error"))}</Tag>
    ) : (
      <Tag>{escapeHtml(say("mail.state.stopped"))}</Tag>
    );
  return (
    <>
      <h1 safe>{say("mail.title")}</h1>
      <p class="lead" safe>
        {say("mail.lead")}
      </p>
      {down.length > 0 ? (
        <Banner kind="warning">
          <p safe>{say("mail.down", { count: down.length })}</p>
        </Banner>
      ) : (
        ""
      )}
      <h2 safe>{say("mail.incoming")}</h2>
      {p.configured.length === 0 ? (
        <p safe>{say("mail.incoming.none")}</p>
      ) : (
        <Table
          caption={say("mail.incoming.caption")}
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
            { header: say("mail.col.mailbox"), cell: (m: MailboxRow) => <span safe>{m.mailbox}</span> },
            { header: say("mail.col.state"), cell: status },
            { header: say("mail.col.lastBatch"), cell: (m: MailboxRow) => <span safe>{when(m.last_batch_at)}</span> },
            {
              header: say("mail.col.received"),
              numeric: true,
              cell: (m: MailboxRow) => <span safe>{String(m.received)}</span>,
            },
            { header: say("mail.col.lastError"), cell: (m: MailboxRow) => <span safe>{errorLine(m)}</span> },
            {
              header: say("mail.col.failures"),
              numeric: true,
              cell: (m: MailboxRow) => <span safe>{String(m.failures)}</span>,
            },
          ]}
        />
      )}
      <h2 safe>{say("mail.outgoing")}</h2>
      {!p.smtp ? <p safe>{say("mail.outgoing.noSmtp")}</p> : ""}
      {p.waiting.length === 0 ? (
        <p safe>{say("mail.outgoing.none")}</p>
      ) : (
        <Table
          caption={say("mail.outgoing.caption")}
          rows={p.waiting}
          columns={[
            { header: say("mail.col.what"), cell: (w: WaitingMail) => <span safe>{jobName(w.name)}</span> },
            {
              header: say("mail.col.tries"),
              numeric: true,
              cell: (w: WaitingMail) => <span safe>{String(w.retryCount)}</span>,
            },
            { header: say("mail.col.next"), cell: (w: WaitingMail) => <span safe>{when(w.startAfter)}</span> },
            {
              header: say("mail.col.error"),
              cell: (w: WaitingMail) => <span safe>{w.error || say("mail.none")}</span>,
            },
          ]}
        />
      )}
      <p>
        {say.rich("mail.failedJobs", {
          jobs: (text) => (
            <a href="/arbetsyta/admin/jobb" safe>
              {text}
            </a>
          ),
        })}
      </p>
      <h2 safe>{say("mail.bounced")}</h2>
      {p.bounced.length === 0 ? (
        <p safe>{say("mail.bounced.none")}</p>
      ) : (
        <Table
          caption={say("mail.bounced.caption")}
          rows={p.bounced}
          columns={[
            {
              header: say("mail.col.case"),
              cell: (b: BouncedMail) => (
                <a href={`/arbetsyta/arenden/${b.case_id}`} safe>
                  {b.number}
                </a>
              ),
            },
            { header: say("mail.col.written"), cell: (b: BouncedMail) => <span safe>{when(b.created_at)}</span> },
            {
              header: say("mail.col.state"),
              cell: (b: BouncedMail) =>
                b.delivery_status === "bounced" ? (
                  <Tag tone="red">{escapeHtml(say("mail.bounced.bounced"))}</Tag>
                ) : (
                  <Tag tone="red">{escapeHtml(say("mail.bounced.failed"))}</Tag>
                ),
            },
          ]}
        />
      )}
    </>
  );
}
