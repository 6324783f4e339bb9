import type { PatentImportField } from "@zhichan/shared";
import { CANONICAL_FIELDS, type CanonicalField } from "../mapping/canonical-fields.js";

/** Labels of the canonical fields for the mapping editor (GET /api/imports/fields). */
const LABELS: Partial<Record<CanonicalField, [zh: string, en: string]>> = {
  pub_no: ["公开（公告）号", "Publication number"],
  app_no: ["申请号", "Application number"],
  title: ["标题", "Title"],
  abstract: ["摘要", "Abstract"],
  claims: ["权利要求", "Claims"],
  applicants: ["申请人（专利权人）", "Applicants (owners)"],
  inventors: ["发明人", "Inventors"],
  app_date: ["申请日", "Application date"],
  pub_date: ["公开（公告）日", "Publication date"],
  grant_date: ["授权日", "Grant date"],
  app_year: ["申请年", "Application year"],
  patent_type: ["专利类型", "Patent type"],
  ipc_main: ["主分类号（IPC）", "Main IPC"],
  ipc_all: ["IPC 分类号", "IPC classes"],
  legal_status: ["法律状态", "Legal status"],
  applicant_province: ["申请人所在省", "Applicant's province"],
  applicant_city: ["申请人所在市", "Applicant's city"],
  applicant_district: ["申请人所在区县", "Applicant's district"],
  applicant_address: ["申请人地址", "Applicant's address"],
  province_code_text: ["国省代码", "Country/province code"],
  agency: ["代理机构", "Agency"],
  agent: ["代理人", "Agent"],
  sei_category: ["战略性新兴产业分类", "Strategic emerging industry"],
  nic_category: ["国民经济行业分类", "Industry classification (NIC)"],
  claims_count: ["权利要求数", "Number of claims"],
  cited_by_count: ["被引用次数", "Times cited"],
  title_en: ["英文标题", "English title"],
  abstract_en: ["英文摘要", "English abstract"],
  cpc: ["CPC 分类号", "CPC classes"],
  priority_nos: ["优先权号", "Priority numbers"],
  priority_dates: ["优先权日", "Priority dates"],
  cited_refs: ["引用文献", "Cited publications"],
  cites_count: ["引用文献数", "Number of citations"],
  family_id: ["同族号", "Family id"],
  family_members: ["同族专利", "Family members"],
  family_count: ["同族数", "Family size"],
  region_text: ["省市（地区文字）", "Province/city text"],
  division_code: ["行政区划代码", "Division code"],
};

/** A row without one of these is rejected; title may be replaced by the English title. */
const REQUIRED = new Set<string>(["pub_no", "title"]);

export function importFields(): PatentImportField[] {
  return CANONICAL_FIELDS.map((field) => {
    const [zh, en] = LABELS[field] ?? [field, field];
    return { field, zh, en, required: REQUIRED.has(field) };
  });
}
