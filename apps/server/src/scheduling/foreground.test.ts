import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { backgroundPauseMs, foregroundBusy, trackForeground } from "./foreground.js";

const LATER = 10_000; // ms after the last response: well past the "recently busy" window

describe("foreground tracking and background pacing", () => {
  it("counts a request in flight as foreground, but not the background ones, and lets go after its response", async () => {
    const app = Fastify();
    trackForeground(app, (url) => url.startsWith("/export"));
    const seen: Record<string, boolean> = {};
    app.get("/search", async () => {
      seen.search = foregroundBusy(performance.now() + LATER); // only in-flight counts that far ahead
      return "ok";
    });
    app.get("/export", async () => {
      seen.export = foregroundBusy(performance.now() + LATER);
      return "ok";
    });
    await app.inject("/export");
    expect(seen.export).toBe(false);
    await app.inject("/search");
    expect(seen.search).toBe(true);
    expect(foregroundBusy(performance.now() + LATER)).toBe(false);
    expect(foregroundBusy()).toBe(true); // a searcher who just got an answer is about to ask again
    await app.close();
  });

  it("pauses background work by twice its work while others are served, one budget shared by every export", async () => {
    const app = Fastify();
    trackForeground(app, () => false);
    let release: () => void = () => {};
    app.get("/slow", () => new Promise<string>((res) => (release = () => res("ok"))));
    const pending = app.inject("/slow");
    await new Promise((r) => setTimeout(r, 20));
    const now = performance.now();
    expect(backgroundPauseMs(10, now)).toBeCloseTo(20, 5);
    expect(backgroundPauseMs(10, now)).toBeCloseTo(40, 5); // a second export queues behind the first one's pause
    expect(backgroundPauseMs(1_000_000, now)).toBe(1_000); // never more than a second at a time
    release();
    await pending;
    expect(backgroundPauseMs(10, performance.now() + LATER)).toBe(0); // nobody waiting: full speed
    await app.close();
  });
});
