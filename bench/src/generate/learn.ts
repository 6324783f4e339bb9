/** Learns a CorpusModel from the real sample: chunk chains per field and IPC section, per-subclass vocabularies, facts. */
import type { CorpusModel, FieldModel, SubclassUnigrams, TemplateDoc, TransitionTable } from "./model.ts";
import {
  canonicalIpc,
  dateNumber,
  districtCodes,
  legalStatus,
  patentType,
  readCsvGz,
  type SampleRow,
  seiCodes,
  splitList,
} from "./sample.ts";
import { isHanRun, NgramCounts, segment, splitRuns } from "./segment.ts";

/** Pair keys pack two ids into one number: ids stay below 2^21, so a * 2^21 + b is exact in a double. */
const PAIR = 2 ** 21;
const NO_SUBCLASS = "none";

export interface SamplePaths {
  patentsCsvGz: string;
  areasCsvGz: string;
}

export function learnModel(paths: SamplePaths): CorpusModel {
  return learnFromRows(readCsvGz<SampleRow>(paths.patentsCsvGz), districtCodes(paths.areasCsvGz));
}

/** `districts`: district name → division codes of every level (see sample.ts). */
export function learnFromRows(rows: SampleRow[], districts: Map<string, string[]>): CorpusModel {
  const counts = new NgramCounts();
  for (const row of rows) {
    for (const piece of [...splitRuns(row.title), ...splitRuns(row.abstract)])
      if (isHanRun(piece)) counts.addRun(piece);
  }

  const chunkIds = new Map<string, number>([["", 0]]);
  const chunkId = (chunk: string) => {
    let id = chunkIds.get(chunk);
    if (id === undefined) {
      id = chunkIds.size;
      chunkIds.set(chunk, id);
    }
    return id;
  };
  const subclassIds = new Map<string, number>();
  const sectionIds = new Map<string, number>();
  const indexOf = (map: Map<string, number>, key: string) => {
    if (!map.has(key)) map.set(key, map.size);
    return map.get(key)!;
  };

  const title = new FieldCounter();
  const abstract = new FieldCounter();
  const templates: TemplateDoc[] = [];
  const applicants = new Map<string, number>();
  const inventors = new Map<string, number>();
  const agencies = new Map<string, number>();

  for (const row of rows) {
    const ipc = [...new Set(splitList(row.ipc_all.length > 0 ? row.ipc_all : row.ipc_main).map(canonicalIpc))];
    const subclassCode = ipc.length > 0 ? ipc[0].slice(0, 4) : NO_SUBCLASS;
    const subclass = indexOf(subclassIds, subclassCode);
    const section = indexOf(sectionIds, subclassCode === NO_SUBCLASS ? NO_SUBCLASS : subclassCode[0]);
    const titleChunks = segment(row.title, counts).map(chunkId);
    const abstractChunks = segment(row.abstract, counts).map(chunkId);
    title.add(section, subclass, titleChunks);
    abstract.add(section, subclass, abstractChunks);

    const names = splitList(row.applicants);
    const people = splitList(row.inventors);
    for (const name of names) applicants.set(name, (applicants.get(name) ?? 0) + 1);
    for (const name of people) inventors.set(name, (inventors.get(name) ?? 0) + 1);
    if (row.agency) agencies.set(row.agency, (agencies.get(row.agency) ?? 0) + 1);
    templates.push({
      subclass,
      section,
      titleLength: row.title.length,
      abstractLength: row.abstract.length,
      ipc,
      applicationYear: Number(row.application_year) || 0,
      applicationDate: dateNumber(row.application_date),
      publicationDate: dateNumber(row.publication_date),
      type: patentType(row.patent_type),
      status: legalStatus(row.legal_status),
      region: districts.get(row.applicant_district) ?? [],
      sei: seiCodes(row.sei_category),
      applicantCount: Math.min(names.length, 5),
      inventorCount: Math.min(people.length, 8),
      hasAgency: row.agency.length > 0,
    });
  }

  const chunks = [...chunkIds.keys()];
  return {
    chunks,
    sections: [...sectionIds.keys()],
    subclasses: [...subclassIds.keys()],
    title: title.build(sectionIds.size, subclassIds.size, chunks.length),
    abstract: abstract.build(sectionIds.size, subclassIds.size, chunks.length),
    templates,
    applicants: byFrequency(applicants),
    inventors: byFrequency(inventors),
    agencies: byFrequency(agencies),
  };
}

function byFrequency(counts: Map<string, number>): string[] {
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name);
}

/** Counts chunk transitions (per section) and chunk frequencies (per subclass) for one field. */
class FieldCounter {
  private readonly transitions: Map<number, number>[] = [];
  private readonly unigrams = new Map<number, number>();

  add(section: number, subclass: number, chunks: number[]): void {
    if (chunks.length === 0) return;
    this.transitions[section] ??= new Map();
    const pairs = this.transitions[section];
    let prev = 0;
    for (const chunk of chunks) {
      increment(pairs, prev * PAIR + chunk);
      increment(this.unigrams, subclass * PAIR + chunk);
      prev = chunk;
    }
  }

  build(sectionCount: number, subclassCount: number, chunkCount: number): FieldModel {
    const bySection: TransitionTable[] = [];
    for (let s = 0; s < sectionCount; s++) {
      const csr = toCsr(this.transitions[s] ?? new Map(), chunkCount);
      bySection.push({ rowStart: csr.rowStart, next: csr.column, cum: csr.cum });
    }
    const unigrams = toCsr(this.unigrams, subclassCount);
    const bySubclass: SubclassUnigrams = { rowStart: unigrams.rowStart, chunk: unigrams.column, cum: unigrams.cum };
    return { bySection, bySubclass };
  }
}

function increment(map: Map<number, number>, key: number): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** Sparse (row * PAIR + column → count) map → CSR with cumulative counts restarting on every row. */
function toCsr(pairs: Map<number, number>, rowCount: number) {
  const keys = Float64Array.from(pairs.keys()).sort();
  const rowStart = new Int32Array(rowCount + 1);
  const column = new Int32Array(keys.length);
  const cum = new Float64Array(keys.length);
  let prevRow = -1;
  let running = 0;
  for (let i = 0; i < keys.length; i++) {
    const row = Math.floor(keys[i] / PAIR);
    if (row !== prevRow) {
      for (let r = prevRow + 1; r <= row; r++) rowStart[r] = i;
      prevRow = row;
      running = 0;
    }
    column[i] = keys[i] - row * PAIR;
    running += pairs.get(keys[i])!;
    cum[i] = running;
  }
  for (let r = prevRow + 1; r <= rowCount; r++) rowStart[r] = keys.length;
  return { rowStart, column, cum };
}
