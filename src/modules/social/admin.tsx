/**
 * Admins connect the department's accounts: a Facebook Page, an Instagram account, a Mastodon
 * account. The access token is encrypted when saved and never shown again; it can be replaced.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { ModuleContext } from "../../app/module.js";
import { sendPage } from "../../platform/http/page.js";
import { audit } from "../../platform/audit/audit.js";
import { formatDateTime } from "../../platform/i18n/i18n.js";
import type { FieldError, PageContext } from "../../views/context.js";
import { Banner, Button, ErrorSummary, Form, SelectField, Table, TextField } from "../../views/components.js";
import { userActor } from "../../platform/http/actor.js";
import { ArchiveList } from "./staff.js";
import { encryptToken } from "./tokens.js";

const PLATFORM_SV: Record<string, string> = {
  facebook: "Facebook-sida",
  instagram: "Instagram-konto",
  mastodon: "Mastodon-konto",
};

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

type Body = Record<string, string | undefined>;

export function socialAdminRoutes(app: FastifyInstance, ctx: ModuleContext): void {
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
      { title: "Sociala medier", side: "staff", hasErrors: errors.length > 0, status: errors.length > 0 ? 400 : 200 },
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
      schema: { querystring: z.object({ klart: z.string().max(20).optional() }) },
    },
    (request, reply) =>
      render(
        request,
        reply,
        (request.query as { klart?: string }).klart
          ? { notice: "Sparat. Nyckeln är krypterad och visas inte igen." }
          : {},
      ),
  );

  app.post(base, { config: { access: "social.manageAccounts" } }, async (request, reply) => {
    const b = request.body as Body;
    const form: AccountForm = {
      platform: b["platform"] ?? "",
      name: (b["name"] ?? "").trim(),
      externalId: (b["externalId"] ?? "").trim(),
      baseUrl: (b["baseUrl"] ?? "").trim(),
    };
    const token = (b["token"] ?? "").trim();
    const errors: FieldError[] = [];
    if (!["facebook", "instagram", "mastodon"].includes(form.platform))
      errors.push({ field: "platform", message: "Välj vilken sorts konto det är" });
    if (!form.name || form.name.length > 120)
      errors.push({ field: "name", message: "Skriv kontots namn, högst 120 tecken" });
    if (!/^[\w.@-]{1,64}$/.test(form.externalId))
      errors.push({
        field: "externalId",
        message: "Skriv kontots id som det står hos Meta eller Mastodon, bara siffror och bokstäver",
      });
    if (
      form.platform === "mastodon" &&
      !/^https:\/\/[\w.-]+(:\d+)?\/?$/.test(form.baseUrl) &&
      !(ctx.config.env !== "production" && /^http:\/\/127\.0\.0\.1(:\d+)?\/?$/.test(form.baseUrl))
    ) {
      errors.push({ field: "baseUrl", message: "Skriv instansens adress, till exempel https://mastodon.example" });
    }
    if (token.length < 10 || token.length > 2000)
      errors.push({ field: "token", message: "Klistra in kontots åtkomstnyckel" });
    if (errors.length > 0) return render(request, reply, { errors, form });
    await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("social_accounts")
        .values({
          org_id: orgId,
          platform: form.platform as "facebook" | "instagram" | "mastodon",
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
  });

  app.post(
    `${base}/:id/av`,
    { config: { access: "social.manageAccounts" }, schema: { params: z.object({ id: z.string().uuid() }) } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
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
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  const f = p.form ?? { platform: "facebook", name: "", externalId: "", baseUrl: "" };
  const count = (s: string) => p.events.find((e) => e.status === s)?.n ?? 0;
  const eventsText = `Senaste veckan: ${count("processed")} tagna om hand, ${count("pending")} väntar, ${count("ignored")} gick inte att använda, ${count("failed")} misslyckades.`;
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
      <h1>Sociala medier</h1>
      <p class="lead">
        Kommentarer och meddelanden på förvaltningens konton blir ärenden i inkorgen. Svaren skickas tillbaka dit
        personen skrev.
      </p>
      <section class="panel" aria-labelledby="meta-title">
        <h2 id="meta-title">Facebook och Instagram (Meta)</h2>
        <p>
          <span>Adress för Metas webhook: </span>
          <code safe>{p.webhook}</code>
        </p>
        {p.metaReady ? (
          <p>Appens hemlighet och verifieringsnyckel är inställda.</p>
        ) : (
          <Banner kind="warning">
            <p>Ställ in META_APP_SECRET och META_VERIFY_TOKEN. Annars tar vi inte emot något från Meta.</p>
          </Banner>
        )}
        <p safe>{eventsText}</p>
      </section>
      <Table
        caption="Anslutna konton"
        rows={p.accounts}
        columns={[
          {
            header: "Konto",
            cell: (a: AccountRow) => <span safe>{`${a.name} (${PLATFORM_SV[a.platform] ?? a.platform})`}</span>,
          },
          { header: "Id", cell: (a: AccountRow) => <span safe>{a.external_id}</span> },
          {
            header: "Läge",
            cell: (a: AccountRow) => {
              const s: string = a.active
                ? a.last_error
                  ? `Fel ${formatDateTime(new Date(a.last_error_at ?? a.created_at), "sv")}: ${a.last_error}`
                  : "Aktivt"
                : "Avstängt";
              return <span safe>{s}</span>;
            },
          },
          {
            header: "Stäng av",
            cell: (a: AccountRow) =>
              a.active ? (
                <Form ctx={p.ctx} action={`/arbetsyta/admin/sociala-medier/${a.id}/av`} class="inline-form">
                  <Button kind="link">Stäng av</Button>
                </Form>
              ) : (
                "–"
              ),
          },
        ]}
      />
      {p.accounts.length === 0 ? <p>Inga konton är anslutna.</p> : ""}
      <ArchiveList ctx={p.ctx} accounts={p.accounts.map((a) => ({ id: a.id, name: a.name }))} archives={p.archives} />
      <section class="panel" aria-labelledby="new-account">
        <h2 id="new-account">Anslut ett konto eller byt nyckel</h2>
        <Form ctx={p.ctx} action="/arbetsyta/admin/sociala-medier" novalidate>
          <SelectField
            name="platform"
            label="Sorts konto"
            selected={f.platform}
            error={err("platform")}
            options={[
              { value: "facebook", label: "Facebook-sida" },
              { value: "instagram", label: "Instagram-konto (företagskonto)" },
              { value: "mastodon", label: "Mastodon-konto" },
            ]}
          />
          <TextField name="name" label="Namn" value={f.name} error={err("name")} />
          <TextField
            name="externalId"
            label="Kontots id"
            hint="Sidans id, Instagram-kontots id eller Mastodon-kontots id."
            value={f.externalId}
            error={err("externalId")}
            width="half"
          />
          <TextField
            name="baseUrl"
            label="Mastodon-instans (bara för Mastodon)"
            hint="Till exempel https://mastodon.example"
            value={f.baseUrl}
            error={err("baseUrl")}
          />
          <TextField
            name="token"
            type="password"
            label="Åtkomstnyckel"
            hint="Sparas krypterad och visas aldrig igen. Spara en ny när den gamla går ut."
            error={err("token")}
            autocomplete="off"
          />
          <Button>Spara kontot</Button>
        </Form>
      </section>
    </>
  );
}
