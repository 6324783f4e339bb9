/**
 * Proximity operators in the spellings analysts bring from other systems. Every form becomes one NEAR node:
 * `distance` is the most positions (Chinese characters or English words) allowed between the two sides,
 * `ordered` whether the left side must come first (docs/QUERY.md, section 7).
 *
 *   NEAR/n  W/n  nD        either order, at most n between       (LexisNexis W/n; EPOQUE, incoPat, CNIPA nD)
 *   PRE/n   ADJ/n  nW      left first, at most n between         (LexisNexis PRE/n; EPOQUE, incoPat, CNIPA nW)
 *   NEARn   NEAR           either order, within n words: n−1 between; NEAR alone is NEAR1   (USPTO EAST/BRS)
 *   ADJn    ADJ            left first, within n words: n−1 between; ADJ alone is ADJ1       (USPTO EAST/BRS)
 *
 * `3D`, `5W`, `NEAR` and `ADJ` are also words (3D 打印, a 5W lamp), so they are operators only in upper case and
 * only between two terms (`loose`); a malformed operator (`NEAR/`, `W/x`, `PRE/5000`) is a syntax error.
 */
import { QuerySyntaxError } from "../types.js";
import type { Token } from "./lexer.js";

/** The largest n any spelling accepts. */
export const MAX_PROXIMITY = 999;

const SLASH_RE = /^(NEAR|PRE|ADJ|W)\/(\d+)$/i;
const SLASH_START_RE = /^(NEAR|PRE|ADJ)\//i;
const W_SLASH_BAD_RE = /^W\/(\d.*)?$/i; // "w/o" (without) stays a word
const EAST_RE = /^(NEAR|ADJ)(\d+)$/i;
const EPOQUE_RE = /^(\d+)([WD])$/; // upper case only: 3d, 5w are words

export function proximityToken(text: string, pos: number): Token | null {
  let m = SLASH_RE.exec(text);
  if (m) {
    const op = m[1].toUpperCase();
    return near(text, pos, number(text, pos, m[2], 0), op === "PRE" || op === "ADJ", false);
  }
  if (SLASH_START_RE.test(text) || W_SLASH_BAD_RE.test(text)) {
    const op = text.slice(0, text.indexOf("/")).toUpperCase();
    throw new QuerySyntaxError(
      `${op}/ needs the number of words allowed between, e.g. ${op}/5`,
      pos,
      `${op}/ and a number from 0 to ${MAX_PROXIMITY}`,
      text,
    );
  }
  m = EAST_RE.exec(text);
  if (m) {
    const n = number(text, pos, m[2], 1);
    return near(text, pos, n - 1, m[1].toUpperCase() === "ADJ", false);
  }
  m = EPOQUE_RE.exec(text);
  if (m) return near(text, pos, number(text, pos, m[1], 0), m[2] === "W", true);
  if (text === "NEAR" || text === "ADJ") return near(text, pos, 0, text === "ADJ", true);
  return null;
}

function near(text: string, pos: number, distance: number, ordered: boolean, loose: boolean): Token {
  return { type: "near", pos, text, distance, ordered, loose };
}

function number(text: string, pos: number, digits: string, min: number): number {
  const n = Number(digits);
  if (n < min || n > MAX_PROXIMITY) {
    throw new QuerySyntaxError(
      `The distance in ${text} must be from ${min} to ${MAX_PROXIMITY}`,
      pos,
      `a number from ${min} to ${MAX_PROXIMITY}`,
      text,
    );
  }
  return n;
}
