/**
 * Boolean evaluation of a query on one segment → sorted local doc ids (deleted docs are removed by the caller).
 * AND starts from its smallest text child and probes the others per candidate (or intersects when they are
 * about as small), then applies date/keyword filters as predicates over the candidates; NOT removes docs the
 * same way (a query of only NOT terms is all docs minus them).
 */

import { termHasPositions } from "../analysis/analyzer.js";
import { decodePostings, type Postings } from "../index/postings.js";
import { cachedPostings, cachePostings, recountPostings } from "../index/postings-cache.js";
import type { Segment, TextFieldName } from "../index/segment.js";
import { computeImpacts } from "../scoring/impacts.js";
import { difference, EMPTY, filterByLists, filterDocs, intersect, unionMany } from "../util/setops.js";
import type { FilterNode, NearNode, QueryNode, TermNode } from "./ast.js";
import { dateDocList, datePredicate, filterDocList, filterPredicate } from "./filters.js";
import { nearTermDocs } from "./near-docs.js";
import { type Matches, nearMatches, nearWindow, type PhraseTerm, phraseMatches } from "./phrase.js";
import { phraseDocs } from "./phrase-docs.js";
import { expandPrefix, nodeSpan, nodeTokens } from "./terms.js";

/** Field numbers for per-query numeric postings keys (field · TERM_SPACE + term). */
export const FIELD_NO: Record<TextFieldName, number> = { ti: 0, ab: 1, cl: 2, ap: 3, in: 4, agc: 5 };
export const TERM_SPACE = 2 ** 26; // keys stay small integers (a segment has far fewer distinct terms per field)

interface UnionParts {
  lists: Int32Array[];
  size: number; // sum of the list lengths: an upper bound of the union's size
}

function sum(xs: number[]): number {
  let n = 0;
  for (const x of xs) n += x;
  return n;
}

export class SegmentExecutor {
  private cache = new Map<string, Postings>();
  private local = new Map<number, Postings>();
  constructor(readonly seg: Segment) {}

  /** Postings of a dictionary term, decoded once per query (long lists stay cached across queries). */
  postings(field: TextFieldName, t: number): Postings {
    // a numeric key for this query's own map (looked up several times per term); the shared LRU's string key
    // is built only when the query first meets the term
    const local = FIELD_NO[field] * TERM_SPACE + t;
    let p = this.local.get(local);
    if (p) return p;
    const key = `${this.seg.uid}:${field}:${t}`;
    p = cachedPostings(key);
    if (!p) {
      p = decodePostings(this.seg.d.text[field], t);
      cachePostings(key, p);
    }
    this.local.set(local, p);
    return p;
  }

  /**
   * The term's length-normalised tfs (see scoring/bm25.ts), computed once per list and average length and kept
   * with the cached postings: scoring then streams them instead of looking up each doc's length.
   */
  impacts(field: TextFieldName, t: number, avgLen: number): Float64Array {
    const p = this.postings(field, t);
    if (!p.impacts || p.impactsAvg !== avgLen) {
      p.impacts = computeImpacts(p, this.seg.d.text[field].lens, avgLen);
      p.impactsAvg = avgLen;
      recountPostings(`${this.seg.uid}:${field}:${t}`);
    }
    return p.impacts;
  }

  eval(node: QueryNode): Int32Array {
    switch (node.kind) {
      case "term":
        return unionMany(
          node.fields.map((f) => this.termDocs(f, node)),
          this.seg.maxDoc,
        );
      case "near":
        return unionMany(
          node.fields.map((f) => this.nearDocs(f, node)),
          this.seg.maxDoc,
        );
      case "date":
        return dateDocList(this.seg, node);
      case "filter":
        return filterDocList(this.seg, node);
      case "or":
        return unionMany(
          node.children.map((c) => this.eval(c)),
          this.seg.maxDoc,
        );
      case "not":
        return difference(this.seg.allDocs(), this.eval(node.child));
      case "and":
        return this.evalAnd(node.children);
    }
  }

  private evalAnd(children: QueryNode[]): Int32Array {
    const positive: QueryNode[] = [];
    const filters: QueryNode[] = [];
    const negative: QueryNode[] = [];
    for (const c of children) {
      if (c.kind === "not") negative.push(c.child);
      else if (c.kind === "date" || c.kind === "filter") filters.push(c);
      else positive.push(c);
    }
    let acc: Int32Array;
    if (positive.length > 0) {
      // smallest first; the others are tested per candidate unless they are about as small
      const sets = positive.map((c) => this.unionParts(c)).sort((a, b) => a.size - b.size);
      acc = unionMany(sets[0].lists, this.seg.maxDoc);
      for (let i = 1; i < sets.length && acc.length > 0; i++) acc = this.restrict(acc, sets[i], true);
    } else if (filters.length > 0) {
      acc = this.eval(filters.shift()!);
    } else acc = this.seg.allDocs();
    for (const f of filters) {
      if (acc.length === 0) break;
      if (f.kind === "date") acc = filterDocs(acc, datePredicate(this.seg, f));
      else {
        // the filter's (cached) doc list unless it is far longer than the candidates: a doc-values lookup per
        // candidate is a random memory access, a list intersection mostly sequential
        const list = filterDocList(this.seg, f as FilterNode);
        acc =
          list.length <= acc.length * 16
            ? intersect(acc, list)
            : filterDocs(acc, filterPredicate(this.seg, f as FilterNode));
      }
    }
    if (negative.length > 0 && acc.length > 0) {
      const parts = negative.map((c) => this.unionParts(c));
      acc = this.restrict(acc, { lists: parts.flatMap((p) => p.lists), size: sum(parts.map((p) => p.size)) }, false);
    }
    return acc;
  }

  /** acc ∩ set (keep) or acc − set (!keep); a set much larger than acc is never merged, only probed. */
  private restrict(acc: Int32Array, set: UnionParts, keep: boolean): Int32Array {
    if (set.size > acc.length * 2 || set.lists.length === 1) {
      if (keep && set.lists.length === 1) return intersect(acc, set.lists[0]);
      return filterByLists(acc, set.lists, keep);
    }
    const docs = unionMany(set.lists, this.seg.maxDoc);
    return keep ? intersect(acc, docs) : difference(acc, docs);
  }

  /**
   * A node's docs as sorted lists whose union they are (a word's per-field lists, an OR's children), left
   * unmerged: a word in TX over 600,000 postings need not be merged when it is ANDed with a rare word.
   */
  private unionParts(node: QueryNode): UnionParts {
    const lists: Int32Array[] = [];
    const collect = (n: QueryNode): void => {
      if (n.kind === "term") for (const f of n.fields) lists.push(this.termDocs(f, n));
      else if (n.kind === "or") for (const c of n.children) collect(c);
      else lists.push(this.eval(n));
    };
    collect(node);
    const nonEmpty = lists.filter((l) => l.length > 0);
    return { lists: nonEmpty, size: sum(nonEmpty.map((l) => l.length)) };
  }

  /**
   * Dictionary terms of a node in one field; null when some token is missing (no match possible). A single CJK
   * character is not one term (see analyzer.ts): it gets t = its unigram (or -1) and `docs` = every doc that
   * contains the character.
   */
  phraseTerms(field: TextFieldName, node: TermNode): PhraseTerm[] | null {
    const dict = this.seg.d.text[field].dict;
    const out: PhraseTerm[] = [];
    for (const tok of nodeTokens(node)) {
      const t = dict.find(tok.term);
      if (!termHasPositions(tok.term)) {
        const docs = this.charDocs(field, tok.term);
        if (docs.length === 0) return null;
        out.push({ t, rel: tok.pos, term: tok.term, docs });
        continue;
      }
      if (t < 0) return null;
      out.push({ t, rel: tok.pos, term: tok.term });
    }
    return out;
  }

  /** Docs containing CJK character c: the union of the dictionary range of terms starting with c. */
  charDocs(field: TextFieldName, c: string): Int32Array {
    const key = `char:${field}:${c}`;
    const hit = this.cache.get(key);
    if (hit) return hit.docs;
    const [lo, hi] = this.seg.d.text[field].dict.prefixRange(c);
    const lists: Int32Array[] = [];
    for (let t = lo; t < hi; t++) lists.push(this.postings(field, t).docs);
    const docs = unionMany(lists, this.seg.maxDoc);
    this.cache.set(key, { docs, tfs: new Uint16Array(0) });
    return docs;
  }

  termDocs(field: TextFieldName, node: TermNode): Int32Array {
    const f = this.seg.d.text[field];
    if (node.prefix !== null) {
      return unionMany(
        expandPrefix(f, node.prefix).map((t) => this.postings(field, t).docs),
        this.seg.maxDoc,
      );
    }
    const terms = this.phraseTerms(field, node);
    if (!terms || terms.length === 0) return EMPTY;
    if (terms.length === 1) return terms[0].docs ?? this.postings(field, terms[0].t).docs;
    return phraseDocs(f, terms, (t) => this.postings(field, t));
  }

  private matches(field: TextFieldName, node: TermNode, restrict: Int32Array | null): Matches {
    const terms = this.phraseTerms(field, node);
    if (!terms || terms.length === 0) return { docs: EMPTY, offs: null, starts: null };
    return phraseMatches(this.seg.d.text[field], terms, (t) => this.postings(field, t), restrict, true);
  }

  private nearDocs(field: TextFieldName, node: NearNode): Int32Array {
    const word = (n: TermNode) => {
      const terms = n.prefix === null ? this.phraseTerms(field, n) : null;
      return terms?.length === 1 && !terms[0].docs && termHasPositions(terms[0].term) ? terms[0] : null;
    };
    const lw = word(node.left);
    const rw = word(node.right);
    if (lw && rw) {
      const [lo, hi] = nearWindow(nodeSpan(node.left), nodeSpan(node.right), node.distance, node.ordered);
      return nearTermDocs(this.seg.d.text[field], lw, rw, (t) => this.postings(field, t), lo, hi);
    }
    const cand = intersect(this.termDocs(field, node.left), this.termDocs(field, node.right));
    if (cand.length === 0) return EMPTY;
    const l = this.matches(field, node.left, cand);
    const r = this.matches(field, node.right, cand);
    return nearMatches(l, nodeSpan(node.left), r, nodeSpan(node.right), node.distance, node.ordered);
  }
}
