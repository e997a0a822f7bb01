/** Workspace pages for ideas: the board, an idea, the employee's form and own ideas, settings, measures. */
import { formatDate, formatDateTime } from "../../../platform/i18n/i18n.js";
import {
  Banner,
  BarChart,
  Button,
  CsrfField,
  ErrorSummary,
  Form,
  Pagination,
  SelectField,
  Table,
  Tag,
  TextAreaField,
  TextField,
} from "../../../views/components.js";
import type { FieldError, PageContext } from "../../../views/context.js";
import { KlarsprakEditor } from "../../../views/klarsprak-editor.js";
import type { AnalysisJson } from "../../klarsprak/index.js";
import { helpedWord, IdeaFacts, Progress, Timeline, type Option } from "../public/views.js";
import type { BoardRow, DeliveryRow, IdeaDetail, OwnerMeasures, TimelineStep } from "../queries.js";

const VIEWS: readonly [string, string][] = [
  ["open", "Pågående"],
  ["overdue", "Försenade"],
  ["held", "Väntar på granskning"],
  ["unconfirmed", "Inte bekräftade"],
  ["closed", "Avslutade"],
  ["all", "Alla"],
];

function dueText(
  r: { firstAnswerDue: Date | null; firstAnsweredAt: Date | null },
  ctx: PageContext,
): { text: string; late: boolean } {
  if (r.firstAnsweredAt) return { text: `Besvarat ${formatDate(r.firstAnsweredAt, ctx.lang)}`, late: false };
  if (!r.firstAnswerDue) return { text: "Inte bekräftat", late: false };
  const late = r.firstAnswerDue.getTime() < Date.now();
  return { text: `${late ? "Skulle ha svarat" : "Svara senast"} ${formatDate(r.firstAnswerDue, ctx.lang)}`, late };
}

export function BoardPage(p: {
  ctx: PageContext;
  view: string;
  q: string;
  rows: readonly BoardRow[];
  total: number;
  page: number;
  pageSize: number;
  counts: Record<string, number>;
}): JSX.Element {
  const { ctx } = p;
  const href = (view: string, page = 1) =>
    `/arbetsyta/forslag?vy=${view}${p.q ? `&q=${encodeURIComponent(p.q)}` : ""}${page > 1 ? `&sida=${page}` : ""}`;
  const heading = VIEWS.find(([v]) => v === p.view)?.[1] ?? "Förslag";
  return (
    <>
      <h1>Förslag</h1>
      <p>
        <a class="button button--secondary" href="/arbetsyta/forslag/nytt">
          Skicka ett eget förslag
        </a>{" "}
        <a href="/arbetsyta/forslag/mina">Mina förslag</a>
      </p>
      {(p.counts["overdue"] ?? 0) > 0 ? (
        <Banner kind="warning">
          <p>
            <a href={href("overdue")} safe>{`${p.counts["overdue"]} förslag har inte fått sitt första svar i tid.`}</a>
          </p>
        </Banner>
      ) : (
        ""
      )}
      <nav aria-label="Visa förslag">
        <ul class="inline-links">
          {VIEWS.map(([v, label]) => {
            const n = p.counts[v];
            const text = n === undefined ? label : `${label} (${n})`;
            return (
              <li>
                {v === p.view ? (
                  <strong aria-current="page" safe>
                    {text}
                  </strong>
                ) : (
                  <a href={href(v)} safe>
                    {text}
                  </a>
                )}
              </li>
            );
          })}
        </ul>
      </nav>
      <form method="get" action="/arbetsyta/forslag" class="search" role="search" aria-label="Sök bland förslagen">
        <input type="hidden" name="vy" value={p.view} />
        <TextField name="q" type="search" label="Sökord" value={p.q} />
        <Button kind="secondary">Sök</Button>
      </form>
      <Table<BoardRow>
        caption={`${heading}: ${p.total}`}
        rows={p.rows}
        columns={[
          {
            header: "Förslag",
            cell: (r) => (
              <>
                <a href={`/arbetsyta/forslag/${r.id}`} safe>
                  {r.number}
                </a>{" "}
                <span safe>{r.title}</span>
              </>
            ),
          },
          {
            header: "Läge",
            cell: (r) => (
              <>
                <span safe>{r.state}</span>
                {r.status === "held" ? (
                  <>
                    {" "}
                    <Tag tone="yellow">Granskas</Tag>
                  </>
                ) : r.status === "unconfirmed" ? (
                  <>
                    {" "}
                    <Tag>Ej bekräftat</Tag>
                  </>
                ) : r.status === "rejected" ? (
                  <>
                    {" "}
                    <Tag tone="red">Visas inte</Tag>
                  </>
                ) : (
                  ""
                )}
              </>
            ),
          },
          { header: "Ansvarig", cell: (r) => <span safe>{r.owner ?? "–"}</span> },
          { header: "Från", cell: (r) => (r.source === "resident" ? "Invånare" : "Medarbetare") },
          {
            header: "Första svar",
            cell: (r) => {
              const d = dueText(r, ctx);
              return d.late ? (
                <Tag tone="red">
                  <span safe>{d.text}</span>
                </Tag>
              ) : (
                <span safe>{d.text}</span>
              );
            },
          },
        ]}
      />
      <Pagination ctx={ctx} page={p.page} pageSize={p.pageSize} total={p.total} href={(n) => href(p.view, n)} />
    </>
  );
}

export interface StaffIdeaState {
  readonly errors: readonly FieldError[];
  readonly answer: string;
  readonly stateId: string;
  readonly decidedBy: string;
  readonly analysis: AnalysisJson | null;
  readonly done?: string | undefined;
}

export function StaffIdeaPage(p: {
  ctx: PageContext;
  idea: IdeaDetail;
  steps: readonly TimelineStep[];
  deliveries: readonly DeliveryRow[];
  followers: number;
  links: readonly { kind: string; title: string; url: string }[];
  canHandle: boolean;
  canModerate: boolean;
  states: readonly Option[];
  owners: readonly Option[];
  suggestion: { label: string; confidence: number } | null;
  submitter: string;
  form: StaffIdeaState;
}): JSX.Element {
  const { ctx, idea, form } = p;
  const err = (f: string) => form.errors.find((e) => e.field === f)?.message;
  const due = dueText(idea, ctx);
  const base = `/arbetsyta/forslag/${idea.id}`;
  const DONE: Record<string, string> = {
    state: "Svaret är sparat. Den som lämnade förslaget får det med e-post om läget skickar besked.",
    moved: "Förslaget är flyttat.",
    progress: "Hur långt arbetet har kommit är sparat.",
    link: "Länken är sparad.",
    clear: "Förslaget visas nu.",
    reject: "Förslaget visas inte. Den som lämnade det får veta varför.",
  };
  return (
    <>
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <p class="breadcrumbs">
        <a href="/arbetsyta/forslag">Alla förslag</a>
      </p>
      <h1 safe>{`Förslag ${idea.number}`}</h1>
      {form.done && DONE[form.done] ? (
        <Banner kind="success">
          <p safe>{DONE[form.done]}</p>
        </Banner>
      ) : (
        ""
      )}
      {idea.status === "held" ? (
        <Banner kind="warning">
          <p>
            <strong>Förslaget väntar på granskning och visas inte på webben.</strong>
          </p>
          {idea.holdReasons.map((r) => (
            <p safe>{r}</p>
          ))}
        </Banner>
      ) : (
        ""
      )}
      {idea.status === "unconfirmed" ? (
        <Banner kind="info">
          <p>
            Den som skickade förslaget har inte bekräftat det med e-post än. Det är registrerat men går inte vidare
            förrän det är bekräftat.
          </p>
        </Banner>
      ) : (
        ""
      )}
      <h2 safe>{idea.title}</h2>
      <IdeaFacts ctx={ctx} idea={idea} state={idea.state} />
      <dl class="facts">
        <div>
          <dt>Från</dt>
          <dd safe>{p.submitter}</dd>
        </div>
        <div>
          <dt>Visas</dt>
          <dd>
            {idea.audience === "public" ? (
              idea.status === "open" ? (
                <a href={`/forslag/${idea.number}`}>På webben</a>
              ) : (
                "Inte än"
              )
            ) : (
              "Bara internt"
            )}
          </dd>
        </div>
        <div>
          <dt>Första svar</dt>
          <dd>
            {due.late ? (
              <Tag tone="red">
                <span safe>{due.text}</span>
              </Tag>
            ) : (
              <span safe>{due.text}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Följare</dt>
          <dd safe>{String(p.followers)}</dd>
        </div>
      </dl>
      <p class="prose" safe>
        {idea.description}
      </p>
      {idea.attachment ? (
        <p>
          <a
            href={`${base}/fil`}
            safe
          >{`Bilaga: ${idea.attachment.filename} (${Math.max(1, Math.round(idea.attachment.size / 1024))} kB)`}</a>
        </p>
      ) : (
        ""
      )}
      {idea.progress !== null ? <Progress ctx={ctx} value={idea.progress} note={idea.progressNote} /> : ""}
      {idea.helped ? (
        <p
          safe
        >{`Gjorde det skillnad? ${helpedWord("sv", idea.helped)}${idea.helpedComment ? ` – ${idea.helpedComment}` : ""}`}</p>
      ) : (
        ""
      )}

      {p.canModerate && idea.status === "held" ? (
        <section class="panel" aria-labelledby="moderate-title">
          <h2 id="moderate-title">Granska förslaget</h2>
          <p>
            Ta bort personuppgifter ur texten om det behövs och visa förslaget. Eller låt bli att visa det och skriv
            varför. Den som lämnade förslaget får veta vad du bestämde.
          </p>
          <Form ctx={ctx} action={`${base}/granska`}>
            <TextField name="title" label="Rubrik" value={idea.title} error={err("title")} />
            <TextAreaField
              name="description"
              label="Förslaget"
              rows={6}
              value={idea.description}
              error={err("description")}
            />
            <TextAreaField
              name="moderationReason"
              label="Kommentar till den som lämnade förslaget"
              rows={3}
              value=""
              error={err("moderationReason")}
              hint="Du måste skriva en kommentar om du inte vill visa förslaget."
            />
            <div class="button-row">
              <Button name="action" value="clear">
                Visa förslaget
              </Button>{" "}
              <Button kind="secondary" name="action" value="reject">
                Visa inte
              </Button>
            </div>
          </Form>
        </section>
      ) : (
        ""
      )}

      {p.canHandle && idea.status !== "unconfirmed" && idea.status !== "rejected" ? (
        <>
          <section class="panel" aria-labelledby="answer-title">
            <h2 id="answer-title">Ge besked</h2>
            <p>
              Välj läge och skriv ett svar. Skriv enkelt: den som lämnade förslaget ska förstå vad som händer och
              varför.
            </p>
            <Form ctx={ctx} action={`${base}/besked`}>
              <SelectField
                name="stateId"
                label="Nytt läge"
                selected={form.stateId || idea.stateId}
                options={p.states}
                error={err("stateId")}
              />
              <KlarsprakEditor
                ctx={ctx}
                id="answer"
                name="answer"
                label="Svar"
                rows={8}
                value={form.answer}
                error={err("answer")}
                result={form.analysis}
                hint="Vi visar svaret på förslagets sida om läget är offentligt. Vi skickar det med e-post om läget skickar besked."
              />
              <TextField
                name="decidedBy"
                label="Vem har bestämt?"
                value={form.decidedBy}
                error={err("decidedBy")}
                hint="Till exempel Enheten för ekonomiskt bistånd eller Socialnämnden."
              />
              <Button>Spara och skicka besked</Button>
            </Form>
          </section>
          <section class="panel" aria-labelledby="move-title">
            <h2 id="move-title">Flytta till en annan enhet eller grupp</h2>
            {p.suggestion ? (
              <p
                safe
              >{`Förslag på mottagare utifrån tidigare förslag: ${p.suggestion.label} (${Math.round(p.suggestion.confidence * 100)} procent säkert).`}</p>
            ) : (
              ""
            )}
            <Form ctx={ctx} action={`${base}/flytta`}>
              <SelectField
                name="owner"
                label="Ny ansvarig"
                options={[{ value: "", label: "Välj" }, ...p.owners]}
                error={err("owner")}
              />
              <TextAreaField
                name="reason"
                label="Varför flyttas förslaget?"
                rows={2}
                value=""
                error={err("reason")}
                hint="Skälet visas på förslagets sida."
              />
              <Button kind="secondary">Flytta</Button>
            </Form>
          </section>
          <section class="panel" aria-labelledby="progress-title">
            <h2 id="progress-title">Hur långt har arbetet kommit?</h2>
            <Form ctx={ctx} action={`${base}/framsteg`} class="inline-form">
              <TextField
                name="progress"
                label="Procent klart (0–100)"
                width="quarter"
                value={idea.progress === null ? "" : String(idea.progress)}
                error={err("progress")}
              />
              <TextField
                name="progressNote"
                label="Kort om läget"
                value={idea.progressNote}
                error={err("progressNote")}
              />
              <Button kind="secondary">Spara</Button>
            </Form>
          </section>
          <section class="panel" aria-labelledby="link-title">
            <h2 id="link-title">Beslut och resultat</h2>
            {p.links.length > 0 ? (
              <ul>
                {p.links.map((l) => (
                  <li>
                    <span>{l.kind === "decision" ? "Beslut: " : "Resultat: "}</span>
                    <a href={l.url} safe>
                      {l.title}
                    </a>
                  </li>
                ))}
              </ul>
            ) : (
              <p>Inga länkar än.</p>
            )}
            <Form ctx={ctx} action={`${base}/lank`}>
              <SelectField
                name="linkKind"
                label="Typ"
                options={[
                  { value: "decision", label: "Beslut" },
                  { value: "result", label: "Resultat" },
                ]}
                error={err("linkKind")}
              />
              <TextField name="linkTitle" label="Vad heter det?" value="" error={err("linkTitle")} />
              <TextField name="linkUrl" type="url" label="Webbadress" value="" error={err("linkUrl")} />
              <Button kind="secondary">Lägg till</Button>
            </Form>
          </section>
        </>
      ) : (
        ""
      )}

      <h2>Förlopp</h2>
      <Timeline ctx={ctx} steps={p.steps} showReasons={true} staff={true} />

      {p.canHandle ? (
        <>
          <h2>Utskick</h2>
          {p.deliveries.length === 0 ? (
            <p>Inga utskick än.</p>
          ) : (
            <Table<DeliveryRow>
              caption="Utskick om förslaget"
              captionHidden
              rows={p.deliveries}
              columns={[
                {
                  header: "Till",
                  cell: (d) => (
                    <span safe>
                      {d.recipient === "submitter" ? "Förslagslämnaren" : `Följare${d.email ? ` (${d.email})` : ""}`}
                    </span>
                  ),
                },
                { header: "Om", cell: (d) => <span safe>{d.step}</span> },
                { header: "Hur", cell: (d) => (d.delivery === "daily" ? "Daglig sammanfattning" : "Direkt") },
                {
                  header: "Status",
                  cell: (d) =>
                    d.status === "sent" ? (
                      <Tag tone="green">
                        <span safe>{`Skickat ${d.sentAt ? formatDateTime(d.sentAt, ctx.lang) : ""}`}</span>
                      </Tag>
                    ) : d.status === "failed" ? (
                      <Tag tone="red">Kom inte fram</Tag>
                    ) : d.status === "skipped" ? (
                      <Tag>Skickas inte</Tag>
                    ) : (
                      <Tag tone="yellow">
                        <span>{d.attempts > 0 ? `Försöker igen (${String(d.attempts)} försök)` : "Väntar"}</span>
                      </Tag>
                    ),
                },
                {
                  header: "Fel",
                  cell: (d) => (
                    <span class="job-error" safe>
                      {d.lastError ?? ""}
                    </span>
                  ),
                },
              ]}
            />
          )}
        </>
      ) : (
        ""
      )}
    </>
  );
}

export interface EmployeeForm {
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly group: string;
  readonly anonymous: boolean;
}

export function EmployeeIdeaPage(p: {
  ctx: PageContext;
  form: EmployeeForm;
  errors: readonly FieldError[];
  categories: readonly Option[];
  groups: readonly (Option & { theme: string })[];
}): JSX.Element {
  const { ctx, form } = p;
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  return (
    <>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <h1>Skicka ett förslag</h1>
      <p class="lead">
        Har du en idé om hur vi kan arbeta bättre? Skriv den här. Förslaget visas bara för medarbetare, och den som tar
        hand om det svarar inom tio arbetsdagar.
      </p>
      <form method="post" action="/arbetsyta/forslag/nytt" enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <TextField name="title" label="Rubrik" value={form.title} error={err("title")} />
        <TextAreaField
          name="description"
          label="Ditt förslag"
          rows={8}
          value={form.description}
          error={err("description")}
          hint="Vad vill du ändra, och varför? Vem blir det bättre för?"
        />
        <SelectField
          name="category"
          label="Område"
          selected={form.category}
          options={[{ value: "", label: "Vet inte" }, ...p.categories]}
          error={err("category")}
        />
        <SelectField
          name="group"
          label="Skicka till en innovationsgrupp (frivilligt)"
          selected={form.group}
          error={err("group")}
          hint="Välj en grupp om förslaget hör till gruppens tema. Annars går det till den enhet som äger området."
          options={[
            { value: "", label: "Ingen grupp" },
            ...p.groups.map((g) => ({ value: g.value, label: g.theme ? `${g.label} – ${g.theme}` : g.label })),
          ]}
        />
        <div class="field">
          <label class="radio radio--block">
            <input type="checkbox" name="anonymous" value="1" checked={form.anonymous} />{" "}
            <span>
              Skicka utan mitt namn
              <span class="radio__hint">
                Ingen som tar hand om förslaget ser vem du är, inte heller din chef. Du får ändå svaren med e-post och
                ser förslaget under Mina förslag.
              </span>
            </span>
          </label>
        </div>
        <div class={`field${err("file") ? " field--error" : ""}`}>
          <label class="field__label" for="file">
            Bifoga en fil (frivilligt)
          </label>
          <p class="field__hint" id="file-hint">
            En bild eller en pdf-fil, högst 5 MB.
          </p>
          {err("file") ? (
            <p class="field__error" id="file-error" safe>
              {err("file")}
            </p>
          ) : (
            ""
          )}
          <input
            class="field__file"
            id="file"
            name="file"
            type="file"
            accept=".pdf,.jpg,.jpeg,.png,.gif,.webp"
            aria-describedby={err("file") ? "file-hint file-error" : "file-hint"}
          />
        </div>
        <Button>Skicka förslaget</Button>
      </form>
    </>
  );
}

export function MyIdeasPage(p: {
  ctx: PageContext;
  rows: readonly BoardRow[];
  sent?: string | undefined;
}): JSX.Element {
  return (
    <>
      <h1>Mina förslag</h1>
      {p.sent ? (
        <Banner kind="success">
          <p safe>{`Tack! Förslaget har fått numret ${p.sent}. Du får svaren med e-post.`}</p>
        </Banner>
      ) : (
        ""
      )}
      <p>
        <a class="button button--secondary" href="/arbetsyta/forslag/nytt">
          Skicka ett förslag
        </a>
      </p>
      {p.rows.length === 0 ? (
        <p>Du har inte lämnat några förslag än.</p>
      ) : (
        <Table<BoardRow>
          caption="Förslag du har lämnat"
          rows={p.rows}
          columns={[
            {
              header: "Förslag",
              cell: (r) => (
                <>
                  <a href={`/arbetsyta/forslag/${r.id}`} safe>
                    {r.number}
                  </a>{" "}
                  <span safe>{r.title}</span>
                </>
              ),
            },
            { header: "Läge", cell: (r) => <span safe>{r.state}</span> },
            { header: "Ansvarig", cell: (r) => <span safe>{r.owner ?? "–"}</span> },
            { header: "Inkom", cell: (r) => <span safe>{formatDate(r.receivedAt, p.ctx.lang)}</span> },
          ]}
        />
      )}
    </>
  );
}

export interface SettingsData {
  readonly states: readonly {
    id: string;
    slug: string;
    name_sv: string;
    name_en: string;
    is_public: boolean;
    notifies: boolean;
    is_closed: boolean;
    is_initial: boolean;
    is_implemented: boolean;
    shows_progress: boolean;
    position: number;
    active: boolean;
  }[];
  readonly categories: readonly {
    id: string;
    slug: string;
    name_sv: string;
    unit: string | null;
    grp: string | null;
    active: boolean;
  }[];
  readonly groups: readonly {
    id: string;
    slug: string;
    name: string;
    theme: string;
    active: boolean;
    members: readonly { id: string; name: string }[];
  }[];
  readonly owners: readonly Option[];
  readonly staff: readonly Option[];
}

const yes = (b: boolean) => (b ? "Ja" : "Nej");

export function SettingsPage(p: {
  ctx: PageContext;
  data: SettingsData;
  errors: readonly FieldError[];
  done?: string | undefined;
}): JSX.Element {
  const { ctx, data } = p;
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  return (
    <>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <h1>Inställningar för förslag</h1>
      {p.done ? (
        <Banner kind="success">
          <p>Ändringen är sparad.</p>
        </Banner>
      ) : (
        ""
      )}
      <h2>Lägen</h2>
      <p>
        Varje förslag har ett läge. Du bestämmer om vi visar läget på webben, om förslagslämnaren och följarna får
        besked och om förslaget är avslutat.
      </p>
      <Table<SettingsData["states"][number]>
        caption="Lägen"
        captionHidden
        rows={data.states}
        columns={[
          { header: "Läge", cell: (s) => <span safe>{`${s.name_sv}${s.active ? "" : " (används inte)"}`}</span> },
          { header: "Visas", cell: (s) => yes(s.is_public) },
          { header: "Besked", cell: (s) => yes(s.notifies) },
          { header: "Avslutat", cell: (s) => yes(s.is_closed) },
          { header: "Första läget", cell: (s) => yes(s.is_initial) },
          { header: "Genomfört", cell: (s) => yes(s.is_implemented) },
          { header: "Visar framsteg", cell: (s) => yes(s.shows_progress) },
        ]}
      />
      <h3>Lägg till eller ändra ett läge</h3>
      <Form ctx={ctx} action="/arbetsyta/admin/forslag/lage">
        <SelectField
          name="stateId"
          label="Läge att ändra"
          options={[
            { value: "", label: "Ett nytt läge" },
            ...data.states.map((s) => ({ value: s.id, label: s.name_sv })),
          ]}
        />
        <TextField name="nameSv" label="Namn på svenska" value="" error={err("nameSv")} />
        <TextField name="nameEn" label="Namn på engelska" value="" error={err("nameEn")} />
        <fieldset class="field">
          <legend class="field__label">Vad gäller för läget?</legend>
          {(
            [
              ["isPublic", "Visas på webben"],
              ["notifies", "Förslagslämnaren och följarna får besked"],
              ["isClosed", "Förslaget räknas som avslutat"],
              ["isInitial", "Nya förslag får det här läget"],
              ["isImplemented", "Förslaget är genomfört (då frågar vi senare om det gjorde skillnad)"],
              ["showsProgress", "Visa hur långt arbetet har kommit"],
              ["active", "Kan väljas"],
            ] as const
          ).map(([name, label]) => (
            <label class="radio radio--block">
              <input
                type="checkbox"
                name={name}
                value="1"
                checked={name === "isPublic" || name === "notifies" || name === "active"}
              />{" "}
              <span>{label}</span>
            </label>
          ))}
        </fieldset>
        <TextField name="position" label="Plats i listan (ett tal)" width="quarter" value="" error={err("position")} />
        <Button>Spara läget</Button>
      </Form>

      <h2>Innovationsgrupper</h2>
      <Table<SettingsData["groups"][number]>
        caption="Innovationsgrupper"
        captionHidden
        rows={data.groups}
        columns={[
          { header: "Grupp", cell: (g) => <span safe>{g.name}</span> },
          { header: "Tema", cell: (g) => <span safe>{g.theme}</span> },
          { header: "Medlemmar", cell: (g) => <span safe>{g.members.map((m) => m.name).join(", ") || "–"}</span> },
        ]}
      />
      <h3>Ny grupp</h3>
      <Form ctx={ctx} action="/arbetsyta/admin/forslag/grupp">
        <TextField name="groupName" label="Namn" value="" error={err("groupName")} />
        <TextField
          name="groupTheme"
          label="Tema"
          value=""
          error={err("groupTheme")}
          hint="Vad gruppen tar hand om, till exempel digitala tjänster."
        />
        <Button>Skapa gruppen</Button>
      </Form>
      <h3>Lägg till eller ta bort en medlem</h3>
      <Form ctx={ctx} action="/arbetsyta/admin/forslag/medlem">
        <SelectField
          name="groupId"
          label="Grupp"
          options={data.groups.map((g) => ({ value: g.id, label: g.name }))}
          error={err("groupId")}
        />
        <SelectField name="userId" label="Medarbetare" options={data.staff} error={err("userId")} />
        <div class="button-row">
          <Button name="action" value="add">
            Lägg till
          </Button>{" "}
          <Button kind="secondary" name="action" value="remove">
            Ta bort
          </Button>
        </div>
      </Form>

      <h2>Områden</h2>
      <Table<SettingsData["categories"][number]>
        caption="Områden"
        captionHidden
        rows={data.categories}
        columns={[
          { header: "Område", cell: (c) => <span safe>{c.name_sv}</span> },
          { header: "Går till", cell: (c) => <span safe>{c.grp ?? c.unit ?? "Kommunikation"}</span> },
        ]}
      />
      <h3>Nytt område</h3>
      <Form ctx={ctx} action="/arbetsyta/admin/forslag/omrade">
        <TextField name="categoryName" label="Namn på svenska" value="" error={err("categoryName")} />
        <TextField name="categoryNameEn" label="Namn på engelska" value="" error={err("categoryNameEn")} />
        <SelectField
          name="categoryOwner"
          label="Går till"
          options={[{ value: "", label: "Kommunikation sorterar" }, ...data.owners]}
          error={err("categoryOwner")}
        />
        <Button>Lägg till området</Button>
      </Form>
    </>
  );
}

export function MeasuresPage(p: { ctx: PageContext; rows: readonly OwnerMeasures[]; months: number }): JSX.Element {
  const { ctx, rows } = p;
  const pct = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) : 0);
  const total = rows.reduce(
    (a, r) => ({
      ideas: a.ideas + r.ideas,
      answered: a.answered + r.answered,
      onTime: a.onTime + r.answeredOnTime,
      implemented: a.implemented + r.implemented,
      yes: a.yes + r.helpedYes,
      partly: a.partly + r.helpedPartly,
      no: a.no + r.helpedNo,
    }),
    { ideas: 0, answered: 0, onTime: 0, implemented: 0, yes: 0, partly: 0, no: 0 },
  );
  return (
    <>
      <h1>Mått för förslag</h1>
      <form method="get" action="/arbetsyta/forslag/matt" class="inline-form">
        <SelectField
          name="manader"
          label="Period"
          selected={String(p.months)}
          options={[
            { value: "3", label: "Senaste 3 månaderna" },
            { value: "12", label: "Senaste 12 månaderna" },
            { value: "36", label: "Senaste 3 åren" },
          ]}
        />
        <Button kind="secondary">Visa</Button>
      </form>
      <dl class="facts">
        <div>
          <dt>Förslag</dt>
          <dd safe>{String(total.ideas)}</dd>
        </div>
        <div>
          <dt>Besvarade i tid</dt>
          <dd safe>{`${pct(total.onTime, total.ideas)} procent (${total.onTime} av ${total.ideas})`}</dd>
        </div>
        <div>
          <dt>Genomförda</dt>
          <dd safe>{`${pct(total.implemented, total.ideas)} procent (${total.implemented})`}</dd>
        </div>
        <div>
          <dt>Gjorde skillnad</dt>
          <dd safe>{`Ja ${total.yes}, delvis ${total.partly}, nej ${total.no}`}</dd>
        </div>
      </dl>
      <BarChart
        ctx={ctx}
        id="on-time"
        title="Andel besvarade i tid per enhet (procent)"
        unit="%"
        data={rows.map((r) => ({ label: r.owner, value: pct(r.answeredOnTime, r.ideas) }))}
      />
      <BarChart
        ctx={ctx}
        id="median"
        title="Dagar till första svar per enhet (median)"
        data={rows
          .filter((r) => r.medianDaysToFirstAnswer !== null)
          .map((r) => ({ label: r.owner, value: r.medianDaysToFirstAnswer ?? 0 }))}
      />
      <BarChart
        ctx={ctx}
        id="implemented"
        title="Andel genomförda per enhet (procent)"
        unit="%"
        data={rows.map((r) => ({ label: r.owner, value: pct(r.implemented, r.ideas) }))}
      />
      <BarChart
        ctx={ctx}
        id="helped"
        title="Svar på om förslaget gjorde skillnad"
        data={[
          { label: "Ja", value: total.yes },
          { label: "Delvis", value: total.partly },
          { label: "Nej", value: total.no },
        ]}
      />
      <Table<OwnerMeasures>
        caption="Per enhet och grupp"
        rows={rows}
        columns={[
          { header: "Ansvarig", cell: (r) => <span safe>{r.owner}</span> },
          { header: "Förslag", numeric: true, cell: (r) => String(r.ideas) },
          { header: "Besvarade", numeric: true, cell: (r) => String(r.answered) },
          { header: "I tid", numeric: true, cell: (r) => `${pct(r.answeredOnTime, r.ideas)} %` },
          {
            header: "Dagar till svar",
            numeric: true,
            cell: (r) =>
              r.medianDaysToFirstAnswer === null ? "–" : String(r.medianDaysToFirstAnswer).replace(".", ","),
          },
          { header: "Genomförda", numeric: true, cell: (r) => String(r.implemented) },
          {
            header: "Skillnad ja/delvis/nej",
            numeric: true,
            cell: (r) => `${r.helpedYes}/${r.helpedPartly}/${r.helpedNo}`,
          },
        ]}
      />
    </>
  );
}
