/** Header text reduced to what identifies it: NFKC (（）→()), lower case, no spaces, '_' → ' ' dropped. */
export function normaliseHeader(header: string): string {
  return header
    .normalize("NFKC")
    .replace(/^\uFEFF/, "")
    .toLowerCase()
    .replace(/[\s_]+/g, "");
}
