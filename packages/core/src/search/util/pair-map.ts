/**
 * Open-addressing hash map from a pair of non-negative int32s to an int32 (CJK bigram → term index). A JS Map
 * keyed by a combined 42-bit number would box every key as a heap double; this allocates nothing per lookup,
 * and keeps key and value of a slot side by side (one cache line per probe).
 */
export class PairMap {
  private s: Int32Array; // slots of [a, b, value, -]
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 12) {
    this.s = new Int32Array(capacity * 4).fill(-1);
    this.mask = capacity - 1;
  }

  private slot(x: number, y: number): number {
    let h = Math.imul(x, 0x9e3779b1) ^ Math.imul(y + 1, 0x85ebca6b);
    h ^= h >>> 15;
    return h & this.mask;
  }

  /** The value for (x, y), or -1. */
  get(x: number, y: number): number {
    const s = this.s;
    let i = this.slot(x, y);
    for (;;) {
      const k = s[i * 4];
      if (k === -1) return -1;
      if (k === x && s[i * 4 + 1] === y) return s[i * 4 + 2];
      i = (i + 1) & this.mask;
    }
  }

  set(x: number, y: number, value: number): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    const s = this.s;
    let i = this.slot(x, y);
    while (s[i * 4] !== -1) {
      if (s[i * 4] === x && s[i * 4 + 1] === y) {
        s[i * 4 + 2] = value;
        return;
      }
      i = (i + 1) & this.mask;
    }
    s[i * 4] = x;
    s[i * 4 + 1] = y;
    s[i * 4 + 2] = value;
    this.size++;
  }

  private grow(): void {
    const old = this.s;
    const cap = (this.mask + 1) * 2;
    this.s = new Int32Array(cap * 4).fill(-1);
    this.mask = cap - 1;
    this.size = 0;
    for (let i = 0; i < old.length; i += 4) if (old[i] !== -1) this.set(old[i], old[i + 1], old[i + 2]);
  }
}
