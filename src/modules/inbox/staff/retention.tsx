import { escapeHtml } from "@kitajs/html";
/** Admins set the retention rules (from the department's document management plan) and see what was disposed of. */
import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import type { FastifyReply, TypedApp, TypedRequest } from "../../../platform/http/typed.js";
import { sayer, type Lang } from "../../../platform/i18n/messages.js";
import { audit } from "../../../platform/audit/audit.js";
import { CASE_KINDS } from "../../../platform/db/schema.js";
import { formatDateTime } from "../../../platform/i18n/i18n.js";
import type { FieldError, PageContext } from "../../../views/context.js";
import { Banner, Button, ErrorSummary, Form, SelectField, Table, TextField } from "../../../views/components.js";
import { userActor } from "../../../platform/http/actor.js";
import { isInboxKey } from "../labels.js";
import { messages } from "../messages.js";
import { DoneQuery, RetentionBody } from "../schema.js";

/** A kind of case in the plural, as a retention rule names it ("Frågor"). */
function kindsName(kind: string, lang: Lang): string {
  const key = `retention.kind.${kind}`;
  return isInboxKey(key) ? sayer(messages, lang)(key) : kind;
}

interface Rule {
  id: string;
  kind: string | null;
  category: string | null;
  months: number;
  legal_basis: string;
}
interface Disposal {
  case_number: string;
  legal_basis: string;
  disposed_at: Date;
}

export function retentionRoutes(app: TypedApp, ctx: ModuleContext): void {
  const db = ctx.database.db;
  const orgId = ctx.org.id;

  async function render(
    request: TypedRequest,
    reply: FastifyReply,
    errors: FieldError[] = [],
    notice?: string,
    status = 200,
  ) {
    const [rules, categories, disposals] = await Promise.all([
      db
        .selectFrom("retention_rules as r")
        .leftJoin("categories as k", "k.id", "r.category_id")
        .select(["r.id", "r.kind", "k.name_sv as category", "r.months", "r.legal_basis"])
        .where("r.org_id", "=", orgId)
        .orderBy("r.months")
        .execute(),
      db.selectFrom("categories").select(["id", "name_sv"]).where("org_id", "=", orgId).orderBy("position").execute(),
      db
        .selectFrom("disposals")
        .select(["case_number", "legal_basis", "disposed_at"])
        .where("org_id", "=", orgId)
        .orderBy("disposed_at", "desc")
        .limit(50)
        .execute(),
    ]);
    return sendPage(
      request,
      reply,
      { title: sayer(messages, request.lang)("retention.title"), side: "staff", hasErrors: errors.length > 0, status },
      (page) => (
        <RetentionPage
          ctx={page}
          rules={rules}
          categories={categories}
          disposals={disposals}
          errors={errors}
          notice={notice}
        />
      ),
    );
  }

  app.get(
    "/arbetsyta/admin/gallring",
    {
      config: { access: "inbox.manageRetention" },
      schema: { querystring: DoneQuery },
    },
    (request, reply) =>
      render(request, reply, [], request.query.klart ? sayer(messages, request.lang)("retention.saved") : undefined),
  );

  app.post(
    "/arbetsyta/admin/gallring",
    {
      config: { access: "inbox.manageRetention" },
      schema: { body: RetentionBody },
    },
    async (request, reply) => {
      const b = request.body;
      const say = sayer(messages, request.lang);
      const errors: FieldError[] = [];
      const months = Number.parseInt(b.manader, 10);
      if (!Number.isFinite(months) || months < 1 || months > 1200)
        errors.push({ field: "manader", message: say("retention.error.months") });
      if (!b.grund.trim())
        errors.push({
          field: "grund",
          message: say("retention.error.basis"),
        });
      const kind = (CASE_KINDS as readonly string[]).includes(b.typ) ? b.typ : null;
      const category = b.kategori
        ? await db
            .selectFrom("categories")
            .select("id")
            .where("org_id", "=", orgId)
            .where("id", "=", b.kategori)
            .executeTakeFirst()
            .catch(() => undefined)
        : undefined;
      if (errors.length > 0) return render(request, reply, errors, undefined, 400);
      await db.transaction().execute(async (trx) => {
        const created = await trx
          .insertInto("retention_rules")
          .values({ org_id: orgId, kind, category_id: category?.id ?? null, months, legal_basis: b.grund.trim() })
          .returning("id")
          .executeTakeFirstOrThrow();
        await audit(trx, userActor(request, orgId), {
          action: "retention.rule.create",
          subjectType: "retention_rule",
          subjectId: created.id,
          details: { kind, months, legalBasis: b.grund.trim() },
        });
      });
      return reply.redirect("/arbetsyta/admin/gallring?klart=1", 303);
    },
  );
}

function RetentionPage(p: {
  ctx: PageContext;
  rules: readonly Rule[];
  categories: readonly { id: string; name_sv: string }[];
  disposals: readonly Disposal[];
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
      <h1 safe>{say("retention.title")}</h1>
      <p class="lead" safe>
        {say("retention.lead")}
      </p>
      {p.rules.length === 0 ? (
        <p safe>{say("retention.empty")}</p>
      ) : (
        <Table
          caption={say("retention.caption")}
          captionHidden
          rows={p.rules}
          columns={[
            {
              header: say("retention.col.what"),
              cell: (r: Rule) => {
                const kind = r.kind ? kindsName(r.kind, ctx.lang) : say("retention.all");
                const what: string = r.category ? say("retention.what", { kind, category: r.category }) : kind;
                return <span safe>{what}</span>;
              },
            },
            { header: say("retention.col.months"), numeric: true, cell: (r: Rule) => String(r.months) },
            { header: say("retention.col.basis"), cell: (r: Rule) => <span safe>{r.legal_basis}</span> },
          ]}
        />
      )}
      <section class="panel" aria-labelledby="new-retention">
        <h2 id="new-retention" safe>
          {say("retention.new")}
        </h2>
        <Form ctx={ctx} action="/arbetsyta/admin/gallring">
          <SelectField
            name="typ"
            label={say("retention.kind")}
            options={[
              { value: "", label: say("retention.kind.all") },
              ...CASE_KINDS.map((k) => ({ value: k, label: kindsName(k, ctx.lang) })),
            ]}
          />
          <SelectField
            name="kategori"
            label={say("retention.category")}
            options={[
              { value: "", label: say("retention.category.all") },
              ...p.categories.map((c) => ({ value: c.id, label: c.name_sv })),
            ]}
          />
          <TextField name="manader" label={say("retention.months")} value="24" error={err("manader")} width="quarter" />
          <TextField
            name="grund"
            label={say("retention.basis")}
            hint={say("retention.basis.hint")}
            error={err("grund")}
          />
          <Button>{escapeHtml(say("retention.save"))}</Button>
        </Form>
      </section>
      <h2 safe>{say("retention.latest")}</h2>
      {p.disposals.length === 0 ? (
        <p safe>{say("retention.latest.empty")}</p>
      ) : (
        <Table
          caption={say("retention.latest.caption")}
          captionHidden
          rows={p.disposals}
          columns={[
            { header: say("retention.col.case"), cell: (d: Disposal) => <span safe>{d.case_number}</span> },
            {
              header: say("retention.col.when"),
              cell: (d: Disposal) => <span safe>{formatDateTime(new Date(d.disposed_at), ctx.lang)}</span>,
            },
            { header: say("retention.col.basis"), cell: (d: Disposal) => <span safe>{d.legal_basis}</span> },
          ]}
        />
      )}
    </>
  );
}
