/** Admins manage the routing rules: which unit gets a question, by category, channel and keywords. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import { audit } from "../../../platform/audit/audit.js";
import { CASE_CHANNELS } from "../../../platform/db/schema.js";
import type { FieldError, PageContext } from "../../../views/context.js";
import { Banner, Button, ErrorSummary, Form, SelectField, Table } from "../../../views/components.js";
import { userActor } from "../../../platform/http/actor.js";
import { CHANNEL_SV } from "../labels.js";

interface RuleRow {
  id: string;
  position: number;
  category: string | null;
  channel: string | null;
  keywords: string[];
  unit: string;
}

export function routingRuleRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const db = ctx.database.db;
  const orgId = ctx.org.id;

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldError[] = [],
    notice?: string,
    status = 200,
  ) {
    const [rules, units, categories] = await Promise.all([
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
    ]);
    return sendPage(
      request,
      reply,
      { title: "Dirigering", side: "staff", hasErrors: errors.length > 0, status },
      (page) => (
        <RulesPage ctx={page} rules={rules} units={units} categories={categories} errors={errors} notice={notice} />
      ),
    );
  }

  app.get(
    "/arbetsyta/admin/dirigering",
    { config: { access: "inbox.manageRouting" }, schema: { querystring: z.object({ klart: z.string().optional() }) } },
    (request, reply) =>
      render(request, reply, [], (request.query as { klart?: string }).klart ? "Reglerna är sparade." : undefined),
  );

  app.post(
    "/arbetsyta/admin/dirigering",
    {
      config: { access: "inbox.manageRouting" },
      schema: {
        body: z.object({
          kategori: z.string().max(40).default(""),
          kanal: z.string().max(20).default(""),
          ord: z.string().max(500).default(""),
          enhet: z.string().max(40).default(""),
          ordning: z.string().max(6).default("0"),
          _csrf: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const b = request.body as { kategori: string; kanal: string; ord: string; enhet: string; ordning: string };
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
      if (!unit) errors.push({ field: "enhet", message: "Välj enheten som ska få frågorna" });
      if (!category && !channel && keywords.length === 0)
        errors.push({ field: "ord", message: "Ange en kategori, en kanal eller minst ett ord" });
      if (b.kategori && !category) errors.push({ field: "kategori", message: "Välj en kategori i listan" });
      const position = Number.parseInt(b.ordning, 10);
      if (!Number.isFinite(position) || position < 0 || position > 9999)
        errors.push({ field: "ordning", message: "Skriv ordningen som ett tal mellan 0 och 9999" });
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
      schema: { params: z.object({ id: z.uuid() }), body: z.object({ _csrf: z.string().optional() }) },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
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
  errors: readonly FieldError[];
  notice?: string | undefined;
}): JSX.Element {
  const { ctx } = p;
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
      <h1>Dirigering</h1>
      <p class="lead">
        Reglerna bestämmer vilken enhet som får en ny fråga. Den första regeln som passar gäller. Orosanmälningar går
        alltid till mottagningen och journalistfrågor till kommunikation.
      </p>
      {p.rules.length === 0 ? (
        <p>Det finns inga regler ännu. Då får frågan den enhet som hör till kategorin.</p>
      ) : (
        <Table
          caption="Regler"
          captionHidden
          rows={p.rules}
          columns={[
            { header: "Ordning", numeric: true, cell: (r: RuleRow) => String(r.position) },
            { header: "Kategori", cell: (r: RuleRow) => <span safe>{r.category ?? "Alla"}</span> },
            {
              header: "Kanal",
              cell: (r: RuleRow) => {
                const channel: string = r.channel ? (CHANNEL_SV[r.channel] ?? r.channel) : "Alla";
                return <span safe>{channel}</span>;
              },
            },
            {
              header: "Ord",
              cell: (r: RuleRow) => {
                const words: string = r.keywords.length > 0 ? r.keywords.join(", ") : "–";
                return <span safe>{words}</span>;
              },
            },
            { header: "Enhet", cell: (r: RuleRow) => <span safe>{r.unit}</span> },
            {
              header: "Ta bort",
              cell: (r: RuleRow) => (
                <Form ctx={ctx} action={`/arbetsyta/admin/dirigering/${r.id}/ta-bort`}>
                  <Button kind="secondary">Ta bort</Button>
                </Form>
              ),
            },
          ]}
        />
      )}
      <section class="panel" aria-labelledby="new-rule">
        <h2 id="new-rule">Ny regel</h2>
        <Form ctx={ctx} action="/arbetsyta/admin/dirigering">
          <SelectField
            name="kategori"
            label="Kategori"
            error={err("kategori")}
            options={[
              { value: "", label: "Alla kategorier" },
              ...p.categories.map((c) => ({ value: c.id, label: c.name_sv })),
            ]}
          />
          <SelectField
            name="kanal"
            label="Kanal"
            options={[
              { value: "", label: "Alla kanaler" },
              ...CASE_CHANNELS.map((c) => ({ value: c, label: CHANNEL_SV[c] ?? c })),
            ]}
          />
          <div class={`field${err("ord") ? " field--error" : ""}`}>
            <label class="field__label" for="ord">
              Ord i frågan
            </label>
            <p class="field__hint" id="ord-hint">
              Skriv ord med kommatecken emellan. Ett ord passar också längre ord: ”hyr” passar ”hyran”.
            </p>
            {err("ord") ? (
              <p class="field__error" safe>
                {err("ord")}
              </p>
            ) : (
              ""
            )}
            <input class="field__input" id="ord" name="ord" type="text" aria-describedby="ord-hint" />
          </div>
          <SelectField
            name="enhet"
            label="Enhet som får frågan"
            error={err("enhet")}
            options={[{ value: "", label: "Välj enhet" }, ...p.units.map((u) => ({ value: u.id, label: u.name }))]}
          />
          <div class={`field${err("ordning") ? " field--error" : ""}`}>
            <label class="field__label" for="ordning">
              Ordning
            </label>
            <p class="field__hint" id="ordning-hint">
              Lägre tal prövas först.
            </p>
            {err("ordning") ? (
              <p class="field__error" safe>
                {err("ordning")}
              </p>
            ) : (
              ""
            )}
            <input
              class="field__input field__input--quarter"
              id="ordning"
              name="ordning"
              type="text"
              value="100"
              aria-describedby="ordning-hint"
            />
          </div>
          <Button>Spara regeln</Button>
        </Form>
      </section>
    </>
  );
}
