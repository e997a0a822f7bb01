/**
 * A local stand-in for Meta's Graph API (it cannot be reached from here), answering the calls
 * Klarsvar makes with the documented request and response shapes:
 *   POST /{comment-id}/comments        {message}                          → {id}
 *   POST /{ig-comment-id}/replies      {message}                          → {id}
 *   POST /{account-id}/messages        {recipient:{id}, messaging_type, message:{text}} → {recipient_id, message_id}
 * Errors as Graph sends them: HTTP 400 with {error:{message, type, code, error_subcode, fbtrace_id}}.
 * It checks the access token (Authorization: Bearer or ?access_token=) and records every call.
 */
import { createServer, type Server } from "node:http";

export interface GraphCall {
  readonly path: string;
  readonly token: string | null;
  readonly body: Record<string, unknown>;
}

export interface GraphFailure {
  readonly status: number;
  readonly error: { message: string; type: string; code: number; error_subcode?: number };
}

export class FakeGraph {
  readonly calls: GraphCall[] = [];
  private readonly failures: { match: RegExp; failure: GraphFailure; times: number }[] = [];
  private server: Server | undefined;
  private seq = 0;
  url = "";

  constructor(private readonly tokens: ReadonlySet<string>) {}

  /** The next `times` calls whose path matches fail like this. */
  failNext(match: RegExp, failure: GraphFailure, times = 1): void {
    this.failures.push({ match, failure, times });
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let raw = "";
      req.on("data", (c: Buffer) => {
        raw += c.toString("utf8");
      });
      req.on("end", () => {
        const url = new URL(req.url ?? "/", "http://graph.local");
        const auth = req.headers.authorization;
        const token = auth?.startsWith("Bearer ") ? auth.slice(7) : url.searchParams.get("access_token");
        let body: Record<string, unknown> = {};
        try {
          body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
        } catch {
          body = {};
        }
        const path = url.pathname.replace(/^\/v[\d.]+/, "");
        const send = (status: number, json: unknown) => {
          res.writeHead(status, { "content-type": "application/json" });
          res.end(JSON.stringify(json));
        };
        this.calls.push({ path, token, body });
        const failure = this.failures.find((f) => f.times > 0 && f.match.test(path));
        if (failure) {
          failure.times--;
          return send(failure.failure.status, {
            error: { ...failure.failure.error, fbtrace_id: `trace${++this.seq}` },
          });
        }
        if (!token || !this.tokens.has(token)) {
          return send(400, {
            error: {
              message: "Invalid OAuth access token - Cannot parse access token",
              type: "OAuthException",
              code: 190,
              fbtrace_id: `trace${++this.seq}`,
            },
          });
        }
        // Moderation: DELETE /{comment-id}; POST /{comment-id} with is_hidden (Facebook) or hide (Instagram).
        if (req.method === "DELETE" && /^\/[\w.]+$/.test(path)) return send(200, { success: true });
        if (req.method === "POST" && /^\/[\w.]+$/.test(path) && (body["is_hidden"] === true || body["hide"] === true))
          return send(200, { success: true });
        if (req.method !== "POST")
          return send(400, {
            error: { message: "Unsupported get request.", type: "GraphMethodException", code: 100, error_subcode: 33 },
          });
        let m = /^\/([\w.]+)\/(comments|replies)$/.exec(path);
        if (m) {
          if (typeof body["message"] !== "string" || !body["message"])
            return send(400, {
              error: { message: "(#100) The parameter message is required", type: "OAuthException", code: 100 },
            });
          return send(200, { id: `${m[1]}_reply${++this.seq}` });
        }
        m = /^\/([\w.]+)\/messages$/.exec(path);
        if (m) {
          const recipient = (body["recipient"] as { id?: string } | undefined)?.id;
          const text = (body["message"] as { text?: string } | undefined)?.text;
          if (!recipient || !text)
            return send(400, {
              error: { message: "(#100) param recipient must be non-empty.", type: "OAuthException", code: 100 },
            });
          return send(200, { recipient_id: recipient, message_id: `m_out${++this.seq}` });
        }
        return send(400, {
          error: { message: `Unknown path components: ${path}`, type: "OAuthException", code: 2500 },
        });
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", () => resolve()));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/v21.0`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
