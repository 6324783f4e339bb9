/**
 * One benchmark query as a small tree, rendered into each engine's language (render-*.ts) so the three engines
 * answer the same question. Filters (IPC prefix, date range) only appear as direct children of a top-level AND,
 * which is how FTS5 has to express them (SQL conditions beside MATCH).
 */
import type { BenchFacet } from "./facet-values.ts";

/** Text: one word, a CJK string (a phrase of bigrams when longer than 2 characters) or a quoted phrase. */
export interface TextNode {
  kind: "text";
  /** "title" = TI= only; "all" = a bare word (title, abstract and claims). */
  scope: "title" | "all";
  text: string;
}

/** Truncation `prefix*` of an English word (our engine also finds the forms the stemmer cut back: `stems`). */
export interface PrefixNode {
  kind: "prefix";
  scope: "title" | "all";
  prefix: string;
  /** Stems of prefix + an ending the stemmer removes that do not start with the prefix (tokens.ts prefixStems). */
  stems: string[];
}

/** Proximity: two words or CJK strings at most `distance` positions apart, `ordered` = left first. */
export interface NearNode {
  kind: "near";
  left: string;
  right: string;
  distance: number;
  ordered: boolean;
  /** How our query spells it (NEAR/3, W/3, 3D, NEAR4, PRE/2, 2W, ADJ/2, ADJ3: docs/QUERY.md section 7). */
  spelling: string;
}

export type BenchNode =
  | TextNode
  | PrefixNode
  | NearNode
  | { kind: "numbers"; numbers: string[] } // batch lookup of publication numbers (POST /api/patents/lookup)
  | { kind: "and"; children: BenchNode[] }
  | { kind: "or"; children: BenchNode[] }
  | { kind: "andNot"; left: BenchNode; right: BenchNode }
  | { kind: "ipc"; prefix: string } // IPC subclass prefix, e.g. "H01M"
  | { kind: "date"; fromYear: number; toYear: number } // application date within the years, inclusive
  | { kind: "all" }; // every document

export const QUERY_CLASSES = [
  "term-rare",
  "term-mid",
  "term-frequent",
  "cjk-2char",
  "bool-and",
  "bool-or",
  "bool-not",
  "field-ipc-date",
  "phrase-cjk",
  "phrase-en",
  "truncation",
  "proximity",
  "proximity-cjk",
  "proximity-ordered",
  "lookup-10k",
  "cross-language",
  "group-invention",
  "facet-0.1%",
  "facet-1%",
  "facet-10%",
  "facet-100%",
] as const;
export type QueryClass = (typeof QUERY_CLASSES)[number];

export interface BenchQuery {
  id: string;
  cls: QueryClass;
  node: BenchNode;
  facet: BenchFacet | null;
  /** group=invention: hits and the total count inventions (one per application), not publications. */
  group?: "invention";
  /** Replay mode: run only in the global warm-up, never timed or reported (replay.ts). */
  warmup?: boolean;
}

/** Top-level conjuncts split into the text part and the filters. */
export function splitFilters(node: BenchNode): {
  text: BenchNode | null;
  ipc: string[];
  dates: Array<[number, number]>;
} {
  const parts = node.kind === "and" ? node.children : [node];
  const ipc: string[] = [];
  const dates: Array<[number, number]> = [];
  const text: BenchNode[] = [];
  for (const part of parts) {
    if (part.kind === "ipc") ipc.push(part.prefix);
    else if (part.kind === "date") dates.push([part.fromYear * 10000 + 101, part.toYear * 10000 + 1231]);
    else if (part.kind !== "all") text.push(part);
  }
  const textNode = text.length === 0 ? null : text.length === 1 ? text[0] : { kind: "and" as const, children: text };
  return { text: textNode, ipc, dates };
}
