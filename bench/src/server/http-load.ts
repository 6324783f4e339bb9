/** HTTP measurements of the server bench: first calls, a replayed query mix at a concurrency, a streamed export. */
import { treeRss } from "../load/server.ts";

export interface LatencyResult {
  concurrency: number;
  requests: number;
  errors: number;
  p50: number;
  p99: number;
  perSecond: number;
}

const at = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

/** The facets the search page asks for with every query (LIST_FACETS in apps/web/src/scenes/search/FacetPanel.tsx). */
export const PAGE_FACETS = "type,status,year,ipc_subclass,applicant,city,district,sei,agency";

/**
 * Each query of `queries` is sent once, in order, by `concurrency` clients at once; the list is long enough that no
 * query repeats within a run (a replay, not a loop over a few warm ones).
 */
export async function replay(base: string, queries: string[], concurrency: number): Promise<LatencyResult> {
  const ms: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < queries.length; i = next++) {
        const t0 = performance.now();
        try {
          const url = `${base}/api/search?q=${encodeURIComponent(queries[i]!)}&limit=20&facets=${PAGE_FACETS}`;
          const res = await fetch(url);
          await res.arrayBuffer();
          if (res.ok) ms.push(performance.now() - t0);
          else {
            errors++;
            firstError ??= `HTTP ${res.status}`;
          }
        } catch (err) {
          // a refused or reset connection is an error of this request, reported with the rest
          errors++;
          firstError ??= String((err as { cause?: unknown }).cause ?? err);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const sorted = ms.sort((a, b) => a - b);
  if (firstError) process.stderr.write(`  concurrency ${concurrency}: first error: ${firstError}\n`);
  return {
    concurrency,
    requests: sorted.length,
    errors,
    p50: at(sorted, 0.5),
    p99: at(sorted, 0.99),
    perSecond: sorted.length / seconds,
  };
}

/** Every GET route of the OpenAPI document without path parameters (plus the ones `fill` can fill), called once. */
export async function firstCalls(
  base: string,
  fill: Record<string, string>,
): Promise<Array<{ route: string; status: number; ms: number }>> {
  const doc = (await (await fetch(`${base}/api/docs/json`)).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  const out: Array<{ route: string; status: number; ms: number }> = [];
  for (const [route, methods] of Object.entries(doc.paths)) {
    if (!methods.get || route.includes("/export") || route.endsWith(".pdf") || route.endsWith(".xlsx")) continue;
    const url = route.replace(/\{(\w+)\}/g, (_m, name: string) => fill[name] ?? `{${name}}`);
    if (url.includes("{")) continue;
    const t0 = performance.now();
    const res = await fetch(
      `${base}${url}${route === "/api/search" ? `?q=${encodeURIComponent("电池")}&facets=${PAGE_FACETS}` : ""}`,
    );
    await res.arrayBuffer();
    out.push({ route: url, status: res.status, ms: performance.now() - t0 });
  }
  return out;
}

/** A streamed CSV export of every hit of `q` as a signed-in user: rows/s and the server's memory during it. */
export async function streamedExport(
  base: string,
  q: string,
  cookie: string,
  serverPid: number,
): Promise<{ rows: number; seconds: number; rowsPerSecond: number; rssBeforeMb: number; rssPeakMb: number }> {
  const rssBefore = treeRss(serverPid);
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, treeRss(serverPid));
  }, 200);
  const t0 = performance.now();
  let newlines = 0;
  let total: number | null = null;
  try {
    const res = await fetch(`${base}/api/search/export?q=${encodeURIComponent(q)}&format=csv`, { headers: { cookie } });
    if (!res.ok || !res.body) throw new Error(`export failed: ${res.status} ${await res.text()}`);
    const header = res.headers.get("x-total-count");
    total = header === null ? null : Number(header);
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) newlines++;
    }
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - t0) / 1000;
  // the server's own count when it sends one (a quoted field may hold a line break); else lines less the header
  const rows = total ?? Math.max(0, newlines - 1);
  return {
    rows,
    seconds,
    rowsPerSecond: rows / seconds,
    rssBeforeMb: Math.round(rssBefore / 1048576),
    rssPeakMb: Math.round(peak / 1048576),
  };
}
