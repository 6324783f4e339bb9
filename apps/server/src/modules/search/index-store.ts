import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { SegmentFile } from "@zhichan/core/search/types.ts";
import { type FileIo, writeFileDurably } from "./durable-write.js";

/**
 * The index folder: segment files and a manifest naming them with their sizes and SHA-256, the manifest carrying
 * its own SHA-256. A damaged byte anywhere is found here, before the engine reads it (the engine's own checks
 * in core catch what a checksum cannot: a file that was written wrong).
 */
export interface IndexManifest {
  version: 2;
  lastSeq: number;
  /** Bumped on every save; prefixes the file names so a new save never overwrites the files the old manifest names. */
  generation: number;
  files: { name: string; bytes: number; sha256: string }[];
}

export type LoadedIndex =
  | { status: "missing" }
  | { status: "damaged"; reason: string }
  | { status: "ok"; manifest: IndexManifest; files: SegmentFile[] };

const MANIFEST = "manifest.json";
const FILE_NAME = /^g\d+-seg-\d{6}\.zcs$/;

const sha256 = (data: Uint8Array | string): string => createHash("sha256").update(data).digest("hex");

/** Reads and verifies the persisted index; never throws for what is on disk (damage is a status, not a crash). */
export function loadIndexFiles(dir: string): LoadedIndex {
  removeStaleTemps(dir);
  const manifestPath = path.join(dir, MANIFEST);
  if (!fs.existsSync(manifestPath)) return { status: "missing" };
  try {
    const manifest = readManifest(fs.readFileSync(manifestPath, "utf8"));
    const files = manifest.files.map((f) => {
      const file = path.join(dir, f.name);
      const size = fs.statSync(file).size; // before reading: a damaged size must not make us read gigabytes
      if (size !== f.bytes) throw new Error(`${f.name} has ${size} bytes, the manifest says ${f.bytes}`);
      const data = new Uint8Array(fs.readFileSync(file));
      if (sha256(data) !== f.sha256) throw new Error(`${f.name} does not match its checksum`);
      return { name: f.name, data };
    });
    return { status: "ok", manifest, files };
  } catch (err) {
    return { status: "damaged", reason: err instanceof Error ? err.message : String(err) };
  }
}

function readManifest(text: string): IndexManifest {
  const stored = JSON.parse(text) as { body?: IndexManifest; sha256?: string };
  const body = stored?.body;
  if (!body || typeof body !== "object") throw new Error("manifest has no body (an older format or not a manifest)");
  if (stored.sha256 !== sha256(JSON.stringify(body))) throw new Error("manifest does not match its checksum");
  if (body.version !== 2 || !Number.isSafeInteger(body.lastSeq) || !Array.isArray(body.files))
    throw new Error("manifest is malformed");
  for (const f of body.files)
    if (!FILE_NAME.test(f.name) || !Number.isSafeInteger(f.bytes) || typeof f.sha256 !== "string")
      throw new Error("manifest names a file it may not");
  return body;
}

/**
 * Writes the segments under a new generation, then the manifest, each durably (temp file, fsync, rename), so a
 * crash or a full disk leaves the old manifest naming the old, untouched files. On failure the new files are
 * removed and an IndexWriteError (e.g. ENOSPC: storage full) is thrown; after success, files no longer named are
 * removed.
 */
export function saveIndexFiles(dir: string, lastSeq: number, files: SegmentFile[], io?: FileIo): void {
  fs.mkdirSync(dir, { recursive: true });
  const generation = currentGeneration(dir) + 1;
  const written: string[] = [];
  try {
    const entries = files.map((f) => {
      const name = `g${generation}-${f.name}`;
      writeFileDurably(path.join(dir, name), f.data, io);
      written.push(name);
      return { name, bytes: f.data.length, sha256: sha256(f.data) };
    });
    const body: IndexManifest = { version: 2, lastSeq, generation, files: entries };
    writeFileDurably(path.join(dir, MANIFEST), JSON.stringify({ body, sha256: sha256(JSON.stringify(body)) }), io);
  } catch (err) {
    for (const name of written) fs.rmSync(path.join(dir, name), { force: true });
    throw err;
  }
  const keep = new Set([MANIFEST, ...written]);
  for (const name of fs.readdirSync(dir)) if (!keep.has(name)) fs.rmSync(path.join(dir, name), { force: true });
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
