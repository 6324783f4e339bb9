/** What the generator learns from the real sample (learn.ts) and samples from (generator.ts). */

/** First-order chain over chunk ids, one CSR table per IPC section (topic drift stays inside a section). */
export interface TransitionTable {
  /** Row of chunk c is next[rowStart[c] .. rowStart[c + 1]). */
  rowStart: Int32Array;
  next: Int32Array;
  /** Cumulative counts along each row (restarting at every row). */
  cum: Float64Array;
}

/** Chunk frequencies per IPC subclass, CSR by subclass index; used to start text and to jump back on topic. */
export interface SubclassUnigrams {
  rowStart: Int32Array;
  chunk: Int32Array;
  cum: Float64Array;
}

export interface FieldModel {
  bySection: TransitionTable[];
  bySubclass: SubclassUnigrams;
}

/** The non-text facts of one real document; a generated doc copies a random template's facts. */
export interface TemplateDoc {
  subclass: number; // index into subclasses, or the last index ("none") when the doc has no IPC
  section: number; // index into sections
  titleLength: number;
  abstractLength: number; // 0 = no abstract (~81% of the sample)
  ipc: string[];
  applicationYear: number; // 0 = unknown
  applicationDate: number; // yyyymmdd, 0 = only the year (or nothing) is known
  publicationDate: number;
  type: string;
  status: string;
  region: string[];
  sei: string[];
  applicantCount: number;
  inventorCount: number;
  hasAgency: boolean;
}

export interface CorpusModel {
  /** Chunk id → text; id 0 is the boundary marker (start of a field). */
  chunks: string[];
  sections: string[];
  subclasses: string[];
  title: FieldModel;
  abstract: FieldModel;
  templates: TemplateDoc[];
  /** Real names ordered by observed frequency, most frequent first (drawn with a Zipf law over the rank). */
  applicants: string[];
  inventors: string[];
  agencies: string[];
}
