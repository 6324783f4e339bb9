import { AppError } from "@zhichan/core";
import type { Db } from "../../db/connection.js";
import { allIpcTitles, geoShape, ipcTitles, ipcTreeToMainGroup } from "./reference.repository.js";

export const GEO_NAMES = ["zhengzhou_districts", "henan_cities"] as const;
export type GeoName = (typeof GEO_NAMES)[number];

export interface IpcNode {
  code: string;
  level: "section" | "class" | "subclass" | "maingroup";
  titleZh: string;
  /** Whether the picker can open it: every level but main groups (subgroups are not listed). */
  hasChildren: boolean;
}

/** Reference data for the web app: map shapes and IPC titles. */
export class ReferenceService {
  private readonly shapes = new Map<GeoName, Record<string, unknown>>();
  private ipcTree: Map<string, IpcNode[]> | null = null;
  private ipcText: string | null = null;
  private readonly mentions = new Map<string, boolean>();

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

  /** The Chinese titles of the codes the table holds (exact codes; a code without a row is left out). */
  ipcTitles(codes: string[]): Map<string, string> {
    return ipcTitles(this.db, codes);
  }

  ipcTitle(raw: string): { code: string; titleZh: string } {
    const code = raw.toUpperCase().replace(/\s+/g, "");
    const title = ipcTitles(this.db, [code]).get(code);
    if (!title) throw new AppError("NOT_FOUND", `没有这个 IPC 分类号 · unknown IPC code ${code}`);
    return { code, titleZh: title };
  }

  /**
   * The children of an IPC code (sections when no parent) down to main groups, for the search page's picker. The
   * ~8k rows above subgroups are read once and kept: every opened branch would otherwise scan the whole table.
   */
  ipcChildren(parent: string | null): { parent: string | null; items: IpcNode[] } {
    const tree = this.ipcTreeIndex();
    const key = parent?.toUpperCase().replace(/\s+/g, "") ?? "";
    const items = tree.get(key);
    if (!items) throw new AppError("NOT_FOUND", `没有这个 IPC 分类号 · unknown IPC code ${key}`);
    return { parent: key || null, items };
  }

  /**
   * Whether a word occurs in any IPC title (subgroups too): the IPC's Chinese vocabulary, which cross-language
   * search prefers among a dictionary's choices. The titles are joined once (~2M characters); answers are kept.
   */
  ipcTitlesMention(word: string): boolean {
    const known = this.mentions.get(word);
    if (known !== undefined) return known;
    this.ipcText ??= allIpcTitles(this.db).join("\n");
    const found = this.ipcText.includes(word);
    if (this.mentions.size > 10_000) this.mentions.clear();
    this.mentions.set(word, found);
    return found;
  }

  /** A code's node and its ancestors from the section down (the IPC browser's breadcrumb). */
  ipcPath(code: string): IpcNode[] {
    this.ipcTreeIndex();
    const path: IpcNode[] = [];
    for (const len of [1, 3, 4]) {
      if (code.length < len) break;
      const node = this.ipcNodes!.get(code.slice(0, len));
      if (node) path.push(node);
    }
    return path;
  }

  /**
   * Codes down to main groups whose title holds every word (spaces separate words), in code order: section, class,
   * subclass and group titles are all searched. At most `limit`, and whether more matched.
   */
  ipcFind(words: string, limit: number): { items: IpcNode[]; truncated: boolean } {
    this.ipcTreeIndex();
    const parts = words.split(/\s+/).filter(Boolean);
    const items: IpcNode[] = [];
    let truncated = false;
    for (const node of this.ipcNodes!.values()) {
      if (!parts.every((p) => node.titleZh.includes(p))) continue;
      if (items.length === limit) {
        truncated = true;
        break;
      }
      items.push(node);
    }
    return { items, truncated };
  }

  private ipcNodes: Map<string, IpcNode> | null = null;

  private ipcTreeIndex(): Map<string, IpcNode[]> {
    if (this.ipcTree) return this.ipcTree;
    const tree = new Map<string, IpcNode[]>([["", []]]);
    const nodes = new Map<string, IpcNode>();
    for (const r of ipcTreeToMainGroup(this.db)) {
      const level = r.level as IpcNode["level"];
      const node: IpcNode = { code: r.code, level, titleZh: r.title_zh, hasChildren: level !== "maingroup" };
      nodes.set(r.code, node);
      if (node.hasChildren) tree.set(r.code, tree.get(r.code) ?? []);
      const siblings = tree.get(r.parent ?? "") ?? [];
      siblings.push(node);
      tree.set(r.parent ?? "", siblings);
    }
    for (const list of tree.values()) {
      // main groups in number order (H01M2/00 before H01M10/00), as the printed scheme lists them
      list.sort((a, b) => a.code.localeCompare(b.code, "en", { numeric: true }));
      // a branch with nothing under it (a class whose subclasses are missing) cannot be opened
      for (const n of list) n.hasChildren &&= (tree.get(n.code)?.length ?? 0) > 0;
    }
    this.ipcNodes = nodes;
    this.ipcTree = tree;
    return tree;
  }
}
