import { describe, expect, it } from "vitest";
import { adminEn, adminZh, auditActionsEn, auditActionsZh } from "./index";

type Tree = { [k: string]: string | Tree };
const CJK = /[\u3400-\u9fff]/;

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === "string") out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}
const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe("the administration catalogues", () => {
  const zh = leaves({ admin: adminZh, auditActions: auditActionsZh } as unknown as Tree);
  const en = leaves({ admin: adminEn, auditActions: auditActionsEn } as unknown as Tree);

  it("have the same keys and {{variables}} in both languages", () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
    for (const [k, v] of zh) expect(vars(en.get(k) ?? ""), k).toEqual(vars(v));
  });

  it("write Chinese in Chinese and English in English", () => {
    for (const [k, v] of en) expect(CJK.test(v), `${k}: ${v}`).toBe(false);
    // every Chinese text has Chinese in it, apart from pure placeholders and separators
    for (const [k, v] of zh) if (/[A-Za-z]{3}/.test(v.replace(/\{\{\w+\}\}/g, ""))) expect(CJK.test(v), k).toBe(true);
  });

  it("use no key i18next would misread (':' separates namespaces)", () => {
    for (const k of [...zh.keys()]) expect(k.includes(":"), k).toBe(false);
  });
});
