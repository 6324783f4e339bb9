import crypto from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { Clock } from "../accounts/clock.js";
import type { HealthService } from "./health.service.js";

/** Seconds; from a cached facet count (~1 ms) to a cold export page or a report (seconds). */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The server's Prometheus metrics (GET /metrics, text format). One registry per app, not prom-client's global one,
 * so several apps in one process (tests, two nodes in the chaos test) never share or double-register series.
 * Database-backed figures (job queue, imports, index lag) are read when scraped, so they cost nothing in between.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  private readonly http: Histogram<"method" | "route" | "status">;
  private readonly search: Histogram<"facets" | "unit">;

  constructor(
    private readonly health: HealthService,
    private readonly clock: Clock,
  ) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: "zhichan_" });
    this.http = new Histogram({
      name: "zhichan_http_request_duration_seconds",
      help: "HTTP request latency by route pattern (not by URL, so ids do not make new series)",
      labelNames: ["method", "route", "status"],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.search = new Histogram({
      name: "zhichan_search_duration_seconds",
      help: "GET /api/search latency, with and without facet counts, per count unit",
      labelNames: ["facets", "unit"],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    const gauge = (name: string, help: string, labelNames: string[] = []) =>
      new Gauge({ name, help, labelNames, registers });
    this.jobsWaiting = gauge("zhichan_jobs_waiting", "Durable jobs (reports, imports) waiting to run, per kind", [
      "kind",
      "state",
    ]);
    this.oldestQueued = gauge(
      "zhichan_jobs_oldest_queued_age_seconds",
      "Age of the oldest job still waiting to start, per kind",
      ["kind"],
    );
    this.importRows = new Counter({
      name: "zhichan_import_rows_total",
      help: "Rows worked through by web imports (rate() gives import rows per second)",
      registers,
    });
    this.lagRows = gauge("zhichan_index_lag_rows", "Rows written to the database and not yet searchable on this node");
    this.lagSeconds = gauge(
      "zhichan_index_lag_seconds",
      "How long this node's index has trailed the database without a break",
    );
    this.indexDocs = gauge("zhichan_index_docs", "Documents in this node's search index");
  }

  private readonly jobsWaiting: Gauge;
  private readonly oldestQueued: Gauge;
  private readonly importRows: Counter;
  private readonly lagRows: Gauge;
  private readonly lagSeconds: Gauge;
  private readonly indexDocs: Gauge;

  /** The database-backed figures, read once per scrape (one query each, not one per series that shows them). */
  private refresh(): void {
    const queue = this.health.jobQueue();
    this.jobsWaiting.reset();
    this.oldestQueued.reset();
    for (const r of queue) {
      this.jobsWaiting.set({ kind: r.kind, state: "queued" }, r.queued);
      this.jobsWaiting.set({ kind: r.kind, state: "running" }, r.running);
      if (r.oldest_queued_at)
        this.oldestQueued.set({ kind: r.kind }, (this.clock.now() - Date.parse(r.oldest_queued_at)) / 1000);
    }
    this.importRows.reset();
    this.importRows.inc(this.health.importRowsDone());
    const ready = this.health.readiness();
    this.lagRows.set(ready.lagRows);
    this.lagSeconds.set(ready.lagMs / 1000);
    this.indexDocs.set(ready.indexedDocs);
  }

  /** Called once per answered request (onResponse). */
  observe(req: FastifyRequest, reply: FastifyReply): void {
    const route = req.routeOptions.url ?? "(no route)";
    if (route === "/metrics") return;
    const seconds = reply.elapsedTime / 1000;
    this.http.observe({ method: req.method, route, status: String(reply.statusCode) }, seconds);
    if (route === "/api/search" && reply.statusCode === 200) {
      // the parsed query: facets is [] when none were asked for
      const q = req.query as { facets?: unknown[]; group?: string };
      const labels = {
        facets: q.facets?.length ? "yes" : "no",
        unit: q.group === "invention" ? "invention" : "publication",
      };
      this.search.observe(labels, seconds);
    }
  }

  render(): Promise<string> {
    this.refresh();
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/**
 * Who may scrape: only a caller presenting ZHICHAN_METRICS_TOKEN as a bearer token. Without the setting /metrics is
 * off (404): route patterns, queue depths and index sizes are an outline of the deployment nobody else needs.
 */
export function metricsAllowed(token: string | null, authorization: string | undefined): boolean {
  if (!token) return false;
  const given = Buffer.from(authorization?.startsWith("Bearer ") ? authorization.slice(7) : "");
  const want = Buffer.from(token);
  return given.length === want.length && crypto.timingSafeEqual(given, want);
}
