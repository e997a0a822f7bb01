/** The public newsroom: the list with search and filters, a release, subscribing, events and answers to invitations. */
import { escapeHtml } from "@kitajs/html";
import { sayer } from "../../../platform/i18n/messages.js";
import { Banner, Button, CsrfField, ErrorSummary, Pagination, PhoneLink, SelectField, Tag, TextField } from "../../../views/components.js";
import type { FieldError, PageContext } from "../../../views/context.js";
import { messages, type NewsroomSay } from "../messages.js";
import type { ReleaseDetail, ReleaseRow } from "../queries.js";

const DOCUMENT_KINDS = ["fact_sheet", "statistics", "background", "document"] as const;

/** A document kind's name ("Faktablad"), or the kind itself if it is unknown. */
export function documentKind(say: NewsroomSay, kind: string): string {
  const k = DOCUMENT_KINDS.find((d) => d === kind);
  return k ? say(`doc.${k}`) : kind;
}

/** "Pressmeddelande" or "Nyhet". */
export function kindText(say: NewsroomSay, kind: string): string {
  return say(kind === "news" ? "kind.news" : "kind.press_release");
}

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
  const say = sayer(messages, ctx.lang);
  const any = say("public.search.any");
  const feedQuery = newsroomQuery({ topic: filters.topic, unit: filters.unit });
  return (
    <>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <h1 safe>{say("public.title")}</h1>
      <p class="lead" safe>{say("public.lead")}</p>
      {p.subscribed ? <Banner kind="success"><p safe>{say("public.subscribed")}</p></Banner> : ""}
      <form method="get" action="/press" role="search" aria-label={say("public.search.label")}>
        <fieldset class="filters__set">
          <legend safe>{say("public.search.legend")}</legend>
          <TextField name="q" type="search" label={say("public.search.words")} value={filters.q} />
          <SelectField name="amne" label={say("public.search.topic")} selected={filters.topic} options={[{ value: "", label: any }, ...p.topics.map((t) => ({ value: t, label: t }))]} />
          <SelectField name="enhet" label={say("public.search.unit")} selected={filters.unit} options={[{ value: "", label: any }, ...p.units.map((u) => ({ value: u.slug, label: u.name }))]} />
          <Button kind="secondary">{escapeHtml(say("public.search.show"))}</Button>
        </fieldset>
      </form>
      <h2 safe>{say("public.count", { count: p.total })}</h2>
      {p.rows.length === 0 ? <p safe>{say("public.none")}</p> : ""}
      <ul class="service-list">
        {p.rows.map((r) => {
          const meta = `${say("public.row.meta", { when: r.publishAt, kind: kindText(say, r.kind) })}${r.topic ? ` · ${r.topic}` : ""}`;
          return (
            <li class="service-list__item">
              <a class="service-list__link" href={`/press/${r.slug}`} safe>{r.title}</a>
              <p class="service-list__summary"><span class="hint" safe>{meta}</span>{r.corrected ? <> <Tag tone="yellow">{escapeHtml(say("public.corrected"))}</Tag></> : ""}</p>
              <p class="service-list__summary" safe>{r.lead}</p>
            </li>
          );
        })}
      </ul>
      <Pagination ctx={ctx} page={p.page} pageSize={p.pageSize} total={p.total} href={(n) => `/press${newsroomQuery({ ...filters, page: n })}`} />
      <h2 id="prenumerera" safe>{say("public.subscribe.title")}</h2>
      <form method="post" action="/press/prenumerera" novalidate>
        <CsrfField ctx={ctx} />
        <TextField name="subscribeEmail" type="email" autocomplete="email" label={say("public.subscribe.email")} value={p.email} error={p.errors.find((e) => e.field === "subscribeEmail")?.message}
          hint={say("public.subscribe.hint")} />
        <Button kind="secondary">{escapeHtml(say("public.subscribe.button"))}</Button>
      </form>
      <h2 safe>{say("public.feeds.title")}</h2>
      <ul class="inline-links">
        <li><a href={`/press/rss.xml${feedQuery}`} safe>{say("public.feeds.rss")}</a></li>
        <li><a href={`/press/atom.xml${feedQuery}`} safe>{say("public.feeds.atom")}</a></li>
        <li><a href={`/press/feed.json${feedQuery}`} safe>{say("public.feeds.json")}</a></li>
      </ul>
    </>
  );
}

export function ReleaseView(p: { ctx: PageContext; r: ReleaseDetail; embargoUntil?: Date | undefined; assetQuery?: string; events: readonly { id: string; title: string; starts_at: Date; location: string }[] }): JSX.Element {
  const { ctx, r } = p;
  const say = sayer(messages, ctx.lang);
  const q = p.assetQuery ?? "";
  const published = r.publishAt ? say("release.published", { when: r.publishAt }) : "";
  const kind = kindText(say, r.kind);
  return (
    <article class="release">
      {p.embargoUntil ? (
        <Banner kind="warning">
          <p><strong safe>{say("release.embargo", { when: p.embargoUntil })}</strong></p>
          <p safe>{say("release.embargo.early")}</p>
        </Banner>
      ) : <p class="breadcrumbs"><a href="/press" safe>{say("public.title")}</a></p>}
      <h1 safe>{r.title}</h1>
      <p class="hint"><span safe>{kind}</span>{published ? <> · <time datetime={r.publishAt?.toISOString() ?? ""} safe>{published}</time></> : ""}{r.unit ? <span safe>{` · ${r.unit}`}</span> : ""}{r.topic ? <span safe>{` · ${r.topic}`}</span> : ""}</p>
      {r.corrections.length > 0 ? (
        <div class="panel release__corrections">
          {r.corrections.map((c) => <p><strong safe>{say("release.correctedOn", { when: c.at })}</strong> <span safe>{c.note}</span></p>)}
        </div>
      ) : ""}
      <p class="lead" safe>{r.lead}</p>
      {r.images.map((img) => {
        const largest = img.sizes[img.sizes.length - 1] ?? 800;
        const middle = img.sizes.find((w) => w >= 800) ?? largest;
        const srcset = img.sizes.map((w) => `/press/bild/${img.id}/${w}.jpg${q} ${w}w`).join(", ");
        const credit = [img.caption, img.photographer ? say("release.photo", { name: img.photographer }) : ""].filter(Boolean).join(" ");
        return (
          <figure class="release__image">
            <img src={`/press/bild/${img.id}/${middle}.jpg${q}`} srcset={srcset} alt={img.alt} width={String(middle)} height={String(Math.round((img.height * middle) / img.width))} />
            <figcaption><span safe>{credit}</span> <a href={`/press/bild/${img.id}/${largest}.jpg${q}`} download="" safe>{say("release.download")}</a></figcaption>
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
          <h2 safe>{say("release.material")}</h2>
          <ul>
            {r.documents.map((d) => <li><a href={`/press/dokument/${d.id}${q}`} safe>{`${documentKind(say, d.kind)}: ${d.title}`}</a> <span class="hint" safe>{say("release.documentSize", { size: Math.max(1, Math.round(d.size / 1024)) })}</span></li>)}
          </ul>
        </>
      ) : ""}
      {p.events.length > 0 ? (
        <>
          <h2 safe>{say("release.events")}</h2>
          <ul>{p.events.map((e) => <li><a href={`/press/evenemang/${e.id}`} safe>{say("release.event", { title: e.title, when: new Date(e.starts_at), location: e.location })}</a></li>)}</ul>
        </>
      ) : ""}
      {r.contacts.length > 0 ? (
        <>
          <h2 safe>{say("release.contact")}</h2>
          <ul class="plain-list">
            {r.contacts.map((c) => (
              <li><strong safe>{c.name}</strong>{c.role ? <span safe>{`, ${c.role}`}</span> : ""}{c.phone ? <>, <PhoneLink number={c.phone} /></> : ""}{c.email ? <>, <a href={`mailto:${c.email}`} safe>{c.email}</a></> : ""}</li>
            ))}
          </ul>
        </>
      ) : ""}
    </article>
  );
}

export function EventPage(p: { ctx: PageContext; e: { id: string; title: string; description: string; location: string; starts_at: Date; ends_at: Date } }): JSX.Element {
  const { ctx, e } = p;
  const say = sayer(messages, ctx.lang);
  const when = say("event.time", { start: new Date(e.starts_at), end: new Date(e.ends_at) });
  return (
    <>
      <p class="breadcrumbs"><a href="/press" safe>{say("public.title")}</a></p>
      <h1 safe>{e.title}</h1>
      <dl class="facts">
        <div><dt safe>{say("event.when")}</dt><dd safe>{when}</dd></div>
        <div><dt safe>{say("event.where")}</dt><dd safe>{e.location}</dd></div>
      </dl>
      <p class="prose" safe>{e.description}</p>
      <p><a class="button button--secondary" href={`/press/evenemang/${e.id}.ics`} safe>{say("event.ics")}</a></p>
    </>
  );
}

export function RsvpPage(p: { ctx: PageContext; e: { title: string; location: string; starts_at: Date }; name: string; response: string | null; action: string; done: boolean }): JSX.Element {
  const { ctx } = p;
  const say = sayer(messages, ctx.lang);
  const current = p.response === "yes" ? say("rsvp.saidYes") : p.response === "no" ? say("rsvp.saidNo") : "";
  return (
    <>
      <h1 safe>{say("rsvp.title", { title: p.e.title })}</h1>
      {p.done ? <Banner kind="success"><p safe>{say("rsvp.thanks")}</p></Banner> : ""}
      <p safe>{say("rsvp.when", { when: new Date(p.e.starts_at), location: p.e.location })}</p>
      {current ? <p safe>{current}</p> : ""}
      <form method="post" action={p.action}>
        <CsrfField ctx={ctx} />
        <div class="button-row">
          <Button name="response" value="yes">{escapeHtml(say("rsvp.yes"))}</Button>{" "}
          <Button kind="secondary" name="response" value="no">{escapeHtml(say("rsvp.no"))}</Button>
        </div>
      </form>
    </>
  );
}
