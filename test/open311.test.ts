/** Open311 GeoReport v2: a FixMyStreet-style client files into the inbox and reads back. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./app.js";

const KEY = "open311-test-key-0123456789";

describe("Open311 GeoReport v2", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { OPEN311_API_KEYS: KEY } });
  });
  afterAll(async () => t?.close());

  const post = (fields: Record<string, string>, format = "json") =>
    t.app.inject({
      method: "POST",
      url: `/open311/v2/requests.${format}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams(fields).toString(),
    });

  it("describes itself: discovery and services, in JSON and XML", async () => {
    const d = (await t.app.inject({ url: "/open311/v2/discovery.json" })).json() as {
      endpoints: { specification: string; formats: string[] }[];
    };
    expect(d.endpoints[0]).toMatchObject({
      specification: "http://wiki.open311.org/GeoReport_v2",
      formats: ["text/xml", "application/json"],
    });
    const services = (await t.app.inject({ url: "/open311/v2/services.json" })).json() as {
      service_code: string;
      metadata: boolean;
      type: string;
    }[];
    expect(services.map((s) => s.service_code)).toContain("pengar");
    expect(services[0]).toMatchObject({ metadata: false, type: "realtime" });
    const x = await t.app.inject({ url: "/open311/v2/services.xml" });
    expect(x.headers["content-type"]).toContain("text/xml");
    expect(x.body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><services><service><service_code>/);
    expect((await t.app.inject({ url: "/open311/v2/services/pengar.json" })).json()).toEqual({
      service_code: "pengar",
      attributes: [],
    });
  });

  it("takes a service request with an API key and returns its id at once", async () => {
    const res = await post({
      api_key: KEY,
      service_code: "pengar",
      lat: "59.33",
      long: "18.06",
      description: "Jag behöver hjälp med en budget.",
      email: "o311@example.se",
      first_name: "Test",
      last_name: "Person",
    });
    expect(res.statusCode).toBe(201);
    const [created] = res.json() as { service_request_id: string; service_notice: string }[];
    expect(created?.service_request_id).toMatch(/^SOC-\d{4}-\d{6}$/);
    const c = await t.database.db
      .selectFrom("cases")
      .select(["channel", "requester_name"])
      .where("number", "=", created?.service_request_id as string)
      .executeTakeFirstOrThrow();
    expect(c).toEqual({ channel: "open311", requester_name: "Test Person" });
    const one = (await t.app.inject({ url: `/open311/v2/requests/${created?.service_request_id}.json` })).json() as {
      status: string;
      service_code: string;
      description: string;
      requested_datetime: string;
    }[];
    expect(one[0]).toMatchObject({
      status: "open",
      service_code: "pengar",
      description: "Pengar och ekonomiskt bistånd",
    });
    expect(one[0]?.requested_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    const xml = (await t.app.inject({ url: `/open311/v2/requests/${created?.service_request_id}.xml` })).body;
    expect(xml).toContain(`<service_request_id>${created?.service_request_id}</service_request_id>`);
    expect(xml).not.toContain("budget");
    expect(xml).not.toContain("o311@example.se");
  });

  it("answers errors in the specification's format", async () => {
    const noKey = await post({ service_code: "pengar", lat: "1", long: "2", description: "x" });
    expect(noKey.statusCode).toBe(403);
    expect(noKey.json()).toEqual([{ code: 403, description: "Invalid api_key" }]);
    const noLocation = await post({ api_key: KEY, service_code: "pengar", description: "x" }, "xml");
    expect(noLocation.statusCode).toBe(400);
    expect(noLocation.body).toBe(
      '<?xml version="1.0" encoding="utf-8"?><errors><error><code>400</code><description>A location is required: lat and long, address_string or address_id</description></error></errors>',
    );
    expect(
      (await post({ api_key: KEY, service_code: "finns-inte", lat: "1", long: "2", description: "x" })).statusCode,
    ).toBe(404);
    expect((await t.app.inject({ url: "/open311/v2/requests/SOC-1999-000001.json" })).statusCode).toBe(404);
    expect((await t.app.inject({ url: "/open311/v2/requests.json?status=maybe" })).json()).toEqual([
      { code: 400, description: "status must be open or closed" },
    ]);
  });

  it("never shows secret cases or reports of concern", async () => {
    const concern = await post({
      api_key: KEY,
      service_code: "barn-familj",
      lat: "1",
      long: "2",
      description: "Jag är orolig för grannens barn, pappan slår honom.",
    });
    const [c] = concern.json() as { service_request_id: string; service_notice: string }[];
    expect(c?.service_notice).toContain("Ring 112 vid akut fara.");
    const list = (await t.app.inject({ url: "/open311/v2/requests.json" })).json() as { service_request_id: string }[];
    expect(list.map((r) => r.service_request_id)).not.toContain(c?.service_request_id);
    expect((await t.app.inject({ url: `/open311/v2/requests/${c?.service_request_id}.json` })).statusCode).toBe(404);
    const filtered = (
      await t.app.inject({ url: "/open311/v2/requests.json?service_code=pengar&status=open" })
    ).json() as { service_code: string }[];
    expect(filtered.every((r) => r.service_code === "pengar")).toBe(true);
  });
});
