import { AppError } from "@zhichan/core";

/**
 * At most `concurrency` tasks at once; later ones wait in a FIFO line of at most `maxWaiting`, and one beyond that
 * is refused at once (429) instead of piling up. Used for PDF rendering: each Chromium page costs 100–200 MB, and
 * 12 unqueued report PDFs took 2.7 GB (issue #13).
 */
export class RenderQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly maxWaiting: number,
    private readonly busyMessage = "PDF 生成繁忙，请稍后再试 · busy making PDFs: try again in a minute",
  ) {}

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency) this.running++;
    else if (this.waiting.length < this.maxWaiting) await new Promise<void>((res) => this.waiting.push(res));
    else throw new AppError("RATE_LIMITED", this.busyMessage, { queued: this.waiting.length });
    try {
      return await task();
    } finally {
      // hand the slot straight to the next in line, so `running` never dips and a newcomer cannot jump the queue
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
