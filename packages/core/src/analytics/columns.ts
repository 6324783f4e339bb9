/**
 * Columnar patent facts for navigation reports: typed arrays indexed by a dense row number, plus dictionaries.
 * Built once (the server from SQLite, the benchmark from generated docs) and read by the pure report functions.
 * Multi-valued fields (IPC subclasses, applicants, inventors) are CSR lists: values of row r are
 * `vals[offs[r]] … vals[offs[r + 1] - 1]`.
 */

/** One patent as the analytics see it; strings are interned into dictionaries by the builder. */
export interface AnalyticsRecord {
  /** External id (the database row id), used to map search hits to rows. */
  id: number;
  /** Application year; 0 = unknown. */
  year: number;
  /** Grant year (invention grants, utility models, designs); 0 = not granted or unknown. */
  grantYear: number;
  type: string;
  status: string;
  /** Canonical IPC codes, main first (e.g. "H01M10/0525"). */
  ipc: string[];
  /** Applicant keys (entity ids as strings); names come from `applicantNames`. */
  applicants: string[];
  inventors: string[];
  /** Division codes: province, city, district ("" when unknown). */
  province: string;
  city: string;
  district: string;
  agency: string;
  /** Times cited; -1 = unknown. */
  citedBy: number;
  pubNo: string;
  title: string;
}

export interface CsrList {
  offs: Uint32Array; // length rows + 1
  vals: Uint32Array;
}

export interface AnalyticsColumns {
  rows: number;
  /** External id of each row. */
  ids: Int32Array;
  year: Uint16Array;
  grantYear: Uint16Array;
  type: Uint8Array;
  status: Uint8Array;
  /** Distinct IPC subclasses (e.g. H01M) per row; first = the main IPC's subclass. */
  subclass: CsrList;
  /** Main group of the main IPC (e.g. H01M10), 0xffffffff when none. */
  mainGroup: Uint32Array;
  applicants: CsrList;
  inventors: CsrList;
  province: Uint32Array;
  city: Uint32Array;
  district: Uint32Array;
  agency: Uint32Array;
  citedBy: Int32Array;
  pubNo: string[];
  title: string[];
  dict: {
    type: string[];
    status: string[];
    subclass: string[];
    mainGroup: string[];
    applicant: string[];
    inventor: string[];
    region: string[]; // shared by province, city and district columns; ordinal 0 = ""
    agency: string[]; // ordinal 0 = ""
  };
}

export const NONE = 0xffffffff;

class Interner {
  readonly values: string[] = [];
  private readonly map = new Map<string, number>();
  constructor(first?: string) {
    if (first !== undefined) this.get(first);
  }
  get(v: string): number {
    let o = this.map.get(v);
    if (o === undefined) {
      o = this.values.length;
      this.values.push(v);
      this.map.set(v, o);
    }
    return o;
  }
}

class GrowU32 {
  buf = new Uint32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = new Uint32Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }
  done(): Uint32Array {
    return this.buf.slice(0, this.length);
  }
}

/** IPC "H01M10/0525" → subclass "H01M" and main group "H01M10". */
export function ipcSubclass(code: string): string {
  return code.slice(0, 4);
}
export function ipcMainGroup(code: string): string {
  const slash = code.indexOf("/");
  return slash > 0 ? code.slice(0, slash) : code;
}

/** Accumulates records, then freezes them into columns. */
export class ColumnsBuilder {
  private readonly ids: number[] = [];
  private readonly year: number[] = [];
  private readonly grantYear: number[] = [];
  private readonly type: number[] = [];
  private readonly status: number[] = [];
  private readonly mainGroup: number[] = [];
  private readonly province: number[] = [];
  private readonly city: number[] = [];
  private readonly district: number[] = [];
  private readonly agency: number[] = [];
  private readonly citedBy: number[] = [];
  private readonly pubNo: string[] = [];
  private readonly title: string[] = [];
  private readonly sub = { offs: [0] as number[], vals: new GrowU32() };
  private readonly app = { offs: [0] as number[], vals: new GrowU32() };
  private readonly inv = { offs: [0] as number[], vals: new GrowU32() };
  private readonly d = {
    type: new Interner(),
    status: new Interner(),
    subclass: new Interner(),
    mainGroup: new Interner(),
    applicant: new Interner(),
    inventor: new Interner(),
    region: new Interner(""),
    agency: new Interner(""),
  };

  add(r: AnalyticsRecord): void {
    this.ids.push(r.id);
    this.year.push(r.year > 0 && r.year < 65535 ? r.year : 0);
    this.grantYear.push(r.grantYear > 0 && r.grantYear < 65535 ? r.grantYear : 0);
    this.type.push(this.d.type.get(r.type));
    this.status.push(this.d.status.get(r.status));
    this.mainGroup.push(r.ipc.length ? this.d.mainGroup.get(ipcMainGroup(r.ipc[0])) : NONE);
    const seen = new Set<string>();
    for (const code of r.ipc) {
      const s = ipcSubclass(code);
      if (s.length === 4 && !seen.has(s)) {
        seen.add(s);
        this.sub.vals.push(this.d.subclass.get(s));
      }
    }
    this.sub.offs.push(this.sub.vals.length);
    pushDistinct(this.app, r.applicants, this.d.applicant);
    pushDistinct(this.inv, r.inventors, this.d.inventor);
    this.province.push(this.d.region.get(r.province));
    this.city.push(this.d.region.get(r.city));
    this.district.push(this.d.region.get(r.district));
    this.agency.push(this.d.agency.get(r.agency));
    this.citedBy.push(r.citedBy);
    this.pubNo.push(r.pubNo);
    this.title.push(r.title);
  }

  build(): AnalyticsColumns {
    return {
      rows: this.ids.length,
      ids: Int32Array.from(this.ids),
      year: Uint16Array.from(this.year),
      grantYear: Uint16Array.from(this.grantYear),
      type: Uint8Array.from(this.type),
      status: Uint8Array.from(this.status),
      subclass: { offs: Uint32Array.from(this.sub.offs), vals: this.sub.vals.done() },
      mainGroup: Uint32Array.from(this.mainGroup),
      applicants: { offs: Uint32Array.from(this.app.offs), vals: this.app.vals.done() },
      inventors: { offs: Uint32Array.from(this.inv.offs), vals: this.inv.vals.done() },
      province: Uint32Array.from(this.province),
      city: Uint32Array.from(this.city),
      district: Uint32Array.from(this.district),
      agency: Uint32Array.from(this.agency),
      citedBy: Int32Array.from(this.citedBy),
      pubNo: this.pubNo,
      title: this.title,
      dict: {
        type: this.d.type.values,
        status: this.d.status.values,
        subclass: this.d.subclass.values,
        mainGroup: this.d.mainGroup.values,
        applicant: this.d.applicant.values,
        inventor: this.d.inventor.values,
        region: this.d.region.values,
        agency: this.d.agency.values,
      },
    };
  }
}

function pushDistinct(list: { offs: number[]; vals: GrowU32 }, values: string[], dict: Interner): void {
  const start = list.vals.length;
  for (const v of values) {
    if (!v) continue;
    const o = dict.get(v);
    let dup = false;
    for (let i = start; i < list.vals.length; i++) if (list.vals.buf[i] === o) dup = true;
    if (!dup) list.vals.push(o);
  }
  list.offs.push(list.vals.length);
}

/** External ids → row numbers (hits from the search engine arrive as external ids). */
export function rowIndex(cols: AnalyticsColumns): (id: number) => number {
  let max = 0;
  for (let r = 0; r < cols.rows; r++) if (cols.ids[r] > max) max = cols.ids[r];
  const map = new Int32Array(max + 1).fill(-1);
  for (let r = 0; r < cols.rows; r++) map[cols.ids[r]] = r;
  return (id: number) => (id >= 0 && id < map.length ? map[id] : -1);
}
