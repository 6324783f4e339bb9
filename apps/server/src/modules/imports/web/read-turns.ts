import { AppError } from "@zhichan/core";

/**
 * Detection reads an uploaded file whole (up to 200 MB, and what it inflates to), so uploads and previews take turns:
 * one read at a time in the process, a few waiting, and beyond that a 429 rather than a heap run out.
 */
export class ReadTurns {
  private active = false;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly maxWaiting = 4) {}

  async run<T>(read: () => Promise<T>): Promise<T> {
    if (this.active) {
      if (this.waiting.length >= this.maxWaiting)
        throw new AppError(
          "RATE_LIMITED",
          "正在读取的导入文件过多，请稍后再试 · too many import files being read, try again shortly",
        );
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.active = true;
    try {
      return await read();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active = false;
    }
  }
}
