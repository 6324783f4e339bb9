import { regionFromOrgName } from "./region-org-name.js";

/** One row of the divisions table (2-digit province, 4-digit city, 6-digit county, 9-digit township). */
export interface DivisionRow {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}

export type RegionRule = "cnipa_code" | "fields" | "address" | "org_name";

export interface RegionCodes {
  provinceCode: string | null;
  cityCode: string | null;
  districtCode: string | null;
  /** Which rule gave the codes: CNIPA codes (国省代码 or the XML's codes), the province/city/district fields, the
   * address text, or a division named in the organisation's name. Stored as region_rule. */
  basis: RegionRule | null;
}

export interface RegionInput {
  province?: string | null;
  city?: string | null;
  district?: string | null;
  address?: string | null;
  /** CNIPA 国省代码, e.g. '河南(41)'. */
  provinceCodeText?: string | null;
  /** CNIPA XML applicant division code (2, 4 or 6 digits, the finest the source gave). */
  divisionCode?: string | null;
  /** The first applicant's name, read only when it is an organisation's (never a person's). */
  applicantName?: string | null;
}

/**
 * Names with no statistical code of their own, or common short names of Zhengzhou's functional zones. 郑东新区 is a
 * management area, not a division: its streets (如意湖/博学路/龙湖/龙源路/金光路街道 …) are coded under 金水区 410105,
 * so an address there resolves to 金水区. The zones 41017x are statistical divisions with long official names.
 */
export const ZONE_ALIASES: ReadonlyArray<{ cityCode: string; code: string; names: string[] }> = [
  { cityCode: "4101", code: "410105", names: ["郑东新区"] },
  { cityCode: "4101", code: "410171", names: ["郑州经济技术开发区", "经济技术开发区", "经济开发区", "经开区"] },
  {
    cityCode: "4101",
    code: "410172",
    names: ["郑州高新技术产业开发区", "高新技术产业开发区", "高新技术开发区", "高新区"],
  },
  {
    cityCode: "4101",
    code: "410173",
    names: ["郑州航空港经济综合实验区", "航空港经济综合实验区", "航空港区", "航空港"],
  },
];

// Ethnic-group words inside autonomous-area names ('恩施土家族苗族自治州', '管城回族区', '新疆维吾尔自治区').
const ETHNIC_TAIL =
  /(?:(?:土家|苗|布依|彝|藏|羌|回|壮|蒙古|朝鲜|哈尼|傣|白|傈僳|景颇|哈萨克|柯尔克孜|侗|黎|满|瑶|畲|仡佬|水|纳西|土|拉祜|佤|仫佬|毛南|达斡尔|鄂温克|鄂伦春|锡伯|撒拉|保安|东乡|裕固|普米|怒|独龙|基诺|阿昌|德昂|布朗|门巴|珞巴|京|各)族|维吾尔)$/u;

/** '广西壮族自治区' → '广西', '恩施土家族苗族自治州' → '恩施', '宜都市' → '宜都', '湖北省' → '湖北'. */
export function shortDivisionName(name: string): string {
  let short = name.replace(/(?:自治[区州县旗]|特别行政区|地区|省|市|区|县|盟|旗)$/u, "");
  while (ETHNIC_TAIL.test(short)) short = short.replace(ETHNIC_TAIL, "");
  return short.length >= 2 ? short : name;
}

interface Division {
  code: string;
  name: string;
  level: string;
  parent: string | null;
  short: string;
}

/** Divisions held in memory by code and by parent, for resolving names without a query per row. */
export class DivisionIndex {
  readonly byCode = new Map<string, Division>();
  readonly children = new Map<string, Division[]>();
  readonly provinces: Division[] = [];

  constructor(rows: Iterable<DivisionRow>) {
    for (const r of rows) {
      if (r.level === "township") continue; // addresses are resolved to county level
      const d: Division = {
        code: r.code,
        name: r.name,
        level: r.level,
        parent: r.parent_code,
        short: shortDivisionName(r.name),
      };
      this.byCode.set(d.code, d);
    }
    for (const d of this.byCode.values()) {
      if (d.level === "province") this.provinces.push(d);
      else if (d.parent) {
        const list = this.children.get(d.parent) ?? [];
        list.push(d);
        this.children.set(d.parent, list);
      }
    }
  }

  counties(cityOrProvince: string): Division[] {
    const kids = this.children.get(cityOrProvince) ?? [];
    return kids[0]?.level === "city" ? kids.flatMap((c) => this.children.get(c.code) ?? []) : kids;
  }

  allCities(): Division[] {
    return this.provinces.flatMap((p) => this.children.get(p.code) ?? []);
  }
}

function sameName(a: Division, text: string): boolean {
  const t = text.normalize("NFKC").trim();
  return a.name === t || a.short === t || a.short === shortDivisionName(t);
}

/** City-level parent of a county; municipalities' counties sit under '市辖区'/'县' rows (5001, 5002). */
function cityOf(index: DivisionIndex, county: Division): string | null {
  return county.parent && index.byCode.get(county.parent)?.level === "city" ? county.parent : null;
}

function zoneAlias(cityCode: string | null, text: string): string | null {
  for (const z of ZONE_ALIASES) if ((!cityCode || z.cityCode === cityCode) && z.names.includes(text)) return z.code;
  return null;
}

function fromFields(input: RegionInput, index: DivisionIndex): RegionCodes | null {
  const first = (v?: string | null) => (v ?? "").split(/[|;；]/)[0].trim();
  const [p, c, d] = [first(input.province), first(input.city), first(input.district)];
  if (!p && !c && !d) return null;
  const province = p ? index.provinces.find((x) => sameName(x, p)) : undefined;
  let city = c
    ? (province ? (index.children.get(province.code) ?? []) : index.allCities()).filter((x) => sameName(x, c))
    : [];
  if (city.length !== 1) city = [];
  const scope = city[0]?.code ?? province?.code;
  let districtCode: string | null = null;
  if (d && scope) {
    const hits = index.counties(scope).filter((x) => sameName(x, d));
    districtCode = hits.length === 1 ? hits[0].code : zoneAlias(city[0]?.code ?? null, d);
  }
  // A municipality's city field repeats the province ('重庆'): its city code comes from the district found.
  let cityCode: string | null = city[0]?.code ?? null;
  const county = districtCode ? index.byCode.get(districtCode) : undefined;
  if (!cityCode && county) cityCode = cityOf(index, county);
  // A municipality named as its own city with no district ('北京 / 北京'): its urban '市辖区' row (xx01).
  if (!cityCode && province && c && sameName(province, c)) {
    cityCode = index.children.get(province.code)?.find((x) => x.name === "市辖区")?.code ?? null;
  }
  const provinceCode = province?.code ?? (cityCode ? cityCode.slice(0, 2) : null);
  if (!provinceCode) return null;
  return { provinceCode, cityCode, districtCode, basis: "fields" };
}

/** First occurrence (earliest, then longest) of any candidate name in the text, searching from `from`. */
function findName<T extends { name: string }>(
  text: string,
  candidates: T[],
  from: number,
): { hit: T; end: number } | null {
  let best: { hit: T; pos: number; end: number } | null = null;
  for (const c of candidates) {
    const pos = text.indexOf(c.name, from);
    if (pos < 0) continue;
    if (!best || pos < best.pos || (pos === best.pos && c.name.length > best.hit.name.length)) {
      best = { hit: c, pos, end: pos + c.name.length };
    }
  }
  return best ? { hit: best.hit, end: best.end } : null;
}

function fromAddress(address: string, index: DivisionIndex): RegionCodes | null {
  const text = address.normalize("NFKC").replace(/^\s*\d{6}/, "");
  let at = 0;
  const provinceHit =
    findName(text, index.provinces, 0) ??
    findName(
      text.slice(0, 4),
      index.provinces.map((p) => ({ ...p, name: p.short })),
      0,
    );
  const province = provinceHit?.hit;
  if (provinceHit) at = provinceHit.end;
  const cityCandidates = (province ? (index.children.get(province.code) ?? []) : index.allCities()).filter(
    (c) => c.name !== "市辖区" && c.name !== "县",
  );
  const cityHit = findName(text, cityCandidates, at);
  const city = cityHit?.hit;
  if (cityHit) at = cityHit.end;
  const scope = city?.code ?? province?.code;
  let districtCode: string | null = null;
  if (!scope) {
    // No province or city named: only zone names unique to Zhengzhou place the address ('高新区' alone does not).
    const unique = ZONE_ALIASES.flatMap((z) => z.names.map((name) => ({ name, code: z.code }))).filter((z) =>
      /郑州|郑东|航空港/.test(z.name),
    );
    const zoneHit = findName(text, unique, 0);
    districtCode = zoneHit?.hit.code ?? null;
  } else {
    const zones = ZONE_ALIASES.filter((z) => !city || z.cityCode === city.code).flatMap((z) =>
      z.names.map((name) => ({ name, code: z.code })),
    );
    const countyHit = findName(text, [...index.counties(scope), ...zones], at);
    districtCode = countyHit?.hit.code ?? null;
  }
  const county = districtCode ? index.byCode.get(districtCode) : undefined;
  const cityCode = city?.code ?? (county ? cityOf(index, county) : null);
  const provinceCode = province?.code ?? cityCode?.slice(0, 2) ?? null;
  if (!provinceCode) return null;
  return { provinceCode, cityCode, districtCode, basis: "address" };
}

function fromProvinceCodeText(text: string, index: DivisionIndex): RegionCodes | null {
  const t = text.normalize("NFKC").trim();
  const digits = /\((\d{2})\)/.exec(t)?.[1] ?? /^(\d{2})$/.exec(t)?.[1];
  const province = digits
    ? index.byCode.get(digits)
    : index.provinces.find((p) => sameName(p, t.replace(/\(.*\)$/, "")));
  if (province?.level !== "province") return null;
  return { provinceCode: province.code, cityCode: null, districtCode: null, basis: "cnipa_code" };
}

function fromDivisionCode(code: string, index: DivisionIndex): RegionCodes | null {
  const digits = code.normalize("NFKC").trim();
  const d = /^\d{6}$|^\d{4}$|^\d{2}$/.test(digits) ? index.byCode.get(digits) : undefined;
  if (!d) return null;
  const county = d.level === "county" ? d : undefined;
  const cityCode = d.level === "city" ? d.code : county ? cityOf(index, county) : null;
  return { provinceCode: d.code.slice(0, 2), cityCode, districtCode: county?.code ?? null, basis: "cnipa_code" };
}

const depth = (r: RegionCodes) => (r.districtCode ? 3 : r.cityCode ? 2 : 1);

/** A later rule may only refine: same province, and the same city/district wherever the earlier one had one. */
function refines(next: RegionCodes, current: RegionCodes): boolean {
  return (
    next.provinceCode === current.provinceCode &&
    (!current.cityCode || next.cityCode === current.cityCode) &&
    (!current.districtCode || next.districtCode === current.districtCode) &&
    depth(next) > depth(current)
  );
}

/**
 * Applicant region by rules in order — CNIPA codes, the province/city/district fields, the address text, a division
 * named in an organisation's name — the first rule that gives a region wins and a later one may only refine it
 * (same province, deeper). The rule of the final codes is kept as `basis`. Fields and address are one step: the
 * finer of the two (the address is the fields' own detail). Persons' names are never read (the caller decides).
 */
export function resolveRegion(input: RegionInput, index: DivisionIndex): RegionCodes {
  const byCode =
    (input.divisionCode ? fromDivisionCode(input.divisionCode, index) : null) ??
    (input.provinceCodeText ? fromProvinceCodeText(input.provinceCodeText, index) : null);
  const byFields = fromFields(input, index);
  const byAddress = input.address ? fromAddress(input.address, index) : null;
  const fieldsOrAddress =
    byFields && byAddress ? (depth(byAddress) > depth(byFields) ? byAddress : byFields) : (byFields ?? byAddress);
  let result: RegionCodes | null = byCode;
  for (const lazy of [
    () => fieldsOrAddress,
    () => (input.applicantName ? regionFromOrgName(input.applicantName, index) : null),
  ]) {
    if (result && depth(result) === 3) break;
    const next = lazy();
    if (next && (!result || refines(next, result))) result = next;
  }
  return result ?? { provinceCode: null, cityCode: null, districtCode: null, basis: null };
}
