/**
 * "Logga samtal": staff register a phone call, a letter, a visit or a question at the reception
 * desk. It becomes a case like any other — kind, report of concern, secrecy, suggested unit,
 * answer clock and the measures — and, when the answer was given there and then, the answer is
 * recorded as given (never sent). The person may stay anonymous.
 */
import { escapeHtml } from "@kitajs/html";
import { DateTime } from "luxon";
import { z } from "zod";
import type { ModuleContext } from "../../../app/module.js";
import { LOGGED_CHANNELS, type LoggedChannel } from "../../../platform/db/schema.js";
import { sendPage } from "../../../platform/http/page.js";
import { staffViewer } from "../../../platform/http/actor.js";
import type { FastifyReply, TypedApp, TypedRequest } from "../../../platform/http/typed.js";
import { sayer } from "../../../platform/i18n/messages.js";
import { isEmailAddress } from "../../../platform/text.js";
import { ZONE } from "../../../platform/time/working-time.js";
import type { FieldError, PageContext } from "../../../views/context.js";
import {
  Banner,
  Button,
  CheckboxField,
  DateTimeField,
  ErrorSummary,
  Form,
  RadioGroup,
  TextAreaField,
  TextField,
} from "../../../views/components.js";
import { receiveQuestion, type ReplyDeps } from "../commands/receive.js";
import { channelName } from "../labels.js";
import { messages } from "../messages.js";
import { LogContactBody } from "../schema.js";

type Values = Partial<
  Record<"kanal" | "fraga" | "svar" | "namn" | "epost" | "telefon" | "tid" | "kvitto", string | undefined>
>;

const isLogged = (v: string): v is LoggedChannel => (LOGGED_CHANNELS as readonly string[]).includes(v);

export function logContactRoutes(app: TypedApp, ctx: ModuleContext, deps: ReplyDeps): void {
  const orgId = ctx.org.id;

  function render(
    request: TypedRequest,
    reply: FastifyReply,
    state: { values?: Values; errors?: FieldError[]; registered?: string | undefined; status?: number } = {},
  ) {
    const say = sayer(messages, request.lang);
    return sendPage(
      request,
      reply,
      {
        title: say("log.title"),
        side: "staff",
        hasErrors: (state.errors?.length ?? 0) > 0,
        status: state.status ?? 200,
      },
      (page) => (
        <LogContactPage
          ctx={page}
          values={state.values ?? {}}
          errors={state.errors ?? []}
          registered={state.registered}
        />
      ),
    );
  }

  app.get(
    "/arbetsyta/logga",
    { config: { access: "inbox.logContact" }, schema: { querystring: RegisteredQuery } },
    async (request, reply) => {
      const number = request.query.klart;
      return render(request, reply, { registered: number && /^[A-Z]+-\d{4}-\d{6}$/.test(number) ? number : undefined });
    },
  );

  app.post(
    "/arbetsyta/logga",
    { config: { access: "inbox.logContact" }, schema: { body: LogContactBody } },
    async (request, reply) => {
      const b = request.body;
      const say = sayer(messages, request.lang);
      const errors: FieldError[] = [];
      if (!isLogged(b.kanal)) errors.push({ field: "kanal", message: say("log.error.channel") });
      if (!b.fraga.trim()) errors.push({ field: "fraga", message: say("log.error.question") });
      if (b.epost.trim() && !isEmailAddress(b.epost.trim()))
        errors.push({ field: "epost", message: say("log.error.email") });
      let receivedAt = new Date();
      if (b.tid.trim()) {
        const t = DateTime.fromISO(b.tid.trim(), { zone: ZONE });
        if (!t.isValid) errors.push({ field: "tid", message: say("log.error.time") });
        else if (t.toMillis() > Date.now() + 60_000) errors.push({ field: "tid", message: say("log.error.future") });
        else if (t.toMillis() < Date.now() - 90 * 86_400_000)
          errors.push({ field: "tid", message: say("log.error.old") });
        else receivedAt = t.toJSDate();
      }
      if (errors.length > 0 || !isLogged(b.kanal)) return render(request, reply, { values: b, errors, status: 400 });
      const { actor } = staffViewer(request, orgId);
      const answered = b.svar.trim();
      const receipt = b.kvitto === "ja" && b.epost.trim() !== "";
      const result = await receiveQuestion(deps, actor, {
        orgId,
        channel: b.kanal,
        body: b.fraga.trim(),
        requester: {
          name: b.namn.trim() || undefined,
          email: b.epost.trim() || undefined,
          phone: b.telefon.trim() || undefined,
        },
        receivedAt,
        loggedBy: actor.userId,
        // Stored with the case in one transaction; on a report of concern it is a note for the intake.
        givenAnswer: answered || undefined,
        // A receipt only when the person asked for one: an address typed by staff may be wrong.
        acknowledge: receipt,
      });
      if (!result.ok) return render(request, reply, { values: b, errors: [], status: 409 });
      return reply.redirect(`/arbetsyta/logga?klart=${encodeURIComponent(result.number)}`, 303);
    },
  );
}

const RegisteredQuery = z.object({ klart: z.string().max(40).optional() });

function LogContactPage(p: {
  ctx: PageContext;
  values: Values;
  errors: readonly FieldError[];
  registered: string | undefined;
}): JSX.Element {
  const { ctx, values } = p;
  const say = sayer(messages, ctx.lang);
  const err = (f: string) => p.errors.find((e) => e.field === f)?.message;
  return (
    <>
      {p.registered ? (
        <Banner kind="success">
          <p safe>{say("log.done", { number: p.registered })}</p>
        </Banner>
      ) : (
        ""
      )}
      <ErrorSummary ctx={ctx} errors={p.errors} />
      <h1 safe>{say("log.title")}</h1>
      <p class="lead" safe>
        {say("log.lead")}
      </p>
      <Form ctx={ctx} action="/arbetsyta/logga">
        <RadioGroup
          name="kanal"
          legend={say("log.channel")}
          checked={values.kanal ?? "phone"}
          error={err("kanal")}
          options={LOGGED_CHANNELS.map((c) => ({ value: c, label: channelName(c, ctx.lang) }))}
        />
        <TextAreaField
          id="fraga"
          name="fraga"
          label={say("log.question")}
          hint={say("log.question.hint")}
          value={values.fraga ?? ""}
          error={err("fraga")}
          rows={6}
        />
        <TextAreaField
          id="svar"
          name="svar"
          label={say("log.answer")}
          hint={say("log.answer.hint")}
          value={values.svar ?? ""}
          error={err("svar")}
          rows={4}
        />
        <fieldset class="fieldset">
          <legend safe>{say("log.person")}</legend>
          <p class="field__hint" safe>
            {say("log.person.hint")}
          </p>
          <TextField id="namn" name="namn" label={say("log.name")} value={values.namn} error={err("namn")} />
          <TextField
            id="epost"
            name="epost"
            label={say("log.email")}
            value={values.epost}
            error={err("epost")}
            type="email"
            autocomplete="off"
          />
          <TextField
            id="telefon"
            name="telefon"
            label={say("log.phone")}
            value={values.telefon}
            error={err("telefon")}
            type="tel"
            autocomplete="off"
          />
          <CheckboxField
            name="kvitto"
            value="ja"
            label={say("log.receipt")}
            hint={say("log.receipt.hint")}
            checked={values.kvitto === "ja"}
          />
        </fieldset>
        <DateTimeField
          name="tid"
          label={say("log.time")}
          hint={say("log.time.hint")}
          value={values.tid}
          error={err("tid")}
        />
        <Button kind="primary">{escapeHtml(say("log.button"))}</Button>
      </Form>
    </>
  );
}
