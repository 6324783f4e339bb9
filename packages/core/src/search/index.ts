/** Public surface of the search engine. Everything else under search/ is internal. */

export { analyzeQuery, type QueryToken } from "./analysis/analyzer.js";
export { MAX_SEGMENT_DOCS, SearchEngine } from "./engine.js";
export { escapeHtml, highlight, snippet } from "./highlight.js";
export { canonicalIpc, ipcGroup } from "./index/ipc.js";
export type { QueryNode } from "./query/ast.js";
export { FIELD_NAMES } from "./query/lexer.js";
export { parseQuery } from "./query/parser.js";
export * from "./types.js";
