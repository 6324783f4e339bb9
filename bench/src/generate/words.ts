/** Word-like pieces of the learnt model, from which the query builder picks CJK terms and phrases. */
import type { CorpusModel } from "./model.ts";

/** A piece starting or ending in a function character is a cut artefact (的显, 控制系统和), not a search term. */
const EDGE_FUNCTION_CHAR = /^[的及和与或]|[的及和与或]$/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;

/** Han chunks of 2+ characters that the sample used as a piece at least `minCount` times. */
export function hanWords(model: CorpusModel, minCount = 20): Set<string> {
  const frequency = new Float64Array(model.chunks.length);
  for (const field of [model.title, model.abstract]) {
    const { rowStart, chunk, cum } = field.bySubclass;
    for (let row = 0; row + 1 < rowStart.length; row++) {
      for (let i = rowStart[row]; i < rowStart[row + 1]; i++) {
        frequency[chunk[i]] += cum[i] - (i > rowStart[row] ? cum[i - 1] : 0);
      }
    }
  }
  const words = new Set<string>();
  model.chunks.forEach((piece, id) => {
    if (frequency[id] >= minCount && piece.length >= 2 && HAN_ONLY.test(piece) && !EDGE_FUNCTION_CHAR.test(piece)) {
      words.add(piece);
    }
  });
  return words;
}
