import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { writeWithBackpressure } from "./stream-write.js";

/** A reader that takes one chunk per tick, with a one-byte buffer: every write but none waits for drain. */
function slowReader(): Writable {
  return new Writable({
    highWaterMark: 1,
    write(_chunk, _enc, done) {
      setImmediate(done);
    },
  });
}

describe("writeWithBackpressure", () => {
  it("leaves no listener behind when it waits for drain, however many times it waits", async () => {
    const out = slowReader();
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on("warning", onWarning);
    const before = { close: out.listenerCount("close"), drain: out.listenerCount("drain") };
    try {
      for (let i = 0; i < 25; i++) {
        await writeWithBackpressure(out, `row ${i}\n`);
        expect(out.listenerCount("close")).toBe(before.close);
        expect(out.listenerCount("drain")).toBe(before.drain);
        expect(out.listenerCount("error")).toBeLessThanOrEqual(1); // the stream's own
      }
      await new Promise((r) => setImmediate(r));
      expect(warnings.filter((w) => w.name === "MaxListenersExceededWarning")).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });

  it("throws once the reader has hung up while it waits, and at once afterwards", async () => {
    const out = slowReader();
    out.write("fill the buffer");
    const waiting = writeWithBackpressure(out, "more");
    out.destroy();
    await expect(waiting).rejects.toThrow("export stream closed");
    await expect(writeWithBackpressure(out, "again")).rejects.toThrow("export stream closed");
    expect(out.listenerCount("close")).toBe(0);
  });
});
