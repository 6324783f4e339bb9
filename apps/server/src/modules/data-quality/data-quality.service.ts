import type { ApplicantMerge, DataQuality, MergeSuggestions } from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import * as repo from "./data-quality.repository.js";

const TOP = 20;
const RECENT_MERGES = 20;
const IMPORT_RUNS = 50;

/**
 * The officials' data-quality page (issue #14 item 9): every figure is an aggregate query computed on request, so
 * it is never stale and stays cheap on a large table (one pass for all coverage counts, GROUP BYs for the rest).
 */
export class DataQualityService {
  constructor(
    private readonly db: Db,
    /** The applicants module's recorded merges (through its service). */
    private readonly recentMerges: (limit: number) => ApplicantMerge[],
    /** The applicants module's merge suggestions awaiting an official's decision. */
    private readonly suggestions: (limit: number) => Promise<MergeSuggestions>,
  ) {}

  mergeSuggestions(limit: number): Promise<MergeSuggestions> {
    return this.suggestions(limit);
  }

  report(): DataQuality {
    const { total, filled } = repo.fieldCoverage(this.db);
    return {
      patents: total,
      coverage: repo.COVERAGE_FIELDS.map(([field]) => ({
        field,
        filled: filled[field],
        share: total ? filled[field] / total : 0,
      })),
      unknownStatuses: repo.unknownStatuses(this.db, TOP),
      applicantsWithoutRegion: repo.applicantsWithoutRegion(this.db, TOP),
      regionRules: repo.regionRules(this.db),
      // What the linker merged, and why; the suggestions awaiting review have their own request (mergeSuggestions).
      merges: { kind: "recent", byRule: repo.mergesByRule(this.db), recent: this.recentMerges(RECENT_MERGES) },
      imports: repo.importRuns(this.db, IMPORT_RUNS).map((r) => ({
        id: r.id,
        // The file's name only: the server's folders are nobody's business on a web page.
        file: r.file.split(/[\\/]/).pop() ?? r.file,
        source: r.source,
        sha256: r.file_sha256,
        status: r.status,
        authority: r.authority,
        startedAt: r.started_at,
        finishedAt: r.finished_at,
        rowsTotal: r.rows_total,
        rowsOk: r.rows_ok,
        rowsBad: r.rows_bad,
        layout: layoutOf(r.detected_json),
      })),
    };
  }
}

/** The vendor layout the import detected (import_runs.detected_json, migration 012), when it was stored. */
function layoutOf(json: string | null): string | null {
  if (!json) return null;
  try {
    const d = JSON.parse(json) as { layout?: unknown; detected?: { layout?: unknown } };
    const layout = d.layout ?? d.detected?.layout;
    return typeof layout === "string" ? layout : null;
  } catch {
    return null;
  }
}
