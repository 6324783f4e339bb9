/**
 * BenchNode → Lucene classic QueryParser syntax over WhitespaceAnalyzer fields ti/ab/cl (our tokens), a keyword
 * field ipc (prefix query) and an int point ad (the Java harness turns ad:[a TO b] into IntPoint.newRangeQuery).
 */
import type { BenchNode } from "./query-ast.ts";
import { tokenize } from "./tokens.ts";

const ALL_TEXT_FIELDS = ["ti", "ab", "cl"];

export function renderLucene(node: BenchNode): string {
  switch (node.kind) {
    case "text": {
      const phrase = `"${tokenize(node.text).join(" ")}"`;
      const fields = node.scope === "title" ? ["ti"] : ALL_TEXT_FIELDS;
      return fields.map((field) => `${field}:${phrase}`).join(" ");
    }
    case "prefix": {
      const fields = node.scope === "title" ? ["ti"] : ALL_TEXT_FIELDS;
      const terms = [`${node.prefix}*`, ...node.stems];
      return fields.flatMap((field) => terms.map((t) => `${field}:${t}`)).join(" ");
    }
    case "near":
    case "numbers":
      // the classic parser has no unordered or ordered within-n (a sloppy phrase is neither), and the harness
      // indexes no publication numbers: an unparsable query, reported as a failure of this peer
      return `UNSUPPORTED ${node.kind} (`;
    case "and":
      return node.children.map((child) => `+(${renderLucene(child)})`).join(" ");
    case "or":
      return node.children.map((child) => `(${renderLucene(child)})`).join(" ");
    case "andNot":
      return `+(${renderLucene(node.left)}) -(${renderLucene(node.right)})`;
    case "ipc":
      return `ipc:${node.prefix}*`;
    case "date":
      return `ad:[${node.fromYear * 10000 + 101} TO ${node.toYear * 10000 + 1231}]`;
    case "all":
      return "*:*";
  }
}
