/** The public pages for requests for public documents: the form and the download page. */
import { escapeHtml } from "@kitajs/html";
import { sayer } from "../../../platform/i18n/messages.js";
import type { FieldError, PageContext } from "../../../views/context.js";
import {
  Banner,
  Button,
  CsrfField,
  ErrorSummary,
  SelectField,
  SpamGuard,
  TextAreaField,
  TextField,
} from "../../../views/components.js";
import { messages } from "../messages.js";

export interface PublicRequestForm {
  readonly requested: string;
  readonly delivery: string;
  readonly email: string;
  readonly name: string;
  readonly address: string;
}

export const EMPTY_PUBLIC_FORM: PublicRequestForm = {
  requested: "",
  delivery: "email",
  email: "",
  name: "",
  address: "",
};

export const DELIVERY_METHODS = ["email", "download", "post", "visit"] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const isDeliveryMethod = (v: string): v is DeliveryMethod => (DELIVERY_METHODS as readonly string[]).includes(v);

export function PublicRequestPage(p: {
  ctx: PageContext;
  form: PublicRequestForm;
  errors: readonly FieldError[];
  stamp: string;
}): JSX.Element {
  const { ctx, form } = p;
  const say = sayer(messages, ctx.lang);
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  const options = DELIVERY_METHODS.map((value) => ({ value, label: say(`public.delivery.${value}`) }));
  return (
    <>
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <h1 safe>{say("public.heading")}</h1>
      <p class="lead" safe>
        {say("public.lead")}
      </p>
      <Banner kind="info">
        <p>
          <strong safe>{say("public.anonymous")}</strong> <span safe>{say("public.address")}</span>
        </p>
      </Banner>
      <form method="post" action="/begar-handling" novalidate>
        <CsrfField ctx={ctx} />
        <SpamGuard stamp={p.stamp} />
        <TextAreaField
          name="requested"
          rows={6}
          value={form.requested}
          error={err("requested")}
          label={say("public.requested.label")}
          hint={say("public.requested.hint")}
        />
        <SelectField
          name="delivery"
          label={say("public.delivery.label")}
          selected={form.delivery}
          options={options}
          error={err("delivery")}
        />
        <TextField
          name="email"
          type="email"
          label={say("public.email.label")}
          value={form.email}
          error={err("email")}
          autocomplete="email"
        />
        <TextField name="name" label={say("public.name.label")} value={form.name} autocomplete="name" />
        <TextField
          name="address"
          label={say("public.postal.label")}
          value={form.address}
          error={err("address")}
          autocomplete="street-address"
        />
        <p class="hint" safe>
          {say("public.decisionHint")}
        </p>
        <p class="hint" safe>
          {say("public.feeHint")}
        </p>
        <Button>{escapeHtml(say("public.send"))}</Button>
      </form>
    </>
  );
}

export function DownloadPage(p: {
  ctx: PageContext;
  number: string;
  documents: readonly { id: string; title: string; pages: number | null }[];
  hasDecision: boolean;
  expiresAt: Date;
  token: string;
}): JSX.Element {
  const say = sayer(messages, p.ctx.lang);
  return (
    <>
      <h1 safe>{say("download.heading", { number: p.number })}</h1>
      <p safe>{say("download.expires", { when: p.expiresAt })}</p>
      <ul>
        {p.documents.map((d) => (
          <li>
            <a href={`/handling/${p.token}/${d.id}`} safe>
              {d.title}
            </a>
            {d.pages ? <span safe>{` ${say("download.pages", { pages: d.pages })}`}</span> : ""}
          </li>
        ))}
        {p.hasDecision ? (
          <li>
            <a href={`/handling/${p.token}/beslut`} safe>
              {say("download.decision")}
            </a>
          </li>
        ) : (
          ""
        )}
      </ul>
    </>
  );
}
