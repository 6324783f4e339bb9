/** The query language's fields, in the order the builder and the help panel show them. */
export const QUERY_FIELDS = [
  "TX",
  "TI",
  "AB",
  "CL",
  "AP",
  "IN",
  "AGC",
  "IPC",
  "PN",
  "AN",
  "AD",
  "PD",
  "TYPE",
  "STATUS",
  "REGION",
  "SEI",
] as const;
export type QueryField = (typeof QUERY_FIELDS)[number];

export const DATE_FIELDS: ReadonlySet<QueryField> = new Set(["AD", "PD"]);

/** How the builder asks for a field's value: typed text, a date range, a choice of words, or the IPC tree. */
export type FieldKind = "text" | "date" | "choice" | "ipc";

export function fieldKind(field: QueryField): FieldKind {
  if (DATE_FIELDS.has(field)) return "date";
  if (field === "TYPE" || field === "STATUS") return "choice";
  if (field === "IPC") return "ipc";
  return "text";
}

export const TYPE_CODES = ["invention_application", "invention_grant", "utility_model", "design"] as const;
export const STATUS_CODES = [
  "valid",
  "pending",
  "lapsed",
  "rejected",
  "withdrawn",
  "invalidated",
  "pct_pending",
  "pct_expired",
  "unknown",
] as const;

/**
 * The Chinese words the query language takes for each code (packages/core search/query/values.ts): the builder
 * writes these into a Chinese user's query, the codes themselves into an English user's.
 */
export const CHOICE_WORDS_ZH: Record<string, string> = {
  invention_application: "发明公布",
  invention_grant: "发明授权",
  utility_model: "实用新型",
  design: "外观设计",
  valid: "有效",
  pending: "审中",
  lapsed: "失效",
  rejected: "驳回",
  withdrawn: "撤回",
  invalidated: "无效",
  pct_pending: "PCT有效期内",
  pct_expired: "PCT有效期满",
  unknown: "未知",
};

export const HELP_EXAMPLES = ["e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8"] as const;
export const HELP_OPS = ["and", "or", "not", "paren", "phrase", "trunc", "near", "date"] as const;
