/** A cell as the readers give it: CSV gives text; XLSX can also give numbers and dates. */
export type Cell = string | number | Date | null;

/** A sheet of rows as read, before the header row is chosen. */
export interface RawTable {
  rows: Cell[][];
  /** 'utf-8' | 'gb18030' for CSV, 'xlsx' for workbooks. */
  encoding: string;
  /** The CSV delimiter found (',' '\t' ';'); absent for workbooks. */
  delimiter?: string;
  /** Invalid UTF-8 sequences replaced by U+FFFD in an otherwise UTF-8 file; each row holding one gets a warning. */
  replaced?: number;
}
