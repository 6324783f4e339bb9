/**
 * The peers' copy of the corpus: one line per doc with our tokens (space-separated) and the facet/filter values,
 * written once per size and read by both peers (FTS5 worker, Lucene harness), so the generator and the tokeniser
 * run once and neither peer's ingest time includes them.
 *
 * Columns (tab-separated): id, ti, ab, cl, ad, year (0 unknown), ipc codes, ipc subclasses, applicant ids,
 * publication number, invention key (the last two appended, so readers of the first columns are unaffected).
 */
import { closeSync, openSync, readSync, writeSync } from "node:fs";
import { inventionKey } from "@zhichan/core/patents/invention-key.ts";
import type { PatentDoc } from "@zhichan/core/search/types.ts";
import { facetValues } from "../facet-values.ts";
import { tokenize } from "../tokens.ts";

export interface PeerDoc {
  id: number;
  ti: string;
  ab: string;
  cl: string;
  ad: number;
  year: number;
  ipc: string[];
  ipcSubclass: string[];
  applicant: string[];
  pn: string;
  /** What group=invention groups by: our engine's key for the doc (its application, else its publication). */
  invention: string;
}

/** The invention key our index gives a doc (search/index/builder.ts inventionOf). */
export function inventionOf(doc: PatentDoc): string {
  if (doc.invention) return doc.invention;
  if (!doc.an && !doc.pn) return `ID:${doc.id}`;
  return inventionKey({ appNo: doc.an, pubNo: doc.pn ?? "" });
}

export function tsvLine(doc: PatentDoc): string {
  const cells = [
    String(doc.id),
    tokenize(doc.ti).join(" "),
    tokenize(doc.ab).join(" "),
    tokenize(doc.cl).join(" "),
    String(doc.ad),
    facetValues(doc, "year")[0] ?? "0",
    [...new Set(doc.ipc)].join(" "),
    facetValues(doc, "ipc_subclass").join(" "),
    facetValues(doc, "applicant").join(" "),
    doc.pn,
    inventionOf(doc),
  ];
  return `${cells.join("\t")}\n`;
}

export function parseTsvLine(line: string): PeerDoc {
  const [id, ti, ab, cl, ad, year, ipc, ipcSubclass, applicant, pn, invention] = line.split("\t");
  const list = (cell: string) => (cell.length === 0 ? [] : cell.split(" "));
  return {
    id: Number(id),
    ti,
    ab,
    cl,
    ad: Number(ad),
    year: Number(year),
    ipc: list(ipc),
    ipcSubclass: list(ipcSubclass),
    applicant: list(applicant),
    pn: pn ?? "",
    invention: invention || `ID:${id}`,
  };
}

export function writeDocsTsv(docs: Iterable<PatentDoc>, path: string): void {
  const fd = openSync(path, "w");
  let buffer = "";
  for (const doc of docs) {
    buffer += tsvLine(doc);
    if (buffer.length > 1 << 20) {
      writeSync(fd, buffer);
      buffer = "";
    }
  }
  writeSync(fd, buffer);
  closeSync(fd);
}

/** Lines of a (possibly multi-GB) TSV in batches, without reading it whole. */
export function* readTsvBatches(path: string, batchSize: number): Generator<PeerDoc[]> {
  const fd = openSync(path, "r");
  const chunk = Buffer.alloc(1 << 22);
  const decoder = new TextDecoder();
  let rest = "";
  let batch: PeerDoc[] = [];
  try {
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      const text = rest + decoder.decode(chunk.subarray(0, n), { stream: n > 0 });
      const lines = text.split("\n");
      rest = n > 0 ? (lines.pop() ?? "") : "";
      for (const line of lines) {
        if (line.length === 0) continue;
        batch.push(parseTsvLine(line));
        if (batch.length === batchSize) {
          yield batch;
          batch = [];
        }
      }
      if (n === 0) break;
    }
    if (batch.length > 0) yield batch;
  } finally {
    closeSync(fd);
  }
}
