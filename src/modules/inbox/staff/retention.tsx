/** Admins set the retention rules (from the department's document management plan) and see what was disposed of. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import { audit } from "../../../platform/audit/audit.js";
import { CASE_KINDS } from "../../../platform/db/schema.js";
import { formatDateTime } from "../../../platform/i18n/i18n.js";
import type { FieldError, PageContext } from "../../../views/context.js";
import { Banner, Button, ErrorSummary, Form, SelectField, Table, TextField } from "../../../views/components.js";
import { userActor } from "../../../platform/http/actor.js";

const KIND_SV: Record<string, string> = {
  question: "Frågor",
  media: "Journalistfrågor",
  complaint: "Klagomål",
  praise: "Beröm",
  other: "Övrigt",
  document_request: "Begäran om allmän handling",
};

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

export function retentionRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const db = ctx.database.db;
  const orgId = ctx.org.id;

  async function render(
    request: FastifyRequest,
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
      { title: "Gallring", side: "staff", hasErrors: errors.length > 0, status },
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
      schema: { querystring: z.object({ klart: z.string().optional() }) },
    },
    (request, reply) =>
      render(request, reply, [], (request.query as { klart?: string }).klart ? "Regeln är sparad." : undefined),
  );

  app.post(
    "/arbetsyta/admin/gallring",
    {
      config: { access: "inbox.manageRetention" },
      schema: {
        body: z.object({
          typ: z.string().max(20).default(""),
          kategori: z.string().max(40).default(""),
          manader: z.string().max(6).default(""),
          grund: z.string().max(300).default(""),
          _csrf: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const b = request.body as { typ: string; kategori: string; manader: string; grund: string };
      const errors: FieldError[] = [];
      const months = Number.parseInt(b.manader, 10);
      if (!Number.isFinite(months) || months < 1 || months > 1200)
        errors.push({ field: "manader", message: "Skriv antal månader som ett tal mellan 1 och 1200" });
      if (!b.grund.trim())
        errors.push({
          field: "grund",
          message: "Skriv stödet för gallringen, till exempel punkten i dokumenthanteringsplanen",
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
      <h1>Gallring</h1>
      <p class="lead">
        När ett avslutat ärende har sparats så länge som regeln säger tas innehållet bort varje natt. Ärendenumret,
        datumet och vad ärendet gällde finns kvar i diariet. Inget tas bort på något annat sätt.
      </p>
      {p.rules.length === 0 ? (
        <p>Det finns inga regler. Då gallras ingenting.</p>
      ) : (
        <Table
          caption="Regler för gallring"
          captionHidden
          rows={p.rules}
          columns={[
            {
              header: "Gäller",
              cell: (r: Rule) => {
                const what: string = `${r.kind ? (KIND_SV[r.kind] ?? r.kind) : "Alla ärenden"}${r.category ? `, ${r.category}` : ""}`;
                return <span safe>{what}</span>;
              },
            },
            { header: "Månader efter avslut", numeric: true, cell: (r: Rule) => String(r.months) },
            { header: "Stöd", cell: (r: Rule) => <span safe>{r.legal_basis}</span> },
          ]}
        />
      )}
      <section class="panel" aria-labelledby="new-retention">
        <h2 id="new-retention">Ny regel</h2>
        <Form ctx={ctx} action="/arbetsyta/admin/gallring">
          <SelectField
            name="typ"
            label="Typ av ärende"
            options={[
              { value: "", label: "Alla typer" },
              ...CASE_KINDS.map((k) => ({ value: k, label: KIND_SV[k] ?? k })),
            ]}
          />
          <SelectField
            name="kategori"
            label="Kategori"
            options={[
              { value: "", label: "Alla kategorier" },
              ...p.categories.map((c) => ({ value: c.id, label: c.name_sv })),
            ]}
          />
          <TextField
            name="manader"
            label="Månader efter att ärendet avslutades"
            value="24"
            error={err("manader")}
            width="quarter"
          />
          <TextField
            name="grund"
            label="Stöd för gallringen"
            hint="Till exempel: Dokumenthanteringsplan socialnämnden, punkt 3.2"
            error={err("grund")}
          />
          <Button>Spara regeln</Button>
        </Form>
      </section>
      <h2>Senast gallrat</h2>
      {p.disposals.length === 0 ? (
        <p>Inget har gallrats ännu.</p>
      ) : (
        <Table
          caption="Senast gallrade ärenden"
          captionHidden
          rows={p.disposals}
          columns={[
            { header: "Ärende", cell: (d: Disposal) => <span safe>{d.case_number}</span> },
            { header: "När", cell: (d: Disposal) => <span safe>{formatDateTime(new Date(d.disposed_at), "sv")}</span> },
            { header: "Stöd", cell: (d: Disposal) => <span safe>{d.legal_basis}</span> },
          ]}
        />
      )}
    </>
  );
}
