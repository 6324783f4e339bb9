/**
 * Learning the model takes ~15 s (n-gram counting over the sample); every engine worker needs it, so it is learnt
 * once and cached as JSON under bench/out, keyed by the sample file's size and mtime and a format version.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { learnModel, type SamplePaths } from "./learn.ts";
import type { CorpusModel, FieldModel } from "./model.ts";

const MODEL_VERSION = 2;

export function loadModel(paths: SamplePaths, cacheDir: string): CorpusModel {
  const stat = statSync(paths.patentsCsvGz);
  const cacheFile = join(cacheDir, `model-v${MODEL_VERSION}-${stat.size}-${Math.floor(stat.mtimeMs)}.json`);
  if (existsSync(cacheFile)) return revive(JSON.parse(readFileSync(cacheFile, "utf8")));
  const model = learnModel(paths);
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(
    cacheFile,
    JSON.stringify(model, (_key, value) => (ArrayBuffer.isView(value) ? Array.from(value as Int32Array) : value)),
  );
  return model;
}

/** JSON holds typed arrays as plain arrays; turn them back (the generator's hot loop wants typed arrays). */
function revive(raw: CorpusModel): CorpusModel {
  const field = (f: FieldModel): FieldModel => ({
    bySection: f.bySection.map((t) => ({
      rowStart: Int32Array.from(t.rowStart),
      next: Int32Array.from(t.next),
      cum: Float64Array.from(t.cum),
    })),
    bySubclass: {
      rowStart: Int32Array.from(f.bySubclass.rowStart),
      chunk: Int32Array.from(f.bySubclass.chunk),
      cum: Float64Array.from(f.bySubclass.cum),
    },
  });
  return { ...raw, title: field(raw.title), abstract: field(raw.abstract) };
}
