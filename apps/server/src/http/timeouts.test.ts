import net from "node:net";
import { Readable } from "node:stream";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthTestApp, authTestApp } from "../testing/auth-fixtures.js";
import {
  DEFAULT_HTTP_SETTINGS,
  DEFAULT_SERVER_TIMEOUTS,
  fastifyServerOptions,
  type HttpSettings,
  readHttpSettings,
} from "./http-settings.js";

/**
 * Issue #13 item 8: slow-body and idle connections never timed out. A REAL listening server (app.inject has no
 * sockets) with short timeouts; each probe waits at most GIVE_UP_MS, so a missing timeout fails, never hangs.
 */
const SHORT: HttpSettings = {
  ...DEFAULT_HTTP_SETTINGS,
  timeouts: { headersMs: 1_000, requestMs: 1_500, keepAliveMs: 1_000, socketIdleMs: 60_000, checkIntervalMs: 200 },
};
const GIVE_UP_MS = 8_000;

interface Probe {
  closed: boolean;
  ms: number;
  received: string;
}

/** Opens a socket, lets `talk` write to it, and reports whether the server closed it within GIVE_UP_MS. */
function probe(port: number, talk: (s: net.Socket) => void): Promise<Probe> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    let received = "";
    const s = net.connect(port, "127.0.0.1", () => talk(s));
    const giveUp = setTimeout(() => {
      s.destroy();
      resolve({ closed: false, ms: Date.now() - t0, received });
    }, GIVE_UP_MS);
    s.on("data", (d) => {
      received += d.toString("latin1");
    });
    s.on("error", () => undefined);
    s.on("close", () => {
      clearTimeout(giveUp);
      resolve({ closed: true, ms: Date.now() - t0, received });
    });
  });
}

describe("the app's connection timeouts (real server on 127.0.0.1)", () => {
  let t: AuthTestApp;
  let port = 0;
  beforeAll(async () => {
    t = await authTestApp({ http: SHORT });
    await t.app.listen({ host: "127.0.0.1", port: 0 });
    port = (t.app.server.address() as net.AddressInfo).port;
  });
  afterAll(async () => t.close());

  it("closes a request whose body stalls (Content-Length 1000, a few bytes sent)", async () => {
    const r = await probe(port, (s) =>
      s.write(
        "POST /api/search HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" +
          'Content-Length: 1000\r\n\r\n{"q":',
      ),
    );
    expect(r.closed).toBe(true);
    expect(r.received).toMatch(/^HTTP\/1\.1 408/);
  }, 20_000);

  it("closes a slowloris connection that drips header lines and never finishes them", async () => {
    let drip: NodeJS.Timeout | undefined;
    const r = await probe(port, (s) => {
      s.write("GET /api/health HTTP/1.1\r\nHost: localhost\r\n");
      let i = 0;
      drip = setInterval(() => s.writable && s.write(`X-Drip-${i++}: a\r\n`), 300);
    });
    clearInterval(drip);
    expect(r.closed).toBe(true);
  }, 20_000);

  it("closes a connection that never sends anything", async () => {
    expect((await probe(port, () => undefined)).closed).toBe(true);
  }, 20_000);

  it("closes an idle keep-alive connection after its response", async () => {
    const r = await probe(port, (s) => s.write("GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n"));
    expect(r.received).toMatch(/^HTTP\/1\.1 200/);
    expect(r.received).toMatch(/keep-alive/i);
    expect(r.closed).toBe(true);
  }, 20_000);
});

describe("responses are not cut by the request timeouts", () => {
  // Node's requestTimeout/headersTimeout stop counting once the request is received: a handler that thinks for
  // longer (PDF rendering) and a response that streams for longer (a 72k-row export) both complete.
  const app = Fastify(fastifyServerOptions(SHORT));
  let port = 0;
  beforeAll(async () => {
    app.get("/think", async () => {
      await new Promise((r) => setTimeout(r, 2_500));
      return "thought";
    });
    app.get("/stream", (_req, reply) => {
      let i = 0;
      const rows = new Readable({
        read() {
          setTimeout(() => this.push(i++ < 12 ? `row ${i}\n` : null), 250);
        },
      });
      return reply.type("text/plain").send(rows);
    });
    await app.listen({ host: "127.0.0.1", port: 0 });
    port = (app.server.address() as net.AddressInfo).port;
  });
  afterAll(async () => app.close());

  it("a slow handler and a slow stream both finish, well past requestTimeout", async () => {
    const get = (path: string) =>
      probe(port, (s) => s.write(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`));
    const [think, stream] = await Promise.all([get("/think"), get("/stream")]);
    expect(think.received).toMatch(/^HTTP\/1\.1 200[\s\S]*thought$/);
    expect(stream.received).toMatch(/^HTTP\/1\.1 200[\s\S]*row 12\n/);
    expect(stream.ms).toBeGreaterThan(SHORT.timeouts.requestMs); // it did outlive the request timeout
  }, 20_000);
});

describe("timeout settings", () => {
  it("by default close a stalled request within 30 s and idle sockets soon after", () => {
    const d = DEFAULT_SERVER_TIMEOUTS;
    expect(d.requestMs + d.checkIntervalMs).toBeLessThanOrEqual(30_000);
    expect(d.headersMs).toBeLessThanOrEqual(d.requestMs);
    expect(d.keepAliveMs).toBeLessThanOrEqual(30_000);
    expect(d.requestMs).toBeGreaterThan(0); // 0 would mean never (the hole)
  });

  it("are read from the environment in seconds", () => {
    const s = readHttpSettings({ ZHICHAN_REQUEST_TIMEOUT_S: "40", ZHICHAN_KEEPALIVE_TIMEOUT_S: "5" });
    expect(s.timeouts).toMatchObject({ requestMs: 40_000, keepAliveMs: 5_000 });
    expect(() => readHttpSettings({ ZHICHAN_REQUEST_TIMEOUT_S: "0" })).toThrow(/seconds/);
    expect(() => readHttpSettings({ ZHICHAN_HEADERS_TIMEOUT_S: "60", ZHICHAN_REQUEST_TIMEOUT_S: "30" })).toThrow();
  });
});
