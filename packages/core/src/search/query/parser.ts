/**
 * Recursive-descent parser for the patent-office style query language (docs/QUERY.md):
 *
 *   query   := or EOF
 *   or      := and (OR and)*
 *   and     := unary ((AND)? unary)*          adjacent terms are ANDed
 *   unary   := NOT unary | near
 *   unary   := (NOT | "-") unary | near
 *   near    := primary (PROXIMITY primary)?        NEAR/n PRE/n W/n ADJ/n nW nD NEARn ADJn (query/proximity.ts)
 *   primary := "(" or ")" | FIELD op value | FIELD (= | ==) "(" or ")" | word | "phrase" | "*"
 *
 * `*` alone is every document (statistics of the whole collection; `* AND TYPE=发明`, `* NOT 电池`).
 * A field written before a group applies to every bare value inside it (TI=(电池 OR 电芯)); `FIELD:` is `FIELD=`.
 * `AP==` / `IN==` match a whole name. A bare patent number also searches PN= and AN= (query/numbers.ts).
 */

import { analyzeQuery } from "../analysis/analyzer.js";
import { isWordChar } from "../analysis/chars.js";
import { foldText } from "../analysis/fold.js";
import { canonicalIpc, IPC_QUERY_RE } from "../index/ipc.js";
import { nameKey } from "../index/names.js";
import { normalizeAn, normalizePn } from "../index/numbers.js";
import type { TextFieldName } from "../index/segment.js";
import { QuerySyntaxError, type RegionResolver } from "../types.js";
import { type FilterField, matchAll, type QueryNode, type TermNode } from "./ast.js";
import { lex, type Token } from "./lexer.js";
import { LIST_SEPARATORS, looksLikePatentNumber, patentNumberFilters } from "./numbers.js";
import { simplify } from "./simplify.js";
import {
  isSeiCode,
  normalizeRegionCode,
  parseDateCondition,
  STATUS_CHOICES,
  statusValue,
  TYPE_CHOICES,
  typeValues,
} from "./values.js";

const TEXT_FIELD_MAP: Record<string, TextFieldName[]> = {
  TI: ["ti"],
  AB: ["ab"],
  CL: ["cl"],
  TX: ["ti", "ab", "cl"],
  AP: ["ap"],
  IN: ["in"],
  AGC: ["agc"],
};

/** `AP==` / `IN==`: the keyword field holding whole names (the parser's context is the field name plus "=="). */
const EXACT_NAME_FIELDS: Record<string, FilterField> = { "AP==": "apname", "IN==": "inname" };

export interface ParseOptions {
  regionResolver?: RegionResolver;
}

export function parseQuery(query: string, options: ParseOptions = {}): QueryNode {
  return simplify(new Parser(lex(query), options).parse());
}

/**
 * Where the query's top-level AND parts stand ([start, end) offsets; `超硬材料 金刚石 AD>=2020` has three), or
 * null when the top level is an OR of several parts. The no-hit suggestions drop one part at a time.
 */
export function topLevelConjuncts(query: string, options: ParseOptions = {}): Array<[number, number]> | null {
  const parser = new Parser(lex(query), options);
  parser.parse();
  return parser.topSpans.length === 1 ? parser.topSpans[0] : null;
}

const MAX_NESTING = 100;
const TERM_START = new Set(["word", "phrase", "lparen", "field", "not"]);

class Parser {
  private i = 0;
  /** Nodes that are a bare patent number (or a list of them), for the list rule in parseAnd. */
  private readonly numberNodes = new WeakSet<QueryNode>();
  private depth = 0; // open parentheses, for the "expected" of an early end
  private nest = 0; // parentheses and NOTs currently open
  /** Each top-level (outside parentheses) AND's parts as [start, end) offsets, one list per OR branch. */
  readonly topSpans: Array<Array<[number, number]>> = [];
  constructor(
    private readonly toks: Token[],
    private readonly opts: ParseOptions,
  ) {}

  parse(): QueryNode {
    if (this.peek().type === "eof") throw new QuerySyntaxError("Empty query", 0, "a search term", "end of query");
    const node = this.parseOr("TX");
    const t = this.peek();
    if (t.type !== "eof") {
      throw this.error(t, t.type === "rparen" ? `Unmatched ")"` : `Unexpected ${describe(t)}`, "an operator or a term");
    }
    return node;
  }

  private peek(): Token {
    return this.toks[this.i];
  }
  private next(): Token {
    return this.toks[this.i++];
  }

  private error(t: Token, message: string, expected: string): QuerySyntaxError {
    return new QuerySyntaxError(message, t.pos, expected, describe(t));
  }

  private parseOr(field: string): QueryNode {
    const children = [this.parseAnd(field)];
    while (this.peek().type === "or") {
      this.next();
      children.push(this.parseAnd(field));
    }
    return children.length === 1 ? children[0] : { kind: "or", children };
  }

  private parseAnd(field: string): QueryNode {
    const spans: Array<[number, number]> = [];
    const part = () => {
      const start = this.peek().pos;
      const node = this.parseUnary(field);
      spans.push([start, this.peek().pos]);
      return node;
    };
    const children = [part()];
    let explicit = false;
    for (;;) {
      const t = this.peek();
      if (t.type === "and") {
        this.next();
        explicit = true;
        children.push(part());
      } else if (TERM_START.has(t.type) || (t.type === "near" && t.loose)) children.push(part());
      else break;
    }
    if (this.depth === 0) this.topSpans.push(spans);
    if (children.length === 1) return children[0];
    // a list of numbers typed or pasted one after the other asks for each of them (an AND would find none)
    if (!explicit && children.every((c) => this.numberNodes.has(c))) return this.numberList(children);
    return { kind: "and", children };
  }

  private numberList(children: QueryNode[]): QueryNode {
    const node: QueryNode = { kind: "or", children };
    this.numberNodes.add(node);
    return node;
  }

  private parseUnary(field: string): QueryNode {
    if (this.peek().type === "not") {
      const t = this.next();
      this.enter(t);
      const child = this.parseUnary(field);
      this.nest--;
      return { kind: "not", child };
    }
    return this.parseNear(field);
  }

  /** Bounds nesting (parentheses, NOT chains) so a hostile query cannot exhaust the stack. */
  private enter(t: Token): void {
    if (++this.nest > MAX_NESTING)
      throw this.error(t, `Query nests deeper than ${MAX_NESTING} levels`, "a flatter query");
  }

  /** A proximity operator comes next: a strict spelling always, a loose one (3D, NEAR) only before a term. */
  private proximityAhead(): boolean {
    const t = this.peek();
    if (t.type !== "near") return false;
    if (!t.loose) return true;
    const after = this.toks[this.i + 1];
    return after.type === "word" || after.type === "phrase" || after.type === "field";
  }

  private parseNear(field: string): QueryNode {
    let left = this.parsePrimary(field);
    while (this.proximityAhead() && (left.kind === "term" || !this.peek().loose)) {
      const op = this.next();
      const rightTok = this.peek();
      const right = this.parsePrimary(field);
      if (left.kind !== "term" || right.kind !== "term") {
        const bad = left.kind !== "term" ? op : rightTok;
        throw this.error(bad, `${op.text} joins two words or phrases`, "a word or phrase");
      }
      if (left.prefix !== null || right.prefix !== null) {
        throw this.error(op, `${op.text} does not combine with truncation (*)`, "a word or phrase");
      }
      if (left.fields.join() !== right.fields.join()) {
        throw this.error(op, `${op.text} needs both sides in the same field`, "a word or phrase in the same field");
      }
      left = {
        kind: "near",
        fields: left.fields,
        left,
        right,
        distance: op.distance ?? 0,
        ordered: op.ordered ?? false,
      } as QueryNode;
      if (this.proximityAhead()) throw this.error(this.peek(), "Chained NEAR/PRE is not supported", "AND or OR");
    }
    return left;
  }

  private parsePrimary(field: string): QueryNode {
    const t = this.peek();
    switch (t.type) {
      case "lparen": {
        this.next();
        if (this.peek().type === "rparen") throw this.error(this.peek(), "Empty parentheses", "a search term");
        this.depth++;
        this.enter(t);
        const inner = this.parseOr(field);
        this.depth--;
        this.nest--;
        const close = this.peek();
        if (close.type !== "rparen") throw this.error(close, `Expected ")" to close "(" at ${t.pos}`, ")");
        this.next();
        return inner;
      }
      case "field":
        this.next();
        return this.parseFieldValue(t);
      case "near":
        if (!t.loose) throw this.error(t, `${t.text} needs a word or phrase on each side`, "a search term");
        this.next();
        return this.value(field, "=", { ...t, type: "word" });
      case "word":
      case "phrase":
        this.next();
        if (t.type === "word" && t.text === "*") return this.everything(field, t);
        if (t.type === "word" && field === "TX") {
          const numbers = this.numbers(t);
          if (numbers) return numbers;
        }
        return this.value(field, "=", field === "IPC" ? this.joinIpcGroup(t) : t);
      default: {
        const expected = this.depth > 0 ? 'a search term or ")"' : "a search term";
        throw this.error(t, t.type === "eof" ? "Query ends too early" : `Unexpected ${describe(t)}`, expected);
      }
    }
  }

  private parseFieldValue(ft: Token): QueryNode {
    const op = ft.op!;
    if (op === "==" && !EXACT_NAME_FIELDS[`${ft.field}==`]) {
      throw this.error(ft, `== (a whole name) works with AP and IN, not ${ft.field}`, "=");
    }
    const field = op === "==" ? `${ft.field}==` : ft.field!;
    if (op !== "=" && op !== "==" && field !== "AD" && field !== "PD") {
      throw this.error(ft, `Operator ${op} only works with AD and PD`, "=");
    }
    const v = this.peek();
    if (v.type === "lparen" && (op === "=" || op === "==")) {
      this.next();
      if (this.peek().type === "rparen") throw this.error(this.peek(), "Empty parentheses", "a value");
      this.depth++;
      this.enter(v);
      const inner = this.parseOr(field);
      this.depth--;
      this.nest--;
      const close = this.peek();
      if (close.type !== "rparen") throw this.error(close, `Expected ")" to close "(" at ${v.pos}`, ")");
      this.next();
      return inner;
    }
    if (v.type !== "word" && v.type !== "phrase") throw this.error(v, `Missing value after ${field}${op}`, "a value");
    this.next();
    if (field === "TX" && v.type === "word") {
      const numbers = this.numbers(v);
      if (numbers) return numbers;
    }
    return this.value(field, op, field === "IPC" ? this.joinIpcGroup(v) : v);
  }

  /**
   * A bare patent number: the word itself or PN= or AN= (query/numbers.ts); a token holding a list of numbers
   * (CN1A,CN2A;CN3A) is any of them. Null when the token is not made of numbers.
   */
  private numbers(t: Token): QueryNode | null {
    const parts = t.text.split(LIST_SEPARATORS).filter((p) => p !== "");
    if (parts.length > 1) {
      if (!parts.every(looksLikePatentNumber)) return null;
      return this.numberList(parts.map((p) => this.numberNode({ ...t, text: p })!));
    }
    return this.numberNode(t);
  }

  private numberNode(t: Token): QueryNode | null {
    const filters = patentNumberFilters(t.text);
    if (!filters) return null;
    const node: QueryNode = { kind: "or", children: [this.term(TEXT_FIELD_MAP.TX, t), ...filters] };
    this.numberNodes.add(node);
    return node;
  }

  /** `*` alone: every document; inside a field it would read as an empty truncation, so it is refused there. */
  private everything(field: string, t: Token): QueryNode {
    if (field !== "TX") throw this.error(t, `"*" alone cannot stand in ${field}=`, "one word before *");
    return matchAll();
  }

  /** "IPC=H01M 10/0525": a subclass followed by a separate group part is one code. */
  private joinIpcGroup(v: Token): Token {
    const n = this.peek();
    if (
      v.type === "word" &&
      /^[A-Ha-h]\d\d[A-Za-z]$/.test(v.text) &&
      n.type === "word" &&
      /^\d+(\/\d+)?\*?$/.test(n.text)
    ) {
      this.next();
      return { ...v, text: `${v.text}${n.text}` };
    }
    return v;
  }

  /** A value in the context of a field. */
  private value(field: string, op: string, t: Token): QueryNode {
    const text = t.text.trim();
    if (TEXT_FIELD_MAP[field]) return this.term(TEXT_FIELD_MAP[field], t);
    if (EXACT_NAME_FIELDS[field]) return this.exactName(field, t);
    if (field === "AD" || field === "PD") {
      const range = parseDateCondition(op, text);
      if (!range) throw this.error(t, `Not a date: "${text}"`, "a date like 2020, 2020-05, 2020-05-01 or 2020..2022");
      if (range[0] > range[1]) {
        throw this.error(t, `Date range runs backwards: "${text}"`, "the earlier date first, e.g. 2020..2022");
      }
      return { kind: "date", field: field === "AD" ? "ad" : "pd", from: range[0], to: range[1] };
    }
    const filterField = (field === "APID" ? "applicant" : field.toLowerCase()) as FilterField;
    return { kind: "filter", field: filterField, values: this.filterValues(field, t, text) };
  }

  private filterValues(field: string, t: Token, text: string): string[] {
    switch (field) {
      case "TYPE": {
        const v = typeValues(text);
        if (!v) throw this.error(t, `Unknown patent type "${text}"`, TYPE_CHOICES);
        return v;
      }
      case "STATUS": {
        const v = statusValue(text);
        if (!v) throw this.error(t, `Unknown legal status "${text}"`, STATUS_CHOICES);
        return [v];
      }
      case "REGION":
        return this.regionValues(t, text);
      case "SEI": {
        const v = text.replace(/\*$/, "");
        if (!isSeiCode(v)) throw this.error(t, `Not an industry code: "${text}"`, "a code like 1 or 1.2");
        return [v];
      }
      case "IPC": {
        const v = canonicalIpc(text.replace(/\*+$/, ""));
        if (!IPC_QUERY_RE.test(v))
          throw this.error(t, `Not an IPC code: "${text}"`, "an IPC code like H01M or H01M10/0525");
        return [v];
      }
      case "APID": {
        // An applicant entity id (one applicant, every spelling): what the applicant page links to.
        if (!/^\d{1,10}$/.test(text)) throw this.error(t, `Not an applicant id: "${text}"`, "a number like 123");
        return [String(Number(text))];
      }
      case "PN": {
        const v = normalizePn(text);
        if (v === "") throw this.error(t, "Empty publication number", "a publication number");
        return [v];
      }
      default: {
        const v = normalizeAn(text);
        if (v === "") throw this.error(t, "Empty application number", "an application number");
        return [v];
      }
    }
  }

  /** `IN==王伟`: inventors named exactly 王伟 (not 王伟明); case, width and spacing do not matter. */
  private exactName(field: string, t: Token): QueryNode {
    const star = t.text.indexOf("*");
    if (star >= 0 && t.type === "word") {
      throw new QuerySyntaxError(
        `${field} matches a whole name; truncation (*) is not supported there`,
        t.pos + star,
        `a whole name, or ${field.slice(0, -1)} for part of a name`,
        "*",
      );
    }
    const key = nameKey(t.text);
    if (key === "") throw this.error(t, `Missing name after ${field}`, "a name");
    return { kind: "filter", field: EXACT_NAME_FIELDS[field], values: [key] };
  }

  private regionValues(t: Token, text: string): string[] {
    const code = normalizeRegionCode(text);
    if (code !== null) return [code];
    const resolver = this.opts.regionResolver;
    if (!resolver) throw this.error(t, `Unknown region "${text}"`, "a division code like 41, 4101 or 410105");
    const codes = resolver(text)
      .map((c) => normalizeRegionCode(c))
      .filter((c): c is string => c !== null);
    if (codes.length === 0) throw this.error(t, `Unknown region "${text}"`, "a region name or division code");
    return codes;
  }

  private term(fields: TextFieldName[], t: Token): TermNode {
    let text = t.type === "word" ? this.withoutLeadingStar(t) : t.text;
    let prefix: string | null = null;
    if (t.type === "word") this.refuseInnerWildcards(t, text);
    if (t.type === "word" && text.length > 1 && text.endsWith("*")) {
      text = text.replace(/\*+$/, "");
      const tokens = analyzeQuery(text);
      const last = tokens[tokens.length - 1];
      if (last && !last.cjk) {
        if (tokens.length > 1) throw this.error(t, "Truncation (*) applies to a single word", "one word before *");
        prefix = foldText(text).trim();
        for (const ch of prefix) {
          if (!isWordChar(ch.codePointAt(0)!)) {
            throw this.error(t, "Truncation (*) applies to a single word", "one word before *");
          }
        }
      }
      // CJK: matching is already by substring, so 电池* means the same as 电池
    }
    if (analyzeQuery(text).length === 0) {
      throw this.error(t, `Nothing searchable in "${t.text}"`, "letters, digits or Chinese characters");
    }
    return { kind: "term", fields, text, prefix, position: t.pos };
  }

  /** `*电池` is `电池` (Chinese already matches inside words); `*ion` (left truncation) is refused. */
  private withoutLeadingStar(t: Token): string {
    const text = t.text;
    if (text.length < 2 || text[0] !== "*") return text;
    const rest = text.replace(/^\*+/, "");
    const first = analyzeQuery(rest)[0];
    if (first?.cjk) return rest;
    throw new QuerySyntaxError(
      "Truncation at the start of a word (*word) is not supported",
      t.pos,
      "a * only at the end of a word, e.g. batter*",
      "*",
    );
  }

  /** `电*池`, `bat*ery`, `bat?ery`: wildcards inside a word are refused at the wildcard, never silently dropped. */
  private refuseInnerWildcards(t: Token, text: string): void {
    const offset = t.text.length - text.length;
    const body = text.replace(/\*+$/, "");
    for (let k = 0; k < body.length; k++) {
      const c = body[k];
      if (c !== "*" && !(c === "?" && k > 0 && k < body.length - 1)) continue;
      throw new QuerySyntaxError(
        `A wildcard (${c}) inside a word is not supported; write the words around it with PRE/n, e.g. 电 PRE/2 池`,
        t.pos + offset + k,
        "a * only at the end of a word, or PRE/n between two words",
        c,
      );
    }
  }
}

function describe(t: Token): string {
  if (t.type === "eof") return "end of query";
  if (t.type === "phrase") return `"${t.text}"`;
  return t.text;
}
