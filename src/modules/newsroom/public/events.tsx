/** Press events, their calendar files and answers to invitations. */
import type { ModuleContext } from "../../../app/module.js";
import { sendPage } from "../../../platform/http/page.js";
import { audit } from "../../../platform/audit/audit.js";
import { idFromSignedToken } from "../../../platform/auth/signed-links.js";
import { AppError } from "../../../platform/errors.js";
import { Uuid, type FastifyReply, type TypedApp, type TypedRequest } from "../../../platform/http/typed.js";
import { sayer } from "../../../platform/i18n/messages.js";
import type { NewsroomDeps } from "../commands.js";
import { invitationIcs } from "../ics.js";
import { messages } from "../messages.js";
import { EventPageParams, RsvpBody, TokenParams } from "../schema.js";
import { EventPage, RsvpPage } from "./views.js";
import { publicKit } from "./shared.js";

export function eventRoutes(app: TypedApp, ctx: ModuleContext, deps: NewsroomDeps): void {
  const { config, org, db, base, formLimit, LINK_ACTOR } = publicKit(ctx, deps);

  // ---- Events, calendar files and answers to invitations ---------------------------------------

  const eventById = async (id: string) => Uuid.safeParse(id).success ? db.selectFrom("press_events").selectAll().where("org_id", "=", org.id).where("id", "=", id).executeTakeFirst() : undefined;
  app.get("/press/evenemang/:id", { config: { access: "public" }, schema: { params: EventPageParams } }, async (request, reply) => {
    const raw = request.params.id;
    const ics = raw.endsWith(".ics");
    const e = await eventById(ics ? raw.slice(0, -4) : raw);
    if (!e) throw new AppError("KS_NOT_FOUND");
    if (ics) {
      const body = invitationIcs({ id: e.id, title: e.title, description: e.description, location: e.location, startsAt: new Date(e.starts_at), endsAt: new Date(e.ends_at) }, base);
      return reply.type("text/calendar; charset=utf-8").header("content-disposition", `attachment; filename="evenemang.ics"`).send(body);
    }
    return sendPage(request, reply, { title: e.title, side: "public" }, (page) => <EventPage ctx={page} e={e} />);
  });

  const invitation = async (token: string) => {
    const id = idFromSignedToken(config.sessionSecret, "press-rsvp", token);
    if (!id) return undefined;
    return db.selectFrom("event_invitations as i").innerJoin("press_events as e", "e.id", "i.event_id").innerJoin("media_contacts as c", "c.id", "i.contact_id")
      .select(["i.id", "i.response", "c.name", "e.title", "e.location", "e.starts_at"]).where("i.id", "=", id).executeTakeFirst();
  };
  const renderRsvp = async (request: TypedRequest, reply: FastifyReply, token: string, done: boolean) => {
    const i = await invitation(token);
    if (!i) throw new AppError("KS_NOT_FOUND");
    reply.header("cache-control", "no-store");
    return sendPage(request, reply, { title: i.title, side: "public" }, (page) => (
      <RsvpPage ctx={page} e={{ title: i.title, location: i.location, starts_at: new Date(i.starts_at) }} name={i.name} response={i.response} action={`/press/svar/${token}`} done={done} />
    ));
  };
  app.get("/press/svar/:token", { config: { access: "public" }, schema: { params: TokenParams } }, (request, reply) => renderRsvp(request, reply, request.params.token, false));
  app.post("/press/svar/:token", { config: { access: "public", rateLimit: formLimit }, schema: { params: TokenParams, body: RsvpBody } }, async (request, reply) => {
    const { token } = request.params;
    const i = await invitation(token);
    const response = request.body.response;
    if (!i) throw new AppError("KS_NOT_FOUND");
    if (response !== "yes" && response !== "no") throw new AppError("KS_VALIDATION", sayer(messages, request.lang)("rsvp.choose"));
    await db.transaction().execute(async (trx) => {
      await trx.updateTable("event_invitations").set({ response, responded_at: new Date() }).where("id", "=", i.id).execute();
      await audit(trx, LINK_ACTOR, { action: "press-event.answer", subjectType: "event_invitation", subjectId: i.id, details: { response } });
    });
    return renderRsvp(request, reply, token, true);
  });
}
