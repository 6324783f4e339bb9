import type { Industry, IndustryStats } from "@zhichan/shared";
import { industryQuery } from "./industries.query.js";
import type { IndustryRow } from "./industries.repository.js";

const list = (json: string): string[] => {
  try {
    const v = JSON.parse(json);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
};

export function toIndustry(r: IndustryRow, stats: IndustryStats | null): Industry {
  const def = {
    seiCode: r.sei_code,
    ipcPrefixes: list(r.ipc_prefixes_json),
    keywords: list(r.keywords_json),
    exclusions: list(r.exclusions_json),
  };
  return {
    id: r.id,
    name: r.name,
    majorName: r.major_name ?? null,
    ...def,
    notes: r.notes,
    builtin: r.builtin === 1,
    query: industryQuery(def),
    updatedAt: r.updated_at,
    stats,
  };
}
