import { describe, expect, it } from "vitest";
import { CorruptSegmentError } from "./corrupt.js";
import { Dict } from "./dict.js";
import { decodePostings } from "./postings.js";
import type { TextField } from "./segment.js";

/** One term's postings as raw bytes (layout in segment.ts), in a field of `maxDoc` docs. */
function field(bytes: number[], df: number, maxDoc = 100): TextField {
  return {
    dict: Dict.fromSorted(["电池"]),
    df: Uint32Array.of(df),
    docOff: Uint32Array.of(0, bytes.length),
    posOff: Uint32Array.of(0, 0),
    docs: Uint8Array.from(bytes),
    pos: new Uint8Array(0),
    lens: new Uint16Array(maxDoc),
    totalLen: 0,
  };
}

describe("decodePostings", () => {
  it("decodes a well-formed list", () => {
    // docs 2 (gap 3, tf 1), 5 (gap 3, tf 4: varint(tf - 2) = 2)
    const p = decodePostings(field([6, 7, 2], 2), 0);
    expect([...p.docs]).toEqual([2, 5]);
    expect([...p.tfs]).toEqual([1, 4]);
  });

  it.each([
    ["a repeated doc (gap 0)", [6, 0], 2, 100],
    ["doc 99 in a segment of 50", [0xc8, 0x01], 1, 50],
    ["a gap that wraps past 2^31", [6, 0xfe, 0xff, 0xff, 0xff, 0x0f, 6], 3, 100],
    ["a list that runs past its bytes", [6, 6], 5, 100],
    ["a varint that never ends", [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], 1, 100],
    ["bytes left over after the last posting", [6, 6, 6], 2, 100],
  ])("throws on %s instead of returning a list no loop can trust", (_, bytes, df, maxDoc) => {
    expect(() => decodePostings(field(bytes, df, maxDoc), 0)).toThrow(CorruptSegmentError);
  });
});
