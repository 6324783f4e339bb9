/**
 * Batch lookup of publication and application numbers (POST /api/patents/lookup): each number is resolved in
 * the segments' PN and AN keyword dictionaries — two binary searches a segment, no query parsing — with the same
 * tolerance as PN= and AN= (kind code, country prefix, check digit optional), so 10,000 numbers take milliseconds.
 */
import { normalizeAn, normalizePn } from "./index/numbers.js";
import type { Segment } from "./index/segment.js";
import type { FilterNode } from "./query/ast.js";
import { ensureInverse, matchingOrds } from "./query/filters.js";

/** The filters one typed number stands for: its publication-number and application-number readings. */
function numberFilters(raw: string): FilterNode[] {
  const s = raw.normalize("NFKC").toUpperCase().trim();
  const pn = normalizePn(s);
  const an = normalizeAn(s.replace(/^ZL/, ""));
  const out: FilterNode[] = [];
  if (pn !== "") out.push({ kind: "filter", field: "pn", values: [pn] });
  if (an !== "" && /^[\dX]+$/.test(an)) out.push({ kind: "filter", field: "an", values: [an] });
  return out;
}

/** Live external ids matching each number, ascending; an empty list when nothing matches. */
export function lookupNumbers(segments: readonly Segment[], numbers: readonly string[]): number[][] {
  for (const seg of segments) {
    ensureInverse(seg.d.kw.pn, seg.maxDoc);
    ensureInverse(seg.d.kw.an, seg.maxDoc);
  }
  return numbers.map((n) => {
    const ids = new Set<number>();
    for (const f of numberFilters(n)) {
      for (const seg of segments) {
        const kf = seg.d.kw[f.field as "pn" | "an"];
        for (const o of matchingOrds(kf, f)) {
          for (let i = kf.invOffs![o]; i < kf.invOffs![o + 1]; i++) {
            const doc = kf.inv![i];
            if (!seg.isDeleted(doc)) ids.add(seg.d.ids[doc]);
          }
        }
      }
    }
    return [...ids].sort((a, b) => a - b);
  });
}
