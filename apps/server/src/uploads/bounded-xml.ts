import { AppError } from "@zhichan/core";
import { SaxesParser } from "saxes";
import { count, entryText, type ReadBudget, tooLarge } from "./bounded-entry.js";
import { type ZipEntry, ZipFormatError } from "./zip-directory.js";

/** Element events of one XML part. Names are local (a `x:row` is `row`); attributes keep their written names. */
export interface XmlHandlers {
  open(name: string, attrs: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

const local = (name: string) => name.slice(name.indexOf(":") + 1);

/**
 * Parses one XML part of a ZIP with a SAX parser, fed the entry's decoded text as it is inflated. Nothing is built
 * but what the handlers keep. A token (a text or a tag) longer than `maxTokenChars` stops the read, since the parser
 * buffers a token whole until it ends. A DOCTYPE's entities are never expanded (saxes does not), so no entity bomb.
 * An error thrown by a handler (a bound) ends the read the same way.
 */
export async function parseXmlEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: ReadBudget,
  h: XmlHandlers,
): Promise<void> {
  const parser = new SaxesParser({ position: true });
  let lastEvent = 0;
  parser.on("opentag", (t) => {
    lastEvent = parser.position;
    h.open(local(t.name), t.attributes as Record<string, string>);
  });
  parser.on("closetag", (t) => {
    lastEvent = parser.position;
    h.close(local(t.name));
  });
  parser.on("text", (t) => {
    lastEvent = parser.position;
    h.text(t);
  });
  parser.on("cdata", (t) => {
    lastEvent = parser.position;
    h.text(t);
  });
  const max = budget.limits.maxTokenChars;
  try {
    for await (const text of entryText(bytes, entry, budget)) {
      parser.write(text);
      if (parser.position - lastEvent > max)
        throw tooLarge(
          `${entry.name} 中有超过 ${count(max)} 个字符的单个文本或标签`,
          `${entry.name} has a text or tag over ${count(max)} characters`,
        );
    }
    parser.close();
  } catch (e) {
    if (e instanceof AppError || e instanceof ZipFormatError) throw e;
    throw new ZipFormatError(`${entry.name}: ${(e as Error).message}`); // malformed XML
  }
}
