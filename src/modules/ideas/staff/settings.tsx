/** Settings for ideas: states, innovation groups and their members, categories. */
import type { ModuleContext } from "../../../app/module.js";
import { Uuid, type FastifyReply, type TypedApp, type TypedRequest } from "../../../platform/http/typed.js";
import { sayer } from "../../../platform/i18n/messages.js";
import { sendPage } from "../../../platform/http/page.js";
import { audit } from "../../../platform/audit/audit.js";
import { slugify } from "../../../platform/text.js";
import type { FieldError } from "../../../views/context.js";
import { userActor } from "../../../platform/http/actor.js";
import type { IdeaDeps } from "../commands.js";
import { messages } from "../messages.js";
import { categories, groups, states } from "../queries.js";
import { CategoryBody, DoneQuery, GroupBody, MemberBody, StateBody } from "../schema.js";
import { SettingsPage } from "./views.js";
import type { StaffHelpers } from "./shared.js";

/** "Saved" after a redirect (`?klart=1`), also when a posted form comes back with its errors. */
const doneOf = (query: unknown): string | undefined => DoneQuery.safeParse(query).data?.klart;

export function ideaSettingsRoutes(app: TypedApp, ctx: ModuleContext, deps: IdeaDeps, h: StaffHelpers): void {
  const { org } = ctx;
  const db = deps.db;
  const { ownerOptions } = h;
  // ---- Settings: states, innovation groups, categories ----------------------------------------

  const renderSettings = async (
    request: TypedRequest,
    reply: FastifyReply,
    errors: readonly FieldError[],
    status = 200,
  ) => {
    const [s, c, g, owners, staff] = await Promise.all([
      states(db, org.id, false),
      categories(db, org.id),
      groups(db, org.id),
      ownerOptions(request),
      db
        .selectFrom("staff_users")
        .select(["id", "name", "email"])
        .where("org_id", "=", org.id)
        .where("active", "=", true)
        .orderBy("name")
        .execute(),
    ]);
    return sendPage(
      request,
      reply,
      { title: sayer(messages, request.lang)("settings.title"), side: "staff", hasErrors: errors.length > 0, status },
      (page) => (
        <SettingsPage
          ctx={page}
          errors={errors}
          done={doneOf(request.query)}
          data={{
            states: s,
            categories: c,
            groups: g,
            owners,
            staff: staff.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
          }}
        />
      ),
    );
  };
  app.get(
    "/arbetsyta/admin/forslag",
    { config: { access: "ideas.configure" }, schema: { querystring: DoneQuery } },
    (request, reply) => renderSettings(request, reply, []),
  );

  app.post(
    "/arbetsyta/admin/forslag/lage",
    { config: { access: "ideas.configure" }, schema: { body: StateBody } },
    async (request, reply) => {
      const say = sayer(messages, request.lang);
      const b = request.body;
      const nameSv = b.nameSv.trim();
      const nameEn = b.nameEn.trim() || nameSv;
      const position = b.position.trim();
      const errors: FieldError[] = [];
      if (!nameSv || nameSv.length > 80) errors.push({ field: "nameSv", message: say("error.name", { max: 80 }) });
      if (position && !/^\d{1,4}$/.test(position)) errors.push({ field: "position", message: say("error.position") });
      if (errors.length > 0) return renderSettings(request, reply, errors, 400);
      const flags = {
        is_public: b.isPublic === "1",
        notifies: b.notifies === "1",
        is_closed: b.isClosed === "1",
        is_initial: b.isInitial === "1",
        is_implemented: b.isImplemented === "1",
        shows_progress: b.showsProgress === "1",
        active: b.active === "1",
      };
      const stateId = b.stateId;
      await db.transaction().execute(async (trx) => {
        if (flags.is_initial)
          await trx.updateTable("idea_states").set({ is_initial: false }).where("org_id", "=", org.id).execute();
        if (stateId && Uuid.safeParse(stateId).success) {
          await trx
            .updateTable("idea_states")
            .set({ name_sv: nameSv, name_en: nameEn, ...flags, ...(position ? { position: Number(position) } : {}) })
            .where("org_id", "=", org.id)
            .where("id", "=", stateId)
            .execute();
        } else {
          let slug = slugify(nameSv, 60) || "lage";
          if (
            await trx
              .selectFrom("idea_states")
              .select("id")
              .where("org_id", "=", org.id)
              .where("slug", "=", slug)
              .executeTakeFirst()
          )
            slug = `${slug}-${Date.now().toString(36)}`;
          await trx
            .insertInto("idea_states")
            .values({
              org_id: org.id,
              slug,
              name_sv: nameSv,
              name_en: nameEn,
              ...flags,
              position: position ? Number(position) : 100,
            })
            .execute();
        }
        await audit(trx, userActor(request, org.id), {
          action: "idea.settings.state",
          subjectType: "idea_state",
          subjectId: stateId || undefined,
          details: { name: nameSv, ...flags },
        });
      });
      return reply.redirect("/arbetsyta/admin/forslag?klart=1", 303);
    },
  );

  app.post(
    "/arbetsyta/admin/forslag/grupp",
    { config: { access: "ideas.configure" }, schema: { body: GroupBody } },
    async (request, reply) => {
      const say = sayer(messages, request.lang);
      const name = request.body.groupName.trim();
      const theme = request.body.groupTheme.trim();
      const errors: FieldError[] = [];
      if (!name || name.length > 120) errors.push({ field: "groupName", message: say("error.name", { max: 120 }) });
      if (theme.length > 300) errors.push({ field: "groupTheme", message: say("error.theme") });
      if (errors.length > 0) return renderSettings(request, reply, errors, 400);
      await db.transaction().execute(async (trx) => {
        let slug = slugify(name, 60) || "x";
        if (
          await trx
            .selectFrom("idea_groups")
            .select("id")
            .where("org_id", "=", org.id)
            .where("slug", "=", slug)
            .executeTakeFirst()
        )
          slug = `${slug}-${Date.now().toString(36)}`;
        const g = await trx
          .insertInto("idea_groups")
          .values({ org_id: org.id, slug, name, theme })
          .returning("id")
          .executeTakeFirstOrThrow();
        await audit(trx, userActor(request, org.id), {
          action: "idea.settings.group",
          subjectType: "idea_group",
          subjectId: g.id,
          details: { name },
        });
      });
      return reply.redirect("/arbetsyta/admin/forslag?klart=1", 303);
    },
  );

  app.post(
    "/arbetsyta/admin/forslag/medlem",
    { config: { access: "ideas.configure" }, schema: { body: MemberBody } },
    async (request, reply) => {
      const say = sayer(messages, request.lang);
      const b = request.body;
      const { groupId, userId } = b;
      const valid = (id: string) => Uuid.safeParse(id).success;
      const group = valid(groupId)
        ? await db
            .selectFrom("idea_groups")
            .select("id")
            .where("org_id", "=", org.id)
            .where("id", "=", groupId)
            .executeTakeFirst()
        : undefined;
      const user = valid(userId)
        ? await db
            .selectFrom("staff_users")
            .select("id")
            .where("org_id", "=", org.id)
            .where("id", "=", userId)
            .executeTakeFirst()
        : undefined;
      if (!group || !user)
        return renderSettings(
          request,
          reply,
          [
            {
              field: group ? "userId" : "groupId",
              message: say(group ? "error.member.choose" : "error.group.choose"),
            },
          ],
          400,
        );
      await db.transaction().execute(async (trx) => {
        if (b.action === "remove")
          await trx
            .deleteFrom("idea_group_members")
            .where("group_id", "=", group.id)
            .where("user_id", "=", user.id)
            .execute();
        else
          await trx
            .insertInto("idea_group_members")
            .values({ org_id: org.id, group_id: group.id, user_id: user.id })
            .onConflict((oc) => oc.doNothing())
            .execute();
        await audit(trx, userActor(request, org.id), {
          action: `idea.settings.member.${b.action === "remove" ? "remove" : "add"}`,
          subjectType: "idea_group",
          subjectId: group.id,
          details: { userId: user.id },
        });
      });
      return reply.redirect("/arbetsyta/admin/forslag?klart=1", 303);
    },
  );

  app.post(
    "/arbetsyta/admin/forslag/omrade",
    { config: { access: "ideas.configure" }, schema: { body: CategoryBody } },
    async (request, reply) => {
      const say = sayer(messages, request.lang);
      const b = request.body;
      const name = b.categoryName.trim();
      const nameEn = b.categoryNameEn.trim() || name;
      const [kind, id] = b.categoryOwner.split(":");
      const errors: FieldError[] = [];
      if (!name || name.length > 80) errors.push({ field: "categoryName", message: say("error.name", { max: 80 }) });
      const owners = await ownerOptions(request);
      if (b.categoryOwner && !owners.some((o) => o.value === b.categoryOwner))
        errors.push({ field: "categoryOwner", message: say("error.chooseFromList") });
      if (errors.length > 0) return renderSettings(request, reply, errors, 400);
      await db.transaction().execute(async (trx) => {
        let slug = slugify(name, 60) || "x";
        if (
          await trx
            .selectFrom("idea_categories")
            .select("id")
            .where("org_id", "=", org.id)
            .where("slug", "=", slug)
            .executeTakeFirst()
        )
          slug = `${slug}-${Date.now().toString(36)}`;
        const c = await trx
          .insertInto("idea_categories")
          .values({
            org_id: org.id,
            slug,
            name_sv: name,
            name_en: nameEn,
            unit_id: kind === "unit" ? (id ?? null) : null,
            group_id: kind === "group" ? (id ?? null) : null,
            position: 100,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await audit(trx, userActor(request, org.id), {
          action: "idea.settings.category",
          subjectType: "idea_category",
          subjectId: c.id,
          details: { name },
        });
      });
      return reply.redirect("/arbetsyta/admin/forslag?klart=1", 303);
    },
  );
}
