export interface DecodedText {
  text: string;
  encoding: "utf-8" | "gb18030";
  /** Invalid UTF-8 sequences replaced by U+FFFD in a file that is otherwise UTF-8 (0 when strictly valid). */
  replaced: number;
}

const REPLACEMENT = 0xfffd;

/**
 * Text of a CSV file: UTF-8 (BOM stripped) when the bytes are valid UTF-8, otherwise GB18030 — the superset of GBK and
 * GB2312 that Chinese Excel and patent databases still export. Valid UTF-8 is almost never valid-looking GBK by chance
 * the other way round, so trying UTF-8 strictly first is the safe order.
 * A file that is overwhelmingly UTF-8 with a few bad bytes (a cut last character, one corrupt cell) stays UTF-8: its
 * valid non-ASCII characters must outnumber the invalid sequences 10 to 1. Read as GB18030 it would turn every Chinese
 * character into mojibake and the header would no longer be found. GBK text read as UTF-8 is nearly all invalid.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: "utf-8", replaced: 0 };
  } catch {
    const lenient = new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes);
    let nonAscii = 0;
    let replaced = 0;
    for (let i = 0; i < lenient.length; i++) {
      const c = lenient.charCodeAt(i);
      if (c > 0x7f) nonAscii++;
      if (c === REPLACEMENT) replaced++;
    }
    if (replaced * 10 <= nonAscii - replaced) return { text: lenient, encoding: "utf-8", replaced };
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030", replaced: 0 };
  }
}
