import type { Logger } from "../logger.js";
import type { Services } from "../services.js";

/**
 * The stores derived from the patents table — the analytics columns behind reports and industry figures, and the
 * industry databases' statistics — are built before the server listens, so no visitor's first call pays for them
 * (issue #20: the first /api/industries took 4 s, the first report 13.8 s). The analytics build yields between
 * pages, so a signal still ends the start at once.
 */
export async function warmDerivedStores(services: Services, logger: Logger): Promise<void> {
  const started = performance.now();
  await services.analytics.store.refresh();
  services.industries.list(); // every industry database's figures, cached per data version
  logger.info({ ms: Math.round(performance.now() - started) }, "analytics and industry figures ready");
}

/**
 * After an import the analytics columns are rebuilt in the background (pages, the event loop free between them)
 * instead of by the next report's request. Checks the data's version every `everyMs`.
 */
export function followDataChanges(services: Services, logger: Logger, everyMs = 5_000): () => void {
  const timer = setInterval(() => {
    services.analytics.store.refresh().catch((err: unknown) => logger.error({ err }, "analytics refresh failed"));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
