/**
 * Text of a CSV file: UTF-8 (BOM stripped) when the bytes are valid UTF-8, otherwise GB18030 — the superset of GBK and
 * GB2312 that Chinese Excel and patent databases still export. Valid UTF-8 is almost never valid-looking GBK by chance
 * the other way round, so trying UTF-8 strictly first is the safe order.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: "utf-8" | "gb18030" } {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}
