import { AssetValuationQuery, type AssetValuationReport } from "@zhichan/shared";

/**
 * The declared-asset valuations a user has run, kept in this browser only: GET /api/valuations/assets computes
 * and stores nothing (the inputs are the owner's own declarations), so the list lives beside the page, one list
 * per signed-in user (or one for visitors), newest first, at most MAX_ENTRIES.
 */
export interface PastValuation {
  /** When it was run (ms since epoch). */
  at: number;
  /** The inputs exactly as sent, so "open again" re-runs the same valuation. */
  query: Record<string, string>;
  score: number;
  grade: AssetValuationReport["grade"];
}

export const MAX_ENTRIES = 20;
const PREFIX = "zhichan.assetValuations.";

const keyFor = (userId: number | null) => PREFIX + (userId ?? "visitor");

export function loadPastValuations(
  userId: number | null,
  storage: Pick<Storage, "getItem"> | null = safeStorage(),
): PastValuation[] {
  try {
    const saved = JSON.parse(storage?.getItem(keyFor(userId)) ?? "[]") as unknown;
    // a stored entry that no longer parses as a query (older shape, edited by hand) is dropped, not re-sent
    return Array.isArray(saved) ? saved.filter(isPastValuation).slice(0, MAX_ENTRIES) : [];
  } catch {
    return [];
  }
}

/** Adds a run to the front of the list; the same inputs run again replace their older entry. */
export function rememberValuation(
  userId: number | null,
  entry: PastValuation,
  storage: Pick<Storage, "getItem" | "setItem"> | null = safeStorage(),
): PastValuation[] {
  const same = JSON.stringify(entry.query);
  const list = [entry, ...loadPastValuations(userId, storage).filter((e) => JSON.stringify(e.query) !== same)].slice(
    0,
    MAX_ENTRIES,
  );
  try {
    storage?.setItem(keyFor(userId), JSON.stringify(list));
  } catch {
    // private mode or a full storage: the list lasts for this page only
  }
  return list;
}

function isPastValuation(x: unknown): x is PastValuation {
  if (typeof x !== "object" || x === null) return false;
  const e = x as Partial<PastValuation>;
  return (
    typeof e.at === "number" &&
    typeof e.score === "number" &&
    typeof e.grade === "string" &&
    typeof e.query === "object" &&
    e.query !== null &&
    AssetValuationQuery.safeParse(e.query).success
  );
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage;
  } catch {
    return null;
  }
}
