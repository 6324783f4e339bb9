/**
 * BenchNode → Lucene classic QueryParser syntax over WhitespaceAnalyzer fields ti/ab/cl (our tokens), a keyword
 * field ipc (prefix query) and an int point ad (the Java harness turns ad:[a TO b] into IntPoint.newRangeQuery);
 * proximity and number lookups as lines of the harness's own (SPANNEAR, LOOKUP).
 */
import type { BenchNode } from "./query-ast.ts";
import { peerNearDistance, tokenize } from "./tokens.ts";

const ALL_TEXT_FIELDS = ["ti", "ab", "cl"];
/** Lines the harness reads itself instead of QueryParser (LuceneBench.java parseLine). */
export const SPAN_NEAR = "SPANNEAR";
export const LOOKUP = "LOOKUP";
/** The queries file's second column for a group=invention query (else the facet or "-"). */
export const GROUP_INVENTION = "group:invention";

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
    case "near": {
      // the classic parser has no within-n (a sloppy phrase is neither ordered nor unordered NEAR): the harness
      // builds a SpanNearQuery per field from this line, each side a span of its tokens in a row
      const [left, right] = [tokenize(node.left), tokenize(node.right)];
      const slop = peerNearDistance(left, right, node.distance);
      return `${SPAN_NEAR} ${node.ordered ? 1 : 0} ${slop} ${ALL_TEXT_FIELDS.join(",")} ${left.join("+")} ${right.join("+")}`;
    }
    case "numbers":
      // the harness probes its publication-number field once per number (as FTS5 probes its number table)
      return `${LOOKUP} ${node.numbers.join(" ")}`;
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
