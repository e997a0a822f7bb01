import { escapeHtml } from "@kitajs/html";
/**
 * The public register (diarium): every case that is not secret, without personal data. The
 * description comes from the category and kind, never from what the person wrote.
 */
import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import type { TypedApp } from "../../../platform/http/typed.js";
import { escapeLike } from "../../../platform/audit/audit.js";
import { formatDate } from "../../../platform/i18n/i18n.js";
import { sayer, type Sayer } from "../../../platform/i18n/messages.js";
import type { PageContext } from "../../../views/context.js";
import { Button, Pagination, Table, TextField } from "../../../views/components.js";
import { isInboxKey } from "../labels.js";
import { messages, type InboxKey } from "../messages.js";
import { DiariumQuery } from "../schema.js";

const PAGE_SIZE = 50;

/** A kind or status as the register names it ("Fråga från journalist", "Inkommen"). */
function registerName(say: Sayer<InboxKey>, prefix: "kind" | "status", value: string): string {
  const key = `diarium.${prefix}.${value}`;
  return isInboxKey(key) ? say(key) : value;
}

interface Entry {
  number: string;
  received_at: Date;
  kind: string;
  status: string;
  category_sv: string | null;
  category_en: string | null;
  unit_name: string | null;
}

export function diariumRoutes(app: TypedApp, ctx: ModuleContext): void {
  const db = ctx.database.db;
  app.get(
    "/diarium",
    { config: { access: "public" }, schema: { querystring: DiariumQuery } },
    async (request, reply) => {
      const { q = "", sida = 1 } = request.query;
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
      const title = sayer(messages, request.lang)("diarium.title");
      return sendPage(request, reply, { title, side: "public", cacheable: true, maxAge: 0 }, (page) => <DiariumPage ctx={page} q={term} rows={rows} total={Number(count.n)} page={sida} />);
    },
  );
}

function DiariumPage(p: { ctx: PageContext; q: string; rows: readonly Entry[]; total: number; page: number }): JSX.Element {
  const sv = p.ctx.lang === "sv";
  const say = sayer(messages, p.ctx.lang);
  const href = (n: number) => {
    const params = new URLSearchParams();
    if (p.q) params.set("q", p.q);
    if (n > 1) params.set("sida", String(n));
    const s = params.toString();
    return `/diarium${s ? `?${s}` : ""}`;
  };
  return (
    <>
      <h1 safe>{say("diarium.title")}</h1>
      <p class="lead" safe>
        {say("diarium.lead")}
      </p>
      <form method="get" action="/diarium" class="filters" novalidate>
        <TextField name="q" type="search" label={say("diarium.search")} value={p.q} width="half" />
        <Button kind="secondary">{escapeHtml(say("diarium.search.button"))}</Button>
      </form>
      <p safe>{say("diarium.count", { count: p.total })}</p>
      <Table
        caption={say("diarium.caption")}
        captionHidden
        rows={p.rows}
        columns={[
          { header: say("diarium.col.number"), cell: (r: Entry) => <span safe>{r.number}</span> },
          { header: say("diarium.col.received"), cell: (r: Entry) => <span safe>{formatDate(new Date(r.received_at), p.ctx.lang)}</span> },
          {
            header: say("diarium.col.concerns"),
            cell: (r: Entry) => {
              const kind = registerName(say, "kind", r.kind);
              const category = sv ? r.category_sv : r.category_en;
              return <span safe>{category ? say("diarium.concerns", { kind, category }) : kind}</span>;
            },
          },
          { header: say("diarium.col.unit"), cell: (r: Entry) => <span safe>{r.unit_name ?? say("diarium.none")}</span> },
          { header: say("diarium.col.status"), cell: (r: Entry) => <span safe>{registerName(say, "status", r.status)}</span> },
        ]}
      />
      <Pagination ctx={p.ctx} page={p.page} pageSize={PAGE_SIZE} total={p.total} href={href} />
    </>
  );
}
