/**
 * The public register (diarium): every case that is not secret, without personal data. The
 * description comes from the category and kind, never from what the person wrote.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import { escapeLike } from "../../../platform/audit/audit.js";
import { formatDate } from "../../../platform/i18n/i18n.js";
import type { PageContext } from "../../../views/context.js";
import { Button, Pagination, Table } from "../../../views/components.js";

const PAGE_SIZE = 50;
const KIND_SV: Record<string, string> = { question: "Fråga", media: "Fråga från journalist", complaint: "Klagomål", praise: "Beröm", other: "Övrigt", document_request: "Begäran om allmän handling" };
const KIND_EN: Record<string, string> = { question: "Question", media: "Question from a journalist", complaint: "Complaint", praise: "Praise", other: "Other", document_request: "Request for public documents" };
const STATUS_SV: Record<string, string> = { new: "Inkommen", open: "Pågår", waiting: "Pågår", answered: "Besvarad", closed: "Avslutad" };
const STATUS_EN: Record<string, string> = { new: "Received", open: "In progress", waiting: "In progress", answered: "Answered", closed: "Closed" };

interface Entry {
  number: string;
  received_at: Date;
  kind: string;
  status: string;
  category_sv: string | null;
  category_en: string | null;
  unit_name: string | null;
}

export function diariumRoutes(app: FastifyInstance, ctx: ModuleContext): void {
  const db = ctx.database.db;
  app.get(
    "/diarium",
    { config: { access: "public" }, schema: { querystring: z.object({ q: z.string().max(100).optional(), sida: z.coerce.number().int().min(1).max(100_000).optional() }) } },
    async (request, reply) => {
      const { q = "", sida = 1 } = request.query as { q?: string; sida?: number };
      let query = db
        .selectFrom("cases as c")
        .leftJoin("categories as k", "k.id", "c.category_id")
        .leftJoin("units as u", "u.id", "c.unit_id")
        .where("c.org_id", "=", ctx.org.id)
        .where("c.secret", "=", false)
        .where("c.minor_importance", "=", false);
      const term = q.trim();
      if (term) {
        const like = `%${escapeLike(term)}%`;
        query = query.where((eb) => eb.or([eb("c.number", "ilike", like), eb("k.name_sv", "ilike", like), eb("k.name_en", "ilike", like), eb("u.name", "ilike", like)]));
      }
      const [rows, count] = await Promise.all([
        query
          .select(["c.number", "c.received_at", "c.kind", "c.status", "k.name_sv as category_sv", "k.name_en as category_en", "u.name as unit_name"])
          .orderBy("c.received_at", "desc")
          .limit(PAGE_SIZE)
          .offset((sida - 1) * PAGE_SIZE)
          .execute(),
        query.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
      ]);
      const title = request.lang === "sv" ? "Diarium" : "Public register";
      return sendPage(request, reply, { title, side: "public" }, (page) => <DiariumPage ctx={page} q={term} rows={rows} total={Number(count.n)} page={sida} />);
    },
  );
}

function DiariumPage(p: { ctx: PageContext; q: string; rows: readonly Entry[]; total: number; page: number }): JSX.Element {
  const sv = p.ctx.lang === "sv";
  const href = (n: number) => {
    const params = new URLSearchParams();
    if (p.q) params.set("q", p.q);
    if (n > 1) params.set("sida", String(n));
    const s = params.toString();
    return `/diarium${s ? `?${s}` : ""}`;
  };
  return (
    <>
      <h1>{sv ? "Diarium" : "Public register"}</h1>
      <p class="lead">
        {sv
          ? "Här ser du de ärenden vi har registrerat. Vi visar inte namn eller vad någon har skrivit, och inte ärenden som omfattas av sekretess. Du kan begära att få ta del av en allmän handling utan att säga vem du är."
          : "These are the cases we have registered. We do not show names or what anyone wrote, nor cases covered by secrecy. You can ask for a public document without saying who you are."}
      </p>
      <form method="get" action="/diarium" class="filters" novalidate>
        <div class="field">
          <label class="field__label" for="q">{sv ? "Sök på ärendenummer, ämne eller enhet" : "Search by case number, subject or unit"}</label>
          <input class="field__input field__input--half" id="q" name="q" type="search" value={p.q} />
        </div>
        <Button kind="secondary">{sv ? "Sök" : "Search"}</Button>
      </form>
      <p>{p.total} {sv ? "ärenden" : "cases"}</p>
      <Table
        caption={sv ? "Registrerade ärenden" : "Registered cases"}
        captionHidden
        rows={p.rows}
        columns={[
          { header: sv ? "Ärendenummer" : "Case number", cell: (r: Entry) => <span safe>{r.number}</span> },
          { header: sv ? "Inkom" : "Received", cell: (r: Entry) => <span safe>{formatDate(new Date(r.received_at), p.ctx.lang)}</span> },
          {
            header: sv ? "Gäller" : "Concerns",
            cell: (r: Entry) => <span safe>{`${(sv ? KIND_SV : KIND_EN)[r.kind] ?? r.kind}${(sv ? r.category_sv : r.category_en) ? `: ${sv ? r.category_sv : r.category_en}` : ""}`}</span>,
          },
          { header: sv ? "Enhet" : "Unit", cell: (r: Entry) => <span safe>{r.unit_name ?? "–"}</span> },
          { header: sv ? "Läge" : "Status", cell: (r: Entry) => <span safe>{(sv ? STATUS_SV : STATUS_EN)[r.status] ?? r.status}</span> },
        ]}
      />
      <Pagination ctx={p.ctx} page={p.page} pageSize={PAGE_SIZE} total={p.total} href={href} />
    </>
  );
}
