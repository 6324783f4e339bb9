import { once } from "node:events";
import type { Writable } from "node:stream";

/**
 * Writes one chunk and, when the reader is behind, waits until it catches up: an export never runs ahead of the
 * client by more than the stream's buffer. Throws once the stream is gone (the client hung up), so the producer stops.
 */
export async function writeWithBackpressure(out: Writable, chunk: string | Buffer): Promise<void> {
  if (out.destroyed || out.writableEnded) throw new Error("export stream closed");
  if (out.write(chunk)) return;
  // Both waits listen on the stream; whichever loses is removed when the other wins (an export waits thousands of
  // times: a listener left behind each time would pile up, MaxListenersExceeded after ten).
  const waits = new AbortController();
  const closed = once(out, "close", { signal: waits.signal }).then(() => {
    throw new Error("export stream closed");
  });
  try {
    await Promise.race([once(out, "drain", { signal: waits.signal }), closed]);
  } finally {
    waits.abort(); // the loser rejects with an AbortError that Promise.race has already handled
  }
}
