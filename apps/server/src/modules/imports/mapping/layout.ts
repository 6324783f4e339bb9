import { normaliseHeader } from "./header-normalise.js";

export type VendorLayout = "patentics" | "incopat" | "patsnap" | "cnipa" | "zhichan" | "unknown";

/**
 * Columns that only one vendor's export prints. A layout is decided by how many of its telling columns the header
 * row has — never by one column alone: incoPat also prints 标准化申请人, which once made every incoPat file with it
 * read as Patentics (and its '; '-separated inventors as one 'Family, Given' person).
 */
const TELLING: Record<Exclude<VendorLayout, "unknown">, string[]> = {
  patentics: [
    "标准化申请人",
    "第一发明人",
    "本文引用专利数",
    "引用本文专利数",
    "本文自引用专利数",
    "本文非自引用专利数",
    "自引用本文专利数",
    "非自引用本文专利数",
    "美国分类",
    "美国主分类",
    "同族专利数",
    "技术特征",
  ],
  incopat: [
    "公开(公告)号",
    "标题(英文)",
    "摘要(英文)",
    "专利有效性",
    "合享价值度",
    "技术稳定性",
    "简单同族",
    "扩展同族",
    "被引证次数",
    "引证次数",
    "申请人地市",
    "申请人区县",
    "标准化当前权利人",
    "公开类型",
    "战略新兴产业分类",
    "国民经济分类",
    "首项权利要求",
    "文献页数",
    "受理局",
  ],
  patsnap: [
    "[标]当前申请(专利权)人",
    "当前申请(专利权)人",
    "[标]原始申请(专利权)人",
    "简单法律状态",
    "法律状态/事件",
    "被引用专利数量",
    "引用专利数量",
    "专利价值",
    "标题(英文)",
    "摘要(英文)",
    "简单同族",
  ],
  cnipa: [
    "国省代码",
    "主权项",
    "申请(专利权)人",
    "发明名称",
    "申请人邮编",
    "优先权号",
    "范畴分类",
    "当前专利代理人",
    "当前权利人",
    "法律事件",
    "引证专利",
  ],
  zhichan: ["publication_number", "application_number", "applicants", "legal_status", "sei_category", "nic_category"],
};

const TELLING_KEYS = Object.fromEntries(
  Object.entries(TELLING).map(([layout, headers]) => [layout, new Set(headers.map(normaliseHeader))]),
) as Record<Exclude<VendorLayout, "unknown">, Set<string>>;

/** The layout whose telling columns the header row has most of (at least two), with the columns that told. */
export function detectLayout(headers: string[]): { layout: VendorLayout; evidence: string[] } {
  const keys = headers.map(normaliseHeader);
  let best: { layout: VendorLayout; evidence: string[] } = { layout: "unknown", evidence: [] };
  for (const layout of Object.keys(TELLING_KEYS) as Array<Exclude<VendorLayout, "unknown">>) {
    const evidence = headers.filter((_, i) => TELLING_KEYS[layout].has(keys[i]));
    if (evidence.length >= 2 && evidence.length > best.evidence.length) best = { layout, evidence };
  }
  return best;
}
