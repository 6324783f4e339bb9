import { normaliseDate, parsePublicationNumber } from "@zhichan/core/patents/index.ts";

/**
 * Items of a multi-valued cell: exports separate them with ';', '；', ',', '，', ' | ' or newlines. A comma before
 * exactly three digits is a thousands separator inside a number ('US 62/123,456'), not a separator.
 */
export function splitItems(text: string | null): string[] {
  if (!text) return [];
  return text
    .normalize("NFKC")
    .split(/[;|\n]+|,(?!\d{3}(?!\d))/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** CPC codes without inner spaces ('G06K  9/62' → 'G06K9/62'), upper case, first occurrence kept. */
export function parseCpcList(text: string | null): string[] {
  return [...new Set(splitItems(text).map((c) => c.replace(/\s+/g, "").toUpperCase()))];
}

/** Publication numbers of a list cell (citations, family members) in canonical form; `bad` are the unreadable items. */
export function parsePublicationList(text: string | null): { pubNos: string[]; bad: string[] } {
  const pubNos: string[] = [];
  const bad: string[] = [];
  for (const item of splitItems(text)) {
    const pub = parsePublicationNumber(item);
    if (!pub) bad.push(item);
    else if (!pubNos.includes(pub.pubNo)) pubNos.push(pub.pubNo);
  }
  return { pubNos, bad };
}

/** Priority dates as YYYY-MM-DD; `bad` are the items that are not dates. */
export function parseDateList(text: string | null): { dates: string[]; bad: string[] } {
  const dates: string[] = [];
  const bad: string[] = [];
  for (const item of splitItems(text)) {
    const d = normaliseDate(item);
    if (d.date) dates.push(d.date);
    else bad.push(item);
  }
  return { dates, bad };
}

/** A 地市 cell that holds a street address ('渝北区龙山街道xx路1号'), not a city name: it is read as the address. */
export function looksLikeAddress(text: string): boolean {
  return text.length > 12 || /[路街道巷弄号室楼栋层]|大厦|园区|\d/.test(text);
}
