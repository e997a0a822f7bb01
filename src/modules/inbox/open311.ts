/**
 * Open311 GeoReport v2 at /open311/v2/: the inbox's categories are services and its cases
 * are service requests, in JSON and XML, with errors in the specification's format. Secret
 * cases and reports of concern never appear, and neither does personal data: a request's
 * description is its service name, never what the person wrote.
 */
import { timingSafeEqual } from "node:crypto";
import type { ModuleContext } from "../../app/module.js";
import { escapeHtml } from "@kitajs/html";
import { receiveQuestion, type InboxDeps } from "./commands/receive.js";
import type { FastifyReply, TypedApp } from "../../platform/http/typed.js";
import { formatMessage } from "../../platform/i18n/messages.js";
import { clip, isEmailAddress } from "../../platform/text.js";
import { messages, type InboxKey } from "./messages.js";
import { Open311Fields, Open311File, Open311Item } from "./schema.js";

/** The service's names and notices are Swedish, as the categories' names it publishes. */
const sv = (key: InboxKey, params?: Record<string, string>): string => formatMessage(messages, "sv", key, params);

type Format = "json" | "xml";
type Value = string | number | boolean | null | undefined;
type Row = Record<string, Value>;

function iso(d: Date | string | null | undefined): string | null {
  if (!d) return null;
  const date = new Date(d);
  // ISO 8601 with the Stockholm offset, as the specification asks for a timezone.
  const parts = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/Stockholm",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZoneName: "longOffset",
  }).formatToParts(date);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  const offset = get("timeZoneName").replace("GMT", "") || "+00:00";
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}:${get("second")}${offset === "" ? "Z" : offset}`;
}

function xml(root: string, item: string, rows: readonly Row[]): string {
  const body = rows
    .map(
      (r) =>
        `<${item}>${Object.entries(r)
          .filter(([, v]) => v !== null && v !== undefined)
          .map(([k, v]) => `<${k}>${escapeHtml(String(v))}</${k}>`)
          .join("")}</${item}>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="utf-8"?><${root}>${body}</${root}>`;
}

function send(
  reply: FastifyReply,
  format: Format,
  root: string,
  item: string,
  rows: readonly Row[],
  status = 200,
): FastifyReply {
  if (format === "xml")
    return reply
      .status(status)
      .type("text/xml; charset=utf-8")
      .send(xml(root, item, rows));
  return reply.status(status).type("application/json; charset=utf-8").send(JSON.stringify(rows));
}

function error(reply: FastifyReply, format: Format, code: number, description: string): FastifyReply {
  return send(reply, format, "errors", "error", [{ code, description }], code);
}

/** "services.json" → ["services", "json"]; null when the format is not json or xml. */
function split(file: string): [string, Format] | null {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  return m ? [m[1] as string, m[2] as Format] : null;
}

export function open311Routes(app: TypedApp, ctx: ModuleContext, deps: InboxDeps, apiKeys: readonly string[]): void {
  const { database, org, config } = ctx;
  const db = database.db;
  const base = `${config.publicUrl}/open311/v2/`;
  const route = { config: { access: "public", csrf: false, rateLimit: { max: 120, timeWindow: 60_000 } } } as const;

  const services = async () =>
    (
      await db
        .selectFrom("categories")
        .select(["slug", "name_sv", "hint_sv"])
        .where("org_id", "=", org.id)
        .where("active", "=", true)
        .orderBy("position")
        .execute()
    ).map((c) => ({
      service_code: c.slug,
      service_name: c.name_sv,
      description: c.hint_sv,
      metadata: false,
      type: "realtime",
      keywords: null,
      group: sv("open311.agency"),
    }));

  const requestRows = async (filter: {
    ids?: string[];
    serviceCodes?: string[];
    from?: Date;
    to?: Date;
    status?: "open" | "closed";
  }) => {
    let q = db
      .selectFrom("cases as c")
      .leftJoin("categories as k", "k.id", "c.category_id")
      .leftJoin("units as u", "u.id", "c.unit_id")
      .select([
        "c.number",
        "c.status",
        "c.received_at",
        "c.updated_at",
        "c.first_answer_due",
        "k.slug",
        "k.name_sv",
        "u.name as unit_name",
      ])
      .where("c.org_id", "=", org.id)
      .where("c.secret", "=", false)
      .where("c.concern_report", "=", false)
      .where("c.minor_importance", "=", false);
    if (filter.ids) q = q.where("c.number", "in", filter.ids.length > 0 ? filter.ids : ["-"]);
    else {
      q = q.where("c.received_at", ">=", filter.from ?? new Date(Date.now() - 90 * 24 * 3_600_000));
      if (filter.to) q = q.where("c.received_at", "<", filter.to);
    }
    if (filter.serviceCodes) q = q.where("k.slug", "in", filter.serviceCodes.length > 0 ? filter.serviceCodes : ["-"]);
    if (filter.status === "open") q = q.where("c.status", "!=", "closed");
    if (filter.status === "closed") q = q.where("c.status", "=", "closed");
    const rows = await q.orderBy("c.received_at", "desc").limit(1000).execute();
    return rows.map((r) => ({
      service_request_id: r.number,
      status: r.status === "closed" ? "closed" : "open",
      status_notes: r.status === "answered" ? sv("open311.answered") : null,
      service_name: r.name_sv ?? sv("open311.question"),
      service_code: r.slug ?? null,
      description: r.name_sv ?? sv("open311.question"),
      agency_responsible: r.unit_name ?? sv("open311.agency"),
      service_notice: null,
      requested_datetime: iso(r.received_at),
      updated_datetime: iso(r.updated_at),
      expected_datetime: iso(r.first_answer_due),
    }));
  };

  app.get(
    "/open311/v2/:file",
    { ...route, schema: { params: Open311File, querystring: Open311Fields } },
    async (request, reply) => {
      const parsed = split(request.params.file);
      if (!parsed) return error(reply, "json", 404, "Unknown format: use .json or .xml");
      const [name, format] = parsed;
      if (name === "discovery") {
        const d = {
          changeset: iso(new Date("2026-11-26T12:00:00Z")),
          contact: config.organisation.email,
          key_service: sv("open311.keyService", { agency: sv("open311.agency") }),
        };
        if (format === "xml") {
          return reply
            .type("text/xml; charset=utf-8")
            .send(
              `<?xml version="1.0" encoding="utf-8"?><discovery><changeset>${d.changeset}</changeset><contact>${d.contact}</contact><key_service>${escapeHtml(d.key_service)}</key_service><endpoints><endpoint><specification>http://wiki.open311.org/GeoReport_v2</specification><url>${escapeHtml(base)}</url><changeset>${d.changeset}</changeset><type>production</type><formats><format>text/xml</format><format>application/json</format></formats></endpoint></endpoints></discovery>`,
            );
        }
        return reply.send({
          ...d,
          endpoints: [
            {
              specification: "http://wiki.open311.org/GeoReport_v2",
              url: base,
              changeset: d.changeset,
              type: "production",
              formats: ["text/xml", "application/json"],
            },
          ],
        });
      }
      if (name === "services") return send(reply, format, "services", "service", await services());
      if (name === "requests") {
        const q = request.query;
        const dates = [q["start_date"], q["end_date"]].map((d) => (d ? new Date(d) : undefined));
        if (dates.some((d) => d && Number.isNaN(d.getTime())))
          return error(reply, format, 400, "start_date and end_date must be ISO 8601 date-times");
        if (q["status"] && !["open", "closed"].includes(q["status"].toLowerCase()))
          return error(reply, format, 400, "status must be open or closed");
        const rows = await requestRows({
          ...(q["service_request_id"]
            ? {
                ids: q["service_request_id"]
                  .split(",")
                  .map((s) => s.trim())
                  .filter(Boolean),
              }
            : {}),
          ...(q["service_code"]
            ? {
                serviceCodes: q["service_code"]
                  .split(",")
                  .map((s) => s.trim())
                  .filter(Boolean),
              }
            : {}),
          ...(dates[0] ? { from: dates[0] } : {}),
          ...(dates[1] ? { to: dates[1] } : {}),
          ...(q["status"] ? { status: q["status"].toLowerCase() as "open" | "closed" } : {}),
        });
        return send(reply, format, "service_requests", "request", rows);
      }
      return error(reply, format, 404, "Not found");
    },
  );

  app.get("/open311/v2/:kind/:file", { ...route, schema: { params: Open311Item } }, async (request, reply) => {
    const { kind, file } = request.params;
    const parsed = split(file);
    if (!parsed) return error(reply, "json", 404, "Unknown format: use .json or .xml");
    const [id, format] = parsed;
    if (kind === "services") {
      const s = (await services()).find((x) => x.service_code === id);
      if (!s) return error(reply, format, 404, `No service with the code ${id}`);
      if (format === "xml")
        return reply
          .type("text/xml; charset=utf-8")
          .send(
            `<?xml version="1.0" encoding="utf-8"?><service_definition><service_code>${escapeHtml(id)}</service_code><attributes></attributes></service_definition>`,
          );
      return reply.send({ service_code: id, attributes: [] });
    }
    if (kind === "requests") {
      const rows = await requestRows({ ids: [id] });
      if (rows.length === 0) return error(reply, format, 404, `No service request with the id ${id}`);
      return send(reply, format, "service_requests", "request", rows);
    }
    if (kind === "tokens")
      return error(reply, format, 404, "This endpoint returns service_request_id at once; it issues no tokens");
    return error(reply, format, 404, "Not found");
  });

  const keyOk = (key: string | undefined) =>
    typeof key === "string" &&
    apiKeys.some((k) => k.length === key.length && timingSafeEqual(Buffer.from(k), Buffer.from(key)));

  app.post(
    "/open311/v2/:file",
    {
      ...route,
      config: { ...route.config, rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: { params: Open311File, body: Open311Fields },
    },
    async (request, reply) => {
      const parsed = split(request.params.file);
      if (!parsed || parsed[0] !== "requests") return error(reply, parsed?.[1] ?? "json", 404, "Not found");
      const format = parsed[1];
      const b = request.body;
      if (!keyOk(b["api_key"])) return error(reply, format, 403, "Invalid api_key");
      const code = b["service_code"];
      const category = code
        ? await db
            .selectFrom("categories")
            .select(["id"])
            .where("org_id", "=", org.id)
            .where("slug", "=", code)
            .executeTakeFirst()
        : undefined;
      if (!code) return error(reply, format, 400, "service_code is required");
      if (!category) return error(reply, format, 404, `No service with the code ${code}`);
      const hasLocation = (b["lat"] && b["long"]) || b["address_string"] || b["address_id"];
      if (!hasLocation)
        return error(reply, format, 400, "A location is required: lat and long, address_string or address_id");
      const description = (b["description"] ?? "").trim();
      if (!description) return error(reply, format, 400, "description is required");
      if (description.length > 10_000)
        return error(reply, format, 400, "description is too long (at most 10000 characters)");
      const email = (b["email"] ?? "").trim();
      if (email && !isEmailAddress(email)) return error(reply, format, 400, "email must be one e-mail address");
      const name = clip([b["first_name"], b["last_name"]].filter(Boolean).join(" "), 200);
      const result = await receiveQuestion(
        deps,
        { orgId: org.id, userId: null, label: "Open311", ip: request.ip, requestId: request.id },
        {
          orgId: org.id,
          channel: "open311",
          body: b["media_url"] ? `${description}\n\nBild: ${b["media_url"]}` : description,
          categoryId: category.id,
          requester: { name, email: email || undefined, phone: b["phone"] },
        },
      );
      if (!result.ok) return error(reply, format, 500, "The request could not be stored");
      const notice = result.concern ? sv("open311.concern") : sv("open311.received");
      return send(
        reply,
        format,
        "service_requests",
        "request",
        [{ service_request_id: result.number, service_notice: notice, account_id: null }],
        201,
      );
    },
  );
}
