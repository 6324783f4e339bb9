import type { FacetCount, FacetField } from "@zhichan/core/search/types.ts";
import { type FacetBucket, LEGAL_STATUS_LABELS, PATENT_TYPE_LABELS } from "@zhichan/shared";
import type { RegionDirectory } from "../reference/region-directory.js";

export interface LabelSources {
  regions: RegionDirectory;
  ipcTitle: (code: string) => string | undefined;
  seiName: (code: string) => string | undefined;
  applicantNames: (ids: number[]) => Map<number, string>;
}

const enumLabel = (labels: Record<string, { zh: string }>, v: string) => labels[v]?.zh ?? v;

/** Gives each facet bucket a Chinese label; values stay the codes the query language accepts. */
export function labelFacets(
  facets: Partial<Record<FacetField, FacetCount[]>>,
  src: LabelSources,
): Record<string, FacetBucket[]> {
  const out: Record<string, FacetBucket[]> = {};
  for (const [field, counts] of Object.entries(facets) as [FacetField, FacetCount[]][]) {
    const names =
      field === "applicant" ? src.applicantNames(counts.map((c) => Number(c.value)).filter(Number.isFinite)) : null;
    out[field] = counts.map(({ value, count }) => ({ value, count, label: labelOf(field, value, src, names) }));
  }
  return out;
}

function labelOf(field: FacetField, value: string, src: LabelSources, names: Map<number, string> | null): string {
  switch (field) {
    case "type":
      return enumLabel(PATENT_TYPE_LABELS, value);
    case "status":
      return enumLabel(LEGAL_STATUS_LABELS, value);
    case "province":
    case "city":
    case "district":
      return src.regions.name(value) ?? value;
    case "ipc_section":
    case "ipc_class":
    case "ipc_subclass":
    case "ipc_group":
      return src.ipcTitle(value) ?? src.ipcTitle(`${value}/00`) ?? value;
    case "sei":
      return src.seiName(value) ?? value;
    case "applicant":
      return names?.get(Number(value)) ?? value;
    default:
      return value;
  }
}
