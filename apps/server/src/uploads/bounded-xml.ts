import { AppError } from "@zhichan/core";
import { entryText, type ReadBudget } from "./bounded-entry.js";
import { XmlScanner } from "./xml-scanner.js";
import { type ZipEntry, ZipFormatError } from "./zip-directory.js";

/** Element events of one XML part. Names are local (a `x:row` is `row`); attributes keep their written names. */
export interface XmlHandlers {
  open(name: string, attrs: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
  /** Whether `open` reads the attributes of this element (all when absent); the others get an empty object. */
  wantsAttributes?(name: string): boolean;
}

/**
 * Parses one XML part of a ZIP (a workbook's sheet, shared strings, …) with the streaming tokenizer of
 * xml-scanner.ts, fed the entry's decoded text as it is inflated. Nothing is built but what the handlers keep. A
 * token (a text or a tag) longer than `maxTokenChars` stops the read, and so does an error thrown by a handler (a
 * bound). A DOCTYPE declaring entities is refused; no entity is ever expanded.
 */
export async function parseXmlEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: ReadBudget,
  h: XmlHandlers,
): Promise<void> {
  const scanner = new XmlScanner(entry.name, budget.limits.maxTokenChars, h);
  try {
    for await (const text of entryText(bytes, entry, budget)) scanner.write(text);
    scanner.close();
  } catch (e) {
    if (e instanceof AppError || e instanceof ZipFormatError) throw e;
    throw new ZipFormatError(`${entry.name}: ${(e as Error).message}`);
  }
}

/**
 * The same bounded parse over text that is already decoded (a standalone .xml import, a CNIPA document), chunk by
 * chunk. A DOCTYPE declaring entities is refused outright: nothing would expand them, so a billion-laughs file would
 * otherwise load with '&lol9;' left as text (or fail later as an "undefined entity"); no legitimate patent XML
 * declares any.
 */
export async function parseXmlText(
  chunks: AsyncIterable<string> | Iterable<string>,
  name: string,
  maxTokenChars: number,
  h: XmlHandlers,
): Promise<void> {
  const scanner = new XmlScanner(name, maxTokenChars, h);
  try {
    for await (const text of chunks) scanner.write(text);
    scanner.close();
  } catch (e) {
    if (e instanceof AppError || e instanceof ZipFormatError) throw e;
    throw new ZipFormatError(`${name}: ${(e as Error).message}`);
  }
}
