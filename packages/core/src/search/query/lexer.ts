/**
 * Splits a query into tokens. Full-width ASCII (（）＝＞ etc.) and Chinese quotes are folded one character for
 * one, so token positions are offsets into the text the user typed.
 */
import { QuerySyntaxError } from "../types.js";
import { proximityToken } from "./proximity.js";

export type TokenType = "lparen" | "rparen" | "and" | "or" | "not" | "near" | "field" | "word" | "phrase" | "eof";

/** Proximity operators: the spellings analysts bring from other systems (docs/QUERY.md, section 7). */

export interface Token {
  type: TokenType;
  pos: number;
  text: string; // as written (phrase: without quotes)
  field?: string; // field: upper-case name
  op?: string; // field: = == >= <= > < (":" is read as "=")
  distance?: number; // near: most positions allowed between the two sides
  ordered?: boolean; // near: left side first (PRE/n, nW, ADJ/n, ADJn)
  /**
   * near: a spelling that is also a plausible word (3D, 5W, NEAR, ADJ); the parser reads it as an operator only
   * between two terms, and as a word anywhere else (`3D 打印`).
   */
  loose?: boolean;
}

export const FIELD_NAMES = [
  "TI",
  "AB",
  "CL",
  "TX",
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
  "APID",
] as const;
const FIELD_SET = new Set<string>(FIELD_NAMES);

function foldQueryChar(c: number): number {
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  if (c === 0x3000) return 0x20;
  if (c === 0x201c || c === 0x201d || c === 0x300c || c === 0x300d) return 0x22; // “ ” 「 」
  return c;
}

export function foldQuery(q: string): string {
  let out = "";
  for (let i = 0; i < q.length; i++) out += String.fromCharCode(foldQueryChar(q.charCodeAt(i)));
  return out;
}

const FIELD_RE = /^([A-Za-z]+)[ \t]*(==|>=|<=|=|>|<|:)/;

function isSpace(ch: string): boolean {
  return ch === " " || ch === "\t" || ch === "\n" || ch === "\r";
}

export function lex(query: string): Token[] {
  const q = foldQuery(query);
  const out: Token[] = [];
  let i = 0;
  while (i < q.length) {
    const ch = q[i];
    if (isSpace(ch)) {
      i++;
      continue;
    }
    if (ch === "(" || ch === ")") {
      out.push({ type: ch === "(" ? "lparen" : "rparen", pos: i, text: ch });
      i++;
      continue;
    }
    if (ch === '"') {
      const end = q.indexOf('"', i + 1);
      if (end < 0) throw new QuerySyntaxError("Unclosed quotation mark", i, '"', "end of query");
      out.push({ type: "phrase", pos: i, text: q.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    if (ch === "-" && startsNegation(q, i, out)) {
      out.push({ type: "not", pos: i, text: "-" });
      i++;
      continue;
    }
    const m = FIELD_RE.exec(q.slice(i, i + 24));
    // `TI:电池` is `TI=电池`; an unknown name before ":" is just text (a ratio, a URL), before "=" an error
    if (m && (m[2] !== ":" || FIELD_SET.has(m[1].toUpperCase()))) {
      const name = m[1].toUpperCase();
      if (!FIELD_SET.has(name)) {
        throw new QuerySyntaxError(
          `Unknown field "${m[1]}"; fields are ${FIELD_NAMES.join(", ")}`,
          i,
          FIELD_NAMES.join(", "),
          m[1],
        );
      }
      out.push({ type: "field", pos: i, text: m[0], field: name, op: m[2] === ":" ? "=" : m[2] });
      i += m[0].length;
      while (i < q.length && isSpace(q[i])) i++;
      continue;
    }
    let j = i;
    while (j < q.length && !isSpace(q[j]) && q[j] !== "(" && q[j] !== ")" && q[j] !== '"') j++;
    // the value right after FIELD= is always a value (TI=3D), never an operator
    const afterField = out.length > 0 && out[out.length - 1].type === "field";
    out.push(afterField ? { type: "word", pos: i, text: q.slice(i, j) } : wordToken(q.slice(i, j), i));
    i = j;
  }
  out.push({ type: "eof", pos: query.length, text: "" });
  return out;
}

/**
 * `-word`, `-TI=…`, `-(…)`, `-"…"`: a minus at the start of a term is NOT (as in web search engines). Not inside a
 * word (lithium-ion), not as a field's value (PN=-), not before a space.
 */
function startsNegation(q: string, i: number, out: Token[]): boolean {
  const next = q[i + 1];
  if (next === undefined || isSpace(next) || next === "-" || next === ")") return false;
  const prev = out[out.length - 1];
  return prev?.type !== "field";
}

function wordToken(text: string, pos: number): Token {
  const up = text.toUpperCase();
  if (up === "AND" || text === "&&" || text === "与") return { type: "and", pos, text };
  if (up === "OR" || text === "||" || text === "或") return { type: "or", pos, text };
  if (up === "NOT" || text === "非") return { type: "not", pos, text };
  const near = proximityToken(text, pos);
  return near ?? { type: "word", pos, text };
}
