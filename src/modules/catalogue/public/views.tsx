/**
 * Resident-facing pages of the help catalogue. Every page works without JavaScript. Every word
 * is in the module's catalogue (../messages.ts); the out-of-hours number comes from the
 * configuration. The easy-to-read page and the way back from a translation are Swedish
 * whatever language the visitor chose: they belong to the Swedish page.
 */
import { escapeHtml } from "@kitajs/html";
import { sayer } from "../../../platform/i18n/messages.js";
import type { PageContext } from "../../../views/context.js";
import { Banner, Button, ErrorSummary, Pagination, PhoneLink, RadioGroup, Tag } from "../../../views/components.js";
import { messages } from "../messages.js";
import type { ServiceLink, ServicePage, Translation } from "../queries.js";
import type { SearchHit } from "../search.js";
import { AUDIENCES, SITUATIONS, TRANSLATION_LANGUAGES, type Choice } from "../situations.js";

const tel = (number: string) => () => <PhoneLink number={number} />;
const strong = (text: string) => <strong safe>{text}</strong>;

function Emergency({ ctx }: { ctx: PageContext }): JSX.Element {
  const say = sayer(messages, ctx.lang);
  const phone = ctx.organisation.outOfHoursPhone;
  return (
    <Banner kind="warning">
      <p>
        <strong>{say.rich("emergency.main", { tel: tel("112") })}</strong>{" "}
        <span>{say.rich("emergency.outOfHours", { phone, tel: tel(phone) })}</span>
      </p>
    </Banner>
  );
}

function SearchForm({ ctx, q }: { ctx: PageContext; q: string }): JSX.Element {
  const say = sayer(messages, ctx.lang);
  return (
    <form method="get" action="/stod" class="search" role="search">
      <div class="field">
        <label class="field__label" for="q" safe>
          {say("search.label")}
        </label>
        <p class="field__hint" id="q-hint" safe>
          {say("search.hint")}
        </p>
        <input
          class="field__input"
          id="q"
          name="q"
          type="search"
          value={q}
          aria-describedby="q-hint"
          maxlength="200"
        />
      </div>
      <Button>{escapeHtml(say("search.submit"))}</Button>
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
            <a class="service-list__link" href={href} safe>
              {s.name}
            </a>
            <p class="service-list__summary" safe>
              {s.summary}
            </p>
          </li>
        );
      })}
    </ul>
  );
}

export function StartPage(p: {
  ctx: PageContext;
  groups: readonly { situation: Choice; services: readonly ServiceLink[] }[];
}): JSX.Element {
  const { ctx } = p;
  const say = sayer(messages, ctx.lang);
  return (
    <>
      <h1 safe>{say("title")}</h1>
      <p class="lead" safe>
        {say("start.lead")}
      </p>
      <SearchForm ctx={ctx} q="" />
      <p class="finder-link">
        <a href="/stod/hitta" safe>
          {say("start.finder")}
        </a>
      </p>
      <Emergency ctx={ctx} />
      {p.groups.map((g) => {
        const title = g.situation[ctx.lang];
        const id = `situation-${g.situation.id}`;
        return (
          <section aria-labelledby={id}>
            <h2 id={id} safe>
              {title}
            </h2>
            <ServiceList items={g.services} />
          </section>
        );
      })}
      <p>
        <a href="/stod/data.json" safe>
          {say("start.openData")}
        </a>
      </p>
    </>
  );
}

export function ResultsPage(p: {
  ctx: PageContext;
  q: string;
  hits: readonly SearchHit[];
  page: number;
  pageSize: number;
  corrections: readonly { from: string; to: string }[];
}): JSX.Element {
  const { ctx } = p;
  const say = sayer(messages, ctx.lang);
  const shown = p.hits.slice((p.page - 1) * p.pageSize, p.page * p.pageSize);
  const count =
    p.hits.length === 0 ? say("results.none", { q: p.q }) : say("results.count", { count: p.hits.length, q: p.q });
  const corrected = p.corrections.map((c) => say("results.correction", { to: c.to, from: c.from })).join(", ");
  return (
    <>
      <h1 safe>{say("search.label")}</h1>
      <SearchForm ctx={ctx} q={p.q} />
      <h2 id="results" safe>
        {say("results.heading")}
      </h2>
      <p role="status" safe>
        {count}
      </p>
      {corrected ? (
        <p class="hint">
          <span safe>{say("results.alsoSearched")}</span> <span safe>{corrected}</span>
        </p>
      ) : (
        ""
      )}
      {shown.length > 0 ? (
        <ServiceList items={shown} />
      ) : (
        <ul>
          <li>
            <a href="/stod/hitta" safe>
              {say("results.finder")}
            </a>
          </li>
          <li>
            <a href="/stod" safe>
              {say("results.all")}
            </a>
          </li>
          <li>
            <a href="/fraga" safe>
              {say("ask")}
            </a>
          </li>
        </ul>
      )}
      <Pagination
        ctx={ctx}
        page={p.page}
        pageSize={p.pageSize}
        total={p.hits.length}
        href={(n) => `/stod?q=${encodeURIComponent(p.q)}&sida=${n}`}
      />
      <Emergency ctx={ctx} />
    </>
  );
}

function Paragraphs({ text }: { text: string }): JSX.Element {
  return (
    <>
      {text
        .split(/\n{1,}/)
        .filter((l) => l.trim())
        .map((line) => (
          <p safe>{line}</p>
        ))}
    </>
  );
}

function Section(p: { id: string; title: string; text: string }): JSX.Element {
  if (!p.text.trim()) return "";
  return (
    <section aria-labelledby={p.id}>
      <h2 id={p.id} safe>
        {p.title}
      </h2>
      <Paragraphs text={p.text} />
    </section>
  );
}

function Fact({ term, children }: { term: string; children: JSX.Element }): JSX.Element {
  return (
    <div>
      <dt safe>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function ServiceView(p: {
  ctx: PageContext;
  s: ServicePage;
  related: readonly ServiceLink[];
  translations: readonly Translation[];
}): JSX.Element {
  const { ctx, s } = p;
  const say = sayer(messages, ctx.lang);
  const sv = sayer(messages, "sv");
  const decision = s.access === "decision";
  const langs = s.languages.join(", ");
  return (
    <article class="service">
      <p class="breadcrumbs">
        <a href="/stod" safe>
          {say("title")}
        </a>
      </p>
      <h1 safe>{s.name}</h1>
      <p class="lead" safe>
        {s.summary}
      </p>
      {s.easy_read || p.translations.length > 0 ? (
        <ul class="inline-links" aria-label={say("service.otherVersions")}>
          {s.easy_read ? (
            <li>
              <a href={`/stod/${s.slug}/lattlast`} lang="sv" safe>
                {sv("service.easyRead")}
              </a>
            </li>
          ) : (
            ""
          )}
          {p.translations.map((t) => {
            const l = TRANSLATION_LANGUAGES.find((x) => x.code === t.lang);
            const href = `/stod/${s.slug}/sprak/${t.lang}`;
            return (
              <li>
                <a href={href} lang={t.lang} hreflang={t.lang} safe>
                  {l?.native ?? t.lang}
                </a>
              </li>
            );
          })}
        </ul>
      ) : (
        ""
      )}
      <p>
        <Tag tone={decision ? "blue" : "green"}>
          {escapeHtml(say(decision ? "service.tag.decision" : "service.tag.direct"))}
        </Tag>
      </p>
      <Section id="for-whom" title={say("service.forWhom")} text={s.for_whom} />
      <Section id="what" title={say("service.whatYouGet")} text={s.what_you_get} />
      <Section id="cost" title={say("service.cost")} text={s.cost} />
      <Section
        id="apply"
        title={say("service.apply")}
        text={say(decision ? "service.apply.decision" : "service.apply.direct")}
      />
      <section aria-labelledby="contact" class="panel">
        <h2 id="contact" safe>
          {say("service.contact")}
        </h2>
        <dl class="facts">
          {s.phone ? (
            <Fact term={say("service.phone")}>
              <PhoneLink number={s.phone} />
            </Fact>
          ) : (
            ""
          )}
          {s.email ? (
            <Fact term={say("service.email")}>
              <a href={`mailto:${s.email}`} safe>
                {s.email}
              </a>
            </Fact>
          ) : (
            ""
          )}
          {s.web_form ? (
            <Fact term={say("service.write")}>
              <a href={`/fraga?stod=${s.slug}`} safe>
                {say("service.askAbout")}
              </a>
            </Fact>
          ) : (
            ""
          )}
          {s.address ? <Fact term={say("service.address")}>{escapeHtml(s.address)}</Fact> : ""}
          {s.opening_hours ? <Fact term={say("service.openingHours")}>{escapeHtml(s.opening_hours)}</Fact> : ""}
          {s.accessibility ? <Fact term={say("service.accessibility")}>{escapeHtml(s.accessibility)}</Fact> : ""}
          {langs ? <Fact term={say("service.languages")}>{escapeHtml(langs)}</Fact> : ""}
          {s.unit_name ? <Fact term={say("service.unit")}>{escapeHtml(s.unit_name)}</Fact> : ""}
        </dl>
        <p class="hint" safe>
          {say("service.anonymous")}
        </p>
      </section>
      {p.related.length > 0 ? (
        <section aria-labelledby="related">
          <h2 id="related" safe>
            {say("service.related")}
          </h2>
          <ServiceList items={p.related} />
        </section>
      ) : (
        ""
      )}
      <Emergency ctx={ctx} />
      <p class="hint" safe>
        {say("service.reviewed", { when: new Date(s.last_reviewed_at) })}
      </p>
    </article>
  );
}

/** The easy-to-read version is Swedish: its words come from the Swedish catalogue. */
export function EasyReadView(p: { ctx: PageContext; s: ServicePage }): JSX.Element {
  const { s } = p;
  const sv = sayer(messages, "sv");
  return (
    <article class="service service--easy" lang="sv">
      <p class="breadcrumbs">
        <a href={`/stod/${s.slug}`} safe>
          {sv("easyRead.back", { name: s.name })}
        </a>
      </p>
      <h1 safe>{sv("easyRead.title", { name: s.name })}</h1>
      <div class="easy-read">
        <Paragraphs text={s.easy_read} />
      </div>
      {s.phone ? <p class="easy-read__call">{sv.rich("easyRead.call", { phone: s.phone, tel: tel(s.phone) })}</p> : ""}
      <p>{sv.rich("easyRead.danger", { tel: tel("112") })}</p>
    </article>
  );
}

export function TranslationView(p: { ctx: PageContext; s: ServicePage; t: Translation }): JSX.Element {
  const { s, t } = p;
  const l = TRANSLATION_LANGUAGES.find((x) => x.code === t.lang);
  return (
    <>
      <p class="breadcrumbs">
        <a href={`/stod/${s.slug}`} lang="sv" safe>
          {sayer(messages, "sv")("translation.back", { name: s.name })}
        </a>
      </p>
      <article class="service" lang={t.lang} dir={l?.dir ?? "ltr"}>
        <h1 safe>{t.name}</h1>
        <p class="lead" safe>
          {t.summary}
        </p>
        <Paragraphs text={t.body} />
        {s.phone ? (
          <p dir="ltr">
            <PhoneLink number={s.phone} />
          </p>
        ) : (
          ""
        )}
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
  const say = sayer(messages, ctx.lang);
  const errors = p.error ? [{ field: p.step === "audience" ? "vem" : "situation", message: p.error }] : [];
  const urgent = p.situation && (p.situation.id === "barn" || p.situation.id === "vald");
  return (
    <>
      <ErrorSummary ctx={ctx} errors={errors} />
      <h1 safe>{say("finder.title")}</h1>
      <p class="lead" safe>
        {say("finder.lead")}
      </p>
      {p.step === "situation" ? (
        <form method="get" action="/stod/hitta" novalidate>
          <input type="hidden" name="steg" value="1" />
          <RadioGroup
            name="situation"
            legend={say("finder.situation.legend")}
            error={p.error}
            options={SITUATIONS.map((s) => ({
              value: s.id,
              label: s[ctx.lang],
              hint: (ctx.lang === "sv" ? s.hintSv : s.hintEn) ?? "",
            }))}
          />
          <Button>{escapeHtml(say("finder.next"))}</Button>
        </form>
      ) : (
        ""
      )}
      {p.step === "audience" && p.situation ? (
        <form method="get" action="/stod/hitta" novalidate>
          <input type="hidden" name="steg" value="2" />
          <input type="hidden" name="situation" value={p.situation.id} />
          <p>
            {say.rich("finder.about", { situation: p.situation[ctx.lang], b: strong })}{" "}
            <a href="/stod/hitta" safe>
              {say("finder.change")}
            </a>
          </p>
          <RadioGroup
            name="vem"
            legend={say("finder.audience.legend")}
            error={p.error}
            options={AUDIENCES.map((a) => ({ value: a.id, label: a[ctx.lang] }))}
          />
          <Button>{escapeHtml(say("finder.show"))}</Button>
        </form>
      ) : (
        ""
      )}
      {p.step === "result" && p.situation ? (
        <>
          <p>
            {say.rich("finder.answers", {
              situation: p.situation[ctx.lang],
              audience: p.audience?.[ctx.lang] ?? "",
              b: strong,
            })}
          </p>
          {urgent ? <Emergency ctx={ctx} /> : ""}
          <h2 safe>{say("finder.results")}</h2>
          {(p.results ?? []).length === 0 ? (
            <p safe>{say("finder.none")}</p>
          ) : (
            <ul class="service-list">
              {(p.results ?? []).map((s) => {
                const decision = s.access === "decision";
                return (
                  <li class="service-list__item">
                    <a class="service-list__link" href={`/stod/${s.slug}`} safe>
                      {s.name}
                    </a>
                    <p class="service-list__summary" safe>
                      {s.summary}
                    </p>
                    <p class="hint">
                      <Tag tone={decision ? "blue" : "green"}>
                        {escapeHtml(say(decision ? "service.tag.decision" : "service.tag.direct"))}
                      </Tag>
                      {s.phone ? <span>{say.rich("finder.phone", { phone: s.phone, tel: tel(s.phone) })}</span> : ""}
                    </p>
                  </li>
                );
              })}
            </ul>
          )}
          <p>
            <a href="/stod/hitta" safe>
              {say("finder.restart")}
            </a>{" "}
            ·{" "}
            <a href="/fraga" safe>
              {say("ask")}
            </a>{" "}
            ·{" "}
            <a href="/stod" safe>
              {say("finder.all")}
            </a>
          </p>
        </>
      ) : (
        ""
      )}
    </>
  );
}
