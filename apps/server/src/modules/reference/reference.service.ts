import { AppError } from "@zhichan/core";
import type { Db } from "../../db/connection.js";
import { geoShape, ipcTitles } from "./reference.repository.js";

export const GEO_NAMES = ["zhengzhou_districts", "henan_cities"] as const;
export type GeoName = (typeof GEO_NAMES)[number];

/** Reference data for the web app: map shapes and IPC titles. */
export class ReferenceService {
  private readonly shapes = new Map<GeoName, Record<string, unknown>>();

  constructor(private readonly db: Db) {}

  /** Parsed once and kept: the maps are a few hundred KB and every statistics page asks for them. */
  geoJson(name: GeoName): Record<string, unknown> {
    const cached = this.shapes.get(name);
    if (cached) return cached;
    const text = geoShape(this.db, name);
    if (!text) throw new AppError("NOT_FOUND", `地图 ${name} 尚未导入 · map ${name} is not loaded`);
    const parsed = JSON.parse(text) as Record<string, unknown>;
    this.shapes.set(name, parsed);
    return parsed;
  }

  ipcTitle(raw: string): { code: string; titleZh: string } {
    const code = raw.toUpperCase().replace(/\s+/g, "");
    const title = ipcTitles(this.db, [code]).get(code);
    if (!title) throw new AppError("NOT_FOUND", `没有这个 IPC 分类号 · unknown IPC code ${code}`);
    return { code, titleZh: title };
  }
}
