import { count, type ReadBudget, tooLarge } from "./bounded-entry.js";
import { parseXmlEntry } from "./bounded-xml.js";
import type { ZipEntry } from "./zip-directory.js";

/**
 * The shared-string table: one string per `<si>`, its `<t>` text or its rich-text runs' texts joined; phonetic
 * guides (`<rPh>`, furigana) are left out. The count and the characters kept are bounded: this table is what a
 * workbook bomb inflates, and it must be held whole while the sheet is read.
 */
export async function readSharedStrings(
  bytes: Uint8Array,
  entry: ZipEntry | null,
  budget: ReadBudget,
): Promise<string[]> {
  const strings: string[] = [];
  if (!entry) return strings;
  const { maxSharedStrings, maxSharedStringChars } = budget.limits;
  let chars = 0;
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  await parseXmlEntry(bytes, entry, budget, {
    open(name) {
      if (name === "si") {
        if (strings.length >= maxSharedStrings)
          throw tooLarge(
            `共享字符串超过 ${count(maxSharedStrings)} 个`,
            `over ${count(maxSharedStrings)} shared strings`,
          );
        current = [];
      } else if (name === "rPh") phonetic++;
      else if (name === "t" && current && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si" && current) {
        strings.push(current.join(""));
        current = null;
      }
    },
    text(t) {
      if (!inText || !current) return;
      chars += t.length;
      if (chars > maxSharedStringChars)
        throw tooLarge(
          `共享字符串超过 ${count(maxSharedStringChars)} 个字符`,
          `shared strings over ${count(maxSharedStringChars)} characters`,
        );
      current.push(t);
    },
  });
  return strings;
}
