/**
 * `npm run bench:server`: the real server over a home of generated patents (server/build-home.ts, through the real
 * import path), measured as its users meet it (issue #20): start-up to listening (first start builds the index,
 * a restart loads it), RSS at ready and after the load, the first call of every GET route, HTTP p50/p99 and
 * throughput for a replayed query mix with the search page's facets at concurrency 1, 8 and 32 (every query sent
 * once), a streamed export of every row, and a navigation report cold (first after the start) and warm.
 *
 *   npm run bench:server -- --size 1M [--seed 42] [--queries 3000] [--home bench/out/server-home-1M]
 *
 * Writes bench/out/server-<time>.md and .json with the machine's load beside every figure.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { PasswordHasher } from "../../apps/server/src/modules/accounts/passwords.ts";
import { parseSize } from "./cli.ts";
import { collectStats } from "./corpus-stats.ts";
import { generateDocs } from "./generate/generator.ts";
import { loadModel } from "./generate/model-cache.ts";
import { hanWords } from "./generate/words.ts";
import { finishedReport, signIn } from "./load/clients.ts";
import { startServer, treeRss } from "./load/server.ts";
import { buildQueries } from "./queries.ts";
import { renderOurs } from "./render-ours.ts";
import { buildHome } from "./server/build-home.ts";
import { firstCalls, replay, streamedExport } from "./server/http-load.ts";

const PASSWORD = "Bench#2026-server";
const SAMPLE = { patentsCsvGz: "data/patents/cn_patents_merged.csv.gz", areasCsvGz: "data/regions/areas.csv.gz" };
const log = (s: string) => process.stderr.write(`${s}\n`);
const mb = (bytes: number) => Math.round(bytes / 1048576);
const load = () => os.loadavg()[0].toFixed(1);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: "string", default: "1M" },
      seed: { type: "string", default: "42" },
      queries: { type: "string", default: "3000" },
      home: { type: "string" },
      out: { type: "string", default: "bench/out" },
    },
  });
  const size = parseSize(values.size);
  const seed = Number(values.seed);
  const home = path.resolve(values.home ?? `bench/out/server-home-${values.size}`);
  const figures: Record<string, unknown> = { size, seed, cpus: os.availableParallelism(), loadAtStart: load() };
  const lines: string[] = [];
  const say = (s: string) => {
    lines.push(s);
    console.log(s);
  };

  const t0 = performance.now();
  await buildHome(home, size, seed, log);
  figures.homeBuildS = (performance.now() - t0) / 1000;

  // first start: migrations, the shipped data on an empty home's first start, the index built from the database
  let server = await timedStart(home, "first start");
  figures.firstStartS = server.startS;
  await server.stop();
  server = await timedStart(home, "restart");
  figures.restartS = server.startS;
  const health = (await (await fetch(`${server.url}/api/health`)).json()) as { patents: number; indexedDocs: number };
  figures.rssReadyMb = mb(treeRss(server.pid));
  say(`# Server bench ${new Date().toISOString()}`);
  say("");
  say(
    `${health.patents.toLocaleString()} patents (${size.toLocaleString()} generated + the shipped data), ${figures.cpus} CPUs, load at start ${figures.loadAtStart}`,
  );
  say("");
  say(`| figure | value | load |`);
  say(`| --- | ---: | ---: |`);
  say(`| first start → listening (index built) | ${Number(figures.firstStartS).toFixed(1)} s | ${load()} |`);
  say(`| restart → listening (index loaded) | ${Number(figures.restartS).toFixed(1)} s | ${load()} |`);
  say(`| RSS at ready | ${figures.rssReadyMb} MiB | ${load()} |`);

  try {
    await ensureUser(path.join(home, "zhichan.db"), "bench-server");
    const session = await signIn(server.url, "bench-server", PASSWORD);
    const sample = (await (await fetch(`${server.url}/api/search?q=${encodeURIComponent("电池")}&limit=1`)).json()) as {
      hits: Array<{ pubNo: string; id?: number }>;
    };
    const calls = await firstCalls(server.url, { id: sample.hits[0]?.pubNo ?? "", pubNo: sample.hits[0]?.pubNo ?? "" });
    const answered = calls.filter((c) => c.status < 400);
    const slowest = [...answered].sort((a, b) => b.ms - a.ms);
    figures.firstCalls = calls;
    say(
      `| first calls of ${answered.length} public GET routes: slowest | ${slowest[0]?.route} ${slowest[0]?.ms.toFixed(0)} ms | ${load()} |`,
    );
    say(
      `| first calls over 500 ms | ${
        answered
          .filter((c) => c.ms > 500)
          .map((c) => `${c.route} ${c.ms.toFixed(0)} ms`)
          .join("; ") || "none"
      } | |`,
    );

    const queries = replayQueries(seed, Number(values.queries));
    figures.replay = [];
    for (const c of [1, 8, 32]) {
      const r = await replay(server.url, queries.slice(0, c === 1 ? Math.min(500, queries.length) : queries.length), c);
      (figures.replay as unknown[]).push(r);
      say(
        `| search + page facets, concurrency ${c} (${r.requests} distinct queries, ${r.errors} errors) | p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, ${r.perSecond.toFixed(0)}/s | ${load()} |`,
      );
    }
    const exp = await streamedExport(server.url, "*", session.cookie, server.pid);
    figures.export = exp;
    say(
      `| export of every row (CSV, signed in) | ${exp.rows.toLocaleString()} rows in ${exp.seconds.toFixed(1)} s = ${Math.round(exp.rowsPerSecond).toLocaleString()} rows/s; RSS ${exp.rssBeforeMb} → peak ${exp.rssPeakMb} MiB | ${load()} |`,
    );
    for (const label of ["cold", "warm"]) {
      const t = performance.now();
      await finishedReport(server.url, session, label === "cold" ? "TI=电池" : "TI=传感器");
      const s = (performance.now() - t) / 1000;
      figures[`report${label}S`] = s;
      say(`| navigation report, ${label} | ${s.toFixed(1)} s | ${load()} |`);
    }
    figures.rssAfterMb = mb(treeRss(server.pid));
    say(`| RSS after the load | ${figures.rssAfterMb} MiB | ${load()} |`);
  } finally {
    await server.stop();
  }
  const outDir = path.resolve(values.out);
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `server-${new Date().toISOString().replace(/[:.]/g, "-")}`);
  fs.writeFileSync(`${file}.md`, `${lines.join("\n")}\n`);
  fs.writeFileSync(`${file}.json`, JSON.stringify(figures, null, 1));
  console.log(`wrote ${file}.md and .json`);
}

async function timedStart(home: string, label: string) {
  const t = performance.now();
  const server = await startServer(process.cwd(), home, 60 * 60_000);
  const startS = (performance.now() - t) / 1000;
  log(`${label}: listening after ${startS.toFixed(1)} s`);
  return { ...server, startS };
}

/** Distinct queries from the bench's query model (replay mode's selection rules), in a seeded shuffle. */
function replayQueries(seed: number, count: number): string[] {
  const model = loadModel(SAMPLE, path.resolve("bench/out/cache"));
  const words = hanWords(model);
  const perClass = Math.max(5, Math.ceil(count / 12));
  const all = buildQueries(collectStats(generateDocs(model, seed, 30_000), words), words, perClass)
    .filter((q) => q.node.kind !== "numbers")
    .map((q) => renderOurs(q.node));
  const unique = [...new Set(all)];
  let s = seed;
  for (let i = unique.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [unique[i], unique[j]] = [unique[j]!, unique[i]!];
  }
  return unique.slice(0, count);
}

/** One enterprise user straight into the bench home's database (a bench home only, never a real one). */
async function ensureUser(dbFile: string, name: string): Promise<void> {
  const db = new Database(dbFile);
  db.pragma("busy_timeout = 10000");
  try {
    if (db.prepare("SELECT id FROM users WHERE username = ?").get(name)) return;
    const hash = await new PasswordHasher().hash(PASSWORD);
    const now = Date.now();
    const id = db
      .prepare(
        "INSERT INTO users (username, display_name, password_hash, password_changed_at, created_at) VALUES (?, ?, ?, ?, ?)",
      )
      .run(name, name, hash, now, now).lastInsertRowid;
    db.prepare("INSERT INTO user_roles (user_id, role, district_code) VALUES (?, 'enterprise', NULL)").run(id);
  } finally {
    db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
