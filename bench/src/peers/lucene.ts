/**
 * Lucene 8 peer: the harness reads the token TSV (token-tsv.ts) and the queries in classic syntax; bench/lucene/LuceneBench
 * (compiled here with javac into bench/out) indexes, times and prints JSON. A separate JVM, so its memory is its own.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import type { EngineResult, QueryOutcome } from "../job.ts";
import type { BenchQuery } from "../query-ast.ts";
import { GROUP_INVENTION, renderLucene } from "../render-lucene.ts";
import type { TimingPlan } from "../timing.ts";
import { loadNote } from "../worker-io.ts";

export const HARNESS_SOURCE = "bench/lucene/LuceneBench.java";
const JVM_HEAP = "-Xmx6g";

/** javac → classesDir; throws with javac's message on failure. */
export function compileHarness(classpath: string[], classesDir: string): void {
  mkdirSync(classesDir, { recursive: true });
  const result = spawnSync("javac", ["-d", classesDir, "-cp", classpath.join(":"), HARNESS_SOURCE], {
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`javac failed:\n${result.stderr}`);
}

export function writeQueriesTsv(queries: BenchQuery[], path: string): void {
  const mode = (q: BenchQuery) => (q.group ? GROUP_INVENTION : (q.facet ?? "-"));
  writeFileSync(path, queries.map((q) => `${q.id}\t${mode(q)}\t${renderLucene(q.node)}\n`).join(""));
}

interface HarnessOutput {
  docs: number;
  ingestMs: number;
  mergeMs: number;
  indexBytes: number;
  peakRssBytes: number;
  queries: QueryOutcome[];
}

export async function runLucene(options: {
  classpath: string[];
  classesDir: string;
  docsTsv: string;
  queriesTsv: string;
  indexDir: string;
  plan: TimingPlan;
  facetSize: number;
  size: number;
}): Promise<EngineResult> {
  rmSync(options.indexDir, { recursive: true, force: true });
  const args = [
    JVM_HEAP,
    "-cp",
    [...options.classpath, options.classesDir].join(":"),
    "LuceneBench",
    options.docsTsv,
    options.indexDir,
    options.queriesTsv,
    String(options.plan.runs),
    String(options.plan.warmups),
    String(options.plan.budgetMs),
    String(options.facetSize),
    ...(options.plan.replay ? ["replay"] : []),
  ];
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = spawn("java", args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`LuceneBench exited with ${code}`))));
  });
  const output = JSON.parse(stdout) as HarnessOutput;
  return {
    engine: "lucene",
    size: options.size,
    ingestMs: output.ingestMs,
    indexBytes: output.indexBytes,
    peakRssBytes: output.peakRssBytes,
    queries: output.queries,
    notes: [
      `ingest = reading the token TSV + addDocument + forceMerge(1) and commit (${(output.mergeMs / 1000).toFixed(1)} s of it); JVM ${JVM_HEAP}`,
      `non-facet queries: the faster of single-pass (exact total) and count()+top-10 (WAND); ${modeCounts(output.queries)}`,
      loadNote(),
    ],
  };
}

function modeCounts(queries: QueryOutcome[]): string {
  const counts = new Map<string, number>();
  for (const q of queries) if (q.mode) counts.set(q.mode, (counts.get(q.mode) ?? 0) + 1);
  return [...counts].map(([mode, n]) => `${mode} ×${n}`).join(", ");
}
