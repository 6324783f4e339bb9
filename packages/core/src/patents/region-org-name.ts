import type { DivisionIndex, RegionCodes } from "./region.js";

type Division = ReturnType<DivisionIndex["allCities"]>[number];

/**
 * Short city names that are ordinary words or famous names far more often than places in an organisation's name
 * (中山大学 is in Guangzhou, 东方电气 in Chengdu, 阿里巴巴 in Hangzhou): never read as a city without their 市.
 */
const CITY_SHORT_STOPLIST = new Set(["中山", "东方", "阿里", "白银", "安康", "长治", "普洱", "玉树", "黄山", "三明"]);

// Municipalities keep their districts under a '市辖区' row; that row stands for the city.
const urbanRowOf = (index: DivisionIndex, provinceCode: string) =>
  index.children.get(provinceCode)?.find((x) => x.name === "市辖区")?.code ?? null;

const realCities = (list: Division[]) => list.filter((c) => c.name !== "市辖区" && c.name !== "县");

/** Names that several divisions share are refused: one match, or none. */
function unique<T>(hits: T[]): T | null {
  return hits.length === 1 ? hits[0] : null;
}

function provinceIn(text: string, index: DivisionIndex): { hit: Division; end: number } | null {
  // Full names ('河南省', '广西壮族自治区') anywhere ('国网河南省电力公司'); short names ('河南') only at the start.
  let best: { hit: Division; pos: number; end: number } | null = null;
  for (const p of index.provinces) {
    const pos = text.indexOf(p.name);
    if (pos >= 0 && (!best || pos < best.pos)) best = { hit: p, pos, end: pos + p.name.length };
  }
  if (best) return best;
  const atStart = unique(index.provinces.filter((p) => text.startsWith(p.short)));
  return atStart ? { hit: atStart, end: atStart.short.length } : null;
}

function cityIn(
  text: string,
  at: number,
  candidates: Division[],
  countyShorts: ReadonlySet<string>,
  scoped: boolean,
): { hit: Division; end: number } | null {
  // Full name ('郑州市') anywhere after the province; the longest wins ('沙市' never beats '荆州市').
  // Only the hits get an object (most names contain no city of the list): same list, same stable order.
  const full: Array<{ hit: Division; pos: number }> = [];
  for (const c of candidates) {
    const pos = text.indexOf(c.name, at);
    if (pos >= 0) full.push({ hit: c, pos });
  }
  full.sort((a, b) => a.pos - b.pos || b.hit.name.length - a.hit.name.length);
  if (full.length && (scoped || full.filter((x) => x.pos === full[0].pos).length === 1)) {
    return { hit: full[0].hit, end: full[0].pos + full[0].hit.name.length };
  }
  // Short name ('郑州大学') only right where the name (or the province) ends, unique, not a common word, and — without
  // a province — not also the short name of a county elsewhere (朝阳市 vs 北京 朝阳区).
  const short = unique(
    candidates.filter(
      (c) =>
        c.short !== c.name &&
        text.startsWith(c.short, at) &&
        !CITY_SHORT_STOPLIST.has(c.short) &&
        (scoped || !countyShorts.has(c.short)),
    ),
  );
  return short ? { hit: short, end: at + short.short.length } : null;
}

function countyIn(text: string, at: number, candidates: Division[]): Division | null {
  // Full names only ('中牟县', '金水区'), at least three characters ('城区'/'矿区' say nothing), one match only.
  const hits = candidates.filter((c) => c.name.length >= 3 && text.includes(c.name, at));
  const longest = Math.max(0, ...hits.map((h) => h.name.length));
  return unique(hits.filter((h) => h.name.length === longest));
}

interface NameTables {
  cities: Division[];
  /** Counties with names of three or more characters, for a name that starts with one and names nothing else. */
  counties: Division[];
  /** `counties` by their first character (same order): a name is only compared with those it can start with. */
  countiesByFirst: Map<string, Division[]>;
  /** Country-wide county short names, for refusing a city short name that is also a county's. */
  countyShorts: Set<string>;
}

/** Built once per division index: the per-row path only scans these arrays. */
const tablesCache = new WeakMap<DivisionIndex, NameTables>();
function tablesOf(index: DivisionIndex): NameTables {
  let t = tablesCache.get(index);
  if (!t) {
    const counties = [...index.byCode.values()].filter((d) => d.level === "county");
    const long = counties.filter((d) => d.name.length >= 3);
    const countiesByFirst = new Map<string, Division[]>();
    for (const d of long) {
      const bucket = countiesByFirst.get(d.name[0]);
      if (bucket) bucket.push(d);
      else countiesByFirst.set(d.name[0], [d]);
    }
    t = {
      cities: realCities(index.allCities()),
      counties: long,
      countiesByFirst,
      countyShorts: new Set(counties.map((d) => d.short)),
    };
    tablesCache.set(index, t);
  }
  return t;
}

/**
 * A division named inside an organisation's name: '郑州大学' → 郑州市, '河南省…有限公司' → 河南省, '中科大数据研究院(郑州)'
 * → 郑州市, '国网河南省电力公司' → 河南省. Safeguards: short names only where a place name stands in a Chinese
 * organisation name (its start, right after the province, or alone in brackets); ambiguous names (通州, 鼓楼区) only
 * inside a province or city found first; the longest match wins; a stoplist of short names that are ordinary words.
 * '中原工学院' names no division and gets none. Callers never pass persons' names.
 */
export function regionFromOrgName(name: string, index: DivisionIndex): RegionCodes | null {
  const text = name.normalize("NFKC").replace(/\s+/g, "");
  const bracket = /\(([^()]{2,8})\)/.exec(text)?.[1];
  return placeAt(text, index) ?? (bracket ? placeAt(bracket, index) : null);
}

function placeAt(text: string, index: DivisionIndex): RegionCodes | null {
  const province = provinceIn(text, index);
  const at = province?.end ?? 0;
  const tables = tablesOf(index);
  const cityList = province ? realCities(index.children.get(province.hit.code) ?? []) : tables.cities;
  const city = cityIn(text, at, cityList, tables.countyShorts, Boolean(province));
  const scope = city?.hit.code ?? province?.hit.code;
  const county = scope
    ? countyIn(text, city?.end ?? at, index.counties(scope))
    : text.length > 3
      ? unique((tables.countiesByFirst.get(text[0]) ?? []).filter((d) => text.startsWith(d.name)))
      : null;
  const countyCity = county?.parent && index.byCode.get(county.parent)?.level === "city" ? county.parent : null;
  // '北京…公司' names the municipality, which is its own city: its urban '市辖区' row, as the fields rule does.
  const cityCode =
    city?.hit.code ?? countyCity ?? (province && !county ? urbanRowOf(index, province.hit.code) : null) ?? null;
  const provinceCode = province?.hit.code ?? cityCode?.slice(0, 2) ?? county?.code.slice(0, 2) ?? null;
  if (!provinceCode) return null;
  return { provinceCode, cityCode, districtCode: county?.code ?? null, basis: "org_name" };
}
