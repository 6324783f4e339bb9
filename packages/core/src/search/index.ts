/** Public surface of the search engine. Everything else under search/ is internal. */

export { analyzeQuery, type QueryToken } from "./analysis/analyzer.js";
export { MAX_SEGMENT_DOCS, SearchEngine } from "./engine.js";
export { highlight, snippet } from "./highlight.js";
export type { QueryNode } from "./query/ast.js";
export { type Expansions, expandableWords, expansionKey } from "./query/expand.js";
export { FIELD_NAMES as QUERY_FIELDS } from "./query/lexer.js";
export { parseQuery, topLevelConjuncts } from "./query/parser.js";
export { MAX_SUGGESTIONS, type SuggestionCandidate, suggestionCandidates } from "./query/suggest.js";
export * from "./types.js";
