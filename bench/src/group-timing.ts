/**
 * `npx tsx bench/src/group-timing.ts --db <zhichan.db>`: group=invention beside the default (publication) search
 * on a real database (e.g. a home made by `npm run zhichan -- import`): the same queries, facets and page size,
 * median wall time per query in each mode and the median CPU time of batches of 10 runs (steadier than wall time
 * on a shared machine), plus the inventions against the publications. The index is built in memory from the
 * database; nothing is written back.
 */
import path from "node:path";
import { openDb } from "../../apps/server/src/db/connection.ts";
import { docsChangedSince } from "../../apps/server/src/modules/search/patent-docs.repository.ts";
import { SearchEngine } from "../../packages/core/src/search/engine.ts";
import type { FacetField, SearchOptions } from "../../packages/core/src/search/types.ts";
import { median } from "./stats.ts";
import { timeRuns, warmUpAll } from "./timing.ts";

const QUERIES = [
  "电池",
  "TI=自动驾驶",
  "车辆 AND 控制",
  "vehicle",
  "IPC=G06F",
  "TYPE=发明",
  "STATUS=有效",
  'TI="图像识别"',
  "AD>=2020 AND 神经网络",
];
const FACETS: FacetField[] = ["year", "type", "status", "applicant", "ipc_subclass"];

/** CPU milliseconds per run of `fn`, over `n` runs. */
function cpuMs(fn: () => void, n: number): number {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / n;
}

async function main(): Promise<void> {
  const at = process.argv.indexOf("--db");
  const file = at > 0 ? process.argv[at + 1] : path.join(process.env.ZHICHAN_HOME ?? ".", "zhichan.db");
  const db = openDb(file);
  const engine = SearchEngine.create();
  const started = performance.now();
  engine.addDocuments(
    (function* () {
      for (const row of docsChangedSince(db, 0)) yield row.doc;
    })(),
  );
  engine.compact(); // one segment, as a saved and reloaded server index usually is
  console.log(`${engine.docCount} docs indexed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const modes: Record<string, SearchOptions> = {
    publications: { limit: 20, facets: FACETS },
    inventions: { limit: 20, facets: FACETS, group: "invention" },
  };
  const runs = QUERIES.flatMap((q) => Object.values(modes).map((o) => () => engine.search(q, o)));
  warmUpAll(runs);
  console.log("query | publications: hits, wall median, CPU median (ms) | inventions: the same");
  const medians: Record<string, number[]> = { publications: [], inventions: [] };
  for (const q of QUERIES) {
    const cells = Object.entries(modes).map(([mode, o]) => {
      const total = engine.search(q, o).total;
      const wall = timeRuns(() => engine.search(q, o), { runs: 30, warmups: 3, budgetMs: 3000 }).map((us) => us / 1000);
      const cpu = Array.from({ length: 15 }, () => cpuMs(() => engine.search(q, o), 10));
      medians[mode].push(median(cpu));
      return `${total}, ${median(wall).toFixed(2)}, ${median(cpu).toFixed(2)}`;
    });
    console.log(`${q} | ${cells.join(" | ")}`);
  }
  for (const [mode, m] of Object.entries(medians))
    console.log(`${mode}: median of the per-query CPU medians ${median(m).toFixed(2)} ms`);
  const all = engine.search("TYPE=发明 OR NOT TYPE=发明", { limit: 0 }).total;
  const inventions = engine.search("TYPE=发明 OR NOT TYPE=发明", { limit: 0, group: "invention" }).total;
  console.log(`every record: ${all} publications, ${inventions} inventions`);
  await db.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
