/**
 * English names of Zhengzhou's county-level divisions, for the English UI (the divisions table holds the statistical
 * names in Chinese only). The functional zones use the names the zones use themselves. A division missing here — a
 * city other than Zhengzhou — shows its Chinese name in both languages rather than its code.
 */
export const DISTRICT_NAMES_EN: Record<string, string> = {
  "410102": "Zhongyuan District",
  "410103": "Erqi District",
  "410104": "Guancheng Hui District",
  "410105": "Jinshui District",
  "410106": "Shangjie District",
  "410108": "Huiji District",
  "410122": "Zhongmu County",
  "410171": "Zhengzhou Economic and Technological Development Zone",
  "410172": "Zhengzhou High-tech Industrial Development Zone",
  "410173": "Zhengzhou Airport Economy Zone",
  "410181": "Gongyi City",
  "410182": "Xingyang City",
  "410183": "Xinmi City",
  "410184": "Xinzheng City",
  "410185": "Dengfeng City",
};

/** The platform's city (statistical code): its county-level divisions are the districts officials are scoped to. */
export const PLATFORM_CITY = "4101";
