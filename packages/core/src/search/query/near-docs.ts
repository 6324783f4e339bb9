/**
 * NEAR/PRE between two single words (the common case: 电池 NEAR/5 正极, wi PRE/1 fi): both lists are walked
 * together (doc-join.ts) and each common doc's positions are checked at once, instead of intersecting the lists,
 * building both sides' position arrays for every candidate and intersecting again (phraseMatches + nearMatches,
 * which phrases on either side still need).
 */
import type { Postings } from "../index/postings.js";
import type { TextField } from "../index/segment.js";
import { joinDocs, load, positionCursor } from "./doc-join.js";
import { type PhraseTerm, windowHit } from "./phrase.js";

/** Docs where some start of `right` minus some start of `left` lies in lo ..= hi (see nearWindow in phrase.ts). */
export function nearTermDocs(
  f: TextField,
  left: PhraseTerm,
  right: PhraseTerm,
  postings: (t: number) => Postings,
  lo: number,
  hi: number,
): Int32Array {
  const a = positionCursor(f, left.t, postings(left.t), 0);
  const b = positionCursor(f, right.t, postings(right.t), 0);
  return joinDocs([a, b], () => {
    load(a);
    load(b);
    return windowHit(a.buf, 0, a.n, b.buf, 0, b.n, lo, hi);
  });
}
