/**
 * `npm run bench -- --load`: search latency for everyone while exports and PDFs run (issue #13: four 72k-row XLSX
 * exports took search p50 from 20 ms to 465 ms; 12 report PDFs took 2.7 GB). Starts the real server on 127.0.0.1
 * over a home holding the shipped data (imported through the real first-start path once, then reused), and runs
 * three bounded phases of `--load-seconds` each at a fixed search concurrency:
 *   1. searches alone; 2. with 4 export clients (2 visitors, 2 signed in) exporting XLSX again and again;
 *   3. with waves of 12 concurrent report PDFs.
 * Prints a table (p50/p99, load average, peak RSS of the server and its Chromium) and writes it to bench/out.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { PasswordHasher } from "../../../apps/server/src/modules/accounts/passwords.ts";
import { exportLoop, finishedReport, type Outcomes, pdfWaves, searchLoad, signIn } from "./clients.ts";
import { type LoadServer, startServer, treeRss } from "./server.ts";

const QUERIES = [
  "电池",
  "芯片",
  "自动驾驶",
  "虚拟现实",
  "IPC=H01M",
  "TI=传感器",
  "神经网络",
  "图像 AND 识别",
  "激光雷达",
  "车辆",
];
const EXPORT_CANDIDATES = ["车辆", "方法", "装置", "系统"];
const PASSWORD = "Bench#2026-load";

interface PhaseResult {
  phase: string;
  searches: number;
  errors: number;
  p50: number;
  p99: number;
  load1: number;
  peakRssMb: number;
  side: string;
}

export async function runLoad(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      load: { type: "boolean" },
      "load-seconds": { type: "string", default: "20" },
      concurrency: { type: "string", default: "8" },
      home: { type: "string", default: "bench/out/load-home" },
      out: { type: "string", default: "bench/out" },
    },
    strict: false,
  });
  const seconds = Math.min(120, Math.max(5, Number(values["load-seconds"])));
  const concurrency = Math.min(32, Math.max(1, Number(values.concurrency)));
  const repoRoot = process.cwd();
  const home = path.resolve(String(values.home));
  fs.mkdirSync(home, { recursive: true });
  console.log(
    `load test: home ${home} (first start imports data/, minutes), ${seconds} s per phase, ${concurrency} searchers`,
  );
  const server = await startServer(repoRoot, home, 20 * 60_000);
  const stop = () => void server.stop();
  process.once("SIGINT", stop);
  try {
    const results = await phases(server, home, seconds, concurrency);
    report(results, path.resolve(String(values.out)), { seconds, concurrency });
  } finally {
    process.off("SIGINT", stop);
    await server.stop();
  }
}

async function phases(server: LoadServer, home: string, seconds: number, concurrency: number) {
  const base = server.url;
  await ensureUsers(path.join(home, "zhichan.db"), ["bench-load-1", "bench-load-2"]);
  const [s1, s2] = [await signIn(base, "bench-load-1", PASSWORD), await signIn(base, "bench-load-2", PASSWORD)];
  const exportQ = await largestQuery(base);
  console.log(`export query: ${exportQ.q} (${exportQ.total.toLocaleString()} hits); warming up`);
  await searchLoad(base, QUERIES, concurrency, Date.now() + 3_000);
  const results: PhaseResult[] = [];

  results.push(await measure(server, "searches alone", seconds, concurrency, async () => ""));

  results.push(
    await measure(server, "+ 4 XLSX exports (2 visitors, 2 signed in)", seconds, concurrency, async (until) => {
      const loops = await Promise.all([
        exportLoop(base, exportQ.q, { "x-forwarded-for": "10.77.0.1" }, until),
        exportLoop(base, exportQ.q, { "x-forwarded-for": "10.77.0.2" }, until),
        exportLoop(base, exportQ.q, { cookie: s1.cookie }, until),
        exportLoop(base, exportQ.q, { cookie: s2.cookie }, until),
      ]);
      return `visitors ${outcome(loops[0])} / ${outcome(loops[1])}; signed in ${outcome(loops[2])} / ${outcome(loops[3])}`;
    }),
  );

  const reportId = await finishedReport(base, s1, "IPC=H01M");
  results.push(
    await measure(server, "+ 12 concurrent report PDFs (waves)", seconds, concurrency, async (until) => {
      return `PDFs ${outcome(await pdfWaves(base, reportId, 12, s1, until))}`;
    }),
  );
  return results;
}

const outcome = (o: Outcomes) =>
  `${o.done} done${o.rows !== undefined ? ` (${o.rows.toLocaleString()} rows)` : ""}, ${o.refused} refused (429)${o.failed ? `, ${o.failed} failed` : ""}`;

async function measure(
  server: LoadServer,
  phase: string,
  seconds: number,
  concurrency: number,
  side: (until: number) => Promise<string>,
): Promise<PhaseResult> {
  const until = Date.now() + seconds * 1000;
  let peak = treeRss(server.pid);
  const sampler = setInterval(() => {
    peak = Math.max(peak, treeRss(server.pid));
  }, 200);
  try {
    const [search, sideText] = await Promise.all([searchLoad(server.url, QUERIES, concurrency, until), side(until)]);
    const sorted = search.ms.sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
    const r = {
      phase,
      searches: sorted.length,
      errors: search.errors,
      p50: at(0.5),
      p99: at(0.99),
      load1: os.loadavg()[0],
      peakRssMb: Math.round(peak / 1024 / 1024),
      side: sideText,
    };
    console.log(`${phase}: p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms; ${sideText}`);
    return r;
  } finally {
    clearInterval(sampler);
  }
}

/** Two enterprise users straight into the bench home's database (a bench home only, never a real one). */
async function ensureUsers(dbFile: string, names: string[]): Promise<void> {
  const db = new Database(dbFile);
  db.pragma("busy_timeout = 10000");
  try {
    const hash = await new PasswordHasher().hash(PASSWORD);
    const now = Date.now();
    for (const name of names) {
      const known = db.prepare("SELECT id FROM users WHERE username = ?").get(name) as { id: number } | undefined;
      if (known) continue;
      const id = db
        .prepare(
          `INSERT INTO users (username, display_name, password_hash, password_changed_at, created_at)
           VALUES (?, ?, ?, ?, ?)`,
        )
        .run(name, name, hash, now, now).lastInsertRowid;
      db.prepare("INSERT INTO user_roles (user_id, role, district_code) VALUES (?, 'enterprise', NULL)").run(id);
    }
  } finally {
    db.close();
  }
}

async function largestQuery(base: string): Promise<{ q: string; total: number }> {
  let best = { q: EXPORT_CANDIDATES[0], total: 0 };
  for (const q of EXPORT_CANDIDATES) {
    const r = (await (await fetch(`${base}/api/search?q=${encodeURIComponent(q)}&limit=0`)).json()) as {
      total: number;
    };
    if (r.total > best.total) best = { q, total: r.total };
  }
  return best;
}

function report(results: PhaseResult[], outDir: string, o: { seconds: number; concurrency: number }): void {
  const base = results[0].p50;
  const lines = [
    `# Load test ${new Date().toISOString()}`,
    "",
    `${os.cpus().length} CPUs, ${o.concurrency} concurrent searchers, ${o.seconds} s per phase; load average = 1-minute os.loadavg() at the end of the phase; memory = PSS of the server process tree incl. Chromium (peak, sampled every 200 ms).`,
    "",
    "| phase | searches | errors | p50 ms | p99 ms | p50 vs alone | load avg | peak memory MB (PSS) | exports / PDFs |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ...results.map(
      (r) =>
        `| ${r.phase} | ${r.searches} | ${r.errors} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${(r.p50 / base).toFixed(2)}x | ${r.load1.toFixed(2)} | ${r.peakRssMb} | ${r.side} |`,
    ),
  ];
  const text = lines.join("\n");
  console.log(`\n${text}\n`);
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `load-${new Date().toISOString().replace(/[:.]/g, "-")}.md`);
  fs.writeFileSync(file, `${text}\n`);
  fs.writeFileSync(file.replace(/\.md$/, ".json"), JSON.stringify({ options: o, results }, null, 2));
  console.log(`wrote ${file}`);
}
