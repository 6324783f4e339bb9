/**
 * Dictionary-free segmentation of real titles/abstracts into "chunks" (word-like pieces) for the generator.
 *
 * Why not jieba: it is not installed and the generator only needs plausible, frequency-true pieces, not
 * linguistically right words. Method: split text into Han runs, Latin/digit runs and single punctuation marks;
 * cut each Han run into its most probable sequence of 1–4-character pieces, a piece's probability being its
 * frequency as a substring of the sample (pieces of 2/3/4 characters must occur 3/6/6 times). Regenerated text
 * chains these pieces by observed transitions, so character bigram statistics — what the engines index — stay
 * close to the real ones even where a cut is not a "real" word.
 */

const PIECE = /\p{Script=Han}+|[A-Za-z0-9](?:[A-Za-z0-9.\-+]|[ ](?=[A-Za-z]))*|[^\s]/gu;
const HAN_RUN = /^\p{Script=Han}/u;

/** Minimum corpus count for a piece of 2, 3, 4 characters to be kept whole. */
const MIN_COUNT: Record<number, number> = { 2: 3, 3: 6, 4: 6 };

export function splitRuns(text: string): string[] {
  return text.match(PIECE) ?? [];
}

export function isHanRun(piece: string): boolean {
  return HAN_RUN.test(piece);
}

/** Counts of every 1- to 4-character substring of the Han runs: the only "dictionary" the cutter uses. */
export class NgramCounts {
  private readonly counts = new Map<string, number>();
  private chars = 0;

  addRun(run: string): void {
    this.chars += run.length;
    for (let n = 1; n <= 4; n++) {
      for (let i = 0; i + n <= run.length; i++) {
        const gram = run.slice(i, i + n);
        this.counts.set(gram, (this.counts.get(gram) ?? 0) + 1);
      }
    }
  }

  count(gram: string): number {
    return this.counts.get(gram) ?? 0;
  }

  /** log P(piece) under a unigram model of pieces; -Infinity for a multi-character piece seen too rarely. */
  logProbability(piece: string): number {
    const c = this.count(piece);
    if (piece.length > 1 && c < MIN_COUNT[piece.length]) return Number.NEGATIVE_INFINITY;
    return Math.log(Math.max(c, 0.5) / Math.max(this.chars, 1));
  }
}

/**
 * Most probable cut of one Han run (Viterbi over pieces of 1–4 characters, each scored by its corpus frequency).
 * Unlike a greedy left-to-right cut this does not misalign on a frequent overlap (的虚|拟现实 → 的|虚拟现实).
 */
export function cutHanRun(run: string, counts: NgramCounts): string[] {
  const best = new Float64Array(run.length + 1).fill(Number.NEGATIVE_INFINITY);
  const from = new Int32Array(run.length + 1);
  best[0] = 0;
  for (let end = 1; end <= run.length; end++) {
    for (let n = 1; n <= 4 && n <= end; n++) {
      const score = best[end - n] + counts.logProbability(run.slice(end - n, end));
      if (score > best[end]) {
        best[end] = score;
        from[end] = end - n;
      }
    }
  }
  const pieces: string[] = [];
  for (let end = run.length; end > 0; end = from[end]) pieces.push(run.slice(from[end], end));
  return pieces.reverse();
}

/** Text → chunks: Han runs cut into pieces, Latin runs and punctuation kept whole. */
export function segment(text: string, counts: NgramCounts): string[] {
  const out: string[] = [];
  for (const piece of splitRuns(text)) {
    if (isHanRun(piece)) out.push(...cutHanRun(piece, counts));
    else out.push(piece);
  }
  return out;
}
