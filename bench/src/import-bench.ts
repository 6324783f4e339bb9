/**
 * `npm run bench:import`: the importer's throughput, memory and live-index lag (issue #14) on realistic files built
 * from the shipped data (src/import/scaled-rows.ts) in a temporary folder — an incoPat-style CSV and XLSX and a
 * CNIPA XML delivery (outer ZIP of 2,000-patent volumes) — each imported into a fresh home through the real
 * `importFile`, one child process per run (src/import/worker.ts), so peak RSS is that run's alone. Per format and
 * size: `--runs` plain runs (median rows/s), then one run with the server's live SearchIndex following the import
 * (commit → searchable per batch). Prints a markdown table with the load average beside, writes it to --out.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { writeCnipaDelivery } from "./import/cnipa-volumes.ts";
import { loadTemplates, type MergedRow, scaledRows } from "./import/scaled-rows.ts";
import { writeIncopatCsv, writeIncopatXlsx } from "./import/vendor-table.ts";
import type { WorkerResult } from "./import/worker.ts";

const FORMATS = ["csv", "xlsx", "xml"] as const;
type Format = (typeof FORMATS)[number];
const GOAL_ROWS_PER_SECOND: Partial<Record<Format, number>> = { csv: 20_000, xlsx: 5_000 };
const GOAL_LAG_MS = 1000;

const USAGE = `npm run bench:import -- [--sizes 10k,100k] [--runs 3] [--formats csv,xlsx,xml] [--seed 42]
                           [--out bench/out] [--cpu-prof] [--no-live]
  --runs 0     only the run with the live index (commit → searchable), no plain runs`;

interface Row {
  format: Format;
  size: number;
  runs: WorkerResult[];
  live?: WorkerResult;
}

const parseSize = (s: string) => Math.round(Number.parseFloat(s) * (/k$/i.test(s) ? 1e3 : /m$/i.test(s) ? 1e6 : 1));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString("en-US") : "∞");

async function buildInputs(dir: string, size: number, seed: number, formats: Format[], templates: MergedRow[]) {
  const files: Partial<Record<Format, string>> = {};
  const rows = () => scaledRows(templates, seed, size);
  for (const f of formats) {
    const t0 = performance.now();
    const file = path.join(dir, `incopat-${size}.${f === "xml" ? "zip" : f}`);
    if (f === "csv") await writeIncopatCsv(file, rows());
    if (f === "xlsx") await writeIncopatXlsx(file, rows());
    if (f === "xml") writeCnipaDelivery(file, rows());
    const mb = fs.statSync(file).size / 1048576;
    console.log(
      `  built ${path.basename(file)}: ${mb.toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    files[f] = file;
  }
  return files;
}

function runWorker(file: string, format: Format, live: boolean, profDir: string | null): Promise<WorkerResult> {
  const out = path.join(os.tmpdir(), `zhichan-import-bench-${process.pid}-${Date.now()}.json`);
  const flags = ["--max-old-space-size=8192", "--import", "tsx"];
  if (profDir)
    flags.push("--cpu-prof", `--cpu-prof-dir=${profDir}`, `--cpu-prof-name=${format}-${Date.now()}.cpuprofile`);
  const child = spawn(process.execPath, [...flags, "bench/src/import/worker.ts", file, format, live ? "1" : "0", out], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`${format} worker exited with ${code}`));
      const r = JSON.parse(fs.readFileSync(out, "utf8")) as WorkerResult;
      fs.rmSync(out, { force: true });
      r.lagsMs = r.lagsMs?.map((l) => l ?? Number.POSITIVE_INFINITY); // JSON has no ∞
      resolve(r);
    });
  });
}

function renderTable(rows: Row[]): string {
  const lines = [
    "| format | rows | runs | rows/s (median) | range | seconds | rows per CPU-s | peak RSS MB | live-index run: rows/s | commit → searchable ms (median / p95 / max) | index catch-up in the batch hook ms (median / max) | load (1 min) | goal |",
    "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- | --- | --- | --- |",
  ];
  for (const r of rows) {
    const rates = r.runs.map((x) => x.rowsPerSecond);
    const goal = GOAL_ROWS_PER_SECOND[r.format];
    const lags = r.live?.lagsMs ?? [];
    const lagText = lags.length
      ? `${int(median(lags))} / ${int(quantile(lags, 0.95))} / ${int(Math.max(...lags))}`
      : "—";
    const hooks = r.live?.hookMs ?? [];
    const hookText = hooks.length ? `${int(median(hooks))} / ${int(Math.max(...hooks))}` : "—";
    const verdicts = [
      goal && rates.length ? `${median(rates) >= goal ? "PASS" : "FAIL"} ≥ ${int(goal)}/s` : "",
      lags.length ? `${Math.max(...lags) <= GOAL_LAG_MS ? "PASS" : "FAIL"} ≤ 1 s` : "",
    ].filter(Boolean);
    const loads = [...r.runs, ...(r.live ? [r.live] : [])].map((x) => x.load1);
    const plain =
      r.runs.length === 0
        ? "— | — | — | — | —" // --runs 0: the live-index run only
        : `${int(median(rates))} | ${int(Math.min(...rates))}–${int(Math.max(...rates))} | ${median(r.runs.map((x) => x.seconds)).toFixed(1)} | ${int(median(r.runs.map((x) => x.rows / x.cpuSeconds)))} | ${int(Math.max(...r.runs.map((x) => x.maxRssMb)))}`;
    lines.push(
      `| ${r.format} | ${int(r.size)} | ${r.runs.length} | ${plain} | ${r.live ? int(r.live.rowsPerSecond) : "—"} | ${lagText} | ${hookText} | ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} | ${verdicts.join(", ") || "—"} |`,
    );
  }
  return lines.join("\n");
}

async function main() {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: "10k,100k" },
      runs: { type: "string", default: "3" },
      formats: { type: "string", default: FORMATS.join(",") },
      seed: { type: "string", default: "42" },
      out: { type: "string", default: "bench/out" },
      "cpu-prof": { type: "boolean", default: false },
      "no-live": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) return console.log(USAGE);
  const sizes = values.sizes.split(",").map(parseSize);
  const formats = values.formats.split(",").filter((f): f is Format => (FORMATS as readonly string[]).includes(f));
  const runs = Math.max(values["no-live"] ? 1 : 0, Number(values.runs)); // 0: only the live-index run
  const outDir = path.resolve(values.out);
  fs.mkdirSync(outDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:]/g, "-").replace(/\..*/, "");
  const profDir = values["cpu-prof"] ? path.join(outDir, `import-profiles-${stamp}`) : null;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "zhichan-import-inputs-"));
  const templates = loadTemplates();
  const rows: Row[] = [];
  try {
    for (const size of sizes) {
      console.log(`size ${int(size)}: building inputs from ${templates.length} shipped records`);
      const files = await buildInputs(scratch, size, Number(values.seed), formats, templates);
      for (const format of formats) {
        const file = files[format] as string;
        const row: Row = { format, size, runs: [] };
        for (let i = 0; i < runs; i++) {
          row.runs.push(await runWorker(file, format, false, profDir));
          console.log(
            `  ${format} run ${i + 1}: ${int(row.runs[i].rowsPerSecond)} rows/s, ${int(row.runs[i].maxRssMb)} MB`,
          );
        }
        if (!values["no-live"]) {
          row.live = await runWorker(file, format, true, null);
          const m = row.live.merges;
          console.log(
            `  ${format} with live index: ${int(row.live.rowsPerSecond)} rows/s` +
              (m
                ? `; ${m.count} background merges rewrote ${int(m.docs)} docs, at most ${m.mostSegments} segments`
                : ""),
          );
        }
        rows.push(row);
      }
      for (const f of Object.values(files)) fs.rmSync(f as string, { force: true });
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  const table = renderTable(rows);
  const head = `# Import benchmark ${stamp}\n\n${os.cpus().length} cores (${os.cpus()[0]?.model ?? "?"}), Node ${process.version}, seed ${values.seed}; load average is the machine's, shared with other work.\n`;
  console.log(`\n${table}\n`);
  const md = path.join(outDir, `import-${stamp}.md`);
  fs.writeFileSync(md, `${head}\n${table}\n`);
  fs.writeFileSync(path.join(outDir, `import-${stamp}.json`), JSON.stringify(rows, null, 1));
  console.log(`written ${path.relative(process.cwd(), md)}${profDir ? `; CPU profiles in ${profDir}` : ""}`);
}

await main();
