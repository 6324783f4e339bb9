/**
 * One invention per application: the key that groups the publications of one application (CN…A with CN…B, a
 * WO…A1 with its A3) so counts can be made in applications rather than in publication records.
 *
 *   AN:<canonical application number>   when the record has an application number
 *   FAM:<simple family id>              else, when the source gave a simple family id
 *   PN:<publication number>             else: the publication is its own invention
 *
 * Sources spell one CN application number several ways: CN202211477164.4, 202211477164.4, 2022114771644,
 * ZL202211477164.4 (专利号), CN 2022 1 1477164.4, full-width digits. A CN number is 8 (to 2003) or 12 digits plus
 * an optional check digit (0-9 or X); the canonical form drops the check digit, so a spelling without it still
 * groups. PCT numbers (PCT/CN2022/071775, WO2022CN071775, CN2016/112376 as one vendor writes them) become
 * PCT<country><year><serial without leading zeros>. Other numbers keep their letters and digits only.
 */

const CN_BODY = /^(?:CN|ZL)?(\d{8}|\d{12})[\dX]?$/;
const PCT_SLASHED = /^(?:PCT\/?)?([A-Z]{2})(\d{4})\/(\d+)$/; // a country and a year before the slash
const PCT_WO = /^(?:WO|PCT)(\d{4})([A-Z]{2})(\d+)$/;

/** The canonical application number, or "" when there is none. */
export function canonicalApplicationNumber(raw: string | null | undefined): string {
  if (!raw) return "";
  const s = raw
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s\u3000]+/g, "");
  if (s === "") return "";
  const slashed = PCT_SLASHED.exec(s);
  if (slashed && /^(19|20)/.test(slashed[2])) return pct(slashed[1], slashed[2], slashed[3]);
  const compact = s.replace(/[./\-_,]/g, "");
  const wo = PCT_WO.exec(compact);
  if (wo) return pct(wo[2], wo[1], wo[3]);
  const cn = CN_BODY.exec(compact);
  if (cn) return `CN${cn[1]}`;
  return compact;
}

function pct(country: string, year: string, serial: string): string {
  return `PCT${country}${year}${serial.replace(/^0+(?=\d)/, "")}`;
}

export interface InventionKeySource {
  appNo?: string | null;
  familyId?: string | null;
  pubNo: string;
}

/** The invention a publication belongs to (see the file comment for the order of evidence). */
export function inventionKey(r: InventionKeySource): string {
  const an = canonicalApplicationNumber(r.appNo);
  if (an !== "") return `AN:${an}`;
  const family = (r.familyId ?? "").normalize("NFKC").trim().toUpperCase();
  if (family !== "") return `FAM:${family}`;
  return `PN:${r.pubNo
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[\s./\-_]/g, "")}`;
}
