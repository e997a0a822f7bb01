import { escapeHtml } from "@kitajs/html";
/** Admins manage the routing rules: which unit gets a question, by category, channel and keywords. */
import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import type { FastifyReply, TypedApp, TypedRequest } from "../../../platform/http/typed.js";
import { sayer } from "../../../platform/i18n/messages.js";
import { audit } from "../../../platform/audit/audit.js";
import { CASE_CHANNELS } from "../../../platform/db/schema.js";
import type { FieldError, PageContext } from "../../../views/context.js";
import { Banner, Button, ErrorSummary, Form, SelectField, Table, TextField } from "../../../views/components.js";
import { userActor } from "../../../platform/http/actor.js";
import { channelName } from "../labels.js";
import { messages } from "../messages.js";
import { AUTO_ROUTE_CHOICES, DoneQuery, IdParams, RuleBody, RuleRemoveBody, ThresholdBody } from "../schema.js";

interface RuleRow {
  id: string;
  position: number;
  category: string | null;
  channel: string | null;
  keywords: string[];
  unit: string;
}

export function routingRuleRoutes(app: TypedApp, ctx: ModuleContext): void {
  const db = ctx.database.db;
  const orgId = ctx.org.id;

  async function render(
    request: TypedRequest,
    reply: FastifyReply,
    errors: FieldError[] = [],
    notice?: string,
    status = 200,
  ) {
    const [rules, units, categories, org] = await Promise.all([
      db
        .selectFrom("routing_rules as r")
        .innerJoin("units as u", "u.id", "r.unit_id")
        .leftJoin("categories as k", "k.id", "r.category_id")
        .select(["r.id", "r.position", "k.name_sv as category", "r.channel", "r.keywords", "u.name as unit"])
        .where("r.org_id", "=", orgId)
        .orderBy("r.position")
        .orderBy("r.created_at")
        .execute(),
      db.selectFrom("units").select(["id", "name"]).where("org_id", "=", orgId).orderBy("name").execute(),
      db.selectFrom("categories").select(["id", "name_sv"]).where("org_id", "=", orgId).orderBy("position").execute(),
      db.selectFrom("organisations").select("auto_route_threshold").where("id", "=", orgId).executeTakeFirst(),
    ]);
    const threshold = org?.auto_route_threshold ?? null;
    return sendPage(
      request,
      reply,
      { title: sayer(messages, request.lang)("rules.title"), side: "staff", hasErrors: errors.length > 0, status },
      (page) => (
        <RulesPage
          ctx={page}
          rules={rules}
          units={units}
          categories={categories}
          threshold={threshold === null ? "" : String(Math.round(threshold * 100))}
          errors={errors}
          notice={notice}
        />
      ),
    );
  }

  app.get(
    "/arbetsyta/admin/dirigering",
    { config: { access: "inbox.manageRouting" }, schema: { querystring: DoneQuery } },
    (request, reply) => {
      const say = sayer(messages, request.lang);
      const notice =
        request.query.klart === "grans"
          ? say("rules.auto.saved")
          : request.query.klart
            ? say("rules.saved")
            : undefined;
      return render(request, reply, [], notice);
    },
  );

  // The limit above which a suggestion routes a new case by itself (audited: it changes where secrets go).
  app.post(
    "/arbetsyta/admin/dirigering/automatik",
    { config: { access: "inbox.manageRouting" }, schema: { body: ThresholdBody } },
    async (request, reply) => {
      const value = request.body.grans === "" ? null : Number(request.body.grans) / 100;
      await db.transaction().execute(async (trx) => {
        const before = await trx
          .selectFrom("organisations")
          .select("auto_route_threshold")
          .where("id", "=", orgId)
          .executeTakeFirst();
        await trx.updateTable("organisations").set({ auto_route_threshold: value }).where("id", "=", orgId).execute();
        await audit(trx, userActor(request, orgId), {
          action: "routing.threshold",
          subjectType: "organisation",
          subjectId: orgId,
          details: { from: before?.auto_route_threshold ?? null, to: value },
        });
      });
      return reply.redirect("/arbetsyta/admin/dirigering?klart=grans", 303);
    },
  );

  app.post(
    "/arbetsyta/admin/dirigering",
    {
      config: { access: "inbox.manageRouting" },
      schema: {
        body: RuleBody,
      },
    },
    async (request, reply) => {
      const b = request.body;
      const say = sayer(messages, request.lang);
      const errors: FieldError[] = [];
      const unit = b.enhet
        ? await db
            .selectFrom("units")
            .select("id")
            .where("org_id", "=", orgId)
            .where("id", "=", b.enhet)
            .executeTakeFirst()
            .catch(() => undefined)
        : undefined;
      const category = b.kategori
        ? await db
            .selectFrom("categories")
            .select("id")
            .where("org_id", "=", orgId)
            .where("id", "=", b.kategori)
            .executeTakeFirst()
            .catch(() => undefined)
        : undefined;
      const channel = (CASE_CHANNELS as readonly string[]).includes(b.kanal) ? b.kanal : null;
      const keywords = b.ord
        .split(/[,;\n]/)
        .map((k) => k.trim().toLowerCase())
        .filter(Boolean)
        .slice(0, 30);
      if (!unit) errors.push({ field: "enhet", message: say("rules.error.unit") });
      if (!category && !channel && keywords.length === 0)
        errors.push({ field: "ord", message: say("rules.error.match") });
      if (b.kategori && !category) errors.push({ field: "kategori", message: say("rules.error.category") });
      const position = Number.parseInt(b.ordning, 10);
      if (!Number.isFinite(position) || position < 0 || position > 9999)
        errors.push({ field: "ordning", message: say("rules.error.position") });
      if (errors.length > 0 || !unit) return render(request, reply, errors, undefined, 400);
      await db.transaction().execute(async (trx) => {
        const created = await trx
          .insertInto("routing_rules")
          .values({
            org_id: orgId,
            position,
            category_id: category?.id ?? null,
            channel,
            keywords,
            unit_id: unit.id,
            created_by: request.user?.id ?? null,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await audit(trx, userActor(request, orgId), {
          action: "routing.rule.create",
          subjectType: "routing_rule",
          subjectId: created.id,
          details: { position, channel, keywords, unitId: unit.id, categoryId: category?.id ?? null },
        });
      });
      return reply.redirect("/arbetsyta/admin/dirigering?klart=1", 303);
    },
  );

  app.post(
    "/arbetsyta/admin/dirigering/:id/ta-bort",
    {
      config: { access: "inbox.manageRouting" },
      schema: { params: IdParams, body: RuleRemoveBody },
    },
    async (request, reply) => {
      const { id } = request.params;
      await db.transaction().execute(async (trx) => {
        const removed = await trx
          .deleteFrom("routing_rules")
          .where("id", "=", id)
          .where("org_id", "=", orgId)
          .returning(["unit_id", "keywords"])
          .executeTakeFirst();
        if (removed)
          await audit(trx, userActor(request, orgId), {
            action: "routing.rule.delete",
            subjectType: "routing_rule",
            subjectId: id,
            details: removed,
          });
      });
      return reply.redirect("/arbetsyta/admin/dirigering?klart=1", 303);
    },
  );
}

function RulesPage(p: {
  ctx: PageContext;
  rules: readonly RuleRow[];
  units: readonly { id: string; name: string }[];
  categories: readonly { id: string; name_sv: string }[];
  /** The automatic-routing limit in percent, or "" for never. */
  threshold: string;
  errors: readonly FieldError[];
  notice?: string | undefined;
}): JSX.Element {
  const { ctx } = p;
  const say = sayer(messages, ctx.lang);
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  return (
    <>
      {p.notice ? (
        <Banner kind="success">
          <p safe>{p.notice}</p>
        </Banner>
      ) : (
        ""
      )}
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <h1 safe>{say("rules.title")}</h1>
      <p class="lead" safe>
        {say("rules.lead")}
      </p>
      {p.rules.length === 0 ? (
        <p safe>{say("rules.empty")}</p>
      ) : (
        <Table
          caption={say("rules.caption")}
          captionHidden
          rows={p.rules}
          columns={[
            { header: say("rules.col.position"), numeric: true, cell: (r: RuleRow) => String(r.position) },
            {
              header: say("rules.col.category"),
              cell: (r: RuleRow) => <span safe>{r.category ?? say("rules.all")}</span>,
            },
            {
              header: say("rules.col.channel"),
              cell: (r: RuleRow) => {
                const channel: string = r.channel ? channelName(r.channel, ctx.lang) : say("rules.all");
                return <span safe>{channel}</span>;
              },
            },
            {
              header: say("rules.col.words"),
              cell: (r: RuleRow) => {
                const words: string = r.keywords.length > 0 ? r.keywords.join(", ") : say("rules.none");
                return <span safe>{words}</span>;
              },
            },
            { header: say("rules.col.unit"), cell: (r: RuleRow) => <span safe>{r.unit}</span> },
            {
              header: say("rules.col.remove"),
              cell: (r: RuleRow) => (
                <Form ctx={ctx} action={`/arbetsyta/admin/dirigering/${r.id}/ta-bort`}>
                  <Button kind="secondary">{escapeHtml(say("rules.remove"))}</Button>
                </Form>
              ),
            },
          ]}
        />
      )}
      <section class="panel" aria-labelledby="auto-route">
        <h2 id="auto-route" safe>
          {say("rules.auto.title")}
        </h2>
        <p safe>{say("rules.auto.text")}</p>
        <Form ctx={ctx} action="/arbetsyta/admin/dirigering/automatik">
          <SelectField
            name="grans"
            label={say("rules.auto.label")}
            selected={(AUTO_ROUTE_CHOICES as readonly string[]).includes(p.threshold) ? p.threshold : ""}
            options={AUTO_ROUTE_CHOICES.map((c) => ({
              value: c,
              label: c === "" ? say("rules.auto.never") : say("rules.auto.percent", { percent: Number(c) }),
            }))}
          />
          <Button kind="secondary">{escapeHtml(say("rules.auto.button"))}</Button>
        </Form>
      </section>
      <section class="panel" aria-labelledby="new-rule">
        <h2 id="new-rule" safe>
          {say("rules.new")}
        </h2>
        <Form ctx={ctx} action="/arbetsyta/admin/dirigering">
          <SelectField
            name="kategori"
            label={say("rules.category")}
            error={err("kategori")}
            options={[
              { value: "", label: say("rules.category.all") },
              ...p.categories.map((c) => ({ value: c.id, label: c.name_sv })),
            ]}
          />
          <SelectField
            name="kanal"
            label={say("rules.channel")}
            options={[
              { value: "", label: say("rules.channel.all") },
              ...CASE_CHANNELS.map((c) => ({ value: c, label: channelName(c, ctx.lang) })),
            ]}
          />
          <TextField name="ord" label={say("rules.words")} hint={say("rules.words.hint")} error={err("ord")} />
          <SelectField
            name="enhet"
            label={say("rules.unit")}
            error={err("enhet")}
            options={[
              { value: "", label: say("rules.unit.choose") },
              ...p.units.map((u) => ({ value: u.id, label: u.name })),
            ]}
          />
          <TextField
            name="ordning"
            label={say("rules.position")}
            hint={say("rules.position.hint")}
            error={err("ordning")}
            value="100"
            width="quarter"
          />
          <Button>{escapeHtml(say("rules.save"))}</Button>
        </Form>
      </section>
    </>
  );
}
