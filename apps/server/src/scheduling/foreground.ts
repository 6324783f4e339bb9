import type { FastifyInstance } from "fastify";

/**
 * Long background work on the main thread (an export streaming 70k rows) shares one event loop with everyone's
 * searches. This tracks whether interactive requests are being served, so such work can give way while they are
 * (issue #13: four exports made other users' searches 2–20x slower).
 */
let inFlight = 0;
let lastDone = 0;
/** A searcher who just got an answer usually asks again within this long: still "busy". */
const RECENT_MS = 250;

/** Counts every request as foreground except those `isBackground` names (the exports themselves). */
export function trackForeground(app: FastifyInstance, isBackground: (url: string) => boolean): void {
  app.addHook("onRequest", async (req, reply) => {
    if (isBackground(req.url)) return;
    inFlight++;
    // 'close' fires once the response is sent or the connection dropped, whichever comes first
    reply.raw.once("close", () => {
      inFlight--;
      lastDone = performance.now();
    });
  });
}

export function foregroundBusy(now = performance.now()): boolean {
  return inFlight > 0 || now - lastDone < RECENT_MS;
}

/** While foreground requests run, background work may use at most 1 / (1 + RATIO) of the main thread. */
const RATIO = 2;
const MAX_PAUSE_MS = 1_000;
let nextStart = 0;

/**
 * Called by background work between two batches with how long the last batch took (wall time since it last
 * resumed). With nobody waiting it only yields; otherwise it pauses so that all background work together stays
 * under its share: the pauses are shared across every export, not per export, so four exports pace as one.
 */
export async function paceBackground(workMs: number): Promise<void> {
  const wait = backgroundPauseMs(workMs);
  return new Promise((res) => (wait > 0 ? setTimeout(res, wait) : setImmediate(res)));
}

/** How long background work that just spent `workMs` should pause now (0: only yield). */
export function backgroundPauseMs(workMs: number, now = performance.now()): number {
  if (!foregroundBusy(now)) {
    nextStart = now;
    return 0;
  }
  nextStart = Math.max(nextStart, now) + RATIO * Math.max(0, workMs);
  return Math.min(nextStart - now, MAX_PAUSE_MS);
}
