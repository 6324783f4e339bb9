/**
 * Seeded randomness for the generator. xoshiro128** (period 2^128 - 1): 5M docs draw ~10^9 numbers, more than
 * mulberry32's 2^32 period would comfortably allow. Same seed → same sequence on every machine.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32 spreads a small integer seed over the 128-bit state (an all-zero state would be stuck).
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
  }

  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * Index i in [from, to) with probability weight[i] / (row total), given cumulative weights that restart at `from`
 * (cum[from] = weight[from], …, cum[to - 1] = row total). Rows of one CSR table share the array.
 */
export function pickCumulative(cum: ArrayLike<number>, from: number, to: number, rng: Rng): number {
  const target = rng.next() * cum[to - 1];
  let lo = from;
  let hi = to - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Cumulative weights of a Zipf law over ranks 1..n: weight(rank) = 1 / rank^exponent. */
export function zipfCumulative(n: number, exponent: number): Float64Array {
  const cum = new Float64Array(n);
  let total = 0;
  for (let rank = 1; rank <= n; rank++) {
    total += 1 / rank ** exponent;
    cum[rank - 1] = total;
  }
  return cum;
}
