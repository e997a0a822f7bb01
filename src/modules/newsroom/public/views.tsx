/** The public newsroom: the list with search and filters, a release, subscribing, events and answers to invitations. */
import { escapeHtml } from "@kitajs/html";
import { formatDate, formatDateTime } from "../../../platform/i18n/i18n.js";
import { Banner, Button, CsrfField, ErrorSummary, Pagination, SelectField, Tag, TextField } from "../../../views/components.js";
import type { FieldError, PageContext } from "../../../views/context.js";
import type { ReleaseDetail, ReleaseRow } from "../queries.js";

const tr = (ctx: PageContext, sv: string, en: string): string => (ctx.lang === "sv" ? sv : en);

export const DOCUMENT_KIND_SV: Record<string, string> = { fact_sheet: "Faktablad", statistics: "Statistik", background: "Bakgrund", document: "Dokument" };

export interface NewsroomFilters { readonly q: string; readonly topic: string; readonly unit: string }

export function newsroomQuery(f: Partial<NewsroomFilters> & { page?: number }): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ q: f.q, amne: f.topic, enhet: f.unit, sida: f.page && f.page > 1 ? String(f.page) : "" })) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : "";
}

export function NewsroomPage(p: {
  ctx: PageContext; filters: NewsroomFilters; rows: readonly ReleaseRow[]; total: number; page: number; pageSize: number;
  topics: readonly string[]; units: readonly { slug: string; name: string }[]; subscribed: boolean; errors: readonly FieldError[]; email: string;
}): JSX.Element {
  const { ctx, filters } = p;
  const any = tr(ctx, "Alla", "All");
  const feedQuery = newsroomQuery({ topic: filters.topic, unit: filters.unit });
  return (
    <>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <h1 safe>{tr(ctx, "Pressrum", "Newsroom")}</h1>
      <p class="lead" safe>{tr(ctx, "Pressmeddelanden, nyheter och fakta från socialförvaltningen. Journalister kan alltid ställa frågor till oss.", "Press releases, news and facts from the social services. Journalists can always ask us questions.")}</p>
      {p.subscribed ? <Banner kind="success"><p safe>{tr(ctx, "Titta i din e-post och bekräfta att du vill få pressmeddelanden.", "Check your email and confirm that you want press releases.")}</p></Banner> : ""}
      <form method="get" action="/press" role="search" aria-label={tr(ctx, "Sök i pressrummet", "Search the newsroom")}>
        <fieldset class="filters__set">
          <legend safe>{tr(ctx, "Sök och välj", "Search and filter")}</legend>
          <TextField name="q" type="search" label={tr(ctx, "Sökord", "Search words")} value={filters.q} />
          <SelectField name="amne" label={tr(ctx, "Ämne", "Topic")} selected={filters.topic} options={[{ value: "", label: any }, ...p.topics.map((t) => ({ value: t, label: t }))]} />
          <SelectField name="enhet" label={tr(ctx, "Enhet", "Unit")} selected={filters.unit} options={[{ value: "", label: any }, ...p.units.map((u) => ({ value: u.slug, label: u.name }))]} />
          <Button kind="secondary">{escapeHtml(tr(ctx, "Visa", "Show"))}</Button>
        </fieldset>
      </form>
      <h2 safe>{tr(ctx, `${p.total} pressmeddelanden och nyheter`, `${p.total} releases and news`)}</h2>
      {p.rows.length === 0 ? <p safe>{tr(ctx, "Inget matchar det du valde.", "Nothing matches what you chose.")}</p> : ""}
      <ul class="service-list">
        {p.rows.map((r) => {
          const meta = `${formatDate(r.publishAt, ctx.lang)} · ${r.kind === "news" ? tr(ctx, "Nyhet", "News") : tr(ctx, "Pressmeddelande", "Press release")}${r.topic ? ` · ${r.topic}` : ""}`;
          return (
            <li class="service-list__item">
              <a class="service-list__link" href={`/press/${r.slug}`} safe>{r.title}</a>
              <p class="service-list__summary"><span class="hint" safe>{meta}</span>{r.corrected ? <> <Tag tone="yellow">{escapeHtml(tr(ctx, "Rättat", "Corrected"))}</Tag></> : ""}</p>
              <p class="service-list__summary" safe>{r.lead}</p>
            </li>
          );
        })}
      </ul>
      <Pagination ctx={ctx} page={p.page} pageSize={p.pageSize} total={p.total} href={(n) => `/press${newsroomQuery({ ...filters, page: n })}`} />
      <h2 id="prenumerera" safe>{tr(ctx, "Få pressmeddelanden med e-post", "Get press releases by email")}</h2>
      <form method="post" action="/press/prenumerera" novalidate>
        <CsrfField ctx={ctx} />
        <TextField name="subscribeEmail" type="email" autocomplete="email" label={tr(ctx, "Din e-postadress", "Your email address")} value={p.email} error={p.errors.find((e) => e.field === "subscribeEmail")?.message}
          hint={tr(ctx, "Vi skickar en länk som du bekräftar med. Varje utskick har en länk där du kan avsluta.", "We send a link to confirm with. Every mailing has a link to stop.")} />
        <Button kind="secondary">{escapeHtml(tr(ctx, "Prenumerera", "Subscribe"))}</Button>
      </form>
      <h2 safe>{tr(ctx, "Flöden", "Feeds")}</h2>
      <ul class="inline-links">
        <li><a href={`/press/rss.xml${feedQuery}`}>RSS</a></li>
        <li><a href={`/press/atom.xml${feedQuery}`}>Atom</a></li>
        <li><a href={`/press/feed.json${feedQuery}`}>JSON Feed</a></li>
      </ul>
    </>
  );
}

export function ReleaseView(p: { ctx: PageContext; r: ReleaseDetail; embargoUntil?: Date | undefined; assetQuery?: string; events: readonly { id: string; title: string; starts_at: Date; location: string }[] }): JSX.Element {
  const { ctx, r } = p;
  const q = p.assetQuery ?? "";
  const published = r.publishAt ? formatDateTime(r.publishAt, ctx.lang) : "";
  const kind = r.kind === "news" ? tr(ctx, "Nyhet", "News") : tr(ctx, "Pressmeddelande", "Press release");
  return (
    <article class="release">
      {p.embargoUntil ? (
        <Banner kind="warning">
          <p><strong safe>{tr(ctx, `EMBARGO: får inte publiceras före ${formatDateTime(p.embargoUntil, ctx.lang)}.`, `EMBARGO: not for publication before ${formatDateTime(p.embargoUntil, ctx.lang)}.`)}</strong></p>
          <p safe>{tr(ctx, "Du får läsa det här före alla andra. Sidan blir offentlig vid den tiden.", "You may read this before everyone else. The page becomes public at that time.")}</p>
        </Banner>
      ) : <p class="breadcrumbs"><a href="/press" safe>{tr(ctx, "Pressrum", "Newsroom")}</a></p>}
      <h1 safe>{r.title}</h1>
      <p class="hint"><span safe>{kind}</span>{published ? <> · <time datetime={r.publishAt?.toISOString() ?? ""} safe>{published}</time></> : ""}{r.unit ? <span safe>{` · ${r.unit}`}</span> : ""}{r.topic ? <span safe>{` · ${r.topic}`}</span> : ""}</p>
      {r.corrections.length > 0 ? (
        <div class="panel release__corrections">
          {r.corrections.map((c) => <p><strong safe>{tr(ctx, `Rättat ${formatDate(c.at, ctx.lang)}:`, `Corrected ${formatDate(c.at, ctx.lang)}:`)}</strong> <span safe>{c.note}</span></p>)}
        </div>
      ) : ""}
      <p class="lead" safe>{r.lead}</p>
      {r.images.map((img) => {
        const largest = img.sizes[img.sizes.length - 1] ?? 800;
        const middle = img.sizes.find((w) => w >= 800) ?? largest;
        const srcset = img.sizes.map((w) => `/press/bild/${img.id}/${w}.jpg${q} ${w}w`).join(", ");
        const credit = [img.caption, img.photographer ? tr(ctx, `Foto: ${img.photographer}`, `Photo: ${img.photographer}`) : ""].filter(Boolean).join(" ");
        return (
          <figure class="release__image">
            <img src={`/press/bild/${img.id}/${middle}.jpg${q}`} srcset={srcset} alt={img.alt} width={String(middle)} height={String(Math.round((img.height * middle) / img.width))} />
            <figcaption><span safe>{credit}</span> <a href={`/press/bild/${img.id}/${largest}.jpg${q}`} download="" safe>{tr(ctx, "Ladda ner bilden i hög upplösning", "Download the image in high resolution")}</a></figcaption>
          </figure>
        );
      })}
      {/* The body was rendered from Markdown and passed through sanitize-html's allow-list when saved (markdown.ts). */}
      {/* eslint-disable-next-line no-restricted-syntax */}
      <div class="prose">{r.bodyHtml as "safe"}</div>
      {r.quotes.map((c) => (
        <blockquote class="release__quote">
          <p safe>{`”${c.quote}”`}</p>
          <footer safe>{`– ${c.person}${c.personTitle ? `, ${c.personTitle}` : ""}`}</footer>
        </blockquote>
      ))}
      {r.documents.length > 0 ? (
        <>
          <h2 safe>{tr(ctx, "Fakta och material", "Facts and material")}</h2>
          <ul>
            {r.documents.map((d) => <li><a href={`/press/dokument/${d.id}${q}`} safe>{`${DOCUMENT_KIND_SV[d.kind] ?? d.kind}: ${d.title}`}</a> <span class="hint" safe>{`(${Math.max(1, Math.round(d.size / 1024))} kB)`}</span></li>)}
          </ul>
        </>
      ) : ""}
      {p.events.length > 0 ? (
        <>
          <h2 safe>{tr(ctx, "Presskonferenser och evenemang", "Press conferences and events")}</h2>
          <ul>{p.events.map((e) => <li><a href={`/press/evenemang/${e.id}`} safe>{`${e.title}, ${formatDateTime(new Date(e.starts_at), ctx.lang)}, ${e.location}`}</a></li>)}</ul>
        </>
      ) : ""}
      {r.contacts.length > 0 ? (
        <>
          <h2 safe>{tr(ctx, "Kontakt", "Contact")}</h2>
          <ul class="plain-list">
            {r.contacts.map((c) => (
              <li><strong safe>{c.name}</strong>{c.role ? <span safe>{`, ${c.role}`}</span> : ""}{c.phone ? <>, <a href={`tel:${c.phone.replace(/[^\d+]/g, "")}`} safe>{c.phone}</a></> : ""}{c.email ? <>, <a href={`mailto:${c.email}`} safe>{c.email}</a></> : ""}</li>
            ))}
          </ul>
        </>
      ) : ""}
    </article>
  );
}

export function EventPage(p: { ctx: PageContext; e: { id: string; title: string; description: string; location: string; starts_at: Date; ends_at: Date } }): JSX.Element {
  const { ctx, e } = p;
  const when = `${formatDateTime(new Date(e.starts_at), ctx.lang)}–${formatDateTime(new Date(e.ends_at), ctx.lang).slice(-5)}`;
  return (
    <>
      <p class="breadcrumbs"><a href="/press" safe>{tr(ctx, "Pressrum", "Newsroom")}</a></p>
      <h1 safe>{e.title}</h1>
      <dl class="facts">
        <div><dt safe>{tr(ctx, "När", "When")}</dt><dd safe>{when}</dd></div>
        <div><dt safe>{tr(ctx, "Var", "Where")}</dt><dd safe>{e.location}</dd></div>
      </dl>
      <p class="prose" safe>{e.description}</p>
      <p><a class="button button--secondary" href={`/press/evenemang/${e.id}.ics`} safe>{tr(ctx, "Lägg in i kalendern (.ics)", "Add to calendar (.ics)")}</a></p>
    </>
  );
}

export function RsvpPage(p: { ctx: PageContext; e: { title: string; location: string; starts_at: Date }; name: string; response: string | null; action: string; done: boolean }): JSX.Element {
  const { ctx } = p;
  const current = p.response === "yes" ? tr(ctx, "Du har svarat att du kommer.", "You said you are coming.") : p.response === "no" ? tr(ctx, "Du har svarat att du inte kommer.", "You said you are not coming.") : "";
  return (
    <>
      <h1 safe>{tr(ctx, `Kommer du till ${p.e.title}?`, `Are you coming to ${p.e.title}?`)}</h1>
      {p.done ? <Banner kind="success"><p safe>{tr(ctx, "Tack för svaret!", "Thank you for answering!")}</p></Banner> : ""}
      <p safe>{`${formatDateTime(new Date(p.e.starts_at), ctx.lang)}, ${p.e.location}`}</p>
      {current ? <p safe>{current}</p> : ""}
      <form method="post" action={p.action}>
        <CsrfField ctx={ctx} />
        <div class="button-row">
          <Button name="response" value="yes">{escapeHtml(tr(ctx, "Ja, jag kommer", "Yes, I am coming"))}</Button>{" "}
          <Button kind="secondary" name="response" value="no">{escapeHtml(tr(ctx, "Nej, jag kommer inte", "No, I am not coming"))}</Button>
        </div>
      </form>
    </>
  );
}
