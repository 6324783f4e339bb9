import { once } from "node:events";
import type { Writable } from "node:stream";

/**
 * Writes one chunk and, when the reader is behind, waits until it catches up: an export never runs ahead of the
 * client by more than the stream's buffer. Throws once the stream is gone (the client hung up), so the producer stops.
 */
export async function writeWithBackpressure(out: Writable, chunk: string | Buffer): Promise<void> {
  if (out.destroyed || out.writableEnded) throw new Error("export stream closed");
  if (out.write(chunk)) return;
  const closed = once(out, "close").then(() => {
    throw new Error("export stream closed");
  });
  closed.catch(() => {}); // settled by the race below; never an unhandled rejection
  await Promise.race([once(out, "drain"), closed]);
}
