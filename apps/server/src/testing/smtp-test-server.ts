import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The raw message (headers and MIME body) as the server received it. */
  raw: string;
}

export interface TestSmtp {
  port: number;
  received: ReceivedMail[];
  close(): Promise<void>;
}

export const SMTP_USER = "zhichan";
export const SMTP_PASS = "smtp-test-pass";

/**
 * A real SMTP server (the smtp-server package) on 127.0.0.1 for tests: plain SMTP with AUTH PLAIN/LOGIN (no TLS,
 * so no certificates), accepting only the test credentials. `port` 0 picks a free one; passing a port brings a
 * server back up where a sender was failing to connect.
 */
export async function startTestSmtp(port = 0): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authOptional: false,
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASS) cb(null, { user: auth.username });
      else cb(new Error("invalid credentials"));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = (server as unknown as { server: { address(): AddressInfo } }).server.address();
  return {
    port: address.port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on (a server was there a moment ago): the sender meets a refused connection. */
export async function freePort(): Promise<number> {
  const s = await startTestSmtp();
  await s.close();
  return s.port;
}

/** The decoded text of a received message's subject (RFC 2047 words, as nodemailer writes them). */
export function subjectOf(raw: string): string {
  const m = raw.match(/^Subject: (.*(?:\r\n[ \t].*)*)/m);
  if (!m) return "";
  return m[1]!
    .replace(/\r\n[ \t]/g, "")
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_w, enc: string, text: string) =>
      enc.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(
            text
              .replace(/_/g, " ")
              .replace(/=([0-9A-F]{2})/gi, (_h, x: string) => String.fromCharCode(parseInt(x, 16))),
            "latin1",
          ).toString("utf8"),
    );
}

/** The decoded text body of a single-part message (base64 or quoted-printable, as nodemailer chooses). */
export function bodyOf(raw: string): string {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const enc = head.match(/^Content-Transfer-Encoding: (\S+)/im)?.[1]?.toLowerCase();
  if (enc === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (enc === "quoted-printable")
    return Buffer.from(
      body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/gi, (_h, x: string) => String.fromCharCode(parseInt(x, 16))),
      "latin1",
    ).toString("utf8");
  return body;
}
