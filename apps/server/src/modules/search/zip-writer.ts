import { once } from "node:events";
import type { Writable } from "node:stream";
import zlib from "node:zlib";
import { writeWithBackpressure } from "./stream-write.js";

interface Entry {
  name: Buffer;
  offset: number;
  crc: number;
  size: number;
  compressed: number;
}

const FLAGS = 0x0808; // bit 3: sizes and CRC follow the data (streaming); bit 11: UTF-8 names
const DEFLATE = 8;
const MAX_32 = 0xffff_ffff;

/**
 * A streaming ZIP writer (what an XLSX is): each entry is deflated by zlib's thread pool as it is written, so nothing
 * is held whole in memory and the event loop only copies bytes. exceljs' "streaming" writer builds the whole archive
 * in memory with a JavaScript deflate when it finishes — that blocked every other request (issue #13).
 * No ZIP64: an entry or the archive over 4 GiB fails instead of writing a corrupt file.
 */
export class ZipWriter {
  private offset = 0;
  private readonly entries: Entry[] = [];
  /** Every entry's modification time (DOS format), given by the caller: the export's clock, not the machine's. */
  private readonly stamp: number;

  constructor(
    private readonly out: Writable,
    modified: Date,
  ) {
    this.stamp = dosDateTime(modified);
  }

  async add(name: string, body: string | AsyncIterable<string>): Promise<void> {
    const entry: Entry = { name: Buffer.from(name, "utf8"), offset: this.offset, crc: 0, size: 0, compressed: 0 };
    await this.write(this.localHeader(entry));
    const deflate = zlib.createDeflateRaw({ level: 6 });
    const copied = (async () => {
      for await (const chunk of deflate as AsyncIterable<Buffer>) {
        entry.compressed += chunk.length;
        await this.write(chunk);
      }
    })();
    copied.catch(() => {}); // awaited below; a failure also ends the feeding loop through the race
    try {
      for await (const text of typeof body === "string" ? [body] : body) {
        if (this.out.destroyed) throw new Error("export stream closed"); // the client hung up: stop at once
        const buf = Buffer.from(text, "utf8");
        entry.crc = zlib.crc32(buf, entry.crc);
        entry.size += buf.length;
        if (!deflate.write(buf)) await Promise.race([once(deflate, "drain"), copied]);
      }
      deflate.end();
      await copied;
    } catch (err) {
      deflate.destroy();
      throw err;
    }
    if (entry.size > MAX_32 || this.offset > MAX_32) throw new Error("export too large for a ZIP without ZIP64");
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(entry.crc, 4);
    descriptor.writeUInt32LE(entry.compressed, 8);
    descriptor.writeUInt32LE(entry.size, 12);
    await this.write(descriptor);
    this.entries.push(entry);
  }

  /** The central directory and end record; then ends the output stream. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4); // made by: version 2.0
      h.writeUInt16LE(20, 6); // needed to extract
      h.writeUInt16LE(FLAGS, 8);
      h.writeUInt16LE(DEFLATE, 10);
      h.writeUInt32LE(this.stamp, 12);
      h.writeUInt32LE(e.crc, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      await this.write(Buffer.concat([h, e.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
    this.out.end();
  }

  private localHeader(e: Entry): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(FLAGS, 6);
    h.writeUInt16LE(DEFLATE, 8);
    h.writeUInt32LE(this.stamp, 10); // CRC and sizes stay 0 here: the data descriptor carries them
    h.writeUInt16LE(e.name.length, 26);
    return Buffer.concat([h, e.name]);
  }

  private async write(buf: Buffer): Promise<void> {
    this.offset += buf.length;
    await writeWithBackpressure(this.out, buf);
  }
}

/** MS-DOS date and time (local), as ZIP headers carry them: time in the low 16 bits, date in the high. */
function dosDateTime(d: Date): number {
  const time = (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1);
  const date = ((Math.max(d.getFullYear(), 1980) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
  return ((date << 16) | time) >>> 0;
}
