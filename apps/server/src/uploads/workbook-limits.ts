/**
 * The bounds of every workbook read (survey answer sheets, registry imports, patent imports). An XLSX is a ZIP of
 * XML: a 2.8 MB upload can inflate to 2.6 GB of shared strings, so every quantity that costs memory or time is
 * counted while it is read and the read STOPS (inflation halted, streams destroyed) the moment one is passed.
 *
 * Measured here: a 100k-row patent export with unique 400-character Chinese abstracts (CNIPA caps abstracts at 300)
 * is a 60 MB file — a 41 MB sheet and 140 MB of shared strings (~45 M characters) — and reads in 13 s with the heap
 * 180 MB up. WORKBOOK_LIMITS take that whole; web uploads are far smaller anyway (the routes' body limits are 4–8 MB
 * of base64). What a bound costs at most: 64 M characters of shared strings are ≤ 128 MB of heap (UTF-16), and no
 * XML token (a text, a tag) may exceed 1 M characters, so the parser never buffers more than that.
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

/**
 * Patent files an administrator imports from the command line or ZHICHAN_DATA (one at a time, never uploaded over
 * the web) may be full-text exports several times larger; they are still bounded, since the import runs inside the
 * server process on first start.
 */
export const IMPORT_FILE_LIMITS: WorkbookLimits = {
  maxEntryBytes: 1024 * 1024 * 1024,
  maxTotalBytes: 1536 * 1024 * 1024,
  maxSharedStrings: 4_000_000,
  maxSharedStringChars: 256 * 1024 * 1024,
  maxRows: 2_000_000,
  maxCells: 100_000_000,
  maxTokenChars: 1024 * 1024,
  maxMillis: 10 * 60_000,
};
