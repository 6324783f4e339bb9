/**
 * Append-only typed buffers that double when full. The index builder writes millions of values; JS arrays of
 * numbers would cost 8+ bytes each and GC time, these cost the element width.
 */
export class GrowableBytes {
  buf: Uint8Array;
  length = 0;
  constructor(initial = 1024) {
    this.buf = new Uint8Array(initial);
  }
  ensure(extra: number): void {
    const need = this.length + extra;
    if (need <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < need) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  /** Unsigned LEB128; values up to 2^32. */
  writeVarint(v: number): void {
    if (this.length + 5 > this.buf.length) this.ensure(5);
    const b = this.buf;
    let n = this.length;
    while (v >= 0x80) {
      b[n++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    b[n++] = v;
    this.length = n;
  }
  append(src: Uint8Array, from: number, to: number): void {
    const n = to - from;
    if (this.length + n > this.buf.length) this.ensure(n);
    if (n < 64) {
      // tiny copies: a loop beats creating a subarray view
      const b = this.buf;
      let o = this.length;
      for (let i = from; i < to; i++) b[o++] = src[i];
    } else this.buf.set(src.subarray(from, to), this.length);
    this.length += n;
  }
  toArray(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

export class GrowableInt32 {
  buf: Int32Array;
  length = 0;
  constructor(initial = 1024) {
    this.buf = new Int32Array(initial);
  }
  push(v: number): void {
    if (this.length === this.buf.length) this.grow(this.length + 1);
    this.buf[this.length++] = v;
  }
  grow(need: number): void {
    let cap = Math.max(16, this.buf.length * 2);
    while (cap < need) cap *= 2;
    const next = new Int32Array(cap);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  toArray(): Int32Array {
    return this.buf.slice(0, this.length);
  }
}

/** Grows an Int32Array (per-term state arrays) to at least `need` slots, filling new slots with `fill`. */
export function growInt32(a: Int32Array, need: number, fill = 0): Int32Array<ArrayBuffer> {
  if (need <= a.length) return a as Int32Array<ArrayBuffer>;
  let cap = Math.max(16, a.length * 2);
  while (cap < need) cap *= 2;
  const next = new Int32Array(cap);
  next.set(a);
  if (fill !== 0) next.fill(fill, a.length);
  return next;
}

/** The narrowest unsigned array that holds every value (ordinals are stored per doc, so width matters). */
export function narrowUint(values: ArrayLike<number>, length: number): Uint8Array | Uint16Array | Uint32Array {
  let max = 0;
  for (let i = 0; i < length; i++) if (values[i] > max) max = values[i];
  const out = max < 256 ? new Uint8Array(length) : max < 65536 ? new Uint16Array(length) : new Uint32Array(length);
  for (let i = 0; i < length; i++) out[i] = values[i];
  return out;
}

export type UintArray = Uint8Array | Uint16Array | Uint32Array;
