/**
 * Admins connect the department's accounts: a Facebook Page, an Instagram account, a Mastodon
 * account. The access token is encrypted when saved and never shown again; it can be replaced.
 */
import { escapeHtml } from "@kitajs/html";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ModuleContext } from "../../app/module.js";
import { sendPage } from "../../platform/http/page.js";
import { audit } from "../../platform/audit/audit.js";
import { ButtonForm, type TypedApp } from "../../platform/http/typed.js";
import { sayer } from "../../platform/i18n/messages.js";
import type { FieldError, PageContext } from "../../views/context.js";
import { Banner, Button, ErrorSummary, Form, SelectField, Table, TextField } from "../../views/components.js";
import { userActor } from "../../platform/http/actor.js";
import { messages } from "./messages.js";
import { AccountBody, DoneQuery, IdParams } from "./schema.js";
import { ArchiveList } from "./staff.js";
import { encryptToken } from "./tokens.js";

const PLATFORMS = ["facebook", "instagram", "mastodon"] as const;
type Platform = (typeof PLATFORMS)[number];
const isPlatform = (p: string): p is Platform => (PLATFORMS as readonly string[]).includes(p);

interface AccountRow {
  id: string;
  platform: string;
  external_id: string;
  name: string;
  base_url: string | null;
  active: boolean;
  last_error: string | null;
  last_error_at: Date | null;
  created_at: Date;
}
interface AccountForm {
  platform: string;
  name: string;
  externalId: string;
  baseUrl: string;
}

export function socialAdminRoutes(app: TypedApp, ctx: ModuleContext): void {
  const db = ctx.database.db;
  const orgId = ctx.org.id;
  const base = "/arbetsyta/admin/sociala-medier";

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    state: { errors?: FieldError[]; form?: AccountForm; notice?: string } = {},
  ) {
    const [accounts, events, archives] = await Promise.all([
      db
        .selectFrom("social_accounts")
        .select([
          "id",
          "platform",
          "external_id",
          "name",
          "base_url",
          "active",
          "last_error",
          "last_error_at",
          "created_at",
        ])
        .where("org_id", "=", orgId)
        .orderBy("created_at")
        .execute(),
      db
        .selectFrom("social_events")
        .select((eb) => ["status", eb.fn.countAll<string>().as("n")])
        .where("org_id", "=", orgId)
        .where("received_at", ">", new Date(Date.now() - 7 * 86_400_000))
        .groupBy("status")
        .execute(),
      db
        .selectFrom("social_archives as r")
        .innerJoin("social_accounts as a", "a.id", "r.account_id")
        .select(["r.id", "a.name as account", "r.period_from", "r.period_to", "r.items", "r.sha256"])
        .where("r.org_id", "=", orgId)
        .orderBy("r.period_to", "desc")
        .limit(50)
        .execute(),
    ]);
    const errors = state.errors ?? [];
    return sendPage(
      request,
      reply,
      {
        title: sayer(messages, request.lang)("admin.title"),
        side: "staff",
        hasErrors: errors.length > 0,
        status: errors.length > 0 ? 400 : 200,
      },
      (p) => (
        <SocialAdminPage
          ctx={p}
          accounts={accounts}
          events={events.map((e) => ({ status: e.status, n: Number(e.n) }))}
          errors={errors}
          form={state.form}
          notice={state.notice}
          webhook={`${ctx.config.publicUrl.replace(/\/$/, "")}/webhooks/meta`}
          metaReady={Boolean(ctx.config.social.metaAppSecret && ctx.config.social.metaVerifyToken)}
          archives={archives.map((a) => ({
            ...a,
            period_from: new Date(a.period_from),
            period_to: new Date(a.period_to),
          }))}
        />
      ),
    );
  }

  app.get(
    base,
    {
      config: { access: "social.manageAccounts" },
      schema: { querystring: DoneQuery },
    },
    (request, reply) =>
      render(request, reply, request.query.klart ? { notice: sayer(messages, request.lang)("admin.saved") } : {}),
  );

  app.post(
    base,
    { config: { access: "social.manageAccounts" }, schema: { body: AccountBody } },
    async (request, reply) => {
      const b = request.body;
      const say = sayer(messages, request.lang);
      const form: AccountForm = {
        platform: b.platform,
        name: b.name.trim(),
        externalId: b.externalId.trim(),
        baseUrl: b.baseUrl.trim(),
      };
      const token = b.token.trim();
      const errors: FieldError[] = [];
      const platform = isPlatform(form.platform) ? form.platform : undefined;
      if (!platform) errors.push({ field: "platform", message: say("admin.error.platform") });
      if (!form.name || form.name.length > 120) errors.push({ field: "name", message: say("admin.error.name") });
      if (!/^[\w.@-]{1,64}$/.test(form.externalId))
        errors.push({ field: "externalId", message: say("admin.error.externalId") });
      if (
        form.platform === "mastodon" &&
        !/^https:\/\/[\w.-]+(:\d+)?\/?$/.test(form.baseUrl) &&
        !(ctx.config.env !== "production" && /^http:\/\/127\.0\.0\.1(:\d+)?\/?$/.test(form.baseUrl))
      ) {
        errors.push({ field: "baseUrl", message: say("admin.error.baseUrl") });
      }
      if (token.length < 10 || token.length > 2000) errors.push({ field: "token", message: say("admin.error.token") });
      if (errors.length > 0 || !platform) return render(request, reply, { errors, form });
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto("social_accounts")
          .values({
            org_id: orgId,
            platform,
            external_id: form.externalId,
            name: form.name,
            base_url: form.platform === "mastodon" ? form.baseUrl.replace(/\/$/, "") : null,
            token_encrypted: encryptToken(ctx.config.social.tokenKey, token),
            created_by: request.user?.id ?? null,
          })
          .onConflict((oc) =>
            oc.columns(["org_id", "platform", "external_id"]).doUpdateSet({
              name: form.name,
              token_encrypted: encryptToken(ctx.config.social.tokenKey, token),
              active: true,
              last_error: null,
            }),
          )
          .returning("id")
          .executeTakeFirstOrThrow();
        // The token itself is never written to the log.
        await audit(trx, userActor(request, orgId), {
          action: "social.account.save",
          subjectType: "social_account",
          subjectId: row.id,
          details: { platform: form.platform, externalId: form.externalId, name: form.name },
        });
      });
      return reply.redirect(`${base}?klart=1`, 303);
    },
  );

  app.post(
    `${base}/:id/av`,
    { config: { access: "social.manageAccounts" }, schema: { body: ButtonForm, params: IdParams } },
    async (request, reply) => {
      const { id } = request.params;
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable("social_accounts")
          .set({ active: false })
          .where("org_id", "=", orgId)
          .where("id", "=", id)
          .returning("id")
          .executeTakeFirst();
        if (row)
          await audit(trx, userActor(request, orgId), {
            action: "social.account.deactivate",
            subjectType: "social_account",
            subjectId: id,
          });
      });
      return reply.redirect(base, 303);
    },
  );
}

function SocialAdminPage(p: {
  ctx: PageContext;
  accounts: readonly AccountRow[];
  events: readonly { status: string; n: number }[];
  errors: readonly FieldError[];
  form?: AccountForm | undefined;
  notice?: string | undefined;
  webhook: string;
  metaReady: boolean;
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
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  const f = p.form ?? { platform: "facebook", name: "", externalId: "", baseUrl: "" };
  const count = (s: string) => p.events.find((e) => e.status === s)?.n ?? 0;
  const eventsText = say("admin.events", {
    processed: count("processed"),
    pending: count("pending"),
    ignored: count("ignored"),
    failed: count("failed"),
  });
  const accountKind = (platform: string) => (isPlatform(platform) ? say(`account.${platform}`) : platform);
  return (
    <>
      {p.notice ? (
        <Banner kind="success">
          <p safe>{p.notice}</p>
        </Banner>
      ) : (
        ""
      )}
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <h1 safe>{say("admin.title")}</h1>
      <p class="lead" safe>
        {say("admin.lead")}
      </p>
      <section class="panel" aria-labelledby="meta-title">
        <h2 id="meta-title" safe>
          {say("admin.meta.title")}
        </h2>
        <p>
          <span safe>{`${say("admin.meta.webhook")} `}</span>
          <code safe>{p.webhook}</code>
        </p>
        {p.metaReady ? (
          <p safe>{say("admin.meta.ready")}</p>
        ) : (
          <Banner kind="warning">
            <p safe>{say("admin.meta.missing")}</p>
          </Banner>
        )}
        <p safe>{eventsText}</p>
      </section>
      <Table
        caption={say("admin.accounts.caption")}
        rows={p.accounts}
        columns={[
          {
            header: say("admin.accounts.account"),
            cell: (a: AccountRow) => (
              <span safe>{say("admin.accounts.accountName", { name: a.name, platform: accountKind(a.platform) })}</span>
            ),
          },
          { header: say("admin.accounts.id"), cell: (a: AccountRow) => <span safe>{a.external_id}</span> },
          {
            header: say("admin.accounts.state"),
            cell: (a: AccountRow) => {
              const s: string = a.active
                ? a.last_error
                  ? say("admin.accounts.error", {
                      when: new Date(a.last_error_at ?? a.created_at),
                      error: a.last_error,
                    })
                  : say("admin.accounts.active")
                : say("admin.accounts.off");
              return <span safe>{s}</span>;
            },
          },
          {
            header: say("admin.accounts.turnOff"),
            cell: (a: AccountRow) =>
              a.active ? (
                <Form ctx={p.ctx} action={`/arbetsyta/admin/sociala-medier/${a.id}/av`} class="inline-form">
                  <Button kind="link">{escapeHtml(say("admin.accounts.turnOff"))}</Button>
                </Form>
              ) : (
                say("admin.accounts.none")
              ),
          },
        ]}
      />
      {p.accounts.length === 0 ? <p safe>{say("admin.accounts.empty")}</p> : ""}
      <ArchiveList ctx={p.ctx} accounts={p.accounts.map((a) => ({ id: a.id, name: a.name }))} archives={p.archives} />
      <section class="panel" aria-labelledby="new-account">
        <h2 id="new-account" safe>
          {say("admin.form.title")}
        </h2>
        <Form ctx={p.ctx} action="/arbetsyta/admin/sociala-medier" novalidate>
          <SelectField
            name="platform"
            label={say("admin.form.platform")}
            selected={f.platform}
            error={err("platform")}
            options={[
              { value: "facebook", label: say("account.facebook") },
              { value: "instagram", label: say("admin.form.platform.instagram") },
              { value: "mastodon", label: say("account.mastodon") },
            ]}
          />
          <TextField name="name" label={say("admin.form.name")} value={f.name} error={err("name")} />
          <TextField
            name="externalId"
            label={say("admin.form.externalId")}
            hint={say("admin.form.externalId.hint")}
            value={f.externalId}
            error={err("externalId")}
            width="half"
          />
          <TextField
            name="baseUrl"
            label={say("admin.form.baseUrl")}
            hint={say("admin.form.baseUrl.hint")}
            value={f.baseUrl}
            error={err("baseUrl")}
          />
          <TextField
            name="token"
            type="password"
            label={say("admin.form.token")}
            hint={say("admin.form.token.hint")}
            error={err("token")}
            autocomplete="off"
          />
          <Button>{escapeHtml(say("admin.form.save"))}</Button>
        </Form>
      </section>
    </>
  );
}
