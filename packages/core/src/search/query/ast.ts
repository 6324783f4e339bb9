/** The parsed query. The parser resolves field names and values; the executor only evaluates. */
import type { TextFieldName } from "../index/segment.js";

export type DateField = "ad" | "pd";
export type FilterField =
  | "type"
  | "status"
  | "region"
  | "sei"
  | "ipc"
  | "pn"
  | "an"
  | "applicant"
  | "apname" // AP==: a whole applicant name (index/names.ts)
  | "inname"; // IN==: a whole inventor name

/** A word, CJK string or quoted phrase in one or more text fields. */
export interface TermNode {
  kind: "term";
  fields: TextFieldName[];
  /** The value as typed (without quotes or trailing *), for highlighting. */
  text: string;
  /** Truncation `word*`: the (folded, unstemmed) word prefix, expanded by query/terms.ts; null otherwise. */
  prefix: string | null;
  /** Character offset in the query (for errors and tests). */
  position: number;
  /** `text` is already one index term (similar() builds these); skip analysis. */
  exact?: boolean;
}

export interface NearNode {
  kind: "near";
  fields: TextFieldName[];
  left: TermNode;
  right: TermNode;
  distance: number;
  ordered: boolean; // PRE/n
}

export interface DateNode {
  kind: "date";
  field: DateField;
  from: number; // yyyymmdd inclusive
  to: number; // yyyymmdd inclusive
}

export interface FilterNode {
  kind: "filter";
  field: FilterField;
  /** Normalised values; a doc matches when any value matches (see query/filters.ts for each field's rule). */
  values: string[];
}

/** All children must match; an AND with no children matches every document (the query `*`). */
export interface AndNode {
  kind: "and";
  children: QueryNode[];
}
export interface OrNode {
  kind: "or";
  children: QueryNode[];
}
export interface NotNode {
  kind: "not";
  child: QueryNode;
}

export type QueryNode = TermNode | NearNode | DateNode | FilterNode | AndNode | OrNode | NotNode;

/** Every document: the empty AND (its identity), so every evaluator already answers it with all docs. */
export function matchAll(): AndNode {
  return { kind: "and", children: [] };
}

export function isMatchAll(node: QueryNode): boolean {
  return node.kind === "and" && node.children.length === 0;
}
