import { loadModel } from "./generate/model-cache.ts";
import { generateDocs } from "./generate/generator.ts";
let t = performance.now();
const m = loadModel({ patentsCsvGz: "data/patents/cn_patents_merged.csv.gz", areasCsvGz: "data/regions/areas.csv.gz" }, "bench/out/cache");
console.log("load ms", performance.now() - t);
t = performance.now();
let n = 0;
for (const d of generateDocs(m, 42, 200_000)) { n += d.ti.length; }
console.log("gen 200k ms", performance.now() - t, n);
