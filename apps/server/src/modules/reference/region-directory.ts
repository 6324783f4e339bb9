import type { DivisionRow } from "./reference.repository.js";

/**
 * Names of Zhengzhou's functional zones as people write them. The zones have statistical codes (41017x) but
 * the official names are long; 郑东新区 is absent on purpose: it has no code (its streets are coded under 金水区),
 * so searching it by region would silently mean something else.
 */
const ZONE_ALIASES: Record<string, string> = {
  经开区: "410171",
  郑州经开区: "410171",
  郑州经济开发区: "410171",
  高新区: "410172",
  郑州高新区: "410172",
  航空港区: "410173",
  郑州航空港区: "410173",
  航空港: "410173",
};

const SUFFIXES = ["省", "市", "区", "县", "自治区", "自治州", "地区"];

/** Division names and codes, for REGION= queries and for facet labels. */
export class RegionDirectory {
  private readonly nameByCode = new Map<string, string>();
  private readonly codesByName = new Map<string, string[]>();

  constructor(rows: DivisionRow[]) {
    for (const r of rows) {
      this.nameByCode.set(r.code, r.name);
      // 市辖区 is a placeholder row in the statistical list, never a place a user means.
      if (r.name === "市辖区" || r.name === "县") continue;
      this.addName(r.name, r.code);
      for (const s of SUFFIXES)
        if (r.name.endsWith(s) && r.name.length > s.length + 1) this.addName(r.name.slice(0, -s.length), r.code);
    }
    for (const [alias, code] of Object.entries(ZONE_ALIASES)) this.addName(alias, code);
  }

  private addName(name: string, code: string): void {
    const list = this.codesByName.get(name) ?? [];
    if (!list.includes(code)) list.push(code);
    this.codesByName.set(name, list);
  }

  /** 市辖区/县 are placeholder rows of the municipalities (1101 北京 …): a person expects the municipality's name. */
  name(code: string): string | undefined {
    const own = this.nameByCode.get(code);
    if ((own === "市辖区" || own === "县") && code.length === 4) return this.nameByCode.get(code.slice(0, 2)) ?? own;
    return own;
  }

  /** A code stays a code; a name becomes every division of that name (朝阳区 is in Beijing and in Changchun). */
  resolve = (nameOrCode: string): string[] => {
    const v = nameOrCode.trim();
    if (/^\d{2}(\d{2}){0,2}$/.test(v)) return [v];
    return this.codesByName.get(v) ?? [];
  };
}
