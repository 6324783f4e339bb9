/** BenchNode → an FTS5 MATCH expression over pre-tokenised columns ti, ab, cl, plus SQL filters beside it. */
import { type BenchNode, splitFilters } from "./query-ast.ts";
import { peerNearDistance, tokenize } from "./tokens.ts";

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
    case "prefix": {
      // FTS5's prefix query is the dictionary range; the cut-back stems our engine adds are ORed in by name
      const alternatives = [`${node.prefix}*`, ...node.stems.map((s) => `"${s}"`)].join(" OR ");
      return node.scope === "title" ? `ti : (${alternatives})` : alternatives;
    }
    case "near": {
      if (node.ordered) throw new Error("FTS5's NEAR has no order: it cannot express PRE/n, nW or ADJ");
      const [left, right] = [tokenize(node.left), tokenize(node.right)];
      return `NEAR("${left.join(" ")}" "${right.join(" ")}", ${peerNearDistance(left, right, node.distance)})`;
    }
    case "and":
      return node.children.map((child) => `(${matchExpression(child)})`).join(" AND ");
    case "or":
      return node.children.map((child) => `(${matchExpression(child)})`).join(" OR ");
    case "andNot":
      return `(${matchExpression(node.left)}) NOT (${matchExpression(node.right)})`;
    case "numbers":
      throw new Error("a batch lookup probes the number table (Fts5Lookup), not MATCH");
    default:
      throw new Error(`FTS5 MATCH cannot express a nested ${node.kind} condition`);
  }
}
