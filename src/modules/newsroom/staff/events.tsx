/** Staff routes for press events and invitations. */
import type { ModuleContext } from "../../../app/module.js";
import { AppError } from "../../../platform/errors.js";
import { sendPage } from "../../../platform/http/page.js";
import { IdParams, type FastifyReply, type TypedApp, type TypedRequest } from "../../../platform/http/typed.js";
import { invalid } from "../../../platform/result.js";
import type { FieldError } from "../../../views/context.js";
import type { NewsroomDeps } from "../commands.js";
import { createEvent, inviteList } from "../media.js";
import { eventDetail, events, lists, staffReleases } from "../queries.js";
import { EventBody, EventQuery, InviteBody } from "../schema.js";
import { EventDetailPage, EventsPage } from "./views.js";
import { formValues, isUuid, refuse, staffKit } from "./shared.js";

export function eventRoutes(app: TypedApp, ctx: ModuleContext, deps: NewsroomDeps): void {
  const { org, db, actorOf, sayFor, W } = staffKit(ctx, deps);

  // ---- Events and invitations ---------------------------------------------------------------

  const renderEvents = async (
    request: TypedRequest,
    reply: FastifyReply,
    errors: readonly FieldError[],
    values: Record<string, string>,
    status = 200,
  ) => {
    const [e, releases] = await Promise.all([events(db, org.id), staffReleases(db, org.id, "all", 1)]);
    return sendPage(
      request,
      reply,
      { title: sayFor(request)("events.pageTitle"), side: "staff", status, hasErrors: errors.length > 0 },
      (p) => (
        <EventsPage
          ctx={p}
          events={e}
          releases={releases.rows.map((r) => ({ value: r.id, label: r.title }))}
          errors={errors}
          values={values}
        />
      ),
    );
  };
  app.get("/arbetsyta/press/evenemang", { config: W }, (request, reply) => renderEvents(request, reply, [], {}));
  app.post("/arbetsyta/press/evenemang", { config: W, schema: { body: EventBody } }, async (request, reply) => {
    const b = request.body;
    const r = await createEvent(
      deps,
      actorOf(request),
      org.id,
      {
        title: b.eventTitle,
        description: b.description,
        location: b.location,
        date: b.date,
        start: b.start,
        end: b.end,
        releaseId: isUuid(b.releaseId) ? b.releaseId : null,
      },
      sayFor(request),
    );
    if (!r.ok)
      return r.kind === "invalid" ? renderEvents(request, reply, r.errors, formValues(b), 400) : refuse(r.kind);
    return reply.redirect(`/arbetsyta/press/evenemang/${r.value.id}`, 303);
  });
  const renderEvent = async (
    request: TypedRequest,
    reply: FastifyReply,
    id: string,
    invited: number | undefined,
    errors: readonly FieldError[],
    status = 200,
  ) => {
    const d = await eventDetail(db, org.id, id);
    if (!d) throw new AppError("KS_NOT_FOUND");
    const l = await lists(db, org.id);
    return sendPage(
      request,
      reply,
      { title: d.event.title, side: "staff", status, hasErrors: errors.length > 0 },
      (p) => (
        <EventDetailPage
          ctx={p}
          e={d.event}
          invitations={d.invitations}
          lists={l.map((x) => ({ value: x.id, label: x.name, members: x.members }))}
          errors={errors}
          invited={invited}
        />
      ),
    );
  };
  app.get(
    "/arbetsyta/press/evenemang/:id",
    { config: W, schema: { params: IdParams, querystring: EventQuery } },
    (request, reply) =>
      renderEvent(
        request,
        reply,
        request.params.id,
        request.query.klart === "inbjudna" ? (request.query.antal ?? 0) : undefined,
        [],
      ),
  );
  app.post(
    "/arbetsyta/press/evenemang/:id/bjud-in",
    { config: W, schema: { params: IdParams, body: InviteBody } },
    async (request, reply) => {
      const { id } = request.params;
      const { listId } = request.body;
      const say = sayFor(request);
      const r = isUuid(listId)
        ? await inviteList(deps, actorOf(request), org.id, id, listId, say)
        : invalid("listId", say("error.chooseList"));
      if (!r.ok)
        return r.kind === "invalid" ? renderEvent(request, reply, id, undefined, r.errors, 400) : refuse(r.kind);
      return reply.redirect(`/arbetsyta/press/evenemang/${id}?klart=inbjudna&antal=${r.value.invited}`, 303);
    },
  );
}
