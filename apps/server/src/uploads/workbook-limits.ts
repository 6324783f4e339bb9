/**
 * The bounds of every workbook read (survey answer sheets, registry imports, patent imports). An XLSX is a ZIP of
 * XML: a 2.8 MB upload can inflate to 2.6 GB of shared strings, so every quantity that costs memory or time is
 * counted while it is read and the read STOPS (inflation halted, streams destroyed) the moment one is passed.
 *
 * The numbers are generous for real exports and small against the machine: a 100k-row patent export with Chinese
 * abstracts is ~60 MB of sheet XML, ~400k shared strings and ~40 M characters of them, 3 M cells, and reads in
 * ~15 s here. What a bound costs at most: 64 M characters of shared strings are ≤ 128 MB of heap (UTF-16), and no
 * single XML token (a text, a tag) may exceed 1 M characters, so the parser never buffers more than that.
 */
export interface WorkbookLimits {
  /** Inflated bytes of any one part (sheet, shared strings, styles, …). */
  maxEntryBytes: number;
  /** Inflated bytes of all parts read, together. */
  maxTotalBytes: number;
  maxSharedStrings: number;
  /** Characters (UTF-16 code units) of all shared strings together. */
  maxSharedStringChars: number;
  maxRows: number;
  maxCells: number;
  /** Characters of one XML token: a text node or a tag with its attributes. Excel's cells hold ≤ 32,767. */
  maxTokenChars: number;
  /** Wall time of the whole read. */
  maxMillis: number;
}

export const WORKBOOK_LIMITS: WorkbookLimits = {
  maxEntryBytes: 200 * 1024 * 1024,
  maxTotalBytes: 300 * 1024 * 1024,
  maxSharedStrings: 1_000_000,
  maxSharedStringChars: 64 * 1024 * 1024,
  maxRows: 500_000,
  maxCells: 20_000_000,
  maxTokenChars: 1024 * 1024,
  maxMillis: 60_000,
};
