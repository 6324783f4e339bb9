import { z } from "zod";

/**
 * The kinds of IP a listing, a pledge, a complaint or a valuation can be about, and the number each one is known
 * by. One place, so the web form, the server and the pledge import refuse the same numbers with the same words.
 */
export const IP_ASSET_TYPES = ["patent", "trademark", "copyright", "software_copyright", "gi", "ic_layout"] as const;
export const IpAssetType = z.enum(IP_ASSET_TYPES);
export type IpAssetType = z.infer<typeof IpAssetType>;

/** Nice classes of goods and services (尼斯分类 11th edition: 1–34 goods, 35–45 services). */
export const NICE_CLASS_MIN = 1;
export const NICE_CLASS_MAX = 45;
const NICE_CLASS_RANGE = "尼斯分类为 1–45 类 · Nice class 1–45";
export const NiceClass = z.number().int().min(NICE_CLASS_MIN, NICE_CLASS_RANGE).max(NICE_CLASS_MAX, NICE_CLASS_RANGE);

/**
 * Each type's number, as its office writes it (spaces removed, letters upper-cased before the check):
 * - patent: application number (ZL) 2021 1 0123456.7 or the old 8 digits + check, or a publication number CN114000001A;
 * - trademark: the registration or application number, up to 8 digits (e.g. 41173195);
 * - copyright: 作品登记号 such as 国作登字-2021-F-00012345 (province prefixes too: 豫作登字-…);
 * - software_copyright: 登记号 such as 2021SR0123456;
 * - gi: a CNIPA GI product announcement (第646号), an agricultural GI certificate (AGI02656, AGI2019-02-2656),
 *   or a GI certification/collective mark's registration number (TM41173195);
 * - ic_layout: 布图设计登记号 such as BS.215012345 (eight digits and a check digit or X).
 */
export const ASSET_NUMBER_PATTERNS: Record<IpAssetType, RegExp> = {
  patent: /^(ZL|CN)?(\d{8}|\d{12})(\.[\dX])?$|^CN\d{6,9}[A-Z]\d?$/,
  trademark: /^\d{1,8}$/,
  copyright: /^[\u4e00-\u9fa5]{1,2}作登字-\d{4}-[A-Z]-\d{8}$/,
  software_copyright: /^\d{4}SR\d{6,7}$/,
  gi: /^第\d{1,4}号$|^AGI\d{5}$|^AGI\d{4}-\d{2}-\d{4,5}$|^TM\d{1,8}$/,
  ic_layout: /^BS\.\d{8}[\dX]$/,
};

/** The message of a number that does not fit its type: "中文 · English", the web says it from its catalogue. */
export const ASSET_NUMBER_MESSAGES: Record<IpAssetType, string> = {
  patent: "专利号如 ZL202110123456.7 或公开号如 CN114000001A · patent number like ZL202110123456.7 or CN114000001A",
  trademark: "商标注册号为 1–8 位数字 · trademark registration number: 1–8 digits",
  copyright: "作品登记号如 国作登字-2021-F-00012345 · copyright registration number like 国作登字-2021-F-00012345",
  software_copyright: "软件著作权登记号如 2021SR0123456 · software copyright registration number like 2021SR0123456",
  gi: "地理标志编号如 第646号、AGI02656 或 TM41173195 · GI number like 第646号, AGI02656 or TM41173195",
  ic_layout: "布图设计登记号如 BS.215012345 · layout-design registration number like BS.215012345",
};
export const NICE_CLASS_REQUIRED = "商标须填写尼斯分类 · a trademark needs its Nice class";
export const NICE_CLASS_ONLY_TRADEMARK = "只有商标有尼斯分类 · only a trademark has a Nice class";

/** A number as it is compared and stored: no spaces, upper case; "ZL" and "CN" kept off patent application numbers. */
export function normaliseAssetNumber(type: IpAssetType, raw: string): string {
  const s = raw.trim().replace(/\s+/g, "");
  if (type === "copyright") return s.replace(/[—–－]/g, "-").toUpperCase();
  return s.toUpperCase();
}

export function isAssetNumber(type: IpAssetType, raw: string): boolean {
  return ASSET_NUMBER_PATTERNS[type].test(normaliseAssetNumber(type, raw));
}

/**
 * A pledge lists its rights as numbers; a trademark's may carry its class after a slash (41173195/5), so a list
 * of marks in several classes is one field.
 */
export function parsePledgedNumber(
  type: IpAssetType,
  raw: string,
): { ok: true; number: string; niceClass: number | null } | { ok: false; message: string } {
  const s = normaliseAssetNumber(type, raw);
  const m = type === "trademark" ? /^(\d{1,8})(?:\/(\d{1,2}))?$/.exec(s) : null;
  if (m) {
    const cls = m[2] === undefined ? null : Number(m[2]);
    if (cls !== null && (cls < NICE_CLASS_MIN || cls > NICE_CLASS_MAX)) return { ok: false, message: NICE_CLASS_RANGE };
    return { ok: true, number: m[1], niceClass: cls };
  }
  if (!ASSET_NUMBER_PATTERNS[type].test(s)) return { ok: false, message: ASSET_NUMBER_MESSAGES[type] };
  return { ok: true, number: s, niceClass: null };
}

/**
 * Checks a form's asset fields together (type, number, Nice class) and reports each problem on its field, so the
 * web form shows it beside the field and a 400 names it. `numberKey` is the form's field for the number.
 */
export function checkAssetFields(
  v: { type: IpAssetType; number: string; niceClass?: number | null },
  ctx: z.core.$RefinementCtx,
  keys: { type: string; number: string; niceClass: string },
): void {
  if (!isAssetNumber(v.type, v.number))
    ctx.addIssue({ code: "custom", path: [keys.number], message: ASSET_NUMBER_MESSAGES[v.type] });
  if (v.type === "trademark" && (v.niceClass === undefined || v.niceClass === null))
    ctx.addIssue({ code: "custom", path: [keys.niceClass], message: NICE_CLASS_REQUIRED });
  if (v.type !== "trademark" && v.niceClass !== undefined && v.niceClass !== null)
    ctx.addIssue({ code: "custom", path: [keys.niceClass], message: NICE_CLASS_ONLY_TRADEMARK });
}

/** Checks each pledged number against the pledge's asset type; a problem names the item's place in the list. */
export function checkPledgedNumbers(type: IpAssetType, numbers: string[], ctx: z.core.$RefinementCtx, key: string) {
  numbers.forEach((n, i) => {
    const r = parsePledgedNumber(type, n);
    if (!r.ok) ctx.addIssue({ code: "custom", path: [key, i], message: r.message });
  });
}
