/** Resident-facing pages for ideas: the list and search, the form, the idea's page, the submitter's page, following. */
import { escapeHtml } from "@kitajs/html";
import { formatDate } from "../../../platform/i18n/i18n.js";
import { Banner, Button, CsrfField, ErrorSummary, Pagination, SelectField, SpamGuard, Tag, TextAreaField, TextField } from "../../../views/components.js";
import type { FieldError, PageContext } from "../../../views/context.js";
import type { IdeaDetail, IdeaListRow, TimelineStep } from "../queries.js";

const tr = (ctx: PageContext, sv: string, en: string): string => (ctx.lang === "sv" ? sv : en);

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
  const heading = filters.q ? tr(ctx, `${p.total} förslag hittades`, `${p.total} ideas found`) : tr(ctx, `${p.total} förslag`, `${p.total} ideas`);
  const any = tr(ctx, "Alla", "All");
  return (
    <>
      <h1 safe>{tr(ctx, "Förslag", "Ideas")}</h1>
      <p class="lead" safe>{tr(ctx, "Har du en idé om hur vi kan bli bättre? Skriv den till oss. Vi svarar alltid och berättar vad som händer med den.", "Do you have an idea for how we can do better? Send it to us. We always answer and tell you what happens to it.")}</p>
      <p><a class="button button--primary" href="/forslag/nytt" safe>{tr(ctx, "Skicka ett förslag", "Send an idea")}</a></p>
      <form method="get" action="/forslag" role="search" aria-label={tr(ctx, "Sök bland förslagen", "Search the ideas")}>
        <fieldset class="filters__set">
          <legend safe>{tr(ctx, "Sök och välj", "Search and filter")}</legend>
          <TextField name="q" type="search" label={tr(ctx, "Sökord", "Search words")} value={filters.q} />
          <SelectField name="lage" label={tr(ctx, "Läge", "Status")} selected={filters.state} options={[{ value: "", label: any }, ...p.states]} />
          <SelectField name="enhet" label={tr(ctx, "Enhet eller grupp", "Unit or group")} selected={filters.owner} options={[{ value: "", label: any }, ...p.owners]} />
          <SelectField name="kategori" label={tr(ctx, "Område", "Area")} selected={filters.category} options={[{ value: "", label: any }, ...p.categories]} />
          <Button kind="secondary">{escapeHtml(tr(ctx, "Visa", "Show"))}</Button>
        </fieldset>
      </form>
      <h2 safe>{heading}</h2>
      {p.rows.length === 0 ? <p safe>{tr(ctx, "Inga förslag matchar det du valde. Ta bort något sökord eller välj Alla.", "No ideas match. Remove a search word or choose All.")}</p> : ""}
      <ul class="service-list">
        {p.rows.map((r) => {
          const meta = `${r.number} · ${tr(ctx, "inkom", "received")} ${formatDate(r.receivedAt, ctx.lang)}${r.owner ? ` · ${r.owner}` : ""}${r.category ? ` · ${r.category}` : ""}`;
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
      <h2 safe>{tr(ctx, "Följ förslagen i en flödesläsare", "Follow the ideas in a feed reader")}</h2>
      <ul class="inline-links">
        <li><a href={`/forslag/flode.rss${feedQuery}`} safe>{tr(ctx, "RSS-flöde", "RSS feed")}</a></li>
        <li><a href={`/forslag/flode.atom${feedQuery}`} safe>{tr(ctx, "Atom-flöde", "Atom feed")}</a></li>
      </ul>
      <p class="hint" safe>{tr(ctx, "Flödet visar det område och den enhet du har valt ovan.", "The feed shows the area and unit you chose above.")}</p>
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
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  return (
    <>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <h1 safe>{tr(ctx, "Skicka ett förslag", "Send an idea")}</h1>
      <p class="lead" safe>{tr(ctx, "Beskriv vad du vill att vi gör bättre eller på ett nytt sätt. Rätt enhet tar hand om förslaget och svarar inom tio arbetsdagar.", "Describe what you want us to do better or differently. The right unit takes care of the idea and answers within ten working days.")}</p>
      <Banner kind="info">
        <p safe>{tr(ctx, "Förslaget visas på webben, utan ditt namn och din e-postadress. Skriv inte om enskilda personer. Är du orolig för ett barn? Ring oss eller Socialjouren. Ring 112 vid akut fara.", "The idea is shown on the web, without your name and email address. Do not write about individual people. Worried about a child? Call us or the out-of-hours service. Call 112 in an emergency.")}</p>
      </Banner>
      <form method="post" action="/forslag/nytt" enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <SpamGuard stamp={p.stamp} />
        <TextField name="title" label={tr(ctx, "Rubrik", "Title")} hint={tr(ctx, "Några ord om vad förslaget handlar om.", "A few words about what the idea is.")} value={form.title} error={err("title")} />
        <TextAreaField name="description" rows={8} value={form.description} error={err("description")}
          label={tr(ctx, "Ditt förslag", "Your idea")} hint={tr(ctx, "Vad vill du ändra, och varför? Vem blir det bättre för?", "What do you want to change, and why? Who would it help?")} />
        <SelectField name="category" label={tr(ctx, "Område (om du vet)", "Area (if you know)")} selected={form.category} options={[{ value: "", label: tr(ctx, "Vet inte", "Don't know") }, ...p.categories]} error={err("category")} />
        <TextField name="email" type="email" autocomplete="email" label={tr(ctx, "Din e-postadress", "Your email address")} value={form.email} error={err("email")}
          hint={tr(ctx, "Vi skickar en länk som du bekräftar förslaget med. Sedan får du våra svar dit.", "We send a link to confirm the idea with. Our answers then go there.")} />
        <TextField name="name" autocomplete="name" label={tr(ctx, "Ditt namn (frivilligt, visas inte)", "Your name (optional, not shown)")} value={form.name} />
        <div class={`field${err("file") ? " field--error" : ""}`}>
          <label class="field__label" for="file" safe>{tr(ctx, "Bifoga en fil (frivilligt)", "Attach a file (optional)")}</label>
          <p class="field__hint" id="file-hint" safe>{tr(ctx, "En bild eller en pdf-fil, högst 5 MB.", "An image or a pdf file, at most 5 MB.")}</p>
          {err("file") ? <p class="field__error" id="file-error" safe>{err("file")}</p> : ""}
          <input class="field__file" id="file" name="file" type="file" accept=".pdf,.jpg,.jpeg,.png,.gif,.webp" aria-describedby={err("file") ? "file-hint file-error" : "file-hint"} />
        </div>
        <Button>{escapeHtml(tr(ctx, "Skicka förslaget", "Send the idea"))}</Button>
      </form>
    </>
  );
}

/** What a step on the timeline says, for everyone who may see it. */
export function stepSentence(ctx: PageContext, s: TimelineStep): string {
  const d = s.details as { progress?: number; kind?: string; helped?: string };
  switch (s.kind) {
    case "received": return tr(ctx, "Förslaget kom in.", "The idea was received.");
    case "confirmed": return tr(ctx, "Förslaget bekräftades.", "The idea was confirmed.");
    case "routed": return s.decidedBy ? tr(ctx, `Förslaget gick till ${s.decidedBy}.`, `The idea went to ${s.decidedBy}.`) : tr(ctx, "Förslaget gick vidare.", "The idea was passed on.");
    case "moved": return tr(ctx, `Förslaget flyttades till ${s.decidedBy}.`, `The idea was moved to ${s.decidedBy}.`);
    case "state": return tr(ctx, `Nytt läge: ${s.state ?? ""}.`, `New status: ${s.state ?? ""}.`);
    case "progress": return tr(ctx, `Arbetet har kommit ${d.progress ?? 0} procent.`, `The work is ${d.progress ?? 0} percent done.`);
    case "link": return d.kind === "decision" ? tr(ctx, "Ett beslut lades till.", "A decision was added.") : tr(ctx, "Ett resultat lades till.", "A result was added.");
    case "held": return tr(ctx, "Förslaget väntar på att en medarbetare läser det.", "The idea is waiting for a staff member to read it.");
    case "cleared": return tr(ctx, "Förslaget visas nu på webben.", "The idea is now shown on the web.");
    case "rejected": return tr(ctx, "Förslaget visas inte på webben.", "The idea is not shown on the web.");
    case "edited": return tr(ctx, "Texten ändrades före publicering.", "The text was changed before it was published.");
    case "helped": return tr(ctx, `Den som lämnade förslaget svarade på om det gjorde skillnad: ${HELPED[d.helped ?? ""]?.[ctx.lang === "sv" ? 0 : 1] ?? ""}.`, `The person who sent the idea answered whether it made a difference: ${HELPED[d.helped ?? ""]?.[1] ?? ""}.`);
    default: return "";
  }
}

export const HELPED: Record<string, [string, string]> = { yes: ["Ja", "Yes"], partly: ["Delvis", "Partly"], no: ["Nej", "No"] };

export function Timeline(p: { ctx: PageContext; steps: readonly TimelineStep[]; showReasons: boolean; staff?: boolean }): JSX.Element {
  const { ctx } = p;
  return (
    <ol class="timeline">
      {p.steps.map((s) => {
        const when = formatDate(s.at, ctx.lang);
        const sentence = stepSentence(ctx, s);
        const by = s.kind === "state" && s.decidedBy ? tr(ctx, `Beslutat av: ${s.decidedBy}`, `Decided by: ${s.decidedBy}`) : "";
        const reason = s.reason && (p.showReasons || s.kind === "moved" || s.kind === "edited") ? s.reason : "";
        const actor = p.staff && s.actorName ? `(${s.actorName})` : "";
        return (
          <li class={`timeline__item${s.kind === "state" ? " timeline__item--state" : ""}`}>
            <p class="timeline__meta"><time datetime={s.at.toISOString()} safe>{when}</time> {actor ? <span safe>{actor}</span> : ""}{p.staff && !s.public ? <> <Tag tone="yellow">{escapeHtml(tr(ctx, "Bara internt", "Internal"))}</Tag></> : ""}</p>
            <p class="timeline__title" safe>{sentence}</p>
            {s.answer ? <p class="timeline__answer" safe>{s.answer}</p> : ""}
            {reason ? <p safe>{tr(ctx, `Varför: ${reason}`, `Why: ${reason}`)}</p> : ""}
            {by ? <p class="hint" safe>{by}</p> : ""}
          </li>
        );
      })}
    </ol>
  );
}

/** A progress bar that needs no script; the number is also in the text. */
export function Progress(p: { ctx: PageContext; value: number; note: string }): JSX.Element {
  const label = tr(p.ctx, `Hur långt arbetet har kommit: ${p.value} procent`, `How far the work has come: ${p.value} percent`);
  return (
    <div class="progress">
      <p class="progress__label" id="progress-label" safe>{label}</p>
      <progress class="progress__bar" max="100" value={String(p.value)} aria-labelledby="progress-label" safe>{`${p.value} %`}</progress>
      {p.note ? <p class="hint" safe>{p.note}</p> : ""}
    </div>
  );
}

export function IdeaFacts(p: { ctx: PageContext; idea: IdeaDetail; state: string | null }): JSX.Element {
  const { ctx, idea } = p;
  const rows: [string, string][] = [
    [tr(ctx, "Nummer", "Number"), idea.number],
    [tr(ctx, "Läge", "Status"), p.state ?? tr(ctx, "Mottaget", "Received")],
    [tr(ctx, "Inkom", "Received"), formatDate(idea.receivedAt, ctx.lang)],
    [tr(ctx, "Ansvarig", "Responsible"), idea.owner ?? tr(ctx, "Inte bestämt än", "Not decided yet")],
    ...(idea.category ? [[tr(ctx, "Område", "Area"), idea.category] as [string, string]] : []),
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
  const err = (f: string) => p.followErrors.find((e) => e.field === f)?.message;
  const decisions = p.links.filter((l) => l.kind === "decision");
  const results = p.links.filter((l) => l.kind === "result");
  const showProgress = idea.progress !== null && (idea.stateShowsProgress || idea.stateImplemented || idea.progress > 0);
  const followerText = tr(ctx, `${p.followers} ${p.followers === 1 ? "person följer" : "personer följer"} förslaget.`, `${p.followers} ${p.followers === 1 ? "person follows" : "people follow"} this idea.`);
  return (
    <>
      <ErrorSummary ctx={ctx} errors={p.followErrors} />
      <p class="breadcrumbs"><a href="/forslag" safe>{tr(ctx, "Alla förslag", "All ideas")}</a></p>
      <h1 safe>{idea.title}</h1>
      {p.followed ? <Banner kind="success"><p safe>{tr(ctx, "Titta i din e-post. Tryck på länken där för att börja följa förslaget.", "Check your email. Press the link there to start following the idea.")}</p></Banner> : ""}
      <IdeaFacts ctx={ctx} idea={idea} state={p.state} />
      <h2 safe>{tr(ctx, "Förslaget", "The idea")}</h2>
      <p class="prose" safe>{idea.description}</p>
      {showProgress ? <Progress ctx={ctx} value={idea.progress ?? 0} note={idea.progressNote} /> : ""}
      {idea.helped ? (
        <div class="panel">
          <h2 safe>{tr(ctx, "Gjorde det skillnad?", "Did it make a difference?")}</h2>
          <p><strong safe>{HELPED[idea.helped]?.[ctx.lang === "sv" ? 0 : 1] ?? ""}</strong>{idea.helpedComment ? <> – <span safe>{idea.helpedComment}</span></> : ""}</p>
          <p class="hint" safe>{tr(ctx, "Svaret kommer från den som lämnade förslaget.", "The answer comes from the person who sent the idea.")}</p>
        </div>
      ) : ""}
      {decisions.length + results.length > 0 ? (
        <>
          <h2 safe>{tr(ctx, "Beslut och resultat", "Decisions and results")}</h2>
          <ul>
            {[...decisions, ...results].map((l) => <li><span safe>{l.kind === "decision" ? tr(ctx, "Beslut: ", "Decision: ") : tr(ctx, "Resultat: ", "Result: ")}</span><a href={l.url} safe>{l.title}</a></li>)}
          </ul>
        </>
      ) : ""}
      <h2 safe>{tr(ctx, "Vad har hänt?", "What has happened?")}</h2>
      <Timeline ctx={ctx} steps={p.steps} showReasons={false} />
      <h2 id="folj" safe>{tr(ctx, "Följ förslaget", "Follow the idea")}</h2>
      <p safe>{followerText}</p>
      <form method="post" action={`/forslag/${idea.number}/folj`} novalidate>
        <CsrfField ctx={ctx} />
        <TextField name="followEmail" type="email" autocomplete="email" label={tr(ctx, "Din e-postadress", "Your email address")} value={p.followEmail} error={err("followEmail")}
          hint={tr(ctx, "Vi skickar en länk som du bekräftar med. Du kan sluta följa när du vill.", "We send a link to confirm with. You can stop following at any time.")} />
        <fieldset class="field">
          <legend class="field__label" safe>{tr(ctx, "Hur ofta vill du få e-post?", "How often do you want email?")}</legend>
          <label class="radio radio--block"><input type="radio" name="frequency" value="immediate" checked /> <span safe>{tr(ctx, "Varje gång något händer", "Every time something happens")}</span></label>
          <label class="radio radio--block"><input type="radio" name="frequency" value="daily" /> <span safe>{tr(ctx, "En sammanfattning om dagen", "One summary a day")}</span></label>
        </fieldset>
        <Button kind="secondary">{escapeHtml(tr(ctx, "Följ förslaget", "Follow the idea"))}</Button>
      </form>
    </>
  );
}

/** The submitter's own page: confirm, see why it is held, every answer, "did it help?". */
export function MyIdeaPage(p: {
  ctx: PageContext; idea: IdeaDetail; steps: readonly TimelineStep[]; state: string | null; token: string; justSent: boolean; errors: readonly FieldError[];
}): JSX.Element {
  const { ctx, idea } = p;
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  const askHelped = idea.implementedAt !== null && idea.helped === null;
  return (
    <>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <h1 safe>{tr(ctx, `Ditt förslag ${idea.number}`, `Your idea ${idea.number}`)}</h1>
      {p.justSent ? <Banner kind="success"><p safe>{tr(ctx, "Tack! Vi har tagit emot ditt förslag. Titta i din e-post och bekräfta det.", "Thank you! We have received your idea. Check your email and confirm it.")}</p></Banner> : ""}
      {idea.status === "unconfirmed" ? (
        <div class="panel">
          <h2 safe>{tr(ctx, "Bekräfta förslaget", "Confirm the idea")}</h2>
          <p safe>{tr(ctx, "Tryck på knappen så skickar vi förslaget vidare. Det är så vi vet att det är du som har skrivit det.", "Press the button and we pass the idea on. That is how we know you wrote it.")}</p>
          <form method="post" action={`/forslag/mitt/${p.token}/bekrafta`}>
            <CsrfField ctx={ctx} />
            <Button>{escapeHtml(tr(ctx, "Bekräfta", "Confirm"))}</Button>
          </form>
        </div>
      ) : ""}
      {idea.status === "held" ? (
        <Banner kind="warning">
          <p><strong safe>{tr(ctx, "Vi läser förslaget innan det visas på webben.", "We read the idea before it is shown on the web.")}</strong></p>
          {idea.holdReasons.map((r) => <p safe>{r}</p>)}
        </Banner>
      ) : ""}
      {idea.status === "rejected" ? <Banner kind="warning"><p safe>{tr(ctx, "Förslaget visas inte på webben. Läs varför nedan.", "The idea is not shown on the web. Read why below.")}</p></Banner> : ""}
      {idea.status === "open" && idea.audience === "public" ? <p><a href={`/forslag/${idea.number}`} safe>{tr(ctx, "Så här ser förslaget ut för andra", "How others see the idea")}</a></p> : ""}
      <h2 safe>{idea.title}</h2>
      <IdeaFacts ctx={ctx} idea={idea} state={p.state} />
      <p class="prose" safe>{idea.description}</p>
      {askHelped ? (
        <div class="panel" id="hjalpte">
          <h2 safe>{tr(ctx, "Gjorde förslaget skillnad?", "Did the idea make a difference?")}</h2>
          <form method="post" action={`/forslag/mitt/${p.token}/hjalpte`} novalidate>
            <CsrfField ctx={ctx} />
            <fieldset class={`field${err("helped") ? " field--error" : ""}`} aria-describedby={err("helped") ? "helped-error" : undefined}>
              <legend class="field__label" safe>{tr(ctx, "Har det blivit bättre?", "Has it got better?")}</legend>
              {err("helped") ? <p class="field__error" id="helped-error" safe>{err("helped")}</p> : ""}
              {(["yes", "partly", "no"] as const).map((v, i) => (
                <label class="radio radio--block"><input type="radio" name="helped" value={v} id={i === 0 ? "helped" : undefined} /> <span safe>{HELPED[v]?.[ctx.lang === "sv" ? 0 : 1] ?? v}</span></label>
              ))}
            </fieldset>
            <TextAreaField name="helpedComment" rows={3} value="" error={err("helpedComment")} label={tr(ctx, "Berätta gärna mer (frivilligt)", "Tell us more (optional)")}
              hint={tr(ctx, "Svaret visas på förslagets sida, utan ditt namn.", "The answer is shown on the idea's page, without your name.")} />
            <Button>{escapeHtml(tr(ctx, "Skicka svaret", "Send the answer"))}</Button>
          </form>
        </div>
      ) : ""}
      {idea.helped ? <p safe>{tr(ctx, `Ditt svar på om förslaget gjorde skillnad: ${HELPED[idea.helped]?.[0] ?? ""}.`, `Your answer on whether it made a difference: ${HELPED[idea.helped]?.[1] ?? ""}.`)}</p> : ""}
      <h2 safe>{tr(ctx, "Vad har hänt?", "What has happened?")}</h2>
      <Timeline ctx={ctx} steps={p.steps} showReasons={true} />
    </>
  );
}
