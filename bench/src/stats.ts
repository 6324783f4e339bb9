/** Small statistics over timing samples (microseconds). */

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // nearest-rank: the smallest value with at least p of the samples at or below it
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Percentile over several queries' samples where every query weighs the same, however many runs it got (a slow
 * peer query stops early on its time budget; pooling raw samples would under-weight exactly the slow ones).
 */
export function classPercentile(samplesPerQuery: readonly (readonly number[])[], p: number): number {
  const weighted: Array<[number, number]> = [];
  const nonEmpty = samplesPerQuery.filter((s) => s.length > 0);
  for (const samples of nonEmpty) for (const value of samples) weighted.push([value, 1 / samples.length]);
  if (weighted.length === 0) return Number.NaN;
  weighted.sort((a, b) => a[0] - b[0]);
  const target = p * nonEmpty.length;
  let cumulative = 0;
  for (const [value, weight] of weighted) {
    cumulative += weight;
    if (cumulative >= target - 1e-9) return value;
  }
  return weighted[weighted.length - 1][0];
}
