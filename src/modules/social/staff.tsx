/** The posts behind a social case, with moderation; and the archive snapshots of each account. */
import { escapeHtml } from "@kitajs/html";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ModuleContext } from "../../app/module.js";
import { sendPage } from "../../platform/http/page.js";
import { AppError } from "../../platform/errors.js";
import type { TypedApp } from "../../platform/http/typed.js";
import { sayer, type Sayer } from "../../platform/i18n/messages.js";
import type { PageContext } from "../../views/context.js";
import { Banner, Button, ErrorSummary, Form, SelectField, Table, Tag, TextField } from "../../views/components.js";
import { staffViewer, userActor } from "../../platform/http/actor.js";
import { caseFor, openCase, readCase } from "../inbox/index.js";
import { createArchive } from "./archive.js";
import { messages, type SocialKey } from "./messages.js";
import { moderate, MODERATION_REASONS } from "./moderation.js";
import { ArchiveBody, CaseParams, CsrfBody, DoneQuery, IdParams, ItemParams, ModerationBody } from "./schema.js";

interface ItemRow {
  id: string;
  direction: string;
  kind: string;
  platform: string;
  author_name: string | null;
  text: string;
  permalink: string | null;
  created_at: Date;
  hidden_at: Date | null;
  removed_at: Date | null;
  moderation: { action: string; reason: string; status: string; failure: string | null }[];
}

const PLATFORMS = ["facebook", "instagram", "mastodon"] as const;
const isPlatform = (p: string): p is (typeof PLATFORMS)[number] => (PLATFORMS as readonly string[]).includes(p);
/** A platform's name in the reader's language (an unknown one as it is stored). */
export const platformName = (say: Sayer<SocialKey>, p: string): string => (isPlatform(p) ? say(`platform.${p}`) : p);

export function socialStaffRoutes(app: TypedApp, ctx: ModuleContext): void {
  const db = ctx.database.db;
  const orgId = ctx.org.id;

  /**
   * The posts are the case's content: read through the inbox's door, so only by someone who may
   * read the case, and for a secret case (a private message) only inside an audited opening.
   */
  const loadCase = async (request: FastifyRequest, caseId: string) => {
    const purpose = sayer(messages, "sv")("posts.purpose");
    const read = await readCase(db, staffViewer(request, orgId), caseId, purpose);
    if (!read.ok) {
      if (read.error === "not_found") throw new AppError("KS_NOT_FOUND");
      if (read.error === "needs_open") return undefined;
      throw new AppError("KS_FORBIDDEN");
    }
    return read.value.meta;
  };

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    caseId: string,
    state: { error?: string | undefined; itemId?: string; notice?: string } = {},
  ) {
    const say = sayer(messages, request.lang);
    const c = await loadCase(request, caseId);
    if (!c) {
      const found = request.user ? await caseFor(db, request.user, caseId) : undefined;
      return sendPage(
        request,
        reply,
        { title: say("posts.title", { number: found?.meta.number ?? "" }), side: "staff" },
        (p) => <SocialGatePage ctx={p} caseId={caseId} number={found?.meta.number ?? ""} />,
      );
    }
    const items = await db
      .selectFrom("social_items as i")
      .innerJoin("social_accounts as a", "a.id", "i.account_id")
      .select([
        "i.id",
        "i.direction",
        "i.kind",
        "a.platform",
        "i.author_name",
        "i.text",
        "i.permalink",
        "i.created_at",
        "i.hidden_at",
        "i.removed_at",
      ])
      .where("i.case_id", "=", caseId)
      .orderBy("i.created_at")
      .execute();
    const moderation =
      items.length === 0
        ? []
        : await db
            .selectFrom("social_moderation")
            .select(["item_id", "action", "reason", "status", "failure"])
            .where(
              "item_id",
              "in",
              items.map((i) => i.id),
            )
            .orderBy("created_at")
            .execute();
    const rows: ItemRow[] = items.map((i) => ({ ...i, moderation: moderation.filter((m) => m.item_id === i.id) }));
    return sendPage(
      request,
      reply,
      {
        title: say("posts.title", { number: c.number }),
        side: "staff",
        hasErrors: Boolean(state.error),
        status: state.error ? 400 : 200,
      },
      (p) => (
        <SocialCasePage
          ctx={p}
          caseId={caseId}
          number={c.number}
          items={rows}
          error={state.error}
          errorItem={state.itemId}
          notice={state.notice}
        />
      ),
    );
  }

  app.get(
    "/arbetsyta/socialt/:caseId",
    {
      config: { access: "social.moderate" },
      schema: { params: CaseParams, querystring: DoneQuery },
    },
    (request, reply) =>
      render(
        request,
        reply,
        request.params.caseId,
        request.query.klart ? { notice: sayer(messages, request.lang)("posts.saved") } : {},
      ),
  );

  app.post(
    "/arbetsyta/socialt/:caseId/oppna",
    {
      config: { access: "social.moderate" },
      schema: { params: CaseParams, body: CsrfBody },
    },
    async (request, reply) => {
      const { caseId } = request.params;
      const opened = await openCase(db, staffViewer(request, orgId), caseId, "social");
      if (!opened.ok) throw new AppError(opened.error === "not_found" ? "KS_NOT_FOUND" : "KS_FORBIDDEN");
      return reply.redirect(`/arbetsyta/socialt/${caseId}`, 303);
    },
  );

  app.post(
    "/arbetsyta/socialt/:caseId/:itemId",
    {
      config: { access: "social.moderate" },
      schema: { params: ItemParams, body: ModerationBody },
    },
    async (request, reply) => {
      const { caseId, itemId } = request.params;
      if (!(await loadCase(request, caseId))) throw new AppError("KS_FORBIDDEN");
      const b = request.body;
      const inCase = await db
        .selectFrom("social_items")
        .select("id")
        .where("id", "=", itemId)
        .where("case_id", "=", caseId)
        .executeTakeFirst();
      if (!inCase) throw new AppError("KS_NOT_FOUND");
      const result = await moderate(
        db,
        ctx.jobs,
        userActor(request, orgId),
        orgId,
        itemId,
        b.action,
        b.reason,
        b.explanation,
        request.lang,
      );
      if (!result.ok) {
        if (result.kind !== "invalid")
          throw new AppError(result.kind === "forbidden" ? "KS_FORBIDDEN" : "KS_NOT_FOUND");
        return render(request, reply, caseId, { error: result.errors[0]?.message, itemId });
      }
      return reply.redirect(`/arbetsyta/socialt/${caseId}?klart=1`, 303);
    },
  );

  app.post(
    "/arbetsyta/admin/sociala-medier/:id/arkiv",
    {
      config: { access: "social.manageAccounts" },
      schema: { params: IdParams, body: ArchiveBody },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { fran, till } = request.body;
      const from = /^\d{4}-\d{2}-\d{2}$/.test(fran) ? new Date(`${fran}T00:00:00Z`) : null;
      const to = /^\d{4}-\d{2}-\d{2}$/.test(till) ? new Date(`${till}T00:00:00Z`) : null;
      if (!from || !to || Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || to <= from)
        throw new AppError("KS_BAD_REQUEST", "The archive period must be two dates (YYYY-MM-DD), to after from");
      const made = await createArchive(db, userActor(request, orgId), orgId, id, from, to);
      if (!made) throw new AppError("KS_NOT_FOUND");
      return reply.redirect(`/arbetsyta/admin/sociala-medier/arkiv/${made.id}`, 303);
    },
  );

  app.get(
    "/arbetsyta/admin/sociala-medier/arkiv/:id",
    { config: { access: "social.manageAccounts" }, schema: { params: IdParams } },
    async (request, reply) => {
      const { id } = request.params;
      const a = await db
        .selectFrom("social_archives")
        .select(["data", "sha256", "period_from", "period_to"])
        .where("org_id", "=", orgId)
        .where("id", "=", id)
        .executeTakeFirst();
      if (!a) throw new AppError("KS_NOT_FOUND");
      const name = `sociala-medier-${new Date(a.period_from).toISOString().slice(0, 10)}-${new Date(a.period_to).toISOString().slice(0, 10)}.json`;
      return reply
        .header("cache-control", "no-store")
        .header("x-checksum-sha256", a.sha256)
        .header("content-disposition", `attachment; filename="${name}"`)
        .type("application/json; charset=utf-8")
        .send(a.data);
    },
  );
}

/** A secret case's posts (a private message) are opened deliberately first; the opening is logged. */
function SocialGatePage(p: { ctx: PageContext; caseId: string; number: string }): JSX.Element {
  const say = sayer(messages, p.ctx.lang);
  return (
    <>
      <h1 safe>{say("posts.title", { number: p.number })}</h1>
      <p safe>{say("posts.gate.text")}</p>
      <Form ctx={p.ctx} action={`/arbetsyta/socialt/${p.caseId}/oppna`}>
        <Button>{escapeHtml(say("posts.gate.open"))}</Button>
      </Form>
    </>
  );
}

function SocialCasePage(p: {
  ctx: PageContext;
  caseId: string;
  number: string;
  items: readonly ItemRow[];
  error?: string | undefined;
  errorItem?: string | undefined;
  notice?: string | undefined;
}): JSX.Element {
  const say = sayer(messages, p.ctx.lang);
  return (
    <>
      {p.notice ? (
        <Banner kind="success">
          <p safe>{p.notice}</p>
        </Banner>
      ) : (
        ""
      )}
      <ErrorSummary ctx={p.ctx} errors={p.error ? [{ field: `action-${p.errorItem ?? ""}`, message: p.error }] : []} />
      <p class="breadcrumbs">
        <a href={`/arbetsyta/arenden/${p.caseId}`} safe>
          {say("posts.back")}
        </a>
      </p>
      <h1 safe>{say("posts.title", { number: p.number })}</h1>
      <p class="lead" safe>
        {say("posts.lead")}
      </p>
      {p.items.map((i) => {
        const platform = platformName(say, i.platform);
        const who = say("posts.who", {
          author: i.direction === "in" ? (i.author_name ?? say("posts.unknown")) : say("posts.us"),
          platform,
          when: new Date(i.created_at),
        });
        const canModerate = i.direction === "in" && i.kind === "comment" && i.platform !== "mastodon" && !i.removed_at;
        // Meta accepts answers to a private message for 24 hours after the person's latest one.
        const windowEnds =
          i.direction === "in" && i.kind === "message"
            ? new Date(new Date(i.created_at).getTime() + 24 * 3_600_000)
            : null;
        const windowText = windowEnds
          ? windowEnds > new Date()
            ? say("posts.window.open", { platform, until: windowEnds })
            : say("posts.window.closed")
          : "";
        return (
          <section class="panel" aria-label={who}>
            <p>
              <strong safe>{who}</strong>{" "}
              {i.hidden_at ? <Tag tone="yellow">{escapeHtml(say("posts.hidden"))}</Tag> : ""}
              {i.removed_at ? <Tag tone="red">{escapeHtml(say("posts.removed"))}</Tag> : ""}
            </p>
            <p safe>{i.text}</p>
            {i.permalink ? (
              <p>
                <a href={i.permalink} rel="noopener noreferrer" safe>
                  {say("posts.open")}
                </a>
              </p>
            ) : (
              ""
            )}
            {windowText ? (
              <p class="hint" safe>
                {windowText}
              </p>
            ) : (
              ""
            )}
            {i.moderation.map((m) => (
              <p class="hint" safe>
                {say("posts.moderation", {
                  action: m.action,
                  status: m.status,
                  failure: m.failure ?? "",
                  reason: m.reason,
                })}
              </p>
            ))}
            {canModerate ? (
              <Form ctx={p.ctx} action={`/arbetsyta/socialt/${p.caseId}/${i.id}`} novalidate>
                <SelectField
                  id={`action-${i.id}`}
                  name="action"
                  label={say("posts.action")}
                  error={p.errorItem === i.id ? p.error : undefined}
                  options={[
                    { value: "hide", label: say("posts.action.hide") },
                    { value: "remove", label: say("posts.action.remove") },
                  ]}
                />
                <SelectField
                  id={`reason-${i.id}`}
                  name="reason"
                  label={say("posts.reason")}
                  options={MODERATION_REASONS.map((r) => ({ value: r, label: say(`reason.${r}`) }))}
                />
                <TextField id={`explanation-${i.id}`} name="explanation" label={say("posts.explanation")} />
                <Button kind="secondary">{escapeHtml(say("posts.moderate"))}</Button>
              </Form>
            ) : (
              ""
            )}
          </section>
        );
      })}
      {p.items.length === 0 ? <p safe>{say("posts.empty")}</p> : ""}
    </>
  );
}

export function ArchiveList(p: {
  ctx: PageContext;
  accounts: readonly { id: string; name: string }[];
  archives: readonly {
    id: string;
    account: string;
    period_from: Date;
    period_to: Date;
    items: number;
    sha256: string;
  }[];
}): JSX.Element {
  const say = sayer(messages, p.ctx.lang);
  const day = (d: Date) => new Date(d).toISOString().slice(0, 10);
  return (
    <section class="panel" aria-labelledby="archive-title">
      <h2 id="archive-title" safe>
        {say("archive.title")}
      </h2>
      <p safe>{say("archive.lead")}</p>
      <Table
        caption={say("archive.caption")}
        captionHidden
        rows={p.archives}
        columns={[
          { header: say("archive.account"), cell: (a: { account: string }) => <span safe>{a.account}</span> },
          {
            header: say("archive.period"),
            cell: (a: { id: string; period_from: Date; period_to: Date }) => (
              <a href={`/arbetsyta/admin/sociala-medier/arkiv/${a.id}`} safe>
                {say("archive.periodRange", { from: day(a.period_from), to: day(a.period_to) })}
              </a>
            ),
          },
          { header: say("archive.items"), numeric: true, cell: (a: { items: number }) => String(a.items) },
          {
            header: say("archive.checksum"),
            cell: (a: { sha256: string }) => <code safe>{a.sha256.slice(0, 16)}</code>,
          },
        ]}
      />
      {p.accounts.map((a) => (
        <Form ctx={p.ctx} action={`/arbetsyta/admin/sociala-medier/${a.id}/arkiv`} class="filters">
          <TextField
            id={`fran-${a.id}`}
            name="fran"
            type="date"
            label={say("archive.from", { account: a.name })}
            width="quarter"
          />
          <TextField id={`till-${a.id}`} name="till" type="date" label={say("archive.to")} width="quarter" />
          <Button kind="secondary">{escapeHtml(say("archive.save"))}</Button>
        </Form>
      ))}
    </section>
  );
}
