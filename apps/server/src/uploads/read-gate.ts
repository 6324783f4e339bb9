import { AppError } from "@zhichan/core";

/**
 * At most this many workbooks are read at once in the process, so the per-read bounds add up to a process-wide one
 * (two bomb uploads at once used to run the heap out). A few more wait their turn; beyond that a read is refused.
 */
export const MAX_CONCURRENT_READS = 2;
export const MAX_WAITING_READS = 8;

let active = 0;
const waiting: Array<() => void> = [];

/** Runs `read` when a slot is free; refuses at once (429) when too many reads are already waiting. */
export async function withReadSlot<T>(read: () => Promise<T>): Promise<T> {
  if (active >= MAX_CONCURRENT_READS) {
    if (waiting.length >= MAX_WAITING_READS)
      throw new AppError(
        "RATE_LIMITED",
        "正在读取的工作簿过多，请稍后再试 · too many workbooks being read, try again shortly",
      );
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else active++;
  try {
    return await read();
  } finally {
    const next = waiting.shift();
    if (next)
      next(); // the slot passes straight to the next reader
    else active--;
  }
}
