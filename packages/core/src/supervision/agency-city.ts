/**
 * Whether an agency named in the patent data is one of the city's, before it is offered to officials as a registry
 * candidate (issue #17: a Chongqing agency was offered to Zhengzhou).
 *
 * What the patent data can say about an agency:
 * - its CNIPA agency code (代理机构代码, CNIPA XML `CustomerNumber`): five digits whose first two are the province's
 *   division code (41 Henan, 50 Chongqing). A code of another province rules the agency out whatever its name. A code
 *   names a city only where the city keeps a list of its own agencies' code prefixes (`agencyCodePrefixes`).
 * - its address, when the source carries one (some vendor exports): the city's name or one of its districts.
 * - its name: Chinese agency names lead with the place of registration (郑州明华专利代理事务所). A name leading with
 *   the city's name, or holding one of its districts' full names (金水区, 新郑市), places it in the city. Bare
 *   district stems are not enough (中原 is 中原区 but also 中原信达, a Beijing agency).
 * Anything else is not offered: an official can still enter the agency by hand.
 */
export interface CityProfile {
  /** 郑州市 */
  name: string;
  /** Two-digit province code, e.g. 41. */
  provinceCode: string;
  /** Full names of the city's county-level divisions: 金水区, 新郑市 … */
  divisionNames: string[];
  /** Agency-code prefixes the city knows to be its own (none by default: codes carry the province only). */
  agencyCodePrefixes?: string[];
}

export type AgencyCityBasis = "code" | "address" | "name";

export interface AgencyEvidence {
  name: string;
  code?: string | null;
  address?: string | null;
}

/** The city's name without its suffix: 郑州市 → 郑州. */
export const cityStem = (name: string) => name.replace(/(市|地区|自治州|盟)$/, "");

function placesInCity(text: string, city: CityProfile): boolean {
  const stem = cityStem(city.name);
  if (stem.length >= 2 && text.includes(stem)) return true;
  return city.divisionNames.some((d) => d.length >= 3 && text.includes(d));
}

/** The basis on which the agency is the city's, or null when nothing places it there. */
export function agencyInCity(a: AgencyEvidence, city: CityProfile): AgencyCityBasis | null {
  const code = (a.code ?? "").trim();
  if (/^\d{5}$/.test(code)) {
    if (!code.startsWith(city.provinceCode)) return null;
    if (city.agencyCodePrefixes?.some((p) => code.startsWith(p))) return "code";
  }
  if (a.address && placesInCity(a.address, city)) return "address";
  const name = a.name.trim();
  const stem = cityStem(city.name);
  if (stem.length >= 2 && name.startsWith(stem)) return "name";
  if (city.divisionNames.some((d) => d.length >= 3 && name.includes(d))) return "name";
  return null;
}
