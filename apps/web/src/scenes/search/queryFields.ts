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

export const HELP_EXAMPLES = ["e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8"] as const;
export const HELP_OPS = ["and", "or", "not", "paren", "phrase", "trunc", "near", "date"] as const;
