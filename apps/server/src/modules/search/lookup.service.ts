import { AppError } from "@zhichan/core";
import {
  LOOKUP_LIMITS,
  type LookupRecord,
  type LookupResponse,
  type SearchHit,
  splitLookupNumbers,
} from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import { type HitRow, hitRows } from "./hits.repository.js";
import { type BriefRow, briefRows } from "./lookup.repository.js";
import type { SearchIndex } from "./search-index.js";

/** Rows read per SQLite query of a lookup export (as for search exports). */
const EXPORT_BATCH = 250;

export interface LookupMatches {
  numbers: string[];
  /** Per number, the ids of the records it names (ascending); empty when none. */
  ids: (readonly number[])[];
}

/**
 * Batch lookup of publication and application numbers: a pasted list (any separators) resolved in the search
 * index's number dictionaries (core search/lookup.ts), then the records read from SQLite. Found and not found
 * both keep the order typed.
 */
export class LookupService {
  constructor(
    private readonly db: Db,
    private readonly index: SearchIndex,
  ) {}

  /** The distinct numbers of a pasted text, checked: at least one, at most 10,000, none absurdly long. */
  numbersOf(text: string): string[] {
    const numbers = splitLookupNumbers(text);
    if (numbers.length === 0) throw new AppError("BAD_REQUEST", "没有可查的号码 · the list holds no numbers");
    if (numbers.length > LOOKUP_LIMITS.maxNumbers) {
      const n = numbers.length.toLocaleString("en-US");
      throw new AppError(
        "BAD_REQUEST",
        `一次最多查 10,000 个号码（收到 ${n} 个）· at most 10,000 numbers at once (got ${n})`,
        { count: numbers.length, max: LOOKUP_LIMITS.maxNumbers },
      );
    }
    const long = numbers.findIndex((n) => n.length > LOOKUP_LIMITS.maxNumberLength);
    if (long >= 0) {
      const shown = `${numbers[long].slice(0, 20)}…`;
      throw new AppError(
        "BAD_REQUEST",
        `第 ${long + 1} 项“${shown}”不是专利号 · item ${long + 1} ("${shown}") is not a patent number`,
        { index: long },
      );
    }
    return numbers;
  }

  match(text: string): LookupMatches {
    const numbers = this.numbersOf(text);
    return { numbers, ids: this.index.engine.lookupNumbers(numbers) };
  }

  lookup(text: string): LookupResponse {
    const started = performance.now();
    const { numbers, ids } = this.match(text);
    const rows = briefRows(this.db, [...new Set(ids.flat())]);
    const found: LookupResponse["found"] = [];
    const notFound: string[] = [];
    numbers.forEach((number, i) => {
      const patents = ids[i].map((id) => rows.get(id)).filter((r) => r !== undefined);
      if (patents.length > 0) found.push({ number, patents: patents.map(toBrief) });
      else notFound.push(number);
    });
    return { asked: numbers.length, found, notFound, tookMs: Math.round((performance.now() - started) * 10) / 10 };
  }

  /** The found records as export rows (in the order typed, read in batches), and the numbers not found. */
  exportRows(text: string): { count: number; rows: Iterable<HitRow>; notFound: string[] } {
    const { numbers, ids } = this.match(text);
    const order: number[] = [];
    const seen = new Set<number>();
    for (const list of ids)
      for (const id of list) {
        if (seen.has(id)) continue;
        seen.add(id);
        order.push(id);
      }
    const notFound = numbers.filter((_, i) => ids[i].length === 0);
    const db = this.db;
    function* rows(): Generator<HitRow> {
      for (let i = 0; i < order.length; i += EXPORT_BATCH) yield* hitRows(db, order.slice(i, i + EXPORT_BATCH));
    }
    return { count: order.length, rows: rows(), notFound };
  }
}

function toBrief(r: BriefRow): LookupRecord {
  return {
    id: r.id,
    publicationNumber: r.pub_no,
    applicationNumber: r.app_no,
    title: r.title,
    applicants: r.applicants,
    applicationDate: r.app_date,
    publicationDate: r.pub_date,
    type: r.type as SearchHit["type"],
    status: r.status as SearchHit["status"],
    ipcMain: r.ipc_main,
  };
}
