import { escapeHtml } from "@kitajs/html";
/** Workspace pages for people and units (admins): the staff list, a person, an invitation, the unit tree, a unit. */
import type { ActiveSession } from "../../../platform/auth/sessions.js";
import { ROLES, type AuditEntry, type Role } from "../../../platform/db/schema.js";
import { formatDateTime } from "../../../platform/i18n/i18n.js";
import { sayer, type Lang } from "../../../platform/i18n/messages.js";
import {
  Banner,
  Button,
  CheckboxField,
  CheckboxGroup,
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
import type { AccountStatus, Person, StaffRow, UnitMember, UnitNode } from "../queries.js";
import { messages, type PeopleKey } from "../messages.js";
import { STAFF_FILTERS, type PersonDone, type StaffFilter, type UnitDone } from "../schema.js";

const words = (lang: Lang) => sayer(messages, lang);

/** A key of the catalogue, when `key` is one (history lines name audit actions). */
const isKey = (key: string): key is PeopleKey => Object.hasOwn(messages.sv, key);

const TONE: Record<AccountStatus, "green" | "yellow" | "red"> = {
  active: "green",
  invited: "yellow",
  deactivated: "red",
};

function When({ ctx, date }: { ctx: PageContext; date: Date | null }): JSX.Element {
  if (!date) return "–";
  return (
    <time datetime={date.toISOString()} safe>
      {formatDateTime(date, ctx.lang)}
    </time>
  );
}

const roleName = (ctx: PageContext, role: Role): string => ctx.t(`role.${role}`);

function Roles({ ctx, roles }: { ctx: PageContext; roles: readonly Role[] }): JSX.Element {
  return (
    <>
      {roles.map((r) => (
        <Tag tone="blue">{escapeHtml(roleName(ctx, r))}</Tag>
      ))}
    </>
  );
}

function StatusTag({ ctx, status }: { ctx: PageContext; status: AccountStatus }): JSX.Element {
  return <Tag tone={TONE[status]}>{escapeHtml(words(ctx.lang)(`status.${status}`))}</Tag>;
}

// ---- The staff list -------------------------------------------------------------------------

export function StaffListPage(p: {
  ctx: PageContext;
  q: string;
  filter: StaffFilter;
  rows: readonly StaffRow[];
  total: number;
  page: number;
  pageSize: number;
}): JSX.Element {
  const { ctx } = p;
  const say = words(ctx.lang);
  const href = (page: number) => {
    const params = new URLSearchParams();
    if (p.q) params.set("q", p.q);
    if (p.filter !== "aktiva") params.set("visa", p.filter);
    if (page > 1) params.set("sida", String(page));
    const s = params.toString();
    return `/arbetsyta/admin/personal${s ? `?${s}` : ""}`;
  };
  return (
    <>
      <h1 safe>{say("list.title")}</h1>
      <p class="lead" safe>
        {say("list.lead")}
      </p>
      <p>
        <a class="button" href="/arbetsyta/admin/personal/ny" safe>
          {say("list.invite")}
        </a>
      </p>
      <form
        method="get"
        action="/arbetsyta/admin/personal"
        class="filters"
        role="search"
        aria-label={say("list.search.label")}
      >
        <fieldset class="filters__set">
          <legend safe>{say("list.search.legend")}</legend>
          <TextField name="q" type="search" label={say("list.search.q")} value={p.q} width="half" />
          <SelectField
            name="visa"
            label={say("list.search.show")}
            options={STAFF_FILTERS.map((value) => ({ value, label: say(`list.filter.${value}`) }))}
            selected={p.filter}
          />
          <Button kind="secondary">{escapeHtml(say("list.search.button"))}</Button>
        </fieldset>
      </form>
      {p.rows.length === 0 ? (
        <p safe>{say("list.none")}</p>
      ) : (
        <Table<StaffRow>
          caption={say("list.caption", { count: p.total })}
          rows={p.rows}
          columns={[
            {
              header: say("list.col.name"),
              cell: (r) => (
                <a href={`/arbetsyta/admin/personal/${r.id}`} safe>
                  {r.name}
                </a>
              ),
            },
            { header: say("list.col.email"), cell: (r) => <span safe>{r.email}</span> },
            { header: say("list.col.roles"), cell: (r) => <Roles ctx={ctx} roles={r.roles} /> },
            { header: say("list.col.units"), cell: (r) => <span safe>{r.units.join(", ") || "–"}</span> },
            { header: say("list.col.status"), cell: (r) => <StatusTag ctx={ctx} status={r.status} /> },
            { header: say("list.col.lastLogin"), cell: (r) => <When ctx={ctx} date={r.lastLoginAt} /> },
          ]}
        />
      )}
      <Pagination ctx={ctx} page={p.page} pageSize={p.pageSize} total={p.total} href={href} />
    </>
  );
}

// ---- Roles, units and rights: the fields the invitation and the person's page share ------

export interface AccountForm {
  readonly name: string;
  readonly email: string;
  readonly roles: readonly string[];
  readonly units: readonly string[];
  readonly secrecy: boolean;
  readonly reason: string;
}

function unitOptions(ctx: PageContext, units: readonly UnitNode[]) {
  const intake = words(ctx.lang)("units.intake");
  return units.map((u) => ({
    value: u.id,
    label: u.name,
    indent: u.depth,
    ...(u.intake ? { hint: intake } : {}),
  }));
}

function AccountFields(p: {
  ctx: PageContext;
  form: AccountForm;
  errors: readonly FieldError[];
  units: readonly UnitNode[];
  secrecyWas?: boolean;
}): JSX.Element {
  const say = words(p.ctx.lang);
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  return (
    <>
      <CheckboxGroup
        name="roles"
        legend={say("account.roles.legend")}
        hint={say("account.roles.hint")}
        options={ROLES.map((r) => ({ value: r, label: roleName(p.ctx, r), hint: say(`role.hint.${r}`) }))}
        checked={p.form.roles}
        error={err("roles")}
      />
      {p.units.length > 0 ? (
        <CheckboxGroup
          name="units"
          legend={say("account.units.legend")}
          hint={say("account.units.hint")}
          options={unitOptions(p.ctx, p.units)}
          checked={p.form.units}
          error={err("units")}
        />
      ) : (
        <p safe>{say("account.noUnits")}</p>
      )}
      <CheckboxField
        name="secrecy"
        label={say("account.secrecy.label")}
        hint={say("account.secrecy.hint")}
        checked={p.form.secrecy}
        error={err("secrecy")}
      />
      <TextAreaField
        name="reason"
        label={say(p.secrecyWas === undefined ? "account.reason.give" : "account.reason.change")}
        hint={say("account.reason.hint")}
        value={p.form.reason}
        error={err("reason")}
      />
    </>
  );
}

export function InvitePage(p: {
  ctx: PageContext;
  form: AccountForm;
  errors: readonly FieldError[];
  units: readonly UnitNode[];
}): JSX.Element {
  const { ctx } = p;
  const say = words(ctx.lang);
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  return (
    <div class="narrow-wide">
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <p class="breadcrumbs">
        <a href="/arbetsyta/admin/personal" safe>
          {say("list.title")}
        </a>
      </p>
      <h1 safe>{say("invite.title")}</h1>
      <p class="lead" safe>
        {say("invite.lead")}
      </p>
      <Form ctx={ctx} action="/arbetsyta/admin/personal/ny">
        <TextField name="name" label={say("account.name")} value={p.form.name} error={err("name")} autocomplete="off" />
        <TextField
          name="email"
          type="email"
          label={say("invite.email")}
          hint={say("invite.email.hint")}
          value={p.form.email}
          error={err("email")}
          autocomplete="off"
        />
        <AccountFields ctx={ctx} form={p.form} errors={p.errors} units={p.units} />
        <Button>{escapeHtml(say("invite.submit"))}</Button>
      </Form>
    </div>
  );
}

// ---- A person --------------------------------------------------------------------------------

/** What happened, in plain words (an audit action we have no words for stays as it is). */
function actionOf(ctx: PageContext, action: string): string {
  const key = `history.${action}`;
  return isKey(key) ? words(ctx.lang)(key) : action;
}

const RESET_OUTCOMES = ["sent", "inactive", "limited", "sso_only"] as const;
const isResetOutcome = (o: string): o is (typeof RESET_OUTCOMES)[number] =>
  (RESET_OUTCOMES as readonly string[]).includes(o);

/** A history line's detail in plain words: the way in, the outcome, the reason. */
function detailOf(ctx: PageContext, e: AuditEntry): string {
  const say = words(ctx.lang);
  const d = (e.details ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  if (e.action === "auth.login")
    parts.push(
      say(
        d["method"] === "oidc"
          ? "history.via.oidc"
          : d["via"] === "invitation"
            ? "history.via.invitation"
            : d["via"] === "password_reset"
              ? "history.via.reset"
              : "history.via.password",
      ),
    );
  const outcome = d["outcome"];
  if (e.action === "auth.password.reset.request" && typeof outcome === "string")
    parts.push(isResetOutcome(outcome) ? say(`history.reset.${outcome}`) : outcome);
  if (typeof d["sessionsEnded"] === "number" && d["sessionsEnded"] > 0)
    parts.push(say("history.sessionsEnded", { count: d["sessionsEnded"] }));
  if (typeof d["reason"] === "string" && d["reason"]) parts.push(say("history.reason", { reason: d["reason"] }));
  return parts.join(". ") || "–";
}

function browserOf(ctx: PageContext, userAgent: string | null): string {
  if (!userAgent) return "–";
  const name = /Edg\//.test(userAgent)
    ? "Edge"
    : /Firefox\//.test(userAgent)
      ? "Firefox"
      : /Chrome\//.test(userAgent)
        ? "Chrome"
        : /Safari\//.test(userAgent)
          ? "Safari"
          : "";
  const system = /Windows/.test(userAgent)
    ? "Windows"
    : /Android/.test(userAgent)
      ? "Android"
      : /iPhone|iPad/.test(userAgent)
        ? "iOS"
        : /Mac OS/.test(userAgent)
          ? "macOS"
          : /Linux/.test(userAgent)
            ? "Linux"
            : "";
  if (name && system) return words(ctx.lang)("sessions.browser", { browser: name, system });
  return name || system || userAgent.slice(0, 80);
}

export interface PersonPageState {
  readonly form: AccountForm;
  readonly errors: readonly FieldError[];
  readonly done?: PersonDone | undefined;
  readonly deactivateReason?: string;
  readonly reactivateReason?: string;
}

export function PersonPage(p: {
  ctx: PageContext;
  person: Person;
  self: boolean;
  units: readonly UnitNode[];
  sessions: readonly ActiveSession[];
  history: readonly AuditEntry[];
  historyTotal: number;
  historyPage: number;
  historyPageSize: number;
  state: PersonPageState;
}): JSX.Element {
  const { ctx, person, state } = p;
  const say = words(ctx.lang);
  const u = person.user;
  const base = `/arbetsyta/admin/personal/${u.id}`;
  const err = (f: string) => state.errors.find((e) => e.field === f)?.message;
  const way = say(
    u.oidc_subject && u.password_hash
      ? "person.way.both"
      : u.oidc_subject
        ? "person.way.oidc"
        : u.password_hash
          ? "person.way.password"
          : "person.way.none",
  );
  const invitation = person.invitation;
  return (
    <>
      <ErrorSummary ctx={ctx} errors={state.errors} />
      <p class="breadcrumbs">
        <a href="/arbetsyta/admin/personal" safe>
          {say("list.title")}
        </a>
      </p>
      {state.done ? (
        <Banner kind="success">
          <p safe>{say(`person.done.${state.done}`)}</p>
        </Banner>
      ) : (
        ""
      )}
      <h1 safe>{u.name}</h1>
      <dl class="summary-list">
        <div class="summary-list__row">
          <dt safe>{say("person.email")}</dt>
          <dd safe>{u.email}</dd>
        </div>
        <div class="summary-list__row">
          <dt safe>{say("person.status")}</dt>
          <dd>
            <StatusTag ctx={ctx} status={person.status} />
            {u.deactivated_at ? (
              <>
                {" "}
                <span safe>{say("person.since")}</span> <When ctx={ctx} date={new Date(u.deactivated_at)} />
              </>
            ) : (
              ""
            )}
          </dd>
        </div>
        <div class="summary-list__row">
          <dt safe>{say("person.way")}</dt>
          <dd safe>{way}</dd>
        </div>
        <div class="summary-list__row">
          <dt safe>{say("person.lastLogin")}</dt>
          <dd>
            <When ctx={ctx} date={u.last_login_at ? new Date(u.last_login_at) : null} />
          </dd>
        </div>
        <div class="summary-list__row">
          <dt safe>{say("person.roles")}</dt>
          <dd>
            <Roles ctx={ctx} roles={u.roles} />
          </dd>
        </div>
        <div class="summary-list__row">
          <dt safe>{say("person.secrecy")}</dt>
          <dd safe>{say(u.secrecy_right ? "person.secrecy.yes" : "person.secrecy.no")}</dd>
        </div>
      </dl>

      {person.status === "invited" ? (
        <section aria-labelledby="invitation-title">
          <h2 id="invitation-title" safe>
            {say("invitation.title")}
          </h2>
          {invitation ? (
            invitation.open ? (
              <p>
                {say.rich("invitation.open", {
                  sentAt: invitation.sentAt,
                  expiresAt: invitation.expiresAt,
                  sent: (text) => (
                    <time datetime={invitation.sentAt.toISOString()} safe>
                      {text}
                    </time>
                  ),
                  expires: (text) => (
                    <time datetime={invitation.expiresAt.toISOString()} safe>
                      {text}
                    </time>
                  ),
                })}
              </p>
            ) : (
              <p safe>{say("invitation.closed")}</p>
            )
          ) : (
            <p safe>{say("invitation.none")}</p>
          )}
          {err("invitation") ? (
            <p class="field__error" id="invitation" safe>
              {err("invitation")}
            </p>
          ) : (
            ""
          )}
          <Form ctx={ctx} action={`${base}/inbjudan`}>
            <Button kind="secondary">{escapeHtml(say("invitation.resend"))}</Button>
          </Form>
        </section>
      ) : (
        ""
      )}

      <section aria-labelledby="edit-title">
        <h2 id="edit-title" safe>
          {say("edit.title")}
        </h2>
        <Form ctx={ctx} action={base}>
          <TextField
            name="name"
            label={say("account.name")}
            value={state.form.name}
            error={err("name")}
            autocomplete="off"
          />
          <AccountFields
            ctx={ctx}
            form={state.form}
            errors={state.errors}
            units={p.units}
            secrecyWas={u.secrecy_right}
          />
          <Button>{escapeHtml(say("edit.submit"))}</Button>
        </Form>
      </section>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title" safe>
          {say("sessions.title")}
        </h2>
        {p.sessions.length === 0 ? (
          <p safe>{say("sessions.none")}</p>
        ) : (
          <Table<ActiveSession>
            caption={say("sessions.caption")}
            captionHidden
            rows={p.sessions}
            columns={[
              { header: say("sessions.col.started"), cell: (s) => <When ctx={ctx} date={s.createdAt} /> },
              { header: say("sessions.col.lastSeen"), cell: (s) => <When ctx={ctx} date={s.lastSeenAt} /> },
              {
                header: say("sessions.col.method"),
                cell: (s) =>
                  escapeHtml(say(s.authMethod === "oidc" ? "sessions.method.oidc" : "sessions.method.password")),
              },
              { header: say("sessions.col.ip"), cell: (s) => <span safe>{s.ip ?? "–"}</span> },
              {
                header: say("sessions.col.browser"),
                cell: (s) => (
                  <span class="user-agent" title={s.userAgent ?? undefined} safe>
                    {browserOf(ctx, s.userAgent)}
                  </span>
                ),
              },
              {
                header: say("sessions.col.end"),
                cell: (s) => (
                  <Form ctx={ctx} action={`${base}/sessioner/${s.id}/avsluta`}>
                    <Button kind="secondary">{escapeHtml(say("sessions.end"))}</Button>
                  </Form>
                ),
              },
            ]}
          />
        )}
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title" safe>
          {say("history.title")}
        </h2>
        {p.history.length === 0 ? (
          <p safe>{say("history.none")}</p>
        ) : (
          <Table<AuditEntry>
            caption={say("history.caption", { count: p.historyTotal })}
            captionHidden
            rows={p.history}
            columns={[
              { header: say("history.col.when"), cell: (e) => <When ctx={ctx} date={new Date(e.occurred_at)} /> },
              { header: say("history.col.what"), cell: (e) => <span safe>{actionOf(ctx, e.action)}</span> },
              { header: say("history.col.more"), cell: (e) => <span safe>{detailOf(ctx, e)}</span> },
              { header: say("history.col.who"), cell: (e) => <span safe>{e.actor_label}</span> },
              { header: say("history.col.ip"), cell: (e) => <span safe>{e.ip ?? "–"}</span> },
            ]}
          />
        )}
        <Pagination
          ctx={ctx}
          page={p.historyPage}
          pageSize={p.historyPageSize}
          total={p.historyTotal}
          href={(n) => `${base}?sida=${n}#history-title`}
        />
      </section>

      {u.active ? (
        <section aria-labelledby="deactivate-title">
          <h2 id="deactivate-title" safe>
            {say("deactivate.title")}
          </h2>
          {p.self ? (
            <p safe>{say("deactivate.self")}</p>
          ) : (
            <>
              <p safe>{say("deactivate.text")}</p>
              <Form ctx={ctx} action={`${base}/avaktivera`}>
                <TextAreaField
                  name="reason"
                  id="deactivate-reason"
                  label={say("deactivate.reason.label")}
                  hint={say("deactivate.reason.hint")}
                  value={state.deactivateReason ?? ""}
                  error={err("deactivate-reason")}
                />
                <Button>{escapeHtml(say("deactivate.submit"))}</Button>
              </Form>
            </>
          )}
        </section>
      ) : (
        <section aria-labelledby="reactivate-title">
          <h2 id="reactivate-title" safe>
            {say("reactivate.title")}
          </h2>
          <p safe>{say("reactivate.text")}</p>
          <Form ctx={ctx} action={`${base}/aktivera`}>
            <TextAreaField
              name="reason"
              id="reactivate-reason"
              label={say("reactivate.reason.label")}
              value={state.reactivateReason ?? ""}
              error={err("reactivate-reason")}
            />
            <Button>{escapeHtml(say("reactivate.submit"))}</Button>
          </Form>
        </section>
      )}
    </>
  );
}

// ---- Units -----------------------------------------------------------------------------------

function DoneBanner({ ctx, done }: { ctx: PageContext; done: UnitDone | undefined }): JSX.Element {
  if (!done) return "";
  return (
    <Banner kind="success">
      <p safe>{words(ctx.lang)(`units.done.${done}`)}</p>
    </Banner>
  );
}

function TreeLevel({ ctx, nodes }: { ctx: PageContext; nodes: readonly UnitNode[] }): JSX.Element {
  const say = words(ctx.lang);
  return (
    <>
      {nodes.map((n) => (
        <li>
          <a href={`/arbetsyta/admin/enheter/${n.id}`} safe>
            {n.name}
          </a>
          {n.intake ? (
            <>
              {" "}
              <Tag tone="yellow">{escapeHtml(say("units.intake"))}</Tag>
            </>
          ) : (
            ""
          )}
          <span class="unit-tree__facts" safe>
            {n.managers.length > 0
              ? say("units.facts.manager", { count: n.members, managers: n.managers.join(", ") })
              : say("units.facts.noManager", { count: n.members })}
          </span>
          {n.children.length > 0 ? (
            <ul>
              <TreeLevel ctx={ctx} nodes={n.children} />
            </ul>
          ) : (
            ""
          )}
        </li>
      ))}
    </>
  );
}

export function UnitTreePage(p: {
  ctx: PageContext;
  tree: readonly UnitNode[];
  done?: UnitDone | undefined;
}): JSX.Element {
  const say = words(p.ctx.lang);
  return (
    <>
      <DoneBanner ctx={p.ctx} done={p.done} />
      <h1 safe>{say("units.title")}</h1>
      <p class="lead" safe>
        {say("units.lead")}
      </p>
      <p>
        <a class="button" href="/arbetsyta/admin/enheter/ny" safe>
          {say("units.new")}
        </a>
      </p>
      {p.tree.length === 0 ? (
        <p safe>{say("units.none")}</p>
      ) : (
        <ul class="unit-tree">
          <TreeLevel ctx={p.ctx} nodes={p.tree} />
        </ul>
      )}
    </>
  );
}

export interface UnitForm {
  readonly name: string;
  readonly description: string;
  readonly parent: string;
  readonly intake: boolean;
}

function UnitFields(p: {
  ctx: PageContext;
  form: UnitForm;
  errors: readonly FieldError[];
  parents: readonly UnitNode[];
}): JSX.Element {
  const say = words(p.ctx.lang);
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  return (
    <>
      <TextField name="name" label={say("unit.form.name")} value={p.form.name} error={err("name")} autocomplete="off" />
      <TextAreaField
        name="description"
        label={say("unit.form.description")}
        hint={say("unit.form.description.hint")}
        value={p.form.description}
        error={err("description")}
      />
      <SelectField
        name="parent"
        label={say("unit.form.parent")}
        options={[
          { value: "", label: say("unit.form.parent.none") },
          ...p.parents.map((u) => ({ value: u.id, label: `${"– ".repeat(u.depth)}${u.name}` })),
        ]}
        selected={p.form.parent}
        error={err("parent")}
      />
      <CheckboxField
        name="intake"
        label={say("unit.form.intake")}
        hint={say("unit.form.intake.hint")}
        checked={p.form.intake}
        error={err("intake")}
      />
    </>
  );
}

export function NewUnitPage(p: {
  ctx: PageContext;
  form: UnitForm;
  errors: readonly FieldError[];
  parents: readonly UnitNode[];
}): JSX.Element {
  const say = words(p.ctx.lang);
  return (
    <div class="narrow-wide">
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <p class="breadcrumbs">
        <a href="/arbetsyta/admin/enheter" safe>
          {say("units.title")}
        </a>
      </p>
      <h1 safe>{say("unit.new.title")}</h1>
      <Form ctx={p.ctx} action="/arbetsyta/admin/enheter/ny">
        <UnitFields ctx={p.ctx} form={p.form} errors={p.errors} parents={p.parents} />
        <Button>{escapeHtml(say("unit.new.submit"))}</Button>
      </Form>
    </div>
  );
}

export function UnitPage(p: {
  ctx: PageContext;
  unit: UnitNode;
  form: UnitForm;
  errors: readonly FieldError[];
  parents: readonly UnitNode[];
  members: readonly UnitMember[];
  done?: UnitDone | undefined;
}): JSX.Element {
  const { ctx, unit } = p;
  const say = words(ctx.lang);
  const base = `/arbetsyta/admin/enheter/${unit.id}`;
  const deleteError = p.errors.find((e) => e.field === "delete")?.message;
  return (
    <>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <p class="breadcrumbs">
        <a href="/arbetsyta/admin/enheter" safe>
          {say("units.title")}
        </a>
      </p>
      <DoneBanner ctx={ctx} done={p.done} />
      <h1 safe>{unit.name}</h1>
      {unit.intake ? (
        <p>
          <Tag tone="yellow">{escapeHtml(say("units.intake"))}</Tag>
        </p>
      ) : (
        ""
      )}

      <section aria-labelledby="members-title">
        <h2 id="members-title" safe>
          {say("unit.members.title")}
        </h2>
        {unit.managers.length > 0 ? (
          <p safe>{say("unit.managers", { managers: unit.managers.join(", ") })}</p>
        ) : (
          <p safe>{say("unit.noManager")}</p>
        )}
        {p.members.length === 0 ? (
          <p safe>{say("unit.noMembers")}</p>
        ) : (
          <Table<UnitMember>
            caption={say("unit.members.caption", { unit: unit.name })}
            captionHidden
            rows={p.members}
            columns={[
              {
                header: say("unit.members.col.name"),
                cell: (m) => (
                  <a href={`/arbetsyta/admin/personal/${m.id}`} safe>
                    {m.name}
                  </a>
                ),
              },
              { header: say("unit.members.col.roles"), cell: (m) => <Roles ctx={ctx} roles={m.roles} /> },
              {
                header: say("unit.members.col.status"),
                cell: (m) =>
                  m.active ? (
                    m.roles.includes("manager") ? (
                      <Tag tone="blue">{escapeHtml(say("unit.members.manager"))}</Tag>
                    ) : (
                      "–"
                    )
                  ) : (
                    <Tag tone="red">{escapeHtml(say("unit.members.deactivated"))}</Tag>
                  ),
              },
            ]}
          />
        )}
        <p safe>{say("unit.members.where")}</p>
      </section>

      {unit.children.length > 0 ? (
        <section aria-labelledby="children-title">
          <h2 id="children-title" safe>
            {say("unit.children.title")}
          </h2>
          <ul class="plain-list">
            {unit.children.map((c) => (
              <li>
                <a href={`/arbetsyta/admin/enheter/${c.id}`} safe>
                  {c.name}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ""
      )}
      <p>
        <a href={`/arbetsyta/admin/enheter/ny?under=${unit.id}`} safe>
          {say("unit.newUnder")}
        </a>
      </p>

      <section aria-labelledby="edit-title">
        <h2 id="edit-title" safe>
          {say("unit.edit.title")}
        </h2>
        <Form ctx={ctx} action={base}>
          <UnitFields ctx={ctx} form={p.form} errors={p.errors} parents={p.parents} />
          <Button>{escapeHtml(say("unit.edit.submit"))}</Button>
        </Form>
      </section>

      <section aria-labelledby="delete-title">
        <h2 id="delete-title" safe>
          {say("unit.delete.title")}
        </h2>
        <p safe>{say("unit.delete.text")}</p>
        {deleteError ? (
          <p class="field__error" id="delete" safe>
            {deleteError}
          </p>
        ) : (
          ""
        )}
        <Form ctx={ctx} action={`${base}/ta-bort`}>
          <Button kind="secondary">{escapeHtml(say("unit.delete.submit"))}</Button>
        </Form>
      </section>
    </>
  );
}
