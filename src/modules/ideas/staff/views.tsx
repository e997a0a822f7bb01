/** Workspace pages for ideas: the board, an idea, the employee's form and own ideas, settings, measures. */
import { escapeHtml } from "@kitajs/html";
import { sayer, type Sayer } from "../../../platform/i18n/messages.js";
import {
  Banner,
  BarChart,
  Button,
  CheckboxField,
  CsrfField,
  ErrorSummary,
  FileField,
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
import { messages, type IdeaKey } from "../messages.js";
import { helpedWord, IdeaFacts, Progress, Timeline, type Option } from "../public/views.js";
import type { BoardRow, DeliveryRow, IdeaDetail, OwnerMeasures, TimelineStep } from "../queries.js";

type Say = Sayer<IdeaKey>;

const VIEWS: readonly [string, IdeaKey][] = [
  ["open", "board.view.open"],
  ["overdue", "board.view.overdue"],
  ["held", "board.view.held"],
  ["unconfirmed", "board.view.unconfirmed"],
  ["closed", "board.view.closed"],
  ["all", "board.view.all"],
];

function dueText(
  r: { firstAnswerDue: Date | null; firstAnsweredAt: Date | null },
  say: Say,
): { text: string; late: boolean } {
  if (r.firstAnsweredAt) return { text: say("due.answered", { when: r.firstAnsweredAt }), late: false };
  if (!r.firstAnswerDue) return { text: say("due.unconfirmed"), late: false };
  const late = r.firstAnswerDue.getTime() < Date.now();
  return { text: say(late ? "due.late" : "due.by", { when: r.firstAnswerDue }), late };
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
  const say = sayer(messages, ctx.lang);
  const href = (view: string, page = 1) =>
    `/arbetsyta/forslag?vy=${view}${p.q ? `&q=${encodeURIComponent(p.q)}` : ""}${page > 1 ? `&sida=${page}` : ""}`;
  const viewKey = VIEWS.find(([v]) => v === p.view)?.[1];
  const heading = viewKey ? say(viewKey) : say("board.title");
  return (
    <>
      <h1 safe>{say("board.title")}</h1>
      <p>
        <a class="button button--secondary" href="/arbetsyta/forslag/nytt" safe>
          {say("board.sendOwn")}
        </a>{" "}
        <a href="/arbetsyta/forslag/mina" safe>
          {say("board.mine")}
        </a>
      </p>
      {(p.counts["overdue"] ?? 0) > 0 ? (
        <Banner kind="warning">
          <p>
            <a href={href("overdue")} safe>
              {say("board.overdue", { count: p.counts["overdue"] ?? 0 })}
            </a>
          </p>
        </Banner>
      ) : (
        ""
      )}
      <nav aria-label={say("board.nav")}>
        <ul class="inline-links">
          {VIEWS.map(([v, key]) => {
            const n = p.counts[v];
            const text = n === undefined ? say(key) : say("board.viewCount", { label: say(key), count: n });
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
      <form method="get" action="/arbetsyta/forslag" class="search" role="search" aria-label={say("board.search")}>
        <input type="hidden" name="vy" value={p.view} />
        <TextField name="q" type="search" label={say("board.search.q")} value={p.q} />
        <Button kind="secondary">{escapeHtml(say("board.search.button"))}</Button>
      </form>
      <Table<BoardRow>
        caption={say("board.caption", { heading, total: p.total })}
        rows={p.rows}
        columns={[
          {
            header: say("board.col.idea"),
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
            header: say("board.col.state"),
            cell: (r) => (
              <>
                <span safe>{r.state}</span>
                {r.status === "held" ? (
                  <>
                    {" "}
                    <Tag tone="yellow">{escapeHtml(say("board.tag.held"))}</Tag>
                  </>
                ) : r.status === "unconfirmed" ? (
                  <>
                    {" "}
                    <Tag>{escapeHtml(say("board.tag.unconfirmed"))}</Tag>
                  </>
                ) : r.status === "rejected" ? (
                  <>
                    {" "}
                    <Tag tone="red">{escapeHtml(say("board.tag.rejected"))}</Tag>
                  </>
                ) : (
                  ""
                )}
              </>
            ),
          },
          { header: say("board.col.owner"), cell: (r) => <span safe>{r.owner ?? "–"}</span> },
          {
            header: say("board.col.from"),
            cell: (r) =>
              escapeHtml(say(r.source === "resident" ? "staff.submitter.resident" : "staff.submitter.employeeUnnamed")),
          },
          {
            header: say("board.col.firstAnswer"),
            cell: (r) => {
              const d = dueText(r, say);
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

const DONE: Readonly<Record<string, IdeaKey>> = {
  state: "staff.done.state",
  moved: "staff.done.moved",
  progress: "staff.done.progress",
  link: "staff.done.link",
  clear: "staff.done.clear",
  reject: "staff.done.reject",
};

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
  const say = sayer(messages, ctx.lang);
  const err = (f: string) => form.errors.find((e) => e.field === f)?.message;
  const due = dueText(idea, say);
  const base = `/arbetsyta/forslag/${idea.id}`;
  const done = form.done && Object.hasOwn(DONE, form.done) ? DONE[form.done] : undefined;
  return (
    <>
      <ErrorSummary ctx={ctx} errors={form.errors} />
      <p class="breadcrumbs">
        <a href="/arbetsyta/forslag" safe>
          {say("staff.all")}
        </a>
      </p>
      <h1 safe>{say("staff.idea.title", { number: idea.number })}</h1>
      {done ? (
        <Banner kind="success">
          <p safe>{say(done)}</p>
        </Banner>
      ) : (
        ""
      )}
      {idea.status === "held" ? (
        <Banner kind="warning">
          <p>
            <strong safe>{say("staff.held")}</strong>
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
          <p safe>{say("staff.unconfirmed")}</p>
        </Banner>
      ) : (
        ""
      )}
      <h2 safe>{idea.title}</h2>
      <IdeaFacts ctx={ctx} idea={idea} state={idea.state} />
      <dl class="facts">
        <div>
          <dt safe>{say("staff.facts.from")}</dt>
          <dd safe>{p.submitter}</dd>
        </div>
        <div>
          <dt safe>{say("staff.facts.shown")}</dt>
          <dd>
            {idea.audience === "public" ? (
              idea.status === "open" ? (
                <a href={`/forslag/${idea.number}`} safe>
                  {say("staff.facts.onWeb")}
                </a>
              ) : (
                escapeHtml(say("staff.facts.notYet"))
              )
            ) : (
              escapeHtml(say("staff.facts.internal"))
            )}
          </dd>
        </div>
        <div>
          <dt safe>{say("staff.facts.firstAnswer")}</dt>
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
          <dt safe>{say("staff.facts.followers")}</dt>
          <dd safe>{say("staff.facts.followerCount", { count: p.followers })}</dd>
        </div>
      </dl>
      <p class="prose" safe>
        {idea.description}
      </p>
      {idea.attachment ? (
        <p>
          <a href={`${base}/fil`} safe>
            {say("staff.attachment", {
              filename: idea.attachment.filename,
              size: Math.max(1, Math.round(idea.attachment.size / 1024)),
            })}
          </a>
        </p>
      ) : (
        ""
      )}
      {idea.progress !== null ? <Progress ctx={ctx} value={idea.progress} note={idea.progressNote} /> : ""}
      {idea.helped ? (
        <p safe>
          {`${say("staff.helped", { answer: helpedWord(ctx.lang, idea.helped) })}${idea.helpedComment ? ` – ${idea.helpedComment}` : ""}`}
        </p>
      ) : (
        ""
      )}

      {p.canModerate && idea.status === "held" ? (
        <section class="panel" aria-labelledby="moderate-title">
          <h2 id="moderate-title" safe>
            {say("staff.moderate.title")}
          </h2>
          <p safe>{say("staff.moderate.text")}</p>
          <Form ctx={ctx} action={`${base}/granska`}>
            <TextField name="title" label={say("staff.moderate.title.label")} value={idea.title} error={err("title")} />
            <TextAreaField
              name="description"
              label={say("staff.moderate.description")}
              rows={6}
              value={idea.description}
              error={err("description")}
            />
            <TextAreaField
              name="moderationReason"
              label={say("staff.moderate.reason")}
              rows={3}
              value=""
              error={err("moderationReason")}
              hint={say("staff.moderate.reason.hint")}
            />
            <div class="button-row">
              <Button name="action" value="clear">
                {escapeHtml(say("staff.moderate.clear"))}
              </Button>{" "}
              <Button kind="secondary" name="action" value="reject">
                {escapeHtml(say("staff.moderate.reject"))}
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
            <h2 id="answer-title" safe>
              {say("staff.answer.title")}
            </h2>
            <p safe>{say("staff.answer.text")}</p>
            <Form ctx={ctx} action={`${base}/besked`}>
              <SelectField
                name="stateId"
                label={say("staff.answer.state")}
                selected={form.stateId || idea.stateId}
                options={p.states}
                error={err("stateId")}
              />
              <KlarsprakEditor
                ctx={ctx}
                id="answer"
                name="answer"
                label={say("staff.answer.answer")}
                rows={8}
                value={form.answer}
                error={err("answer")}
                result={form.analysis}
                hint={say("staff.answer.answer.hint")}
              />
              <TextField
                name="decidedBy"
                label={say("staff.answer.decidedBy")}
                value={form.decidedBy}
                error={err("decidedBy")}
                hint={say("staff.answer.decidedBy.hint")}
              />
              <Button>{escapeHtml(say("staff.answer.send"))}</Button>
            </Form>
          </section>
          <section class="panel" aria-labelledby="move-title">
            <h2 id="move-title" safe>
              {say("staff.move.title")}
            </h2>
            {p.suggestion ? (
              <p safe>
                {say("staff.move.suggestion", {
                  label: p.suggestion.label,
                  percent: Math.round(p.suggestion.confidence * 100),
                })}
              </p>
            ) : (
              ""
            )}
            <Form ctx={ctx} action={`${base}/flytta`}>
              <SelectField
                name="owner"
                label={say("staff.move.owner")}
                options={[{ value: "", label: say("staff.move.choose") }, ...p.owners]}
                error={err("owner")}
              />
              <TextAreaField
                name="reason"
                label={say("staff.move.reason")}
                rows={2}
                value=""
                error={err("reason")}
                hint={say("staff.move.reason.hint")}
              />
              <Button kind="secondary">{escapeHtml(say("staff.move.button"))}</Button>
            </Form>
          </section>
          <section class="panel" aria-labelledby="progress-title">
            <h2 id="progress-title" safe>
              {say("staff.progress.title")}
            </h2>
            <Form ctx={ctx} action={`${base}/framsteg`} class="inline-form">
              <TextField
                name="progress"
                label={say("staff.progress.percent")}
                width="quarter"
                value={idea.progress === null ? "" : String(idea.progress)}
                error={err("progress")}
              />
              <TextField
                name="progressNote"
                label={say("staff.progress.note")}
                value={idea.progressNote}
                error={err("progressNote")}
              />
              <Button kind="secondary">{escapeHtml(say("staff.progress.save"))}</Button>
            </Form>
          </section>
          <section class="panel" aria-labelledby="link-title">
            <h2 id="link-title" safe>
              {say("staff.links.title")}
            </h2>
            {p.links.length > 0 ? (
              <ul>
                {p.links.map((l) => (
                  <li>
                    <span safe>{say(l.kind === "decision" ? "idea.links.decision" : "idea.links.result")}</span>
                    <a href={l.url} safe>
                      {l.title}
                    </a>
                  </li>
                ))}
              </ul>
            ) : (
              <p safe>{say("staff.links.none")}</p>
            )}
            <Form ctx={ctx} action={`${base}/lank`}>
              <SelectField
                name="linkKind"
                label={say("staff.links.kind")}
                options={[
                  { value: "decision", label: say("staff.links.decision") },
                  { value: "result", label: say("staff.links.result") },
                ]}
                error={err("linkKind")}
              />
              <TextField name="linkTitle" label={say("staff.links.name")} value="" error={err("linkTitle")} />
              <TextField name="linkUrl" type="url" label={say("staff.links.url")} value="" error={err("linkUrl")} />
              <Button kind="secondary">{escapeHtml(say("staff.links.add"))}</Button>
            </Form>
          </section>
        </>
      ) : (
        ""
      )}

      <h2 safe>{say("staff.history")}</h2>
      <Timeline ctx={ctx} steps={p.steps} showReasons={true} staff={true} />

      {p.canHandle ? (
        <>
          <h2 safe>{say("staff.deliveries.title")}</h2>
          {p.deliveries.length === 0 ? (
            <p safe>{say("staff.deliveries.none")}</p>
          ) : (
            <Table<DeliveryRow>
              caption={say("staff.deliveries.caption")}
              captionHidden
              rows={p.deliveries}
              columns={[
                {
                  header: say("staff.deliveries.to"),
                  cell: (d) => (
                    <span safe>
                      {d.recipient === "submitter"
                        ? say("staff.deliveries.submitter")
                        : d.email
                          ? say("staff.deliveries.followerAt", { email: d.email })
                          : say("staff.deliveries.follower")}
                    </span>
                  ),
                },
                { header: say("staff.deliveries.about"), cell: (d) => <span safe>{d.step}</span> },
                {
                  header: say("staff.deliveries.how"),
                  cell: (d) =>
                    escapeHtml(say(d.delivery === "daily" ? "staff.deliveries.daily" : "staff.deliveries.immediate")),
                },
                {
                  header: say("staff.deliveries.status"),
                  cell: (d) =>
                    d.status === "sent" ? (
                      <Tag tone="green">
                        <span safe>
                          {d.sentAt ? say("staff.deliveries.sentAt", { when: d.sentAt }) : say("staff.deliveries.sent")}
                        </span>
                      </Tag>
                    ) : d.status === "failed" ? (
                      <Tag tone="red">{escapeHtml(say("staff.deliveries.failed"))}</Tag>
                    ) : d.status === "skipped" ? (
                      <Tag>{escapeHtml(say("staff.deliveries.skipped"))}</Tag>
                    ) : (
                      <Tag tone="yellow">
                        <span safe>
                          {d.attempts > 0
                            ? say("staff.deliveries.retrying", { attempts: d.attempts })
                            : say("staff.deliveries.waiting")}
                        </span>
                      </Tag>
                    ),
                },
                {
                  header: say("staff.deliveries.error"),
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
  const say = sayer(messages, ctx.lang);
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  return (
    <>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <h1 safe>{say("employee.title")}</h1>
      <p class="lead" safe>
        {say("employee.lead")}
      </p>
      <form method="post" action="/arbetsyta/forslag/nytt" enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <TextField name="title" label={say("employee.field.title")} value={form.title} error={err("title")} />
        <TextAreaField
          name="description"
          label={say("employee.field.description")}
          rows={8}
          value={form.description}
          error={err("description")}
          hint={say("employee.field.description.hint")}
        />
        <SelectField
          name="category"
          label={say("employee.field.category")}
          selected={form.category}
          options={[{ value: "", label: say("employee.field.category.unknown") }, ...p.categories]}
          error={err("category")}
        />
        <SelectField
          name="group"
          label={say("employee.field.group")}
          selected={form.group}
          error={err("group")}
          hint={say("employee.field.group.hint")}
          options={[
            { value: "", label: say("employee.field.group.none") },
            ...p.groups.map((g) => ({ value: g.value, label: g.theme ? `${g.label} – ${g.theme}` : g.label })),
          ]}
        />
        <CheckboxField
          name="anonymous"
          value="1"
          label={say("employee.field.anonymous")}
          hint={say("employee.field.anonymous.hint")}
          checked={form.anonymous}
        />
        <FileField
          name="file"
          label={say("employee.field.file")}
          hint={say("employee.field.file.hint")}
          error={err("file")}
          accept=".pdf,.jpg,.jpeg,.png,.gif,.webp"
        />
        <Button>{escapeHtml(say("employee.send"))}</Button>
      </form>
    </>
  );
}

export function MyIdeasPage(p: {
  ctx: PageContext;
  rows: readonly BoardRow[];
  sent?: string | undefined;
}): JSX.Element {
  const say = sayer(messages, p.ctx.lang);
  return (
    <>
      <h1 safe>{say("myIdeas.title")}</h1>
      {p.sent ? (
        <Banner kind="success">
          <p safe>{say("myIdeas.sent", { number: p.sent })}</p>
        </Banner>
      ) : (
        ""
      )}
      <p>
        <a class="button button--secondary" href="/arbetsyta/forslag/nytt" safe>
          {say("myIdeas.send")}
        </a>
      </p>
      {p.rows.length === 0 ? (
        <p safe>{say("myIdeas.none")}</p>
      ) : (
        <Table<BoardRow>
          caption={say("myIdeas.caption")}
          rows={p.rows}
          columns={[
            {
              header: say("board.col.idea"),
              cell: (r) => (
                <>
                  <a href={`/arbetsyta/forslag/${r.id}`} safe>
                    {r.number}
                  </a>{" "}
                  <span safe>{r.title}</span>
                </>
              ),
            },
            { header: say("board.col.state"), cell: (r) => <span safe>{r.state}</span> },
            { header: say("board.col.owner"), cell: (r) => <span safe>{r.owner ?? "–"}</span> },
            {
              header: say("myIdeas.col.received"),
              cell: (r) => <span safe>{say("myIdeas.received", { when: r.receivedAt })}</span>,
            },
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

/** The flags of a state, as the settings form's checkboxes. */
const STATE_FLAGS: readonly [string, IdeaKey][] = [
  ["isPublic", "settings.state.isPublic"],
  ["notifies", "settings.state.notifies"],
  ["isClosed", "settings.state.isClosed"],
  ["isInitial", "settings.state.isInitial"],
  ["isImplemented", "settings.state.isImplemented"],
  ["showsProgress", "settings.state.showsProgress"],
  ["active", "settings.state.active"],
];

export function SettingsPage(p: {
  ctx: PageContext;
  data: SettingsData;
  errors: readonly FieldError[];
  done?: string | undefined;
}): JSX.Element {
  const { ctx, data } = p;
  const say = sayer(messages, ctx.lang);
  const yes = (b: boolean) => escapeHtml(say(b ? "common.yes" : "common.no"));
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  return (
    <>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <h1 safe>{say("settings.title")}</h1>
      {p.done ? (
        <Banner kind="success">
          <p safe>{say("settings.saved")}</p>
        </Banner>
      ) : (
        ""
      )}
      <h2 safe>{say("settings.states.title")}</h2>
      <p safe>{say("settings.states.text")}</p>
      <Table<SettingsData["states"][number]>
        caption={say("settings.states.title")}
        captionHidden
        rows={data.states}
        columns={[
          {
            header: say("settings.states.col.state"),
            cell: (s) => (
              <span safe>{say("settings.states.name", { name: s.name_sv, active: s.active ? "yes" : "no" })}</span>
            ),
          },
          { header: say("settings.states.col.public"), cell: (s) => yes(s.is_public) },
          { header: say("settings.states.col.notifies"), cell: (s) => yes(s.notifies) },
          { header: say("settings.states.col.closed"), cell: (s) => yes(s.is_closed) },
          { header: say("settings.states.col.initial"), cell: (s) => yes(s.is_initial) },
          { header: say("settings.states.col.implemented"), cell: (s) => yes(s.is_implemented) },
          { header: say("settings.states.col.progress"), cell: (s) => yes(s.shows_progress) },
        ]}
      />
      <h3 safe>{say("settings.state.title")}</h3>
      <Form ctx={ctx} action="/arbetsyta/admin/forslag/lage">
        <SelectField
          name="stateId"
          label={say("settings.state.which")}
          options={[
            { value: "", label: say("settings.state.new") },
            ...data.states.map((s) => ({ value: s.id, label: s.name_sv })),
          ]}
        />
        <TextField name="nameSv" label={say("settings.state.nameSv")} value="" error={err("nameSv")} />
        <TextField name="nameEn" label={say("settings.state.nameEn")} value="" error={err("nameEn")} />
        <fieldset class="field">
          <legend class="field__label" safe>
            {say("settings.state.flags")}
          </legend>
          {STATE_FLAGS.map(([name, label]) => (
            <CheckboxField
              name={name}
              value="1"
              label={say(label)}
              checked={name === "isPublic" || name === "notifies" || name === "active"}
            />
          ))}
        </fieldset>
        <TextField
          name="position"
          label={say("settings.state.position")}
          width="quarter"
          value=""
          error={err("position")}
        />
        <Button>{escapeHtml(say("settings.state.save"))}</Button>
      </Form>

      <h2 safe>{say("settings.groups.title")}</h2>
      <Table<SettingsData["groups"][number]>
        caption={say("settings.groups.title")}
        captionHidden
        rows={data.groups}
        columns={[
          { header: say("settings.groups.col.group"), cell: (g) => <span safe>{g.name}</span> },
          { header: say("settings.groups.col.theme"), cell: (g) => <span safe>{g.theme}</span> },
          {
            header: say("settings.groups.col.members"),
            cell: (g) => <span safe>{g.members.map((m) => m.name).join(", ") || "–"}</span>,
          },
        ]}
      />
      <h3 safe>{say("settings.group.title")}</h3>
      <Form ctx={ctx} action="/arbetsyta/admin/forslag/grupp">
        <TextField name="groupName" label={say("settings.group.name")} value="" error={err("groupName")} />
        <TextField
          name="groupTheme"
          label={say("settings.group.theme")}
          value=""
          error={err("groupTheme")}
          hint={say("settings.group.theme.hint")}
        />
        <Button>{escapeHtml(say("settings.group.create"))}</Button>
      </Form>
      <h3 safe>{say("settings.member.title")}</h3>
      <Form ctx={ctx} action="/arbetsyta/admin/forslag/medlem">
        <SelectField
          name="groupId"
          label={say("settings.member.group")}
          options={data.groups.map((g) => ({ value: g.id, label: g.name }))}
          error={err("groupId")}
        />
        <SelectField name="userId" label={say("settings.member.user")} options={data.staff} error={err("userId")} />
        <div class="button-row">
          <Button name="action" value="add">
            {escapeHtml(say("settings.member.add"))}
          </Button>{" "}
          <Button kind="secondary" name="action" value="remove">
            {escapeHtml(say("settings.member.remove"))}
          </Button>
        </div>
      </Form>

      <h2 safe>{say("settings.categories.title")}</h2>
      <Table<SettingsData["categories"][number]>
        caption={say("settings.categories.title")}
        captionHidden
        rows={data.categories}
        columns={[
          { header: say("settings.categories.col.category"), cell: (c) => <span safe>{c.name_sv}</span> },
          {
            header: say("settings.categories.col.goesTo"),
            cell: (c) => <span safe>{c.grp ?? c.unit ?? say("settings.categories.communication")}</span>,
          },
        ]}
      />
      <h3 safe>{say("settings.category.title")}</h3>
      <Form ctx={ctx} action="/arbetsyta/admin/forslag/omrade">
        <TextField name="categoryName" label={say("settings.category.nameSv")} value="" error={err("categoryName")} />
        <TextField
          name="categoryNameEn"
          label={say("settings.category.nameEn")}
          value=""
          error={err("categoryNameEn")}
        />
        <SelectField
          name="categoryOwner"
          label={say("settings.category.owner")}
          options={[{ value: "", label: say("settings.category.owner.communication") }, ...data.owners]}
          error={err("categoryOwner")}
        />
        <Button>{escapeHtml(say("settings.category.add"))}</Button>
      </Form>
    </>
  );
}

export function MeasuresPage(p: { ctx: PageContext; rows: readonly OwnerMeasures[]; months: number }): JSX.Element {
  const { ctx, rows } = p;
  const say = sayer(messages, ctx.lang);
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
      <h1 safe>{say("measures.title")}</h1>
      <form method="get" action="/arbetsyta/forslag/matt" class="inline-form">
        <SelectField
          name="manader"
          label={say("measures.period")}
          selected={String(p.months)}
          options={[
            { value: "3", label: say("measures.period.3") },
            { value: "12", label: say("measures.period.12") },
            { value: "36", label: say("measures.period.36") },
          ]}
        />
        <Button kind="secondary">{escapeHtml(say("measures.show"))}</Button>
      </form>
      <dl class="facts">
        <div>
          <dt safe>{say("measures.ideas")}</dt>
          <dd safe>{say("measures.ideasCount", { count: total.ideas })}</dd>
        </div>
        <div>
          <dt safe>{say("measures.onTime")}</dt>
          <dd safe>
            {say("measures.onTimeValue", {
              percent: pct(total.onTime, total.ideas),
              onTime: total.onTime,
              total: total.ideas,
            })}
          </dd>
        </div>
        <div>
          <dt safe>{say("measures.implemented")}</dt>
          <dd safe>
            {say("measures.implementedValue", {
              percent: pct(total.implemented, total.ideas),
              implemented: total.implemented,
            })}
          </dd>
        </div>
        <div>
          <dt safe>{say("measures.helped")}</dt>
          <dd safe>{say("measures.helpedValue", { yes: total.yes, partly: total.partly, no: total.no })}</dd>
        </div>
      </dl>
      <BarChart
        ctx={ctx}
        id="on-time"
        title={say("measures.chart.onTime")}
        unit="%"
        data={rows.map((r) => ({ label: r.owner, value: pct(r.answeredOnTime, r.ideas) }))}
      />
      <BarChart
        ctx={ctx}
        id="median"
        title={say("measures.chart.median")}
        data={rows
          .filter((r) => r.medianDaysToFirstAnswer !== null)
          .map((r) => ({ label: r.owner, value: r.medianDaysToFirstAnswer ?? 0 }))}
      />
      <BarChart
        ctx={ctx}
        id="implemented"
        title={say("measures.chart.implemented")}
        unit="%"
        data={rows.map((r) => ({ label: r.owner, value: pct(r.implemented, r.ideas) }))}
      />
      <BarChart
        ctx={ctx}
        id="helped"
        title={say("measures.chart.helped")}
        data={[
          { label: say("helped.yes"), value: total.yes },
          { label: say("helped.partly"), value: total.partly },
          { label: say("helped.no"), value: total.no },
        ]}
      />
      <Table<OwnerMeasures>
        caption={say("measures.caption")}
        rows={rows}
        columns={[
          { header: say("measures.col.owner"), cell: (r) => <span safe>{r.owner}</span> },
          { header: say("measures.col.ideas"), numeric: true, cell: (r) => String(r.ideas) },
          { header: say("measures.col.answered"), numeric: true, cell: (r) => String(r.answered) },
          {
            header: say("measures.col.onTime"),
            numeric: true,
            cell: (r) => escapeHtml(say("measures.percent", { percent: pct(r.answeredOnTime, r.ideas) })),
          },
          {
            header: say("measures.col.days"),
            numeric: true,
            cell: (r) =>
              r.medianDaysToFirstAnswer === null
                ? "–"
                : escapeHtml(say("measures.days", { days: r.medianDaysToFirstAnswer })),
          },
          { header: say("measures.col.implemented"), numeric: true, cell: (r) => String(r.implemented) },
          {
            header: say("measures.col.helped"),
            numeric: true,
            cell: (r) => `${r.helpedYes}/${r.helpedPartly}/${r.helpedNo}`,
          },
        ]}
      />
    </>
  );
}
