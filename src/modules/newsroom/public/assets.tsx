/** Images and material of a release: public with the release, or with the embargo link. */
import type { ModuleContext } from "../../../app/module.js";
import { idFromSignedToken } from "../../../platform/auth/signed-links.js";
import { AppError } from "../../../platform/errors.js";
import type { TypedApp } from "../../../platform/http/typed.js";
import { isPublic, type NewsroomDeps } from "../commands.js";
import { AssetQuery, DocumentParams, ImageFileParams } from "../schema.js";
import { publicKit } from "./shared.js";

export function assetRoutes(app: TypedApp, ctx: ModuleContext, deps: NewsroomDeps): void {
  const { config, db } = publicKit(ctx, deps);

  // ---- Images and material: public with the release, or with the embargo link ---------------------

  /** May this request see the release's files: it is public, or the embargo token in ?e= is for it. */
  const canSeeAssets = async (releaseId: string, e: string | undefined): Promise<boolean> => {
    const r = await db.selectFrom("releases").select(["status", "publish_at"]).where("id", "=", releaseId).executeTakeFirst();
    if (!r) return false;
    if (isPublic(r)) return true;
    return r.status === "approved" && typeof e === "string" && idFromSignedToken(config.sessionSecret, "press-embargo", e) === releaseId;
  };
  app.get("/press/bild/:id/:file", { config: { access: "public" }, schema: { params: ImageFileParams, querystring: AssetQuery } }, async (request, reply) => {
    const { id, file } = request.params;
    const s = await db.selectFrom("release_image_sizes as s").innerJoin("release_images as i", "i.id", "s.image_id").select(["s.data", "i.release_id"]).where("s.image_id", "=", id).where("s.width", "=", Number(file.slice(0, -4))).executeTakeFirst();
    if (!s || !(await canSeeAssets(s.release_id, request.query.e))) throw new AppError("KS_NOT_FOUND");
    return reply.type("image/jpeg").header("cache-control", "public, max-age=86400").header("x-content-type-options", "nosniff").send(s.data);
  });
  app.get("/press/dokument/:id", { config: { access: "public" }, schema: { params: DocumentParams, querystring: AssetQuery } }, async (request, reply) => {
    const d = await db.selectFrom("release_documents").select(["release_id", "filename", "content_type", "data"]).where("id", "=", request.params.id).executeTakeFirst();
    if (!d || !(await canSeeAssets(d.release_id, request.query.e))) throw new AppError("KS_NOT_FOUND");
    return reply.type(d.content_type).header("content-disposition", `attachment; filename="${d.filename.replace(/[^\w.-]/g, "_")}"`).header("x-content-type-options", "nosniff").send(d.data);
  });
}
