import { DEFAULT_EXPORT_COLUMNS, EXPORT_COLUMN_KEYS, type ExportColumnKey } from "@zhichan/shared/search-assist.ts";

const KEY = "zhichan.exportColumns";
const KNOWN = new Set<string>(EXPORT_COLUMN_KEYS);

/** The columns chosen last time on this browser (known names only, in their order), else the default ones. */
export function loadExportColumns(storage: Pick<Storage, "getItem"> | null = safeStorage()): ExportColumnKey[] {
  try {
    const saved = JSON.parse(storage?.getItem(KEY) ?? "null") as unknown;
    if (Array.isArray(saved)) {
      const cols = [...new Set(saved.filter((c): c is ExportColumnKey => typeof c === "string" && KNOWN.has(c)))];
      if (cols.length > 0) return cols;
    }
  } catch {
    // a damaged entry falls back to the default columns
  }
  return [...DEFAULT_EXPORT_COLUMNS];
}

export function saveExportColumns(
  cols: readonly ExportColumnKey[],
  storage: Pick<Storage, "setItem"> | null = safeStorage(),
): void {
  try {
    storage?.setItem(KEY, JSON.stringify(cols));
  } catch {
    // private mode or a full storage: the choice lasts for this page only
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}

/** Every column in the dialog's order: the chosen ones first as ordered, then the others in their default order. */
export function dialogOrder(chosen: readonly ExportColumnKey[]): ExportColumnKey[] {
  return [...chosen, ...EXPORT_COLUMN_KEYS.filter((k) => !chosen.includes(k))];
}

/** Moves one entry of a list up (-1) or down (+1). */
export function move<T>(list: readonly T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  if (j < 0 || j >= list.length) return [...list];
  const out = [...list];
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}
