import type { Db } from "../../db/connection.js";
import { countBuiltin, insertIndustry, observedGroups, seiCategories } from "./industries.repository.js";

export const MIN_SHARE = 0.5;
export const MIN_RECORDS = 3;

export const OBSERVED_NOTE =
  `IPC 列表取自本平台数据中观测到的“IPC 主组 → 战略性新兴产业”对应表（ipc_sei_observed：该主组带产业标注的文献中` +
  `至少 ${MIN_SHARE * 100}% 属于本产业且不少于 ${MIN_RECORDS} 件），不是国家知识产权局《战略性新兴产业分类与国际专利分类参照关系表` +
  `（2021）（试行）》官方对照表；覆盖范围限于样本中出现过的主组。` +
  ` · The IPC list is the observed table from our data, not the official CNIPA concordance.`;

/** "H01M10/00" → "H01M10" (the whole main group); a bare subclass stays as it is. */
const mainGroup = (g: string) => (g.includes("/") ? g.slice(0, g.indexOf("/")) : g);

/**
 * The 40 built-in definitions (one per SEI code), seeded once the reference tables are loaded:
 * SEI label OR the observed IPC groups. Returns how many were inserted (0 when already seeded or no tables yet).
 */
export function seedIndustries(db: Db, at: string): number {
  if (countBuiltin(db) > 0) return 0;
  const cats = seiCategories(db);
  if (cats.length === 0) return 0;
  const groups = new Map<string, string[]>();
  for (const g of observedGroups(db, MIN_SHARE, MIN_RECORDS)) {
    const list = groups.get(g.sei_code) ?? [];
    const mg = mainGroup(g.ipc_group);
    if (!list.includes(mg)) list.push(mg);
    groups.set(g.sei_code, list);
  }
  db.sqlite.transaction(() => {
    for (const c of cats) {
      insertIndustry(
        db,
        {
          name: c.sei_name,
          seiCode: c.sei_code,
          ipcPrefixes: groups.get(c.sei_code) ?? [],
          keywords: [],
          exclusions: [],
          notes: OBSERVED_NOTE,
        },
        true,
        null,
        at,
      );
    }
  })();
  return cats.length;
}
