/** Resident-facing pages for ideas: the list and search, the form, the idea's page, the submitter's page, following. */
import { escapeHtml } from "@kitajs/html";
import { sayer, type Lang } from "../../../platform/i18n/messages.js";
import { Banner, Button, CsrfField, ErrorSummary, FileField, Pagination, PhoneLink, RadioGroup, SelectField, SpamGuard, Tag, TextAreaField, TextField } from "../../../views/components.js";
import type { FieldError, PageContext } from "../../../views/context.js";
import { messages, type IdeaKey } from "../messages.js";
import type { IdeaDetail, IdeaListRow, TimelineStep } from "../queries.js";

export interface Option { readonly value: string; readonly label: string }

export interface ListFilters {
  readonly q: string;
  readonly state: string;
  readonly owner: string;
  readonly category: string;
}

export function queryString(f: Partial<ListFilters> & { page?: number }): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ q: f.q, lage: f.state, enhet: f.owner, kategori: f.category, sida: f.page && f.page > 1 ? String(f.page) : "" })) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : "";
}

export function IdeaListPage(p: {
  ctx: PageContext; filters: ListFilters; rows: readonly IdeaListRow[]; total: number; page: number; pageSize: number;
  states: readonly Option[]; owners: readonly Option[]; categories: readonly Option[];
}): JSX.Element {
  const { ctx, filters } = p;
  const feedQuery = queryString({ category: filters.category, owner: filters.owner });
  const say = sayer(messages, ctx.lang);
  const heading = say(filters.q ? "list.found" : "list.count", { count: p.total });
  const any = say("list.search.any");
  return (
    <>
      <h1 safe>{say("list.title")}</h1>
      <p class="lead" safe>{say("list.lead")}</p>
      <p><a class="button button--primary" href="/forslag/nytt" safe>{say("list.send")}</a></p>
      <form method="get" action="/forslag" role="search" aria-label={say("list.search.label")}>
        <fieldset class="filters__set">
          <legend safe>{say("list.search.legend")}</legend>
          <TextField name="q" type="search" label={say("list.search.q")} value={filters.q} />
          <SelectField name="lage" label={say("list.search.state")} selected={filters.state} options={[{ value: "", label: any }, ...p.states]} />
          <SelectField name="enhet" label={say("list.search.owner")} selected={filters.owner} options={[{ value: "", label: any }, ...p.owners]} />
          <SelectField name="kategori" label={say("list.search.category")} selected={filters.category} options={[{ value: "", label: any }, ...p.categories]} />
          <Button kind="secondary">{escapeHtml(say("list.search.show"))}</Button>
        </fieldset>
      </form>
      <h2 safe>{heading}</h2>
      {p.rows.length === 0 ? <p safe>{say("list.none")}</p> : ""}
      <ul class="service-list">
        {p.rows.map((r) => {
          const meta = `${r.number} · ${say("list.received", { when: r.receivedAt })}${r.owner ? ` · ${r.owner}` : ""}${r.category ? ` · ${r.category}` : ""}`;
          const summary = r.description.length > 220 ? `${r.description.slice(0, 217).trimEnd()}…` : r.description;
          return (
            <li class="service-list__item">
              <a class="service-list__link" href={`/forslag/${r.number}`} safe>{r.title}</a>
              <p class="service-list__summary"><Tag tone={r.stateClosed ? "green" : "blue"}><span safe>{r.state}</span></Tag> <span class="hint" safe>{meta}</span></p>
              <p class="service-list__summary" safe>{summary}</p>
            </li>
          );
        })}
      </ul>
      <Pagination ctx={ctx} page={p.page} pageSize={p.pageSize} total={p.total} href={(n) => `/forslag${queryString({ ...filters, page: n })}`} />
      <h2 safe>{say("list.feeds.title")}</h2>
      <ul class="inline-links">
        <li><a href={`/forslag/flode.rss${feedQuery}`} safe>{say("list.feeds.rss")}</a></li>
        <li><a href={`/forslag/flode.atom${feedQuery}`} safe>{say("list.feeds.atom")}</a></li>
      </ul>
      <p class="hint" safe>{say("list.feeds.hint")}</p>
    </>
  );
}

export interface IdeaForm {
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly name: string;
  readonly email: string;
}

export const EMPTY_IDEA_FORM: IdeaForm = { title: "", description: "", category: "", name: "", email: "" };

export function NewIdeaPage(p: { ctx: PageContext; form: IdeaForm; errors: readonly FieldError[]; categories: readonly Option[]; stamp: string }): JSX.Element {
  const { ctx, form } = p;
  const say = sayer(messages, ctx.lang);
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  return (
    <>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <h1 safe>{say("new.title")}</h1>
      <p class="lead" safe>{say("new.lead")}</p>
      <Banner kind="info">
        <p>{say.rich("new.notice", { tel: () => <PhoneLink number="112" /> })}</p>
      </Banner>
      <form method="post" action="/forslag/nytt" enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <SpamGuard stamp={p.stamp} />
        <TextField name="title" label={say("new.field.title")} hint={say("new.field.title.hint")} value={form.title} error={err("title")} />
        <TextAreaField name="description" rows={8} value={form.description} error={err("description")}
          label={say("new.field.description")} hint={say("new.field.description.hint")} />
        <SelectField name="category" label={say("new.field.category")} selected={form.category} options={[{ value: "", label: say("new.field.category.unknown") }, ...p.categories]} error={err("category")} />
        <TextField name="email" type="email" autocomplete="email" label={say("new.field.email")} value={form.email} error={err("email")}
          hint={say("new.field.email.hint")} />
        <TextField name="name" autocomplete="name" label={say("new.field.name")} value={form.name} />
        <FileField name="file" label={say("new.field.file")} hint={say("new.field.file.hint")} error={err("file")} accept=".pdf,.jpg,.jpeg,.png,.gif,.webp" />
        <Button>{escapeHtml(say("new.send"))}</Button>
      </form>
    </>
  );
}

/** What a step on the timeline says, for everyone who may see it. */
export function stepSentence(ctx: PageContext, s: TimelineStep): string {
  const say = sayer(messages, ctx.lang);
  const d = s.details as { progress?: number; kind?: string; helped?: string };
  switch (s.kind) {
    case "received": return say("step.received");
    case "confirmed": return say("step.confirmed");
    case "routed": return s.decidedBy ? say("step.routedTo", { owner: s.decidedBy }) : say("step.routed");
    case "moved": return say("step.moved", { owner: s.decidedBy });
    case "state": return say("step.state", { state: s.state ?? "" });
    case "progress": return say("step.progress", { progress: d.progress ?? 0 });
    case "link": return d.kind === "decision" ? say("step.decision") : say("step.result");
    case "held": return say("step.held");
    case "cleared": return say("step.cleared");
    case "rejected": return say("step.rejected");
    case "edited": return say("step.edited");
    case "helped": return say("step.helped", { answer: helpedWord(ctx.lang, d.helped) });
    default: return "";
  }
}

const HELPED_KEYS: Readonly<Record<string, IdeaKey>> = { yes: "helped.yes", partly: "helped.partly", no: "helped.no" };

/** The submitter's answer to "did it help?" in words ("" for none). */
export function helpedWord(lang: Lang, helped: string | null | undefined): string {
  const key = helped && Object.hasOwn(HELPED_KEYS, helped) ? HELPED_KEYS[helped] : undefined;
  return key ? sayer(messages, lang)(key) : "";
}

export function Timeline(p: { ctx: PageContext; steps: readonly TimelineStep[]; showReasons: boolean; staff?: boolean }): JSX.Element {
  const { ctx } = p;
  const say = sayer(messages, ctx.lang);
  return (
    <ol class="timeline">
      {p.steps.map((s) => {
        const when = say("facts.receivedAt", { when: s.at });
        const sentence = stepSentence(ctx, s);
        const by = s.kind === "state" && s.decidedBy ? say("step.decidedBy", { name: s.decidedBy }) : "";
        const reason = s.reason && (p.showReasons || s.kind === "moved" || s.kind === "edited") ? s.reason : "";
        const actor = p.staff && s.actorName ? `(${s.actorName})` : "";
        return (
          <li class={`timeline__item${s.kind === "state" ? " timeline__item--state" : ""}`}>
            <p class="timeline__meta"><time datetime={s.at.toISOString()} safe>{when}</time> {actor ? <span safe>{actor}</span> : ""}{p.staff && !s.public ? <> <Tag tone="yellow">{escapeHtml(say("step.internal"))}</Tag></> : ""}</p>
            <p class="timeline__title" safe>{sentence}</p>
            {s.answer ? <p class="timeline__answer" safe>{s.answer}</p> : ""}
            {reason ? <p safe>{say("step.why", { reason })}</p> : ""}
            {by ? <p class="hint" safe>{by}</p> : ""}
          </li>
        );
      })}
    </ol>
  );
}

/** A progress bar that needs no script; the number is also in the text. */
export function Progress(p: { ctx: PageContext; value: number; note: string }): JSX.Element {
  const say = sayer(messages, p.ctx.lang);
  const label = say("progress.label", { progress: p.value });
  return (
    <div class="progress">
      <p class="progress__label" id="progress-label" safe>{label}</p>
      <progress class="progress__bar" max="100" value={String(p.value)} aria-labelledby="progress-label" safe>{say("progress.value", { progress: p.value })}</progress>
      {p.note ? <p class="hint" safe>{p.note}</p> : ""}
    </div>
  );
}

export function IdeaFacts(p: { ctx: PageContext; idea: IdeaDetail; state: string | null }): JSX.Element {
  const { ctx, idea } = p;
  const say = sayer(messages, ctx.lang);
  const rows: [string, string][] = [
    [say("facts.number"), idea.number],
    [say("list.search.state"), p.state ?? say("facts.stateReceived")],
    [say("facts.received"), say("facts.receivedAt", { when: idea.receivedAt })],
    [say("facts.owner"), idea.owner ?? say("facts.ownerUndecided")],
    ...(idea.category ? [[say("list.search.category"), idea.category] as [string, string]] : []),
  ];
  return (
    <dl class="facts">
      {rows.map(([k, v]) => <div><dt safe>{k}</dt><dd safe>{v}</dd></div>)}
    </dl>
  );
}

export function IdeaPage(p: {
  ctx: PageContext; idea: IdeaDetail; steps: readonly TimelineStep[]; state: string | null; links: readonly { kind: string; title: string; url: string }[];
  followers: number; followErrors: readonly FieldError[]; followEmail: string; followed: boolean;
}): JSX.Element {
  const { ctx, idea } = p;
  const say = sayer(messages, ctx.lang);
  const err = (f: string) => p.followErrors.find((e) => e.field === f)?.message;
  const decisions = p.links.filter((l) => l.kind === "decision");
  const results = p.links.filter((l) => l.kind === "result");
  const showProgress = idea.progress !== null && (idea.stateShowsProgress || idea.stateImplemented || idea.progress > 0);
  const followerText = say("idea.followers", { count: p.followers });
  return (
    <>
      <ErrorSummary ctx={ctx} errors={p.followErrors} />
      <p class="breadcrumbs"><a href="/forslag" safe>{say("idea.all")}</a></p>
      <h1 safe>{idea.title}</h1>
      {p.followed ? <Banner kind="success"><p safe>{say("idea.followCheckMail")}</p></Banner> : ""}
      <IdeaFacts ctx={ctx} idea={idea} state={p.state} />
      <h2 safe>{say("idea.text")}</h2>
      <p class="prose" safe>{idea.description}</p>
      {showProgress ? <Progress ctx={ctx} value={idea.progress ?? 0} note={idea.progressNote} /> : ""}
      {idea.helped ? (
        <div class="panel">
          <h2 safe>{say("idea.helped.title")}</h2>
          <p><strong safe>{helpedWord(ctx.lang, idea.helped)}</strong>{idea.helpedComment ? <> – <span safe>{idea.helpedComment}</span></> : ""}</p>
          <p class="hint" safe>{say("idea.helped.source")}</p>
        </div>
      ) : ""}
      {decisions.length + results.length > 0 ? (
        <>
          <h2 safe>{say("idea.links.title")}</h2>
          <ul>
            {[...decisions, ...results].map((l) => <li><span safe>{l.kind === "decision" ? say("idea.links.decision") : say("idea.links.result")}</span><a href={l.url} safe>{l.title}</a></li>)}
          </ul>
        </>
      ) : ""}
      <h2 safe>{say("idea.history")}</h2>
      <Timeline ctx={ctx} steps={p.steps} showReasons={false} />
      <h2 id="folj" safe>{say("idea.follow.title")}</h2>
      <p safe>{followerText}</p>
      <form method="post" action={`/forslag/${idea.number}/folj`} novalidate>
        <CsrfField ctx={ctx} />
        <TextField name="followEmail" type="email" autocomplete="email" label={say("new.field.email")} value={p.followEmail} error={err("followEmail")}
          hint={say("idea.follow.email.hint")} />
        <RadioGroup name="frequency" legend={say("idea.follow.frequency")} checked="immediate"
          options={[{ value: "immediate", label: say("idea.follow.immediate") }, { value: "daily", label: say("idea.follow.daily") }]} />
        <Button kind="secondary">{escapeHtml(say("idea.follow.title"))}</Button>
      </form>
    </>
  );
}

/** The submitter's own page: confirm, see why it is held, every answer, "did it help?". */
export function MyIdeaPage(p: {
  ctx: PageContext; idea: IdeaDetail; steps: readonly TimelineStep[]; state: string | null; token: string; justSent: boolean; errors: readonly FieldError[];
}): JSX.Element {
  const { ctx, idea } = p;
  const say = sayer(messages, ctx.lang);
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  const askHelped = idea.implementedAt !== null && idea.helped === null;
  return (
    <>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <h1 safe>{say("mine.title", { number: idea.number })}</h1>
      {p.justSent ? <Banner kind="success"><p safe>{say("mine.thanks")}</p></Banner> : ""}
      {idea.status === "unconfirmed" ? (
        <div class="panel">
          <h2 safe>{say("mine.confirm.title")}</h2>
          <p safe>{say("mine.confirm.text")}</p>
          <form method="post" action={`/forslag/mitt/${p.token}/bekrafta`}>
            <CsrfField ctx={ctx} />
            <Button>{escapeHtml(say("mine.confirm.button"))}</Button>
          </form>
        </div>
      ) : ""}
      {idea.status === "held" ? (
        <Banner kind="warning">
          <p><strong safe>{say("mine.held")}</strong></p>
          {idea.holdReasons.map((r) => <p safe>{r}</p>)}
        </Banner>
      ) : ""}
      {idea.status === "rejected" ? <Banner kind="warning"><p safe>{say("mine.rejected")}</p></Banner> : ""}
      {idea.status === "open" && idea.audience === "public" ? <p><a href={`/forslag/${idea.number}`} safe>{say("mine.asOthersSee")}</a></p> : ""}
      <h2 safe>{idea.title}</h2>
      <IdeaFacts ctx={ctx} idea={idea} state={p.state} />
      <p class="prose" safe>{idea.description}</p>
      {askHelped ? (
        <div class="panel" id="hjalpte">
          <h2 safe>{say("mine.helped.title")}</h2>
          <form method="post" action={`/forslag/mitt/${p.token}/hjalpte`} novalidate>
            <CsrfField ctx={ctx} />
            <RadioGroup name="helped" legend={say("mine.helped.legend")} error={err("helped")}
              options={["yes", "partly", "no"].map((v) => ({ value: v, label: helpedWord(ctx.lang, v) }))} />
            <TextAreaField name="helpedComment" rows={3} value="" error={err("helpedComment")} label={say("mine.helped.comment")}
              hint={say("mine.helped.comment.hint")} />
            <Button>{escapeHtml(say("mine.helped.send"))}</Button>
          </form>
        </div>
      ) : ""}
      {idea.helped ? <p safe>{say("mine.helped.answer", { answer: helpedWord(ctx.lang, idea.helped) })}</p> : ""}
      <h2 safe>{say("idea.history")}</h2>
      <Timeline ctx={ctx} steps={p.steps} showReasons={true} />
    </>
  );
}
