import { AppError } from "@zhichan/core";
import { mineEffects } from "@zhichan/core/analytics/effects.ts";
import { assembleMatrix, MATRIX_MAX, QUOTE_CHARS, techEffectSection } from "@zhichan/core/analytics/tech-effect.ts";
import type { TechEffectSection } from "@zhichan/core/analytics/types.ts";
import { QuerySyntaxError } from "@zhichan/core/search/types.ts";
import {
  type CountUnit,
  MATRIX_LIMITS,
  type MatrixBranchInput,
  type MatrixEffectInput,
  type MatrixResponse,
  type MatrixSuggestResponse,
  SEARCH_LIMITS,
} from "@zhichan/shared";
import { type Clock, isoToday } from "../accounts/clock.js";
import type { SearchService } from "../search/search.service.js";

/** Hits whose titles and abstracts are mined for effect phrases: the most recent ones (enough for the common effects). */
export const EFFECT_SAMPLE = 2000;

export interface MatrixSpec {
  q: string;
  group: CountUnit;
  branches: MatrixBranchInput[];
  effects: MatrixEffectInput[];
}

/**
 * Technology–effect matrix (技术功效矩阵) over any hit set: suggestions (effects mined from the hits, the hit set's
 * IPC main groups as branches) and the matrix itself, every cell an exact count by the search engine.
 */
export class TechEffectService {
  constructor(
    private readonly search: SearchService,
    private readonly clock: Clock,
  ) {}

  /** The exported workbook's file name, dated with the clock's day. */
  exportFileName(): string {
    return `zhichan-tech-effect-matrix-${isoToday(this.clock)}.xlsx`;
  }

  suggest(q: string, group: CountUnit, limit: number): MatrixSuggestResponse {
    const { total, rows } = this.search.exportHits(q, "date_desc", EFFECT_SAMPLE, group);
    let sampled = 0;
    const docs = (function* () {
      for (const r of rows) {
        sampled++;
        yield { title: `${r.title}。${r.title_en ?? ""}`, abstract: `${r.abstract ?? ""}\n${r.abstract_en ?? ""}` };
      }
    })();
    const effects = mineEffects(docs, { limit, maxTerms: MATRIX_LIMITS.maxTerms });
    const facets = this.search.search({
      q,
      sort: "relevance",
      limit: 0,
      facets: ["ipc_group"],
      facetSize: limit,
      group,
    }).facets;
    // the facet names a main group as its "/00" code; IPC=H01M10 is the whole main group (docs/QUERY.md)
    const branches = (facets.ipc_group ?? []).map((b) => {
      const group = b.value.replace(/\/00$/, "");
      return { label: group, query: `IPC=${group}`, count: b.count };
    });
    return { total, sampled, effects, branches };
  }

  matrix(spec: MatrixSpec): MatrixResponse {
    const started = performance.now();
    checkSpec(spec);
    const count = (q: string) => this.search.count(q, spec.group);
    const total = count(spec.q); // a malformed base query is refused with its own positions
    for (const b of spec.branches) this.checkBranch(b);
    const m = assembleMatrix(spec.q, spec.branches, spec.effects, count);
    const tooLong = m.cells.flat().find((c) => c.query.length > SEARCH_LIMITS.maxQueryLength);
    if (tooLong)
      throw new AppError(
        "BAD_REQUEST",
        `单元格检索式超过 ${SEARCH_LIMITS.maxQueryLength} 个字符，请缩短检索式、技术分支或功效词 · a cell's query is over ` +
          `${SEARCH_LIMITS.maxQueryLength} characters: shorten the query, a branch or the effect terms`,
        { length: tooLong.query.length },
      );
    return { unit: spec.group, total, ...m, tookMs: Math.round(performance.now() - started) };
  }

  /** A report's section: the hit set's largest IPC main groups × its most frequent mined effects (8 × 8). */
  reportSection(q: string, group: CountUnit, side = 8): TechEffectSection {
    const s = this.suggest(q, group, side);
    const spec = { q, group, branches: s.branches, effects: s.effects };
    const empty = { branches: [], effects: [], cells: [], blanks: 0 };
    const m =
      s.branches.length && s.effects.length
        ? assembleMatrix(q, spec.branches, spec.effects, (x) => this.search.count(x, group))
        : empty;
    return techEffectSection(m, s.sampled);
  }

  /** A branch's query alone, so a syntax error names the branch and its own position. */
  private checkBranch(b: MatrixBranchInput): void {
    try {
      this.search.count(b.query);
    } catch (err) {
      if (!(err instanceof QuerySyntaxError)) throw err;
      throw new AppError(
        "BAD_REQUEST",
        `技术分支“${b.label}”的检索式有误（第 ${err.position + 1} 个字符处）· the query of branch "${b.label}" is ` +
          `malformed at character ${err.position + 1}: ${err.message}`,
        { branch: b.label, position: err.position, expected: err.expected, found: err.found },
      );
    }
  }
}

/** Size and phrases a matrix may have; each refusal names what to change, in both languages. */
function checkSpec(spec: MatrixSpec): void {
  const { branches, effects } = spec;
  if (branches.length > MATRIX_MAX || effects.length > MATRIX_MAX)
    throw new AppError(
      "BAD_REQUEST",
      `矩阵最多 ${MATRIX_MAX} 个技术分支 × ${MATRIX_MAX} 个功效（现为 ${branches.length} × ${effects.length}）· ` +
        `a matrix has at most ${MATRIX_MAX} branches × ${MATRIX_MAX} effects (this one: ${branches.length} × ${effects.length})`,
      { maxSide: MATRIX_MAX, branches: branches.length, effects: effects.length },
    );
  for (const e of effects) {
    const quoted = e.terms.find((t) => QUOTE_CHARS.test(t));
    if (quoted)
      throw new AppError(
        "BAD_REQUEST",
        `功效词不能含引号：${quoted} · an effect term may not contain quotation marks: ${quoted}`,
        { effect: e.label, term: quoted },
      );
  }
  const labels = (xs: { label: string }[]) => new Set(xs.map((x) => x.label)).size === xs.length;
  if (!labels(branches) || !labels(effects))
    throw new AppError("BAD_REQUEST", "技术分支或功效名称重复 · two branches or two effects have the same name");
}
