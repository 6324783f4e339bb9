import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { LABELS_ZH } from "@zhichan/shared";
import { describe, expect, it } from "vitest";
import { en } from "../en";
import { zh } from "../zh";
import { pagesEn } from "./en";
import { pagesZh } from "./zh";

type Tree = { [k: string]: string | Tree };
const CJK = /[\u3400-\u9fff]/;
const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const zhAll = leaves({ ...zh, ...pagesZh } as unknown as Tree);
const enAll = leaves({ ...en, ...pagesEn } as unknown as Tree);
const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

/** Files that read the catalogues with literal keys: t("cases.title"). */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(d.name) && !d.name.endsWith(".test.ts") ? [p] : [];
  });
}

describe("page catalogues", () => {
  it("sit beside the main catalogue without shadowing any of its sections", () => {
    for (const key of Object.keys(pagesZh)) expect(Object.keys(zh), `pages key "${key}"`).not.toContain(key);
  });

  it("have the same keys and the same {{variables}} in both languages", () => {
    const pagesZhLeaves = leaves(pagesZh as unknown as Tree);
    const pagesEnLeaves = leaves(pagesEn as unknown as Tree);
    expect([...pagesEnLeaves.keys()].sort()).toEqual([...pagesZhLeaves.keys()].sort());
    for (const [k, v] of pagesZhLeaves) expect(vars(pagesEnLeaves.get(k) ?? ""), k).toEqual(vars(v));
  });

  it("write English in English: no Chinese characters in the English pages catalogue", () => {
    for (const [k, v] of leaves(pagesEn as unknown as Tree)) expect(CJK.test(v), `${k}: ${v}`).toBe(false);
  });

  it("name the registry's codes as the shared LABELS_ZH does", () => {
    for (const [code, name] of Object.entries(LABELS_ZH))
      expect(pagesZh.codes.registry[code as keyof typeof pagesZh.codes.registry], code).toBe(name);
  });

  it('hold every key the web app asks for with a literal t("…")', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(src)) {
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bt\(\s*"([A-Za-z][\w-]*(?:\.[\w-]+)+)"/g)) {
        const key = m[1];
        if (!zhAll.has(key) || !enAll.has(key)) missing.push(`${path.relative(src, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
