/**
 * Dictionary-free segmentation of real titles/abstracts into "chunks" (word-like pieces) for the generator.
 *
 * Why not jieba: it is not installed and the generator only needs plausible, frequency-true pieces, not
 * linguistically right words. Method: split text into Han runs, Latin/digit runs and single punctuation marks;
 * cut each Han run greedily left to right into the longest 4/3/2-character piece seen often enough in the corpus
 * (else one character). Regenerated text chains these pieces by observed transitions, so character bigram
 * statistics — what the engines index — stay close to the real ones even where a cut is not a "real" word.
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

/** Counts of every 2-, 3- and 4-character substring of the Han runs: the only "dictionary" the cutter uses. */
export class NgramCounts {
  private readonly counts = new Map<string, number>();

  addRun(run: string): void {
    for (let n = 2; n <= 4; n++) {
      for (let i = 0; i + n <= run.length; i++) {
        const gram = run.slice(i, i + n);
        this.counts.set(gram, (this.counts.get(gram) ?? 0) + 1);
      }
    }
  }

  count(gram: string): number {
    return this.counts.get(gram) ?? 0;
  }
}

/** Greedy longest-frequent-piece cut of one Han run. */
export function cutHanRun(run: string, counts: NgramCounts): string[] {
  const pieces: string[] = [];
  let i = 0;
  while (i < run.length) {
    let taken = 1;
    for (let n = Math.min(4, run.length - i); n >= 2; n--) {
      if (counts.count(run.slice(i, i + n)) >= MIN_COUNT[n]) {
        taken = n;
        break;
      }
    }
    pieces.push(run.slice(i, i + taken));
    i += taken;
  }
  return pieces;
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
