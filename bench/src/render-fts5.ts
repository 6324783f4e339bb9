/** BenchNode → an FTS5 MATCH expression over pre-tokenised columns ti, ab, cl, plus SQL filters beside it. */
import { type BenchNode, splitFilters } from "./query-ast.ts";
import { tokenize } from "./tokens.ts";

export interface Fts5Query {
  /** null: no full-text condition (all documents, or only filters). */
  match: string | null;
  ipcPrefixes: string[];
  dateRanges: Array<[number, number]>;
}

export function renderFts5(node: BenchNode): Fts5Query {
  const { text, ipc, dates } = splitFilters(node);
  return { match: text === null ? null : matchExpression(text), ipcPrefixes: ipc, dateRanges: dates };
}

function matchExpression(node: BenchNode): string {
  switch (node.kind) {
    case "text": {
      // a phrase of our tokens: consecutive bigrams for a CJK string, one token for a word
      const phrase = `"${tokenize(node.text).join(" ")}"`;
      return node.scope === "title" ? `ti : ${phrase}` : phrase;
    }
    case "and":
      return node.children.map((child) => `(${matchExpression(child)})`).join(" AND ");
    case "or":
      return node.children.map((child) => `(${matchExpression(child)})`).join(" OR ");
    case "andNot":
      return `(${matchExpression(node.left)}) NOT (${matchExpression(node.right)})`;
    default:
      throw new Error(`FTS5 MATCH cannot express a nested ${node.kind} condition`);
  }
}
