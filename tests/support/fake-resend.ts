import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/** One request the fake received. */
export type FakeResendRequest = {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  body: {
    from?: string;
    to?: string | string[];
    subject?: string;
    html?: string;
    text?: string;
    [key: string]: unknown;
  };
  /** What the fake answered. */
  status: number;
  /** The id returned, when the request succeeded. */
  id?: string;
};

export type FakeResendFailure = {
  status: 500 | 429 | 422 | 401;
  name?: string;
  message?: string;
};

const defaultFailures: Record<FakeResendFailure["status"], { name: string; message: string }> = {
  500: {
    name: "internal_server_error",
    message: "An unexpected error occurred.",
  },
  429: {
    name: "rate_limit_exceeded",
    message: "Too many requests. You can only make 2 requests per second.",
  },
  422: { name: "validation_error", message: "Invalid `to` field." },
  401: { name: "missing_api_key", message: "Missing API key in the authorization header." },
};

/**
 * A local stand-in for Resend's `POST /emails`, on 127.0.0.1 and a random port. It records every
 * request (body and headers), answers `{ id }` like Resend, and honours `Idempotency-Key`: a
 * repeated key gets the first answer again and is not delivered twice (as Resend does within
 * 24 hours). `failNext(n, …)` makes the next n requests fail with Resend's error shape.
 * Point the SDK at it with RESEND_BASE_URL = `fake.url`.
 */
export class FakeResend {
  readonly requests: FakeResendRequest[] = [];
  /** Messages that count as delivered: one per idempotency key (or per request without one). */
  readonly delivered: FakeResendRequest[] = [];
  private failures: FakeResendFailure[] = [];
  private byKey = new Map<string, string>();
  private delayMs = 0;
  private server: http.Server;
  url = "";

  private constructor() {
    this.server = http.createServer((req, res) => void this.handle(req, res));
  }

  static async start(): Promise<FakeResend> {
    const fake = new FakeResend();
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    const { port } = fake.server.address() as AddressInfo;
    fake.url = `http://127.0.0.1:${port}`;
    return fake;
  }

  /** The next `count` requests fail (500 by default, or 429 rate limit, …). */
  failNext(count: number, failure: FakeResendFailure = { status: 500 }) {
    for (let i = 0; i < count; i++) this.failures.push(failure);
  }

  /** Wait this long before answering (to overlap concurrent workers). */
  setDelay(ms: number) {
    this.delayMs = ms;
  }

  reset() {
    this.requests.length = 0;
    this.delivered.length = 0;
    this.failures = [];
    this.byKey.clear();
    this.delayMs = 0;
  }

  async stop() {
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) =>
      this.server.close((error) => (error ? reject(error) : resolve())),
    );
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));

    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const record = (status: number, id?: string) => {
      let body: FakeResendRequest["body"] = {};
      try {
        body = raw ? (JSON.parse(raw) as FakeResendRequest["body"]) : {};
      } catch {
        body = { raw };
      }
      const entry: FakeResendRequest = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        authorization: header(req, "authorization"),
        idempotencyKey: header(req, "idempotency-key"),
        body,
        status,
        id,
      };
      this.requests.push(entry);
      return entry;
    };

    if (req.method !== "POST" || req.url !== "/emails") {
      record(404);
      return reply(404, { statusCode: 404, name: "not_found", message: "Not found" });
    }
    if (!header(req, "authorization")?.startsWith("Bearer ")) {
      record(401);
      return reply(401, { statusCode: 401, ...defaultFailures[401] });
    }
    const failure = this.failures.shift();
    if (failure) {
      record(failure.status);
      const fallback = defaultFailures[failure.status];
      return reply(failure.status, {
        statusCode: failure.status,
        name: failure.name ?? fallback.name,
        message: failure.message ?? fallback.message,
      });
    }
    const key = header(req, "idempotency-key");
    const known = key ? this.byKey.get(key) : undefined;
    if (known) {
      record(200, known);
      return reply(200, { id: known });
    }
    const id = randomUUID();
    if (key) this.byKey.set(key, id);
    this.delivered.push(record(200, id));
    return reply(200, { id });
  }
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
