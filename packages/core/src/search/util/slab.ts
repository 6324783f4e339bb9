/**
 * Small typed arrays carved from shared 64 KiB buffers, for the many short arrays one query creates (postings
 * of rare words, a phrase's docs, scores of a few dozen hits).
 *
 * Why: on Node 20 every typed array over 64 bytes gets its own off-heap buffer, which measured ~1 µs to
 * allocate here, plus GC work to free it. A short phrase query's real work is a few microseconds, so twenty
 * such arrays were most of its time. A view on a shared buffer costs ~60 ns. Like Node's Buffer pool, a
 * buffer is never reused, only carved further, and the GC frees it once no view of it is alive; so views may
 * escape like any array and start zeroed. Only for arrays that die with the query: a long-lived view would
 * pin its whole buffer (postings kept in the LRU are allocated normally).
 */
const SLAB_BYTES = 64 * 1024;
/** Larger arrays cost the same either way relative to filling them; small ones live on the V8 heap anyway. */
const MAX_CARVED_BYTES = 4096;
const MIN_CARVED_BYTES = 65;

let slab = new ArrayBuffer(SLAB_BYTES);
let used = 0;

/** Byte offset of `bytes` fresh (zeroed) bytes in the current slab, 8-aligned. */
function carve(bytes: number): number {
  const size = (bytes + 7) & ~7;
  if (used + size > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    used = 0;
  }
  const at = used;
  used += size;
  return at;
}

function carvable(bytes: number): boolean {
  return bytes >= MIN_CARVED_BYTES && bytes <= MAX_CARVED_BYTES;
}

// carve() before reading `slab`: it may start a new one

export function int32s(n: number): Int32Array {
  if (!carvable(n * 4)) return new Int32Array(n);
  const at = carve(n * 4);
  return new Int32Array(slab, at, n);
}

export function uint16s(n: number): Uint16Array {
  if (!carvable(n * 2)) return new Uint16Array(n);
  const at = carve(n * 2);
  return new Uint16Array(slab, at, n);
}

export function float64s(n: number): Float64Array {
  if (!carvable(n * 8)) return new Float64Array(n);
  const at = carve(n * 8);
  return new Float64Array(slab, at, n);
}

/** The first n values of `a` as a new array (what a.slice(0, n) does, carved when small). */
export function prefixCopy(a: Int32Array, n: number): Int32Array {
  const out = int32s(n);
  out.set(a.subarray(0, n));
  return out;
}
