import { AppError } from "@zhichan/core";
import { describe, expect, it } from "vitest";
import { RenderQueue } from "./render-queue.js";

/** A fake render that records how many run at once and finishes when told to. */
function fakeRenders() {
  let now = 0;
  let peak = 0;
  const finish: (() => void)[] = [];
  const started: number[] = [];
  const render = (n: number) => async () => {
    now++;
    peak = Math.max(peak, now);
    started.push(n);
    await new Promise<void>((res) => finish.push(res));
    now--;
    return n;
  };
  return { render, finish, started, peak: () => peak };
}

const settle = () => new Promise((res) => setImmediate(res));

describe("RenderQueue (PDF rendering, issue #13: 12 concurrent PDFs took 2.7 GB)", () => {
  it("never runs more than N renders at once, serves the waiting ones first come first served", async () => {
    const q = new RenderQueue(2, 10);
    const f = fakeRenders();
    const all = Array.from({ length: 12 }, (_, i) => q.run(f.render(i)));
    await settle();
    expect(f.started).toEqual([0, 1]);
    expect(q.queued).toBe(10);
    while (f.started.length < 12 || f.finish.length > 0) {
      f.finish.shift()?.();
      await settle();
    }
    expect(await Promise.all(all)).toEqual([...Array(12).keys()]);
    expect(f.peak()).toBe(2);
    expect(f.started).toEqual([...Array(12).keys()]);
    expect(q.active).toBe(0);
  });

  it("refuses beyond the queue's bound with 429 RATE_LIMITED, and frees the slot of a render that fails", async () => {
    const q = new RenderQueue(1, 1);
    const f = fakeRenders();
    const first = q.run(f.render(1));
    const second = q.run(f.render(2));
    const third = q.run(f.render(3));
    await expect(third).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(third).rejects.toBeInstanceOf(AppError);
    f.finish.shift()?.();
    await settle();
    f.finish.shift()?.();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    await expect(q.run(async () => Promise.reject(new Error("chromium died")))).rejects.toThrow("chromium died");
    expect(q.active).toBe(0);
    expect(await q.run(async () => "again")).toBe("again");
  }, 10_000);
});
