import type { GiKind, GiStage } from "@zhichan/shared";

/**
 * How a shipped GI fact's wording becomes the register's fields. Pure, so the load test can check every shipped
 * row's reading.
 */
export function kindAndStage(giType: string): { kind: GiKind; stage: GiStage } | null {
  const t = giType.replace(/\s+/g, "");
  if (t.startsWith("地理标志产品")) return { kind: "gi_product", stage: "registered" };
  if (t.startsWith("地理标志证明商标") || t.startsWith("地理标志集体商标"))
    return { kind: "gi_mark", stage: "registered" };
  if (t.startsWith("农产品地理标志")) {
    if (t.includes("公示")) return { kind: "agri_gi", stage: "publicised" };
    if (t.includes("评审")) return { kind: "agri_gi", stage: "reviewed" };
    return { kind: "agri_gi", stage: "registered" };
  }
  return null;
}

/** The year an announcement or batch names (2025-05, 第646号公告(2025), 2011), else the event's (2019年…公示). */
export function yearNamed(...texts: (string | null | undefined)[]): number | null {
  for (const t of texts) {
    const m = t ? /(19[89]\d|20\d\d)/.exec(t) : null;
    if (m) return Number(m[1]);
  }
  return null;
}

export interface Division {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
}

/**
 * The prefecture's six-digit code (the map's feature id) and the county's when the area names exactly one county
 * of it ("登封市", "二七区樱桃沟"), not when it names several ("宛城区等13个县区").
 */
export function resolveCodes(
  divisions: Division[],
  prefecture: string | null,
  area: string | null,
): { cityCode: string | null; districtCode: string | null } {
  if (!prefecture) return { cityCode: null, districtCode: null };
  const city = divisions.find((d) => d.level === "city" && d.name === prefecture);
  // 济源示范区 is a county-level city directly under the province (419001 济源市)
  const direct = city
    ? undefined
    : divisions.find(
        (d) => d.level === "county" && d.code.startsWith("4190") && d.name.slice(0, 2) === prefecture.slice(0, 2),
      );
  const cityCode = city ? `${city.code}00` : (direct?.code ?? null);
  if (!area || !city || /等|、|,|，/.test(area)) return { cityCode, districtCode: direct?.code ?? null };
  const county = divisions
    .filter((d) => d.level === "county" && d.parent_code === city.code)
    .find((d) => area === d.name || area.startsWith(d.name));
  return { cityCode, districtCode: county?.code ?? null };
}
