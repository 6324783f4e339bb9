import type { RetrievalStrategy } from "@zhichan/shared";
import {
  ANY_SEI,
  definitionWithoutLabel,
  exclusionQuery,
  type IndustryDefinition,
} from "../industries/industries.query.js";

const pct = (a: number, b: number) => (b > 0 ? `${((a / b) * 100).toFixed(1)}%` : "—");

/**
 * Data scope and retrieval strategy (GB/T 39551-2020 §: 数据检索): the query, what each clause finds, and recall /
 * precision notes measured against the sources' own SEI labels where the industry has an SEI code.
 */
export function retrievalStrategy(
  q: string,
  def: IndustryDefinition | null,
  count: (q: string) => number,
): RetrievalStrategy {
  const total = count(q);
  const clauses = [{ label: "检索式命中 · whole query", query: q, count: total }];
  const notes: string[] = [];
  if (!def) {
    notes.push(
      "检索式由用户给出；查全率与查准率取决于所用词和分类号，建议抽样阅读命中文献核对查准，并补充同义词、IPC 分类号以提高查全。",
    );
    return { query: q, clauses, notes };
  }
  const body = definitionWithoutLabel(def);
  const excl = exclusionQuery(def);
  if (def.seiCode)
    clauses.push({
      label: `来源标注的产业代码 SEI=${def.seiCode}`,
      query: `SEI=${def.seiCode}`,
      count: count(`SEI=${def.seiCode}`),
    });
  if (def.ipcPrefixes.length)
    clauses.push({
      label: `IPC 分类号（${def.ipcPrefixes.length} 个）`,
      query: def.ipcPrefixes.map((p) => `IPC=${p}`).join(" OR "),
      count: count(def.ipcPrefixes.map((p) => `IPC=${p}`).join(" OR ")),
    });
  if (def.keywords.length) {
    const kq = def.keywords.map((k) => `TX="${k.replaceAll('"', "")}"`).join(" OR ");
    clauses.push({ label: `关键词（${def.keywords.length} 个）`, query: kq, count: count(kq) });
  }
  if (excl) clauses.push({ label: "排除项 · exclusions", query: excl, count: count(excl) });
  if (def.seiCode && body) {
    const labelled = count(`SEI=${def.seiCode}`);
    const caught = count(`(${body}) AND SEI=${def.seiCode}`);
    const bodyLabelled = count(`(${body}) AND ${ANY_SEI}`);
    notes.push(
      `查全率参考：来源标注为 ${def.seiCode} 的 ${labelled} 件中，仅靠 IPC/关键词条件能找到 ${caught} 件（${pct(caught, labelled)}）。`,
      `查准率参考：IPC/关键词条件命中且带有任一产业标注的 ${bodyLabelled} 件中，标注为 ${def.seiCode} 的占 ${pct(caught, bodyLabelled)}（一件文献可有多个标注）。`,
    );
  }
  notes.push(
    "产业标注（SEI）只存在于部分来源的记录中；IPC 条件把范围扩展到未标注的文献。IPC 列表见产业定义的说明：它是观测表，不是官方对照表。",
  );
  return { query: q, clauses, notes };
}
