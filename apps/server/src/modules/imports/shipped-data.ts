import fs from "node:fs";
import path from "node:path";

export interface ShippedFile {
  /** Relative to the data folder. */
  path: string;
  source: string;
  /** Why the file is not imported, when it is not. */
  skip?: string;
}

const GLOBAL_DIR = "patents/global-autonomous-driving";

/**
 * The patent files of data/, in load order. Order matters: a publication in several files keeps the first file's
 * values and gets only its empty fields filled from later ones — the merged CN file first (it already merges eight
 * sources), then the full-schema CNIPA sample (adds claims, addresses, agents), then the Patentics global set.
 */
export function shippedPatentFiles(dataDir: string): ShippedFile[] {
  const global = fs
    .readdirSync(path.join(dataDir, GLOBAL_DIR))
    .filter((f) => /\.csv(\.gz)?$/.test(f))
    .sort()
    .map((f) => ({ path: `${GLOBAL_DIR}/${f}`, source: `patentics_global_${f.replace(/全球.*$/, "")}` }));
  return [
    { path: "patents/cn_patents_merged.csv.gz", source: "cn_patents_merged" },
    { path: "patents/zhengzhou-cnipa-sample/patents_case.csv.gz", source: "zz_cnipa_sample" },
    ...global,
    {
      path: "patents/henan_subset.csv.gz",
      source: "henan_subset",
      // Verified by imports.shipped.test.ts: every row equals a row of cn_patents_merged, field for field.
      skip: "every row is a verbatim copy of a cn_patents_merged row (a name-matched Henan selection); nothing to add",
    },
  ];
}
