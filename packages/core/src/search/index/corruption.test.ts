/**
 * A damaged segment file must end in an error, never in a spin: the probe found a corrupted segment that kept the
 * server at full CPU across restarts. Each damaged file is loaded, searched and compacted in a worker thread, so a
 * hang fails the test (the worker is terminated) instead of hanging the suite.
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SearchEngine } from "../engine.js";
import { doc, SAMPLE } from "../test-fixtures.js";
import type { PatentDoc } from "../types.js";

/** Far above the few milliseconds a probe takes; a probe still running then is spinning. */
const PROBE_LIMIT_MS = 15_000;

/** Enough docs that frequent words get long lists (skip tables, leapfrogging phrases) beside rare ones. */
function corpus(): PatentDoc[] {
  const out: PatentDoc[] = [];
  for (let i = 1; i <= 1200; i++) {
    const base = SAMPLE[i % SAMPLE.length];
    out.push(
      doc(i, {
        ...base,
        id: i,
        pn: `CN${200000 + i}A`,
        ti: `${base.ti}${i % 3 === 0 ? "电池管理" : ""}${i % 97 === 0 ? "锂离子电池管理" : ""}`,
        ab: `${base.ab}${i % 2 === 0 ? " lithium battery charging" : ""}`,
      }),
    );
  }
  return out;
}

const PROBE = `
const { parentPort, workerData } = require("node:worker_threads");
(async () => {
  const { tsImport } = await import(workerData.tsxApi);
  const { SearchEngine } = await tsImport(workerData.engine, workerData.parent);
  const queries = ["电池", "TI=电池管理", '"锂离子电池管理"', '"电池管理"', "电池 AND 管理", "电池 NOT 锂",
    "lithium OR charging", '"lithium battery"', "lith*", "电池 NEAR/2 管理", "AP=郑州大学", "IPC=H01M"];
  parentPort.on("message", (data) => {
    let engine;
    try {
      engine = SearchEngine.fromSegmentFiles([{ name: "seg-000001.zcs", data }]);
    } catch (err) {
      parentPort.postMessage({ load: err.name });
      return;
    }
    const failures = [];
    for (const q of queries) {
      try {
        engine.search(q, { facets: ["year", "ipc_class", "applicant", "district"] });
        for (const _ of engine.iterateIds(q, { sort: "date_asc" }));
      } catch (err) {
        failures.push(err.name);
      }
    }
    try {
      engine.addDocuments([]);
      engine.compact();
    } catch (err) {
      failures.push(err.name);
    }
    parentPort.postMessage({ load: "ok", failures });
  });
  parentPort.postMessage("ready");
})();
`;

interface Outcome {
  load: string;
  failures?: string[];
}

/** One worker for all probes; replaced when a probe had to be stopped. */
class Prober {
  private worker: Worker | null = null;
  private async start(): Promise<Worker> {
    const require = createRequire(import.meta.url);
    const w = new Worker(PROBE, {
      eval: true,
      workerData: {
        tsxApi: pathToFileURL(require.resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs")).href,
        engine: new URL("../engine.ts", import.meta.url).href,
        parent: import.meta.url,
      },
    });
    await new Promise<void>((resolve, reject) => {
      w.once("message", () => resolve());
      w.once("error", reject);
    });
    return w;
  }
  async probe(bytes: Uint8Array): Promise<Outcome | "hung"> {
    this.worker ??= await this.start();
    const w = this.worker;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.worker = null;
        void w.terminate(); // stops a spinning worker
        resolve("hung");
      }, PROBE_LIMIT_MS);
      w.once("message", (m: Outcome) => {
        clearTimeout(timer);
        resolve(m);
      });
      w.postMessage(bytes);
    });
  }
  async stop(): Promise<void> {
    await this.worker?.terminate();
  }
}

/** Byte range of a named array in a segment file (its directory is in the meta JSON). */
function arrayAt(bytes: Uint8Array, name: string): { start: number; length: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const metaLen = view.getUint32(8, true);
  const meta = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + metaLen))) as {
    arrays: [string, string, number, number][];
  };
  const head = (12 + metaLen + 7) & ~7;
  const entry = meta.arrays.find((a) => a[0] === name);
  if (!entry) throw new Error(`no array ${name}`);
  return { start: head + entry[2], length: entry[3] };
}

function setU32(bytes: Uint8Array, at: number, v: number): Uint8Array {
  const out = bytes.slice();
  new DataView(out.buffer).setUint32(at, v, true);
  return out;
}

describe("a damaged segment file", () => {
  const prober = new Prober();
  let file: Uint8Array;
  beforeAll(() => {
    const e = SearchEngine.create();
    e.addDocuments(corpus());
    const files = e.toSegmentFiles();
    expect(files).toHaveLength(1);
    file = files[0].data;
  });
  afterAll(() => prober.stop());

  it("loads and answers when intact", async () => {
    expect(await prober.probe(file)).toEqual({ load: "ok", failures: [] });
  });

  it("is refused at load when an offset table or a posting count points outside the file", async () => {
    const docOff = arrayAt(file, "ti.docOff");
    const df = arrayAt(file, "ti.df");
    const csr = arrayAt(file, "kw.ipc.csr");
    const damaged = [
      setU32(file, docOff.start + 4 * Math.floor(docOff.length / 2), 0xfffffff0), // a list that never ends
      setU32(file, docOff.start + 4 * (docOff.length - 1), 0x7fffffff),
      setU32(file, df.start + 4 * Math.floor(df.length / 3), 0x10000000), // 268M postings
      setU32(file, csr.start + 4 * 5, 0xfffffff0), // a doc with four billion IPC codes
      setU32(file, 8, 0xfffffff0), // meta length
    ];
    for (const bytes of damaged) expect(await prober.probe(bytes)).toEqual({ load: "CorruptSegmentError" });
  }, 120_000);

  it("never hangs whatever bytes are flipped, zeroed or cut off", async () => {
    const damage = fc.oneof(
      fc.record({
        kind: fc.constant("set" as const),
        at: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }),
      }),
      fc.record({ kind: fc.constant("cut" as const), keep: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(damage, async (d) => {
        let bytes: Uint8Array;
        if (d.kind === "cut") bytes = file.slice(0, d.keep % file.length);
        else {
          bytes = file.slice();
          for (const [at, v] of d.at) bytes[at % bytes.length] = v;
        }
        const outcome = await prober.probe(bytes);
        expect(outcome).not.toBe("hung");
      }),
      { numRuns: 150, seed: 13 },
    );
  }, 600_000);
});
