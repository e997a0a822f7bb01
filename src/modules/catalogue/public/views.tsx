/** Resident-facing pages of the help catalogue. Every page works without JavaScript. */
import { escapeHtml } from "@kitajs/html";
import { formatDate } from "../../../platform/i18n/i18n.js";
import type { PageContext } from "../../../views/context.js";
import { Banner, Button, ErrorSummary, Pagination, Tag } from "../../../views/components.js";
import type { ServiceLink, ServicePage, Translation } from "../queries.js";
import type { SearchHit } from "../search.js";
import { AUDIENCES, SITUATIONS, TRANSLATION_LANGUAGES, type Choice } from "../situations.js";

const tr = (ctx: PageContext, sv: string, en: string): string => (ctx.lang === "sv" ? sv : en);

function Emergency({ ctx }: { ctx: PageContext }): JSX.Element {
  const main = tr(ctx, "Ring 112 vid akut fara.", "Call 112 in an emergency.");
  const rest = tr(ctx, "Kvällar, nätter och helger svarar Socialjouren på 070-174 06 05.", "Evenings, nights and weekends, the out-of-hours social services answer on 070-174 06 05.");
  return (
    <Banner kind="warning">
      <p><strong safe>{main}</strong> <span safe>{rest}</span></p>
    </Banner>
  );
}

function SearchForm({ ctx, q }: { ctx: PageContext; q: string }): JSX.Element {
  const label = tr(ctx, "Sök stöd och hjälp", "Search for support");
  const hint = tr(ctx, "Skriv med dina egna ord, till exempel ”skulder” eller ”orolig för mitt barn”.", "Use your own words, for example “debts” or “worried about my child”.");
  return (
    <form method="get" action="/stod" class="search" role="search">
      <div class="field">
        <label class="field__label" for="q" safe>{label}</label>
        <p class="field__hint" id="q-hint" safe>{hint}</p>
        <input class="field__input" id="q" name="q" type="search" value={q} aria-describedby="q-hint" maxlength="200" />
      </div>
      <Button>{escapeHtml(tr(ctx, "Sök", "Search"))}</Button>
    </form>
  );
}

function ServiceList({ items }: { items: readonly { slug: string; name: string; summary: string }[] }): JSX.Element {
  return (
    <ul class="service-list">
      {items.map((s) => {
        const href = `/stod/${s.slug}`;
        return (
          <li class="service-list__item">
            <a class="service-list__link" href={href} safe>{s.name}</a>
            <p class="service-list__summary" safe>{s.summary}</p>
          </li>
        );
      })}
    </ul>
  );
}

export function StartPage(p: { ctx: PageContext; groups: readonly { situation: Choice; services: readonly ServiceLink[] }[] }): JSX.Element {
  const { ctx } = p;
  return (
    <>
      <h1 safe>{tr(ctx, "Stöd och hjälp", "Support and help")}</h1>
      <p class="lead" safe>{tr(ctx, "Här finns allt stöd som socialtjänsten ger. Mycket kan du få utan att ansöka – ring eller kom förbi. Det gäller även små problem.", "Here is all the support the social services give. Much of it you can get without applying – call or drop in. Small problems too.")}</p>
      <SearchForm ctx={ctx} q="" />
      <p class="finder-link"><a href="/stod/hitta" safe>{tr(ctx, "Vet du inte vad du ska söka på? Svara på två frågor: Vilken hjälp passar mig?", "Not sure what to search for? Answer two questions: Which help suits me?")}</a></p>
      <Emergency ctx={ctx} />
      {p.groups.map((g) => {
        const title = g.situation[ctx.lang];
        const id = `situation-${g.situation.id}`;
        return (
          <section aria-labelledby={id}>
            <h2 id={id} safe>{title}</h2>
            <ServiceList items={g.services} />
          </section>
        );
      })}
      <p><a href="/stod/data.json" safe>{tr(ctx, "Katalogen som öppna data (JSON, CSV och DCAT-AP-SE)", "The catalogue as open data (JSON, CSV and DCAT-AP-SE)")}</a></p>
    </>
  );
}

export function ResultsPage(p: { ctx: PageContext; q: string; hits: readonly SearchHit[]; page: number; pageSize: number; corrections: readonly { from: string; to: string }[] }): JSX.Element {
  const { ctx } = p;
  const shown = p.hits.slice((p.page - 1) * p.pageSize, p.page * p.pageSize);
  const count = p.hits.length === 0
    ? tr(ctx, `Vi hittade inget stöd för ”${p.q}”.`, `We found no support for “${p.q}”.`)
    : tr(ctx, `${p.hits.length} stöd passar ”${p.q}”.`, `${p.hits.length} services match “${p.q}”.`);
  const corrected = p.corrections.map((c) => `${c.to} (${tr(ctx, "för", "for")} ${c.from})`).join(", ");
  return (
    <>
      <h1 safe>{tr(ctx, "Sök stöd och hjälp", "Search for support")}</h1>
      <SearchForm ctx={ctx} q={p.q} />
      <h2 id="results" safe>{tr(ctx, "Sökresultat", "Results")}</h2>
      <p role="status" safe>{count}</p>
      {corrected ? <p class="hint"><span safe>{tr(ctx, "Vi sökte också på: ", "We also searched for: ")}</span><span safe>{corrected}</span></p> : ""}
      {shown.length > 0 ? <ServiceList items={shown} /> : (
        <ul>
          <li><a href="/stod/hitta" safe>{tr(ctx, "Svara på två frågor så visar vi stöd som kan passa", "Answer two questions and we show support that may suit you")}</a></li>
          <li><a href="/stod" safe>{tr(ctx, "Se allt stöd, ordnat efter livssituation", "See all support, by life situation")}</a></li>
          <li><a href="/fraga" safe>{tr(ctx, "Ställ en fråga till oss", "Ask us a question")}</a></li>
        </ul>
      )}
      <Pagination ctx={ctx} page={p.page} pageSize={p.pageSize} total={p.hits.length} href={(n) => `/stod?q=${encodeURIComponent(p.q)}&sida=${n}`} />
      <Emergency ctx={ctx} />
    </>
  );
}

function Paragraphs({ text }: { text: string }): JSX.Element {
  return <>{text.split(/\n{1,}/).filter((l) => l.trim()).map((line) => <p safe>{line}</p>)}</>;
}

function Section(p: { id: string; title: string; text: string }): JSX.Element {
  if (!p.text.trim()) return "";
  return (
    <section aria-labelledby={p.id}>
      <h2 id={p.id} safe>{p.title}</h2>
      <Paragraphs text={p.text} />
    </section>
  );
}

export function ServiceView(p: { ctx: PageContext; s: ServicePage; related: readonly ServiceLink[]; translations: readonly Translation[] }): JSX.Element {
  const { ctx, s } = p;
  const access = s.access === "decision"
    ? tr(ctx, "Du behöver ansöka. En socialsekreterare pratar med dig och bestämmer om du kan få stödet. Det kallas biståndsbeslut. Du kan överklaga beslutet om du inte är nöjd.", "You need to apply. A social worker talks to you and makes a decision. You can appeal the decision if you are not satisfied.")
    : tr(ctx, "Du behöver inte ansöka. Ring, skriv eller kom förbi.", "You do not need to apply. Call, write or drop in.");
  const tel = `tel:${s.phone.replace(/[^0-9+]/g, "")}`;
  const mail = `mailto:${s.email}`;
  const form = `/fraga?stod=${s.slug}`;
  const reviewed = tr(ctx, `Senast granskad ${formatDate(new Date(s.last_reviewed_at), ctx.lang)}`, `Last reviewed ${formatDate(new Date(s.last_reviewed_at), ctx.lang)}`);
  const langs = s.languages.join(", ");
  return (
    <article class="service">
      <p class="breadcrumbs"><a href="/stod" safe>{tr(ctx, "Stöd och hjälp", "Support and help")}</a></p>
      <h1 safe>{s.name}</h1>
      <p class="lead" safe>{s.summary}</p>
      {s.easy_read || p.translations.length > 0 ? (
        <ul class="inline-links" aria-label={tr(ctx, "Andra versioner av sidan", "Other versions of this page")}>
          {s.easy_read ? <li><a href={`/stod/${s.slug}/lattlast`} lang="sv">Lättläst</a></li> : ""}
          {p.translations.map((t) => {
            const l = TRANSLATION_LANGUAGES.find((x) => x.code === t.lang);
            const href = `/stod/${s.slug}/sprak/${t.lang}`;
            return <li><a href={href} lang={t.lang} hreflang={t.lang} safe>{l?.native ?? t.lang}</a></li>;
          })}
        </ul>
      ) : ""}
      <p><Tag tone={s.access === "decision" ? "blue" : "green"}>{escapeHtml((s.access === "decision" ? tr(ctx, "Du behöver ansöka", "Application needed") : tr(ctx, "Du kan komma direkt", "Just get in touch")))}</Tag></p>
      <Section id="for-whom" title={tr(ctx, "Vem kan få stödet?", "Who can get it?")} text={s.for_whom} />
      <Section id="what" title={tr(ctx, "Vad får du?", "What do you get?")} text={s.what_you_get} />
      <Section id="cost" title={tr(ctx, "Vad kostar det?", "What does it cost?")} text={s.cost} />
      <Section id="apply" title={tr(ctx, "Behöver du ansöka?", "Do you need to apply?")} text={access} />
      <section aria-labelledby="contact" class="panel">
        <h2 id="contact" safe>{tr(ctx, "Så kontaktar du oss", "How to contact us")}</h2>
        <dl class="facts">
          {s.phone ? <div><dt safe>{tr(ctx, "Telefon", "Phone")}</dt><dd><a href={tel} safe>{s.phone}</a></dd></div> : ""}
          {s.email ? <div><dt safe>{tr(ctx, "E-post", "Email")}</dt><dd><a href={mail} safe>{s.email}</a></dd></div> : ""}
          {s.web_form ? <div><dt safe>{tr(ctx, "Skriv till oss", "Write to us")}</dt><dd><a href={form} safe>{tr(ctx, "Ställ en fråga om det här stödet", "Ask a question about this service")}</a></dd></div> : ""}
          {s.address ? <div><dt safe>{tr(ctx, "Besöksadress", "Visiting address")}</dt><dd safe>{s.address}</dd></div> : ""}
          {s.opening_hours ? <div><dt safe>{tr(ctx, "Öppettider", "Opening hours")}</dt><dd safe>{s.opening_hours}</dd></div> : ""}
          {s.accessibility ? <div><dt safe>{tr(ctx, "Tillgänglighet", "Accessibility")}</dt><dd safe>{s.accessibility}</dd></div> : ""}
          {langs ? <div><dt safe>{tr(ctx, "Språk", "Languages")}</dt><dd safe>{langs}</dd></div> : ""}
          {s.unit_name ? <div><dt safe>{tr(ctx, "Ansvarar", "Responsible unit")}</dt><dd safe>{s.unit_name}</dd></div> : ""}
        </dl>
        <p class="hint" safe>{tr(ctx, "Du kan vara anonym när du frågar om stödet. Skriv inte personnummer i e-post eller i formuläret.", "You can stay anonymous when you ask about the service. Do not write personal identity numbers in e-mail or the form.")}</p>
      </section>
      {p.related.length > 0 ? (
        <section aria-labelledby="related">
          <h2 id="related" safe>{tr(ctx, "Annat stöd som kan passa", "Other support that may suit you")}</h2>
          <ServiceList items={p.related} />
        </section>
      ) : ""}
      <Emergency ctx={ctx} />
      <p class="hint" safe>{reviewed}</p>
    </article>
  );
}

export function EasyReadView(p: { ctx: PageContext; s: ServicePage }): JSX.Element {
  const { s } = p;
  const back = `/stod/${s.slug}`;
  const title = `${s.name} – lättläst`;
  return (
    <article class="service service--easy" lang="sv">
      <p class="breadcrumbs"><a href={back} safe>{`Tillbaka till ${s.name}`}</a></p>
      <h1 safe>{title}</h1>
      <div class="easy-read"><Paragraphs text={s.easy_read} /></div>
      {s.phone ? <p class="easy-read__call"><span>Ring oss: </span><a href={`tel:${s.phone.replace(/[^0-9+]/g, "")}`} safe>{s.phone}</a></p> : ""}
      <p>Om du är i fara nu: ring 112.</p>
    </article>
  );
}

export function TranslationView(p: { ctx: PageContext; s: ServicePage; t: Translation }): JSX.Element {
  const { s, t } = p;
  const l = TRANSLATION_LANGUAGES.find((x) => x.code === t.lang);
  const back = `/stod/${s.slug}`;
  const backText = `${s.name} (på svenska)`;
  return (
    <>
      <p class="breadcrumbs"><a href={back} lang="sv" safe>{backText}</a></p>
      <article class="service" lang={t.lang} dir={l?.dir ?? "ltr"}>
        <h1 safe>{t.name}</h1>
        <p class="lead" safe>{t.summary}</p>
        <Paragraphs text={t.body} />
        {s.phone ? <p><a href={`tel:${s.phone.replace(/[^0-9+]/g, "")}`} dir="ltr" safe>{s.phone}</a></p> : ""}
      </article>
    </>
  );
}

export function FinderPage(p: {
  ctx: PageContext;
  step: "situation" | "audience" | "result";
  situation?: Choice | undefined;
  audience?: Choice | undefined;
  results?: readonly (ServiceLink & { access: string; phone: string })[];
  error?: string | undefined;
}): JSX.Element {
  const { ctx } = p;
  const errors = p.error ? [{ field: p.step === "audience" ? "vem" : "situation", message: p.error }] : [];
  const urgent = p.situation && (p.situation.id === "barn" || p.situation.id === "vald");
  return (
    <>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1 safe>{tr(ctx, "Vilken hjälp passar mig?", "Which help suits me?")}</h1>
      <p class="lead" safe>{tr(ctx, "Svara på två frågor så visar vi stöd som kan passa. Vi sparar inte dina svar.", "Answer two questions and we show support that may suit you. We do not keep your answers.")}</p>
      {p.step === "situation" ? (
        <form method="get" action="/stod/hitta" novalidate>
          <input type="hidden" name="steg" value="1" />
          <fieldset class={`field${p.error ? " field--error" : ""}`} id="situation">
            <legend class="field__label" safe>{tr(ctx, "Fråga 1 av 2: Vad handlar det om?", "Question 1 of 2: What is it about?")}</legend>
            {p.error ? <p class="field__error"><span class="visually-hidden">Fel: </span><span safe>{p.error}</span></p> : ""}
            {SITUATIONS.map((s) => {
              const hint = ctx.lang === "sv" ? s.hintSv ?? "" : s.hintEn ?? "";
              return (
                <label class="radio radio--block">
                  <input type="radio" name="situation" value={s.id} />
                  <span><strong safe>{s[ctx.lang]}</strong>{hint ? <span class="radio__hint" safe>{hint}</span> : ""}</span>
                </label>
              );
            })}
          </fieldset>
          <Button>{escapeHtml(tr(ctx, "Nästa fråga", "Next question"))}</Button>
        </form>
      ) : ""}
      {p.step === "audience" && p.situation ? (
        <form method="get" action="/stod/hitta" novalidate>
          <input type="hidden" name="steg" value="2" />
          <input type="hidden" name="situation" value={p.situation.id} />
          <p><span safe>{tr(ctx, "Det handlar om: ", "It is about: ")}</span><strong safe>{p.situation[ctx.lang]}</strong> <a href="/stod/hitta" safe>{tr(ctx, "Ändra", "Change")}</a></p>
          <fieldset class={`field${p.error ? " field--error" : ""}`} id="vem">
            <legend class="field__label" safe>{tr(ctx, "Fråga 2 av 2: Vem gäller det?", "Question 2 of 2: Who is it for?")}</legend>
            {p.error ? <p class="field__error"><span class="visually-hidden">Fel: </span><span safe>{p.error}</span></p> : ""}
            {AUDIENCES.map((a) => (
              <label class="radio radio--block">
                <input type="radio" name="vem" value={a.id} />
                <span safe>{a[ctx.lang]}</span>
              </label>
            ))}
          </fieldset>
          <Button>{escapeHtml(tr(ctx, "Visa stöd som passar", "Show support that suits me"))}</Button>
        </form>
      ) : ""}
      {p.step === "result" && p.situation ? (
        <>
          <p><span safe>{tr(ctx, "Det handlar om: ", "It is about: ")}</span><strong safe>{p.situation[ctx.lang]}</strong>. <span safe>{tr(ctx, "Det gäller: ", "It is for: ")}</span><strong safe>{p.audience?.[ctx.lang] ?? ""}</strong>.</p>
          {urgent ? <Emergency ctx={ctx} /> : ""}
          <h2 safe>{tr(ctx, "Stöd som kan passa", "Support that may suit you")}</h2>
          {(p.results ?? []).length === 0 ? <p safe>{tr(ctx, "Vi hittade inget stöd som passar precis. Ställ en fråga till oss så hjälper vi dig vidare.", "We found no support that fits exactly. Ask us a question and we will help you further.")}</p> : (
            <ul class="service-list">
              {(p.results ?? []).map((s) => {
                const how = s.access === "decision" ? tr(ctx, "Du behöver ansöka", "Application needed") : tr(ctx, "Du kan komma direkt", "Just get in touch");
                return (
                  <li class="service-list__item">
                    <a class="service-list__link" href={`/stod/${s.slug}`} safe>{s.name}</a>
                    <p class="service-list__summary" safe>{s.summary}</p>
                    <p class="hint"><Tag tone={s.access === "decision" ? "blue" : "green"}>{escapeHtml(how)}</Tag>{s.phone ? <span safe>{`${tr(ctx, "Telefon", "Phone")} ${s.phone}`}</span> : ""}</p>
                  </li>
                );
              })}
            </ul>
          )}
          <p><a href="/stod/hitta" safe>{tr(ctx, "Börja om", "Start again")}</a> · <a href="/fraga" safe>{tr(ctx, "Ställ en fråga till oss", "Ask us a question")}</a> · <a href="/stod" safe>{tr(ctx, "Se allt stöd", "See all support")}</a></p>
        </>
      ) : ""}
    </>
  );
}
