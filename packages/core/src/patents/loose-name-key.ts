import { applicantNormKey } from "./applicants.js";

/**
 * A looser identity key than applicantNormKey, for merge *suggestions* an official reviews (never merged on it alone):
 * traditional characters folded to simplified (臺灣 → 台湾, 無限 → 无限), accents dropped (Société → societe), old
 * romanisations of places (Peking → Beijing, Tsinghua → Qinghua), filler words (the, of, and) and every character that
 * is not a letter or digit removed, and 株式会社 wherever it stands (株式会社トヨタ = トヨタ株式会社).
 */

// Traditional → simplified for characters common in company and institution names (not a full table: a name using a
// rarer one simply gets no suggestion from this rule).
const TRADITIONAL =
  "無發開電車體機術業達國際華東訊網絡資產動學醫藥廠設備製實驗導軟銀貿灣臺廣門興龍鴻聯積創傳數據維護氣環險證鐵鋼礦農藝號萬億豐寶圖書館視頻響聲樂優質測試計專權營運輸輛連線結構層區縣鎮務員會協總團標準應屬紡織飛橋礎陽極雲儀調節熱處濟財經歷與為產鋁銅鎖錶鐘闆點號復韓紅藍綠黃";
const SIMPLIFIED =
  "无发开电车体机术业达国际华东讯网络资产动学医药厂设备制实验导软银贸湾台广门兴龙鸿联积创传数据维护气环险证铁钢矿农艺号万亿丰宝图书馆视频响声乐优质测试计专权营运输辆连线结构层区县镇务员会协总团标准应属纺织飞桥础阳极云仪调节热处济财经历与为产铝铜锁表钟板点号复韩红蓝绿黄";
const FOLD = new Map<string, string>();
for (let i = 0; i < TRADITIONAL.length; i++) FOLD.set(TRADITIONAL[i], SIMPLIFIED[i]);

const ROMANISATIONS: Record<string, string> = {
  peking: "beijing",
  tsinghua: "qinghua",
  nanking: "nanjing",
  canton: "guangzhou",
  amoy: "xiamen",
  chekiang: "zhejiang",
  szechuan: "sichuan",
  sichuen: "sichuan",
};
const FILLER = new Set(["the", "of", "and", "&"]);

const NON_ASCII = /[^ -~\t\n\r]/;
const TRADITIONAL_CHAR = new RegExp(`[${TRADITIONAL}]`, "gu");
const LETTERS_DIGITS = /[^\p{L}\p{N}]+/gu;

export function looseNameKey(name: string): string {
  let text = name.normalize("NFKC");
  const ascii = !NON_ASCII.test(text);
  if (!ascii) {
    text = text.replace(TRADITIONAL_CHAR, (ch) => FOLD.get(ch) ?? ch).replace(/株式会社/gu, " ");
    // Accents: decompose and drop the combining marks (CJK characters have none, so they are untouched).
    if (/[\u00c0-\u024f]/u.test(text)) text = text.normalize("NFD").replace(/\p{M}+/gu, "");
  }
  if (/[a-z]/i.test(text)) {
    text = text
      .replace(/&/g, " & ")
      .split(/\s+/)
      .map((w) => ROMANISATIONS[w.toLowerCase()] ?? w)
      .filter((w) => !FILLER.has(w.toLowerCase()))
      .join(" ");
  }
  return applicantNormKey(text).replace(LETTERS_DIGITS, "");
}
