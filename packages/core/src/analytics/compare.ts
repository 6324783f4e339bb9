import { type AnalyticsColumns, type CsrList, NONE } from "./columns.js";
import { topK } from "./common.js";

/**
 * One applicant's portfolio for a side-by-side comparison (issue #16 item 5): filings per year, IPC mix, legal-status
 * mix, regions, top inventors, co-applicants and citations where the data has them — all over the rows given (the
 * applicant's hits, in the caller's unit), from the columns only.
 */
export interface Counted {
  code: string;
  count: number;
}

export interface ApplicantPortfolio {
  total: number;
  byYear: { year: number; count: number }[];
  /** Main-IPC subclass of each document (so the mix adds up to the documents with an IPC). */
  ipc: Counted[];
  status: Counted[];
  /** City (else province) division code of each document's applicant address. */
  regions: Counted[];
  inventors: Counted[];
  /** Other applicants named on the same documents (entity keys). */
  coApplicants: Counted[];
  citations: {
    /** Documents whose source gave a times-cited figure. */
    covered: number;
    /** Times cited, summed over those documents. */
    citedBy: number;
    /** Covered documents cited at least once. */
    cited: number;
    top: { id: number; pubNo: string; title: string; citedBy: number }[];
  };
}

export interface PortfolioOptions {
  /** Entries kept per list (years are all kept). */
  top?: number;
}

function tallyCsr(list: CsrList, rows: Int32Array, size: number, skip: (v: number) => boolean = () => false) {
  const counts = new Uint32Array(size);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    for (let j = list.offs[r]; j < list.offs[r + 1]; j++) if (!skip(list.vals[j])) counts[list.vals[j]]++;
  }
  return counts;
}

const named = (counts: Uint32Array, dict: string[], k: number): Counted[] =>
  topK(counts, k).map((o) => ({ code: dict[o], count: counts[o] }));

/** The portfolio of the applicant entity `key` over its hit rows (row numbers into `cols`, each once). */
export function applicantPortfolio(
  cols: AnalyticsColumns,
  rows: Int32Array,
  key: string,
  opts: PortfolioOptions = {},
): ApplicantPortfolio {
  const k = opts.top ?? 10;
  const years = new Map<number, number>();
  const ipc = new Uint32Array(cols.dict.subclass.length);
  const status = new Uint32Array(cols.dict.status.length);
  const region = new Uint32Array(cols.dict.region.length);
  const cites = { covered: 0, citedBy: 0, cited: 0 };
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const y = cols.year[r];
    if (y > 0) years.set(y, (years.get(y) ?? 0) + 1);
    if (cols.subclass.offs[r] < cols.subclass.offs[r + 1]) ipc[cols.subclass.vals[cols.subclass.offs[r]]]++;
    status[cols.status[r]]++;
    const place = cols.city[r] || cols.province[r]; // ordinal 0 is "" (unknown)
    if (place) region[place]++;
    const c = cols.citedBy[r];
    if (c >= 0) {
      cites.covered++;
      cites.citedBy += c;
      if (c > 0) cites.cited++;
    }
  }
  const self = cols.dict.applicant.indexOf(key);
  const citedRows = [...rows].filter((r) => cols.citedBy[r] > 0);
  citedRows.sort((a, b) => cols.citedBy[b] - cols.citedBy[a] || cols.ids[a] - cols.ids[b]);
  return {
    total: rows.length,
    byYear: [...years].sort(([a], [b]) => a - b).map(([year, count]) => ({ year, count })),
    ipc: named(ipc, cols.dict.subclass, k),
    status: named(status, cols.dict.status, k),
    regions: named(region, cols.dict.region, k),
    inventors: named(tallyCsr(cols.inventors, rows, cols.dict.inventor.length), cols.dict.inventor, k),
    coApplicants: named(
      tallyCsr(cols.applicants, rows, cols.dict.applicant.length, (v) => v === self || v === NONE),
      cols.dict.applicant,
      k,
    ),
    citations: {
      ...cites,
      top: citedRows.slice(0, 3).map((r) => ({
        id: cols.ids[r],
        pubNo: cols.pubNo[r],
        title: cols.title[r],
        citedBy: cols.citedBy[r],
      })),
    },
  };
}
