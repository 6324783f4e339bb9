import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { SegmentFile } from "@zhichan/core/search/types.ts";
import { type FileIo, writeFileDurably } from "./durable-write.js";

/**
 * The index folder: segment files and a manifest naming them with their sizes and SHA-256, the manifest carrying
 * its own SHA-256. A damaged byte anywhere is found here, before the engine reads it (the engine's own checks
 * in core catch what a checksum cannot: a file that was written wrong).
 *
 * A segment file is written once and kept by later saves as long as its segment lives (a save writes only the
 * segments that are new since the last one — a merge's result, a batch's): the large base segment is not rewritten
 * every time the index changes. Docs deleted in a kept segment since it was written (updates of its rows) are
 * saved beside it as a small deletes file (one bit per doc) named in the same manifest entry.
 */
export interface ManifestFile {
  name: string;
  bytes: number;
  sha256: string;
  /** Deletes made since the segment file was written (version 3). */
  deletes?: { name: string; bytes: number; sha256: string };
}

export interface IndexManifest {
  /** 3: kept files and deletes files; a version 2 manifest (no deletes files) is read as well. */
  version: 3;
  lastSeq: number;
  /** Bumped on every save; prefixes the names of the files it writes, so a save never overwrites a named file. */
  generation: number;
  files: ManifestFile[];
}

export type LoadedIndex =
  | { status: "missing" }
  | { status: "damaged"; reason: string }
  | { status: "ok"; manifest: IndexManifest; files: SegmentFile[] };

/**
 * A segment for saveIndex: new bytes to write, or a file an earlier save wrote, with new deletes if they changed
 * (and its bytes on demand, should that file have gone missing).
 */
export type SegmentToSave =
  | { data: Uint8Array; deletedBits?: Uint8Array }
  | { kept: ManifestFile; deletedBits?: Uint8Array; rewrite: () => Uint8Array };

const MANIFEST = "manifest.json";
const FILE_NAME = /^g\d+-seg-\d{6}\.zcs$/;
const DELETES_NAME = /^g\d+-seg-\d{6}\.del$/;

const sha256 = (data: Uint8Array | string): string => createHash("sha256").update(data).digest("hex");

/** Reads and verifies the persisted index; never throws for what is on disk (damage is a status, not a crash). */
export function loadIndexFiles(dir: string): LoadedIndex {
  removeStaleTemps(dir);
  const manifestPath = path.join(dir, MANIFEST);
  if (!fs.existsSync(manifestPath)) return { status: "missing" };
  try {
    const manifest = readManifest(fs.readFileSync(manifestPath, "utf8"));
    const files = manifest.files.map((f): SegmentFile => {
      const data = readChecked(dir, f);
      return f.deletes ? { name: f.name, data, deletedBits: readChecked(dir, f.deletes) } : { name: f.name, data };
    });
    return { status: "ok", manifest, files };
  } catch (err) {
    return { status: "damaged", reason: err instanceof Error ? err.message : String(err) };
  }
}

/** A file the manifest names, checked against its size (before reading) and checksum. */
function readChecked(dir: string, f: { name: string; bytes: number; sha256: string }): Uint8Array {
  const file = path.join(dir, f.name);
  const size = fs.statSync(file).size; // before reading: a damaged size must not make us read gigabytes
  if (size !== f.bytes) throw new Error(`${f.name} has ${size} bytes, the manifest says ${f.bytes}`);
  const data = new Uint8Array(fs.readFileSync(file));
  if (sha256(data) !== f.sha256) throw new Error(`${f.name} does not match its checksum`);
  return data;
}

function readManifest(text: string): IndexManifest {
  const stored = JSON.parse(text) as { body?: IndexManifest; sha256?: string };
  const body = stored?.body as (Omit<IndexManifest, "version"> & { version: number }) | undefined;
  if (!body || typeof body !== "object") throw new Error("manifest has no body (an older format or not a manifest)");
  if (stored.sha256 !== sha256(JSON.stringify(body))) throw new Error("manifest does not match its checksum");
  if ((body.version !== 2 && body.version !== 3) || !Number.isSafeInteger(body.lastSeq) || !Array.isArray(body.files))
    throw new Error("manifest is malformed");
  const entry = (f: { name?: unknown; bytes?: unknown; sha256?: unknown } | undefined, name: RegExp) =>
    !!f &&
    typeof f.name === "string" &&
    name.test(f.name) &&
    Number.isSafeInteger(f.bytes) &&
    typeof f.sha256 === "string";
  for (const f of body.files)
    if (!entry(f, FILE_NAME) || (f.deletes !== undefined && (body.version < 3 || !entry(f.deletes, DELETES_NAME))))
      throw new Error("manifest names a file it may not");
  return { ...body, version: 3 };
}

/**
 * Writes the segments under a new generation, then the manifest, each durably (temp file, fsync, rename), so a
 * crash or a full disk leaves the old manifest naming the old, untouched files. On failure the new files are
 * removed and an IndexWriteError (e.g. ENOSPC: storage full) is thrown; after success, files no longer named are
 * removed. Every segment is written anew (a rebuild, a test); saveIndex keeps what is already on disk.
 */
export function saveIndexFiles(dir: string, lastSeq: number, files: SegmentFile[], io?: FileIo): ManifestFile[] {
  return saveIndex(dir, lastSeq, files, io);
}

/**
 * Saves the index as `segments` says: new segments written under a new generation, kept ones named again as they
 * are (an earlier save wrote them; never rewritten), deletes files written for kept segments whose deletes changed
 * — then the manifest, and only then the files no manifest names any more are removed. Durable and crash-safe as
 * saveIndexFiles. Returns the manifest's entries, one per segment in order.
 */
export function saveIndex(dir: string, lastSeq: number, segments: SegmentToSave[], io?: FileIo): ManifestFile[] {
  fs.mkdirSync(dir, { recursive: true });
  // past every name the new manifest keeps too, even if the folder's manifest was lost: a new file never
  // overwrites a kept one
  const keptGenerations = segments.map((s) => ("kept" in s ? Number(/^g(\d+)-/.exec(s.kept.name)?.[1] ?? 0) : 0));
  const generation = Math.max(currentGeneration(dir), ...keptGenerations) + 1;
  const written: string[] = [];
  const write = (name: string, data: Uint8Array) => {
    writeFileDurably(path.join(dir, name), data, io);
    written.push(name);
    return { name, bytes: data.length, sha256: sha256(data) };
  };
  let entries: ManifestFile[];
  try {
    entries = segments.map((s, i) => {
      const base = `g${generation}-seg-${String(i + 1).padStart(6, "0")}`;
      if (!("kept" in s)) {
        const file = write(`${base}.zcs`, s.data);
        return s.deletedBits ? { ...file, deletes: write(`${base}.del`, s.deletedBits) } : file;
      }
      // a kept file that is not there as written (removed by hand): written again, its deletes included
      if (!intact(dir, s.kept)) return write(`${base}.zcs`, s.rewrite());
      const file = { name: s.kept.name, bytes: s.kept.bytes, sha256: s.kept.sha256 };
      const deletes = s.deletedBits ? write(`${base}.del`, s.deletedBits) : s.kept.deletes;
      return deletes && intact(dir, deletes)
        ? { ...file, deletes }
        : deletes
          ? write(`${base}.zcs`, s.rewrite())
          : file;
    });
    const body: IndexManifest = { version: 3, lastSeq, generation, files: entries };
    writeFileDurably(path.join(dir, MANIFEST), JSON.stringify({ body, sha256: sha256(JSON.stringify(body)) }), io);
  } catch (err) {
    for (const name of written) fs.rmSync(path.join(dir, name), { force: true });
    throw err;
  }
  const keep = new Set([MANIFEST, ...entries.flatMap((e) => (e.deletes ? [e.name, e.deletes.name] : [e.name]))]);
  for (const name of fs.readdirSync(dir)) if (!keep.has(name)) fs.rmSync(path.join(dir, name), { force: true });
  return entries;
}

/** The file is there with the size the manifest gives it (its checksum is checked when the index is loaded). */
function intact(dir: string, f: { name: string; bytes: number }): boolean {
  try {
    return fs.statSync(path.join(dir, f.name)).size === f.bytes;
  } catch {
    return false;
  }
}

/** The generation the folder's manifest names (0 when there is none or it is unreadable). */
function currentGeneration(dir: string): number {
  try {
    const g = readManifest(fs.readFileSync(path.join(dir, MANIFEST), "utf8")).generation;
    return Number.isSafeInteger(g) && g >= 0 ? g : 0;
  } catch {
    return 0;
  }
}

/** Temp files of a save that a crash interrupted. */
function removeStaleTemps(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) if (name.endsWith(".tmp")) fs.rmSync(path.join(dir, name), { force: true });
}

/**
 * Moves a damaged index folder aside (one slot, replacing an older one: kept for diagnosis, not accumulated) so the
 * caller rebuilds from the database into an empty folder. Returns where it went.
 */
export function discardIndexFolder(dir: string): string {
  const aside = `${dir}.damaged`;
  fs.rmSync(aside, { recursive: true, force: true });
  try {
    fs.renameSync(dir, aside);
    return aside;
  } catch {
    fs.rmSync(dir, { recursive: true, force: true }); // cannot move it (another device, permissions): delete it
    return "(deleted)";
  }
}
