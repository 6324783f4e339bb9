/** The facet buckets a document falls in, as our engine defines them; peers store exactly these values. */
import type { PatentDoc } from "@zhichan/core/search/types.ts";

/** The facets the benchmark measures (a subset of the engine's FacetField). */
export const BENCH_FACETS = ["year", "ipc_subclass", "applicant"] as const;
export type BenchFacet = (typeof BENCH_FACETS)[number];

export function facetValues(doc: PatentDoc, facet: BenchFacet): string[] {
  switch (facet) {
    case "year": {
      // the engine's "date" of a doc: application date, else publication date; 0 = unknown (no bucket)
      const date = doc.ad !== 0 ? doc.ad : doc.pd;
      return date > 0 ? [String(Math.floor(date / 10000))] : [];
    }
    case "ipc_subclass":
      return distinct(doc.ipc.filter((code) => code.length >= 4).map((code) => code.slice(0, 4).toUpperCase()));
    case "applicant":
      return distinct(doc.applicantIds);
  }
}

function distinct(values: string[]): string[] {
  return values.length <= 1 ? values : [...new Set(values)];
}
