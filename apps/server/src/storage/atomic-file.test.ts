import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AttachmentStore } from "../modules/cases/attachment-store.js";
import { removeStaleTemps, type WriteIo, writeFileAtomic } from "./atomic-file.js";

/** The error Node's fs gives when the disk is full. */
function enospc(): NodeJS.ErrnoException {
  return Object.assign(new Error("ENOSPC: no space left on device, write"), {
    code: "ENOSPC",
    errno: -28,
    syscall: "write",
  });
}

/** A disk that takes the first `room` bytes, then is full — as a real full disk fails mid-file. */
function diskWithRoom(room: number): WriteIo {
  let left = room;
  return {
    writeSync(fd, b, off, len) {
      if (left === 0) throw enospc();
      const n = fs.writeSync(fd, b, off, Math.min(len, left));
      left -= n;
      return n;
    },
  };
}

const tmpDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "zhichan-atomic-"));

describe("writing a file atomically", () => {
  it("writes in full through partial writes, leaving only the file", () => {
    const dir = tmpDir();
    let calls = 0;
    const trickle: WriteIo = {
      writeSync: (fd, b, off, len) => {
        calls++;
        return fs.writeSync(fd, b, off, Math.min(len, 3));
      },
    };
    writeFileAtomic(path.join(dir, "f"), Buffer.from("0123456789"), trickle);
    expect(fs.readFileSync(path.join(dir, "f"), "utf8")).toBe("0123456789");
    expect(calls).toBe(4);
    expect(fs.readdirSync(dir)).toEqual(["f"]);
  });

  it("on a full disk throws ENOSPC and leaves neither the file nor its temporary", () => {
    const dir = tmpDir();
    expect(() => writeFileAtomic(path.join(dir, "f"), Buffer.alloc(4096, 1), diskWithRoom(1000))).toThrow(
      expect.objectContaining({ code: "ENOSPC" }),
    );
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it("the attachment store fails the same way and stores the file once there is room", () => {
    const dir = tmpDir();
    const full = new AttachmentStore(dir, diskWithRoom(10));
    const pdf = Buffer.from("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
    expect(() => full.put(pdf)).toThrow(expect.objectContaining({ code: "ENOSPC" }));
    const shard = fs.readdirSync(dir);
    expect(shard).toHaveLength(1);
    expect(fs.readdirSync(path.join(dir, shard[0]))).toEqual([]);
    const { storageName, sha256 } = new AttachmentStore(dir).put(pdf);
    expect(new AttachmentStore(dir).read(storageName, sha256)?.equals(pdf)).toBe(true);
  });

  it("sweeps temporaries of a process that died mid-write at start, not a live one's", () => {
    const dir = tmpDir();
    fs.mkdirSync(path.join(dir, "ab"));
    const dead = path.join(dir, "ab", ".abcd.2147483646.0badc0de.tmp"); // no such process
    const mine = path.join(dir, "ab", `.abce.${process.pid}.0badc0de.tmp`);
    const kept = path.join(dir, "ab", "abcd");
    for (const f of [dead, mine, kept]) fs.writeFileSync(f, "x");
    expect(removeStaleTemps(dir)).toBe(1);
    expect(fs.existsSync(dead)).toBe(false);
    expect(fs.existsSync(mine) && fs.existsSync(kept)).toBe(true);
    fs.writeFileSync(dead, "x");
    new AttachmentStore(dir); // opening the store at start sweeps
    expect(fs.existsSync(dead)).toBe(false);
  });
});
