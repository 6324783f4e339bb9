import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import type { Db } from "../../../db/connection.js";
import { type StagedFile, stagedName, stageUpload } from "./upload-staging.js";
import type { UploadRow, WebImportsRepository } from "./web-imports.repository.js";

/** An upload nobody started is deleted after a day (its row stays, as the record of who sent what). */
export const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;
/** A folder with no upload row is a staging a crash interrupted; one this old is certainly not in progress. */
const ORPHAN_AFTER_MS = 60 * 60 * 1000;

/** The staged uploads under ZHICHAN_HOME/import-uploads: one folder per upload, private to the server's user. */
export class StagingArea {
  constructor(
    private readonly repo: WebImportsRepository,
    readonly dir: string,
  ) {}

  static defaultDir(db: Db): string {
    const file = db.sqlite.name;
    return file && file !== ":memory:"
      ? path.join(path.dirname(file), "import-uploads")
      : path.join(os.tmpdir(), `zhichan-import-uploads-${process.pid}`);
  }

  stage(stream: Readable, id: string, name: string): Promise<StagedFile> {
    return stageUpload(stream, path.join(this.dir, id), name);
  }

  fileOf(u: Pick<UploadRow, "id" | "file_name" | "gzipped">): string {
    return path.join(this.dir, u.id, stagedName(u.file_name, u.gzipped === 1));
  }

  remove(id: string): void {
    fs.rmSync(path.join(this.dir, id), { recursive: true, force: true });
    fs.rmSync(path.join(this.dir, `${id}.part`), { force: true });
  }

  /** The file was imported (or given up): deleted, and the upload marked as no longer kept. */
  release(id: string): void {
    this.remove(id);
    this.repo.markUnstaged(id);
  }

  /** Deletes uploads nobody started within a day and what interrupted stagings left. */
  sweep(now = Date.now()): void {
    for (const id of this.repo.abandonedUploads(new Date(now - ABANDONED_AFTER_MS).toISOString())) this.release(id);
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return; // nothing staged yet
    }
    const kept = this.repo.stagedIds();
    for (const name of names) {
      const id = name.replace(/\.part$/, "");
      if (kept.has(id) && !name.endsWith(".part")) continue;
      const full = path.join(this.dir, name);
      const stat = fs.statSync(full, { throwIfNoEntry: false });
      if (stat && now - stat.mtimeMs > ORPHAN_AFTER_MS) fs.rmSync(full, { recursive: true, force: true });
    }
  }
}
