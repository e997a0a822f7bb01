/** The posts behind a social case, with moderation; and the archive snapshots of each account. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { ModuleContext } from "../../app/module.js";
import { sendPage } from "../../platform/http/page.js";
import { AppError } from "../../platform/errors.js";
import { formatDateTime } from "../../platform/i18n/i18n.js";
import type { PageContext } from "../../views/context.js";
import { Banner, Button, ErrorSummary, Form, SelectField, Table, Tag, TextField } from "../../views/components.js";
import { staffViewer, userActor } from "../../platform/http/actor.js";
import { caseFor, openCase, readCase } from "../inbox/index.js";
import type { SessionUser } from "../../platform/auth/session-user.js";
import { createArchive } from "./archive.js";
import { moderate, MODERATION_REASONS } from "./moderation.js";

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

const PLATFORM_SV: Record<string, string> = { facebook: "Facebook", instagram: "Instagram", mastodon: "Mastodon" };

export function socialStaffRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const db = ctx.database.db;
  const orgId = ctx.org.id;

  /**
   * The posts are the case's content: read through the inbox's door, so only by someone who may
   * read the case, and for a secret case (a private message) only inside an audited opening.
   */
  const loadCase = async (request: FastifyRequest, caseId: string) => {
    const read = await readCase(db, staffViewer(request, orgId), caseId, "inläggen på sociala medier");
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
    state: { error?: string; itemId?: string; notice?: string } = {},
  ) {
    const c = await loadCase(request, caseId);
    if (!c) {
      const found = await caseFor(db, request.user as SessionUser, caseId);
      return sendPage(
        request,
        reply,
        { title: `Inläggen i ärende ${found?.meta.number ?? ""}`, side: "staff" },
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
        title: `Inläggen i ärende ${c.number}`,
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
      schema: {
        params: z.object({ caseId: z.string().uuid() }),
        querystring: z.object({ klart: z.string().optional() }),
      },
    },
    (request, reply) =>
      render(
        request,
        reply,
        (request.params as { caseId: string }).caseId,
        (request.query as { klart?: string }).klart
          ? { notice: "Sparat och arkiverat. Åtgärden på plattformen görs nu." }
          : {},
      ),
  );

  app.post(
    "/arbetsyta/socialt/:caseId/oppna",
    {
      config: { access: "social.moderate" },
      schema: { params: z.object({ caseId: z.string().uuid() }), body: z.object({ _csrf: z.string().optional() }) },
    },
    async (request, reply) => {
      const { caseId } = request.params as { caseId: string };
      const opened = await openCase(db, staffViewer(request, orgId), caseId, "social");
      if (!opened.ok) throw new AppError(opened.error === "not_found" ? "KS_NOT_FOUND" : "KS_FORBIDDEN");
      return reply.redirect(`/arbetsyta/socialt/${caseId}`, 303);
    },
  );

  app.post(
    "/arbetsyta/socialt/:caseId/:itemId",
    {
      config: { access: "social.moderate" },
      schema: { params: z.object({ caseId: z.string().uuid(), itemId: z.string().uuid() }) },
    },
    async (request, reply) => {
      const { caseId, itemId } = request.params as { caseId: string; itemId: string };
      if (!(await loadCase(request, caseId))) throw new AppError("KS_FORBIDDEN");
      const b = request.body as Record<string, string | undefined>;
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
        b["action"] ?? "",
        b["reason"] ?? "",
        b["explanation"] ?? "",
      );
      if (!result.ok) return render(request, reply, caseId, { error: result.message, itemId });
      return reply.redirect(`/arbetsyta/socialt/${caseId}?klart=1`, 303);
    },
  );

  app.post(
    "/arbetsyta/admin/sociala-medier/:id/arkiv",
    {
      config: { access: "social.manageAccounts" },
      schema: { params: z.object({ id: z.string().uuid() }) },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const b = request.body as Record<string, string | undefined>;
      const from = /^\d{4}-\d{2}-\d{2}$/.test(b["fran"] ?? "") ? new Date(`${b["fran"]}T00:00:00Z`) : null;
      const to = /^\d{4}-\d{2}-\d{2}$/.test(b["till"] ?? "") ? new Date(`${b["till"]}T00:00:00Z`) : null;
      if (!from || !to || Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || to <= from)
        throw new AppError("KS_BAD_REQUEST", "Skriv datumen som ÅÅÅÅ-MM-DD, till efter från");
      const made = await createArchive(db, userActor(request, orgId), orgId, id, from, to);
      if (!made) throw new AppError("KS_NOT_FOUND");
      return reply.redirect(`/arbetsyta/admin/sociala-medier/arkiv/${made.id}`, 303);
    },
  );

  app.get(
    "/arbetsyta/admin/sociala-medier/arkiv/:id",
    { config: { access: "social.manageAccounts" }, schema: { params: z.object({ id: z.string().uuid() }) } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
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
  return (
    <>
      <h1 safe>{`Inläggen i ärende ${p.number}`}</h1>
      <p>
        Ärendet omfattas av sekretess. Öppna det för att se inläggen och moderera. Öppningen och det du läser skrivs i
        loggen.
      </p>
      <Form ctx={p.ctx} action={`/arbetsyta/socialt/${p.caseId}/oppna`}>
        <Button>Öppna ärendet</Button>
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
  const title = `Inläggen i ärende ${p.number}`;
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
        <a href={`/arbetsyta/arenden/${p.caseId}`}>Tillbaka till ärendet</a>
      </p>
      <h1 safe>{title}</h1>
      <p class="lead">
        Allt som skrivits på plattformen i ärendet sparas. En kommentar som uppenbart är brottslig (hot, hets mot
        folkgrupp) får döljas eller tas bort. Skälet och en kopia av kommentaren sparas först.
      </p>
      {p.items.map((i) => {
        const who = `${i.direction === "in" ? (i.author_name ?? "Okänd") : "Vi"} på ${PLATFORM_SV[i.platform] ?? i.platform}, ${formatDateTime(new Date(i.created_at), "sv")}`;
        const canModerate = i.direction === "in" && i.kind === "comment" && i.platform !== "mastodon" && !i.removed_at;
        // Meta accepts answers to a private message for 24 hours after the person's latest one.
        const windowEnds =
          i.direction === "in" && i.kind === "message"
            ? new Date(new Date(i.created_at).getTime() + 24 * 3_600_000)
            : null;
        const windowText = windowEnds
          ? windowEnds > new Date()
            ? `Ett svar i ${PLATFORM_SV[i.platform] ?? i.platform} går att skicka till och med ${formatDateTime(windowEnds, "sv")}.`
            : "Meta tar inte emot svar på det här meddelandet längre: det har gått mer än 24 timmar. Svara på annat sätt, till exempel med telefon."
          : "";
        return (
          <section class="panel" aria-label={who}>
            <p>
              <strong safe>{who}</strong> {i.hidden_at ? <Tag tone="yellow">Dold</Tag> : ""}
              {i.removed_at ? <Tag tone="red">Borttagen på plattformen</Tag> : ""}
            </p>
            <p safe>{i.text}</p>
            {i.permalink ? (
              <p>
                <a href={i.permalink} rel="noopener noreferrer">
                  Öppna på plattformen
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
            {i.moderation.map((m) => {
              const line = `${m.action === "remove" ? "Borttagning" : "Döljning"} (${m.status === "done" ? "klar" : m.status === "failed" ? `misslyckades: ${m.failure ?? ""}` : "pågår"}): ${m.reason}`;
              return (
                <p class="hint" safe>
                  {line}
                </p>
              );
            })}
            {canModerate ? (
              <Form ctx={p.ctx} action={`/arbetsyta/socialt/${p.caseId}/${i.id}`} novalidate>
                <SelectField
                  id={`action-${i.id}`}
                  name="action"
                  label="Åtgärd"
                  error={p.errorItem === i.id ? p.error : undefined}
                  options={[
                    { value: "hide", label: "Dölj kommentaren" },
                    { value: "remove", label: "Ta bort kommentaren" },
                  ]}
                />
                <SelectField
                  id={`reason-${i.id}`}
                  name="reason"
                  label="Skäl"
                  options={MODERATION_REASONS.map((r) => ({ value: r.id, label: r.label }))}
                />
                <TextField id={`explanation-${i.id}`} name="explanation" label="Vad i kommentaren gör det?" />
                <Button kind="secondary">Spara kopia och utför</Button>
              </Form>
            ) : (
              ""
            )}
          </section>
        );
      })}
      {p.items.length === 0 ? <p>Ärendet har inga inlägg från sociala medier.</p> : ""}
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
  return (
    <section class="panel" aria-labelledby="archive-title">
      <h2 id="archive-title">Arkiv</h2>
      <p>
        Två gånger om året sparas allt som skrivits på varje konto som en fil (JSON) med kontrollsumma. Du kan också
        spara en period nu.
      </p>
      <Table
        caption="Sparade arkiv"
        captionHidden
        rows={p.archives}
        columns={[
          { header: "Konto", cell: (a: { account: string }) => <span safe>{a.account}</span> },
          {
            header: "Period",
            cell: (a: { id: string; period_from: Date; period_to: Date }) => {
              const s: string = `${new Date(a.period_from).toISOString().slice(0, 10)} – ${new Date(a.period_to).toISOString().slice(0, 10)}`;
              return (
                <a href={`/arbetsyta/admin/sociala-medier/arkiv/${a.id}`} safe>
                  {s}
                </a>
              );
            },
          },
          { header: "Inlägg", numeric: true, cell: (a: { items: number }) => String(a.items) },
          { header: "SHA-256", cell: (a: { sha256: string }) => <code safe>{a.sha256.slice(0, 16)}</code> },
        ]}
      />
      {p.accounts.map((a) => (
        <Form ctx={p.ctx} action={`/arbetsyta/admin/sociala-medier/${a.id}/arkiv`} class="filters">
          <TextField id={`fran-${a.id}`} name="fran" type="date" label={`Från (${a.name})`} width="quarter" />
          <TextField id={`till-${a.id}`} name="till" type="date" label="Till" width="quarter" />
          <Button kind="secondary">Spara arkiv</Button>
        </Form>
      ))}
    </section>
  );
}
