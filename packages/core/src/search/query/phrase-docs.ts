/**
 * Docs holding an exact phrase when only the docs are wanted (a phrase or a multi-token word outside NEAR).
 * phraseMatches (phrase.ts) intersects the lists, then builds position arrays for every candidate, which NEAR
 * between phrases needs; here the lists are walked together (doc-join.ts) and a doc's positions are checked as
 * soon as every list holds it, so nothing is written per candidate. A short phrase on a large index is mostly
 * such fixed costs.
 */
import { termHasPositions } from "../analysis/analyzer.js";
import type { Postings } from "../index/postings.js";
import type { TextField } from "../index/segment.js";
import { joinDocs, type ListCursor, listCursor, load, type PositionCursor, positionCursor } from "./doc-join.js";
import { contains, type PhraseTerm, phraseMatches } from "./phrase.js";

/** Terms whose positions are checked; the others (single CJK characters) only require presence. */
function isPositional(x: PhraseTerm): boolean {
  return !x.docs && termHasPositions(x.term);
}

export function phraseDocs(f: TextField, terms: PhraseTerm[], postings: (t: number) => Postings): Int32Array {
  // with fewer than two positioned terms a phrase is only an intersection (decided before any cursor is set
  // up: setting one up builds the list's position offsets)
  if (terms.filter(isPositional).length < 2) return phraseMatches(f, terms, postings, null, false).docs;
  const positional: PositionCursor[] = [];
  const all: ListCursor[] = [];
  for (const x of terms) {
    if (!isPositional(x)) {
      all.push(listCursor(x.docs ?? postings(x.t).docs));
      continue;
    }
    const c = positionCursor(f, x.t, postings(x.t), x.rel);
    positional.push(c);
    all.push(c);
  }
  return joinDocs(
    all,
    positional.length === 2 ? () => alignTwo(positional[0], positional[1]) : () => align(positional),
  );
}

/** Whether some start s has s + rel of every term among the current doc's positions. */
function align(cs: PositionCursor[]): boolean {
  for (const c of cs) {
    load(c);
    if (c.n === 0) return false;
  }
  const base = cs[0];
  for (let a = 0; a < base.n; a++) {
    const start = base.buf[a] - base.rel;
    let ok = true;
    for (let j = 1; j < cs.length && ok; j++) ok = contains(cs[j].buf, 0, cs[j].n, start + cs[j].rel);
    if (ok) return true;
  }
  return false;
}

/** Two terms: one merge of their (ascending) positions, shifted by the distance between them in the phrase. */
function alignTwo(a: PositionCursor, b: PositionCursor): boolean {
  load(a);
  load(b);
  const pa = a.buf;
  const pb = b.buf;
  const shift = b.rel - a.rel;
  let i = 0;
  let j = 0;
  while (i < a.n && j < b.n) {
    const x = pa[i] + shift;
    const y = pb[j];
    if (x === y) return true;
    if (x < y) i++;
    else j++;
  }
  return false;
}
