/**
 * Functional zones of Zhengzhou. Three have statistical codes; 郑东新区 has none (its streets are coded under 金水区
 * 410105), so registry records carry a zone name beside the division code and the plan counts zones by name.
 */
export const ZHENGZHOU_ZONES: { name: string; code: string | null }[] = [
  { name: "郑东新区", code: null },
  { name: "高新区", code: "410172" },
  { name: "经开区", code: "410171" },
  { name: "航空港区", code: "410173" },
];

export function zoneCode(zone: string | null | undefined): string | null {
  return ZHENGZHOU_ZONES.find((z) => z.name === zone)?.code ?? null;
}

/**
 * Whether a record (division code + zone) is inside a district scope (null = city-wide). A record in a coded zone
 * is in that zone's scope as well as in its division's.
 */
export function recordInScope(
  scope: string | null,
  record: { districtCode: string | null | undefined; zone: string | null | undefined },
): boolean {
  if (scope === null) return true;
  const inCode = (c: string | null | undefined) => !!c && (c === scope || c.startsWith(scope));
  return inCode(record.districtCode) || inCode(zoneCode(record.zone));
}
