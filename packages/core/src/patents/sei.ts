/** SEI (战略性新兴产业分类 2018) codes of a record, and the raw pieces that named no known category. */
export interface SeiResult {
  codes: string[];
  unmatched: string[];
}

/**
 * Reads incoPat's '1.4 (互联网与云计算、大数据服务),8.1 (…)' and the agency export's plain names ('先进环保产业').
 * `nameToCode` maps category names (from sei_categories) to codes; `knownCodes` guards against stray numbers.
 */
export function parseSeiCategories(
  raw: string | null | undefined,
  nameToCode: ReadonlyMap<string, string>,
  knownCodes: ReadonlySet<string>,
): SeiResult {
  const codes: string[] = [];
  const unmatched: string[] = [];
  const add = (code: string) => {
    if (!codes.includes(code)) codes.push(code);
  };
  const text = (raw ?? "").normalize("NFKC");
  // Codes first: '1.4 (互联网与云计算、大数据服务)' — the bracketed name may itself contain commas, so strip it.
  const withoutCodes = text.replace(/(\d{1,2}\.\d{1,2})\s*(\([^)]*\))?/g, (_m, code: string) => {
    if (knownCodes.has(code)) add(code);
    else unmatched.push(code);
    return ";";
  });
  for (const piece of withoutCodes.split(/[;,|\n]+/)) {
    const name = piece.trim();
    if (!name) continue;
    const code = nameToCode.get(name);
    if (code) add(code);
    else unmatched.push(name);
  }
  return { codes, unmatched };
}
