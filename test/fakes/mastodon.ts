/**
 * A local stand-in for a Mastodon instance (none can be reached from here), with the
 * documented shapes: GET /api/v1/notifications (newest first; types[], limit, min_id/since_id)
 * and POST /api/v1/statuses (status, in_reply_to_id, visibility; Idempotency-Key makes a
 * repeated post return the first status instead of a new one). Bearer tokens are checked.
 */
import { createServer, type Server } from "node:http";

export interface FakeStatus {
  id: string;
  content: string;
  visibility: "public" | "unlisted" | "private" | "direct";
  in_reply_to_id: string | null;
  url: string;
  created_at: string;
  account: { id: string; acct: string; display_name: string };
}

export class FakeMastodon {
  readonly posted: { body: Record<string, unknown>; idempotencyKey: string | null; status: FakeStatus }[] = [];
  private readonly notifications: {
    id: string;
    type: string;
    created_at: string;
    account: FakeStatus["account"];
    status: FakeStatus;
  }[] = [];
  private readonly byKey = new Map<string, FakeStatus>();
  private next = 109_000_000_000_000_000n;
  private server: Server | undefined;
  url = "";

  constructor(
    private readonly token: string,
    private readonly self: FakeStatus["account"],
  ) {}

  private id(): string {
    this.next += 1000n;
    return String(this.next);
  }

  /** Someone mentions our account. Returns the status id. */
  mention(
    from: FakeStatus["account"],
    text: string,
    options: { visibility?: FakeStatus["visibility"]; inReplyTo?: string } = {},
  ): string {
    const status: FakeStatus = {
      id: this.id(),
      content: `<p><span class="h-card"><a href="https://mastodon.example/@${this.self.acct}" class="u-url mention">@<span>${this.self.acct}</span></a></span> ${text.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`,
      visibility: options.visibility ?? "public",
      in_reply_to_id: options.inReplyTo ?? null,
      url: "",
      created_at: new Date().toISOString(),
      account: from,
    };
    status.url = `https://mastodon.example/@${from.acct}/${status.id}`;
    this.notifications.push({ id: this.id(), type: "mention", created_at: status.created_at, account: from, status });
    return status.id;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let raw = "";
      req.on("data", (c: Buffer) => {
        raw += c.toString("utf8");
      });
      req.on("end", () => {
        const url = new URL(req.url ?? "/", "http://mastodon.local");
        const send = (status: number, json: unknown) => {
          res.writeHead(status, { "content-type": "application/json" });
          res.end(JSON.stringify(json));
        };
        if (req.headers.authorization !== `Bearer ${this.token}`)
          return send(401, { error: "The access token is invalid" });
        if (req.method === "GET" && url.pathname === "/api/v1/notifications") {
          const types = url.searchParams.getAll("types[]");
          const limit = Math.min(Number(url.searchParams.get("limit") ?? 40), 80);
          const minId = url.searchParams.get("min_id");
          const sinceId = url.searchParams.get("since_id");
          let list = this.notifications.filter((n) => types.length === 0 || types.includes(n.type));
          if (minId) list = list.filter((n) => BigInt(n.id) > BigInt(minId)).slice(0, limit);
          else if (sinceId) list = list.filter((n) => BigInt(n.id) > BigInt(sinceId)).slice(-limit);
          else list = list.slice(-limit);
          return send(200, [...list].reverse());
        }
        if (req.method === "POST" && url.pathname === "/api/v1/statuses") {
          const key = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : null;
          if (key && this.byKey.has(key)) return send(200, this.byKey.get(key));
          let body: Record<string, unknown> = {};
          try {
            body = JSON.parse(raw) as Record<string, unknown>;
          } catch {
            return send(422, { error: "Validation failed: Text can't be blank" });
          }
          if (typeof body["status"] !== "string" || !body["status"])
            return send(422, { error: "Validation failed: Text can't be blank" });
          const replyTo = typeof body["in_reply_to_id"] === "string" ? body["in_reply_to_id"] : null;
          if (
            replyTo &&
            !this.notifications.some((n) => n.status.id === replyTo) &&
            !this.posted.some((p) => p.status.id === replyTo)
          )
            return send(404, { error: "Record not found" });
          const status: FakeStatus = {
            id: this.id(),
            content: `<p>${String(body["status"])}</p>`,
            visibility: (body["visibility"] as FakeStatus["visibility"]) ?? "public",
            in_reply_to_id: replyTo,
            url: "",
            created_at: new Date().toISOString(),
            account: this.self,
          };
          status.url = `https://mastodon.example/@${this.self.acct}/${status.id}`;
          if (key) this.byKey.set(key, status);
          this.posted.push({ body, idempotencyKey: key, status });
          return send(200, status);
        }
        return send(404, { error: "Record not found" });
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", () => resolve()));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
