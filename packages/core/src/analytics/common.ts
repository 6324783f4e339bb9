/** Small helpers shared by the report sections. */

/** Ordinals with a positive count, highest count first (ties: lower ordinal first), at most k. */
export function topK(counts: ArrayLike<number>, k: number): number[] {
  const nz: number[] = [];
  for (let i = 0; i < counts.length; i++) if (counts[i] > 0) nz.push(i);
  if (nz.length > k * 8 && k > 0) {
    // keep only candidates at or above the k-th largest value before sorting
    const vals = nz.map((i) => counts[i]).sort((a, b) => b - a);
    const cut = vals[k - 1];
    return nz
      .filter((i) => counts[i] >= cut)
      .sort((a, b) => counts[b] - counts[a] || a - b)
      .slice(0, k);
  }
  return nz.sort((a, b) => counts[b] - counts[a] || a - b).slice(0, k);
}

export const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);

/** "12.3%" */
export const pct = (x: number, digits = 1): string => `${(x * 100).toFixed(digits)}%`;

export const round = (x: number, digits = 4): number => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** The application-year range of the hit rows (0, 0 when no row has a year). */
export function yearRange(year: Uint16Array, rows: Int32Array): { min: number; max: number } {
  let min = 65535;
  let max = 0;
  for (let i = 0; i < rows.length; i++) {
    const y = year[rows[i]];
    if (y === 0) continue;
    if (y < min) min = y;
    if (y > max) max = y;
  }
  return max === 0 ? { min: 0, max: 0 } : { min, max };
}

export function yearsOf(min: number, max: number): number[] {
  const out: number[] = [];
  for (let y = min; y <= max && max > 0; y++) out.push(y);
  return out;
}

/** Sum of arr over the years [from, to] given the first year of arr. */
export function sumYears(arr: number[], firstYear: number, from: number, to: number): number {
  let s = 0;
  for (let y = from; y <= to; y++) {
    const i = y - firstYear;
    if (i >= 0 && i < arr.length) s += arr[i];
  }
  return s;
}
