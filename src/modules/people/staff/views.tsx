import { escapeHtml } from "@kitajs/html";
/** Workspace pages for people and units (admins): the staff list, a person, an invitation, the unit tree, a unit. */
import type { ActiveSession } from "../../../platform/auth/sessions.js";
import { ROLES, type AuditEntry, type Role } from "../../../platform/db/schema.js";
import { formatDateTime } from "../../../platform/i18n/i18n.js";
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
import type { StaffFilter } from "../schema.js";

const ROLE_HINTS: Record<Role, string> = {
  admin: "Sköter konton, enheter och inställningar.",
  communicator: "Ser alla frågor och arbetar med webb, press och sociala medier.",
  unit_staff: "Arbetar med frågor och ärenden i sina enheter.",
  manager: "Chef för sina enheter. Får e-post när ett ärende i enheten blir försenat.",
  employee: "Kan logga in, skicka förslag och se sitt konto.",
  registrar: "Fördelar ärenden som ingen enhet har fått. Får inte läsa sekretessmarkerade ärenden för det.",
};

const STATUS: Record<AccountStatus, { text: string; tone: "green" | "yellow" | "red" }> = {
  active: { text: "Aktiv", tone: "green" },
  invited: { text: "Inbjuden", tone: "yellow" },
  deactivated: { text: "Avstängd", tone: "red" },
};

const FILTERS: readonly { value: StaffFilter; label: string }[] = [
  { value: "aktiva", label: "Aktiva och inbjudna" },
  { value: "inbjudna", label: "Inbjudna som inte har loggat in" },
  { value: "avstangda", label: "Avstängda" },
  { value: "alla", label: "Alla" },
];

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

function StatusTag({ status }: { status: AccountStatus }): JSX.Element {
  return <Tag tone={STATUS[status].tone}>{escapeHtml(STATUS[status].text)}</Tag>;
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
      <h1>Personal</h1>
      <p class="lead">Här lägger du till personer, ger dem roller och enheter och stänger av konton.</p>
      <p>
        <a class="button" href="/arbetsyta/admin/personal/ny">
          Bjud in en person
        </a>
      </p>
      <form
        method="get"
        action="/arbetsyta/admin/personal"
        class="filters"
        role="search"
        aria-label="Sök bland personalen"
      >
        <fieldset class="filters__set">
          <legend>Sök och filtrera</legend>
          <TextField name="q" type="search" label="Namn eller e-postadress" value={p.q} width="half" />
          <SelectField name="visa" label="Visa" options={FILTERS} selected={p.filter} />
          <Button kind="secondary">Sök</Button>
        </fieldset>
      </form>
      {p.rows.length === 0 ? (
        <p>Ingen person matchar sökningen.</p>
      ) : (
        <Table<StaffRow>
          caption={`Personal: ${p.total} ${p.total === 1 ? "person" : "personer"}`}
          rows={p.rows}
          columns={[
            {
              header: "Namn",
              cell: (r) => (
                <a href={`/arbetsyta/admin/personal/${r.id}`} safe>
                  {r.name}
                </a>
              ),
            },
            { header: "E-postadress", cell: (r) => <span safe>{r.email}</span> },
            { header: "Roller", cell: (r) => <Roles ctx={ctx} roles={r.roles} /> },
            { header: "Enheter", cell: (r) => <span safe>{r.units.join(", ") || "–"}</span> },
            { header: "Läge", cell: (r) => <StatusTag status={r.status} /> },
            { header: "Senast inloggad", cell: (r) => <When ctx={ctx} date={r.lastLoginAt} /> },
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

function unitOptions(units: readonly UnitNode[]) {
  return units.map((u) => ({
    value: u.id,
    label: u.name,
    indent: u.depth,
    ...(u.intake ? { hint: "Tar emot orosanmälningar" } : {}),
  }));
}

function AccountFields(p: {
  ctx: PageContext;
  form: AccountForm;
  errors: readonly FieldError[];
  units: readonly UnitNode[];
  secrecyWas?: boolean;
}): JSX.Element {
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  return (
    <>
      <CheckboxGroup
        name="roles"
        legend="Roller"
        hint="Alla roller får också göra det en medarbetare får göra. Ändringar gäller från personens nästa klick."
        options={ROLES.map((r) => ({ value: r, label: roleName(p.ctx, r), hint: ROLE_HINTS[r] }))}
        checked={p.form.roles}
        error={err("roles")}
      />
      {p.units.length > 0 ? (
        <CheckboxGroup
          name="units"
          legend="Enheter"
          hint="Personen ser och arbetar med ärenden i sina enheter. En chef är chef för de enheter hen hör till."
          options={unitOptions(p.units)}
          checked={p.form.units}
          error={err("units")}
        />
      ) : (
        <p>Det finns inga enheter ännu. Skapa dem under Enheter.</p>
      )}
      <CheckboxField
        name="secrecy"
        label="Får öppna sekretessmarkerade ärenden i alla enheter"
        hint="Bara för den som behöver det i sitt arbete, till exempel förvaltningens jurist. Varje öppning skrivs i händelseloggen."
        checked={p.form.secrecy}
        error={err("secrecy")}
      />
      <TextAreaField
        name="reason"
        label={
          p.secrecyWas === undefined
            ? "Varför ska personen ha sekretessbehörighet?"
            : "Varför ändras sekretessbehörigheten?"
        }
        hint="Skriv bara något här när du ger eller tar bort behörigheten. Skälet sparas i händelseloggen."
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
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  return (
    <div class="narrow-wide">
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <p class="breadcrumbs">
        <a href="/arbetsyta/admin/personal">Personal</a>
      </p>
      <h1>Bjud in en person</h1>
      <p class="lead">
        Personen får ett e-postmeddelande med en länk. Där väljer hen sitt lösenord och loggar in. Länken gäller i tre
        dygn och fungerar en gång.
      </p>
      <Form ctx={ctx} action="/arbetsyta/admin/personal/ny">
        <TextField name="name" label="Namn" value={p.form.name} error={err("name")} autocomplete="off" />
        <TextField
          name="email"
          type="email"
          label="E-postadress"
          hint="Personen loggar in med den här adressen."
          value={p.form.email}
          error={err("email")}
          autocomplete="off"
        />
        <AccountFields ctx={ctx} form={p.form} errors={p.errors} units={p.units} />
        <Button>Skicka inbjudan</Button>
      </Form>
    </div>
  );
}

// ---- A person --------------------------------------------------------------------------------

const DONE: Record<string, string> = {
  inbjuden: "Inbjudan är skickad. Personen får ett e-postmeddelande med en länk.",
  sparat: "Ändringarna är sparade. De gäller från personens nästa klick.",
  avstangd: "Kontot är avstängt. Personen loggades ut direkt och kan inte logga in igen.",
  aktiverad: "Kontot är aktiverat igen.",
  inbjudan: "En ny inbjudan är skickad. Äldre länkar fungerar inte längre.",
  session: "Inloggningen är avslutad.",
};

const ACTIONS: Record<string, string> = {
  "auth.login": "Loggade in",
  "auth.login.failed": "Skrev fel lösenord",
  "auth.login.refused": "Fick inte logga in, kontot var låst",
  "auth.locked": "Kontot låstes efter för många fel",
  "auth.logout": "Loggade ut",
  "auth.password.change": "Bytte lösenord",
  "auth.password.reset.request": "Bad om en länk för att byta lösenord",
  "auth.password.reset": "Valde ett nytt lösenord med en länk",
  "auth.oidc.link": "Kopplade kontot till kommunens konto",
  "auth.session.end": "En administratör avslutade en inloggning",
  "auth.account-link.undelivered": "E-post med en länk kom inte fram",
  "user.create": "Kontot skapades",
  "user.invite": "Bjöds in",
  "user.invitation.resend": "Fick en ny inbjudan",
  "user.invitation.renew": "Bad om en ny inbjudan",
  "user.invitation.accept": "Valde lösenord med inbjudan",
  "user.update": "Namn, roller eller enheter ändrades",
  "user.secrecy_right.grant": "Fick sekretessbehörighet",
  "user.secrecy_right.revoke": "Sekretessbehörigheten togs bort",
  "user.deactivate": "Kontot stängdes av",
  "user.reactivate": "Kontot aktiverades igen",
};

const RESET_OUTCOME: Record<string, string> = {
  sent: "länk skickad",
  inactive: "kontot är avstängt, inget skickat",
  limited: "för många på en timme, inget skickat",
  sso_only: "loggar in med kommunens konto, inget skickat",
};

/** A history line's detail in plain words: the way in, the outcome, the reason. */
function detailOf(e: AuditEntry): string {
  const d = (e.details ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  if (e.action === "auth.login")
    parts.push(
      d["method"] === "oidc"
        ? "med kommunens konto"
        : d["via"] === "invitation"
          ? "med inbjudan"
          : d["via"] === "password_reset"
            ? "med länk för nytt lösenord"
            : "med lösenord",
    );
  if (e.action === "auth.password.reset.request" && typeof d["outcome"] === "string")
    parts.push(RESET_OUTCOME[d["outcome"]] ?? d["outcome"]);
  if (typeof d["sessionsEnded"] === "number" && d["sessionsEnded"] > 0)
    parts.push(`${d["sessionsEnded"]} inloggningar avslutades`);
  if (typeof d["reason"] === "string" && d["reason"]) parts.push(`Skäl: ${d["reason"]}`);
  return parts.join(". ") || "–";
}

function browserOf(userAgent: string | null): string {
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
  return [name, system].filter(Boolean).join(" på ") || userAgent.slice(0, 80);
}

export interface PersonPageState {
  readonly form: AccountForm;
  readonly errors: readonly FieldError[];
  readonly done?: string | undefined;
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
  const u = person.user;
  const base = `/arbetsyta/admin/personal/${u.id}`;
  const err = (f: string) => state.errors.find((e) => e.field === f)?.message;
  const way =
    u.oidc_subject && u.password_hash
      ? "Lösenord eller kommunens konto"
      : u.oidc_subject
        ? "Kommunens konto"
        : u.password_hash
          ? "Lösenord"
          : "Har inte valt lösenord ännu";
  return (
    <>
      <ErrorSummary ctx={ctx} errors={state.errors} />
      <p class="breadcrumbs">
        <a href="/arbetsyta/admin/personal">Personal</a>
      </p>
      {state.done && DONE[state.done] ? (
        <Banner kind="success">
          <p safe>{DONE[state.done]}</p>
        </Banner>
      ) : (
        ""
      )}
      <h1 safe>{u.name}</h1>
      <dl class="summary-list">
        <div class="summary-list__row">
          <dt>E-postadress</dt>
          <dd safe>{u.email}</dd>
        </div>
        <div class="summary-list__row">
          <dt>Läge</dt>
          <dd>
            <StatusTag status={person.status} />
            {u.deactivated_at ? (
              <>
                {" "}
                <span>sedan</span> <When ctx={ctx} date={new Date(u.deactivated_at)} />
              </>
            ) : (
              ""
            )}
          </dd>
        </div>
        <div class="summary-list__row">
          <dt>Loggar in med</dt>
          <dd>{way}</dd>
        </div>
        <div class="summary-list__row">
          <dt>Senast inloggad</dt>
          <dd>
            <When ctx={ctx} date={u.last_login_at ? new Date(u.last_login_at) : null} />
          </dd>
        </div>
        <div class="summary-list__row">
          <dt>Roller</dt>
          <dd>
            <Roles ctx={ctx} roles={u.roles} />
          </dd>
        </div>
        <div class="summary-list__row">
          <dt>Sekretessbehörighet</dt>
          <dd>{u.secrecy_right ? "Ja, i alla enheter" : "Nej"}</dd>
        </div>
      </dl>

      {person.status === "invited" ? (
        <section aria-labelledby="invitation-title">
          <h2 id="invitation-title">Inbjudan</h2>
          {person.invitation ? (
            person.invitation.open ? (
              <p>
                Skickad <When ctx={ctx} date={person.invitation.sentAt} />. Länken gäller till{" "}
                <When ctx={ctx} date={person.invitation.expiresAt} />.
              </p>
            ) : (
              <p>Länken i den senaste inbjudan fungerar inte längre. Skicka en ny.</p>
            )
          ) : (
            <p>Personen har inte fått någon inbjudan.</p>
          )}
          {err("invitation") ? (
            <p class="field__error" id="invitation" safe>
              {err("invitation")}
            </p>
          ) : (
            ""
          )}
          <Form ctx={ctx} action={`${base}/inbjudan`}>
            <Button kind="secondary">Skicka en ny inbjudan</Button>
          </Form>
        </section>
      ) : (
        ""
      )}

      <section aria-labelledby="edit-title">
        <h2 id="edit-title">Namn, roller och enheter</h2>
        <Form ctx={ctx} action={base}>
          <TextField name="name" label="Namn" value={state.form.name} error={err("name")} autocomplete="off" />
          <AccountFields
            ctx={ctx}
            form={state.form}
            errors={state.errors}
            units={p.units}
            secrecyWas={u.secrecy_right}
          />
          <Button>Spara ändringarna</Button>
        </Form>
      </section>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">Inloggad just nu</h2>
        {p.sessions.length === 0 ? (
          <p>Personen är inte inloggad någonstans.</p>
        ) : (
          <Table<ActiveSession>
            caption="Inloggningar som pågår"
            captionHidden
            rows={p.sessions}
            columns={[
              { header: "Loggade in", cell: (s) => <When ctx={ctx} date={s.createdAt} /> },
              { header: "Senast aktiv", cell: (s) => <When ctx={ctx} date={s.lastSeenAt} /> },
              { header: "Med", cell: (s) => (s.authMethod === "oidc" ? "Kommunens konto" : "Lösenord") },
              { header: "Från adress", cell: (s) => <span safe>{s.ip ?? "–"}</span> },
              {
                header: "Webbläsare",
                cell: (s) => (
                  <span class="user-agent" title={s.userAgent ?? undefined} safe>
                    {browserOf(s.userAgent)}
                  </span>
                ),
              },
              {
                header: "Avsluta",
                cell: (s) => (
                  <Form ctx={ctx} action={`${base}/sessioner/${s.id}/avsluta`}>
                    <Button kind="secondary">Avsluta inloggningen</Button>
                  </Form>
                ),
              },
            ]}
          />
        )}
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">Inloggningar och ändringar</h2>
        {p.history.length === 0 ? (
          <p>Inget har hänt med kontot ännu.</p>
        ) : (
          <Table<AuditEntry>
            caption={`Historik: ${p.historyTotal} händelser`}
            captionHidden
            rows={p.history}
            columns={[
              { header: "När", cell: (e) => <When ctx={ctx} date={new Date(e.occurred_at)} /> },
              { header: "Vad", cell: (e) => <span safe>{ACTIONS[e.action] ?? e.action}</span> },
              { header: "Mer", cell: (e) => <span safe>{detailOf(e)}</span> },
              { header: "Vem", cell: (e) => <span safe>{e.actor_label}</span> },
              { header: "Från adress", cell: (e) => <span safe>{e.ip ?? "–"}</span> },
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
          <h2 id="deactivate-title">Stäng av kontot</h2>
          {p.self ? (
            <p>Du kan inte stänga av ditt eget konto. Be en annan administratör.</p>
          ) : (
            <>
              <p>
                Personen loggas ut direkt och kan inte logga in igen, varken med lösenord eller med kommunens konto.
                Roller och enheter finns kvar om kontot aktiveras igen.
              </p>
              <Form ctx={ctx} action={`${base}/avaktivera`}>
                <TextAreaField
                  name="reason"
                  id="deactivate-reason"
                  label="Varför stängs kontot av?"
                  hint="Till exempel: Har slutat sin anställning. Skälet sparas i händelseloggen."
                  value={state.deactivateReason ?? ""}
                  error={err("deactivate-reason")}
                />
                <Button>Stäng av kontot</Button>
              </Form>
            </>
          )}
        </section>
      ) : (
        <section aria-labelledby="reactivate-title">
          <h2 id="reactivate-title">Aktivera kontot igen</h2>
          <p>Personen kan logga in igen med samma roller och enheter som förut.</p>
          <Form ctx={ctx} action={`${base}/aktivera`}>
            <TextAreaField
              name="reason"
              id="reactivate-reason"
              label="Varför aktiveras kontot? (frivilligt)"
              value={state.reactivateReason ?? ""}
              error={err("reactivate-reason")}
            />
            <Button>Aktivera kontot</Button>
          </Form>
        </section>
      )}
    </>
  );
}

// ---- Units -----------------------------------------------------------------------------------

const UNIT_DONE: Record<string, string> = {
  skapad: "Enheten är skapad.",
  sparad: "Ändringarna är sparade.",
  borttagen: "Enheten är borttagen.",
};

function TreeLevel({ nodes }: { nodes: readonly UnitNode[] }): JSX.Element {
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
              <Tag tone="yellow">Tar emot orosanmälningar</Tag>
            </>
          ) : (
            ""
          )}
          <span class="unit-tree__facts" safe>
            {`${n.members} medarbetare. ${n.managers.length > 0 ? `Chef: ${n.managers.join(", ")}` : "Ingen chef"}.`}
          </span>
          {n.children.length > 0 ? (
            <ul>
              <TreeLevel nodes={n.children} />
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
  done?: string | undefined;
}): JSX.Element {
  return (
    <>
      {p.done && UNIT_DONE[p.done] ? (
        <Banner kind="success">
          <p safe>{UNIT_DONE[p.done]}</p>
        </Banner>
      ) : (
        ""
      )}
      <h1>Enheter</h1>
      <p class="lead">
        Enheterna bildar ett träd. Chefen för en enhet är en medarbetare i enheten som har rollen Chef. Chefen får
        e-post när ett ärende i enheten blir försenat.
      </p>
      <p>
        <a class="button" href="/arbetsyta/admin/enheter/ny">
          Ny enhet
        </a>
      </p>
      {p.tree.length === 0 ? (
        <p>Det finns inga enheter ännu.</p>
      ) : (
        <ul class="unit-tree">
          <TreeLevel nodes={p.tree} />
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

function UnitFields(p: { form: UnitForm; errors: readonly FieldError[]; parents: readonly UnitNode[] }): JSX.Element {
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  return (
    <>
      <TextField name="name" label="Namn" value={p.form.name} error={err("name")} autocomplete="off" />
      <TextAreaField
        name="description"
        label="Beskrivning"
        hint="Vad enheten gör, i en eller två meningar."
        value={p.form.description}
        error={err("description")}
      />
      <SelectField
        name="parent"
        label="Ligger under"
        options={[
          { value: "", label: "Ingen, enheten ligger högst upp" },
          ...p.parents.map((u) => ({ value: u.id, label: `${"– ".repeat(u.depth)}${u.name}` })),
        ]}
        selected={p.form.parent}
        error={err("parent")}
      />
      <CheckboxField
        name="intake"
        label="Tar emot orosanmälningar om barn (mottagningen)"
        hint="Nya orosanmälningar går hit. Finns flera sådana enheter går de till den som skapades först."
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
  return (
    <div class="narrow-wide">
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <p class="breadcrumbs">
        <a href="/arbetsyta/admin/enheter">Enheter</a>
      </p>
      <h1>Ny enhet</h1>
      <Form ctx={p.ctx} action="/arbetsyta/admin/enheter/ny">
        <UnitFields form={p.form} errors={p.errors} parents={p.parents} />
        <Button>Skapa enheten</Button>
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
  done?: string | undefined;
}): JSX.Element {
  const { ctx, unit } = p;
  const base = `/arbetsyta/admin/enheter/${unit.id}`;
  const deleteError = p.errors.find((e) => e.field === "delete")?.message;
  return (
    <>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <p class="breadcrumbs">
        <a href="/arbetsyta/admin/enheter">Enheter</a>
      </p>
      {p.done && UNIT_DONE[p.done] ? (
        <Banner kind="success">
          <p safe>{UNIT_DONE[p.done]}</p>
        </Banner>
      ) : (
        ""
      )}
      <h1 safe>{unit.name}</h1>
      {unit.intake ? (
        <p>
          <Tag tone="yellow">Tar emot orosanmälningar</Tag>
        </p>
      ) : (
        ""
      )}

      <section aria-labelledby="members-title">
        <h2 id="members-title">Medarbetare</h2>
        {unit.managers.length > 0 ? (
          <p safe>{`Chef: ${unit.managers.join(", ")}.`}</p>
        ) : (
          <p>Enheten har ingen chef. Ge en medarbetare i enheten rollen Chef på personens sida.</p>
        )}
        {p.members.length === 0 ? (
          <p>Ingen hör till enheten. Lägg till enheten på en persons sida under Personal.</p>
        ) : (
          <Table<UnitMember>
            caption={`Medarbetare i ${unit.name}`}
            captionHidden
            rows={p.members}
            columns={[
              {
                header: "Namn",
                cell: (m) => (
                  <a href={`/arbetsyta/admin/personal/${m.id}`} safe>
                    {m.name}
                  </a>
                ),
              },
              { header: "Roller", cell: (m) => <Roles ctx={ctx} roles={m.roles} /> },
              {
                header: "Läge",
                cell: (m) =>
                  m.active ? (
                    m.roles.includes("manager") ? (
                      <Tag tone="blue">Chef</Tag>
                    ) : (
                      "–"
                    )
                  ) : (
                    <Tag tone="red">Avstängd</Tag>
                  ),
              },
            ]}
          />
        )}
        <p>Roller och enheter ändrar du på varje persons sida.</p>
      </section>

      {unit.children.length > 0 ? (
        <section aria-labelledby="children-title">
          <h2 id="children-title">Underenheter</h2>
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
        <a href={`/arbetsyta/admin/enheter/ny?under=${unit.id}`}>Ny enhet under den här</a>
      </p>

      <section aria-labelledby="edit-title">
        <h2 id="edit-title">Ändra enheten</h2>
        <Form ctx={ctx} action={base}>
          <UnitFields form={p.form} errors={p.errors} parents={p.parents} />
          <Button>Spara ändringarna</Button>
        </Form>
      </section>

      <section aria-labelledby="delete-title">
        <h2 id="delete-title">Ta bort enheten</h2>
        <p>Bara en tom enhet kan tas bort: utan medarbetare, underenheter, ärenden eller annat som hör till den.</p>
        {deleteError ? (
          <p class="field__error" id="delete" safe>
            {deleteError}
          </p>
        ) : (
          ""
        )}
        <Form ctx={ctx} action={`${base}/ta-bort`}>
          <Button kind="secondary">Ta bort enheten</Button>
        </Form>
      </section>
    </>
  );
}
