import { AppError } from "@zhichan/core";
import { corpusLastCompleteYear, type SetSummary, summarizeSet } from "@zhichan/core/analytics/index.ts";
import type { CountUnit, Industry, IndustryInput, IndustryList, IndustryStats } from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import { type Clock, isoNow } from "../accounts/clock.js";
import type { AnalyticsSnapshot, AnalyticsStore } from "../analytics/analytics-store.js";
import type { SearchService } from "../search/search.service.js";
import { toIndustry } from "./industries.presenter.js";
import { type IndustryDefinition, industryQuery } from "./industries.query.js";
import {
  findIndustry,
  type IndustryRow,
  insertIndustry,
  listIndustries,
  updateIndustry,
} from "./industries.repository.js";
import { seedIndustries } from "./industries.seed.js";

/** Hit ids of a query as row numbers of the analytics snapshot (inventions: one row per invention). */
export function hitRows(
  search: SearchService,
  row: (id: number) => number,
  q: string,
  unit: CountUnit = "publication",
): Int32Array {
  const out: number[] = [];
  for (const id of search.hitIds(q, unit)) {
    const r = row(id);
    if (r >= 0) out.push(r);
  }
  return Int32Array.from(out);
}

/**
 * Industry thematic databases: saved definitions (SEI code, IPC prefixes, keywords, exclusions) whose live set is
 * the compiled query. Figures are recomputed when the data changes (cached per data version and definition). They
 * count inventions (one per application: its A and B publications are one), with the publication count beside.
 */
export class IndustriesService {
  private readonly cache = new Map<number, { key: string; stats: IndustryStats }>();

  constructor(
    private readonly db: Db,
    private readonly search: SearchService,
    private readonly store: AnalyticsStore,
    /** When a definition was created or changed. */
    private readonly clock: Clock,
  ) {}

  /** Seeds the 40 built-in definitions once the reference tables exist. */
  ensureSeeded(): number {
    return seedIndustries(this.db, isoNow(this.clock));
  }

  list(withStats = true): IndustryList {
    this.ensureSeeded();
    const rows = listIndustries(this.db);
    const snap = withStats ? this.store.current() : null;
    return {
      items: rows.map((r) => toIndustry(r, snap ? this.stats(r, snap) : null)),
      dataSeq: snap?.seq ?? this.store.version(),
    };
  }

  get(id: number): Industry {
    const row = this.row(id);
    return toIndustry(row, this.stats(row, this.store.current()));
  }

  /** The definition and its compiled query (reports run on it). */
  definition(id: number): { name: string; def: IndustryDefinition; query: string } {
    const row = this.row(id);
    const ind = toIndustry(row, null);
    return { name: ind.name, def: ind, query: ind.query };
  }

  create(input: IndustryInput, actorId: number | null): Industry {
    this.validate(input);
    return this.get(insertIndustry(this.db, input, false, actorId, isoNow(this.clock)));
  }

  update(id: number, input: IndustryInput): Industry {
    this.row(id);
    this.validate(input);
    updateIndustry(this.db, id, input, isoNow(this.clock));
    this.cache.delete(id);
    return this.get(id);
  }

  private validate(input: IndustryInput): void {
    const q = industryQuery(input);
    if (!q)
      throw new AppError(
        "BAD_REQUEST",
        "产业定义至少需要 SEI 代码、IPC 或关键词之一 · give an SEI code, IPC prefixes or keywords",
      );
    this.search.count(q); // a definition that does not compile is refused here (QUERY_SYNTAX → 400)
  }

  private row(id: number): IndustryRow {
    const row = findIndustry(this.db, id);
    if (!row) throw new AppError("NOT_FOUND", `没有这个产业专题库 · no industry ${id}`);
    return row;
  }

  private stats(row: IndustryRow, snap: AnalyticsSnapshot): IndustryStats | null {
    const q = industryQuery(toIndustry(row, null));
    if (!q) return null;
    const key = `${snap.seq}:${snap.cols.rows}:${row.updated_at}:${this.search.indexedDocs}`;
    const hit = this.cache.get(row.id);
    if (hit && hit.key === key) return hit.stats;
    const rows = hitRows(this.search, snap.row, q, "invention");
    const summary: SetSummary = summarizeSet(
      snap.cols,
      rows,
      (k) => snap.applicantName.get(k) ?? k,
      corpusLastCompleteYear(snap.cols),
    );
    const stats: IndustryStats = { unit: "invention", ...summary, publications: this.search.count(q, "publication") };
    this.cache.set(row.id, { key, stats });
    return stats;
  }
}
