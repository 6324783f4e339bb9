import type { CaseTypeInfo } from "@zhichan/shared";
import type { Bilingual } from "../../i18n/useCodes";

/**
 * Field labels of every case form (keys as in @zhichan/shared CASE_FORMS). The catalogues hold the same words
 * (fields.*, codes.caseOption.*, codes.caseArea.*); these pairs remain only for the apply form's files, which read
 * the catalogue first and fall back to them.
 */
export const FIELD_LABELS: Record<string, [string, string]> = {
  enterpriseName: ["企业名称", "Enterprise name"],
  uscc: ["统一社会信用代码", "Unified social credit code"],
  contactName: ["联系人", "Contact person"],
  contactPhone: ["联系电话", "Contact phone"],
  industry: ["所属产业", "Industry"],
  address: ["地址", "Address"],
  patentCount: ["有效专利数", "Patents in force"],
  inventionTitle: ["发明名称", "Title of the invention"],
  patentType: ["专利类型", "Patent type"],
  ipc: ["IPC 分类号", "IPC"],
  summary: ["技术方案概要", "Summary"],
  rightType: ["权利类型", "Kind of right"],
  rightNumber: ["权利号", "Right number"],
  description: ["情况说明", "Description"],
  respondent: ["被投诉方", "Respondent"],
  channel: ["侵权渠道", "Channel"],
  otherParty: ["对方当事人", "Other party"],
  disputeType: ["纠纷类型", "Type of dispute"],
  amountYuan: ["金额（元）", "Amount (yuan)"],
  country: ["国家或地区", "Country or region"],
  caseReference: ["案号", "Case reference"],
  technicalField: ["技术领域", "Technical field"],
  questions: ["需查明的技术问题", "Technical questions"],
  listingKind: ["交易方式", "Listing kind"],
  assetType: ["标的类型", "Asset type"],
  assetNumber: ["专利号/注册号", "Patent or registration number"],
  assetTitle: ["标的名称", "Asset title"],
  priceYuan: ["挂牌价（元）", "Asking price (yuan)"],
  negotiable: ["价格面议", "Negotiable"],
  pledgor: ["出质人", "Pledgor"],
  bank: ["质权人（银行）", "Pledgee (bank)"],
  patents: ["质押专利（公开号）", "Pledged patents (publication numbers)"],
  termMonths: ["期限（月）", "Term (months)"],
  category: ["奖励类别", "Reward category"],
  personName: ["人员姓名", "Person"],
  attorneyExamYear: ["代理师考试通过年份", "Attorney exam year"],
  firstPracticeDistrict: ["首次执业地区代码", "District of first practice"],
  engineerTitle: ["知识产权职称", "IP engineer title"],
  yearsInCityAgency: ["本市机构工作年限", "Years in a city agency"],
  brandAgencyRecorded: ["商标代理机构已备案", "Trademark agency recorded"],
  overseasCases: ["海外咨询案件数", "Overseas cases"],
  listingId: ["挂牌编号", "Listing id"],
  message: ["询价内容", "Message"],
  offerYuan: ["报价（元）", "Offer (yuan)"],
  registrationNo: ["质押登记号", "Registration number"],
  registeredOn: ["登记日期", "Registration date"],
};

export const OPTION_LABELS: Record<string, [string, string]> = {
  invention: ["发明", "invention"],
  utility_model: ["实用新型", "utility model"],
  design: ["外观设计", "design"],
  patent: ["专利", "patent"],
  trademark: ["商标", "trademark"],
  copyright: ["著作权", "copyright"],
  gi: ["地理标志", "geographical indication"],
  offline: ["线下", "offline"],
  ecommerce: ["电商平台", "e-commerce"],
  exhibition: ["展会", "exhibition"],
  other: ["其他", "other"],
  infringement: ["侵权", "infringement"],
  ownership: ["权属", "ownership"],
  licence: ["许可", "licence"],
  contract: ["合同", "contract"],
  litigation: ["诉讼", "litigation"],
  customs: ["海关", "customs"],
  transfer: ["转让", "transfer"],
  auction: ["拍卖", "auction"],
  attorney_first_practice: ["专利代理师首次在本市执业", "patent attorney's first practice in the city"],
  ip_engineer: ["知识产权中高级职称", "intermediate/senior IP engineer"],
  brand_agency: ["品牌代理机构", "brand agency"],
  overseas_counselling: ["海外业务咨询", "overseas business counselling"],
  intermediate: ["中级", "intermediate"],
  senior: ["高级", "senior"],
};

export const AREA_LABELS: Record<string, [string, string]> = {
  protection: ["维权保护", "Protection"],
  operations: ["运营交易", "Operations"],
  talent: ["人才", "Talent"],
};

export const DEADLINE_COLORS: Record<string, string> = {
  on_time: "green",
  due_soon: "gold",
  overdue: "red",
  escalated: "magenta",
  none: "default",
};

/** A state's name in the UI language (the case type carries both); `pick` from useCodes. */
export function stateLabel(type: CaseTypeInfo | undefined, state: string, pick: (l: Bilingual) => string): string {
  const s = type?.states.find((x) => x.key === state);
  return s ? pick(s.label) : state;
}

export function transitionLabel(type: CaseTypeInfo | undefined, key: string, pick: (l: Bilingual) => string): string {
  const t = type?.transitions.find((x) => x.key === key);
  return t ? pick(t.label) : key;
}
