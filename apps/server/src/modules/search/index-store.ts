import fs from "node:fs";
import path from "node:path";
import type { SegmentFile } from "@zhichan/core/search/types.ts";

/** What the index folder holds: the segment files and the last database write they include. */
export interface IndexManifest {
  version: 1;
  lastSeq: number;
  files: string[];
}

const MANIFEST = "manifest.json";

/** Loads the persisted index, or null when there is none or it is unreadable (then the caller rebuilds). */
export function loadIndexFiles(dir: string): { manifest: IndexManifest; files: SegmentFile[] } | null {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), "utf8")) as IndexManifest;
    if (manifest.version !== 1) return null;
    const files = manifest.files.map((name) => ({ name, data: new Uint8Array(fs.readFileSync(path.join(dir, name))) }));
    return { manifest, files };
  } catch {
    return null;
  }
}

/**
 * Writes the segments then the manifest, each by write-to-temp + rename, so a crash leaves either the old
 * index or the new one — never a manifest naming files that are not there. Files no longer named are removed.
 */
export function saveIndexFiles(dir: string, lastSeq: number, files: SegmentFile[]): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const f of files) {
    const target = path.join(dir, f.name);
    const tmp = `${target}.tmp`;
    fs.writeFileSync(tmp, f.data);
    fs.renameSync(tmp, target);
  }
  const manifest: IndexManifest = { version: 1, lastSeq, files: files.map((f) => f.name) };
  const tmp = path.join(dir, `${MANIFEST}.tmp`);
  fs.writeFileSync(tmp, JSON.stringify(manifest));
  fs.renameSync(tmp, path.join(dir, MANIFEST));
  const keep = new Set([MANIFEST, ...manifest.files]);
  for (const name of fs.readdirSync(dir)) if (!keep.has(name)) fs.rmSync(path.join(dir, name), { force: true });
}
